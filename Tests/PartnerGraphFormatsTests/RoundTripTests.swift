import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphFormats

/// native → format → native.
@Suite struct RoundTripTests {
    static let pairs: [(String, LosslessFormat)] = interchangeGraphs.flatMap { g in LosslessFormat.allCases.map { (g, $0) } }

    @Test(arguments: pairs) func graphsRoundTripExactly(graph: String, format: LosslessFormat) throws {
        let original = try loadGraph(graph)
        let encoded = try format.encode(original)
        let back = try format.decode(encoded.text)
        #expect(back == original)
        // The native text is the same byte for byte.
        #expect(NativeEncoder().encode(back) == NativeEncoder().encode(original))
    }

    @Test(arguments: LosslessFormat.allCases) func randomNetworksRoundTripExactly(format: LosslessFormat) throws {
        for seed in UInt64(1)...60 {
            var gen = RandomNetworks(seed: seed)
            let original = gen.network()
            #expect(original.validate().isEmpty, "seed \(seed)")
            let encoded = try format.encode(original)
            let back: Network
            do { back = try format.decode(encoded.text) } catch {
                Issue.record("seed \(seed): \(error)\n\(encoded.text)")
                continue
            }
            if back != original {
                Issue.record("seed \(seed): differs\n--- original\n\(NativeEncoder().encode(original))--- back\n\(NativeEncoder().encode(back))--- \(format)\n\(encoded.text)")
            }
        }
    }

    // MARK: Formats that hold part of a network

    /// What Pajek holds: node ids in order, edges with their direction and weight.
    static func structure(_ n: Network, keepIsolated: Bool = true) -> [String] {
        var touched: Set<NodeID> = []
        for e in n.edges { touched.insert(e.from); touched.insert(e.to) }
        let nodes = n.nodes.filter { keepIsolated || touched.contains($0.id) }.map { "node \($0.id)" }
        let edges = n.edges.map { "edge \($0.from) \($0.relation.isDirected ? "->" : "--") \($0.to) \($0.weight.map(formatNumber) ?? "-")" }
        return nodes + edges.sorted()
    }

    @Test(arguments: interchangeGraphs) func pajekKeepsStructureAndWeights(graph: String) throws {
        let original = try loadGraph(graph)
        let encoded = try PajekEncoder().encode(original)
        let back = try PajekDecoder().decode(encoded.text, file: "t.net")
        #expect(RoundTripTests.structure(back) == RoundTripTests.structure(original))
        #expect(back.name == original.name)
        #expect(!encoded.warnings.isEmpty, "Pajek drops kinds and relations, and says so")
        #expect(back.nodes.allSatisfy { $0.kind.id == "node" })
    }

    @Test(arguments: interchangeGraphs) func edgeListKeepsEdgesAndWeights(graph: String) throws {
        let original = try loadGraph(graph)
        let encoded = try EdgeListEncoder().encode(original)
        let back = try EdgeListDecoder().decode(encoded.text, file: "t.edgelist")
        // Direction comes back from the comment; a network that mixes directions comes back directed.
        var expected = RoundTripTests.structure(original, keepIsolated: false)
        if Interchange.mixesDirections(original) { expected = expected.map { $0.replacingOccurrences(of: " -- ", with: " -> ") } }
        #expect(RoundTripTests.structure(back, keepIsolated: false).sorted() == expected.sorted())
        #expect(encoded.warnings.contains { $0.contains("dropped") })
    }

    @Test func lineFormatsOnRandomNetworks() throws {
        for seed in UInt64(100)...160 {
            var gen = RandomNetworks(seed: seed, lineSafeIDs: true)
            let original = gen.network()
            let pajek = try PajekEncoder().encode(original)
            let p = try PajekDecoder().decode(pajek.text, file: "t.net")
            #expect(RoundTripTests.structure(p) == RoundTripTests.structure(original), "seed \(seed)\n\(pajek.text)")
            if !Interchange.mixesDirections(original) {
                let list = try EdgeListEncoder().encode(original)
                let l = try EdgeListDecoder().decode(list.text, file: "t.edgelist")
                #expect(RoundTripTests.structure(l, keepIsolated: false).sorted() == RoundTripTests.structure(original, keepIsolated: false).sorted(), "seed \(seed)\n\(list.text)")
            }
        }
    }

    /// What CSV holds, compared field by field, values as the reader types them.
    @Test(arguments: interchangeGraphs) func csvRoundTripsThroughTheCSVReader(graph: String) throws {
        let original = try loadGraph(graph)
        let csv = try CSVNetworkWriter().encode(original)
        let directed = original.edges.contains { $0.relation.isDirected }
        let back = try CSVNetworkReader(directed: directed).read(edgesText: csv.edges, edgesFile: "edges.csv", nodesText: csv.nodes, nodesFile: "nodes.csv")
        #expect(back.nodes.count == original.nodes.count)
        for (a, b) in zip(original.nodes, back.nodes) {
            #expect(a.id == b.id && a.kind.id == b.kind.id && a.label == b.label && a.originalName == b.originalName && a.country == b.country)
            #expect(a.since == b.since && a.until == b.until, "\(a.id)")
            #expect(a.aliases == b.aliases, "\(a.id)")
            #expect(Set(a.attributes.keys) == Set(b.attributes.keys), "\(a.id)")
            for (k, v) in a.attributes {
                if b.attributes[k] != v {
                    // A retyped value is one the writer warned about.
                    #expect(csv.warnings.contains { $0.contains("the type of") && $0.contains(k) }, "\(a.id).\(k): \(v) came back as \(String(describing: b.attributes[k]))")
                }
            }
        }
        #expect(back.edges.count == original.edges.count)
        for (a, b) in zip(original.edges, back.edges) {
            #expect(a.from == b.from && a.to == b.to && a.relation.id == b.relation.id)
            if a.relation.isDirected != b.relation.isDirected {
                #expect(csv.warnings.contains { $0.contains("the direction of declared relations") })
            }
            #expect(a.weight == b.weight && a.since == b.since && a.until == b.until)
        }
        if !original.sources.isEmpty { #expect(csv.warnings.first?.contains("source") == true) }
    }

    @Test func csvWarnsAboutTypesItCannotKeep() throws {
        var n = Network()
        n.addNode(Node(id: "a", kind: .person, attributes: ["code": .string("2010"), "when": .date(PartialDate("2022-10")!), "kind": .string("x")]))
        n.addNode(Node(id: "b", kind: .person, attributes: ["code": .string("2011"), "tags": .list([.string("p"), .string("q")])]))
        n.addEdge(Edge(from: "a", to: "b", relation: .partnersWith, attributes: ["note": .string("")]))
        let csv = try CSVNetworkWriter().encode(n)
        let text = csv.warnings.joined(separator: "\n")
        #expect(text.contains("the type of"))
        #expect(text.contains("code") && text.contains("when") && text.contains("tags"))
        #expect(text.contains("empty text value"))
        #expect(csv.nodes.hasPrefix("id,kind,code,when,attr.kind,tags\n"))
        let back = try CSVNetworkReader().read(edgesText: csv.edges, edgesFile: "e.csv", nodesText: csv.nodes, nodesFile: "n.csv")
        #expect(back.nodes[0].attributes["code"] == .integer(2010))
        #expect(back.nodes[1].attributes["tags"] == .string("p; q"))
    }

    @Test func lossyWritersSayWhatTheyDrop() throws {
        let nordic = try loadGraph("nordic-innovation-procurement.yaml")
        let pajek = try PajekEncoder().encode(nordic).warnings.joined(separator: "\n")
        for word in ["node kinds", "relations", "node attribute", "edge attribute", "source"] {
            #expect(pajek.contains(word), "Pajek warning should mention \(word): \(pajek)")
        }
        let list = try EdgeListEncoder().encode(nordic).warnings.joined(separator: "\n")
        #expect(list.contains("direction") && list.contains("node kinds"))
        // The lossless formats have nothing to say about the Nordic network except direction.
        #expect(try GraphMLEncoder().encode(nordic).warnings.allSatisfy { $0.contains("mixes directed and symmetric") })
        #expect(try NodeLinkEncoder().encode(try loadGraph("karate-club.yaml")).warnings.isEmpty)
    }

    @Test func edgeListWithSpacesInIdsIsTabSeparated() throws {
        var n = Network()
        n.addNode(Node(id: "Research Council", kind: .organisation))
        n.addNode(Node(id: "lup", kind: .programme))
        n.addEdge(Edge(from: "Research Council", to: "lup", relation: .founded, weight: 2))
        let e = try EdgeListEncoder().encode(n)
        #expect(e.text.contains("Research Council\tlup\t2.0\n"))
        #expect(e.warnings.contains { $0.contains("tab-separated") })
        let back = try EdgeListDecoder().decode(e.text, file: "t")
        #expect(back.edges.first?.from == "Research Council")
        #expect(back.edges.first?.relation.isDirected == true)
        n.addNode(Node(id: "a#b", kind: .person))
        #expect(throws: FormatError.self) { try EdgeListEncoder().encode(n) }
    }

    @Test func edgeListReadsNetworkXDataDicts() throws {
        let text = "# comment\na b {'weight': 2.5, 'note': 'x y', 'n': 3, 'ok': True}\nb c {}\nc a 4\n"
        let n = try EdgeListDecoder(directed: true).decode(text, file: "t")
        #expect(n.edges[0].weight == 2.5)
        #expect(n.edges[0].attributes["note"] == .string("x y"))
        #expect(n.edges[0].attributes["n"] == .integer(3))
        #expect(n.edges[0].attributes["ok"] == .boolean(true))
        #expect(n.edges[2].weight == 4)
        #expect(n.edges.allSatisfy { $0.relation.isDirected })
    }

    @Test func gexfCarriesVizAndTimeline() throws {
        let nordic = try loadGraph("nordic-innovation-procurement.yaml")
        let e = try GEXFEncoder(nodeColors: ["lup": GEXFColor(red: 255, green: 0, blue: 10, alpha: 0.5)], nodeSizes: ["lup": 12.5]).encode(nordic)
        #expect(e.text.contains("<viz:color r=\"255\" g=\"0\" b=\"10\" a=\"0.5\"/>"))
        #expect(e.text.contains("<viz:size value=\"12.5\"/>"))
        #expect(e.text.contains("mode=\"dynamic\" timeformat=\"date\""))
        #expect(e.text.contains("start=\"2022-10-01\""))
        #expect(try GEXFDecoder().decode(e.text, file: "t") == nordic)
    }
}

/// Any text survives the native YAML writer and reader: as a label, a country, an attribute,
/// and inside a list (flow context, where `,[]{}` end plain scalars) — 2,000 random strings
/// from an alphabet of YAML's indicators, quotes, escapes and control characters. (U+FEFF is
/// left out: Yams decodes scalar text with Foundation, which drops a byte-order mark at the
/// start of a value, so a text that begins with one loses it; docs/FORMAT.md says so.)
@Suite struct YAMLTextRoundTripTests {
    static let alphabet: [String] = [",", "[", "]", "{", "}", "#", ":", " ", "-", "?", "&", "*", "!", "|", ">", "'", "\"", "%", "@",
                                     "`", "$", "\\", "\t", "\n", "\r", "\u{1B}", "\u{7F}", "\u{81}", "\u{85}", "\u{9F}", "\u{2028}", "\u{FFFE}", "a", "b",
                                     "0", "1", ".", "e", "~", "null", "yes", "å", "Ø", "🙂"]

    @Test func arbitraryTextRoundTrips() throws {
        var rng = SeededGenerator(seed: 14)
        for round in 0..<2_000 {
            let length = Int(rng.next() % 12)
            let text = (0..<length).map { _ in YAMLTextRoundTripTests.alphabet[Int(rng.next() % UInt64(YAMLTextRoundTripTests.alphabet.count))] }.joined()
            var n = Network()
            n.addNode(Node(id: NodeID("n" + text), kind: .organisation, label: text.isEmpty ? nil : text, country: text.isEmpty ? nil : text,
                           attributes: ["note": .string(text), "tags": .list([.string(text), .string("x" + text), .string(text + "y")])]))
            let yaml = NativeEncoder(syntax: .yaml).encode(n)
            do {
                let back = try NativeDecoder().decode(yaml, syntax: .yaml, file: "round.yaml")
                let a = n.nodes[0], b = back.nodes.first
                #expect(b?.id == a.id, "round \(round): id \(text.unicodeScalars.map { String($0.value, radix: 16) }) → \(String(describing: b?.id.rawValue.unicodeScalars.map { String($0.value, radix: 16) })) → \(String(describing: b?.id.rawValue.debugDescription))\n\(yaml)")
                #expect(b?.label == a.label && b?.country == a.country, "round \(round): label \(text.debugDescription) → \(String(describing: b?.label?.debugDescription))\n\(yaml)")
                #expect(b?.attributes == a.attributes, "round \(round): attributes of \(text.debugDescription) → \(String(describing: b?.attributes))\n\(yaml)")
            } catch {
                Issue.record("round \(round): \(text.debugDescription) does not read back: \(error)\n\(yaml)")
            }
        }
    }
}
