import Testing
import PartnerGraphAlgorithms

@Suite struct DensityTests {
    typealias H = StructureHandGraphs
    typealias T = StructureTestGraphs

    @Test func handCases() {
        #expect(density(H.path3) == 2.0 / 3)
        #expect(density(H.k4) == 1)
        #expect(density(H.directedCycle4) == 4.0 / 12)
        #expect(density(H.empty) == 0)
        #expect(density(H.single) == 0)
        #expect(density(H.undirected(1, [(0, 0)])) == 0)
        #expect(density(H.undirected(3, [])) == 0)
        // Self-loops count as edges: nx.density(nx.Graph([(0, 1), (1, 1)])) == 2.0
        #expect(density(H.undirected(2, [(0, 1), (1, 1)])) == 2)
        // Reciprocal arcs are two edges: nx.density(nx.DiGraph([(0, 1), (1, 0)])) == 1.0
        #expect(density(H.directed(2, [(0, 1), (1, 0)])) == 1)
    }

    @Test func networkXValues() {
        // nx.density(nx.karate_club_graph()) == 0.13903743315508021
        #expect(density(T.karate) == 0.13903743315508021)
        // nx.density(nx.florentine_families_graph()) == 0.19047619047619047
        #expect(density(T.florentine) == 0.19047619047619047)
        // nx.density(nx.davis_southern_women_graph()) == 0.17943548387096775
        #expect(density(T.davis) == 0.17943548387096775)
        // nx.density(nx.gnp_random_graph(40, 0.05, seed=3, directed=True)) == 0.046794871794871795
        #expect(density(T.directedGnp) == 0.046794871794871795)
        // nx.density(U) == 0.11764705882352941
        #expect(density(T.disconnected) == 0.11764705882352941)
    }
}
