import Testing
import PartnerGraphAlgorithms

@Suite("PageRank")
struct PageRankTests {
    @Test("Cycle, K4, star, dangling node")
    func handCases() throws {
        let cycle = IterTestGraphs.graph(3, directed: true, [(0, 1), (1, 2), (2, 0)])
        IterTestGraphs.expectClose(try pageRank(cycle, weighted: false), [1.0 / 3, 1.0 / 3, 1.0 / 3], rel: 1e-12, "cycle")
        let k4 = IterTestGraphs.graph(4, directed: false, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)])
        IterTestGraphs.expectClose(try pageRank(k4, weighted: false), [0.25, 0.25, 0.25, 0.25], rel: 1e-12, "K4")
        // Undirected star K1,3: c = α·3l + (1−α)/4, l = α·c/3 + (1−α)/4, c + 3l = 1
        // ⇒ c = (1 + 3α) / (4(1 + α)) = 3.55/7.4 for α = 0.85, l = (1 − c)/3.
        let star = IterTestGraphs.graph(4, directed: false, [(0, 1), (0, 2), (0, 3)])
        let c = 3.55 / 7.4, l = (1 - c) / 3
        IterTestGraphs.expectClose(try pageRank(star, weighted: false), [c, l, l, l], rel: 1e-9, "star")
        // 0 → 1 with 1 dangling (its rank is spread uniformly):
        // x₀ = α x₁/2 + (1−α)/2 and x₀ + x₁ = 1 ⇒ x₀ = 1/(2 + α).
        let edge = IterTestGraphs.graph(2, directed: true, [(0, 1)])
        IterTestGraphs.expectClose(try pageRank(edge, weighted: false), [1 / 2.85, 1.85 / 2.85], rel: 1e-9, "dangling")
        #expect(try pageRank(IterTestGraphs.graph(0, directed: true, []), weighted: false) == [])
        #expect(try pageRank(IterTestGraphs.graph(1, directed: true, []), weighted: false) == [1])
        // No edges at all: every node dangling → uniform.
        IterTestGraphs.expectClose(try pageRank(IterTestGraphs.graph(4, directed: false, []), weighted: false), [0.25, 0.25, 0.25, 0.25], rel: 1e-12, "edgeless")
    }

    @Test("Errors: bad alpha, personalization, non-convergence")
    func errors() {
        let g = IterTestGraphs.graph(3, directed: true, [(0, 1), (1, 2), (2, 0)])
        #expect(throws: AlgorithmError.self) { try pageRank(g, alpha: 1.5, weighted: false) }
        #expect(throws: AlgorithmError.self) { try pageRank(g, personalization: [0, 0, 0], weighted: false) }
        #expect(throws: AlgorithmError.self) { try pageRank(g, personalization: [1, 1], weighted: false) }
        #expect(throws: AlgorithmError.self) { try pageRank(IterTestGraphs.karate(weighted: false), weighted: false, maxIterations: 3) }
    }

    @Test("NetworkX: karate, directed gnp, florentine, isolates, personalization")
    func networkX() throws {
        // nx.pagerank(nx.karate_club_graph(), max_iter=10000, tol=1e-12, weight="weight")
        let karateWeighted: [Double] = [
            0.08850031543766916, 0.05741231936680448, 0.06276562385008595, 0.03721003482090861,
            0.02050080108399285, 0.03380387305853551, 0.03152301897086555, 0.02646320268797384,
            0.03338248346439575, 0.009463494950470563, 0.02068568469851827, 0.00978499814335801,
            0.011474264118137283, 0.03347292496711095, 0.012942403847141824, 0.01637744378042339,
            0.016752260141580967, 0.009676695208895646, 0.009545337708489888, 0.013076990053565954,
            0.011224883880501042, 0.011359470086925168, 0.012961390744456638, 0.04114975819768053,
            0.016635732754069526, 0.028676448850014268, 0.015241717406830238, 0.02723772678699451,
            0.014479228223015676, 0.02827466646573644, 0.02303284608944542, 0.041988177757812016,
            0.07593441957252405, 0.09698936282506988,
        ]
        // nx.pagerank(nx.karate_club_graph(), max_iter=10000, tol=1e-12, weight=None)
        let karate: [Double] = [
            0.09699728539860193, 0.0528769240641038, 0.05707850948821541, 0.03585985778886278,
            0.021977952368612302, 0.029111154684392498, 0.029111154684392494, 0.024490497036845672,
            0.02976605607998976, 0.014309397128348795, 0.0219779523686123, 0.009564745492877783,
            0.014644892013090223, 0.02953645615282129, 0.014535993996537731, 0.014535993996537731,
            0.016784005447659938, 0.014558677210142406, 0.014535993996537731, 0.019604636326118023,
            0.014535993996537731, 0.014558677210142406, 0.014535993996537731, 0.031522514772867494,
            0.02107603355718362, 0.021006197392307597, 0.015044038081158208, 0.025639767480502295,
            0.019573459462620537, 0.026288537691950192, 0.02459015524733862, 0.03715808706641703,
            0.07169322599817837, 0.10091918232295749,
        ]
        // nx.pagerank(nx.gnp_random_graph(30, 0.1, seed=3, directed=True), max_iter=10000, tol=1e-12)
        let gnp: [Double] = [
            0.096988348245497, 0.02315090302598024, 0.03177300113982445, 0.04854417147537882,
            0.02736276845868871, 0.018415105707733012, 0.06048123505541801, 0.04821993018539497,
            0.04319843663483884, 0.04316120342427736, 0.020603984311613602, 0.06624287776411185,
            0.024474960093960246, 0.023680961848927054, 0.008892656526050962, 0.01571517109580424,
            0.024226077356260218, 0.013810578768352696, 0.029685527949827283, 0.021834949619240058,
            0.03534488949945297, 0.01588196830590398, 0.07842016973182413, 0.019573006909130844,
            0.007508675320862371, 0.012462912486908074, 0.05715894145420293, 0.04748708652444404,
            0.029506779165968857, 0.0061927219141221885,
        ]
        // same graph with personalization={0: 1, 5: 2, 17: 0.5} and alpha=0.7
        let gnpPersonalized: [Double] = [
            0.2003268544145061, 0.008176922826249565, 0.010246844854197206, 0.0355177238403794,
            0.0054308554374556854, 0.29817394608613634, 0.05066650769769265, 0.04420383910369174,
            0.01996209102798065, 0.008897009752949717, 0.0019444536383812472, 0.038670934676927726,
            0.004210934492805507, 0.003306399785675817, 0.0003052241035914069, 0.005848012206437226,
            0.005352099088134182, 0.07334861991093986, 0.011789849823326658, 0.008176922826249565,
            0.006409737777990391, 0.002180172168705229, 0.058480122064975264, 0.0267937210800996,
            0.0, 0.0007052656564329204, 0.0535507969776895, 0.01329404921661001,
            0.004030089463788839, 0.0,
        ]
        // nx.pagerank(nx.florentine_families_graph(), max_iter=10000, tol=1e-12)
        let florentine: [Double] = [
            0.030657437374417198, 0.14581720499883435, 0.06933017554550072, 0.06787531001374705,
            0.08809843851928925, 0.05030098711222386, 0.06957426654203766, 0.07127968581892957,
            0.07912225286298108, 0.06130322876594671, 0.0360538722261536, 0.06886179561339337,
            0.09839783337064542, 0.032417971645030824, 0.030909539590869273,
        ]
        // nx.pagerank(G, max_iter=10000, tol=1e-12, weight="weight"), G = isolatesEdges graph
        let isolates: [Double] = [
            0.1534105667174035, 0.09720537216417363, 0.14103990797103821, 0.09914169915965473,
            0.09507171007191328, 0.15032706293422185, 0.018404907975460127, 0.1226993865030675,
            0.1226993865030675,
        ]
        // same call on the directed isolates graph (isolatesDirectedEdges)
        let isolatesDirected: [Double] = [
            0.17639325662837096, 0.17682803774537714, 0.10204568565245502, 0.2619002095748724,
            0.026893769610040346, 0.04975347377857464, 0.026893769610040346, 0.1792917974002689,
        ]
        // same directed graph, weight=None
        let isolatesDirectedUnweighted: [Double] = [
            0.11254956844961848, 0.12256090279324185, 0.07898215329774792, 0.4030745650604674,
            0.026893769610040346, 0.04975347377857464, 0.026893769610040346, 0.1792917974002689,
        ]
        let personalization: [Double] = [1.0, 0.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
        IterTestGraphs.expectClose(try pageRank(IterTestGraphs.karate(weighted: true), weighted: true), karateWeighted, rel: 1e-9, "pagerank karate weighted")
        IterTestGraphs.expectClose(try pageRank(IterTestGraphs.karate(weighted: true), weighted: false), karate, rel: 1e-9, "pagerank karate")
        IterTestGraphs.expectClose(try pageRank(IterTestGraphs.gnp(), weighted: false), gnp, rel: 1e-9, "pagerank gnp")
        IterTestGraphs.expectClose(try pageRank(IterTestGraphs.gnp(), alpha: 0.7, personalization: personalization, weighted: false), gnpPersonalized, rel: 1e-9, "pagerank gnp personalized")
        IterTestGraphs.expectClose(try pageRank(IterTestGraphs.florentine(), weighted: false), florentine, rel: 1e-9, "pagerank florentine")
        IterTestGraphs.expectClose(try pageRank(IterTestGraphs.isolates(weighted: true), weighted: true), isolates, rel: 1e-9, "pagerank isolates")
        IterTestGraphs.expectClose(try pageRank(IterTestGraphs.isolatesDirected(weighted: true), weighted: true), isolatesDirected, rel: 1e-9, "pagerank directed isolates")
        IterTestGraphs.expectClose(try pageRank(IterTestGraphs.isolatesDirected(weighted: true), weighted: false), isolatesDirectedUnweighted, rel: 1e-9, "pagerank directed isolates unweighted")
    }
}
