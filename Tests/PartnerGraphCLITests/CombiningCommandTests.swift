import Foundation
import Testing

/// `merge`, `diff` and `duplicates` as README shows them: the Nordic network split into a
/// programme office's register (Examples/merge/programme-office/, CSV: its own codes, English
/// names, local names with one spelt without å, "Hansel Oy") and the article's facts
/// (Examples/merge/article.yaml: the original names, the people, the seminar, every source),
/// merged back into Graphs/nordic-innovation-procurement.yaml.
@Suite struct CombiningCommandTests {
    static let original = "Graphs/nordic-innovation-procurement.yaml"

    @Test func mergeRebuildsTheNordicNetwork() throws {
        let dir = try temporaryFolder()
        let merged = dir.appendingPathComponent("merged.yaml"), conflicts = dir.appendingPathComponent("conflicts.csv")
        let r = try partnergraph(["merge", "Examples/merge/article.yaml", "Examples/merge/programme-office", "-o", merged.path, "--conflicts", conflicts.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("merged 2 files into 17 nodes and 25 edges\n"))
        #expect(r.stdout.contains("Examples/merge/programme-office: 13 nodes, 10 edges; nodes matched by the map 0, by id 0, by name 13, new 0"))
        #expect(r.stdout.contains("edges stated again: 10; new from later files: 0"))
        #expect(r.stdout.contains("Examples/merge/programme-office: 'IN' is 'innovation-norge' (by name)"))
        // The same network, field for field and in the same order: the original written by
        // `convert` is the merged file byte for byte.
        let canonical = try partnergraph(["convert", Self.original, "--to", "yaml", "-o", "-"])
        #expect(canonical.status == 0)
        #expect(try String(contentsOf: merged, encoding: .utf8) == canonical.stdout)
        let diff = try partnergraph(["diff", Self.original, merged.path])
        #expect(diff.status == 0, "\(diff.stdout)")
        #expect(diff.stdout.hasPrefix("Graphs/nordic-innovation-procurement.yaml and \(merged.path) hold the same network\n"))
        // Every conflict reported, none resolved silently.
        #expect(try String(contentsOf: conflicts, encoding: .utf8) == """
            element,field,kept,kept from,other,other from,note
            relation 'founding-member-of',direction,directed,Examples/merge/article.yaml,symmetric,Examples/merge/programme-office,its edges follow the kept direction
            relation 'founding-member-of',verb,'is a founding member of',Examples/merge/article.yaml,'founding member of',Examples/merge/programme-office,
            node 'forskningsradet',originalName,'Forskningsrådet',Examples/merge/article.yaml,'Forskningsradet',Examples/merge/programme-office,the same name spelt differently
            node 'hansel',label,'Hansel',Examples/merge/article.yaml,'Hansel Oy',Examples/merge/programme-office,the same name spelt differently

            """)
    }

    /// A later version with a renamed node, a new one, a removed tie and a changed attribute:
    /// each is listed, the exit status is 1, and JSON says the same.
    @Test func diffListsWhatChanged() throws {
        let dir = try temporaryFolder()
        var text = try String(contentsOf: repositoryRoot.appendingPathComponent(Self.original), encoding: .utf8)
        text = text.replacingOccurrences(of: "    label: VTT\n", with: "    label: VTT Technical Research Centre of Finland\n")
        text = text.replacingOccurrences(of: "days: 2\n", with: "days: 3\n")
        text = text.replacingOccurrences(of: "edges:\n", with: "  - id: tem\n    kind: organisation\n    label: Ministry of Economic Affairs and Employment\n    country: Finland\nedges:\n")
        let sister = "  - from: co-pi\n    to: keino\n    relation: sister-organisation-of\n"
        #expect(text.contains(sister))
        text = text.replacingOccurrences(of: sister, with: "  - from: co-pi\n    to: keino\n    relation: collaborates-with\n")
        let changed = dir.appendingPathComponent("v2.yaml")
        try write(text, to: changed)
        let r = try partnergraph(["diff", Self.original, changed.path])
        #expect(r.status == 1, "\(r.stderr)")
        for line in ["+ node 'tem' (organisation, Ministry of Economic Affairs and Employment)",
                     "~ node 'vtt'", "    label: 'VTT' → 'VTT Technical Research Centre of Finland'",
                     "~ node 'nordic-seminar-2022'", "    attribute 'days': 2 → 3",
                     "+ edge 23: co-pi collaborates with keino; sources: copi-seminar-2022",
                     "- edge 23: co-pi is a sister organisation of keino; sources: copi-seminar-2022",
                     "1 node added, 0 removed, 2 changed; 1 edge added, 1 removed, 0 changed"] {
            #expect(r.stdout.contains(line + "\n"), "missing: \(line)\n\(r.stdout)")
        }
        #expect(r.stdout.contains("nodes           17"), "the headline table")
        let j = try partnergraph(["diff", Self.original, changed.path, "--format", "json"])
        #expect(j.status == 1)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        #expect(o["same"] as? Bool == false)
        #expect((o["nodesAdded"] as? [[String: Any]])?.map { $0["id"] as! String } == ["tem"])
        #expect((o["nodesChanged"] as? [[String: Any]])?.count == 2)
        #expect(((o["headline"] as? [String: Any])?["new"] as? [String: Any])?["nodes"] as? Int == 18)
    }

    /// duplicates finds the planted ones and writes a map; merge with that map folds them back.
    @Test func duplicatesThenMergeWithTheMap() throws {
        let dir = try temporaryFolder()
        var text = try String(contentsOf: repositoryRoot.appendingPathComponent(Self.original), encoding: .utf8)
        text = text.replacingOccurrences(of: "edges:\n", with: """
              - id: lup-2
                kind: programme
                label: LUP
                country: Norway
              - id: hansel-oy
                kind: organisation
                label: Hansel Oy
                country: Finland
              - id: busines-finland
                kind: organisation
                label: Busines Finland
                country: Finland
            edges:
              - from: lup-2
                to: keino
                relation: partners-with

            """)
        let file = dir.appendingPathComponent("dup.yaml"), map = dir.appendingPathComponent("map.csv")
        try write(text, to: file)
        let r = try partnergraph(["duplicates", file.path, "--map", map.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: map, encoding: .utf8) == """
            from,to,score,reason
            lup-2,lup,1.00,'LUP' is an acronym of Supplier Development Programme (LUP); both programme; both in Norway
            hansel-oy,hansel,1.00,same name 'hansel'; both organisation; both in Finland
            busines-finland,business-finland,0.80,similar names 'busines finland' and 'business finland' (1 edit); both organisation; both in Finland

            """)
        let folded = dir.appendingPathComponent("folded.yaml")
        let m = try partnergraph(["merge", file.path, "--map", map.path, "-o", folded.path])
        #expect(m.status == 0, "\(m.stderr)")
        let d = try partnergraph(["diff", Self.original, folded.path])
        #expect(d.status == 1)
        #expect(d.stdout.contains("~ node 'lup'\n    aliases: (none) → LUP\n"))
        #expect(d.stdout.contains("+ edge 1: lup partners with keino\n"), "lup-2's tie now belongs to lup: \(d.stdout)")
        #expect(d.stdout.contains("0 nodes added, 0 removed, 2 changed; 1 edge added, 0 removed, 0 changed"))
    }

    @Test func badRequestsAreRefused() throws {
        let dir = try temporaryFolder()
        let out = dir.appendingPathComponent("o.yaml").path
        let badMap = dir.appendingPathComponent("bad.csv"), twice = dir.appendingPathComponent("twice.csv")
        try write("source,target\na,b\n", to: badMap)
        try write("from,to\na,b\na,c\n", to: twice)
        let cases: [([String], Int32, String)] = [
            (["merge", Self.original, "-o", out], 64, "merge needs at least two files, or one file and a --map"),
            (["merge", Self.original, "Examples/merge/article.yaml", "--prefer", "x.yaml", "-o", out], 64, "--prefer 'x.yaml' is not one of the files to merge"),
            (["merge", Self.original, "Examples/merge/article.yaml", "--map", badMap.path, "-o", out], 65, "bad.csv:1: the map's header must name the columns 'from' and 'to'"),
            (["merge", Self.original, "Examples/merge/article.yaml", "--map", twice.path, "-o", out], 65, "twice.csv:3: 'a' is mapped twice, to 'b' and to 'c'"),
            (["diff", Self.original, "nowhere.yaml"], 66, "nowhere.yaml"),
            (["duplicates", Self.original, "--min-score", "2"], 64, "--min-score must be from 0 to 1"),
        ]
        for (arguments, status, message) in cases {
            let r = try partnergraph(arguments)
            #expect(r.status == status, "\(arguments): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "\(arguments) left an output")
        }
    }
}
