import Foundation
import Testing
@testable import PartnerGraphAlgorithms

/// Per-source measures report progress source by source (or in small blocks), so a progress
/// line moves smoothly instead of in a few large steps.
@Suite(.serialized) struct ProgressTests {
    /// Collects the reports for one total. Other tests running at the same time report other
    /// totals through the same process-wide counter, which restarts the count each time the
    /// total changes; so the tests count reports (one per `advance`, as the interval is 0),
    /// not the distinct counts reached.
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
        AlgorithmProgress.observe(every: 0) { done, total in
            if total == n { reports.add(done) }
        }
        defer { AlgorithmProgress.observe(nil) }
        try body()
        return reports.done
    }

    /// Inside an outer loop, the inner measures' reports (other totals) do not restart it: the
    /// rewired networks of `structure --null` run betweenness on each, and the line shows the
    /// networks done. Tests in other suites report through the same counter at the same time,
    /// so only the two totals of this test are looked at: 23 networks, betweenness over 211 nodes.
    @Test func anOuterLoopKeepsItsCount() throws {
        let reports = Reports()
        AlgorithmProgress.observe(every: 0) { done, total in
            if total == 23 || total == 211 { reports.add(done * 1000 + total) }
        }
        defer { AlgorithmProgress.observe(nil) }
        let g = ring(211)
        _ = try Rewiring.compare(g, samples: 23, seed: 1, maxThreads: 1) { h in [(try? betweennessCentrality(h, weighted: false, maxThreads: 1))?.first] }
        #expect(!reports.done.contains { $0 % 1000 == 211 }, "the inner betweenness showed through")
        #expect(reports.done.filter { $0 % 1000 == 23 }.map { $0 / 1000 }.max() == 23)
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
