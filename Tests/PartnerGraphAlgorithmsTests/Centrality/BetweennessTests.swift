import Testing
@testable import PartnerGraphAlgorithms

@Suite struct BetweennessTests {
    @Test func pathGraphAllVariants() throws {
        // The examples in nx.betweenness_centrality's docstring (P3, undirected and directed).
        let p3 = PathsFixtures.graph(3, directed: false, [(0, 1), (1, 2)])
        pathsExpectClose(try betweennessCentrality(p3, weighted: false, normalized: false), [0, 1, 0])
        pathsExpectClose(try betweennessCentrality(p3, weighted: false, normalized: false, endpoints: true), [2, 3, 2])
        pathsExpectClose(try betweennessCentrality(p3, weighted: false), [0, 1, 0])
        pathsExpectClose(try betweennessCentrality(p3, weighted: false, endpoints: true), [2.0 / 3, 1, 2.0 / 3])
        let dp3 = PathsFixtures.graph(3, directed: true, [(0, 1), (1, 2)])
        pathsExpectClose(try betweennessCentrality(dp3, weighted: false, normalized: false), [0, 1, 0])
        pathsExpectClose(try betweennessCentrality(dp3, weighted: false, normalized: false, endpoints: true), [2, 3, 2])
        pathsExpectClose(try betweennessCentrality(dp3, weighted: false, endpoints: true), [1.0 / 3, 0.5, 1.0 / 3])
        pathsExpectClose(try betweennessCentrality(dp3, weighted: false), [0, 0.5, 0])
        // Docstring: nx.betweenness_centrality(G, k=2, normalized=False, endpoints=True, seed=42)
        // samples nodes 0 and 2 and gives {0: 2.25, 1: 3.0, 2: 2.25}; normalized {0.75, 1, 0.75}.
        pathsExpectClose(try betweennessCentrality(p3, weighted: false, normalized: false, endpoints: true, sources: [0, 2]), [2.25, 3, 2.25])
        pathsExpectClose(try betweennessCentrality(p3, weighted: false, endpoints: true, sources: [0, 2]), [0.75, 1, 0.75])
    }

    @Test func handComputed() throws {
        // Star K1,4: the centre lies on all C(4,2) = 6 leaf pairs.
        let star = PathsFixtures.graph(5, directed: false, [(0, 1), (0, 2), (0, 3), (0, 4)])
        pathsExpectClose(try betweennessCentrality(star, weighted: false, normalized: false), [6, 0, 0, 0, 0])
        pathsExpectClose(try betweennessCentrality(star, weighted: false), [1, 0, 0, 0, 0])
        // K4: nobody is in between.
        let k4 = PathsFixtures.graph(4, directed: false, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)])
        pathsExpectClose(try betweennessCentrality(k4, weighted: false), [0, 0, 0, 0])
        // Directed 4-cycle: each node is interior to 3 of the 12 ordered pairs -> 3 / (3 * 2).
        let cycle = PathsFixtures.graph(4, directed: true, [(0, 1), (1, 2), (2, 3), (3, 0)])
        pathsExpectClose(try betweennessCentrality(cycle, weighted: false), [0.5, 0.5, 0.5, 0.5])
        // 4-cycle undirected: the opposite pair has two shortest paths, each middle node gets 1/2.
        let c4 = PathsFixtures.graph(4, directed: false, [(0, 1), (1, 2), (2, 3), (3, 0)])
        pathsExpectClose(try betweennessCentrality(c4, weighted: false, normalized: false), [0.5, 0.5, 0.5, 0.5])
        // Two components P2 + P3: node 3 is between 2 and 4 -> 1 / (4 * 3 / 2).
        let two = PathsFixtures.graph(5, directed: false, [(0, 1), (2, 3), (3, 4)])
        pathsExpectClose(try betweennessCentrality(two, weighted: false), [0, 0, 0, 1.0 / 6, 0])
    }

    @Test func weightedTies() throws {
        // 0-1 (1), 1-2 (1), 0-2 (3): the only shortest 0-2 path goes through 1.
        let detour = PathsFixtures.weightedGraph(3, directed: false, [(0, 1, 1), (1, 2, 1), (0, 2, 3)])
        pathsExpectClose(try betweennessCentrality(detour, weighted: true, normalized: false), [0, 1, 0])
        pathsExpectClose(try betweennessCentrality(detour, weighted: false, normalized: false), [0, 0, 0])
        // With 0-2 of length 2 there are two shortest paths: node 1 gets 1/2.
        let tie = PathsFixtures.weightedGraph(3, directed: false, [(0, 1, 1), (1, 2, 1), (0, 2, 2)])
        pathsExpectClose(try betweennessCentrality(tie, weighted: true, normalized: false), [0, 0.5, 0])
    }

    @Test func degenerate() throws {
        #expect(try betweennessCentrality(PathsFixtures.graph(0, directed: false, []), weighted: false) == [])
        #expect(try betweennessCentrality(PathsFixtures.graph(1, directed: false, [(0, 0)]), weighted: false) == [0])
        #expect(try betweennessCentrality(PathsFixtures.graph(2, directed: true, [(0, 1)]), weighted: true, endpoints: true) == [0.5, 0.5])
        #expect(try betweennessCentrality(PathsFixtures.graph(4, directed: false, []), weighted: false) == [0, 0, 0, 0])
    }

    @Test func karate() throws {
        let g = PathsFixtures.karate
        pathsExpectClose(try betweennessCentrality(g, weighted: false), PathsFixtures.karateBetweennessU)
        pathsExpectClose(try betweennessCentrality(g, weighted: true), PathsFixtures.karateBetweennessW)
        pathsExpectClose(try betweennessCentrality(g, weighted: false, normalized: false), PathsFixtures.karateBetweennessRawU)
        pathsExpectClose(try betweennessCentrality(g, weighted: true, normalized: false), PathsFixtures.karateBetweennessRawW)
        pathsExpectClose(try betweennessCentrality(g, weighted: false, endpoints: true), PathsFixtures.karateBetweennessEndpointsU)
        pathsExpectClose(try betweennessCentrality(g, weighted: true, endpoints: true), PathsFixtures.karateBetweennessEndpointsW)
    }

    @Test func karateSampledSourcesRescaleLikeNetworkX() throws {
        let g = PathsFixtures.karate
        let s5 = PathsFixtures.karateSample5
        pathsExpectClose(try betweennessCentrality(g, weighted: false, sources: s5), PathsFixtures.karateSampled5N)
        pathsExpectClose(try betweennessCentrality(g, weighted: false, normalized: false, sources: s5), PathsFixtures.karateSampled5R)
        pathsExpectClose(try betweennessCentrality(g, weighted: false, endpoints: true, sources: s5), PathsFixtures.karateSampled5EN)
        pathsExpectClose(try betweennessCentrality(g, weighted: false, normalized: false, endpoints: true, sources: s5), PathsFixtures.karateSampled5ER)
        // k = 1 without endpoints: NetworkX gives NaN on the sampled node.
        pathsExpectClose(try betweennessCentrality(g, weighted: false, sources: PathsFixtures.karateSample1), PathsFixtures.karateSampled1N)
        // Every node as a source is the exact computation.
        pathsExpectClose(try betweennessCentrality(g, weighted: true, sources: Array((0..<34).reversed())), PathsFixtures.karateBetweennessW)
    }

    @Test func directedGnp() throws {
        let g = PathsFixtures.directed
        pathsExpectClose(try betweennessCentrality(g, weighted: false), PathsFixtures.directedBetweennessU)
        pathsExpectClose(try betweennessCentrality(g, weighted: true), PathsFixtures.directedBetweennessW)
        pathsExpectClose(try betweennessCentrality(g, weighted: false, normalized: false), PathsFixtures.directedBetweennessRawU)
        pathsExpectClose(try betweennessCentrality(g, weighted: true, normalized: false), PathsFixtures.directedBetweennessRawW)
        pathsExpectClose(try betweennessCentrality(g, weighted: false, endpoints: true), PathsFixtures.directedBetweennessEndpointsU)
        pathsExpectClose(try betweennessCentrality(g, weighted: true, endpoints: true), PathsFixtures.directedBetweennessEndpointsW)
    }

    @Test func disconnectedWithSelfLoops() throws {
        let g = PathsFixtures.disconnected
        pathsExpectClose(try betweennessCentrality(g, weighted: false), PathsFixtures.disconnectedBetweenness)
        pathsExpectClose(try betweennessCentrality(g, weighted: false, endpoints: true), PathsFixtures.disconnectedBetweennessEndpoints)
    }

    @Test func resultDoesNotDependOnThreads() throws {
        let g = PathsFixtures.grid
        // Sources are summed in fixed lanes: bit-for-bit the same whatever the thread count.
        #expect(try betweennessCentrality(g, weighted: false, maxThreads: 1) == betweennessCentrality(g, weighted: false, maxThreads: 4))
        #expect(try betweennessCentrality(g, weighted: false, maxThreads: 2) == betweennessCentrality(g, weighted: false, maxThreads: 3))
    }

    @Test func moreThan64Nodes() throws {
        pathsExpectClose(try betweennessCentrality(PathsFixtures.bigDirected, weighted: false), PathsFixtures.bigDirectedBetweenness)
    }

    @Test func badSources() {
        let g = PathsFixtures.graph(3, directed: false, [(0, 1), (1, 2)])
        #expect(throws: AlgorithmError.self) { try betweennessCentrality(g, weighted: false, sources: []) }
        #expect(throws: AlgorithmError.self) { try betweennessCentrality(g, weighted: false, sources: [0, 0]) }
        #expect(throws: AlgorithmError.self) { try betweennessCentrality(g, weighted: false, sources: [3]) }
    }

    /// The bottom-up levels of the undirected BFS find the same levels and path counts as the
    /// top-down search, from every source of every undirected fixture (the betweenness values
    /// themselves are checked against NetworkX in NetworkXFixtureTests); on the fixtures of 100
    /// nodes or more some level is found bottom-up (listed in node order, not discovery order).
    @Test(arguments: NetworkXFixture.names()) func bottomUpLevelsEqualTopDown(name: String) throws {
        let fixture = try NetworkXFixture.load(name)
        let g = fixture.graph(weighted: false, meaning: .strength)
        if g.isDirected { return }
        let n = g.nodeCount
        let local = ShortestPaths.LocalGraph(g, incoming: false, weighted: false)
        let down = Brandes.Workspace(nodeCount: n, weighted: false)
        let up = Brandes.Workspace(nodeCount: n, weighted: false)
        var bottomUpLevels = 0
        local.withRows { rows in
            for s in 0..<n {
                let a = down.forwardBFS(rows, source: s, undirected: false)
                let b = up.forwardBFS(rows, source: s, undirected: true)
                #expect(a.count == b.count && a.levels == b.levels, "\(name) from \(s)")
                for level in 0..<a.levels {
                    #expect(down.levelStart[level] == up.levelStart[level], "\(name) from \(s), level \(level)")
                    let lo = Int(down.levelStart[level]), hi = Int(down.levelStart[level + 1])
                    let nodesDown = (lo..<hi).map { down.order[$0] }.sorted()
                    let nodesUp = (lo..<hi).map { up.order[$0] }.sorted()
                    #expect(nodesDown == nodesUp, "\(name) from \(s), level \(level)")
                    // Top-down lists a level in discovery order; bottom-up in node order.
                    if (lo..<hi).map({ up.order[$0] }) != (lo..<hi).map({ down.order[$0] }) { bottomUpLevels += 1 }
                }
                for v in 0..<n { #expect(down.sigma[v] == up.sigma[v], "\(name) from \(s): σ(\(v))") }
                down.resetBFS(a.count)
                up.resetBFS(b.count)
            }
        }
        if n >= 100 { #expect(bottomUpLevels > 0, "\(name): no level was found bottom-up") }
    }
}
