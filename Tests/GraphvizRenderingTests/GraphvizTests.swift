import Foundation
import Testing
import PartnerGraph
import PartnerGraphFormats
@testable import GraphvizRendering
#if canImport(FoundationXML)
import FoundationXML
#endif

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func nordic() throws -> Network {
    try NetworkFile.load(repositoryRoot.appendingPathComponent("Graphs/nordic-innovation-procurement.yaml").path)
}

/// Text as Graphviz writes it in SVG: `&`, `<`, `>` and `-` as entities.
func svgText(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "-", with: "&#45;")
}

/// Whether `data` parses as XML.
func isWellFormedXML(_ data: [UInt8]) -> Bool {
    let parser = XMLParser(data: Data(data))
    parser.shouldResolveExternalEntities = false
    return parser.parse()
}

@Suite struct GraphvizTests {
    @Test func rendersSVGWithEveryLabel() throws {
        let network = try nordic()
        var encoder = DOTEncoder()
        encoder.clusterBy = "country"
        encoder.legend = true
        let svg = try Graphviz.render(dot: encoder.encode(network), layout: .dot, format: .svg)
        #expect(isWellFormedXML(svg))
        let text = String(decoding: svg, as: UTF8.self)
        for node in network.nodes {
            #expect(text.contains(">\(svgText(node.displayName))</text>"), "\(node.displayName)")
        }
        #expect(text.contains(">Norway</text>"))
        #expect(text.contains(">Legend</text>"))
    }

    @Test func pngAndPDFHaveValidHeaders() throws {
        let dot = DOTEncoder().encode(try nordic())
        let png = try Graphviz.render(dot: dot, layout: .dot, format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(png.count > 10_000)
        let pdf = try Graphviz.render(dot: dot, layout: .dot, format: .pdf)
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(pdf.count > 5_000)
    }

    @Test(arguments: LayoutEngine.allCases) func everyLayoutEngineRuns(engine: LayoutEngine) throws {
        let svg = try Graphviz.render(dot: DOTEncoder().encode(try nordic()), layout: engine, format: .svg)
        #expect(isWellFormedXML(svg))
    }

    /// Within one process, Graphviz orders clusters by the address of their interned names and
    /// fdp keeps random state between layouts, so byte-identity within a process is tested here
    /// for dot and neato without clusters; the CLI tests check every engine, with clusters,
    /// across separate runs.
    @Test func outputIsByteIdenticalAcrossRuns() throws {
        var encoder = DOTEncoder()
        encoder.legend = true
        let dot1 = encoder.encode(try nordic())
        let dot2 = encoder.encode(try nordic())
        #expect(dot1 == dot2)
        for engine in [LayoutEngine.dot, .neato] {
            #expect(try Graphviz.render(dot: dot1, layout: engine, format: .svg) == Graphviz.render(dot: dot2, layout: engine, format: .svg), "\(engine)")
        }
    }

    @Test func rendersFromSeveralThreadsAtOnce() throws {
        let dot = DOTEncoder().encode(try nordic())
        let expected = try Graphviz.render(dot: dot, layout: .dot, format: .svg)
        let results = ResultBox(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            results.set(i, try? Graphviz.render(dot: dot, layout: .dot, format: .svg))
        }
        for i in 0..<8 { #expect(results.get(i) == expected) }
    }

    @Test func malformedDOTGivesGraphvizMessageWithLine() {
        do {
            _ = try Graphviz.render(dot: "digraph {\n a -> b;\n c -> ;\n d;\n}", layout: .dot, format: .svg)
            Issue.record("accepted")
        } catch let e as GraphvizError {
            #expect(e.message.contains("syntax error"))
            #expect(e.line == 3, "\(e.message)")
        } catch { Issue.record("\(error)") }
    }
}

/// Results written from several threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[UInt8]?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: [UInt8]?) { lock.lock(); values[i] = v; lock.unlock() }
    func get(_ i: Int) -> [UInt8]? { lock.lock(); defer { lock.unlock() }; return values[i] }
}

/// Line charts through the nop engine.
@Suite struct LineChartTests {
    /// With `sliceGuides`, one guide per slice and panel, each of its own class, behind the lines.
    @Test func sliceGuidesAreTaggedPerSlice() throws {
        var chart = LineChart(title: "Over time", slices: ["2018", "2019", "2020"],
                              panels: [.init(title: "Ties", series: [.init(name: "Ties", values: [1, 3, nil])], counts: true),
                                       .init(title: "Density", series: [.init(name: "Density", values: [0.1, 0.2, 0.4])])])
        let plain = String(decoding: try Graphviz.render(positionedDOT: chart.dot(), format: .svg), as: UTF8.self)
        #expect(!plain.contains("slice&#45;guide"))
        chart.sliceGuides = true
        let bytes = try Graphviz.render(positionedDOT: chart.dot(), format: .svg)
        #expect(isWellFormedXML(bytes))
        let svg = String(decoding: bytes, as: UTF8.self)
        for k in 0..<3 {
            #expect(svg.components(separatedBy: "class=\"edge slice&#45;guide slice&#45;\(k)\"").count - 1 == 2, "slice \(k): one guide per panel")
        }
        // Behind the series: in each panel, the guides come before the lines between markers
        // (Ties: one line, 1 to 3; Density: two).
        let order = svg.components(separatedBy: "\n").compactMap { line -> String? in
            line.contains("class=\"edge slice&#45;guide") ? "guide" : line.contains("stroke=\"#0072b2\" stroke-width=\"2\"") ? "line" : nil
        }
        #expect(order == Array(repeating: "guide", count: 3) + ["line"] + Array(repeating: "guide", count: 3) + ["line", "line"])
    }
}
