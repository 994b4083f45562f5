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
    maxIterations: Int = 10_000, tolerance: Double = 1e-12
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
    let useWeights = weighted && g.isWeighted
    let weights = useWeights ? g.inStrengths! : []
    var x = [Double](repeating: 0, count: n)
    var next = [Double](repeating: 0, count: n)
    let threshold = Double(n) * tolerance

    // 0: not converged; 1: result in x; 2: result in next.
    let outcome: Int = g.inStart.withUnsafeBufferPointer { start in
        g.inNeighbours.withUnsafeBufferPointer { nbr in
            weights.withUnsafeBufferPointer { w in
                x.withUnsafeMutableBufferPointer { xb in
                    next.withUnsafeMutableBufferPointer { yb in
                        var cur = xb.baseAddress!, nxt = yb.baseAddress!
                        for _ in 0..<maxIterations {
                            var err = 0.0
                            for v in 0..<n {
                                let lo = Int(start[v]), hi = Int(start[v + 1])
                                let s = useWeights ? gatherWeightedRowSum(cur, nbr, w, lo, hi) : gatherRowSum(cur, nbr, lo, hi)
                                let value = alpha * s + beta
                                nxt[v] = value
                                err += abs(value - cur[v])
                            }
                            swap(&cur, &nxt)
                            if !err.isFinite { return 0 }
                            if err < threshold { return cur == xb.baseAddress! ? 1 : 2 }
                        }
                        return 0
                    }
                }
            }
        }
    }
    guard outcome != 0 else {
        throw AlgorithmError.didNotConverge(measure: "Katz centrality", iterations: maxIterations, tolerance: tolerance)
    }
    var result = outcome == 1 ? x : next
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
