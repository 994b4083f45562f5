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
    _ g: CompactGraph, weighted: Bool, maxIterations: Int = 10_000, tolerance: Double = 1e-12
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
    let threshold = Double(n) * tolerance

    // Returns 0 when not converged, 1 when the result is in `x`, 2 when it is in `next`.
    let outcome: Int = g.inStart.withUnsafeBufferPointer { start in
        g.inNeighbours.withUnsafeBufferPointer { nbr in
            weights.withUnsafeBufferPointer { w in
                x.withUnsafeMutableBufferPointer { xb in
                    next.withUnsafeMutableBufferPointer { yb in
                        var cur = xb.baseAddress!, nxt = yb.baseAddress!
                        for _ in 0..<maxIterations {
                            // nxt = cur + Aᵀcur (pull over in-rows), then normalise.
                            var sumSquares = 0.0
                            for v in 0..<n {
                                let lo = Int(start[v]), hi = Int(start[v + 1])
                                let s = cur[v] + (useWeights ? gatherWeightedRowSum(cur, nbr, w, lo, hi)
                                                             : gatherRowSum(cur, nbr, lo, hi))
                                nxt[v] = s
                                sumSquares += s * s
                            }
                            var norm = sumSquares.squareRoot()
                            if !norm.isFinite { return 0 }
                            if norm == 0 { norm = 1 }
                            var err = 0.0
                            for v in 0..<n {
                                let value = nxt[v] / norm
                                err += abs(value - cur[v])
                                nxt[v] = value
                            }
                            swap(&cur, &nxt)
                            if err < threshold { return cur == xb.baseAddress! ? 1 : 2 }
                        }
                        return 0
                    }
                }
            }
        }
    }
    guard outcome != 0 else { throw failure }
    return outcome == 1 ? x : next
}
