import Testing
import PartnerGraphAlgorithms

@Suite struct ArticulationPointsTests {
    typealias H = StructureHandGraphs
    typealias T = StructureTestGraphs

    @Test func handCases() {
        #expect(articulationPoints(H.path3) == [1])
        #expect(bridges(H.path3) == [Bridge(0, 1), Bridge(1, 2)])
        #expect(articulationPoints(H.star5) == [0])
        #expect(bridges(H.star5).map(\.pair) == [[0, 1], [0, 2], [0, 3], [0, 4]])
        #expect(articulationPoints(H.twoTriangles) == [2, 3])
        #expect(bridges(H.twoTriangles) == [Bridge(3, 2)])
        #expect(cutStructure(H.k4) == CutStructure(articulationPoints: [], bridges: []))
        #expect(cutStructure(H.directedCycle4) == CutStructure(articulationPoints: [], bridges: []))
        #expect(cutStructure(H.empty) == CutStructure(articulationPoints: [], bridges: []))
        #expect(cutStructure(H.single) == CutStructure(articulationPoints: [], bridges: []))
        #expect(bridges(H.twoComponents) == [Bridge(0, 1), Bridge(2, 3)])
    }

    @Test func directionSelfLoopsAndReciprocalArcs() {
        // Reciprocal arcs are one undirected edge, so it is a bridge.
        #expect(bridges(H.directed(2, [(0, 1), (1, 0)])) == [Bridge(0, 1)])
        // Directed path 0 → 1 → 2 ignoring direction.
        #expect(articulationPoints(H.directed(3, [(0, 1), (2, 1)])) == [1])
        // Self-loops are never bridges: list(nx.bridges(nx.Graph([(0, 1), (1, 1), (1, 2), (2, 2), (3, 3)])))
        // == [(0, 1), (1, 2)] and list(nx.articulation_points(...)) == [1].
        let g = H.undirected(4, [(0, 1), (1, 1), (1, 2), (2, 2), (3, 3)])
        #expect(bridges(g) == [Bridge(0, 1), Bridge(1, 2)])
        #expect(articulationPoints(g) == [1])
    }

    @Test func deepPath() {
        let n = 100_000
        let cut = cutStructure(H.undirected(n, (0..<(n - 1)).map { ($0, $0 + 1) }))
        #expect(cut.articulationPoints == Array(1..<(n - 1)))
        #expect(cut.bridges.count == n - 1)
    }

    @Test func networkXValues() {
        // sorted(nx.articulation_points(nx.karate_club_graph())) == [0]; list(nx.bridges(...)) == [(0, 11)]
        #expect(cutStructure(T.karate) == CutStructure(articulationPoints: [0], bridges: [Bridge(0, 11)]))
        // sorted(nx.articulation_points(nx.florentine_families_graph())) -> Medici, Albizzi, Salviati, Guadagni
        #expect(articulationPoints(T.florentine) == [1, 8, 9, 12])
        // sorted(nx.bridges(F)) by index: Acciaiuoli–Medici, Medici–Salviati, Albizzi–Ginori,
        // Salviati–Pazzi, Guadagni–Lamberteschi
        #expect(bridges(T.florentine).map(\.pair) == [[0, 1], [1, 9], [8, 13], [9, 10], [12, 14]])
        // nx.davis_southern_women_graph(): no articulation points, no bridges
        #expect(cutStructure(T.davis) == CutStructure(articulationPoints: [], bridges: []))
        // R.to_undirected() with R = nx.gnp_random_graph(40, 0.05, seed=3, directed=True): none
        #expect(cutStructure(T.directedGnp) == CutStructure(articulationPoints: [], bridges: []))
        // sorted(nx.articulation_points(U)) == [3, 4, 5, 12]
        #expect(articulationPoints(T.disconnected) == [3, 4, 5, 12])
        // sorted(tuple(sorted(e)) for e in nx.bridges(U))
        #expect(bridges(T.disconnected).map(\.pair)
                == [[0, 1], [2, 3], [3, 4], [4, 5], [5, 6], [12, 13], [12, 14], [12, 15]])
    }
}
