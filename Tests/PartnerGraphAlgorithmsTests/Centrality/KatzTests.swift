import Testing
@testable import PartnerGraphAlgorithms

@Suite("Katz centrality")
struct KatzTests {
    @Test("K4, directed path, edgeless graph")
    func handCases() throws {
        // K4, α = 0.1, β = 1: x = 1/(1 − 3α) = 1/0.7 for every node; normalised 1/2.
        let k4 = IterTestGraphs.graph(4, directed: false, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)])
        IterTestGraphs.expectClose(try katzCentrality(k4, weighted: false, normalized: false), [1 / 0.7, 1 / 0.7, 1 / 0.7, 1 / 0.7], rel: 1e-10, "K4 raw")
        IterTestGraphs.expectClose(try katzCentrality(k4, weighted: false), [0.5, 0.5, 0.5, 0.5], rel: 1e-12, "K4")
        // Directed path 0 → 1 → 2 (in-edges): x₀ = β, x₁ = αx₀ + β, x₂ = αx₁ + β.
        let path = IterTestGraphs.graph(3, directed: true, [(0, 1), (1, 2)])
        #expect(try katzCentrality(path, weighted: false, normalized: false) == [1, 1.1, 1.11])
        // Weighted path 0 → 1 (w 2), β = 2: x₀ = 2, x₁ = 0.1·2·2 + 2 = 2.4.
        let weighted = CompactGraph(nodeCount: 2, directed: true, edges: [.init(0, 1, weight: 2)])
        IterTestGraphs.expectClose(try katzCentrality(weighted, beta: 2, weighted: true, normalized: false), [2, 2.4], rel: 1e-15, "weighted path")
        // No edges: every node β, normalised 1/√n.
        IterTestGraphs.expectClose(try katzCentrality(IterTestGraphs.graph(4, directed: false, []), weighted: false), [0.5, 0.5, 0.5, 0.5], rel: 1e-15, "edgeless")
        #expect(try katzCentrality(IterTestGraphs.graph(0, directed: false, []), weighted: false) == [])
    }

    @Test("α above 1/λ_max does not converge")
    func divergence() {
        // K4 has λ_max = 3; α = 0.5 > 1/3 makes the iteration blow up.
        let k4 = IterTestGraphs.graph(4, directed: false, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)])
        #expect(throws: AlgorithmError.self) { try katzCentrality(k4, alpha: 0.5, weighted: false) }
        #expect(throws: AlgorithmError.self) { try katzCentrality(k4, alpha: .nan, weighted: false) }
    }

    @Test("NetworkX: karate, directed gnp, florentine, isolates")
    func networkX() throws {
        // nx.katz_centrality(nx.karate_club_graph(), alpha=0.02, max_iter=10000, tol=1e-12, weight="weight")
        let karateWeighted: [Double] = [
            0.2578217900911317, 0.2250450641274679, 0.2447087209921856, 0.18446174130798568,
            0.14152176565910854, 0.15871501852730213, 0.15623879533540078, 0.17037906919443563,
            0.19338915974157933, 0.1274145713272468, 0.13974526895760084, 0.12688749770823946,
            0.12764233058307367, 0.19179554176589872, 0.1376734284028389, 0.14877563500746402,
            0.1303154191345397, 0.12623196318896632, 0.12757140740588435, 0.13628396777382487,
            0.13212232510052635, 0.13073286447151233, 0.13817352120667417, 0.19865207288371467,
            0.13597333600401332, 0.1644723001172659, 0.1357607507743029, 0.16746151834263817,
            0.14023730834307657, 0.16550442333627338, 0.16382968385472996, 0.1982140648998678,
            0.252550524924048, 0.2775551651158302,
        ]
        // nx.katz_centrality(nx.karate_club_graph(), alpha=0.1, max_iter=10000, tol=1e-12)
        let karate: [Double] = [
            0.3213246219123765, 0.2354842748330184, 0.26576591973672636, 0.1949132148792547,
            0.12190437880578768, 0.13097224917089426, 0.13097224917089426, 0.16623305695299279,
            0.20071782984756456, 0.12420148853052106, 0.12190437880578768, 0.09661671600812596,
            0.11610803749604262, 0.1993736996929513, 0.12513341330535077, 0.12513341330535077,
            0.09067870365107536, 0.12016514349141671, 0.12513341330535077, 0.15330578623137522,
            0.12513341330535077, 0.12016514349141671, 0.12513341330535077, 0.16679063983925407,
            0.11021103786323992, 0.11156458182128412, 0.11293549927856839, 0.15190165630076183,
            0.14358164876466126, 0.15310602721712363, 0.1687536237733885, 0.1938016023414818,
            0.27508516748502, 0.3314064273997409,
        ]
        // nx.katz_centrality(nx.gnp_random_graph(30, 0.1, seed=3, directed=True), alpha=0.1, max_iter=10000, tol=1e-12)
        let gnp: [Double] = [
            0.252466693183003, 0.17788571103711232, 0.17634979321244074, 0.22656830854855192,
            0.18023048709580908, 0.16174919591064044, 0.21188083751604866, 0.18331372700999843,
            0.19486369192161676, 0.19126104324084894, 0.1694930643584894, 0.19961894905648858,
            0.17971364324882233, 0.19178312650615276, 0.13967691116182468, 0.14600597301803428,
            0.17958979263478247, 0.16848339153086214, 0.19220428737563777, 0.1654923422101905,
            0.18270537077875318, 0.15743222892608044, 0.22072284748825735, 0.1590525645001748,
            0.13632705709614037, 0.1417147451685348, 0.18839149004867753, 0.23177723924827276,
            0.17781056899320632, 0.12393368826921852,
        ]
        // same, beta=2.0, normalized=False
        let gnpRaw: [Double] = [
            4.074222218491149, 2.8706595199635303, 2.845873396898506, 3.6562828350009626,
            2.908498723999857, 2.610253889310162, 3.4192613884900194, 2.958255008303955,
            3.1446444407967347, 3.086506113259159, 2.735221822662184, 3.2213831742481602,
            2.9001580725723937, 3.0949313166496966, 2.2540588134262167, 2.3561950758839454,
            2.898159413196247, 2.7189280636088107, 3.101727868505236, 2.6706595199635306,
            2.9484375609296185, 2.5405881342624737, 3.5619507588410633, 2.566736562453758,
            2.2, 2.286944690303913, 3.040198233097666, 3.740342799203845,
            2.8694469030398286, 2.0,
        ]
        // nx.katz_centrality(nx.florentine_families_graph(), alpha=0.1, max_iter=10000, tol=1e-12)
        let florentine: [Double] = [
            0.21648129104797267, 0.33382483890549747, 0.26287066678318105, 0.265080067356976,
            0.2898701711744993, 0.24276835772627983, 0.27269114199286687, 0.2722283382747297,
            0.2659283886779771, 0.23716279976132754, 0.2068150871335677, 0.2670717640380467,
            0.2847793302749694, 0.2096916460252285, 0.21157674018492584,
        ]
        // nx.katz_centrality(G, alpha=0.1, max_iter=10000, tol=1e-12, weight="weight"), G = isolatesEdges graph
        let isolates: [Double] = [
            0.4315907145910075, 0.3622588728896814, 0.41599105020821386, 0.31892647182644224,
            0.28040878199238617, 0.30711438027737537, 0.23434162495077987, 0.2603795832786443,
            0.3347737499296855,
        ]
        // same call on the directed isolates graph (isolatesDirectedEdges)
        let isolatesDirected: [Double] = [
            0.434730387807677, 0.3830491528934724, 0.33440799062133747, 0.391029343578731,
            0.2961030753320355, 0.3405185366318408, 0.2961030753320355, 0.329003417035595,
        ]
        IterTestGraphs.expectClose(try katzCentrality(IterTestGraphs.karate(weighted: true), alpha: 0.02, weighted: true), karateWeighted, rel: 1e-9, "katz karate weighted")
        IterTestGraphs.expectClose(try katzCentrality(IterTestGraphs.karate(weighted: true), weighted: false), karate, rel: 1e-9, "katz karate")
        IterTestGraphs.expectClose(try katzCentrality(IterTestGraphs.gnp(), weighted: false), gnp, rel: 1e-9, "katz gnp")
        IterTestGraphs.expectClose(try katzCentrality(IterTestGraphs.gnp(), beta: 2, weighted: false, normalized: false), gnpRaw, rel: 1e-9, "katz gnp raw")
        IterTestGraphs.expectClose(try katzCentrality(IterTestGraphs.florentine(), weighted: false), florentine, rel: 1e-9, "katz florentine")
        IterTestGraphs.expectClose(try katzCentrality(IterTestGraphs.isolates(weighted: true), weighted: true), isolates, rel: 1e-9, "katz isolates")
        IterTestGraphs.expectClose(try katzCentrality(IterTestGraphs.isolatesDirected(weighted: true), weighted: true), isolatesDirected, rel: 1e-9, "katz directed isolates")
    }

    /// Steps cut into parts of a few rows and shared by two threads: the same values, to the
    /// last bit, as one thread going through the same parts — also when the two go on as one
    /// after the first wait — and NetworkX's values on every fixture. Serialized: a call that
    /// finds the thread team busy runs on one thread.
    @Test(.serialized, arguments: NetworkXFixture.names()) func sharedStepsEqualOneThreadAndNetworkX(name: String) throws {
        let fixture = try NetworkXFixture.load(name)
        let split = PowerIterationSplit(minimumWork: 0, partWork: 16, maxParts: 64, stallLimit: 1_000_000)
        var breakingUp = split
        breakingUp.stallLimit = 0
        for c in fixture.measures where c.measure == "katz" {
            let g = fixture.graph(weighted: c.weight != nil, meaning: .strength)
            func katz(_ threads: Int, _ split: PowerIterationSplit) throws -> [Double] {
                try katzCentrality(g, alpha: c.params["alpha"]?.number ?? 0.1, beta: c.params["beta"]?.number ?? 1,
                                   weighted: c.weight != nil, normalized: c.params["normalized"]?.bool ?? true,
                                   maxIterations: 100_000, tolerance: 1e-12, maxThreads: threads, split: split)
            }
            let one = try katz(1, split)
            #expect(try katz(2, split) == one, "\(name): \(c.networkx) on two threads")
            #expect(try katz(2, breakingUp) == one, "\(name): \(c.networkx) on two threads that go on as one")
            for (i, id) in fixture.nodes.enumerated() {
                let expected = (c.values?[id] ?? nil) ?? .nan
                #expect(close(one[i], expected, 1e-6), "\(name): \(c.networkx) node \(id): \(one[i]) vs \(expected)")
            }
        }
    }
}
