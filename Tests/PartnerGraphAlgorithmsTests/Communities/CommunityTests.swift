import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphAlgorithms

/// A community fixture written by scripts/make_community_fixtures.py
/// (format: Fixtures/communities/README.md).
struct CommunityFixture: Decodable {
    struct ModularityCase: Decodable {
        var partition: String
        var weight: String?
        var resolution: Double
        var networkx: String
        var modularity: Double
        var communities: [[String]]
    }

    struct LouvainCase: Decodable {
        var weight: String?
        var resolution: Double
        var seeds: [UInt64]
        var networkx: String
        var modularities: [Double]
        var counts: [Int]
        var mean: Double
    }

    var name: String
    var directed: Bool
    var weighted: Bool
    var nodes: [String]
    var edges: [[JSONValue]]
    var modularity: [ModularityCase]
    var louvain: [LouvainCase]

    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/communities")

    /// Every graph fixture (not the projections).
    static func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") && $0 != "davis-projections.json" }.map { String($0.dropLast(5)) }.sorted()
    }

    static func load(_ name: String) throws -> CommunityFixture {
        try JSONDecoder().decode(CommunityFixture.self, from: Data(contentsOf: directory.appendingPathComponent("\(name).json")))
    }

    var index: [String: Int] { Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) }) }

    /// The graph, weighted when the fixture is (strengths).
    var graph: CompactGraph {
        let index = self.index
        return CompactGraph(nodeCount: nodes.count, directed: directed, edges: edges.map {
            CompactGraph.InputEdge(index[$0[0].string!]!, index[$0[1].string!]!, weight: $0[2].number)
        })
    }

    /// A community label per node.
    func labels(_ communities: [[String]]) -> [Int] {
        let index = self.index
        var labels = [Int](repeating: -1, count: nodes.count)
        for (c, members) in communities.enumerated() { for id in members { labels[index[id]!] = c } }
        return labels
    }
}

/// Whether every community of `partition` is connected in `g` (direction ignored).
func communitiesAreConnected(_ g: CompactGraph, _ partition: CommunityPartition) -> Bool {
    let undirected = g.undirected()
    var seen = [Bool](repeating: false, count: g.nodeCount)
    var reached = [Int](repeating: 0, count: partition.count)
    for s in 0..<g.nodeCount where !seen[s] {
        let c = partition.community[s]
        if reached[c] > 0 { return false }     // a second piece of a community already met
        var stack = [s]
        seen[s] = true
        while let u = stack.popLast() {
            reached[c] += 1
            for e in undirected.outRange(u) {
                let v = Int(undirected.outNeighbours[e])
                if !seen[v] && partition.community[v] == c { seen[v] = true; stack.append(v) }
            }
        }
    }
    return reached == partition.sizes
}

/// Mean modularity over the seeds of a Louvain case, for one of our algorithms.
func meanModularity(_ algorithm: CommunityAlgorithm, _ g: CompactGraph, _ c: CommunityFixture.LouvainCase) throws -> Double {
    var total = 0.0
    for seed in c.seeds {
        total += try algorithm.detect(on: g, resolution: c.resolution, seed: seed, weighted: c.weight != nil).modularity
    }
    return total / Double(c.seeds.count)
}

@Suite struct ModularityTests {
    /// Every modularity case of every fixture: NetworkX's value to 1e-9.
    @Test(arguments: CommunityFixture.names()) func modularityEqualsNetworkX(name: String) throws {
        let fixture = try CommunityFixture.load(name)
        let g = fixture.graph
        #expect(!fixture.modularity.isEmpty)
        for c in fixture.modularity {
            let labels = fixture.labels(c.communities)
            let q = modularity(g, community: labels, resolution: c.resolution, weighted: c.weight != nil)
            #expect(abs(q - c.modularity) <= 1e-9, "\(name) \(c.partition): \(c.networkx) = \(c.modularity), ours \(q)")
            // The named result reports the same value, whatever the labels.
            let p = CommunityPartition(labels: labels, of: g, resolution: c.resolution, weighted: c.weight != nil)
            #expect(abs(p.modularity - c.modularity) <= 1e-9)
            // The community graph (used by Louvain and Leiden) agrees too.
            let cg = CommunityGraph(g, weighted: c.weight != nil)
            #expect(abs(cg.modularity(labels.map(Int32.init), resolution: c.resolution) - c.modularity) <= 1e-9)
        }
    }

    @Test func modularityOfAGraphWithoutEdgesIsNaN() {
        let g = CompactGraph(nodeCount: 3, directed: false, edges: [])
        #expect(modularity(g, community: [0, 1, 2]).isNaN)
        let p = try? louvainCommunities(g)
        #expect(p?.count == 3)
        #expect(p?.modularity.isNaN == true)
    }

    @Test func aggregationKeepsModularity() throws {
        let fixture = try CommunityFixture.load("karate-club")
        let g = CommunityGraph(fixture.graph, weighted: true)
        let club = fixture.modularity.first { $0.partition == "club" }!
        var labels = fixture.labels(club.communities).map(Int32.init)
        // Aggregate on a finer partition (club halves split by parity), then evaluate the clubs.
        var finer = labels.enumerated().map { Int32($0.element * 2 + Int32($0.offset % 2)) }
        let count = renumberInPlace(&finer)
        let aggregate = g.aggregated(by: finer, count: count)
        var coarse = [Int32](repeating: 0, count: count)
        for u in 0..<labels.count { coarse[Int(finer[u])] = labels[u] }
        renumberInPlace(&labels)
        #expect(abs(aggregate.modularity(coarse, resolution: 1) - g.modularity(labels, resolution: 1)) <= 1e-12)
        #expect(abs(aggregate.modularity(coarse, resolution: 0.5) - g.modularity(labels, resolution: 0.5)) <= 1e-12)
    }
}

@Suite struct CommunityQualityTests {
    /// Louvain's and Leiden's mean modularity over seeds 0-9 are at least NetworkX Louvain's
    /// minus 0.005; Leiden's communities are connected.
    @Test(arguments: CommunityFixture.names()) func louvainAndLeidenMatchNetworkX(name: String) throws {
        let fixture = try CommunityFixture.load(name)
        let g = fixture.graph
        for c in fixture.louvain {
            let louvain = try meanModularity(.louvain, g, c)
            let leiden = try meanModularity(.leiden, g, c)
            let label = "\(name) weight=\(c.weight ?? "none") resolution=\(c.resolution)"
            print("quality \(label): networkx \(c.mean) louvain \(louvain) leiden \(leiden)")
            #expect(louvain >= c.mean - 0.005, "\(label): Louvain \(louvain) vs NetworkX \(c.mean)")
            #expect(leiden >= c.mean - 0.005, "\(label): Leiden \(leiden) vs NetworkX \(c.mean)")
            for seed in c.seeds {
                let p = try leidenCommunities(g, resolution: c.resolution, seed: seed, weighted: c.weight != nil)
                #expect(communitiesAreConnected(g, p), "\(label) seed \(seed): a Leiden community is disconnected")
            }
        }
    }

    /// The same seed gives the same partition, for every algorithm.
    @Test(arguments: CommunityAlgorithm.allCases) func deterministicForASeed(algorithm: CommunityAlgorithm) throws {
        for name in ["karate-club", "sbm-300", "directed-sbm-60"] {
            let g = try CommunityFixture.load(name).graph
            for seed: UInt64 in [0, 1, 12345] {
                let a = try algorithm.detect(on: g, seed: seed)
                let b = try algorithm.detect(on: g, seed: seed)
                #expect(a == b, "\(algorithm.rawValue) on \(name), seed \(seed)")
            }
        }
    }

    /// Planted communities are found exactly when they are strong.
    @Test(arguments: [CommunityAlgorithm.louvain, .leiden]) func plantedPartitionIsRecovered(algorithm: CommunityAlgorithm) throws {
        let fixture = try CommunityFixture.load("sbm-4x30")
        let blocks = fixture.modularity.first { $0.partition == "blocks" && $0.resolution == 1 }!
        let planted = CommunityPartition(labels: fixture.labels(blocks.communities), of: fixture.graph)
        let found = try algorithm.detect(on: fixture.graph, seed: 3)
        #expect(found.modularity >= planted.modularity - 1e-12)
        #expect(found.count == 4)
    }

    /// Label propagation stops only when every node has a most frequent neighbour label.
    @Test(arguments: CommunityFixture.names()) func labelPropagationSettles(name: String) throws {
        let fixture = try CommunityFixture.load(name)
        let g = fixture.graph
        for seed: UInt64 in 0..<5 {
            let p = try labelPropagationCommunities(g, seed: seed)
            let cg = CommunityGraph(g, weighted: true)
            for u in 0..<g.nodeCount where cg.start[u] < cg.start[u + 1] {
                var frequency: [Int: Double] = [:]
                for e in cg.start[u]..<cg.start[u + 1] { frequency[p.community[Int(cg.neighbours[e])], default: 0] += cg.weights[e] }
                #expect(frequency[p.community[u]] == frequency.values.max(), "\(name) seed \(seed) node \(fixture.nodes[u])")
            }
            let q = modularity(g, community: p.community)
            #expect(q.isNaN ? p.modularity.isNaN : abs(q - p.modularity) <= 1e-12)
        }
    }

    @Test func partitionIsNumberedBySizeThenSmallestMember() {
        // Nodes 0..6: labels give communities {0, 5}, {1, 2, 3}, {4}, {6}.
        let g = CompactGraph(nodeCount: 7, directed: false, edges: [.init(0, 5), .init(1, 2), .init(2, 3), .init(4, 6)])
        let p = CommunityPartition(labels: [6, 2, 2, 2, 3, 6, 0], of: g)
        #expect(p.community == [1, 0, 0, 0, 2, 1, 3])
        #expect(p.sizes == [3, 2, 1, 1])
        #expect(p.members(of: 1) == [0, 5])
        #expect(p.communities == [[1, 2, 3], [0, 5], [4], [6]])
    }

    /// Louvain's later rounds start from the first round's result and are kept only when better.
    @Test func louvainRoundsNeverLowerModularity() throws {
        for name in ["karate-club", "les-miserables", "sbm-300", "directed-sbm-60"] {
            let g = try CommunityFixture.load(name).graph
            for seed: UInt64 in 0..<10 {
                let one = try louvainCommunities(g, seed: seed, maxRounds: 1)
                let all = try louvainCommunities(g, seed: seed)
                #expect(all.modularity >= one.modularity, "\(name) seed \(seed)")
            }
        }
    }

    @Test func badParametersAreRefused() {
        let g = CompactGraph(nodeCount: 2, directed: false, edges: [.init(0, 1)])
        #expect(throws: AlgorithmError.self) { try louvainCommunities(g, resolution: -1) }
        #expect(throws: AlgorithmError.self) { try leidenCommunities(g, resolution: .nan) }
        #expect(throws: AlgorithmError.self) { try leidenCommunities(g, iterations: 0) }
        #expect(throws: AlgorithmError.self) { try leidenCommunities(g, randomness: -1) }
        #expect(throws: AlgorithmError.self) { try louvainCommunities(g, maxRounds: 0) }
        #expect(throws: AlgorithmError.self) { try labelPropagationCommunities(g, resolution: .infinity) }
    }

    @Test func resolutionZeroGivesOneCommunityPerComponent() throws {
        let fixture = try CommunityFixture.load("self-loops")
        let p = try leidenCommunities(fixture.graph, resolution: 0)
        // Components: a-b-c-d-e-f, g (self-loop only), h (isolated).
        #expect(p.sizes == [6, 1, 1])
    }
}
