import PartnerGraphKernels

/// One value attached to one edge of a `CompactGraph`.
public struct EdgeValue: Sendable, Equatable {
    /// The edge's source node (the smaller endpoint on undirected graphs).
    public var source: Int
    /// The edge's target node (the larger endpoint on undirected graphs).
    public var target: Int
    /// The value.
    public var value: Double

    /// Creates an entry for edge `(source, target)` with `value`.
    public init(source: Int, target: Int, value: Double) {
        self.source = source
        self.target = target
        self.value = value
    }
}

/// The result of `edgeBetweennessCentrality`: one entry per edge.
///
/// Order: CSR order. Directed graphs list every arc `(u, v)` sorted by `u`, then `v` (the order
/// of `outNeighbours`). Undirected graphs list every edge once as `(u, v)` with `u <= v`, sorted
/// by `u`, then `v`. Self-loops are listed (their value is always 0, as in NetworkX).
public struct EdgeBetweennessResult: Sendable, Equatable {
    /// Whether the graph was directed (edges are arcs) or undirected (edges listed once, `source <= target`).
    public var isDirected: Bool
    /// The edges with their betweenness, in the order described above.
    public var edges: [EdgeValue]

    /// Creates a result from edges already in the documented order.
    public init(isDirected: Bool, edges: [EdgeValue]) {
        self.isDirected = isDirected
        self.edges = edges
    }

    /// The value of edge `(source, target)` (either orientation on undirected graphs), or nil
    /// when there is no such edge. O(log E) by binary search.
    public func value(source: Int, target: Int) -> Double? {
        isDirected ? find(source, target) : find(min(source, target), max(source, target))
    }

    private func find(_ s: Int, _ t: Int) -> Double? {
        var lo = 0, hi = edges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let e = edges[mid]
            if (e.source, e.target) < (s, t) { lo = mid + 1 } else { hi = mid }
        }
        if lo < edges.count, edges[lo].source == s, edges[lo].target == t { return edges[lo].value }
        return nil
    }
}

/// Shortest-path betweenness centrality of every edge (Brandes' exact algorithm).
///
/// Definition (NetworkX's): `B(e) = Σ_{s, t} σ(s, t | e) / σ(s, t)` over pairs of distinct nodes,
/// where `σ(s, t | e)` is the number of shortest `s`–`t` paths using edge `e` (ordered pairs on
/// directed graphs, unordered on undirected graphs). Shortest paths count edges, or sum
/// `outLengths` when `weighted`. Normalisation follows NetworkX's `_rescale` with endpoints
/// included, which differs from node betweenness: with `normalized`, values are divided by
/// `n (n - 1)` on directed **and** undirected graphs (the undirected sum is over ordered pairs,
/// so undirected values are half of "pairs through e / number of unordered pairs"); without it,
/// undirected values are halved ordered-pair sums, directed values are raw; nothing is rescaled
/// when `n < 2`.
///
/// - Parameters:
///   - g: the graph.
///   - weighted: use the edge lengths (`weighted: true` on an unweighted graph counts edges).
///   - normalized: divide by `n (n - 1)` (see above).
///   - maxThreads: number of worker threads; 0 (default) uses every active core. The result
///     does not depend on it (sources are summed in up to 16 fixed lanes, in a fixed order).
/// - Returns: one `EdgeValue` per edge, in the order documented on `EdgeBetweennessResult`.
/// - Complexity: O(V E) unweighted; O(V E + V² log V) weighted; O(V) memory per thread and O(E) per lane (up to 16 lanes).
/// - Reference: U. Brandes, "On variants of shortest-path betweenness centrality and their
///   generic computation", Social Networks 30(2), 2008, doi:10.1016/j.socnet.2007.11.001;
///   M. Girvan, M. E. J. Newman, "Community structure in social and biological networks",
///   PNAS 99(12), 2002, doi:10.1073/pnas.122653799. Equals
///   `nx.edge_betweenness_centrality(G, normalized=normalized, weight="weight" if weighted else None)`.
public func edgeBetweennessCentrality(_ g: CompactGraph, weighted: Bool, normalized: Bool = true,
                                      maxThreads: Int = 0) -> EdgeBetweennessResult {
    let progress = AlgorithmProgress.current
    let n = g.nodeCount
    let arcs = g.outNeighbours.count
    if n == 0 { return EdgeBetweennessResult(isDirected: g.isDirected, edges: []) }
    let useWeights = weighted && g.isWeighted
    let local = ShortestPaths.LocalGraph(g, incoming: false, weighted: useWeights)

    let lanes = accumulationLaneCount(width: arcs, sources: n)
    let workers = g.workerCount(maxThreads: maxThreads, tasks: lanes, searches: n)
    let partial = Scratch<Double>(repeating: 0, count: lanes * arcs)
    let shared = SharedPointer(pointer: partial.pointer)

    local.withRows { rows in
        parallelTasks(workers: workers, tasks: lanes) { _, take in
            var ws = Brandes.Workspace(nodeCount: n, weighted: useWeights)
            while let lane = take() {
                let eb = shared.pointer + lane * arcs
                var s = lane
                while s < n {
                    if useWeights {
                        let count = ws.forwardDijkstra(rows, source: s)
                        ws.accumulateEdgesWeighted(rows, count: count, into: eb)
                        ws.resetWeighted(count)
                    } else {
                        let (count, levels) = ws.forwardBFS(rows, source: s)
                        ws.accumulateEdgesBFS(rows, levels: levels, into: eb)
                        ws.resetBFS(count)
                    }
                    s += lanes
                    progress?.advance(1, of: n)
                }
            }
        }
    }

    // Sum the lanes into original CSR positions.
    var perArc = [Double](repeating: 0, count: arcs)
    for lane in 0..<lanes {
        let p = partial.pointer + lane * arcs
        for k in 0..<arcs { perArc[Int(local.originalPosition[k])] += p[k] }
    }

    // NetworkX `_rescale(..., endpoints=True)`: N = n.
    var scale = 1.0
    if n >= 2 {
        let bigN = Double(n)
        scale = normalized ? 1 / (bigN * (bigN - 1)) : (g.isDirected ? 1 : 0.5)
    }

    var edges: [EdgeValue] = []
    edges.reserveCapacity(g.edgeCount)
    for u in 0..<n {
        for k in g.outRange(u) {
            let v = Int(g.outNeighbours[k])
            if g.isDirected {
                edges.append(EdgeValue(source: u, target: v, value: perArc[k] * scale))
            } else if v >= u {
                var total = perArc[k]
                if v != u {
                    // The opposite arc (v, u), which an undirected row always holds.
                    total += perArc[g.outPosition(from: v, to: u)!]
                }
                edges.append(EdgeValue(source: u, target: v, value: total * scale))
            }
        }
    }
    return EdgeBetweennessResult(isDirected: g.isDirected, edges: edges)
}

extension Brandes.Workspace {
    /// Edge dependency accumulation after `forwardBFS`: arc `(v, w)` with `w` a successor of `v`
    /// gets `σ(v) (1 + δ(w)) / σ(w)`. Same level scheme as `accumulateBFS` (coefficients are
    /// non-zero only on the level below the one being summed), but level 0 — the source — is
    /// summed too. Leaves `coefficient` all zero.
    @inline(__always)
    func accumulateEdgesBFS(_ rows: CSRRows, levels: Int, into eb: UnsafeMutablePointer<Double>) {
        let start = rows.start.baseAddress!, nb = rows.neighbours.baseAddress
        let sigma = self.sigma.pointer, order = self.order.pointer, coef = self.coefficient.pointer
        let levelStart = self.levelStart.pointer, pending = self.pending.pointer
        var level = levels - 1
        while level >= 0 {
            let lo = Int(levelStart[level]), hi = Int(levelStart[level + 1])
            if level < levels - 1 {
                for idx in lo..<hi {
                    let v = Int(order[idx])
                    let sv = sigma[v]
                    var sum = 0.0
                    var k = Int(start[v])
                    let end = Int(start[v + 1])
                    while k < end {
                        let c = coef[Int(nb.unsafelyUnwrapped[k])]
                        eb[k] += sv * c
                        sum += c
                        k &+= 1
                    }
                    pending[idx] = sum
                }
                let deeperEnd = Int(levelStart[level + 2])
                for idx in hi..<deeperEnd { coef[Int(order[idx])] = 0 }
            } else {
                for idx in lo..<hi { pending[idx] = 0 }
            }
            if level == 0 { break }
            for idx in lo..<hi {
                let v = Int(order[idx])
                let sv = sigma[v]
                coef[v] = (1 + sv * pending[idx]) / sv
            }
            level -= 1
        }
        // Level 0 was summed but not published; level 1's coefficients were cleared above when
        // levels > 1.
    }

    /// Edge dependency accumulation after `forwardDijkstra`; `w` succeeds `v` when
    /// d(v) + ℓ(v, w) == d(w) (the exact comparison NetworkX makes).
    @inline(__always)
    func accumulateEdgesWeighted(_ rows: CSRRows, count: Int, into eb: UnsafeMutablePointer<Double>) {
        let start = rows.start.baseAddress!, nb = rows.neighbours.baseAddress, len = rows.lengths.baseAddress
        let dist = distance.pointer, sigma = self.sigma.pointer, order = self.order.pointer
        let coef = self.coefficient.pointer
        var i = count - 1
        while i >= 0 {
            let v = Int(order[i])
            let dv = dist[v]
            let sv = sigma[v]
            var sum = 0.0
            for k in Int(start[v])..<Int(start[v + 1]) {
                let w = Int(nb.unsafelyUnwrapped[k])
                if dv + len.unsafelyUnwrapped[k] == dist[w] {
                    let c = coef[w]
                    eb[k] += sv * c
                    sum += c
                }
            }
            coef[v] = (1 + sv * sum) / sv
            i -= 1
        }
    }
}
