import Testing
import PartnerGraphAlgorithms

@Suite struct ClusteringTests {
    typealias H = StructureHandGraphs
    typealias T = StructureTestGraphs

    @Test func handCases() {
        #expect(clustering(H.k4) == [1, 1, 1, 1])
        #expect(clustering(H.path3) == [0, 0, 0])
        #expect(clustering(H.star5) == [0, 0, 0, 0, 0])
        // Bridge ends have one triangle among three neighbour pairs.
        structureExpectClose(clustering(H.twoTriangles), [1, 1, 1.0 / 3, 1.0 / 3, 1, 1])
        structureExpectClose([averageClustering(H.twoTriangles)!], [7.0 / 9])
        // 2 triangles, 10 connected triples: 3 * 2 / 10.
        structureExpectClose([transitivity(H.twoTriangles)], [0.6])
        #expect(transitivity(H.k4) == 1)
        #expect(transitivity(H.star5) == 0)
        #expect(clustering(H.empty) == [])
        #expect(averageClustering(H.empty) == nil)
        #expect(transitivity(H.empty) == 0)
        #expect(clustering(H.single) == [0])
        #expect(averageClustering(H.single) == 0)
    }

    @Test func selfLoopsAreIgnored() {
        let g = H.undirected(3, [(0, 1), (1, 2), (0, 2), (0, 0)])
        #expect(clustering(g) == [1, 1, 1])
        #expect(transitivity(g) == 1)
        let d = H.directed(3, [(0, 1), (1, 2), (2, 0), (1, 1)])
        structureExpectClose(clustering(d), [0.5, 0.5, 0.5])
    }

    @Test func weighted() {
        // nx.clustering(nx.Graph([(0, 1, {"weight": 1}), (1, 2, {"weight": 1}), (0, 2, {"weight": 8})]),
        // weight="weight") == {0: 0.25, 1: 0.25, 2: 0.25}: cbrt(1/8 · 1/8 · 1) = 1/4.
        let g = CompactGraph(nodeCount: 3, directed: false,
                             edges: [.init(0, 1, weight: 1), .init(1, 2, weight: 1), .init(0, 2, weight: 8)])
        structureExpectClose(clustering(g, weighted: true), [0.25, 0.25, 0.25])
        #expect(clustering(g) == [1, 1, 1])
        // The maximum weight includes self-loops (NetworkX quirk): a self-loop of weight 64 scales
        // the triangle of unit weights to cbrt(1/64 ^ 3) = 1/64.
        let s = CompactGraph(nodeCount: 3, directed: false,
                             edges: [.init(0, 1, weight: 1), .init(1, 2, weight: 1), .init(0, 2, weight: 1),
                                     .init(2, 2, weight: 64)])
        structureExpectClose(clustering(s, weighted: true), [1.0 / 64, 1.0 / 64, 1.0 / 64])
    }

    @Test func directedFagiolo() {
        // nx.clustering(nx.DiGraph([(0, 1), (1, 2), (2, 0)])) == {0: 0.5, 1: 0.5, 2: 0.5}
        structureExpectClose(clustering(H.directed(3, [(0, 1), (1, 2), (2, 0)])), [0.5, 0.5, 0.5])
        // nx.clustering(nx.complete_graph(3, nx.DiGraph())) == {0: 1.0, 1: 1.0, 2: 1.0}
        structureExpectClose(clustering(H.directed(3, [(0, 1), (1, 0), (1, 2), (2, 1), (0, 2), (2, 0)])), [1, 1, 1])
        #expect(clustering(H.directedCycle4) == [0, 0, 0, 0])
    }

    @Test func networkXUndirected() {
        // [nx.clustering(nx.karate_club_graph())[v] for v in range(34)]
        structureExpectClose(clustering(T.karate), [
            0.15, 0.3333333333333333, 0.24444444444444444, 0.6666666666666666,
            0.6666666666666666, 0.5, 0.5, 1.0,
            0.5, 0.0, 0.6666666666666666, 0.0,
            1.0, 0.6, 1.0, 1.0,
            1.0, 1.0, 1.0, 0.3333333333333333,
            1.0, 1.0, 1.0, 0.4,
            0.3333333333333333, 0.3333333333333333, 1.0, 0.16666666666666666,
            0.3333333333333333, 0.6666666666666666, 0.5, 0.2,
            0.19696969696969696, 0.11029411764705882,
        ])
        // nx.clustering(nx.karate_club_graph(), weight="weight")
        structureExpectClose(clustering(T.karate, weighted: true), [
            0.06631121196141879, 0.16691488397650842, 0.13142659927282047, 0.3000014925962802,
            0.24959441849608535, 0.23177447626640527, 0.23177447626640532, 0.4856715918928874,
            0.2429722699236819, 0.0, 0.24959441849608535, 0.0,
            0.2971548318645577, 0.3072865570958022, 0.4438903579934084, 0.5592668058812662,
            0.5081276149271519, 0.2857142857142857, 0.3077763842902691, 0.11999248094236886,
            0.3523160106186386, 0.3599774428271066, 0.4438903579934084, 0.22058508021994944,
            0.14459947485122202, 0.14459947485122202, 0.3599774428271066, 0.09523809523809523,
            0.11999248094236886, 0.3033133517839719, 0.23473382269963547, 0.09395524239742073,
            0.0965676420286808, 0.05233010615463942,
        ])
        // nx.average_clustering(nx.karate_club_graph()) == 0.5706384782076823
        structureExpectClose([averageClustering(T.karate)!], [0.5706384782076823])
        // nx.average_clustering(nx.karate_club_graph(), weight="weight") == 0.24139179950856338
        structureExpectClose([averageClustering(T.karate, weighted: true)!], [0.24139179950856338])
        // nx.transitivity(nx.karate_club_graph()) == 0.2556818181818182
        structureExpectClose([transitivity(T.karate)], [0.2556818181818182])
        // nx.clustering(nx.florentine_families_graph()) in list(G) order
        structureExpectClose(clustering(T.florentine), [
            0.0, 0.06666666666666667, 0.3333333333333333, 0.6666666666666666,
            0.3333333333333333, 0.0, 0.3333333333333333, 0.3333333333333333,
            0.0, 0.0, 0.0, 0.3333333333333333,
            0.0, 0.0, 0.0,
        ])
        // nx.average_clustering(F) == 0.16, nx.transitivity(F) == 0.19148936170212766
        structureExpectClose([averageClustering(T.florentine)!], [0.16])
        structureExpectClose([transitivity(T.florentine)], [0.19148936170212766])
        // Bipartite: nx.average_clustering(nx.davis_southern_women_graph()) == 0.0, transitivity 0
        #expect(clustering(T.davis) == [Double](repeating: 0, count: 32))
        #expect(transitivity(T.davis) == 0)
        // nx.average_clustering(U) == 0.2777777777777778, nx.transitivity(U) == 0.8333333333333334
        structureExpectClose([averageClustering(T.disconnected)!], [0.2777777777777778])
        structureExpectClose([transitivity(T.disconnected)], [0.8333333333333334])
    }

    @Test func networkXDirected() {
        // nx.clustering(R), R = nx.gnp_random_graph(40, 0.05, seed=3, directed=True)
        structureExpectClose(clustering(T.directedGnp), [
            0.0, 0.0, 0.15, 0.0,
            0.0, 0.05, 0.15, 0.041666666666666664,
            0.0, 0.0, 0.2, 0.0,
            0.16666666666666666, 0.0, 0.0, 0.1,
            0.06666666666666667, 0.0, 0.05, 0.0,
            0.08333333333333333, 0.0, 0.5, 0.0,
            0.0, 0.0, 0.0, 0.0,
            0.08333333333333333, 0.0, 0.3333333333333333, 0.0,
            0.0, 0.05, 0.0, 0.0,
            0.13333333333333333, 0.0, 0.08333333333333333, 0.05,
        ])
        // nx.average_clustering(R) == 0.057291666666666664
        structureExpectClose([averageClustering(T.directedGnp)!], [0.057291666666666664])
        // nx.transitivity(R) == 0.06923076923076923 (NetworkX runs the undirected code on successor sets)
        structureExpectClose([transitivity(T.directedGnp)], [0.06923076923076923])
        // nx.clustering(RW, weight="weight"), RW = R with weight 1 + (7u + 3v) % 5
        structureExpectClose(clustering(T.directedGnpWeighted, weighted: true), [
            0.0, 0.0, 0.0976118943076559, 0.0,
            0.0, 0.028844991406148168, 0.08284379949327432, 0.021615303599376356,
            0.0, 0.0, 0.12659077274664687, 0.0,
            0.08735804647362988, 0.0, 0.0, 0.0489450067935843,
            0.03133883478173867, 0.0, 0.031072325059538587, 0.0,
            0.04367902323681494, 0.0, 0.25198420997897464, 0.0,
            0.0, 0.0, 0.0, 0.0,
            0.048074985676913616, 0.0, 0.14115061710279295, 0.0,
            0.0, 0.031072325059538587, 0.0, 0.0,
            0.07355758745734993, 0.0, 0.04199736832982911, 0.028844991406148168,
        ])
        // nx.average_clustering(RW, weight="weight") == 0.03041455207274888
        structureExpectClose([averageClustering(T.directedGnpWeighted, weighted: true)!], [0.03041455207274888])
        // Unweighted clustering ignores the weights.
        structureExpectClose(clustering(T.directedGnpWeighted), [
            0.0, 0.0, 0.15, 0.0,
            0.0, 0.05, 0.15, 0.041666666666666664,
            0.0, 0.0, 0.2, 0.0,
            0.16666666666666666, 0.0, 0.0, 0.1,
            0.06666666666666667, 0.0, 0.05, 0.0,
            0.08333333333333333, 0.0, 0.5, 0.0,
            0.0, 0.0, 0.0, 0.0,
            0.08333333333333333, 0.0, 0.3333333333333333, 0.0,
            0.0, 0.05, 0.0, 0.0,
            0.13333333333333333, 0.0, 0.08333333333333333, 0.05,
        ])
    }
}
