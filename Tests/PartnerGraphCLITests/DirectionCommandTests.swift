import Foundation
import Testing

/// One meaning for --directed in every command: it reads a CSV edge table (or edge list) as
/// directed, exactly as a native file whose relations are directed; only --follow-direction
/// makes walks follow direction.
@Suite struct DirectionCommandTests {
    /// NetworkX's lengths on a directed G(n, p) graph (scripts/make_path_fixtures.py): all 80
    /// edges directed, given as `[from, to, directed, weight]`.
    struct Fixture: Decodable {
        struct Case: Decodable {
            var traversal: String
            var weight: String?
            var weightAs: String?
            var networkx: String
            var lengths: [String: [String: Double]]
        }
        var edges: [[Edge]]
        var cases: [Case]
        enum Edge: Decodable {
            case text(String), flag(Bool), number(Double)
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let b = try? c.decode(Bool.self) { self = .flag(b) } else if let d = try? c.decode(Double.self) { self = .number(d) } else { self = .text(try c.decode(String.self)) }
            }
            var text: String {
                switch self {
                case .text(let s): return s
                case .flag(let b): return "\(b)"
                case .number(let d): return "\(d)"
                }
            }
        }
    }

    static func fixture() throws -> Fixture {
        let url = repositoryRoot.appendingPathComponent("Tests/PartnerGraphAlgorithmsTests/Fixtures/paths/directed-gnp-30-weighted.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// The fixture's edges as a CSV edge table.
    static func edgeTable(_ f: Fixture) throws -> URL {
        let dir = try temporaryFolder()
        var csv = "source,target,weight\n"
        for e in f.edges {
            #expect(e[2].text == "true", "every edge of the fixture is directed")
            csv += "\(e[0].text),\(e[1].text),\(e[3].text)\n"
        }
        let file = dir.appendingPathComponent("edges.csv")
        try write(csv, to: file)
        return file
    }

    /// `reach` from every sampled source of every case equals NetworkX: with --directed and no
    /// --follow-direction, the undirected graph's lengths; with --follow-direction, the DiGraph's.
    @Test func reachOnADirectedCSVEqualsNetworkX() throws {
        let f = try DirectionCommandTests.fixture()
        let file = try DirectionCommandTests.edgeTable(f)
        #expect(f.cases.contains { $0.traversal == "undirected" } && f.cases.contains { $0.traversal == "follow-direction" })
        for c in f.cases {
            var options = ["--directed"]
            if c.traversal == "follow-direction" { options.append("--follow-direction") }
            if let w = c.weight { options += ["--weight", w, "--weight-as", c.weightAs ?? "strength"] }
            for (source, expected) in c.lengths.sorted(by: { $0.key < $1.key }) {
                let r = try partnergraph(["reach", file.path, source, "--format", "json"] + options)
                #expect(r.status == 0, "\(r.stderr)")
                let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
                var got: [String: Double] = [:]
                for row in rows { got[row["id"] as! String] = (row["distance"] as! NSNumber).doubleValue }
                let want = expected.filter { $0.key != source }
                #expect(Set(got.keys) == Set(want.keys), "\(c.networkx) from \(source) \(options)")
                for (target, length) in want {
                    #expect(abs((got[target] ?? -1) - length) <= 1e-9 * max(1, length), "\(c.networkx) \(source) → \(target) \(options): \(got[target] ?? -1) vs \(length)")
                }
            }
        }
    }

    /// A chain that runs against direction is found without --follow-direction, and only the
    /// refusal under --follow-direction names that flag.
    @Test func pathOnADirectedCSVWalksBothWaysUnlessAsked() throws {
        let dir = try temporaryFolder()
        try write("source,target\nA,B\nC,B\n", to: dir.appendingPathComponent("edges.csv"))
        try write("id,kind\nA,organisation\nB,organisation\nC,organisation\n", to: dir.appendingPathComponent("nodes.csv"))
        let both = try partnergraph(["path", "edges.csv", "--directed", "A", "C"], in: dir)
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.stdout.hasPrefix("A shortest path from A to C (ties walked both ways):\n"))
        let symmetric = try partnergraph(["path", "edges.csv", "--follow-direction", "A", "C"], in: dir)
        #expect(symmetric.status == 0)
        #expect(symmetric.stderr == "partnergraph: warning: --follow-direction changes nothing here: no relation in the view is directed (read a CSV edge table or edge list with --directed)\n")
        let follow = try partnergraph(["path", "edges.csv", "--directed", "--follow-direction", "A", "C"], in: dir)
        #expect(follow.status == 1)
        #expect(follow.stderr.contains("without --follow-direction ties are walked both ways"))
        // The same network as a native file with a directed relation gives the same answers.
        try write("""
            relations:
              - {id: points-to, directed: true, verb: "points to"}
            nodes:
              - {id: A, kind: organisation}
              - {id: B, kind: organisation}
              - {id: C, kind: organisation}
            edges:
              - {from: A, to: B, relation: points-to}
              - {from: C, to: B, relation: points-to}
            """, to: dir.appendingPathComponent("native.yaml"))
        let native = try partnergraph(["path", "native.yaml", "A", "C"], in: dir)
        #expect(native.status == 0, "\(native.stderr)")
        #expect(try partnergraph(["path", "native.yaml", "--follow-direction", "A", "C"], in: dir).status == 1)
        for command in [["ego", "A", "--radius", "2"], ["reach", "A"]] {
            let csv = try partnergraph([command[0], "edges.csv", "--directed"] + command.dropFirst() + ["--format", "csv"], in: dir)
            let yaml = try partnergraph([command[0], "native.yaml"] + command.dropFirst() + ["--format", "csv"], in: dir)
            #expect(csv.status == 0 && yaml.status == 0, "\(csv.stderr)\(yaml.stderr)")
            #expect(csv.stdout.split(separator: "\n").count == yaml.stdout.split(separator: "\n").count, "\(command[0]): \(csv.stdout) vs \(yaml.stdout)")
            #expect(csv.stdout.contains("\nC,"), "\(command[0]) reaches C both ways: \(csv.stdout)")
        }
        // Analyses see the same directed graph from both files.
        let a = try partnergraph(["centrality", "edges.csv", "--nodes", "nodes.csv", "--directed", "--measure", "pagerank", "--format", "csv"], in: dir)
        let b = try partnergraph(["centrality", "native.yaml", "--measure", "pagerank", "--format", "csv"], in: dir)
        #expect(a.status == 0 && a.stdout == b.stdout, "\(a.stdout)\n\(b.stdout)")
    }

    /// --directed goes with the formats that do not declare direction themselves.
    @Test func directedIsRefusedWhereTheFileDeclaresDirection() throws {
        let r = try partnergraph(["info", "Graphs/karate-club.yaml", "--directed"])
        #expect(r.status == 64)
        #expect(r.stderr == "partnergraph: --directed goes with a CSV edge table, a workbook or an edge list; a yaml file declares its direction itself\n")
        let n = try partnergraph(["info", "Graphs/karate-club.yaml", "--nodes", "x.csv"])
        #expect(n.status == 64)
        #expect(n.stderr == "partnergraph: --nodes goes with a CSV edge table, not a yaml file\n")
    }

    /// The report states the direction it read and follows it only with --follow-direction.
    @Test func reportStatesDirectionAsRead() throws {
        let dir = try temporaryFolder()
        let out = dir.appendingPathComponent("r.html").path
        func statement(_ arguments: [String]) throws -> String {
            let r = try partnergraph(["report"] + arguments + ["-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            return try String(contentsOfFile: out, encoding: .utf8)
        }
        let karate = try statement(["Graphs/karate-club.yaml"])
        #expect(karate.contains("undirected (every relation symmetric)"))
        #expect(karate.contains("paths walk ties both ways"))
        let nordic = try statement(["Graphs/nordic-innovation-procurement.yaml"])
        #expect(nordic.contains("directed relations as declared, symmetric ones both ways"))
        #expect(nordic.contains("paths walk ties both ways"))
        #expect(nordic.contains("\"follow\":false"))
        let following = try statement(["Graphs/nordic-innovation-procurement.yaml", "--follow-direction"])
        #expect(following.contains("paths follow edge direction (--follow-direction)"))
        #expect(following.contains("\"follow\":true"))
        let symmetric = try statement(["Graphs/nordic-innovation-procurement.yaml", "--undirected"])
        #expect(symmetric.contains("every tie symmetric (--undirected)"))
    }

    /// Flags that several commands share mean the same in each (the audit for issue 14).
    @Test func sharedFlagsMeanTheSameEverywhere() throws {
        let nordic = "Graphs/nordic-innovation-procurement.yaml"
        // nodes --kinds and edges --relations take comma lists, as the view options do.
        let kinds = try partnergraph(["nodes", nordic, "--kinds", "person,event", "--format", "csv"])
        #expect(kinds.status == 0, "\(kinds.stderr)")
        #expect(kinds.stdout.split(separator: "\n").count == 1 + 3 + 1, "3 people and 1 event: \(kinds.stdout)")
        let relations = try partnergraph(["edges", nordic, "--relations", "founded,hosted", "--format", "csv"])
        #expect(relations.stdout.split(separator: "\n").count == 1 + 5 + 1, "\(relations.stdout)")
        // render takes --cluster-by none, as report does.
        let none = try partnergraph(["render", nordic, "--cluster-by", "none", "--format", "dot", "-o", "-"])
        #expect(none.status == 0 && !none.stdout.contains("subgraph \"cluster"), "\(none.stderr)")
        // structure offers only the formats it writes.
        let csv = try partnergraph(["structure", nordic, "--format", "csv"])
        #expect(csv.status == 64 && csv.stderr.contains("'csv'"), "\(csv.stderr)")
        // convert has no --from (elsewhere a date); the input format is --input-format everywhere.
        let from = try partnergraph(["convert", "-", "--from", "gml", "--to", "json", "-o", "-"])
        #expect(from.status == 64)
    }
}
