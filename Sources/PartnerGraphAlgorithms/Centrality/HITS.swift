// HITS hubs and authorities by power iteration on AᵀA.

/// Hub and authority scores of every node (see `hits(_:weighted:maxIterations:tolerance:normalized:)`).
public struct HITSResult: Sendable, Equatable {
    /// Hub score of each node, indexed by node.
    public let hubs: [Double]
    /// Authority score of each node, indexed by node.
    public let authorities: [Double]

    public init(hubs: [Double], authorities: [Double]) {
        self.hubs = hubs
        self.authorities = authorities
    }
}

/// HITS (hyperlink-induced topic search): hub and authority scores.
///
/// Definition: authorities `a` are the principal eigenvector of `AᵀA` (the leading right
/// singular vector of the weighted adjacency matrix `A`, `A_uv = w_uv` for an edge `u → v`; an
/// undirected graph is symmetric with a self-loop as one diagonal entry), and hubs are `h = A a`.
/// Computed by power iteration from `a = 1/n`: `a ← AᵀA a / max(AᵀA a)`, stopping when
/// `Σ_v |a_v − a_v^last| < tol` (the iteration of NetworkX's reference `_hits_scipy`). With
/// `normalized`, `h` and `a` are each scaled to sum 1; otherwise `a` has Euclidean norm 1 and
/// `h = A a`, as `nx.hits(normalized=False)` returns (up to ARPACK's arbitrary sign).
///
/// NetworkX 3.6's `nx.hits` calls ARPACK (`scipy.sparse.linalg.svds(A, k=1)`). Where the top
/// singular value is simple the results agree; where it is repeated (every bipartite undirected
/// graph, e.g. a path, or components with equal leading singular values) ARPACK returns an
/// arbitrary vector from the singular subspace, from a random start (so `nx.hits` varies from run
/// to run and can return negative scores), while this function returns the power-iteration limit
/// from uniform authorities, which is what NetworkX's reference `_hits_scipy` returns
/// (`_hits_python` starts from uniform hubs instead and can differ on such graphs).
///
/// - Parameters:
///   - g: the graph.
///   - weighted: use tie strengths as matrix entries (NetworkX's `nx.hits` always reads the
///     `"weight"` attribute); otherwise every edge is 1.
///   - maxIterations: the most power-iteration steps to take.
///   - tolerance: L1 tolerance on the max-normalised authority vector; positive and finite.
///   - normalized: scale hubs and authorities to sum 1.
/// - Returns: hubs and authorities, one value per node each; empty arrays for the empty graph.
/// - Throws: `AlgorithmError.unsupported` for a graph without edges (NetworkX raises
///   `ArpackError`; with one node it raises `ValueError`, while here a single node with a self-loop
///   gets 1 and 1); `AlgorithmError.didNotConverge` when the tolerance is not met within
///   `maxIterations` steps; `AlgorithmError.invalidParameter` for a negative iteration count or a
///   non-positive tolerance.
/// - Complexity: O(k · (V + E)) time for k iterations, O(V) extra memory.
///
/// Reference: J. M. Kleinberg, "Authoritative sources in a hyperlinked environment", Journal of
/// the ACM 46 (1999) 604–632, doi:10.1145/324133.324140. Equals `nx.hits(G, normalized=normalized)`
/// (weighted by `"weight"`) where the leading singular value is simple.
public func hits(
    _ g: CompactGraph, weighted: Bool = true, maxIterations: Int = 10_000, tolerance: Double = 1e-12,
    normalized: Bool = true
) throws -> HITSResult {
    guard maxIterations >= 0 else {
        throw AlgorithmError.invalidParameter(name: "maxIterations", reason: "must be at least 0, got \(maxIterations)")
    }
    guard tolerance.isFinite, tolerance > 0 else {
        throw AlgorithmError.invalidParameter(name: "tolerance", reason: "must be positive and finite, got \(tolerance)")
    }
    let n = g.nodeCount
    if n == 0 { return HITSResult(hubs: [], authorities: []) }
    guard !g.outNeighbours.isEmpty else {
        throw AlgorithmError.unsupported(measure: "HITS", reason: "the graph has no edges")
    }
    let useWeights = weighted && g.isWeighted
    let outW = useWeights ? g.outStrengths! : []
    let inW = useWeights ? g.inStrengths! : []
    var a = [Double](repeating: 1.0 / Double(n), count: n)
    var h = [Double](repeating: 0, count: n)
    var t = [Double](repeating: 0, count: n)

    let converged: Bool = g.outStart.withUnsafeBufferPointer { oStart in
        g.outNeighbours.withUnsafeBufferPointer { oNbr in
            g.inStart.withUnsafeBufferPointer { iStart in
                g.inNeighbours.withUnsafeBufferPointer { iNbr in
                    outW.withUnsafeBufferPointer { ow in
                        inW.withUnsafeBufferPointer { iw in
                            a.withUnsafeMutableBufferPointer { a in
                                h.withUnsafeMutableBufferPointer { h in
                                    t.withUnsafeMutableBufferPointer { t in
                                        for _ in 0..<maxIterations {
                                            // h = A a, t = Aᵀh = AᵀA a.
                                            hitsMultiply(a, into: h, oStart, oNbr, ow, useWeights, n)
                                            hitsMultiply(h, into: t, iStart, iNbr, iw, useWeights, n)
                                            var largest = 0.0
                                            for v in 0..<n where t[v] > largest { largest = t[v] }
                                            if !(largest > 0) || !largest.isFinite { return false }
                                            var err = 0.0
                                            for v in 0..<n {
                                                let value = t[v] / largest
                                                err += abs(value - a[v])
                                                a[v] = value
                                            }
                                            if err < tolerance { return true }
                                        }
                                        return false
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    guard converged else {
        throw AlgorithmError.didNotConverge(measure: "HITS", iterations: maxIterations, tolerance: tolerance)
    }
    if normalized {
        let total = a.reduce(0, +)
        for v in 0..<n { a[v] /= total }
    } else {
        var sumSquares = 0.0
        for value in a { sumSquares += value * value }
        let norm = sumSquares.squareRoot()
        for v in 0..<n { a[v] /= norm }
    }
    // h = A a.
    a.withUnsafeMutableBufferPointer { ab in
        h.withUnsafeMutableBufferPointer { hb in
            g.outStart.withUnsafeBufferPointer { oStart in
                g.outNeighbours.withUnsafeBufferPointer { oNbr in
                    outW.withUnsafeBufferPointer { ow in
                        hitsMultiply(ab, into: hb, oStart, oNbr, ow, useWeights, n)
                    }
                }
            }
        }
    }
    if normalized {
        let total = h.reduce(0, +)
        for v in 0..<n { h[v] /= total }
    }
    return HITSResult(hubs: h, authorities: a)
}

/// out[u] = Σ_{v ∈ out(u)} w_uv · x[v].
@inline(__always)
private func hitsMultiply(
    _ x: UnsafeMutableBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>,
    _ start: UnsafeBufferPointer<Int32>, _ nbr: UnsafeBufferPointer<Int32>, _ w: UnsafeBufferPointer<Double>,
    _ useWeights: Bool, _ n: Int
) {
    for u in 0..<n {
        var s = 0.0
        let lo = Int(start[u]), hi = Int(start[u + 1])
        if useWeights {
            for k in lo..<hi { s += x[Int(nbr[k])] * w[k] }
        } else {
            for k in lo..<hi { s += x[Int(nbr[k])] }
        }
        out[u] = s
    }
}
