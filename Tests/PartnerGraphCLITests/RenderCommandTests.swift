import Foundation
import Testing

/// The README's diagram commands; their committed outputs under Examples/ must match what
/// the commands produce now.
let readmeDiagrams: [(output: String, arguments: [String])] = [
    ("Examples/nordic-innovation-procurement.svg",
     ["render", "Graphs/nordic-innovation-procurement.yaml", "--cluster-by", "country", "--legend",
      "--title", "Nordic innovative-procurement network"]),
    ("Examples/karate-club.svg",
     ["render", "Graphs/karate-club.yaml", "--size-by", "betweenness", "--color-by", "club", "--legend",
      "--layout", "neato", "--title", "Zachary's karate club: betweenness and faction"]),
]

@Suite struct RenderCommandTests {
    @Test(arguments: readmeDiagrams.indices) func committedDiagramsMatchTheirCommands(index: Int) throws {
        let (output, arguments) = readmeDiagrams[index]
        let dir = try temporaryFolder()
        let fresh = dir.appendingPathComponent("out.svg").path
        let r = try partnergraph(arguments + ["-o", fresh])
        #expect(r.status == 0, "\(r.stderr)")
        let committed = try Data(contentsOf: repositoryRoot.appendingPathComponent(output))
        #expect(try Data(contentsOf: URL(fileURLWithPath: fresh)) == committed, "\(output) is stale: rerun partnergraph \(arguments.joined(separator: " ")) -o \(output)")
    }

    @Test(arguments: ["svg", "png", "pdf", "dot", "gv", "json"]) func everyOutputFormat(format: String) throws {
        let dir = try temporaryFolder()
        let out = dir.appendingPathComponent("nordic.\(format)").path
        let r = try partnergraph(["render", nordic, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(data.count > 1000)
        switch format {
        case "png": #expect(Array(data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        case "pdf": #expect(String(decoding: data.prefix(5), as: UTF8.self) == "%PDF-")
        case "svg": #expect(String(decoding: data, as: UTF8.self).contains("<svg"))
        case "dot": #expect(String(decoding: data, as: UTF8.self).hasPrefix("digraph \"Nordic innovative-procurement network\" {"))
        case "gv": #expect(String(decoding: data, as: UTF8.self).contains("pos="))
        default: #expect((try? JSONSerialization.jsonObject(with: data)) != nil)
        }
    }

    /// Every engine gives the same bytes on every run — except fdp, whose layout Graphviz
    /// (2.43) makes depend on memory addresses (seen: 3 runs in 6 differ).
    @Test(arguments: ["dot", "neato", "sfdp", "circo", "twopi"]) func everyLayoutIsByteIdenticalAcrossRuns(layout: String) throws {
        let args = ["render", nordic, "--layout", layout, "--legend", "--cluster-by", "country", "--format", "svg", "-o", "-"]
        let a = try partnergraph(args), b = try partnergraph(args)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
    }

    @Test func viewOptionsApplyToTheDiagram() throws {
        let r = try partnergraph(["render", nordic, "--kinds", "person,organisation", "--relations", "works-at", "--format", "dot", "-o", "-"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("\"lup\""))
        #expect(r.stdout.contains("\"ingebjorg-harto\""))
        #expect(!r.stdout.contains("-> \"keino\""))
        #expect(r.stdout.contains("\"salla-koivusalo\" -> \"motiva\""))
    }

    @Test func dotFilesAreReadAndRerendered() throws {
        let dir = try temporaryFolder()
        let file = dir.appendingPathComponent("g.gv")
        try write("digraph { label=\"Æ\"; subgraph cluster_x { label=\"X\"; a; b } a -> b -> c [relation=funds] }\n", to: file)
        let info = try partnergraph(["info", file.path, "--format", "json"])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("\"nodes\": 3"))
        #expect(info.stdout.contains("\"name\": \"Æ\""))
        let svg = try partnergraph(["render", file.path, "--cluster-by", "cluster", "--format", "svg", "-o", "-"])
        #expect(svg.status == 0)
        #expect(svg.stdout.contains(">X</text>"))
        let bad = dir.appendingPathComponent("bad.dot")
        try write("digraph {\n  a -> b\n  c -> -> d\n}\n", to: bad)
        let r = try partnergraph(["info", bad.path])
        #expect(r.status == 65)
        #expect(r.stderr == "partnergraph: \(bad.path):3: malformed DOT: syntax error in line 3 near '->'\n")
    }

    @Test func highlightPathMarksTheChain() throws {
        let r = try partnergraph(["render", nordic, "--highlight-path", "Ole Bech Lykkebo", "Hansel", "--format", "dot", "-o", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        let highlighted = r.stdout.split(separator: "\n").filter { $0.contains("penwidth=4,") }.map { String($0.split(separator: "[")[0]).trimmingCharacters(in: .whitespaces) }
        // The shortest chain, by hand: Lykkebo works at CO-PI, CO-PI is a sister organisation
        // of KEINO, Hansel is a founding member of KEINO.
        #expect(Set(highlighted) == ["\"ole-bech-lykkebo\" -> \"co-pi\"", "\"co-pi\" -> \"keino\"", "\"hansel\" -> \"keino\""])
        let none = try partnergraph(["render", nordic, "--highlight-path", "hansel", "nosuchnode", "--format", "dot", "-o", "-"])
        #expect(none.status == 64)
    }

    @Test func badRequestsFailCleanly() throws {
        let dir = try temporaryFolder()
        let out = dir.appendingPathComponent("x.svg").path
        #expect(try partnergraph(["render", nordic, "--cluster-by", "nosuch", "-o", out]).status == 64)
        #expect(try partnergraph(["render", nordic, "-o", dir.appendingPathComponent("x.bmp").path]).status == 64)
        #expect(try partnergraph(["render", nordic, "--size-by", "fame", "-o", out]).status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
