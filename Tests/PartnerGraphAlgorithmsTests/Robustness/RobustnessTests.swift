import Testing
@testable import PartnerGraphAlgorithms

@Suite struct RobustnessTests {
    /// Average ranks by hand: 5 is first, the two 3s share places 2 and 3, the two 1s places 4 and 5.
    @Test func averageRanksShareTies() {
        #expect(Robustness.averageRanks([3, 1, 5, 3, 1]) == [2.5, 4.5, 1, 2.5, 4.5])
    }

    /// The same seed gives the same copies; the network's ranks are competition ranks of the
    /// degrees by hand (1 and 4 have three ties, 2 and 3 two, 0 and 5 one).
    @Test func sameSeedSameResult() throws {
        let g = CompactGraph(nodeCount: 6, directed: false, edges: [.init(0, 1), .init(1, 2), .init(2, 3), .init(3, 4), .init(4, 5), .init(1, 4)])
        let a = try Robustness.compare(g, measure: { degreeCentrality($0) }, removing: .ties, share: 0.2, samples: 20, top: 2, seed: 4)
        let b = try Robustness.compare(g, measure: { degreeCentrality($0) }, removing: .ties, share: 0.2, samples: 20, top: 2, seed: 4)
        #expect(a.spearman == b.spearman && a.overlap == b.overlap)
        #expect(a.rank == [5, 1, 3, 3, 1, 5])
        #expect(throws: AlgorithmError.self) { try Robustness.compare(g, measure: { degreeCentrality($0) }, removing: .ties, share: 1, samples: 1, top: 1, seed: 0) }
    }
}
