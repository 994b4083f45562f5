import Foundation
import Testing
@testable import PartnerGraphAlgorithms

/// Per-source measures report progress source by source (or in small blocks), so a progress
/// line moves smoothly instead of in a few large steps.
/// Each test observes only its own computation (the observer is a task-local value), so tests
/// running at the same time do not see each other's reports.
@Suite struct ProgressTests {
    /// Collects the reports of one computation: one per `advance`, as the interval is 0.
    final class Reports: @unchecked Sendable {
        let lock = NSLock()
        var done: [Int] = []
        func add(_ d: Int) { lock.lock(); done.append(d); lock.unlock() }
    }

    /// A ring of n nodes with a chord from every node to the one 7 further on.
    func ring(_ n: Int) -> CompactGraph {
        CompactGraph(nodeCount: n, directed: false,
                     edges: (0..<n).flatMap { [CompactGraph.InputEdge($0, ($0 + 1) % n), .init($0, ($0 + 7) % n)] })
    }

    func reports(total n: Int, _ body: () throws -> Void) rethrows -> [Int] {
        let reports = Reports()
        try AlgorithmProgress.observing(every: 0, { done, total in
            #expect(total == n)
            reports.add(done)
        }, body)
        return reports.done
    }

    /// Inside an outer loop, the inner measures' reports (other totals) do not restart it: the
    /// rewired networks of `structure --null` run betweenness on each, and the line shows the
    /// networks done: 23 networks, each a betweenness over 211 nodes.
    @Test func anOuterLoopKeepsItsCount() throws {
        let reports = Reports()
        let g = ring(211)
        try AlgorithmProgress.observing(every: 0, { done, total in reports.add(done * 1000 + total) }) {
            _ = try Rewiring.compare(g, samples: 23, seed: 1, maxThreads: 1) { h in [(try? betweennessCentrality(h, weighted: false, maxThreads: 1))?.first] }
        }
        #expect(!reports.done.isEmpty)
        #expect(reports.done.allSatisfy { $0 % 1000 == 23 }, "another total showed through: \(Set(reports.done.map { $0 % 1000 }))")
        #expect(reports.done.map { $0 / 1000 }.max() == 23)
    }

    /// Nothing is reported when nobody observes, and a computation observed in one task does
    /// not report to another task's observer.
    @Test func observersSeeOnlyTheirOwnComputation() async throws {
        #expect(AlgorithmProgress.current == nil)
        let small = ring(101), large = ring(1009)
        let a = Reports(), b = Reports()
        async let first: Void = AlgorithmProgress.observing(every: 0, { done, total in a.add(total) }) {
            _ = try betweennessCentrality(small, weighted: false, maxThreads: 2)
        }
        async let second: Void = AlgorithmProgress.observing(every: 0, { done, total in b.add(total) }) {
            _ = try betweennessCentrality(large, weighted: false, maxThreads: 2)
        }
        _ = try await (first, second)
        #expect(Set(a.done) == [101])
        #expect(Set(b.done) == [1009])
    }

    @Test func betweennessReportsEachSource() throws {
        let n = 1237
        let g = ring(n)
        let done = try reports(total: n) { _ = try betweennessCentrality(g, weighted: false, maxThreads: 2) }
        // One report per source: far more than the 16 lanes the sources are summed in.
        #expect(done.count >= n)
        #expect(done.allSatisfy { $0 >= 1 && $0 <= n })
    }

    @Test func closenessReportsBlocksOfSources() throws {
        let n = 1241
        let g = ring(n)
        let done = reports(total: n) { _ = closenessCentrality(g, weighted: false, maxThreads: 2) }
        // Blocks of at most 64 sources.
        #expect(done.count >= n / 64)
        #expect(done.allSatisfy { $0 >= 1 && $0 <= n })
    }
}
