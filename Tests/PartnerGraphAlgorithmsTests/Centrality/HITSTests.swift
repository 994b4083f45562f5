import Testing
import PartnerGraphAlgorithms

@Suite("HITS")
struct HITSTests {
    @Test("Directed star, single arc, P3 (repeated singular value), self-loop node")
    func handCases() throws {
        // 0 → 1, 0 → 2, 0 → 3: the hub is 0, the authorities share 1/3 each.
        let star = IterTestGraphs.graph(4, directed: true, [(0, 1), (0, 2), (0, 3)])
        let s = try hits(star, weighted: false)
        IterTestGraphs.expectClose(s.hubs, [1, 0, 0, 0], rel: 1e-12, "star hubs")
        IterTestGraphs.expectClose(s.authorities, [0, 1.0 / 3, 1.0 / 3, 1.0 / 3], rel: 1e-12, "star authorities")
        // nx.hits(nx.DiGraph([(0, 1)])) = ({0: 1, 1: 0}, {0: 0, 1: 1}).
        let arc = try hits(IterTestGraphs.graph(2, directed: true, [(0, 1)]))
        #expect(arc.hubs == [1, 0])
        #expect(arc.authorities == [0, 1])
        // P3: AᵀA = A² has eigenvalue 2 twice; from uniform authorities the iteration stays
        // uniform (A²·1 = 2·1), so a = 1/3 each and h = A a ∝ (1, 2, 1) → (1/4, 1/2, 1/4), as
        // networkx.algorithms.link_analysis.hits_alg._hits_scipy(nx.path_graph(3)) gives
        // (nx.hits calls ARPACK from a random start here and its answer varies).
        let p3 = try hits(IterTestGraphs.graph(3, directed: false, [(0, 1), (1, 2)]))
        IterTestGraphs.expectClose(p3.hubs, [0.25, 0.5, 0.25], rel: 1e-12, "P3 hubs")
        IterTestGraphs.expectClose(p3.authorities, [1.0 / 3, 1.0 / 3, 1.0 / 3], rel: 1e-12, "P3 authorities")
        // One node with a self-loop: 1 and 1 (nx.hits raises ValueError for n = 1).
        let one = try hits(IterTestGraphs.graph(1, directed: false, [(0, 0)]))
        #expect(one.hubs == [1] && one.authorities == [1])
        let empty = try hits(IterTestGraphs.graph(0, directed: true, []))
        #expect(empty.hubs.isEmpty && empty.authorities.isEmpty)
        // No edges: nx.hits raises ArpackError; we throw `unsupported`.
        #expect(throws: AlgorithmError.self) { try hits(IterTestGraphs.graph(3, directed: true, [])) }
    }

    @Test("NetworkX: karate (weighted and not), directed gnp, florentine, directed isolates")
    func networkX() throws {
        // nx.hits(nx.karate_club_graph())  (nx.hits always reads "weight")
        let karateHubs: [Double] = [
            0.0668777878017573, 0.06460820139870789, 0.07720593702807281, 0.04251538956587161,
            0.011920567930085267, 0.014437084548291432, 0.014227285240639471, 0.03820430110403424,
            0.05287480008426347, 0.010749022088966229, 0.009813389569912071, 0.009251077981447949,
            0.008964766141133604, 0.05149077757366966, 0.017029873773128708, 0.024218978747837485,
            0.003965088094607888, 0.009146428782312347, 0.010469361240848756, 0.015720024731013783,
            0.013435321285774316, 0.012125472243659395, 0.01734416999434312, 0.04668552502066941,
            0.010930126255860845, 0.026246198040701763, 0.012553159895365174, 0.031620548465526754,
            0.018444663444097797, 0.02908332365104132, 0.033896584340598744, 0.044846896017269135,
            0.07114077395376942, 0.07795709396472077,
        ]
        let karateAuthorities: [Double] = [
            0.0668777878017573, 0.0646082013987079, 0.07720593702807285, 0.04251538956587161,
            0.01192056793008527, 0.014437084548291436, 0.01422728524063947, 0.03820430110403423,
            0.05287480008426347, 0.010749022088966229, 0.009813389569912075, 0.009251077981447947,
            0.0089647661411336, 0.05149077757366969, 0.017029873773128715, 0.024218978747837492,
            0.00396508809460789, 0.009146428782312347, 0.010469361240848758, 0.01572002473101379,
            0.013435321285774323, 0.0121254722436594, 0.017344169994343128, 0.04668552502066941,
            0.010930126255860845, 0.02624619804070177, 0.012553159895365179, 0.03162054846552676,
            0.018444663444097793, 0.029083323651041323, 0.03389658434059875, 0.04484689601726915,
            0.07114077395376942, 0.07795709396472078,
        ]
        // nx.hits(H), H = the karate club without edge attributes
        let karateUnweightedHubs: [Double] = [
            0.07141272880825196, 0.05342723123552999, 0.06371906455637479, 0.04242273712470901,
            0.015260959706207488, 0.01596691350305965, 0.01596691350305965, 0.03434316721905366,
            0.04568192511975031, 0.020625667749388638, 0.015260959706207488, 0.010617891511071224,
            0.016925450792306868, 0.04549486406805637, 0.020370345825614266, 0.020370345825614266,
            0.004748031847301575, 0.018561637037432088, 0.020370345825614266, 0.0297133338864348,
            0.020370345825614266, 0.018561637037432088, 0.020370345825614266, 0.030156497509356388,
            0.011460952230971698, 0.011893664396281381, 0.015182734330338381, 0.026813494117104767,
            0.02633150577795389, 0.027111539628217662, 0.035106237976714375, 0.03837574186295604,
            0.062001846473830946, 0.07500294215657545,
        ]
        // nx.hits(nx.gnp_random_graph(30, 0.1, seed=3, directed=True))
        let gnpHubs: [Double] = [
            0.04350224458959852, 0.004483292627906773, 0.04129830462276085, 0.054614685102738376,
            0.07439585348931511, -0.0, 0.01991805118136054, 0.03352580657170256,
            0.05473602091076102, 0.032223347471892524, 0.037561872813046265, 0.04525835458526642,
            0.018871443853087075, -0.0, 0.01198716261027072, 0.008478042869358512,
            0.0068178317645367584, 0.024723560028568917, 0.038321995329573755, 0.039771000176475786,
            0.04119763659493684, 0.04947078282607488, 0.0728973579526048, 0.020914492673290996,
            0.02372861054499062, 0.07326155809623314, 0.033977610364741326, 0.014573513740151343,
            0.04134047539872846, 0.03814909121002709,
        ]
        let gnpAuthorities: [Double] = [
            0.0908466533990076, 0.042448071997658876, 0.033502747435551886, 0.08082137110638392,
            0.023822119938591547, 0.03133197163544196, 0.04861963510610085, 0.041485255914059306,
            0.04163753516347646, 0.017716662077199116, 0.010890593698816745, 0.043422931699192195,
            0.043612327303613606, 0.04029331255605032, 0.012666835946237971, 0.018665135689204,
            0.033444805427314, 0.01876250722108703, 0.03613208232344767, 0.032680119031271125,
            0.016051484701246958, 0.019800835148564268, 0.04651587977974306, 0.016878911860871704,
            0.009767952966387744, 0.010585096695481735, 0.03528738487036883, 0.0763549841004273,
            0.025954795207202466, -0.0,
        ]
        // nx.hits(same gnp graph, normalized=False), sign fixed so that authorities are ≥ 0
        let gnpRawHubs: [Double] = [
            0.7986787530053931, 0.08231093818710702, 0.758215552979307, 1.002697424124797,
            1.3658694638442905, -0.0, 0.3656851371671591, 0.6155165012471495,
            1.0049250869215252, 0.5916040245579459, 0.689616593853734, 0.8309200259491737,
            0.3464699669220902, -0.0, 0.22007811725496632, 0.1556524903647049,
            0.12517187154988196, 0.45391179879929144, 0.7035720508504675, 0.730175031803298,
            0.7563673399574617, 0.9082580338205664, 1.3383578593757224, 0.3839792885546516,
            0.4356450399149079, 1.3450443859975474, 0.6238113856475189, 0.26756218881804755,
            0.758989786655772, 0.7003976204758549,
        ]
        let gnpRawAuthorities: [Double] = [
            0.4220700964915294, 0.197212128059821, 0.1556524903647049, 0.3754930162548156,
            0.11067666320027554, 0.14556714855921493, 0.2258849755365793, 0.19273892115451405,
            0.1934464047556202, 0.08231093818710702, 0.05059728411921699, 0.20174128915598952,
            0.2026212139307867, 0.18720119764677307, 0.05884963804433804, 0.08671751051487689,
            0.15538329399815895, 0.0871698949486423, 0.1678682802515213, 0.15183059008570968,
            0.07457458743066499, 0.0919939270086384, 0.21611100830313026, 0.0784187825444758,
            0.04538153797411132, 0.04917795666078933, 0.16394384801116957, 0.3547423520966883,
            0.12058499138551093, -0.0,
        ]
        // nx.hits(nx.florentine_families_graph())
        let florentineHubs: [Double] = [
            0.03773016288451395, 0.12285332468398237, 0.07395218974534673, 0.0787212547936576,
            0.10163271901103378, 0.0604420282079455, 0.09751356866887995, 0.09302825247805295,
            0.06964967543529854, 0.04165948296745711, 0.012794273839067944, 0.0807396638222649,
            0.08254274797181375, 0.021390496397123353, 0.025350159093561475,
        ]
        // nx.hits(G), G = the directed isolates graph (isolatesDirectedEdges, weighted)
        let isolatesHubs: [Double] = [
            2.9204141970706607e-17, 0.23480160330805858, 0.6627279857187099, 0.10247041097323135,
            -2.979847819026825e-17, -0.0, -0.0, -3.5621527157211785e-18,
        ]
        let isolatesAuthorities: [Double] = [
            0.7424573381075336, 5.104962206397396e-17, 0.07842164001239835, 0.17912102188006804,
            -0.0, -6.94513835843612e-17, -0.0, -1.2453476637261039e-17,
        ]

        let k = try hits(IterTestGraphs.karate(weighted: true))
        IterTestGraphs.expectClose(k.hubs, karateHubs, rel: 1e-6, "hits karate weighted hubs")
        IterTestGraphs.expectClose(k.authorities, karateAuthorities, rel: 1e-6, "hits karate weighted authorities")
        let ku = try hits(IterTestGraphs.karate(weighted: true), weighted: false)
        IterTestGraphs.expectClose(ku.hubs, karateUnweightedHubs, rel: 1e-6, "hits karate hubs")
        let gg = try hits(IterTestGraphs.gnp())
        IterTestGraphs.expectClose(gg.hubs, gnpHubs, rel: 1e-6, "hits gnp hubs")
        IterTestGraphs.expectClose(gg.authorities, gnpAuthorities, rel: 1e-6, "hits gnp authorities")
        let raw = try hits(IterTestGraphs.gnp(), normalized: false)
        IterTestGraphs.expectClose(raw.hubs, gnpRawHubs, rel: 1e-6, "hits gnp raw hubs")
        IterTestGraphs.expectClose(raw.authorities, gnpRawAuthorities, rel: 1e-6, "hits gnp raw authorities")
        let f = try hits(IterTestGraphs.florentine())
        IterTestGraphs.expectClose(f.hubs, florentineHubs, rel: 1e-6, "hits florentine hubs")
        IterTestGraphs.expectClose(f.authorities, florentineHubs, rel: 1e-6, "hits florentine authorities")
        let d = try hits(IterTestGraphs.isolatesDirected(weighted: true))
        IterTestGraphs.expectClose(d.hubs, isolatesHubs, rel: 1e-6, abs: 1e-10, "hits directed isolates hubs")
        IterTestGraphs.expectClose(d.authorities, isolatesAuthorities, rel: 1e-6, abs: 1e-10, "hits directed isolates authorities")
    }
}
