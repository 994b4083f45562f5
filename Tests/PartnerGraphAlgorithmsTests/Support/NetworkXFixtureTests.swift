import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphAlgorithms

/// A NetworkX reference fixture written by scripts/make_fixtures.py (format: Fixtures/README.md).
struct NetworkXFixture: Decodable {
    struct Case: Decodable {
        var measure: String
        var weight: String?
        var weightAs: String?
        var params: [String: JSONValue]
        var networkx: String
        var values: [String: Double?]?
        var edgeValues: [[JSONValue]]?
    }

    struct Structure: Decodable {
        var nodes: Int
        var edges: Int
        var density: Double
        var components: Int
        var strongComponents: Int?
        var largestComponent: Int
        var isolates: [String]
        var articulationPoints: [String]
        var bridges: [[String]]
        var averageClustering: Double?
        var transitivity: Double?
        var diameter: Int?
        var radius: Int?
        var degreeAssortativity: Double?
    }

    var name: String
    var directed: Bool
    var nodes: [String]
    var edges: [[JSONValue]]
    var measures: [Case]
    var structure: Structure

    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    static func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func load(_ name: String) throws -> NetworkXFixture {
        try JSONDecoder().decode(NetworkXFixture.self, from: Data(contentsOf: directory.appendingPathComponent("\(name).json")))
    }

    /// The graph as the case reads it: weighted when the case names a weight, with the
    /// weight meaning NetworkX gives it.
    func graph(weighted: Bool, meaning: CompactGraph.WeightMeaning) -> CompactGraph {
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        let input = edges.map { e in
            CompactGraph.InputEdge(index[e[0].string!]!, index[e[1].string!]!, weight: weighted ? e[2].number : nil)
        }
        return CompactGraph(nodeCount: nodes.count, directed: directed, edges: input, weightMeaning: meaning)
    }
}

/// A JSON scalar or list.
enum JSONValue: Decodable {
    case string(String), number(Double), bool(Bool), list([JSONValue]), null

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else { self = .list(try c.decode([JSONValue].self)) }
    }

    var string: String? { if case .string(let s) = self { return s }; return nil }
    var number: Double? { if case .number(let d) = self { return d }; return nil }
    var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    var list: [JSONValue]? { if case .list(let l) = self { return l }; return nil }
}

/// Whether `actual` equals `expected` to a relative tolerance (absolute near zero).
func close(_ actual: Double, _ expected: Double, _ tolerance: Double) -> Bool {
    if expected.isNaN { return actual.isNaN }
    return abs(actual - expected) <= tolerance * max(1, abs(expected))
}

@Suite struct NetworkXFixtureTests {
    static let iterative: Set<String> = ["eigenvector", "pagerank", "katz", "hubs", "authorities"]

    /// Every measure case of every fixture: the value NetworkX computed (the case's `networkx`
    /// expression), to 1e-9 relative (iterative measures: 1e-6).
    @Test(arguments: NetworkXFixture.names()) func everyMeasureEqualsNetworkX(name: String) throws {
        let fixture = try NetworkXFixture.load(name)
        #expect(!fixture.measures.isEmpty)
        for c in fixture.measures {
            let meaning: CompactGraph.WeightMeaning = c.weightAs == "distance" ? .distance : .strength
            let g = fixture.graph(weighted: c.weight != nil, meaning: meaning)
            var options = MeasureOptions()
            if let v = c.params["normalized"]?.bool { options.normalized = v }
            if let v = c.params["endpoints"]?.bool { options.endpoints = v }
            if let v = c.params["wf_improved"]?.bool { options.wfImproved = v }
            if let v = c.params["alpha"]?.number { options.alpha = v }
            if let v = c.params["beta"]?.number { options.beta = v }
            let index = Dictionary(uniqueKeysWithValues: fixture.nodes.enumerated().map { ($1, $0) })
            if let p = c.params["personalization"]?.list { options.personalization = p.map { index[$0.string!]! } }
            let tolerance = Self.iterative.contains(c.measure) ? 1e-6 : 1e-9
            let label = "\(name): \(c.networkx)"

            do {
            if c.measure == "edge-betweenness" {
                // Sampled edge betweenness is not offered (the CLI refuses --samples with it).
                if c.params["sources"] != nil { continue }
                let r = edgeBetweennessCentrality(g, weighted: c.weight != nil, normalized: options.normalized)
                for e in c.edgeValues ?? [] {
                    let (u, v, expected) = (index[e[0].string!]!, index[e[1].string!]!, e[2].number!)
                    let got = r.value(source: u, target: v)
                    #expect(got.map { close($0, expected, tolerance) } == true, "\(label) edge \(e[0].string!)–\(e[1].string!): \(String(describing: got)) vs \(expected)")
                }
                continue
            }
            let values: [Double]
            if let sources = c.params["sources"]?.list {
                // Sampled betweenness: the same sources NetworkX drew, rescaled as its k-sampling.
                values = try betweennessCentrality(g, weighted: c.weight != nil, normalized: options.normalized,
                                                   endpoints: options.endpoints, sources: sources.map { index[$0.string!]! })
            } else {
                guard let measure = Measure(rawValue: c.measure) else { Issue.record("unknown measure \(c.measure)"); continue }
                values = try measure.compute(on: g, options: options)
            }
            for (i, id) in fixture.nodes.enumerated() {
                let expected = (c.values?[id] ?? nil) ?? .nan
                #expect(close(values[i], expected, tolerance), "\(label) node \(id): \(values[i]) vs \(expected)")
            }
            } catch {
                Issue.record("\(label): \(error)")
            }
        }
    }

    /// The structure block: NetworkX's density, components, isolates, articulation points,
    /// bridges, clustering, transitivity, diameter, radius and assortativity.
    @Test(arguments: NetworkXFixture.names()) func structureEqualsNetworkX(name: String) throws {
        let fixture = try NetworkXFixture.load(name)
        let g = fixture.graph(weighted: false, meaning: .strength)
        let s = structureSummary(g)
        let e = fixture.structure
        let ids = fixture.nodes
        #expect(s.nodes == e.nodes)
        #expect(s.edges == e.edges)
        #expect(close(s.density, e.density, 1e-12))
        #expect(s.components == e.components)
        #expect(s.strongComponents == e.strongComponents)
        #expect(s.largestComponent == e.largestComponent)
        #expect(s.isolates.map { ids[$0] } == e.isolates)
        #expect(s.articulationPoints.map { ids[$0] }.sorted() == e.articulationPoints)
        #expect(s.bridges.map { $0.map { ids[$0] }.sorted() }.sorted { $0.lexicographicallyPrecedes($1) } == e.bridges)
        #expect(s.averageClustering.map { close($0, e.averageClustering ?? .nan, 1e-9) } ?? (e.averageClustering == nil), "\(name) average clustering")
        #expect(s.transitivity.map { close($0, e.transitivity ?? .nan, 1e-9) } ?? (e.transitivity == nil), "\(name) transitivity")
        #expect(s.diameter == e.diameter)
        #expect(s.radius == e.radius)
        #expect(s.degreeAssortativity.map { close($0, e.degreeAssortativity ?? .nan, 1e-9) } ?? (e.degreeAssortativity == nil), "\(name) assortativity")
    }
}
