import Testing
import PartnerGraphAlgorithms

@Suite("Degree centrality and strength")
struct DegreeCentralityTests {
    @Test("P3, star, K4: degree / (n − 1)")
    func handCases() {
        // P3 0-1-2: degrees 1, 2, 1 over n − 1 = 2.
        #expect(degreeCentrality(IterTestGraphs.graph(3, directed: false, [(0, 1), (1, 2)])) == [0.5, 1, 0.5])
        // Star with centre 0 and three leaves.
        let star = degreeCentrality(IterTestGraphs.graph(4, directed: false, [(0, 1), (0, 2), (0, 3)]))
        IterTestGraphs.expectClose(star, [1, 1.0 / 3, 1.0 / 3, 1.0 / 3], rel: 1e-15, "star")
        // K4: every node is adjacent to all others.
        let k4 = IterTestGraphs.graph(4, directed: false, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)])
        #expect(degreeCentrality(k4) == [1, 1, 1, 1])
        // Two components: K2 and an isolate.
        #expect(degreeCentrality(IterTestGraphs.graph(3, directed: false, [(0, 1)])) == [0.5, 0.5, 0])
    }

    @Test("Directed cycle: in, out and total degree")
    func directedCycle() {
        let cycle = IterTestGraphs.graph(3, directed: true, [(0, 1), (1, 2), (2, 0)])
        #expect(degreeCentrality(cycle) == [1, 1, 1])      // (1 in + 1 out) / 2
        #expect(inDegreeCentrality(cycle) == [0.5, 0.5, 0.5])
        #expect(outDegreeCentrality(cycle) == [0.5, 0.5, 0.5])
        // Undirected graphs: in = out = degree (NetworkX raises instead).
        let p3 = IterTestGraphs.graph(3, directed: false, [(0, 1), (1, 2)])
        #expect(inDegreeCentrality(p3) == degreeCentrality(p3))
        #expect(outDegreeCentrality(p3) == degreeCentrality(p3))
    }

    @Test("Self-loops count as NetworkX counts them; n ≤ 1 gives 1")
    func selfLoopsAndTinyGraphs() {
        // Undirected loop at 0 plus edge 0-1: deg(0) = 2 + 1 = 3 → 3/2 (nx.degree_centrality).
        let loop = IterTestGraphs.graph(3, directed: false, [(0, 0), (0, 1)])
        #expect(degreeCentrality(loop) == [1.5, 0.5, 0])
        // Directed loop at 0: in 1 + out 1 = 2 → 2/1.
        let dloop = IterTestGraphs.graph(2, directed: true, [(0, 0)])
        #expect(degreeCentrality(dloop) == [2, 0])
        #expect(inDegreeCentrality(dloop) == [1, 0])
        #expect(outDegreeCentrality(dloop) == [1, 0])
        // nx.degree_centrality on one node (even with a self-loop) is {0: 1}; on none, {}.
        #expect(degreeCentrality(IterTestGraphs.graph(1, directed: false, [(0, 0)])) == [1])
        #expect(inDegreeCentrality(IterTestGraphs.graph(1, directed: true, [])) == [1])
        #expect(degreeCentrality(IterTestGraphs.graph(0, directed: false, [])) == [])
    }

    @Test("Strength: weighted degree with self-loops")
    func strengthHand() {
        // Undirected: loop (w 2) counts twice, plus edge 0-1 (w 3): s(0) = 2·2 + 3 = 7, s(1) = 3.
        let u = CompactGraph(nodeCount: 2, directed: false, edges: [.init(0, 0, weight: 2), .init(0, 1, weight: 3)])
        #expect(strength(u) == [7, 3])
        // Directed: loop (2) in and out, 0→1 (3), 1→0 (1): s(0) = 2 + 3 + 2 + 1 = 8, s(1) = 1 + 3 = 4.
        let d = CompactGraph(nodeCount: 2, directed: true,
                             edges: [.init(0, 0, weight: 2), .init(0, 1, weight: 3), .init(1, 0, weight: 1)])
        #expect(strength(d) == [8, 4])
        // Unweighted: the degree.
        #expect(strength(IterTestGraphs.graph(3, directed: false, [(0, 0), (0, 1)])) == [3, 1, 0])
    }

    @Test("NetworkX: karate club, directed gnp, graphs with isolates and self-loops")
    func networkX() {
        // dict(nx.karate_club_graph().degree(weight="weight"))
        let karateStrength: [Double] = [
            42.0, 29.0, 33.0, 18.0,
            8.0, 14.0, 13.0, 13.0,
            17.0, 3.0, 8.0, 3.0,
            4.0, 17.0, 5.0, 7.0,
            6.0, 3.0, 3.0, 5.0,
            4.0, 4.0, 5.0, 21.0,
            7.0, 14.0, 6.0, 13.0,
            6.0, 13.0, 11.0, 21.0,
            38.0, 48.0,
        ]
        IterTestGraphs.expectClose(strength(IterTestGraphs.karate(weighted: true)), karateStrength, rel: 1e-12, "karate strength")
        // nx.degree_centrality(nx.karate_club_graph())
        let karateDegree: [Double] = [
            0.48484848484848486, 0.2727272727272727, 0.30303030303030304, 0.18181818181818182,
            0.09090909090909091, 0.12121212121212122, 0.12121212121212122, 0.12121212121212122,
            0.15151515151515152, 0.06060606060606061, 0.09090909090909091, 0.030303030303030304,
            0.06060606060606061, 0.15151515151515152, 0.06060606060606061, 0.06060606060606061,
            0.06060606060606061, 0.06060606060606061, 0.06060606060606061, 0.09090909090909091,
            0.06060606060606061, 0.06060606060606061, 0.06060606060606061, 0.15151515151515152,
            0.09090909090909091, 0.09090909090909091, 0.06060606060606061, 0.12121212121212122,
            0.09090909090909091, 0.12121212121212122, 0.12121212121212122, 0.18181818181818182,
            0.36363636363636365, 0.5151515151515151,
        ]
        IterTestGraphs.expectClose(degreeCentrality(IterTestGraphs.karate(weighted: true)), karateDegree, rel: 1e-12, "karate degree")

        let gnp = IterTestGraphs.gnp()
        // nx.degree_centrality(G), G = nx.gnp_random_graph(30, 0.1, seed=3, directed=True)
        let gnpDegree: [Double] = [
            0.3793103448275862, 0.13793103448275862, 0.27586206896551724, 0.3103448275862069,
            0.27586206896551724, 0.06896551724137931, 0.20689655172413793, 0.1724137931034483,
            0.3448275862068966, 0.20689655172413793, 0.27586206896551724, 0.24137931034482757,
            0.1724137931034483, 0.13793103448275862, 0.13793103448275862, 0.06896551724137931,
            0.1724137931034483, 0.1724137931034483, 0.24137931034482757, 0.1724137931034483,
            0.24137931034482757, 0.24137931034482757, 0.41379310344827586, 0.13793103448275862,
            0.1724137931034483, 0.1724137931034483, 0.1724137931034483, 0.3103448275862069,
            0.24137931034482757, 0.13793103448275862,
        ]
        // nx.in_degree_centrality(G)
        let gnpIn: [Double] = [
            0.24137931034482757, 0.10344827586206896, 0.10344827586206896, 0.20689655172413793,
            0.10344827586206896, 0.06896551724137931, 0.13793103448275862, 0.10344827586206896,
            0.13793103448275862, 0.13793103448275862, 0.10344827586206896, 0.13793103448275862,
            0.10344827586206896, 0.13793103448275862, 0.034482758620689655, 0.034482758620689655,
            0.10344827586206896, 0.10344827586206896, 0.13793103448275862, 0.06896551724137931,
            0.10344827586206896, 0.06896551724137931, 0.1724137931034483, 0.06896551724137931,
            0.034482758620689655, 0.034482758620689655, 0.10344827586206896, 0.20689655172413793,
            0.10344827586206896, 0.0,
        ]
        // nx.out_degree_centrality(G)
        let gnpOut: [Double] = [
            0.13793103448275862, 0.034482758620689655, 0.1724137931034483, 0.10344827586206896,
            0.1724137931034483, 0.0, 0.06896551724137931, 0.06896551724137931,
            0.20689655172413793, 0.06896551724137931, 0.1724137931034483, 0.10344827586206896,
            0.06896551724137931, 0.0, 0.10344827586206896, 0.034482758620689655,
            0.06896551724137931, 0.06896551724137931, 0.10344827586206896, 0.10344827586206896,
            0.13793103448275862, 0.1724137931034483, 0.24137931034482757, 0.06896551724137931,
            0.13793103448275862, 0.13793103448275862, 0.06896551724137931, 0.10344827586206896,
            0.13793103448275862, 0.13793103448275862,
        ]
        IterTestGraphs.expectClose(degreeCentrality(gnp), gnpDegree, rel: 1e-12, "gnp degree")
        IterTestGraphs.expectClose(inDegreeCentrality(gnp), gnpIn, rel: 1e-12, "gnp in-degree")
        IterTestGraphs.expectClose(outDegreeCentrality(gnp), gnpOut, rel: 1e-12, "gnp out-degree")

        // Undirected graph with isolates and self-loops: nx.degree_centrality(G) and
        // dict(G.degree(weight="weight")), G as in IterTestGraphs.isolatesEdges.
        let isoDegree: [Double] = [
            0.25, 0.25, 0.375, 0.375,
            0.125, 0.375, 0.0, 0.25,
            0.25,
        ]
        let isoStrength: [Double] = [
            5.0, 3.0, 4.5, 4.5,
            1.5, 3.5, 0.0, 2.0,
            6.0,
        ]
        IterTestGraphs.expectClose(degreeCentrality(IterTestGraphs.isolates(weighted: true)), isoDegree, rel: 1e-12, "isolates degree")
        IterTestGraphs.expectClose(strength(IterTestGraphs.isolates(weighted: true)), isoStrength, rel: 1e-12, "isolates strength")
        // Directed graph with isolates and self-loops: nx.degree_centrality, nx.in_degree_centrality,
        // nx.out_degree_centrality and dict(G.degree(weight="weight")).
        let dirDegree: [Double] = [
            0.42857142857142855, 0.42857142857142855, 0.42857142857142855, 0.42857142857142855,
            0.14285714285714285, 0.14285714285714285, 0.0, 0.2857142857142857,
        ]
        let dirIn: [Double] = [
            0.2857142857142857, 0.14285714285714285, 0.14285714285714285, 0.2857142857142857,
            0.0, 0.14285714285714285, 0.0, 0.14285714285714285,
        ]
        let dirOut: [Double] = [
            0.14285714285714285, 0.2857142857142857, 0.2857142857142857, 0.14285714285714285,
            0.14285714285714285, 0.0, 0.0, 0.14285714285714285,
        ]
        let dirStrength: [Double] = [
            6.0, 4.0, 4.5, 4.5,
            1.5, 1.5, 0.0, 2.0,
        ]
        let dg = IterTestGraphs.isolatesDirected(weighted: true)
        IterTestGraphs.expectClose(degreeCentrality(dg), dirDegree, rel: 1e-12, "directed isolates degree")
        IterTestGraphs.expectClose(inDegreeCentrality(dg), dirIn, rel: 1e-12, "directed isolates in-degree")
        IterTestGraphs.expectClose(outDegreeCentrality(dg), dirOut, rel: 1e-12, "directed isolates out-degree")
        IterTestGraphs.expectClose(strength(dg), dirStrength, rel: 1e-12, "directed isolates strength")
        // nx.degree_centrality(nx.florentine_families_graph()) (integer-labelled)
        let florentine: [Double] = [
            0.07142857142857142, 0.42857142857142855, 0.21428571428571427, 0.21428571428571427,
            0.2857142857142857, 0.14285714285714285, 0.21428571428571427, 0.21428571428571427,
            0.21428571428571427, 0.14285714285714285, 0.07142857142857142, 0.21428571428571427,
            0.2857142857142857, 0.07142857142857142, 0.07142857142857142,
        ]
        IterTestGraphs.expectClose(degreeCentrality(IterTestGraphs.florentine()), florentine, rel: 1e-12, "florentine degree")
    }
}
