import PartnerGraphKernels

// Eigenvector centrality by NetworkX's shifted power iteration.

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
///   - maxThreads: threads to share each step once nodes plus arcs (an undirected edge is two
///     arcs) reach 100,000; 0 (default) uses every active core. The result is the same on any
///     number of threads: a step is cut into parts fixed by the graph, and their sums are added
///     in part order.
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
    let step = EigenvectorStep(maxIterations: maxIterations, threshold: Double(n) * tolerance)
    guard let x = runPowerIteration(g, weighted: weighted, initial: 1.0 / Double(n), maxThreads: maxThreads,
                                    split: split, step) else { throw failure }
    return x
}

/// The power iteration as one thread of a team (or the only thread) runs it: the thread takes
/// parts of each step as the schedule hands them out, and all threads meet twice per step —
/// once the step is written (to take the norm) and once it is normalised (to take the change).
/// Every thread adds the per-part sums in part order, so all reach the same norm, change and
/// decision, and the result does not depend on the number of threads.
private struct EigenvectorStep: PowerIterationStep {
    let maxIterations: Int
    let threshold: Double
    var sumsPerPart: Int { 2 }

    func run<Schedule: PhaseSchedule>(_ schedule: inout Schedule, _ b: PowerIterationBuffers) -> Int {
        let parts = b.parts, bounds = b.bounds, partial = b.partial
        var cur = b.x, nxt = b.y
        for _ in 0..<maxIterations {
            // nxt = cur + Aᵀcur (pull over in-rows) and its sum of squares, per part.
            while case let p = schedule.nextPart(), p < parts {
                var sumSquares = 0.0
                for v in bounds[p]..<bounds[p + 1] {
                    let s = cur[v] + b.pull(cur, row: v)
                    nxt[v] = s
                    sumSquares += s * s
                }
                partial[p] = sumSquares
            }
            guard schedule.endPhase() else { return 0 }
            var norm = b.total(0).squareRoot()
            if !norm.isFinite { return 0 }
            if norm == 0 { norm = 1 }
            while case let p = schedule.nextPart(), p < parts {
                var err = 0.0
                for v in bounds[p]..<bounds[p + 1] {
                    let value = nxt[v] / norm
                    err += abs(value - cur[v])
                    nxt[v] = value
                }
                partial[parts + p] = err
            }
            guard schedule.endPhase() else { return 0 }
            let err = b.total(1)
            swap(&cur, &nxt)
            if err < threshold { return cur == b.x ? 1 : 2 }
        }
        return 0
    }
}
