import PartnerGraphKernels

// Katz centrality by NetworkX's fixed-point iteration.

/// Katz centrality: attenuated count of all walks ending at each node.
///
/// Definition: `x_v = α Σ_{u→v} w_uv x_u + β` (in-edges on a directed graph), i.e.
/// `x = β (I − αAᵀ)⁻¹ 1`. Computed exactly as NetworkX does: start from `x = 0`, iterate
/// `x ← αAᵀx + β`, stop when `Σ_v |x_v − x_v^last| < n·tol`; when `normalized`, scale the result
/// to Euclidean norm 1 (a zero vector is left as is). It converges when
/// `α < 1/λ_max`. A self-loop on an undirected graph is one diagonal entry `w`, as in NetworkX.
///
/// - Parameters:
///   - g: the graph.
///   - alpha: attenuation factor (finite; should be below `1/λ_max`).
///   - beta: the exogenous weight every node receives (finite).
///   - weighted: use tie strengths (`inStrengths`) as matrix entries; otherwise every edge is 1.
///   - normalized: scale the result to Euclidean norm 1.
///   - maxIterations: the most iterations to take.
///   - tolerance: per-node L1 tolerance (`tol` in NetworkX); must be positive and finite.
///   - maxThreads: threads to share each step once nodes plus arcs (an undirected edge is two
///     arcs) reach 100,000; 0 (default) uses every active core. The result is the same on any
///     number of threads: a step is cut into parts fixed by the graph, and their sums are added
///     in part order.
/// - Returns: one value per node; `[]` for the empty graph.
/// - Throws: `AlgorithmError.didNotConverge` when the tolerance is not met within
///   `maxIterations` steps (or the iteration overflows, i.e. `alpha ≥ 1/λ_max`);
///   `AlgorithmError.invalidParameter` for non-finite `alpha`/`beta`, a negative iteration
///   count or a non-positive tolerance.
/// - Complexity: O(k · (V + E)) time for k iterations, O(V) extra memory.
///
/// Reference: L. Katz, "A new status index derived from sociometric analysis", Psychometrika 18
/// (1953) 39–43, doi:10.1007/BF02289026. Equals `nx.katz_centrality(G, alpha, beta,
/// max_iter=maxIterations, tol=tolerance, normalized=normalized, weight="weight" if weighted
/// else None)` with a scalar `beta`.
public func katzCentrality(
    _ g: CompactGraph, alpha: Double = 0.1, beta: Double = 1.0, weighted: Bool, normalized: Bool = true,
    maxIterations: Int = 10_000, tolerance: Double = 1e-12, maxThreads: Int = 0
) throws -> [Double] {
    try katzCentrality(g, alpha: alpha, beta: beta, weighted: weighted, normalized: normalized,
                       maxIterations: maxIterations, tolerance: tolerance, maxThreads: maxThreads, split: .standard)
}

func katzCentrality(
    _ g: CompactGraph, alpha: Double, beta: Double, weighted: Bool, normalized: Bool,
    maxIterations: Int, tolerance: Double, maxThreads: Int, split: PowerIterationSplit
) throws -> [Double] {
    guard alpha.isFinite else {
        throw AlgorithmError.invalidParameter(name: "alpha", reason: "must be finite, got \(alpha)")
    }
    guard beta.isFinite else {
        throw AlgorithmError.invalidParameter(name: "beta", reason: "must be finite, got \(beta)")
    }
    guard maxIterations >= 0 else {
        throw AlgorithmError.invalidParameter(name: "maxIterations", reason: "must be at least 0, got \(maxIterations)")
    }
    guard tolerance.isFinite, tolerance > 0 else {
        throw AlgorithmError.invalidParameter(name: "tolerance", reason: "must be positive and finite, got \(tolerance)")
    }
    let n = g.nodeCount
    if n == 0 { return [] }
    let step = KatzStep(alpha: alpha, beta: beta, maxIterations: maxIterations, threshold: Double(n) * tolerance)
    guard var result = runPowerIteration(g, weighted: weighted, initial: 0, maxThreads: maxThreads, split: split, step) else {
        throw AlgorithmError.didNotConverge(measure: "Katz centrality", iterations: maxIterations, tolerance: tolerance)
    }
    if normalized {
        var sumSquares = 0.0
        for value in result { sumSquares += value * value }
        var norm = sumSquares.squareRoot()
        if !norm.isFinite {
            // Rescale to avoid overflow of the sum of squares.
            let largest = result.reduce(0) { max($0, abs($1)) }
            var scaledSquares = 0.0
            for value in result { let t = value / largest; scaledSquares += t * t }
            norm = largest * scaledSquares.squareRoot()
        }
        if norm != 0 {
            let s = 1.0 / norm
            for v in 0..<n { result[v] *= s }
        }
    }
    return result
}

/// One thread's share of the Katz iteration: each step `x ← αAᵀx + β` and its L1 change, per
/// part; one phase per step. The changes alternate between two sets of sums: a thread that has
/// passed the phase end may write the next step's while another still adds this step's.
private struct KatzStep: PowerIterationStep {
    let alpha: Double
    let beta: Double
    let maxIterations: Int
    let threshold: Double
    var sumsPerPart: Int { 2 }

    func run<Schedule: PhaseSchedule>(_ schedule: inout Schedule, _ b: PowerIterationBuffers) -> Int {
        let parts = b.parts, bounds = b.bounds, partial = b.partial
        var cur = b.x, nxt = b.y
        for iteration in 0..<maxIterations {
            let slot = iteration & 1
            while case let p = schedule.nextPart(), p < parts {
                var err = 0.0
                for v in bounds[p]..<bounds[p + 1] {
                    let value = alpha * b.pull(cur, row: v) + beta
                    nxt[v] = value
                    err += abs(value - cur[v])
                }
                partial[slot * parts + p] = err
            }
            guard schedule.endPhase() else { return 0 }
            let err = b.total(slot)
            swap(&cur, &nxt)
            if !err.isFinite { return 0 }
            if err < threshold { return cur == b.x ? 1 : 2 }
        }
        return 0
    }
}
