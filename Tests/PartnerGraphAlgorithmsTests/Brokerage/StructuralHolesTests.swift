import Testing
import PartnerGraphAlgorithms

// Effective-size references: NetworkX 3.6.1's sparse `effective_size` path divides by the column
// maximum instead of the row maximum (`mutual_weights2.max(axis=1).toarray()` is 1-D; fixed by
// networkx PR #8906, which adds `[:, np.newaxis]`). Expected effective sizes below come from that
// path with the fix applied:
//
//     P = nx.adjacency_matrix(G, weight=weight); m1 = P + P.T; m2 = m1.copy()
//     m1 /= m1.sum(axis=1)[:, np.newaxis]; m2 /= m2.max(axis=1).toarray()[:, np.newaxis]
//     es = ((m1 > 0) * (1 - (m1 @ m2.T).toarray())).sum(axis=1)
//     es[m1.sum(axis=1) - m1.diagonal() == 0] = nan
//
// ("fixed effective_size" below). On unweighted undirected graphs it equals nx.effective_size(G)
// exactly; on weighted or directed graphs without self-loops it equals
// nx.effective_size(G, nodes=list(G), weight=...) (Burt's formula) except that NetworkX's per-node
// path returns NaN for directed nodes without out-edges.

@Suite("Structural holes: constraint and effective size")
struct StructuralHolesTests {
    @Test("Star, triangle, isolate, self-loop-only nodes")
    func handCases() {
        // Star, centre 0: p = 1/3 to each unconnected leaf → c = 3·(1/3)² = 1/3; a leaf has one
        // tie (p = 1) and no indirect path → 1. Effective size: centre 3 (no redundancy), leaf 1.
        let star = IterTestGraphs.graph(4, directed: false, [(0, 1), (0, 2), (0, 3)])
        IterTestGraphs.expectClose(constraint(star, weighted: false), [1.0 / 3, 1, 1, 1], rel: 1e-15, "star constraint")
        IterTestGraphs.expectClose(effectiveSize(star, weighted: false), [3, 1, 1, 1], rel: 1e-15, "star effective size")
        // Triangle: per alter (1/2 + 1/2·1/2)² = 9/16, two alters → 9/8. Effective size: each
        // alter 1 − (1/2)·1 → 1 (Borgatti: n − 2t/n = 2 − 2·1/2 = 1).
        let k3 = IterTestGraphs.graph(3, directed: false, [(0, 1), (1, 2), (0, 2)])
        IterTestGraphs.expectClose(constraint(k3, weighted: false), [1.125, 1.125, 1.125], rel: 1e-15, "K3 constraint")
        IterTestGraphs.expectClose(effectiveSize(k3, weighted: false), [1, 1, 1], rel: 1e-15, "K3 effective size")
        // Directed 0 → 1 only: mutual weight m₀₁ = 1 both ways: constraint 1, effective size 1.
        let arc = IterTestGraphs.graph(2, directed: true, [(0, 1)])
        #expect(constraint(arc, weighted: false) == [1, 1])
        #expect(effectiveSize(arc, weighted: false) == [1, 1])
        // Node 2 isolated, node 3 with only a self-loop → NaN in both.
        let lonely = IterTestGraphs.graph(4, directed: false, [(0, 1), (3, 3)])
        let c = constraint(lonely, weighted: false), e = effectiveSize(lonely, weighted: false)
        #expect(c[0] == 1 && c[1] == 1 && c[2].isNaN && c[3].isNaN)
        #expect(e[0] == 1 && e[1] == 1 && e[2].isNaN && e[3].isNaN)
        // NetworkX quirk: a self-loop-only node of weight 3 is not marked (S − 2p_ii = 6 − 2 ≠ 0),
        // its constraint is (p_ii + p_ii·p_ii)² = (1 + 1)² = 4; its effective size is NaN.
        let heavy = CompactGraph(nodeCount: 1, directed: false, edges: [.init(0, 0, weight: 3)])
        #expect(constraint(heavy, weighted: true) == [4])
        #expect(effectiveSize(heavy, weighted: true)[0].isNaN)
        // Weighted triangle w01 = 1, w12 = 2, w02 = 4 → m = 2w. Node 0: p01 = 0.2, p02 = 0.8;
        // M_1 = max(2, 4) = 4, M_2 = max(8, 4) = 8. Alter 1: 1 − p02·m12/M_1 = 1 − 0.8 = 0.2;
        // alter 2: 1 − p01·m21/M_2 = 1 − 0.2·0.5 = 0.9 → 1.1. Likewise node 1: 1.0, node 2: 19/12.
        // nx.effective_size(G, nodes=list(G), weight="weight") agrees; NetworkX 3.6.1's default
        // nx.effective_size(G, weight="weight") gives 1.4, 1.0, 1.6667 (the PR #8906 bug).
        let wk3 = CompactGraph(nodeCount: 3, directed: false,
                               edges: [.init(0, 1, weight: 1), .init(1, 2, weight: 2), .init(0, 2, weight: 4)])
        IterTestGraphs.expectClose(effectiveSize(wk3, weighted: true), [1.1, 1.0, 19.0 / 12], rel: 1e-14, "weighted K3 effective size")
        #expect(constraint(IterTestGraphs.graph(0, directed: false, []), weighted: false) == [])
        #expect(effectiveSize(IterTestGraphs.graph(0, directed: false, []), weighted: false) == [])
    }

    @Test("NetworkX: karate (weighted and not), directed gnp, florentine")
    func networkX() {
        let karateW = IterTestGraphs.karate(weighted: true)
        // nx.constraint(nx.karate_club_graph(), weight="weight")
        let karateConstraintW: [Double] = [
            0.19062348905638038, 0.340901983128556, 0.25565383909645606, 0.4122226156115593,
            0.508088569654933, 0.4911292277749162, 0.5314047216519745, 0.527081950416345,
            0.33441475635875206, 0.5555555555555556, 0.5304976482780612, 1.0,
            0.7302295918367347, 0.38274862431566065, 0.6411266928285628, 0.6323943473973153,
            0.9397491245018718, 0.6653314075883578, 0.6670775837009678, 0.4391093639199636,
            0.7238213470731378, 0.6236083811249431, 0.6398342278393352, 0.3127739611655626,
            0.5124716553287981, 0.4563144985885511, 0.65316243881949, 0.3222101463859707,
            0.398982741244646, 0.4389251973538791, 0.3944911707240065, 0.2754988351267919,
            0.25825614048375367, 0.18628728563229374,
        ]
        // fixed effective_size(nx.karate_club_graph(), weight="weight")
        // (= nx.effective_size(G, nodes=list(G), weight="weight"); nx.effective_size(G, weight="weight") is off by up to 0.28)
        let karateSizeW: [Double] = [
            13.775000000000002, 6.4672413793103445, 7.946969696969697, 3.6333333333333333,
            2.2249999999999996, 2.9428571428571426, 2.784615384615384, 1.4615384615384612,
            3.396078431372549, 2.0, 2.15, 1.0,
            1.2999999999999998, 2.923529411764706, 0.9999999999999999, 1.0,
            1.0, 1.288888888888889, 1.0, 2.413333333333333,
            1.0, 1.2666666666666666, 0.9999999999999999, 3.723809523809524,
            2.428571428571429, 2.6258503401360542, 1.5666666666666669, 3.5076923076923077,
            2.5428571428571427, 2.4923076923076923, 2.690909090909091, 5.141043083900226,
            10.089285714285714, 15.228918650793652,
        ]
        // nx.constraint(nx.karate_club_graph())
        let karateConstraint: [Double] = [
            0.15542329764660495, 0.27953510802469134, 0.18517663966049383, 0.3966596472050754,
            0.5294174382716048, 0.4774848090277778, 0.4774848090277778, 0.44271158854166665,
            0.3036007136678201, 0.5, 0.5294174382716048, 1.0,
            0.6225043402777779, 0.32333541666666676, 0.5736795943867743, 0.5736795943867743,
            0.78125, 0.590868537808642, 0.5736795943867743, 0.37371935013717417,
            0.5736795943867743, 0.590868537808642, 0.5736795943867743, 0.30582372164552096,
            0.4598765432098765, 0.4598765432098765, 0.6709018166089966, 0.2850692041522491,
            0.3869131530607885, 0.44940900134563627, 0.3460064638600538, 0.24457540369088815,
            0.24922336227519323, 0.15641868512110724,
        ]
        // nx.effective_size(nx.karate_club_graph()) (the fix changes nothing when unweighted and undirected)
        let karateSize: [Double] = [
            13.75, 6.333333333333334, 7.800000000000001, 2.666666666666667,
            1.6666666666666667, 2.5, 2.5, 1.0,
            3.0, 2.0, 1.6666666666666667, 1.0,
            1.0, 2.5999999999999996, 1.0, 1.0,
            1.0, 1.0, 1.0, 2.3333333333333335,
            1.0, 1.0, 1.0, 3.4,
            2.3333333333333335, 2.3333333333333335, 1.0, 3.5,
            2.3333333333333335, 2.0, 2.5, 5.000000000000001,
            9.833333333333332, 15.235294117647062,
        ]
        IterTestGraphs.expectClose(constraint(karateW, weighted: true), karateConstraintW, rel: 1e-9, "constraint karate weighted")
        IterTestGraphs.expectClose(effectiveSize(karateW, weighted: true), karateSizeW, rel: 1e-9, "effective size karate weighted")
        IterTestGraphs.expectClose(constraint(karateW, weighted: false), karateConstraint, rel: 1e-9, "constraint karate")
        IterTestGraphs.expectClose(effectiveSize(karateW, weighted: false), karateSize, rel: 1e-9, "effective size karate")

        // nx.constraint(G) and fixed effective_size(G), G = nx.gnp_random_graph(30, 0.1, seed=3, directed=True)
        let gnpConstraint: [Double] = [
            0.25901027253570547, 0.34375000000000006, 0.1939553217120181, 0.1907437307984446,
            0.19509753826921034, 0.5, 0.30136289181352915, 0.3712947208635521,
            0.13482181122448983, 0.27233367626886146, 0.24316565688775507, 0.304869227994228,
            0.2435147959183674, 0.29410156249999997, 0.3334072066326531, 0.6098090277777777,
            0.3488183673469389, 0.2653500000000001, 0.22279412256210113, 0.3299653754614794,
            0.23669343342023128, 0.18374999999999997, 0.1570390887613335, 0.25,
            0.2653500000000001, 0.3172803141703575, 0.4643037283784038, 0.19526970012970896,
            0.24016048482885213, 0.34842785493827166,
        ]
        let gnpSize: [Double] = [
            6.363636363636363, 3.125, 6.6875, 7.333333333333332,
            6.75, 2.0, 4.25, 3.0,
            9.100000000000001, 4.583333333333334, 5.6875, 5.000000000000001,
            4.3, 3.625, 3.25, 1.25,
            3.1, 4.4, 5.714285714285714, 3.3000000000000003,
            5.071428571428572, 6.2857142857142865, 9.5, 4.0,
            4.4, 3.6999999999999993, 1.6999999999999997, 6.611111111111111,
            5.571428571428572, 3.0,
        ]
        IterTestGraphs.expectClose(constraint(IterTestGraphs.gnp(), weighted: false), gnpConstraint, rel: 1e-9, "constraint gnp")
        IterTestGraphs.expectClose(effectiveSize(IterTestGraphs.gnp(), weighted: false), gnpSize, rel: 1e-9, "effective size gnp")

        // nx.constraint / nx.effective_size(nx.florentine_families_graph()) (unweighted undirected: fix irrelevant)
        let florentineConstraint: [Double] = [
            1.0, 0.2098765432098766, 0.48225308641975306, 0.6558641975308641,
            0.4583333333333333, 0.5, 0.4598765432098765, 0.4598765432098765,
            0.3333333333333333, 0.5, 1.0, 0.48225308641975306,
            0.25, 1.0, 1.0,
        ]
        let florentineSize: [Double] = [
            1.0, 5.666666666666667, 2.3333333333333335, 1.6666666666666667,
            3.0, 2.0, 2.3333333333333335, 2.3333333333333335,
            3.0, 2.0, 1.0, 2.3333333333333335,
            4.0, 1.0, 1.0,
        ]
        IterTestGraphs.expectClose(constraint(IterTestGraphs.florentine(), weighted: false), florentineConstraint, rel: 1e-9, "constraint florentine")
        IterTestGraphs.expectClose(effectiveSize(IterTestGraphs.florentine(), weighted: false), florentineSize, rel: 1e-9, "effective size florentine")
    }

    @Test("NetworkX: isolates and self-loops, undirected and directed")
    func networkXIsolates() {
        // nx.constraint(G, weight="weight") / fixed effective_size(G, weight="weight"), G = isolatesEdges graph
        let constraintW: [Double] = [
            0.8222222222222224, 1.3279012345679013, 0.9429355281207132, 2.2676938271604947,
            1.9599999999999997, 2.0512000000000006, .nan, .nan,
            4.0,
        ]
        let sizeW: [Double] = [
            1.5666666666666667, 1.0, 2.074074074074074, 1.0166666666666666,
            0.33333333333333337, 0.7333333333333333, .nan, .nan,
            .nan,
        ]
        // nx.constraint(G) / nx.effective_size(G) on the same graph without weights. (With
        // nodes=list(G), NetworkX takes its per-node path instead and gives effective size
        // -1.0 for node 4 (Borgatti's formula counts the alter's
        // self-loop) and constraint 4.0 for node 7; we follow the default call.)
        let constraintU: [Double] = [
            1.0069444444444444, 1.0069444444444444, 0.75, 1.4027777777777777,
            2.25, 2.125, .nan, .nan,
            .nan,
        ]
        let sizeU: [Double] = [
            1.0, 1.0, 2.0, 0.5,
            0.0, 0.5, .nan, .nan,
            .nan,
        ]
        let weighted = IterTestGraphs.isolates(weighted: true)
        IterTestGraphs.expectClose(constraint(weighted, weighted: true), constraintW, rel: 1e-9, "constraint isolates weighted")
        IterTestGraphs.expectClose(effectiveSize(weighted, weighted: true), sizeW, rel: 1e-9, "effective size isolates weighted")
        IterTestGraphs.expectClose(constraint(weighted, weighted: false), constraintU, rel: 1e-9, "constraint isolates")
        IterTestGraphs.expectClose(effectiveSize(weighted, weighted: false), sizeU, rel: 1e-9, "effective size isolates")

        // Directed isolates graph (isolatesDirectedEdges): nx.constraint and fixed effective_size,
        // weight="weight" and weight=None.
        let dConstraintW: [Double] = [
            0.7640817901234569, 1.2309027777777777, 1.0471345831428134, 2.9047401310775793,
            1.0, 1.0, .nan, .nan,
        ]
        let dSizeW: [Double] = [
            1.6666666666666667, 1.0, 2.0, 0.9490740740740742,
            1.0, 1.0, .nan, .nan,
        ]
        let dConstraintU: [Double] = [
            0.9135802469135801, 0.9135802469135801, 0.925925925925926, 1.8024691358024694,
            1.0, 1.0, .nan, .nan,
        ]
        let dSizeU: [Double] = [
            1.1666666666666667, 1.1666666666666667, 2.0, 0.5000000000000001,
            1.0, 1.0, .nan, .nan,
        ]
        let directed = IterTestGraphs.isolatesDirected(weighted: true)
        IterTestGraphs.expectClose(constraint(directed, weighted: true), dConstraintW, rel: 1e-9, "constraint directed isolates weighted")
        IterTestGraphs.expectClose(effectiveSize(directed, weighted: true), dSizeW, rel: 1e-9, "effective size directed isolates weighted")
        IterTestGraphs.expectClose(constraint(directed, weighted: false), dConstraintU, rel: 1e-9, "constraint directed isolates")
        IterTestGraphs.expectClose(effectiveSize(directed, weighted: false), dSizeU, rel: 1e-9, "effective size directed isolates")
    }
}
