import Testing
@testable import PartnerGraphAlgorithms

@Suite struct ClosenessTests {
    @Test func handComputed() {
        // P3: node 0 has distances 1, 2 -> 2/3; node 1 -> 2/2.
        let p3 = PathsFixtures.graph(3, directed: false, [(0, 1), (1, 2)])
        pathsExpectClose(closenessCentrality(p3, weighted: false), [2.0 / 3, 1, 2.0 / 3])
        // Star K1,4: centre 4/4, leaves 4/(1+2+2+2).
        let star = PathsFixtures.graph(5, directed: false, [(0, 1), (0, 2), (0, 3), (0, 4)])
        pathsExpectClose(closenessCentrality(star, weighted: false), [1, 4.0 / 7, 4.0 / 7, 4.0 / 7, 4.0 / 7])
        // K4: everyone at distance 1.
        let k4 = PathsFixtures.graph(4, directed: false, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)])
        pathsExpectClose(closenessCentrality(k4, weighted: false), [1, 1, 1, 1])
        // Directed 4-cycle: incoming distances 1, 2, 3 -> 3/6.
        let cycle = PathsFixtures.graph(4, directed: true, [(0, 1), (1, 2), (2, 3), (3, 0)])
        pathsExpectClose(closenessCentrality(cycle, weighted: false), [0.5, 0.5, 0.5, 0.5])
        // Two components P2 + P3 (n = 5): node 3 reaches 2 nodes at total distance 2 -> 1 * 2/4;
        // node 0 reaches 1 node -> 1 * 1/4; without WF the factor goes.
        let two = PathsFixtures.graph(5, directed: false, [(0, 1), (2, 3), (3, 4)])
        pathsExpectClose(closenessCentrality(two, weighted: false), [0.25, 0.25, 2.0 / 3 * 0.5, 0.5, 2.0 / 3 * 0.5])
        pathsExpectClose(closenessCentrality(two, weighted: false, wfImproved: false), [1, 1, 2.0 / 3, 1, 2.0 / 3])
    }

    @Test func directedUsesIncomingDistances() {
        // 0 -> 1 -> 2: node 2 is reached by both (distances 1 and 2), node 0 by nobody.
        let path = PathsFixtures.graph(3, directed: true, [(0, 1), (1, 2)])
        pathsExpectClose(closenessCentrality(path, weighted: false, wfImproved: false), [0, 1, 2.0 / 3])
    }

    @Test func degenerate() {
        #expect(closenessCentrality(PathsFixtures.graph(0, directed: false, []), weighted: false) == [])
        #expect(closenessCentrality(PathsFixtures.graph(1, directed: false, [(0, 0)]), weighted: true) == [0])
        #expect(closenessCentrality(PathsFixtures.graph(3, directed: true, []), weighted: false) == [0, 0, 0])
    }

    @Test func karate() {
        let g = PathsFixtures.karate
        pathsExpectClose(closenessCentrality(g, weighted: false), PathsFixtures.karateClosenessU)
        pathsExpectClose(closenessCentrality(g, weighted: true), PathsFixtures.karateClosenessW)
        pathsExpectClose(closenessCentrality(g, weighted: false, wfImproved: false), PathsFixtures.karateClosenessNoWFU)
        pathsExpectClose(closenessCentrality(g, weighted: true, wfImproved: false), PathsFixtures.karateClosenessNoWFW)
    }

    @Test func directedGnp() {
        let g = PathsFixtures.directed
        pathsExpectClose(closenessCentrality(g, weighted: false), PathsFixtures.directedClosenessU)
        pathsExpectClose(closenessCentrality(g, weighted: true), PathsFixtures.directedClosenessW)
        pathsExpectClose(closenessCentrality(g, weighted: false, wfImproved: false), PathsFixtures.directedClosenessNoWFU)
        pathsExpectClose(closenessCentrality(g, weighted: true, wfImproved: false), PathsFixtures.directedClosenessNoWFW)
    }

    @Test func disconnectedWithSelfLoops() {
        let g = PathsFixtures.disconnected
        pathsExpectClose(closenessCentrality(g, weighted: false), PathsFixtures.disconnectedCloseness)
        pathsExpectClose(closenessCentrality(g, weighted: false, wfImproved: false), PathsFixtures.disconnectedClosenessNoWF)
    }

    @Test func threadCountDoesNotMatter() {
        let g = PathsFixtures.karate
        #expect(closenessCentrality(g, weighted: true, maxThreads: 1) == closenessCentrality(g, weighted: true, maxThreads: 3))
    }

    @Test func moreThan64Nodes() {
        pathsExpectClose(closenessCentrality(PathsFixtures.bigDirected, weighted: false), PathsFixtures.bigDirectedCloseness)
        pathsExpectClose(closenessCentrality(PathsFixtures.bigUndirected, weighted: false), PathsFixtures.bigUndirectedCloseness)
        // Weighted search on an unweighted graph is the same as counting edges.
        pathsExpectClose(closenessCentrality(PathsFixtures.bigDirected, weighted: true), PathsFixtures.bigDirectedCloseness)
    }

    @Test func resultDoesNotDependOnThreads() {
        let g = PathsFixtures.grid
        #expect(closenessCentrality(g, weighted: false, maxThreads: 1) == closenessCentrality(g, weighted: false, maxThreads: 3))
    }
}
