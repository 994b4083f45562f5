import Testing
import PartnerGraphAlgorithms

@Suite struct ComponentsTests {
    typealias H = StructureHandGraphs
    typealias T = StructureTestGraphs

    @Test func handCases() {
        #expect(connectedComponents(H.path3) == ComponentLabels(label: [0, 0, 0], count: 1, sizes: [3]))
        #expect(connectedComponents(H.k4).count == 1)
        #expect(connectedComponents(H.twoTriangles).count == 1)
        let two = connectedComponents(H.twoComponents)
        #expect(two.label == [0, 0, 1, 1, 2])
        #expect(two.sizes == [2, 2, 1])
        #expect(two.largestComponent == 0)
        #expect(two.members(of: 1) == [2, 3])
        #expect(connectedComponents(H.empty) == ComponentLabels(label: [], count: 0, sizes: []))
        #expect(connectedComponents(H.single) == ComponentLabels(label: [0], count: 1, sizes: [1]))
        #expect(connectedComponents(H.empty).largestComponent == nil)
    }

    @Test func weakAndStrongOnDirectedGraphs() {
        #expect(connectedComponents(H.directedCycle4).count == 1)
        #expect(stronglyConnectedComponents(H.directedCycle4).count == 1)
        // 0 → 1 → 2: one weak component, three strong ones, numbered by first node.
        let path = H.directed(3, [(0, 1), (1, 2)])
        #expect(connectedComponents(path).count == 1)
        #expect(stronglyConnectedComponents(path).label == [0, 1, 2])
        // 0 ⇄ 1, 2 → 0, self-loop at 3: strong components {0,1}, {2}, {3}.
        let g = H.directed(4, [(0, 1), (1, 0), (2, 0), (3, 3)])
        let scc = stronglyConnectedComponents(g)
        #expect(scc.label == [0, 0, 1, 2])
        #expect(scc.sizes == [2, 1, 1])
        #expect(connectedComponents(g).label == [0, 0, 0, 1])
        // Later-discovered component containing an earlier node: 2 → 1 → 0 → 2 is one cycle.
        let back = H.directed(4, [(3, 2), (2, 1), (1, 0), (0, 2)])
        #expect(stronglyConnectedComponents(back).label == [0, 0, 0, 1])
        // Undirected input: the strong components are the connected components.
        #expect(stronglyConnectedComponents(H.twoComponents) == connectedComponents(H.twoComponents))
        #expect(stronglyConnectedComponents(H.directed(0, [])).count == 0)
    }

    @Test func deepGraphsDoNotOverflowTheStack() {
        let n = 100_000
        let chain = H.directed(n, (0..<(n - 1)).map { ($0, $0 + 1) })
        #expect(stronglyConnectedComponents(chain).count == n)
        let ring = H.directed(n, (0..<n).map { ($0, ($0 + 1) % n) })
        let scc = stronglyConnectedComponents(ring)
        #expect(scc.count == 1 && scc.sizes == [n])
    }

    @Test func networkXValues() {
        // nx.number_connected_components(nx.karate_club_graph()) == 1
        #expect(connectedComponents(T.karate).count == 1)
        // nx.number_connected_components(nx.florentine_families_graph()) == 1
        #expect(connectedComponents(T.florentine).count == 1)
        // nx.number_connected_components(nx.davis_southern_women_graph()) == 1
        #expect(connectedComponents(T.davis).count == 1)
        // nx.number_weakly_connected_components(R) == 2, nx.number_strongly_connected_components(R) == 23
        // with R = nx.gnp_random_graph(40, 0.05, seed=3, directed=True)
        #expect(connectedComponents(T.directedGnp).count == 2)
        #expect(stronglyConnectedComponents(T.directedGnp).count == 23)
        #expect(connectedComponents(T.directedGnp).sizes == [39, 1])
        // nx.number_connected_components(U) == 6 (U: the disconnected test graph)
        let u = connectedComponents(T.disconnected)
        #expect(u.count == 6)
        #expect(u.sizes == [2, 5, 5, 4, 1, 1])
        #expect(u.largestComponent == 1)  // max(nx.connected_components(U), key=len) is the path 2...6
    }

    @Test func isolatedNodes() {
        // A self-loop gives degree 2: not isolated (list(nx.isolates(G)) == [3] for
        // G = nx.Graph([(0, 1), (2, 2)]); G.add_node(3)).
        #expect(isolates(H.undirected(4, [(0, 1), (2, 2)])) == [3])
        #expect(isolates(H.directed(4, [(0, 1), (2, 2)])) == [3])
        #expect(isolates(H.directed(3, [(0, 1)])) == [2])
        #expect(isolates(H.twoComponents) == [4])
        #expect(isolates(H.empty) == [])
        #expect(isolates(H.single) == [0])
        // list(nx.isolates(R)) == [19], R = nx.gnp_random_graph(40, 0.05, seed=3, directed=True)
        #expect(isolates(T.directedGnp) == [19])
        // list(nx.isolates(U)) == [16, 17]
        #expect(isolates(T.disconnected) == [16, 17])
        #expect(isolates(T.karate) == [])
    }
}
