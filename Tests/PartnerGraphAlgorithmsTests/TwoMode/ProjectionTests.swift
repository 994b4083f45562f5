import Foundation
import Testing
import PartnerGraph
import PartnerGraphFormats
@testable import PartnerGraphAlgorithms

/// The projections of the Davis southern women network written by
/// scripts/make_community_fixtures.py (format: Fixtures/communities/README.md).
struct ProjectionFixture: Decodable {
    struct Case: Decodable {
        var onto: String
        var kind: String
        var weighting: String
        var networkx: String
        var nodes: [String]
        var edges: [[JSONValue]]
    }

    var nodes: [String]
    var edges: [[String]]
    var projections: [Case]

    static func load() throws -> ProjectionFixture {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/communities/davis-projections.json")
        return try JSONDecoder().decode(ProjectionFixture.self, from: Data(contentsOf: url))
    }
}

/// Graphs/davis-southern-women.yaml.
func davisNetwork() throws -> Network {
    return try NetworkFile.load(repositoryFile("Graphs/davis-southern-women.yaml").path)
}

/// An unordered pair key.
func pairKey(_ a: String, _ b: String) -> String { a < b ? a + "\u{0}" + b : b + "\u{0}" + a }

@Suite struct ProjectionTests {
    /// Every projection equals NetworkX's edge by edge: same nodes, same pairs, weights to
    /// 1e-12, shared counts exact.
    @Test func davisProjectionsEqualNetworkX() throws {
        let fixture = try ProjectionFixture.load()
        let network = try davisNetwork()
        #expect(fixture.projections.count == 8)
        for c in fixture.projections {
            let weighting = try #require(ProjectionWeighting(rawValue: c.weighting))
            let p = try network.projected(onto: c.kind, weighting: weighting)
            let label = "\(c.onto) \(c.weighting)"
            #expect(p.nodes.map(\.id.rawValue) == c.nodes, "\(label): nodes")
            var expected: [String: (Double, Int)] = [:]
            for e in c.edges { expected[pairKey(e[0].string!, e[1].string!)] = (e[2].number!, Int(e[3].number!)) }
            #expect(p.edges.count == expected.count, "\(label): edge count")
            for e in p.edges {
                guard let (w, shared) = expected[pairKey(e.from.rawValue, e.to.rawValue)] else {
                    Issue.record("\(label): extra edge \(e.from) – \(e.to)")
                    continue
                }
                #expect(abs(e.weight! - w) <= 1e-12 * max(1, w), "\(label) \(e.from) – \(e.to): \(e.weight!) vs \(w)")
                #expect(e.attributes["shared"] == .integer(shared))
                #expect(e.relation == .coAffiliated)
                #expect(e.sources == ["davis-southern-women"])
            }
            #expect(p.validate().isEmpty)
        }
    }

    @Test func minWeightDropsWeakTies() throws {
        let fixture = try ProjectionFixture.load()
        let network = try davisNetwork()
        for c in fixture.projections where c.onto == "women" {
            let threshold = c.weighting == "count" ? 3.0 : 0.5
            let p = try network.projected(onto: c.kind, weighting: ProjectionWeighting(rawValue: c.weighting)!, minWeight: threshold)
            let kept = c.edges.filter { $0[2].number! >= threshold }
            #expect(p.edges.count == kept.count, "\(c.weighting)")
            #expect(p.nodes.count == 18, "every woman stays, isolated or not")
        }
    }

    @Test func everyNodeOfTheKindIsKeptAndOtherEdgesIgnored() throws {
        var network = Network(declaredKinds: [NodeKind("project")])
        for id in ["a", "b", "c", "d"] { network.addNode(Node(id: NodeID(id), kind: .organisation)) }
        for id in ["p", "q"] { network.addNode(Node(id: NodeID(id), kind: NodeKind("project"))) }
        network.addNode(Node(id: "x", kind: .person))
        network.addEdge(Edge(from: "a", to: "p", relation: .memberOf, sources: []))
        network.addEdge(Edge(from: "p", to: "b", relation: .partnersWith))          // either direction
        network.addEdge(Edge(from: "a", to: "p", relation: .funds))                 // a repeat: counts once
        network.addEdge(Edge(from: "b", to: "q", relation: .memberOf, since: PartialDate("2020")))
        network.addEdge(Edge(from: "c", to: "q", relation: .memberOf, since: PartialDate("2020")))
        network.addEdge(Edge(from: "a", to: "b", relation: .partnersWith))          // same kind: ignored
        network.addEdge(Edge(from: "c", to: "x", relation: .worksAt))               // other kind
        // d has no affiliation.
        let all = try network.projected(onto: "organisation", through: ["project"])
        #expect(all.nodes.map(\.id) == ["a", "b", "c", "d"])
        #expect(all.edges.map { "\($0.from)-\($0.to):\($0.attributes["shared"]!)" } == ["a-b:1", "b-c:1"])
        // Through every other kind: c and x's person do not matter (x is not projected).
        let everything = try network.projected(onto: "organisation")
        #expect(everything.edges.count == 2)
        // A time window before 2020 drops the q memberships.
        var view = View()
        view.untilDay = PartialDate("2019")!.lastDay
        let early = try network.projected(onto: "organisation", through: ["project"], view: view)
        #expect(early.edges.map { "\($0.from)-\($0.to)" } == ["a-b"])
        // Only member-of edges: a-p (member-of) and b-q, c-q.
        view = View(relations: ["member-of"])
        let members = try network.projected(onto: "organisation", view: view)
        #expect(members.edges.map { "\($0.from)-\($0.to)" } == ["b-c"])
    }

    @Test func unknownKindsAreRefused() throws {
        let network = try davisNetwork()
        #expect(throws: ViewError.self) { try network.projected(onto: "women") }
        #expect(throws: ViewError.self) { try network.projected(onto: "woman", through: ["woman"]) }
        #expect(throws: ViewError.self) { try network.projected(onto: "woman", minWeight: -1) }
        do {
            _ = try network.projected(onto: "women")
        } catch let e as ViewError {
            #expect(e.message.contains("did you mean 'woman'"))
        }
    }

    /// The core on CSR rows: a star of one through-node gives a clique; Newman weights 1/(k-1).
    @Test func cliqueFromOneAffiliation() {
        let edges = bipartiteProjection(rowStart: [0, 1, 2, 3, 3], affiliations: [0, 0, 0], throughCount: 1, weighting: .newman)
        #expect(edges.map { [$0.source, $0.target] } == [[0, 1], [0, 2], [1, 2]])
        #expect(edges.allSatisfy { $0.weight == 0.5 && $0.shared == 1 })
    }
}
