// Eigenvector centrality by NetworkX's shifted power iteration.

import Foundation

/// Eigenvector centrality: the principal (left) eigenvector of the adjacency matrix.
///
/// Definition: `λ x_v = Σ_{u → v} w_uv x_u` (in-edges on a directed graph, i.e. the left
/// eigenvector `xᵀA = λxᵀ`), with `x` scaled to Euclidean norm 1. Computed exactly as
/// NetworkX does: start from `x = 1/n`; each step `x ← (x + Aᵀx) / ‖x + Aᵀx‖₂` (power iteration
/// on `A + I`, which converges on bipartite graphs too); stop when `Σ_v |x_v − x_v^last| < n·tol`.
/// A self-loop on an undirected graph is one diagonal entry `w`, as in NetworkX's adjacency.
///
/// - Parameters:
///   - g: the graph.
///   - weighted: use tie strengths (`inStrengths`) as matrix entries; otherwise every edge is 1.
///   - maxIterations: the most power-iteration steps to take.
///   - tolerance: per-node L1 tolerance (`tol` in NetworkX); must be positive and finite.
///   - maxThreads: threads to share each step on graphs of 100,000 rows plus arcs or more; 0
///     (default) uses every active core. The result is the same on any number of threads: a step
///     is cut into parts fixed by the graph, and their sums are added in part order.
/// - Returns: one value per node (Euclidean norm 1); `[]` for the empty graph (NetworkX raises
///   `NetworkXPointlessConcept` there).
/// - Throws: `AlgorithmError.didNotConverge` when the tolerance is not met within
///   `maxIterations` steps (NetworkX's `PowerIterationFailedConvergence`, e.g. on some directed
///   acyclic graphs); `AlgorithmError.invalidParameter` for a negative iteration count or a
///   non-positive tolerance.
/// - Complexity: O(k · (V + E)) time for k iterations, O(V) extra memory.
///
/// Reference: P. Bonacich, "Power and centrality: A family of measures", American Journal of
/// Sociology 92 (1987) 1170–1182, doi:10.1086/228631; M. E. J. Newman, *Networks* (2nd ed., 2018),
/// §7.1.4. Equals `nx.eigenvector_centrality(G, max_iter=maxIterations, tol=tolerance,
/// weight="weight" if weighted else None)`.
public func eigenvectorCentrality(
    _ g: CompactGraph, weighted: Bool, maxIterations: Int = 10_000, tolerance: Double = 1e-12, maxThreads: Int = 0
) throws -> [Double] {
    try eigenvectorCentrality(g, weighted: weighted, maxIterations: maxIterations, tolerance: tolerance,
                              maxThreads: maxThreads, split: .standard)
}

/// How the power iteration splits its steps: below `minimumWork` rows plus arcs in one part on
/// one thread (a step then takes a few microseconds, less than threads meeting costs); above,
/// a part per `partWork` (at most `maxParts`), shared by the threads. Tests lower the bounds to
/// split small graphs.
struct PowerIterationSplit {
    var minimumWork = 100_000
    var partWork = 16_384
    var maxParts = 1024
    /// The longest wait at a phase end before the threads go on as one (`LockstepTeamState`).
    var stallLimit: UInt64 = 1_000_000
    static let standard = PowerIterationSplit()
}

func eigenvectorCentrality(
    _ g: CompactGraph, weighted: Bool, maxIterations: Int, tolerance: Double, maxThreads: Int,
    split: PowerIterationSplit
) throws -> [Double] {
    guard maxIterations >= 0 else {
        throw AlgorithmError.invalidParameter(name: "maxIterations", reason: "must be at least 0, got \(maxIterations)")
    }
    guard tolerance.isFinite, tolerance > 0 else {
        throw AlgorithmError.invalidParameter(name: "tolerance", reason: "must be positive and finite, got \(tolerance)")
    }
    let n = g.nodeCount
    if n == 0 { return [] }
    let failure = AlgorithmError.didNotConverge(
        measure: "eigenvector centrality", iterations: maxIterations, tolerance: tolerance)
    let useWeights = weighted && g.isWeighted
    let weights = useWeights ? g.inStrengths! : []
    var x = [Double](repeating: 1.0 / Double(n), count: n)
    var next = [Double](repeating: 0, count: n)
    let parts = RowParts(start: g.inStart, minimumWork: split.minimumWork, partWork: split.partWork, maxParts: split.maxParts)
    var threads = 1
    if #available(macOS 15.0, *) {
        let cores = maxThreads > 0 ? maxThreads : ProcessInfo.processInfo.activeProcessorCount
        threads = max(1, min(cores, parts.count))
    }
    // Per part: the sum of squares of the step, then its L1 change.
    var partials = [Double](repeating: 0, count: 2 * parts.count)

    // 0: not converged; 1: the result is in `x`; 2: it is in `next`.
    var outcome = 0
    g.inStart.withUnsafeBufferPointer { start in
        g.inNeighbours.withUnsafeBufferPointer { nbr in
            weights.withUnsafeBufferPointer { w in
                x.withUnsafeMutableBufferPointer { xb in
                    next.withUnsafeMutableBufferPointer { yb in
                        parts.bounds.withUnsafeBufferPointer { bounds in
                            partials.withUnsafeMutableBufferPointer { partial in
                                let step = EigenvectorStep(
                                    start: start, nbr: nbr, w: w, useWeights: useWeights, x: xb.baseAddress!,
                                    y: yb.baseAddress!, bounds: bounds, partial: partial,
                                    maxIterations: maxIterations, threshold: Double(n) * tolerance)
                                if threads == 1 {
                                    var serial = SerialSchedule()
                                    outcome = step.run(&serial)
                                } else if #available(macOS 15.0, *) {
                                    runInLockstep(threads: threads, stallLimit: split.stallLimit) { schedule in
                                        var member = schedule
                                        let result = step.run(&member)
                                        if schedule.rank == 0 { outcome = result }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    guard outcome != 0 else { throw failure }
    return outcome == 1 ? x : next
}

/// The power iteration as one thread of a team (or the only thread) runs it: the thread takes
/// parts of each step as the schedule hands them out, and all threads meet twice per step —
/// once the step is written (to take the norm) and once it is normalised (to take the change).
/// Every thread adds the per-part sums in part order, so all reach the same norm, change and
/// decision, and the result does not depend on the number of threads.
private struct EigenvectorStep: @unchecked Sendable {
    let start: UnsafeBufferPointer<Int32>
    let nbr: UnsafeBufferPointer<Int32>
    let w: UnsafeBufferPointer<Double>
    let useWeights: Bool
    let x: UnsafeMutablePointer<Double>
    let y: UnsafeMutablePointer<Double>
    let bounds: UnsafeBufferPointer<Int>
    let partial: UnsafeMutableBufferPointer<Double>
    let maxIterations: Int
    let threshold: Double

    /// Returns 0 when not converged (or when this thread left the team), 1 when the result is
    /// in `x`, 2 when it is in `y`.
    func run<Schedule: PhaseSchedule>(_ schedule: inout Schedule) -> Int {
        let partCount = bounds.count - 1
        let start = start, nbr = nbr, w = w, useWeights = useWeights, partial = partial, bounds = bounds
        var cur = x, nxt = y
        for _ in 0..<maxIterations {
            // nxt = cur + Aᵀcur (pull over in-rows) and its sum of squares, per part.
            while case let p = schedule.nextPart(), p < partCount {
                var sumSquares = 0.0
                for v in bounds[p]..<bounds[p + 1] {
                    let lo = Int(start[v]), hi = Int(start[v + 1])
                    let s = cur[v] + (useWeights ? gatherWeightedRowSum(cur, nbr, w, lo, hi)
                                                 : gatherRowSum(cur, nbr, lo, hi))
                    nxt[v] = s
                    sumSquares += s * s
                }
                partial[p] = sumSquares
            }
            guard schedule.endPhase() else { return 0 }
            var sumSquares = 0.0
            for p in 0..<partCount { sumSquares += partial[p] }
            var norm = sumSquares.squareRoot()
            if !norm.isFinite { return 0 }
            if norm == 0 { norm = 1 }
            while case let p = schedule.nextPart(), p < partCount {
                var err = 0.0
                for v in bounds[p]..<bounds[p + 1] {
                    let value = nxt[v] / norm
                    err += abs(value - cur[v])
                    nxt[v] = value
                }
                partial[partCount + p] = err
            }
            guard schedule.endPhase() else { return 0 }
            var err = 0.0
            for p in 0..<partCount { err += partial[partCount + p] }
            swap(&cur, &nxt)
            if err < threshold { return cur == x ? 1 : 2 }
        }
        return 0
    }
}
