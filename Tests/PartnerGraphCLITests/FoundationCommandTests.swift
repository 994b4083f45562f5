import Foundation
import Testing

let nordic = "Graphs/nordic-innovation-procurement.yaml"

@Suite struct FoundationCommandTests {
    @Test func infoSummarisesTheNordicNetwork() throws {
        let r = try partnergraph(["info", nordic, "--format", "json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(json["nodes"] as? Int == 17)
        #expect((json["nodesByKind"] as? [String: Int])?["person"] == 3)
        #expect((json["edgesByRelation"] as? [String: Int])?["founded"] == 5)
        #expect(json["components"] as? Int == 1)
        #expect(json["firstDate"] as? String == "2018")
        #expect(json["lastDate"] as? String == "2022-10")
        // Counted by hand from the edge list: 23 directed edges, of which three pairs share
        // their ends (nho→lup founded+manages, motiva→keino founding-member-of+part-of,
        // co-pi→seminar hosted+participated-in): 20 distinct arcs. The two symmetric
        // sister-organisation edges give four arcs, two of which (co-pi→lup, co-pi→keino)
        // exist already as inspired-by: 22 arcs. Density = 22 / (17 · 16).
        // (Compared as text: Foundation's JSON parser on Linux may round the last digit.)
        #expect(r.stdout.contains("\"density\": \(22.0 / (17.0 * 16.0)),"))
    }

    @Test func infoTable() throws {
        let r = try partnergraph(["info", nordic])
        #expect(r.status == 0)
        #expect(r.stdout.contains("nodes of kind organisation                12\n"))
    }

    @Test func validateValidAndInvalid() throws {
        let ok = try partnergraph(["validate", nordic])
        #expect(ok.status == 0)
        #expect(ok.stdout == "\(nordic): valid (17 nodes, 25 edges)\n")
        let dir = try temporaryFolder()
        let bad = dir.appendingPathComponent("bad.yaml")
        try write("nodes:\n  - {id: a, kind: person}\n  - {id: a, kind: person}\nedges:\n  - {from: a, to: b, relation: leads, weight: .nan}\n", to: bad)
        let r = try partnergraph(["validate", bad.path])
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("partnergraph: \(bad.path):3:5: duplicate node id 'a' (first defined as node 1)"))
        #expect(lines.contains("partnergraph: \(bad.path):5:5: edge 1 (a → b, leads): 'to' names unknown node 'b'"))
        #expect(lines.contains("partnergraph: \(bad.path):5:5: edge 1 (a → b, leads): weight must be finite and greater than 0, got nan"))
        #expect(lines.last == "partnergraph: 3 problems found")
    }

    @Test func missingFileAndUnknownExtension() throws {
        let r = try partnergraph(["info", "no-such.yaml"])
        #expect(r.status == 66)
        #expect(r.stderr == "partnergraph: no-such.yaml: no such file\n")
        let r2 = try partnergraph(["info", "README.md"])
        #expect(r2.status == 64)
        #expect(r2.stderr.contains("cannot tell the format of 'README.md'"))
        #expect(r2.stderr.contains("--input-format FORMAT"), "names the flag info takes")
        #expect(!r2.stderr.contains("--from"), "info's --from is a date")
    }

    @Test func nodesFilteredByKindAndCountry() throws {
        let r = try partnergraph(["nodes", nordic, "--kind", "person", "--format", "csv"])
        #expect(r.status == 0)
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.first == "id,kind,label,country")
        #expect(rows.dropFirst().map { String($0.split(separator: ",")[0]) } == ["ingebjorg-harto", "salla-koivusalo", "ole-bech-lykkebo"])
        let fi = try partnergraph(["nodes", nordic, "--country", "Finland", "--format", "json"])
        let list = try JSONSerialization.jsonObject(with: Data(fi.stdout.utf8)) as! [[String: Any]]
        #expect(list.map { $0["id"] as! String } == ["keino", "motiva", "vtt", "business-finland", "syke", "hansel", "salla-koivusalo"])
        let unknown = try partnergraph(["nodes", nordic, "--kind", "persn"])
        #expect(unknown.status == 64)
    }

    @Test func edgesFilteredByRelation() throws {
        let r = try partnergraph(["edges", nordic, "--relation", "founded", "--format", "csv"])
        #expect(r.status == 0)
        let rows = r.stdout.split(separator: "\n").map(String.init)
        #expect(rows[0] == "source,target,relation,weight,since,until,wording")
        #expect(rows.count == 6)
        #expect(rows[3] == "dfo,lup,founded,,,,Bag programmet står")
    }

    @Test func convertRoundTripsAndWritesStdout() throws {
        let dir = try temporaryFolder()
        let json = dir.appendingPathComponent("nordic.json").path
        let r = try partnergraph(["convert", nordic, "--to", "json", "-o", json])
        #expect(r.status == 0, "\(r.stderr)")
        let back = dir.appendingPathComponent("back.yaml").path
        #expect(try partnergraph(["convert", json, "-o", back]).status == 0)
        let original = try partnergraph(["convert", nordic, "--to", "yaml", "-o", "-"])
        #expect(original.status == 0)
        #expect(try String(contentsOfFile: back, encoding: .utf8) == original.stdout)
        #expect(original.stdout.contains("originalName: Leverandørutviklingsprogrammet"))
    }

    @Test func convertLeavesNoPartialFileOnError() throws {
        let dir = try temporaryFolder()
        let bad = dir.appendingPathComponent("bad.json")
        try write("{\"nodes\": [", to: bad)
        let out = dir.appendingPathComponent("out.yaml")
        let r = try partnergraph(["convert", bad.path, "-o", out.path])
        #expect(r.status == 65)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bad.json"])
    }

    @Test func csvWithNodeTable() throws {
        let dir = try temporaryFolder()
        try write("id,kind,label,country\na,organisation,Ålborg ApS,Denmark\nb,person,Bo,\nc,person,Cé,\n", to: dir.appendingPathComponent("nodes.csv"))
        try write("source,target,relation,weight\na,b,partners-with,2\nb,c,partners-with,1\n", to: dir.appendingPathComponent("edges.csv"))
        let r = try partnergraph(["info", "edges.csv", "--nodes", "nodes.csv", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(json["nodes"] as? Int == 3)
        #expect(json["edges"] as? Int == 2)
        #expect(json["directed"] as? Bool == false)
        // Path a–b–c: density 2·2/(3·2).
        #expect(r.stdout.contains("\"density\": \(2.0 / 3.0),"))
        let bad = try partnergraph(["validate", "edges.csv", "--nodes", "missing.csv"], in: dir)
        #expect(bad.status == 66)
    }

    @Test func exampleProgramListsFoundersAndMembers() throws {
        let r = try runProduct("NordicFounders", [])
        #expect(r.status == 0)
        #expect(r.stdout == """
        Founded LUP:
          NHO
          KS
          DFØ
          Innovation Norway
          Research Council of Norway
        Belong to KEINO:
          Motiva (is a founding member of)
          VTT (is a founding member of)
          Business Finland (is a founding member of)
          SYKE (is a founding member of)
          Hansel (is a founding member of)
          Motiva (is part of)

        """)
    }

    @Test func helpOnEveryCommand() throws {
        for command in ["info", "validate", "nodes", "edges", "convert"] {
            let r = try partnergraph([command, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("Examples:"), "\(command)")
        }
    }
}
