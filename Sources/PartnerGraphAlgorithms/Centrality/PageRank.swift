import PartnerGraphKernels

// PageRank by NetworkX's power iteration, as a pull over in-rows.

/// PageRank: the stationary distribution of a random surfer who follows an out-edge with
/// probability `alpha` and teleports (by the personalization vector) otherwise.
///
/// Definition (NetworkX's iteration, `dangling=None`): with `S_u` the out-strength of `u` (sum of
/// the weights in its out-row; a self-loop counts once, as one diagonal entry), `p` the
/// personalization vector normalised to sum 1 (uniform by default) and `D` the dangling nodes
/// (`S_u = 0`),
/// `x_v ← α (Σ_{u→v} x_u w_uv / S_u + p_v Σ_{d∈D} x_d) + (1 − α) p_v`,
/// starting from `x = 1/n` and stopping when `Σ_v |x_v − x_v^last| < n·tol`. Dangling nodes
/// spread their rank by `p`. Undirected graphs are treated as directed both ways.
///
/// - Parameters:
///   - g: the graph.
///   - alpha: damping factor in `[0, 1]`.
///   - personalization: optional teleport weights, one per node, finite, with a positive sum
///     (normalised here); `nil` means uniform.
///   - weighted: use tie strengths (`inStrengths` / `outStrengths`); otherwise every edge is 1.
///   - maxIterations: the most power-iteration steps to take.
///   - tolerance: per-node L1 tolerance (`tol` in NetworkX); must be positive and finite.
/// - Returns: one value per node, summing to 1; `[]` for the empty graph.
/// - Throws: `AlgorithmError.didNotConverge` when the tolerance is not met within
///   `maxIterations` steps; `AlgorithmError.invalidParameter` for `alpha` outside `[0, 1]`, a
///   personalization vector of the wrong length, with non-finite entries or a non-positive sum
///   (NetworkX raises `ZeroDivisionError` for a zero sum), a negative iteration count or a
///   non-positive tolerance.
/// - Complexity: O(k · (V + E)) time for k iterations, O(V) extra memory.
///
/// Reference: S. Brin, L. Page, "The anatomy of a large-scale hypertextual Web search engine",
/// Computer Networks and ISDN Systems 30 (1998) 107–117, doi:10.1016/S0169-7552(98)00110-X.
/// Equals `nx.pagerank(G, alpha=alpha, personalization=..., max_iter=maxIterations,
/// tol=tolerance, weight="weight" if weighted else None)`.
public func pageRank(
    _ g: CompactGraph, alpha: Double = 0.85, personalization: [Double]? = nil, weighted: Bool,
    maxIterations: Int = 10_000, tolerance: Double = 1e-12
) throws -> [Double] {
    guard alpha.isFinite, alpha >= 0, alpha <= 1 else {
        throw AlgorithmError.invalidParameter(name: "alpha", reason: "must lie in [0, 1], got \(alpha)")
    }
    guard maxIterations >= 0 else {
        throw AlgorithmError.invalidParameter(name: "maxIterations", reason: "must be at least 0, got \(maxIterations)")
    }
    guard tolerance.isFinite, tolerance > 0 else {
        throw AlgorithmError.invalidParameter(name: "tolerance", reason: "must be positive and finite, got \(tolerance)")
    }
    let n = g.nodeCount
    var p: [Double]? = nil
    if let given = personalization {
        guard given.count == n else {
            throw AlgorithmError.invalidParameter(
                name: "personalization", reason: "needs one value per node (\(n)), got \(given.count)")
        }
        guard given.allSatisfy({ $0.isFinite }) else {
            throw AlgorithmError.invalidParameter(name: "personalization", reason: "values must be finite")
        }
        let total = given.reduce(0, +)
        guard total > 0 else {
            throw AlgorithmError.invalidParameter(name: "personalization", reason: "values must have a positive sum")
        }
        p = given.map { $0 / total }
    }
    if n == 0 { return [] }

    // Inverse out-strengths; 0 marks a dangling node.
    let useWeights = weighted && g.isWeighted
    var invOut = [Double](repeating: 0, count: n)
    var danglingFlag = [Double](repeating: 0, count: n)
    if useWeights, let ws = g.outStrengths {
        for u in 0..<n {
            var s = 0.0
            for k in g.outRange(u) { s += ws[k] }
            if s != 0 { invOut[u] = 1 / s } else { danglingFlag[u] = 1 }
        }
    } else {
        for u in 0..<n {
            let d = g.outRange(u).count
            if d != 0 { invOut[u] = 1 / Double(d) } else { danglingFlag[u] = 1 }
        }
    }

    let weights = useWeights ? g.inStrengths! : []
    let teleport = p ?? []
    let uniform = p == nil
    let invN = 1.0 / Double(n)
    let threshold = Double(n) * tolerance
    var x = [Double](repeating: invN, count: n)
    var next = [Double](repeating: 0, count: n)
    // scaled[u] = x[u] / S_u, the share u sends along each unit of out-strength.
    var scaled = [Double](repeating: 0, count: n)
    var danglingSum = 0.0
    for u in 0..<n {
        scaled[u] = x[u] * invOut[u]
        danglingSum += x[u] * danglingFlag[u]
    }

    // 0: not converged; 1: result in x; 2: result in next.
    let outcome: Int = g.inStart.withUnsafeBufferPointer { start in
        g.inNeighbours.withUnsafeBufferPointer { nbr in
            weights.withUnsafeBufferPointer { w in
                teleport.withUnsafeBufferPointer { tp in
                    invOut.withUnsafeBufferPointer { inv in
                        danglingFlag.withUnsafeBufferPointer { dflag in
                            scaled.withUnsafeMutableBufferPointer { sc in
                                x.withUnsafeMutableBufferPointer { xb in
                                    next.withUnsafeMutableBufferPointer { yb in
                                        var cur = xb.baseAddress!, nxt = yb.baseAddress!
                                        let scp = sc.baseAddress!
                                        for _ in 0..<maxIterations {
                                            let c = alpha * danglingSum + (1 - alpha)
                                            let base = c * invN
                                            var err = 0.0
                                            var newDangling = 0.0
                                            for v in 0..<n {
                                                let lo = Int(start[v]), hi = Int(start[v + 1])
                                                let s = useWeights
                                                    ? gatherWeightedRowSum(scp, nbr, w, lo, hi)
                                                    : gatherRowSum(scp, nbr, lo, hi)
                                                let value = alpha * s + (uniform ? base : c * tp[v])
                                                nxt[v] = value
                                                err += abs(value - cur[v])
                                                newDangling += value * dflag[v]
                                            }
                                            for v in 0..<n { scp[v] = nxt[v] * inv[v] }
                                            danglingSum = newDangling
                                            swap(&cur, &nxt)
                                            if err < threshold { return cur == xb.baseAddress! ? 1 : 2 }
                                        }
                                        return 0
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    guard outcome != 0 else {
        throw AlgorithmError.didNotConverge(measure: "PageRank", iterations: maxIterations, tolerance: tolerance)
    }
    return outcome == 1 ? x : next
}
