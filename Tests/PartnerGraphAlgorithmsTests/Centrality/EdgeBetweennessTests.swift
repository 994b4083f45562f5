import Testing
@testable import PartnerGraphAlgorithms

@Suite struct EdgeBetweennessTests {
    private func values(_ r: EdgeBetweennessResult, _ edges: [(Int, Int)]) -> [Double] {
        edges.map { r.value(source: $0.0, target: $0.1) ?? .nan }
    }

    @Test func handComputed() {
        // P3: each edge carries 2 of the 3 unordered pairs; normalised over n (n - 1) = 6 ordered pairs.
        let p3 = PathsFixtures.graph(3, directed: false, [(0, 1), (1, 2)])
        let r = edgeBetweennessCentrality(p3, weighted: false, normalized: false)
        #expect(r.edges == [EdgeValue(source: 0, target: 1, value: 2), EdgeValue(source: 1, target: 2, value: 2)])
        pathsExpectClose(edgeBetweennessCentrality(p3, weighted: false).edges.map(\.value), [4.0 / 6, 4.0 / 6])
        // K4: each edge only carries its own pair: 1 unnormalised, 2 / 12 normalised.
        let k4 = PathsFixtures.graph(4, directed: false, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)])
        pathsExpectClose(edgeBetweennessCentrality(k4, weighted: false, normalized: false).edges.map(\.value), [1, 1, 1, 1, 1, 1])
        pathsExpectClose(edgeBetweennessCentrality(k4, weighted: false).edges.map(\.value), [Double](repeating: 1.0 / 6, count: 6))
        // Directed 4-cycle: arc (i, i+1) lies on the paths from i to i+1, i+2, i+3, from i-1 to
        // i+1, i+2 and from i-2 to i+1: 6 of the 12 ordered pairs.
        let cycle = PathsFixtures.graph(4, directed: true, [(0, 1), (1, 2), (2, 3), (3, 0)])
        let rc = edgeBetweennessCentrality(cycle, weighted: false, normalized: false)
        #expect(rc.edges.map(\.value) == [6, 6, 6, 6])
        #expect(rc.edges.map(\.source) == [0, 1, 2, 3] && rc.edges.map(\.target) == [1, 2, 3, 0])
        #expect(rc.value(source: 3, target: 0) == 6 && rc.value(source: 0, target: 3) == nil)
        pathsExpectClose(edgeBetweennessCentrality(cycle, weighted: false).edges.map(\.value), [0.5, 0.5, 0.5, 0.5])
    }

    @Test func degenerate() {
        #expect(edgeBetweennessCentrality(PathsFixtures.graph(0, directed: false, []), weighted: false).edges == [])
        // A single self-loop is listed with value 0.
        #expect(edgeBetweennessCentrality(PathsFixtures.graph(1, directed: false, [(0, 0)]), weighted: false).edges ==
                [EdgeValue(source: 0, target: 0, value: 0)])
    }

    @Test func karate() {
        let g = PathsFixtures.karate
        let edges = PathsFixtures.karateEdges.map { ($0.0, $0.1) }
        pathsExpectClose(values(edgeBetweennessCentrality(g, weighted: false), edges), PathsFixtures.karateEdgeBetweennessU)
        pathsExpectClose(values(edgeBetweennessCentrality(g, weighted: true), edges), PathsFixtures.karateEdgeBetweennessW)
        pathsExpectClose(values(edgeBetweennessCentrality(g, weighted: false, normalized: false), edges), PathsFixtures.karateEdgeBetweennessRawU)
        pathsExpectClose(values(edgeBetweennessCentrality(g, weighted: true, normalized: false), edges), PathsFixtures.karateEdgeBetweennessRawW)
        let r = edgeBetweennessCentrality(g, weighted: true)
        #expect(r.edges.count == 78)
        #expect(r.edges.allSatisfy { $0.source < $0.target })
        #expect(r.value(source: 1, target: 0) == r.value(source: 0, target: 1))
    }

    @Test func directedGnp() {
        let g = PathsFixtures.directed
        let edges = PathsFixtures.directedEdges
        pathsExpectClose(values(edgeBetweennessCentrality(g, weighted: false), edges), PathsFixtures.directedEdgeBetweennessU)
        pathsExpectClose(values(edgeBetweennessCentrality(g, weighted: true), edges), PathsFixtures.directedEdgeBetweennessW)
        pathsExpectClose(values(edgeBetweennessCentrality(g, weighted: false, normalized: false), edges), PathsFixtures.directedEdgeBetweennessRawU)
        pathsExpectClose(values(edgeBetweennessCentrality(g, weighted: true, normalized: false), edges), PathsFixtures.directedEdgeBetweennessRawW)
        #expect(edgeBetweennessCentrality(g, weighted: false).edges.count == edges.count)
    }

    @Test func disconnectedWithSelfLoops() {
        let r = edgeBetweennessCentrality(PathsFixtures.disconnected, weighted: false)
        #expect(r.edges.map { [$0.source, $0.target] } == PathsFixtures.disconnectedSortedEdges.map { [$0.0, $0.1] })
        pathsExpectClose(r.edges.map(\.value), PathsFixtures.disconnectedEdgeBetweenness)
    }

    @Test func resultDoesNotDependOnThreads() {
        let g = PathsFixtures.grid
        #expect(edgeBetweennessCentrality(g, weighted: false, maxThreads: 1) == edgeBetweennessCentrality(g, weighted: false, maxThreads: 3))
    }
}
