import Testing
import PartnerGraphAlgorithms

@Suite struct CoreNumberTests {
    typealias H = StructureHandGraphs
    typealias T = StructureTestGraphs

    @Test func handCases() throws {
        #expect(try coreNumber(H.path3) == [1, 1, 1])
        #expect(try coreNumber(H.star5) == [1, 1, 1, 1, 1])
        #expect(try coreNumber(H.twoTriangles) == [2, 2, 2, 2, 2, 2])
        #expect(try coreNumber(H.k4) == [3, 3, 3, 3])
        #expect(try coreNumber(H.twoComponents) == [1, 1, 1, 1, 0])
        #expect(try coreNumber(H.empty) == [])
        #expect(try coreNumber(H.single) == [0])
        // Directed: degree is in + out, so a directed cycle is a 2-core.
        #expect(try coreNumber(H.directedCycle4) == [2, 2, 2, 2])
        // nx.core_number(nx.DiGraph([(1, 2), (2, 1), (2, 3), (2, 4), (3, 4), (4, 3)]))
        // == {1: 2, 2: 2, 3: 2, 4: 2}  (NetworkX docstring example)
        #expect(try coreNumber(H.directed(4, [(0, 1), (1, 0), (1, 2), (1, 3), (2, 3), (3, 2)])) == [2, 2, 2, 2])
        // K4 {0,1,2,3} with the pendant path 3 – 4 – 5 (by hand).
        #expect(try coreNumber(H.undirected(6, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (3, 4), (4, 5)]))
                == [3, 3, 3, 3, 1, 1])
    }

    @Test func selfLoopsAreRejected() {
        #expect(throws: AlgorithmError.self) { try coreNumber(H.undirected(2, [(0, 1), (1, 1)])) }
        #expect(throws: AlgorithmError.self) { try coreNumber(H.directed(2, [(0, 1), (0, 0)])) }
        do {
            _ = try coreNumber(H.undirected(1, [(0, 0)]))
            Issue.record("expected a throw")
        } catch let error as AlgorithmError {
            guard case .unsupported(let measure, let reason) = error else { Issue.record("\(error)"); return }
            #expect(measure == "core number")
            #expect(reason.contains("self-loop"))
        } catch { Issue.record("\(error)") }
    }

    @Test func networkXValues() throws {
        // [nx.core_number(nx.karate_club_graph())[v] for v in range(34)]
        #expect(try coreNumber(T.karate) == [
            4, 4, 4, 4, 3, 3, 3, 4, 4, 2, 3, 1, 2, 4, 2, 2, 2, 2, 2, 3, 2, 2, 2, 3, 3, 3, 2, 3, 3, 3, 4, 3, 4, 4,
        ])
        // nx.core_number(nx.florentine_families_graph()) in list(G) order
        #expect(try coreNumber(T.florentine) == [1, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 2, 2, 1, 1])
        // nx.core_number(nx.davis_southern_women_graph()) in list(G) order
        #expect(try coreNumber(T.davis) == [
            4, 4, 4, 4, 4, 4, 4, 3, 4, 4, 4, 4, 4, 4, 4, 2, 2, 2, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 2, 4, 3, 3,
        ])
        // nx.core_number(nx.gnp_random_graph(40, 0.05, seed=3, directed=True))
        #expect(try coreNumber(T.directedGnp) == [
            2, 2, 3, 2, 2, 3, 3, 3, 2, 2, 3, 2, 2, 2, 2, 3, 3, 2, 3, 0,
            3, 3, 2, 2, 3, 2, 2, 2, 3, 2, 3, 2, 2, 3, 2, 2, 3, 2, 2, 3,
        ])
        // nx.core_number(U)
        #expect(try coreNumber(T.disconnected) == [1, 1, 1, 1, 1, 1, 1, 4, 4, 4, 4, 4, 1, 1, 1, 1, 0, 0])
    }
}
