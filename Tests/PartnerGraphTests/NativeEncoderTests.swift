import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphFormats

@Suite struct NativeEncoderTests {
    static let graphs = ["nordic-innovation-procurement.yaml", "florentine-families.yaml", "karate-club.yaml",
                         "davis-southern-women.yaml", "les-miserables.yaml"]

    @Test(arguments: graphs) func roundTripsThroughYAMLAndJSON(name: String) throws {
        let original = try NetworkFile.load(graphPath(name))
        let yaml = NativeEncoder(syntax: .yaml).encode(original)
        #expect(try decodeYAML(yaml) == original)
        let json = NativeEncoder(syntax: .json).encode(original)
        #expect(try decodeJSON(json) == original)
        // Writing what was read gives the same text again.
        #expect(NativeEncoder(syntax: .yaml).encode(try decodeYAML(yaml)) == yaml)
    }

    @Test func keepsAwkwardStringsExact() throws {
        var n = Network(name: "Ø: æ # å \"q\" \\ \t tab\nnew line")
        let awkward = ["true", "no", "1.5", "2022-10", "- dash", "key: value", " padded ", "ÆØÅ äö", "~", "null",
                       "#hash", "[x]", "{y}", "a #b", "trailing:", "0x1F", "@at", "`tick", "100%", "", "1e5", "12:30"]
        for (i, s) in awkward.enumerated() {
            n.addNode(Node(id: NodeID("n\(i)"), kind: .person, label: s, attributes: ["v": .string(s)]))
        }
        n.addNode(Node(id: NodeID("007"), kind: .event, attributes: ["l": .list([.date(PartialDate(year: 2022, month: 10, day: 27)!), .number(1.0), .integer(-3)])]))
        n.addEdge(Edge(from: "n0", to: "007", relation: .participatedIn, weight: 0.1, since: PartialDate(year: 2020), attributes: ["ok": .boolean(false)]))
        for syntax in [NativeDecoder.Syntax.yaml, .json] {
            let text = NativeEncoder(syntax: syntax).encode(n)
            let back = try NativeDecoder().decode(text, syntax: syntax, file: "x")
            #expect(back == n, "\(syntax):\n\(text)")
        }
    }

    @Test func unicodeIsWrittenAsIsNotEscaped() throws {
        var n = Network()
        n.addNode(Node(id: "dfo", kind: .organisation, label: "DFØ", originalName: "Direktoratet for forvaltning og økonomistyring"))
        let yaml = NativeEncoder().encode(n)
        #expect(yaml.contains("label: DFØ\n"))
        #expect(yaml.contains("originalName: Direktoratet for forvaltning og økonomistyring\n"))
        let json = NativeEncoder(syntax: .json).encode(n)
        #expect(json.contains("\"label\": \"DFØ\""))
    }
}
