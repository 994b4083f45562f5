import Foundation
import Testing
@testable import PartnerGraphAlgorithms

@Suite struct BetweennessApproximationTests {
    @Test func karateWithinEpsilon() throws {
        let g = PathsFixtures.karate
        let r = try approximateBetweenness(g, epsilon: 0.05, delta: 0.1, seed: 2024)
        // Bound: BFS from node 0 reaches distances 3 and 3 at most -> VD <= 3 + 3 + 1 = 7
        // (nx.single_source_shortest_path_length(K, 0)); r = ceil(0.5 / (0.05 * 32/34)^2 *
        // (floor(log2(5)) + 1 + ln(10))) = 1198 (computed in Python).
        #expect(r.vertexDiameterBound == 7)
        #expect(r.sampleSize == 1198)
        let exact = PathsFixtures.karateBetweennessU
        for (a, e) in zip(r.values, exact) { #expect(abs(a - e) <= 0.05) }
        // Deterministic and independent of the thread count.
        let again = try approximateBetweenness(g, epsilon: 0.05, delta: 0.1, seed: 2024, maxThreads: 1)
        #expect(again.values == r.values)
    }

    @Test func tighterEpsilonOnSeveralSeeds() throws {
        let g = PathsFixtures.karate
        for seed: UInt64 in [1, 2, 3] {
            let r = try approximateBetweenness(g, epsilon: 0.02, delta: 0.05, seed: seed, maxThreads: 2)
            #expect(r.sampleSize == 8461)  // same formula with eps = 0.02, delta = 0.05
            for (a, e) in zip(r.values, PathsFixtures.karateBetweennessU) { #expect(abs(a - e) <= 0.02) }
        }
    }

    @Test func weightedAndDirected() throws {
        let k = try approximateBetweenness(PathsFixtures.karate, epsilon: 0.05, delta: 0.1, seed: 7, weighted: true)
        // Weighted bound: Dijkstra from 0 has largest distances 7 and 7, smallest length 1
        // -> floor(14 / 1) + 1 = 15.
        #expect(k.vertexDiameterBound == 15)
        for (a, e) in zip(k.values, PathsFixtures.karateBetweennessW) { #expect(abs(a - e) <= 0.05) }
        let d = try approximateBetweenness(PathsFixtures.directed, epsilon: 0.05, delta: 0.1, seed: 7)
        // Directed bound: the largest weakly connected component has all 30 nodes.
        #expect(d.vertexDiameterBound == 30)
        for (a, e) in zip(d.values, PathsFixtures.directedBetweennessU) { #expect(abs(a - e) <= 0.05) }
    }

    @Test func handComputedAndDegenerate() throws {
        // Star: every sampled pair of leaves passes the centre; pairs with the centre as an end
        // have no interior node. Exact normalised betweenness of the centre is 1.
        let star = PathsFixtures.graph(6, directed: false, [(0, 1), (0, 2), (0, 3), (0, 4), (0, 5)])
        let s = try approximateBetweenness(star, epsilon: 0.1, delta: 0.1, seed: 5)
        #expect(s.vertexDiameterBound == 3)
        #expect(abs(s.values[0] - 1) <= 0.1)
        #expect(s.values[1...].allSatisfy { $0 == 0 })
        // K4: the bound is 1 + 1 + 1 = 3 (not tight), but no node is ever interior.
        let k4 = PathsFixtures.graph(4, directed: false, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)])
        let r = try approximateBetweenness(k4, epsilon: 0.1, delta: 0.1, seed: 1)
        #expect(r.vertexDiameterBound == 3 && r.sampleSize > 0 && r.values == [0, 0, 0, 0])
        // Two disjoint edges: the bound is 1 + 0 + 1 = 2, so no sampling at all.
        let twoEdges = PathsFixtures.graph(4, directed: false, [(0, 1), (2, 3)])
        let t = try approximateBetweenness(twoEdges, epsilon: 0.1, delta: 0.1, seed: 1)
        #expect(t.vertexDiameterBound == 2 && t.sampleSize == 0 && t.values == [0, 0, 0, 0])
        #expect(try approximateBetweenness(PathsFixtures.graph(0, directed: false, []), epsilon: 0.1, delta: 0.1, seed: 1).values == [])
        #expect(throws: AlgorithmError.self) { try approximateBetweenness(k4, epsilon: 0, delta: 0.1, seed: 1) }
        #expect(throws: AlgorithmError.self) { try approximateBetweenness(k4, epsilon: 0.1, delta: 1, seed: 1) }
    }

    @Test func disconnected() throws {
        let r = try approximateBetweenness(PathsFixtures.disconnected, epsilon: 0.05, delta: 0.1, seed: 3)
        // Components: path 0-3 (BFS from 0: 3 + 2 + 1 = 6, capped at 4 nodes), 5-cycle (2 + 2 + 1 = 5),
        // triangle + pendant (2 + 1 + 1 = 4): VD = 5.
        #expect(r.vertexDiameterBound == 5)
        for (a, e) in zip(r.values, PathsFixtures.disconnectedBetweenness) { #expect(abs(a - e) <= 0.05) }
    }

    @Test func sampledBetweennessWithAllNodesIsExact() throws {
        let g = PathsFixtures.karate
        pathsExpectClose(try sampledBetweenness(g, weighted: true, samples: 34, seed: 9), PathsFixtures.karateBetweennessW)
        pathsExpectClose(try sampledBetweenness(g, weighted: false, samples: 34, seed: 1, normalized: false),
                         PathsFixtures.karateBetweennessRawU)
        let a = try sampledBetweenness(g, weighted: false, samples: 10, seed: 4)
        let b = try sampledBetweenness(g, weighted: false, samples: 10, seed: 4)
        #expect(a == b)
        #expect(throws: AlgorithmError.self) { try sampledBetweenness(g, weighted: false, samples: 0, seed: 1) }
        #expect(throws: AlgorithmError.self) { try sampledBetweenness(g, weighted: false, samples: 35, seed: 1) }
    }
}
