import Testing
@testable import PartnerGraphAlgorithms

@Suite struct HarmonicTests {
    @Test func handComputed() {
        let p3 = PathsFixtures.graph(3, directed: false, [(0, 1), (1, 2)])
        pathsExpectClose(harmonicCentrality(p3, weighted: false), [1.5, 2, 1.5])
        let k5 = PathsFixtures.graph(5, directed: false, [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)])
        pathsExpectClose(harmonicCentrality(k5, weighted: false), [4, 4, 4, 4, 4])
        // Directed 4-cycle: 1 + 1/2 + 1/3.
        let cycle = PathsFixtures.graph(4, directed: true, [(0, 1), (1, 2), (2, 3), (3, 0)])
        pathsExpectClose(harmonicCentrality(cycle, weighted: false), [11.0 / 6, 11.0 / 6, 11.0 / 6, 11.0 / 6])
        // Weighted P3 with lengths 2 and 3: node 0 gets 1/2 + 1/5.
        let wp3 = PathsFixtures.weightedGraph(3, directed: false, [(0, 1, 2), (1, 2, 3)])
        pathsExpectClose(harmonicCentrality(wp3, weighted: true), [0.7, 0.5 + 1.0 / 3, 1.0 / 3 + 0.2])
    }

    @Test func directedCountsDistancesToTheNode() {
        // 0 -> 1 -> 2: NetworkX credits 1/d(v, u) to u, so node 2 gets 1 + 1/2 and node 0 gets 0.
        let path = PathsFixtures.graph(3, directed: true, [(0, 1), (1, 2)])
        pathsExpectClose(harmonicCentrality(path, weighted: false), [0, 1, 1.5])
    }

    @Test func degenerate() {
        #expect(harmonicCentrality(PathsFixtures.graph(0, directed: true, []), weighted: false) == [])
        #expect(harmonicCentrality(PathsFixtures.graph(1, directed: false, [(0, 0)]), weighted: false) == [0])
    }

    @Test func karate() {
        pathsExpectClose(harmonicCentrality(PathsFixtures.karate, weighted: false), PathsFixtures.karateHarmonicU)
        pathsExpectClose(harmonicCentrality(PathsFixtures.karate, weighted: true), PathsFixtures.karateHarmonicW)
    }

    @Test func directedGnp() {
        pathsExpectClose(harmonicCentrality(PathsFixtures.directed, weighted: false), PathsFixtures.directedHarmonicU)
        pathsExpectClose(harmonicCentrality(PathsFixtures.directed, weighted: true), PathsFixtures.directedHarmonicW)
    }

    @Test func disconnectedWithSelfLoops() {
        pathsExpectClose(harmonicCentrality(PathsFixtures.disconnected, weighted: false), PathsFixtures.disconnectedHarmonic)
    }

    @Test func moreThan64Nodes() {
        pathsExpectClose(harmonicCentrality(PathsFixtures.bigDirected, weighted: false), PathsFixtures.bigDirectedHarmonic)
        pathsExpectClose(harmonicCentrality(PathsFixtures.bigUndirected, weighted: false), PathsFixtures.bigUndirectedHarmonic)
        // Weighted search on an unweighted graph is the same as counting edges.
        pathsExpectClose(harmonicCentrality(PathsFixtures.bigDirected, weighted: true), PathsFixtures.bigDirectedHarmonic)
    }

    @Test func resultDoesNotDependOnThreads() {
        let g = PathsFixtures.grid
        #expect(harmonicCentrality(g, weighted: false, maxThreads: 1) == harmonicCentrality(g, weighted: false, maxThreads: 3))
    }
}
