import Testing
@testable import PartnerGraphAlgorithms

/// Double edge swaps keep what the null model promises: every degree (in and out when
/// directed), the number of ties, the multiset of weights, no new self-loop or repeated tie.
@Suite struct RewiringTests {
    private func degrees(_ g: CompactGraph) -> [[Int]] {
        (0..<g.nodeCount).map { [g.outDegree($0), g.inDegree($0)] }
    }

    @Test(arguments: [false, true]) func degreesAndWeightsAreKept(directed: Bool) {
        var rng = SeededGenerator(seed: 5)
        var edges: [CompactGraph.InputEdge] = []
        for _ in 0..<300 {
            let u = rng.nextInt(below: 60), v = rng.nextInt(below: 60)
            if u != v { edges.append(.init(u, v, weight: Double(1 + rng.nextInt(below: 5)))) }
        }
        edges.append(.init(7, 7, weight: 2))
        let g = CompactGraph(nodeCount: 60, directed: directed, edges: edges)
        var r = SeededGenerator(seed: 9, stream: 1)
        let h = Rewiring.rewired(g, rng: &r)
        #expect(degrees(h) == degrees(g))
        #expect(h.edgeCount == g.edgeCount)
        #expect(h.selfLoopCount == g.selfLoopCount && h.hasSelfLoop(7))
        #expect(h.outWeights!.sorted() == g.outWeights!.sorted())
        // Some ties moved.
        #expect(h.outNeighbours != g.outNeighbours)
    }

    @Test func aStarCannotBeRewired() {
        let star = CompactGraph(nodeCount: 5, directed: false, edges: (1..<5).map { .init(0, $0) })
        var rng = SeededGenerator(seed: 1)
        #expect(Rewiring.rewired(star, rng: &rng).outNeighbours == star.outNeighbours)
    }
}
