// Burt's structural-hole measures: constraint and effective size.

/// Burt's constraint: how much each node's ties are concentrated on mutually connected alters.
///
/// Definition (as NetworkX 3.6 computes it for all nodes): let the mutual weight be
/// `m_ij = a_ij + a_ji` (adjacency entries: the tie strength, or 1 when unweighted; on an
/// undirected graph `a_ij = a_ji`, so `m_ij = 2w_ij`; a self-loop gives `m_ii = 2w_ii`), the row
/// sum `S_i = Σ_j m_ij` and `p_ij = m_ij / S_i`. Then
/// `c_i = Σ_{j : m_ij > 0} (p_ij + Σ_q p_iq p_qj)²`,
/// where the neighbours are successors ∪ predecessors and, as in NetworkX's matrix formula,
/// include `i` itself (as `j` and as `q`) when it has a self-loop.
/// NaN marks the nodes NetworkX marks: `S_i − 2 p_ii = 0` (isolated nodes, and nodes whose only
/// tie is a self-loop of weight 1 — a self-loop of another weight yields a number, as in
/// NetworkX).
///
/// - Parameters:
///   - g: the graph, directed or undirected.
///   - weighted: use tie strengths; otherwise every edge weighs 1.
/// - Returns: one value per node (NaN as above); `[]` for the empty graph.
/// - Complexity: O(V + Σ_v deg(v)²) time, O(V + E) memory.
///
/// Reference: R. S. Burt, *Structural Holes: The Social Structure of Competition*, Harvard
/// University Press (1992), doi:10.4159/9780674029095, ch. 2. Equals `nx.constraint(G,
/// weight="weight" if weighted else None)` (all nodes, the scipy path).
public func constraint(_ g: CompactGraph, weighted: Bool) -> [Double] {
    let n = g.nodeCount
    if n == 0 { return [] }
    let mutual = MutualAdjacency(g, weighted: weighted)
    var result = [Double](repeating: .nan, count: n)
    var p = [Double](repeating: 0, count: n)
    mutual.start.withUnsafeBufferPointer { start in
        mutual.neighbours.withUnsafeBufferPointer { nbr in
            mutual.weights.withUnsafeBufferPointer { m in
                mutual.rowSum.withUnsafeBufferPointer { rowSum in
                    p.withUnsafeMutableBufferPointer { p in
                        for i in 0..<n {
                            let s = rowSum[i]
                            let lo = start[i], hi = start[i + 1]
                            if s == 0 { continue }
                            var diagonal = 0.0
                            for e in lo..<hi {
                                let value = m[e] / s
                                p[Int(nbr[e])] = value
                                if Int(nbr[e]) == i { diagonal = value }
                            }
                            if s - 2 * diagonal != 0 {
                                var c = 0.0
                                for e in lo..<hi {
                                    let j = Int(nbr[e])
                                    // Σ_q p_iq p_qj with p_qj = m_qj / S_q (m symmetric).
                                    var indirect = 0.0
                                    for f in start[j]..<start[j + 1] {
                                        let q = Int(nbr[f])
                                        indirect += p[q] * (m[f] / rowSum[q])
                                    }
                                    let local = p[j] + indirect
                                    c += local * local
                                }
                                result[i] = c
                            }
                            for e in lo..<hi { p[Int(nbr[e])] = 0 }
                        }
                    }
                }
            }
        }
    }
    return result
}

/// Burt's effective size: the number of alters minus their redundancy.
///
/// Definition: with `m_ij`, `S_i` and `p_ij` as in `constraint(_:weighted:)` and
/// `M_j = max_k m_jk` (the strongest tie of alter `j`),
/// `e_i = Σ_{j : m_ij > 0} (1 − Σ_q p_iq m_jq / M_j)`,
/// over successors ∪ predecessors (and `i` itself when it has a self-loop, as in NetworkX's
/// matrix formula). NaN for nodes without a neighbour other than themselves.
///
/// Which NetworkX numbers this equals: `nx.effective_size(G)` (all nodes, scipy installed) uses a
/// sparse-matrix form of this formula, but NetworkX 3.6.1 divides by the wrong axis there
/// (`m_jq / M_q` instead of `m_jq / M_j`; networkx PR #8906 fixes it). This function computes the
/// fixed matrix form, so it
/// - equals `nx.effective_size(G)` exactly on unweighted undirected graphs (all `M` are equal
///   there, so the bug is invisible);
/// - on weighted or directed graphs equals Burt's formula as NetworkX's per-node path computes it,
///   `nx.effective_size(G, nodes=list(G), weight=...)`, except where that path has quirks of
///   its own: it returns NaN for a directed node without out-edges, and handles self-loops
///   differently.
/// Borgatti's shortcut `n − 2t/n` (t = ties among the alters) is used by NetworkX only on that
/// per-node path (a `nodes` argument, or scipy missing) for undirected unweighted graphs; it
/// equals this value on graphs without self-loops (it counts alters' self-loops as ties).
///
/// - Parameters:
///   - g: the graph, directed or undirected.
///   - weighted: use tie strengths; otherwise every edge weighs 1.
/// - Returns: one value per node (NaN as above); `[]` for the empty graph.
/// - Complexity: O(V + Σ_v deg(v)²) time, O(V + E) memory.
///
/// Reference: R. S. Burt, *Structural Holes* (1992), doi:10.4159/9780674029095, ch. 2;
/// S. P. Borgatti, "Structural holes: Unpacking Burt's redundancy measures", Connections 20
/// (1997) 35–38. Equals `nx.effective_size(G, weight="weight" if weighted else None)` as
/// described above.
public func effectiveSize(_ g: CompactGraph, weighted: Bool) -> [Double] {
    let n = g.nodeCount
    if n == 0 { return [] }
    let mutual = MutualAdjacency(g, weighted: weighted)
    var result = [Double](repeating: .nan, count: n)
    var p = [Double](repeating: 0, count: n)
    mutual.start.withUnsafeBufferPointer { start in
        mutual.neighbours.withUnsafeBufferPointer { nbr in
            mutual.weights.withUnsafeBufferPointer { m in
                mutual.rowSum.withUnsafeBufferPointer { rowSum in
                    mutual.rowMax.withUnsafeBufferPointer { rowMax in
                        p.withUnsafeMutableBufferPointer { p in
                            for i in 0..<n {
                                let s = rowSum[i]
                                let lo = start[i], hi = start[i + 1]
                                if s == 0 { continue }
                                var diagonal = 0.0
                                var normalisedSum = 0.0
                                for e in lo..<hi {
                                    let value = m[e] / s
                                    p[Int(nbr[e])] = value
                                    normalisedSum += value
                                    if Int(nbr[e]) == i { diagonal = value }
                                }
                                if normalisedSum - diagonal != 0 {
                                    var size = 0.0
                                    for e in lo..<hi {
                                        let j = Int(nbr[e])
                                        let mj = rowMax[j]
                                        var redundancy = 0.0
                                        for f in start[j]..<start[j + 1] {
                                            redundancy += p[Int(nbr[f])] * (m[f] / mj)
                                        }
                                        size += 1 - redundancy
                                    }
                                    result[i] = size
                                }
                                for e in lo..<hi { p[Int(nbr[e])] = 0 }
                            }
                        }
                    }
                }
            }
        }
    }
    return result
}

/// Symmetric mutual-weight adjacency `m_ij = a_ij + a_ji` over successors ∪ predecessors.
private struct MutualAdjacency {
    var start: [Int]
    var neighbours: [Int32]
    var weights: [Double]
    var rowSum: [Double]
    var rowMax: [Double]

    init(_ g: CompactGraph, weighted: Bool) {
        let n = g.nodeCount
        let useWeights = weighted && g.isWeighted
        start = [Int](repeating: 0, count: n + 1)
        neighbours = []
        weights = []
        neighbours.reserveCapacity(g.outNeighbours.count + g.inNeighbours.count)
        weights.reserveCapacity(g.outNeighbours.count + g.inNeighbours.count)
        rowSum = [Double](repeating: 0, count: n)
        rowMax = [Double](repeating: 0, count: n)
        let outW = g.outStrengths, inW = g.inStrengths
        for u in 0..<n {
            // Merge the sorted out-row and in-row; an undirected row merges with itself (2w).
            var a = Int(g.outStart[u]), b = Int(g.inStart[u])
            let aEnd = Int(g.outStart[u + 1]), bEnd = Int(g.inStart[u + 1])
            var sum = 0.0, largest = 0.0
            while a < aEnd || b < bEnd {
                let va = a < aEnd ? g.outNeighbours[a] : Int32.max
                let vb = b < bEnd ? g.inNeighbours[b] : Int32.max
                let v = min(va, vb)
                var w = 0.0
                if va == v { w += useWeights ? outW![a] : 1; a += 1 }
                if vb == v { w += useWeights ? inW![b] : 1; b += 1 }
                neighbours.append(v)
                weights.append(w)
                sum += w
                largest = max(largest, w)
            }
            start[u + 1] = neighbours.count
            rowSum[u] = sum
            rowMax[u] = largest
        }
    }
}
