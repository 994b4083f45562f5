import Foundation
import Testing

/// `partnergraph path`, `ego` and `reach` end to end.

private let nordicFile = "Graphs/nordic-innovation-procurement.yaml"

@Suite struct PathCommandTests {
    @Test func shortestPathAsText() throws {
        let r = try partnergraph(["path", nordicFile, "co-pi", "hansel"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout == """
            A shortest path from CO-PI to Hansel (ties walked both ways):

            CO-PI → KEINO → Hansel
              1. CO-PI is a sister organisation of KEINO. Source: copi-seminar-2022.
              2. Hansel is a founding member of KEINO (since 2018). Source: copi-seminar-2022.
              2 hops · length 2 · weakest tie: every tie counts 1 (unweighted)

            Sources:
              copi-seminar-2022: Inspiration og viden til nordisk seminar om innovative indkøb

            """)
    }

    @Test func namesWithoutDiacriticsAndConstraintsInTheHeader() throws {
        let r = try partnergraph(["path", nordicFile, "Ingebjorg Harto", "Hansel", "--via", "Nordic seminar on innovative procurement, Copenhagen 2022", "--max-hops", "4"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("A shortest path from Ingebjørg Harto to Hansel (ties walked both ways, through Nordic seminar on innovative procurement, Copenhagen 2022, at most 4 hops):\n"))
        #expect(r.stdout.contains("  1. Ingebjørg Harto took part in Nordic seminar on innovative procurement, Copenhagen 2022 (spoke at the opening; in October 2022). Source: copi-seminar-2022.\n"))
    }

    @Test func jsonHasTheShapeOfIssue4() throws {
        let r = try partnergraph(["path", nordicFile, "Ole Bech Lykkebo", "hansel", "--k", "3", "--format", "json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(Set(json.keys) == ["from", "to", "paths"])
        #expect(json["from"] as? String == "ole-bech-lykkebo")
        #expect(json["to"] as? String == "hansel")
        let paths = json["paths"] as! [[String: Any]]
        #expect(paths.count == 3)
        // Ole → CO-PI → KEINO → Hansel; then through the seminar; then by LUP and the seminar.
        #expect(paths.map { $0["hops"] as! Int } == [3, 4, 5])
        let first = paths[0]
        #expect(Set(first.keys) == ["nodes", "edges", "hops", "length", "bottleneck"])
        #expect(first["nodes"] as? [String] == ["ole-bech-lykkebo", "co-pi", "keino", "hansel"])
        #expect(first["length"] as? Double == 3)
        #expect(first["bottleneck"] as? Double == 1)
        let edges = first["edges"] as! [[String: Any]]
        #expect(Set(edges[0].keys) == ["from", "to", "relation", "traversed", "weight", "sources"])
        #expect(edges[0]["from"] as? String == "ole-bech-lykkebo")
        #expect(edges[0]["relation"] as? String == "works-at")
        #expect(edges[0]["traversed"] as? String == "forward")
        #expect(edges[0]["weight"] is NSNull)
        #expect(edges[0]["sources"] as? [String] == ["copi-seminar-2022"])
        #expect(edges[2]["from"] as? String == "hansel")
        #expect(edges[2]["traversed"] as? String == "backward")
    }

    @Test func weightedStrongestChainAsJSON() throws {
        let r = try partnergraph(["path", "Graphs/karate-club.yaml", "0", "33", "--strongest", "--format", "json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let path = (json["paths"] as! [[String: Any]])[0]
        #expect(path["nodes"] as? [String] == ["0", "2", "8", "33"])
        #expect(path["bottleneck"] as? Double == 4)
        #expect((path["edges"] as! [[String: Any]]).map { $0["weight"] as! Double } == [5, 5, 4])
    }

    @Test func allShortestPaths() throws {
        // From NHO, LUP meets KEINO through its sister CO-PI or at the seminar.
        let r = try partnergraph(["path", nordicFile, "nho", "keino", "--all-shortest"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("All 2 shortest paths from NHO to KEINO (ties walked both ways):\n"))
        #expect(r.stdout.contains("\nPath 1 of 2: NHO → Supplier Development Programme (LUP) → CO-PI → KEINO\n"))
        #expect(r.stdout.contains("\nPath 2 of 2: NHO → Supplier Development Programme (LUP) → Nordic seminar on innovative procurement, Copenhagen 2022 → KEINO\n"))
    }

    @Test func dotHighlightsThePath() throws {
        let r = try partnergraph(["path", nordicFile, "nho", "keino", "--format", "dot"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("digraph "))
        #expect(r.stdout.contains("A shortest path from NHO to KEINO (ties walked both ways)"))
        let lines = r.stdout.split(separator: "\n").map(String.init)
        func line(_ prefix: String, _ tooltip: String) -> String? {
            lines.first { $0.hasPrefix("  " + prefix) && $0.contains("tooltip=\"" + tooltip + "\"") }
        }
        // The path's nodes and edges are highlighted; a parallel edge it does not use is not.
        for id in ["nho", "lup", "co-pi", "keino"] {
            #expect(lines.contains { $0.hasPrefix("  \"\(id)\" [") && $0.contains("penwidth=3.5") }, "\(id)")
        }
        #expect(lines.contains { $0.hasPrefix("  \"hansel\" [") && !$0.contains("penwidth=3.5") })
        #expect(line("\"nho\" -> \"lup\"", "NHO founded Supplier Development Programme (LUP)")?.contains("penwidth=4") == true)
        #expect(line("\"nho\" -> \"lup\"", "NHO manages Supplier Development Programme (LUP)")?.contains("penwidth=4") == false)
        #expect(line("\"co-pi\" -> \"keino\"", "CO-PI is a sister organisation of KEINO")?.contains("penwidth=4") == true)
        #expect(r.stdout.hasSuffix("}\n"))
        // Graphviz reads and lays it out (libgvc, as `dot -Tsvg` would).
        let dir = try temporaryFolder()
        let file = dir.appendingPathComponent("path.dot")
        try write(r.stdout, to: file)
        let svg = try partnergraph(["render", file.path, "-o", dir.appendingPathComponent("path.svg").path])
        #expect(svg.status == 0, "\(svg.stderr)")
    }

    @Test func exitCodes() throws {
        let unknown = try partnergraph(["path", nordicFile, "co-pi", "hansl"])
        #expect(unknown.status == 64)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr == "partnergraph: no node has the id or name 'hansl'; did you mean Hansel ('hansel')?\n")

        let dir = try temporaryFolder()
        let file = dir.appendingPathComponent("two.yaml")
        try write("""
            nodes:
              - {id: a, kind: person, label: Anna Berg}
              - {id: b, kind: person, label: Anna Berg}
              - {id: c, kind: organisation}
              - {id: d, kind: organisation}
            edges:
              - {from: a, to: c, relation: works-at}
            """, to: file)
        let ambiguous = try partnergraph(["path", file.path, "anna berg", "c"])
        #expect(ambiguous.status == 64)
        #expect(ambiguous.stderr == "partnergraph: 'anna berg' matches 2 nodes: Anna Berg ('a'), Anna Berg ('b'); give one of the ids\n")

        let apart = try partnergraph(["path", file.path, "a", "d"])
        #expect(apart.status == 1)
        #expect(apart.stderr == "partnergraph: no path from Anna Berg to d: Anna Berg and d lie in different components of the network: no chain of ties joins them\n")

        let view = try partnergraph(["path", nordicFile, "nho", "hansel", "--relations", "founded,founding-member-of"])
        #expect(view.status == 1)
        #expect(view.stderr.contains("but not through the relations, kinds and dates the view keeps (view: --relations founded,founding-member-of)"))

        let direction = try partnergraph(["path", nordicFile, "lup", "nho", "--follow-direction"])
        #expect(direction.status == 1)
        #expect(direction.stderr.contains("runs against the direction of some tie"))

        let avoided = try partnergraph(["path", nordicFile, "co-pi", "hansel", "--avoid", "keino"])
        #expect(avoided.status == 1)
        #expect(avoided.stderr.hasSuffix("passes through a node that the constraints rule out (--avoid keino)\n"))

        let hops = try partnergraph(["path", nordicFile, "ole", "hansel", "--max-hops", "2"])
        #expect(hops.status == 1)
        #expect(hops.stderr == "partnergraph: no path from Ole Bech Lykkebo to Hansel: the shortest chain from Ole Bech Lykkebo to Hansel has 3 hops, more than the limit of 2; raise --max-hops\n")

        let invalid = try partnergraph(["path", nordicFile, "co-pi", "hansel", "--avoid", "hansel"])
        #expect(invalid.status == 64)
        let modes = try partnergraph(["path", nordicFile, "co-pi", "hansel", "--k", "2", "--strongest"])
        #expect(modes.status == 64)
        let kind = try partnergraph(["path", nordicFile, "co-pi", "hansel", "--through-kind", "persn"])
        #expect(kind.status == 64)
        #expect(kind.stderr.contains("did you mean 'person'?"))
        let conflict = try partnergraph(["path", nordicFile, "co-pi", "hansel", "--follow-direction", "--undirected"])
        #expect(conflict.status == 64)

        let missing = try partnergraph(["path", "no-such.yaml", "a", "b"])
        #expect(missing.status == 66)
    }

    @Test func egoTableAndFile() throws {
        let r = try partnergraph(["ego", nordicFile, "Salla Koivusalo", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("""
            id,label,kind,distance,tied in by
            salla-koivusalo,Salla Koivusalo,person,0,
            motiva,Motiva,organisation,1,Salla Koivusalo works at Motiva
            nordic-seminar-2022,"Nordic seminar on innovative procurement, Copenhagen 2022",event,1,"Salla Koivusalo took part in Nordic seminar on innovative procurement, Copenhagen 2022"

            """))
        let dir = try temporaryFolder()
        let out = dir.appendingPathComponent("ego.yaml")
        let w = try partnergraph(["ego", nordicFile, "co-pi", "--radius", "1", "-o", out.path])
        #expect(w.status == 0)
        let v = try partnergraph(["validate", out.path])
        #expect(v.status == 0)
        // CO-PI, LUP, KEINO, Ole Bech Lykkebo, the seminar; and every tie among them: the
        // two sister and two inspired-by ties, works-at, hosted, and participated-in by CO-PI,
        // LUP and KEINO.
        #expect(v.stdout == "\(out.path): valid (5 nodes, 9 edges)\n")
        let j = try partnergraph(["ego", nordicFile, "co-pi", "-o", "-", "--to", "json"])
        #expect(j.status == 0)
        #expect(j.stdout.contains("\"name\": \"Nordic innovative-procurement network: ego network of CO-PI, radius 1\""))
    }

    @Test func reachTable() throws {
        let r = try partnergraph(["reach", nordicFile, "hansel", "--max-hops", "2", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout == """
            id,label,kind,distance,first hop,first tie
            keino,KEINO,organisation,1,keino,Hansel is a founding member of KEINO
            motiva,Motiva,organisation,2,keino,Hansel is a founding member of KEINO
            vtt,VTT,organisation,2,keino,Hansel is a founding member of KEINO
            business-finland,Business Finland,organisation,2,keino,Hansel is a founding member of KEINO
            syke,SYKE,organisation,2,keino,Hansel is a founding member of KEINO
            co-pi,CO-PI,organisation,2,keino,Hansel is a founding member of KEINO
            nordic-seminar-2022,"Nordic seminar on innovative procurement, Copenhagen 2022",event,2,keino,Hansel is a founding member of KEINO

            """)
        let directed = try partnergraph(["reach", nordicFile, "hansel", "--follow-direction", "--format", "json"])
        #expect(directed.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(directed.stdout.utf8)) as! [[String: Any]]
        // Founding member of KEINO, which took part in the seminar and is CO-PI's sister
        // (symmetric, so walked either way), and CO-PI's sister is LUP.
        #expect(rows.map { $0["id"] as! String } == ["keino", "co-pi", "nordic-seminar-2022", "lup"])
        #expect(rows.map { $0["distance"] as! Int } == [1, 2, 2, 3])
        let unknown = try partnergraph(["reach", nordicFile, "hanzel"])
        #expect(unknown.status == 64)
    }

    @Test func helpHasExamples() throws {
        for command in ["path", "ego", "reach"] {
            let r = try partnergraph([command, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("Examples:\n  partnergraph \(command) Graphs/"))
        }
    }
}
