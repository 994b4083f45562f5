import Testing
@testable import PartnerGraphAlgorithms

@Suite struct ShortestPathLengthsTests {
    @Test func pathGraph() throws {
        let p3 = PathsFixtures.graph(3, directed: false, [(0, 1), (1, 2)])
        #expect(try shortestPathLengths(p3, from: 0, weighted: false) == [0, 1, 2])
        #expect(try shortestPathLengths(p3, from: 1, weighted: true) == [1, 0, 1])
    }

    @Test func directedCycleBothDirections() throws {
        let c = PathsFixtures.graph(4, directed: true, [(0, 1), (1, 2), (2, 3), (3, 0)])
        #expect(try shortestPathLengths(c, from: 0, weighted: false, direction: .outgoing) == [0, 1, 2, 3])
        #expect(try shortestPathLengths(c, from: 0, weighted: false, direction: .incoming) == [0, 3, 2, 1])
    }

    @Test func unreachableAndSelfLoop() throws {
        let g = PathsFixtures.disconnected
        let d = try shortestPathLengths(g, from: 1, weighted: false)
        #expect(d[0] == 1 && d[1] == 0 && d[3] == 2)
        #expect(d[4] == .infinity && d[13] == .infinity)
        #expect(try shortestPathLengths(g, from: 13, weighted: false)[13] == 0)
    }

    @Test func weightedTriangle() throws {
        // 0-1 (1), 1-2 (1), 0-2 (3): the detour is shorter.
        let g = PathsFixtures.weightedGraph(3, directed: false, [(0, 1, 1), (1, 2, 1), (0, 2, 3)])
        #expect(try shortestPathLengths(g, from: 0, weighted: true) == [0, 1, 2])
        #expect(try shortestPathLengths(g, from: 0, weighted: false) == [0, 1, 1])
    }

    @Test func karateDijkstra() throws {
        pathsExpectClose(try shortestPathLengths(PathsFixtures.karate, from: 0, weighted: true),
                         PathsFixtures.karateDijkstraFrom0, tolerance: 0)
    }

    @Test func directedAgainstNetworkX() throws {
        let g = PathsFixtures.directedUnweighted
        pathsExpectClose(try shortestPathLengths(g, from: 0, weighted: false), PathsFixtures.directedOutFrom0, tolerance: 0)
        pathsExpectClose(try shortestPathLengths(g, from: 0, weighted: false, direction: .incoming),
                         PathsFixtures.directedInTo0, tolerance: 0)
    }

    @Test func badSource() {
        let g = PathsFixtures.graph(2, directed: false, [(0, 1)])
        #expect(throws: AlgorithmError.self) { try shortestPathLengths(g, from: 2, weighted: false) }
        #expect(throws: AlgorithmError.self) { try shortestPathLengths(g, from: -1, weighted: false) }
    }
}
