import Testing
import PartnerGraphAlgorithms

@Suite struct AssortativityTests {
    typealias H = StructureHandGraphs
    typealias T = StructureTestGraphs

    private func close(_ a: Double?, _ b: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let a else { Issue.record("nil, expected \(b)", sourceLocation: sourceLocation); return }
        // Absolute tolerance: r lies in [-1, 1] and NetworkX's own rounding error near r = 0 is
        // of order 1e-15 absolute.
        #expect(abs(a - b) < 1e-12, "\(a) vs \(b)", sourceLocation: sourceLocation)
    }

    @Test func handCases() {
        close(degreeAssortativity(H.star5), -1)
        close(degreeAssortativity(H.path3), -1)
        // P4: pairs (1,2),(2,1),(2,2),(2,2),(2,1),(1,2) give r = -1/2
        // (nx.degree_assortativity_coefficient(nx.path_graph(4)) == -0.4999999999999988).
        close(degreeAssortativity(H.undirected(4, [(0, 1), (1, 2), (2, 3)])), -0.5)
        // Directed, out-degree of source vs in-degree of target: (2,1), (2,2), (1,2) give r = -1/2
        // (nx.degree_assortativity_coefficient(nx.DiGraph([(0, 1), (0, 2), (1, 2)])) == -0.4999999999999988).
        close(degreeAssortativity(H.directed(3, [(0, 1), (0, 2), (1, 2)])), -0.5)
        // Self-loop: degree counts it twice and it gives one pair (3, 3): r = 0.8 / 2.8 = 2/7
        // (nx.degree_assortativity_coefficient(G) == 0.28571428571428475 for
        // G = nx.path_graph(3); G.add_edge(0, 0)).
        close(degreeAssortativity(H.undirected(3, [(0, 1), (1, 2), (0, 0)])), 2.0 / 7)
    }

    @Test func undefinedIsNil() {
        // NetworkX returns NaN for all of these.
        #expect(degreeAssortativity(H.k4) == nil)
        #expect(degreeAssortativity(H.directedCycle4) == nil)
        #expect(degreeAssortativity(H.empty) == nil)
        #expect(degreeAssortativity(H.single) == nil)
        #expect(degreeAssortativity(H.undirected(3, [])) == nil)
        #expect(degreeAssortativity(H.twoComponents) == nil)
    }

    @Test func networkXValues() {
        // nx.degree_assortativity_coefficient(nx.karate_club_graph()) == -0.47561309768461413
        close(degreeAssortativity(T.karate), -0.47561309768461413)
        // nx.degree_assortativity_coefficient(nx.florentine_families_graph()) == -0.37483787289234866
        close(degreeAssortativity(T.florentine), -0.37483787289234866)
        // nx.degree_assortativity_coefficient(nx.davis_southern_women_graph()) == -0.33699793714355053
        close(degreeAssortativity(T.davis), -0.33699793714355053)
        // nx.degree_assortativity_coefficient(nx.gnp_random_graph(40, 0.05, seed=3, directed=True))
        // == 0.05159121074966706
        close(degreeAssortativity(T.directedGnp), 0.05159121074966706)
        // nx.degree_assortativity_coefficient(U) == 0.7407407407407405
        close(degreeAssortativity(T.disconnected), 0.7407407407407405)
    }
}
