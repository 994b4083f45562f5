import Testing
@testable import PartnerGraphAlgorithms

/// Freeman centralization by hand: 1 on a star, 0 on a cycle (every actor alike); the karate
/// club's from NetworkX's degree, closeness and betweenness centralities and Freeman's formula
/// (computed with networkx.karate_club_graph(): Σ(max − c) / (n − 2), / ((n−1)(n−2)/(2n−3)),
/// / (n − 1)).
@Suite struct CentralizationTests {
    @Test(arguments: [Measure.degree, .closeness, .betweenness]) func starIsOneCycleIsZero(measure: Measure) throws {
        let star = CompactGraph(nodeCount: 6, directed: false, edges: (1..<6).map { .init(0, $0) })
        #expect(abs(try #require(try freemanCentralization(star, measure: measure)) - 1) < 1e-12)
        let cycle = CompactGraph(nodeCount: 6, directed: false, edges: (0..<6).map { .init($0, ($0 + 1) % 6) })
        #expect(abs(try #require(try freemanCentralization(cycle, measure: measure))) < 1e-12)
    }

    @Test func karateEqualsNetworkXAndTheFormula() throws {
        let f = try GroupFixture.load("karate-club")
        let g = f.graph(weighted: false)
        let expected: [(Measure, Double)] = [(.degree, 0.39962121212121215), (.closeness, 0.298194891208297), (.betweenness, 0.4055571953299228)]
        for (m, want) in expected {
            #expect(abs(try #require(try freemanCentralization(g, measure: m)) - want) < 1e-12, "\(m)")
        }
    }

    /// A self-loop is not a tie to another actor: a triangle with one stays perfectly even.
    @Test func selfLoopsAreLeftOut() throws {
        let g = CompactGraph(nodeCount: 3, directed: false, edges: [.init(0, 1), .init(1, 2), .init(0, 2), .init(0, 0)])
        for m in [Measure.degree, .closeness, .betweenness] {
            #expect(abs(try #require(try freemanCentralization(g, measure: m))) < 1e-12, "\(m)")
        }
    }

    @Test func undefinedCases() throws {
        let directed = CompactGraph(nodeCount: 4, directed: true, edges: [.init(0, 1)])
        #expect(try freemanCentralization(directed, measure: .degree) == nil)
        let split = CompactGraph(nodeCount: 4, directed: false, edges: [.init(0, 1), .init(2, 3)])
        #expect(try freemanCentralization(split, measure: .closeness) == nil)
        #expect(throws: AlgorithmError.self) { try freemanCentralization(split, measure: .pagerank) }
    }
}
