import Testing
@testable import PartnerGraphAlgorithms

@Suite("Eigenvector centrality")
struct EigenvectorTests {
    @Test("K4, star, P3, directed cycle, one node, empty graph")
    func handCases() throws {
        let k4 = IterTestGraphs.graph(4, directed: false, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)])
        IterTestGraphs.expectClose(try eigenvectorCentrality(k4, weighted: false), [0.5, 0.5, 0.5, 0.5], rel: 1e-12, "K4")
        // Star K1,3: λ = √3, centre x₀, leaves x₀/√3; unit norm → x₀ = 1/√2, leaves 1/√6.
        let star = IterTestGraphs.graph(4, directed: false, [(0, 1), (0, 2), (0, 3)])
        let leaf = 1 / 6.0.squareRoot()
        IterTestGraphs.expectClose(try eigenvectorCentrality(star, weighted: false),
                                   [1 / 2.0.squareRoot(), leaf, leaf, leaf], rel: 1e-9, "star")
        // P3 (bipartite, converges thanks to the A + I shift): centre 1/√2, ends 1/2.
        let p3 = IterTestGraphs.graph(3, directed: false, [(0, 1), (1, 2)])
        IterTestGraphs.expectClose(try eigenvectorCentrality(p3, weighted: false), [0.5, 1 / 2.0.squareRoot(), 0.5], rel: 1e-9, "P3")
        // Directed 3-cycle: uniform 1/√3.
        let cycle = IterTestGraphs.graph(3, directed: true, [(0, 1), (1, 2), (2, 0)])
        let third = 1 / 3.0.squareRoot()
        IterTestGraphs.expectClose(try eigenvectorCentrality(cycle, weighted: false), [third, third, third], rel: 1e-12, "cycle")
        #expect(try eigenvectorCentrality(IterTestGraphs.graph(1, directed: false, []), weighted: false) == [1])
        #expect(try eigenvectorCentrality(IterTestGraphs.graph(0, directed: false, []), weighted: false) == [])
        // Weighted K2 with weight 5: symmetric, both 1/√2.
        let k2 = CompactGraph(nodeCount: 2, directed: false, edges: [.init(0, 1, weight: 5)])
        let half = 1 / 2.0.squareRoot()
        IterTestGraphs.expectClose(try eigenvectorCentrality(k2, weighted: true), [half, half], rel: 1e-12, "K2")
    }

    @Test("Errors: a directed path does not converge; bad tolerance")
    func errors() {
        // A + I on a DAG is a Jordan block: the iteration creeps towards the sink and never
        // meets 3·1e-12 (nx.eigenvector_centrality raises PowerIterationFailedConvergence too).
        let path = IterTestGraphs.graph(3, directed: true, [(0, 1), (1, 2)])
        #expect(throws: AlgorithmError.self) { try eigenvectorCentrality(path, weighted: false, maxIterations: 2_000) }
        #expect(throws: AlgorithmError.invalidParameter(name: "tolerance", reason: "must be positive and finite, got 0.0")) {
            try eigenvectorCentrality(path, weighted: false, tolerance: 0)
        }
    }

    @Test("NetworkX: karate, directed gnp, florentine, isolates")
    func networkX() throws {
        // nx.eigenvector_centrality(nx.karate_club_graph(), max_iter=10000, tol=1e-12, weight="weight")
        let karateWeighted: [Double] = [
            0.31235122774150176, 0.3017511746777974, 0.3605886201157467, 0.19856718598572892,
            0.055674748682407335, 0.06742808385009473, 0.06644822082716416, 0.17843234274084013,
            0.2469505835382922, 0.05020306976343692, 0.04583321878879393, 0.04320695496063383,
            0.04186974184714758, 0.24048653702908535, 0.07953764854466595, 0.1131142042165338,
            0.0185188561872815, 0.04271819319222381, 0.048896919962800545, 0.073420027579959,
            0.06274937070873203, 0.056631749744025066, 0.08100556208966718, 0.21804371134478828,
            0.05104891276766835, 0.12258228705717199, 0.05862925545946993, 0.14768307176684498,
            0.0861453923883156, 0.1358330194276566, 0.15831324694577192, 0.20945643527582516,
            0.3322614102299847, 0.36409688197847123,
        ]
        // nx.eigenvector_centrality(nx.karate_club_graph(), max_iter=10000, tol=1e-12)
        let karate: [Double] = [
            0.3554914445167459, 0.2659599195470549, 0.3171925044837801, 0.21117972037277677,
            0.07596881818036212, 0.0794830451141549, 0.0794830451141549, 0.17095974804057246,
            0.22740390712651232, 0.10267425072455874, 0.07596881818036211, 0.05285569749194998,
            0.08425462871411499, 0.2264727201397626, 0.10140326219234812, 0.10140326219234812,
            0.023635628103408125, 0.09239953819303887, 0.10140326219234812, 0.147912510292229,
            0.10140326219234812, 0.09239953819303887, 0.10140326219234812, 0.15011857186554067,
            0.05705244054230609, 0.05920647491830449, 0.07557941349061645, 0.13347715338232338,
            0.1310778229850986, 0.134960819266504, 0.17475830231630746, 0.1910338414086105,
            0.30864421979760837, 0.3733634702989749,
        ]
        // nx.eigenvector_centrality(nx.gnp_random_graph(30, 0.1, seed=3, directed=True), max_iter=10000, tol=1e-12)
        let gnp: [Double] = [
            0.42068462136107415, 0.16021295897465376, 0.15550710200682646, 0.20422517746458607,
            0.12908371520804265, 0.1230780206691065, 0.34523402307586726, 0.23574862898925467,
            0.18121344716657772, 0.12868310024211396, 0.04013101150000486, 0.28572988551578005,
            0.14598201320820958, 0.1143874393668421, 0.01972369314652168, 0.10335432752258483,
            0.10817736156635287, 0.01878037554775488, 0.12342628403547577, 0.16021295897465376,
            0.15496032205302981, 0.06286114059941912, 0.32939931003123035, 0.05451393617710385,
            5.496427181859987e-34, 0.04493705808425631, 0.28082137453145845, 0.23018767889161892,
            0.14321834685177756, 9.815048539035691e-36,
        ]
        // nx.eigenvector_centrality(nx.florentine_families_graph(), max_iter=10000, tol=1e-12)
        let florentine: [Double] = [
            0.1321542947314149, 0.43030809404747994, 0.2590261671847731, 0.2757303735737813,
            0.3559804484047514, 0.2117052511609725, 0.34155264405881103, 0.32584230112814827,
            0.24395610916279448, 0.1459171964696099, 0.04481343589727121, 0.2828000865390265,
            0.28911559901360223, 0.0749227077013395, 0.08879188797954718,
        ]
        // nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12, weight="weight"), G = isolatesEdges graph
        let isolates: [Double] = [
            0.6483948737066522, 0.45522949974766713, 0.5944065504531685, 0.1379530466817899,
            4.3875029525193e-22, 6.0873351743979625e-22, 6.187952040166274e-68, 1.2256501746719178e-39,
            2.4276502806135793e-11,
        ]
        // same call on the directed isolates graph (isolatesDirectedEdges)
        let isolatesDirected: [Double] = [
            0.5434699972935491, 0.4986006568905846, 0.22871788349839905, 0.6353942687481846,
            1.6298662045787216e-186, 9.03760810438902e-184, 1.6298662045787216e-186, 1.959838815066673e-75,
        ]
        IterTestGraphs.expectClose(try eigenvectorCentrality(IterTestGraphs.karate(weighted: true), weighted: true), karateWeighted, rel: 1e-9, "eigenvector karate weighted")
        IterTestGraphs.expectClose(try eigenvectorCentrality(IterTestGraphs.karate(weighted: true), weighted: false), karate, rel: 1e-9, "eigenvector karate")
        IterTestGraphs.expectClose(try eigenvectorCentrality(IterTestGraphs.gnp(), weighted: false), gnp, rel: 1e-9, "eigenvector gnp")
        IterTestGraphs.expectClose(try eigenvectorCentrality(IterTestGraphs.florentine(), weighted: false), florentine, rel: 1e-9, "eigenvector florentine")
        IterTestGraphs.expectClose(try eigenvectorCentrality(IterTestGraphs.isolates(weighted: true), weighted: true), isolates, rel: 1e-9, "eigenvector isolates")
        IterTestGraphs.expectClose(try eigenvectorCentrality(IterTestGraphs.isolatesDirected(weighted: true), weighted: true), isolatesDirected, rel: 1e-9, "eigenvector directed isolates")
    }

    /// Steps cut into parts of a few rows and shared by two threads: the same values, to the
    /// last bit, as one thread going through the same parts — also when the two go on as one
    /// after the first wait (stall limit 0) — and NetworkX's values on every fixture. Serialized:
    /// a call that finds the thread team busy runs on one thread.
    @Test(.serialized, arguments: NetworkXFixture.names()) func sharedStepsEqualOneThreadAndNetworkX(name: String) throws {
        let fixture = try NetworkXFixture.load(name)
        let split = PowerIterationSplit(minimumWork: 0, partWork: 16, maxParts: 64, stallLimit: 1_000_000)
        var breakingUp = split
        breakingUp.stallLimit = 0
        for c in fixture.measures where c.measure == "eigenvector" {
            let g = fixture.graph(weighted: c.weight != nil, meaning: .strength)
            let weighted = c.weight != nil
            let one = try eigenvectorCentrality(g, weighted: weighted, maxIterations: 10_000, tolerance: 1e-12, maxThreads: 1, split: split)
            let two = try eigenvectorCentrality(g, weighted: weighted, maxIterations: 10_000, tolerance: 1e-12, maxThreads: 2, split: split)
            let parted = try eigenvectorCentrality(g, weighted: weighted, maxIterations: 10_000, tolerance: 1e-12, maxThreads: 2, split: breakingUp)
            #expect(two == one, "\(name): \(c.networkx) on two threads")
            #expect(parted == one, "\(name): \(c.networkx) on two threads that go on as one")
            for (i, id) in fixture.nodes.enumerated() {
                let expected = (c.values?[id] ?? nil) ?? .nan
                #expect(close(one[i], expected, 1e-6), "\(name): \(c.networkx) node \(id): \(one[i]) vs \(expected)")
            }
        }
    }
}
