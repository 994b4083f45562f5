import Testing
import PartnerGraphAlgorithms

@Suite struct EccentricityTests {
    typealias H = StructureHandGraphs
    typealias T = StructureTestGraphs

    private func check(_ g: CompactGraph, diameter: Int, radius: Int, size: Int,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let r = diameterAndRadius(g)
        #expect(r?.diameter == diameter, sourceLocation: sourceLocation)
        #expect(r?.radius == radius, sourceLocation: sourceLocation)
        #expect(r?.componentSize == size, sourceLocation: sourceLocation)
    }

    @Test func handCases() {
        check(H.path3, diameter: 2, radius: 1, size: 3)
        check(H.star5, diameter: 2, radius: 1, size: 5)
        check(H.twoTriangles, diameter: 3, radius: 2, size: 6)
        check(H.k4, diameter: 1, radius: 1, size: 4)
        check(H.directedCycle4, diameter: 2, radius: 2, size: 4)  // direction ignored
        check(H.single, diameter: 0, radius: 0, size: 1)
        check(H.undirected(3, []), diameter: 0, radius: 0, size: 1)
        check(H.twoComponents, diameter: 1, radius: 1, size: 2)
        #expect(diameterAndRadius(H.empty) == nil)
        // Weights are ignored: hops only.
        let w = CompactGraph(nodeCount: 3, directed: false, edges: [.init(0, 1, weight: 9), .init(1, 2, weight: 0.1)])
        check(w, diameter: 2, radius: 1, size: 3)
    }

    @Test func longPathsAndCycles() {
        let n = 1000
        check(H.undirected(n, (0..<(n - 1)).map { ($0, $0 + 1) }), diameter: n - 1, radius: n / 2, size: n)
        check(H.undirected(1001, (0..<1001).map { ($0, ($0 + 1) % 1001) }), diameter: 500, radius: 500, size: 1001)
        check(H.directed(n, (0..<(n - 1)).map { ($0, $0 + 1) }), diameter: n - 1, radius: n / 2, size: n)
    }

    @Test func gridLargeEnoughForParallelSearches() {
        // 70 × 70 grid (4900 nodes ≥ the 4096 threshold for concurrent searches): the corners have
        // eccentricity 69 + 69 and the four central nodes 35 + 35.
        let side = 70
        var edges: [(Int, Int)] = []
        for i in 0..<side {
            for j in 0..<side {
                let v = i * side + j
                if j + 1 < side { edges.append((v, v + 1)) }
                if i + 1 < side { edges.append((v, v + side)) }
            }
        }
        check(H.undirected(side * side, edges), diameter: 138, radius: 70, size: side * side)
        // nx.diameter(nx.grid_2d_graph(70, 70)) == 138, nx.radius(...) == 70
    }

    /// Compares with eccentricities from a plain breadth-first search from every node.
    @Test func matchesAllPairsBreadthFirstSearch() {
        var seed: UInt64 = 12345
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        var sawSearches = false, sawSweeps = false
        for trial in 0..<40 {
            let n = 5 + next(120)
            let m = next(3 * n)
            var edges: [(Int, Int)] = []
            for _ in 0..<m { edges.append((next(n), next(n))) }
            let directed = trial % 2 == 1
            let g = directed ? H.directed(n, edges) : H.undirected(n, edges)
            // Brute force on the undirected adjacency.
            var adj = [[Int]](repeating: [], count: n)
            for (u, v) in edges where u != v { adj[u].append(v); adj[v].append(u) }
            var label = [Int](repeating: -1, count: n)
            var sizes: [Int] = []
            for s in 0..<n where label[s] < 0 {
                var stack = [s]; label[s] = sizes.count; var count = 0
                while let v = stack.popLast() {
                    count += 1
                    for w in adj[v] where label[w] < 0 { label[w] = sizes.count; stack.append(w) }
                }
                sizes.append(count)
            }
            let big = sizes.firstIndex(of: sizes.max()!)!
            var eccs: [Int] = []
            for s in 0..<n where label[s] == big {
                var dist = [Int](repeating: -1, count: n); dist[s] = 0
                var queue = [s]; var head = 0
                while head < queue.count {
                    let v = queue[head]; head += 1
                    for w in adj[v] where dist[w] < 0 { dist[w] = dist[v] + 1; queue.append(w) }
                }
                eccs.append(dist.max()!)
            }
            check(g, diameter: eccs.max()!, radius: eccs.min()!, size: sizes[big])
            if let r = diameterAndRadius(g) {
                if r.searches > 0 { sawSearches = true }
                if r.batchedSources > 0 { sawSweeps = true }
            }
        }
        #expect(sawSearches && sawSweeps)  // both phases exercised
    }

    @Test func networkXValues() {
        // nx.diameter(nx.karate_club_graph()) == 5, nx.radius(...) == 3
        check(T.karate, diameter: 5, radius: 3, size: 34)
        // nx.diameter(nx.florentine_families_graph()) == 5, nx.radius(...) == 3
        check(T.florentine, diameter: 5, radius: 3, size: 15)
        // nx.diameter(nx.davis_southern_women_graph()) == 4, nx.radius(...) == 3
        check(T.davis, diameter: 4, radius: 3, size: 32)
        // C = largest component of R.to_undirected(), R = nx.gnp_random_graph(40, 0.05, seed=3, directed=True):
        // len(C) == 39, nx.diameter(C) == 6, nx.radius(C) == 3
        check(T.directedGnp, diameter: 6, radius: 3, size: 39)
        // C = max(nx.connected_components(U), key=len) is the path 2...6 (first of the two 5-node
        // components): nx.diameter(U.subgraph(C)) == 4, nx.radius(...) == 2
        check(T.disconnected, diameter: 4, radius: 2, size: 5)
    }
}
