import Foundation
import Testing
import PartnerGraphTestSupport
import PartnerGraph
import PartnerGraphFormats
@testable import GraphvizRendering

@Suite struct DOTRoundTripTests {
    /// Ids and labels chosen to break naive DOT writers.
    static let adversarial: [String] = [
        "node", "edge", "graph", "subgraph", "strict", "digraph", "Node", "123abc", "-5", "1.5.2", "",
        "quote \" inside", "back\\slash", "ends with backslash\\", "back\\\"quote", "new\nline", "tab\there", "CR\r\nLF",
        "Ø æ å ä ö", "<html> & \"amp\"", "a -> b", "{braces}; [brackets]", "\\N \\G \\L", "emoji 🙂", "--", "->", "#comment", "// c", "/* c */",
    ]

    func adversarialNetwork() -> Network {
        var n = Network(name: "adversarial \"name\" <b>")
        for (i, s) in Self.adversarial.enumerated() where !s.isEmpty {
            n.addNode(Node(id: NodeID(s), kind: i % 2 == 0 ? .person : .organisation, label: Self.adversarial[(i + 3) % Self.adversarial.count],
                           country: i % 3 == 0 ? "Ø\"land" : nil))
        }
        let ids = n.nodes.map(\.id)
        for i in 0..<ids.count { n.addEdge(Edge(from: ids[i], to: ids[(i * 7 + 3) % ids.count], relation: i % 2 == 0 ? .funds : .partnersWith)) }
        return n
    }

    @Test(arguments: [false, true]) func adversarialIdsAndLabelsSurviveCgraph(html: Bool) throws {
        let network = adversarialNetwork()
        var encoder = DOTEncoder()
        encoder.htmlLabels = html
        encoder.clusterBy = "country"
        encoder.legend = true
        let dot = encoder.encode(network)
        let back = try DOTDecoder().decode(dot, file: "x.dot")
        let backNodes = back.nodes.filter { $0.id.rawValue != "partnergraph:legend" }
        #expect(backNodes.map(\.id) .sorted() == network.nodes.map(\.id).sorted())
        if !html {
            for node in network.nodes {
                let got = back.node(node.id)
                // A label equal to the id is dropped on reading (it is the default).
                #expect((got?.label ?? node.id.rawValue) == node.displayName.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"), "\(node.id)")
            }
        }
        var expected = network.edges.map { [$0.from.rawValue, $0.to.rawValue] }
        var got = back.edges.map { [$0.from.rawValue, $0.to.rawValue] }
        expected.sort { $0.lexicographicallyPrecedes($1) }
        got.sort { $0.lexicographicallyPrecedes($1) }
        #expect(got == expected)
        // And Graphviz lays it out.
        let svg = try Graphviz.render(dot: dot, layout: .dot, format: .svg)
        #expect(isWellFormedXML(svg))
    }

    @Test func readsAttributesSubgraphsAndClusters() throws {
        let dot = """
        digraph G {
          label="Partners";
          node [shape=box];
          subgraph cluster_no { label="Norway"; nho [label="NHO", kind=organisation, country=Norway, founded=1989]; lup; }
          subgraph cluster_fi { keino [weight=2.5]; }
          nho -> lup [relation=founded, weight=3];
          keino -> lup [label="partner\\nship"];
        }
        """
        let n = try DOTDecoder().decode(dot, file: "g.dot")
        #expect(n.name == "Partners")
        #expect(n.nodes.map(\.id) == ["nho", "lup", "keino"])
        #expect(n.node("nho")?.label == "NHO")
        #expect(n.node("nho")?.kind == .organisation)
        #expect(n.node("nho")?.country == "Norway")
        #expect(n.node("nho")?.attributes["founded"] == .integer(1989))
        #expect(n.node("nho")?.attributes["cluster"] == .string("Norway"))
        #expect(n.node("keino")?.attributes["cluster"] == .string("cluster_fi"))
        #expect(n.node("keino")?.attributes["weight"] == .number(2.5))
        // node [shape=box] applies to every node, as in Graphviz.
        #expect(n.node("lup")?.attributes["shape"] == .string("box"))
        #expect(n.node("nho")?.attributes["shape"] == .string("box"))
        #expect(n.edges[0].relation == .founded)
        #expect(n.edges[0].attributes["weight"] == .integer(3))
        #expect(n.edges[1].relation.id == "connected-to")
        #expect(n.edges[1].relation.isDirected)
        #expect(n.edges[1].attributes["label"] == .string("partner\nship"))
    }

    @Test func malformedDOTIsReportedWithItsLine() {
        do {
            _ = try DOTDecoder().decode("graph {\n a -- b\n a -> c\n}", file: "bad.dot")
            Issue.record("accepted")
        } catch let e as GraphvizError {
            #expect(e.line == 3)
        } catch { Issue.record("\(error)") }
    }

    /// Every example graph in Debian's graphviz-doc package loads (skipped, saying so, when it
    /// is not installed; `scripts/test` installs it). Compressed ones are read through gzip;
    /// Latin-1 files (Graphviz allows `charset=latin1`) are decoded as Latin-1.
    @Test(.needs(.graphvizDoc)) func graphvizDocExamplesLoad() throws {
        try OptionalPackage.graphvizDoc.require()
        let dir = OptionalPackage.graphvizExamples
        let walker = try #require(FileManager.default.enumerator(atPath: dir))
        let graphs = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".gv") || $0.hasSuffix(".dot") || $0.hasSuffix(".gv.gz") }.sorted()
        var loaded = 0
        for name in graphs {
            let path = "\(dir)/\(name)"
            let data: Data
            if name.hasSuffix(".gz") {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: "/bin/gzip")
                p.arguments = ["-dc", path]
                let out = Pipe()
                p.standardOutput = out
                try p.run()
                data = out.fileHandleForReading.readDataToEndOfFile()
                p.waitUntilExit()
            } else {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            }
            let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1)!
            do {
                let n = try DOTDecoder().decode(text, file: path)
                #expect(n.nodes.count > 0, "\(name)")
                loaded += 1
            } catch {
                Issue.record("\(name): \(error)")
            }
        }
        #expect(loaded == graphs.count)
        #expect(graphs.count > 50)
    }
}
