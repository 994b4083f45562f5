import PartnerGraphKernels

/// Shortest-path betweenness centrality of every node (Brandes' exact algorithm).
///
/// Definition (NetworkX's): `B(v) = Σ_{s, t} σ(s, t | v) / σ(s, t)` over pairs of distinct nodes
/// `s != v != t` (with `endpoints`, also the pairs where `v` is `s` or `t`), where `σ(s, t)` is
/// the number of shortest `s`–`t` paths and `σ(s, t | v)` the number through `v`. Directed graphs
/// count ordered pairs, undirected graphs unordered pairs. Shortest paths count edges, or sum
/// `outLengths` when `weighted` (lengths compared exactly, as NetworkX does); self-loops never
/// lie on a shortest path. Rescaling follows NetworkX's `_rescale`: with `N = n - 1` (`n` with
/// endpoints) and `normalized`, values are divided by `N (N - 1)` for directed graphs and
/// `N (N - 1) / 2` for undirected graphs; unnormalised undirected values are halved sums over
/// ordered pairs; nothing is rescaled when `N < 2`.
///
/// With `sources` (NetworkX's `k` sampling, `k = sources.count`), only paths starting at the
/// given sources are counted and the sum is inflated exactly as NetworkX does: with `endpoints`
/// by `N / k` (normalised: `1 / (k (N - 1))`); without endpoints a node that is itself a source
/// is scaled by `N / (k - 1)` (normalised `1 / ((k - 1)(N - 1))`) and any other node by `N / k`
/// (normalised `1 / (k (N - 1))`), halved when undirected and unnormalised. As in NetworkX, a
/// source node gets NaN when `k == 1` and `endpoints` is false; `sources` listing every node
/// equals the exact computation.
///
/// - Parameters:
///   - g: the graph.
///   - weighted: use the edge lengths (`weighted: true` on an unweighted graph counts edges).
///   - normalized: divide by the number of pairs (see above).
///   - endpoints: count the endpoints of each path as lying on it.
///   - sources: restrict to paths from these distinct nodes (sampling); nil for all nodes.
///   - maxThreads: number of worker threads; 0 (default) uses every active core. The result
///     does not depend on it (sources are summed in 16 fixed lanes, in a fixed order).
/// - Returns: the betweenness of each node, indexed by node.
/// - Throws: `AlgorithmError.invalidParameter` when `sources` is empty, repeats a node or names
///   a node outside the graph.
/// - Complexity: O(V E) unweighted; O(V E + V² log V) weighted; O(V) memory per thread and
///   per lane (no predecessor lists: the accumulation re-scans out-rows).
/// - Reference: U. Brandes, "A faster algorithm for betweenness centrality", Journal of
///   Mathematical Sociology 25(2), 2001, doi:10.1080/0022250X.2001.9990249; U. Brandes, "On
///   variants of shortest-path betweenness centrality and their generic computation", Social
///   Networks 30(2), 2008, doi:10.1016/j.socnet.2007.11.001. Equals
///   `nx.betweenness_centrality(G, normalized=normalized, weight="weight" if weighted else None,
///   endpoints=endpoints)`; with `sources`, NetworkX's `k=len(sources)` with those nodes sampled.
public func betweennessCentrality(_ g: CompactGraph, weighted: Bool, normalized: Bool = true,
                                  endpoints: Bool = false, sources: [Int]? = nil,
                                  maxThreads: Int = 0) throws -> [Double] {
    let progress = AlgorithmProgress.current
    let n = g.nodeCount
    var isSource: [Bool]? = nil
    if let sources {
        guard !sources.isEmpty else {
            throw AlgorithmError.invalidParameter(name: "sources", reason: "at least one source is needed")
        }
        var seen = [Bool](repeating: false, count: n)
        for s in sources {
            guard s >= 0 && s < n else {
                throw AlgorithmError.invalidParameter(name: "sources", reason: "\(s) is not a node of a graph with \(n) nodes")
            }
            guard !seen[s] else {
                throw AlgorithmError.invalidParameter(name: "sources", reason: "node \(s) is listed twice")
            }
            seen[s] = true
        }
        // NetworkX: `if k == len(G): k = None` (all nodes are sources: exact computation).
        if sources.count < n { isSource = seen }
    }
    if n == 0 { return [] }
    let useWeights = weighted && g.isWeighted
    let local = ShortestPaths.LocalGraph(g, incoming: false, weighted: useWeights)
    let sourceList: [Int32] = isSource != nil ? sources!.map { local.newIndex[$0] } : (0..<n).map { Int32($0) }

    let lanes = accumulationLaneCount(width: n, sources: sourceList.count)
    let workers = g.workerCount(maxThreads: maxThreads, tasks: lanes, searches: sourceList.count)
    let partial = Scratch<Double>(repeating: 0, count: lanes * n)
    let shared = SharedPointer(pointer: partial.pointer)

    local.withRows { rows in
        sourceList.withUnsafeBufferPointer { srcBuf in
            let src = SharedReadOnlyBuffer(buffer: srcBuf)
            parallelTasks(workers: workers, tasks: lanes) { _, take in
                var ws = Brandes.Workspace(nodeCount: n, weighted: useWeights)
                while let lane = take() {
                    let bc = shared.pointer + lane * n
                    var i = lane
                    while i < src.buffer.count {
                        let s = Int(src.buffer[i])
                        if useWeights {
                            let count = ws.forwardDijkstra(rows, source: s)
                            ws.accumulateWeighted(rows, source: s, count: count, into: bc, endpoints: endpoints)
                            ws.resetWeighted(count)
                        } else {
                            let (count, levels) = ws.forwardBFS(rows, source: s, undirected: !g.isDirected)
                            ws.accumulateBFS(rows, source: s, count: count, levels: levels, into: bc, endpoints: endpoints)
                            ws.resetBFS(count)
                        }
                        i += lanes
                        progress?.advance(1, of: src.buffer.count)
                    }
                }
            }
        }
    }

    var result = [Double](repeating: 0, count: n)
    for lane in 0..<lanes {
        let p = partial.pointer + lane * n
        for v in 0..<n { result[v] += p[Int(local.newIndex[v])] }
    }
    Brandes.rescale(&result, nodeCount: n, normalized: normalized, directed: g.isDirected,
                    endpoints: endpoints, sampleCount: isSource != nil ? sourceList.count : nil,
                    isSource: isSource)
    return result
}

/// Brandes' algorithm shared by node and edge betweenness: the per-worker workspace of the
/// forward searches and dependency accumulations, and NetworkX's rescaling.
enum Brandes {}

extension Brandes {
    /// NetworkX's `_rescale` from `networkx/algorithms/centrality/betweenness.py`, applied in place.
    /// `sampleCount` is `k` (nil when every node is a source); `isSource` flags the sampled nodes.
    static func rescale(_ values: inout [Double], nodeCount n: Int, normalized: Bool, directed: Bool,
                        endpoints: Bool, sampleCount k: Int?, isSource: [Bool]?) {
        let bigN = Double(endpoints ? n : n - 1)
        if bigN < 2 { return }
        let kSource = k.map(Double.init) ?? bigN
        let correction = directed ? 1.0 : 2.0
        if k == nil || endpoints {
            let scale = normalized ? 1 / (kSource * (bigN - 1)) : bigN / (kSource * correction)
            if scale != 1 {
                for v in values.indices { values[v] *= scale }
            }
            return
        }
        let scaleSource: Double, scaleOther: Double
        if normalized {
            scaleSource = kSource > 1 ? 1 / ((kSource - 1) * (bigN - 1)) : .nan
            scaleOther = 1 / (kSource * (bigN - 1))
        } else {
            scaleSource = kSource > 1 ? bigN / ((kSource - 1) * correction) : .nan
            scaleOther = bigN / (kSource * correction)
        }
        for v in values.indices {
            values[v] *= (isSource?[v] ?? false) ? scaleSource : scaleOther
        }
    }

    /// Per-worker scratch of Brandes' algorithm: O(V), reused across sources (only the nodes reached
    /// from a source are reset afterwards). Its memory frees itself.
    struct Workspace: ~Copyable {
        /// Nodes in BFS / settling order (Brandes' stack S).
        let order: Scratch<Int32>
        /// Dijkstra distance, infinity when unreached (weighted).
        let distance: Scratch<Double>
        /// Number of shortest paths from the source.
        let sigma: Scratch<Double>
        /// `(1 + δ(w)) / σ(w)` of each finished node `w`, read by its predecessors.
        let coefficient: Scratch<Double>
        /// Start of each BFS level in `order` (unweighted).
        let levelStart: Scratch<Int32>
        /// The sum of successor coefficients of `order[i]`, before its level is published (unweighted).
        let pending: Scratch<Double>
        var heap: IndexedHeap

        init(nodeCount n: Int, weighted: Bool) {
            let cap = max(n, 1)
            // The branch-free BFS stores one entry past the last reached node.
            order = Scratch(uninitializedCount: cap + 1)
            distance = Scratch(repeating: .infinity, count: cap)
            sigma = Scratch(repeating: 0, count: cap)
            coefficient = Scratch(repeating: 0, count: cap)
            levelStart = Scratch(uninitializedCount: cap + 2)
            pending = Scratch(uninitializedCount: cap)
            heap = IndexedHeap(nodeCount: weighted ? n : 0)
        }

        /// BFS from `source` counting shortest paths, level by level; returns the number of nodes
        /// reached and the number of levels, leaving the level boundaries in `levelStart` (level `L`
        /// is `order[levelStart[L]..<levelStart[L + 1]]`). No depth array: σ is 0 on unreached
        /// nodes, positive on finished levels and negative (−σ) on the level being discovered, so
        /// each arc costs one load and one store of σ(w) and no unpredictable branch. Requires σ = 0
        /// on every node beforehand.
        ///
        /// On an undirected graph (`undirected`, rows symmetric) a level whose frontier has more arcs
        /// than the unreached nodes have, plus n / 4 for a scan of all nodes, is found bottom-up: an
        /// unreached node's reached neighbours can only lie on the frontier (a neighbour on an earlier
        /// level would have reached it earlier), so its σ is the plain sum of σ over all its
        /// neighbours — a gather, without stores per arc. The new σ are written after the scan. On
        /// small-world graphs this takes the one or two widest levels, most of the arcs. Path counts
        /// are exact in doubles below 2⁵³, so σ is the same either way.
        @inline(__always)
        func forwardBFS(_ rows: CSRRows, source: Int, undirected: Bool = false) -> (count: Int, levels: Int) {
            let start = rows.start.baseAddress!, nb = rows.neighbours.baseAddress
            let sigma = self.sigma.pointer, order = self.order.pointer, levelStart = self.levelStart.pointer
            let found = self.pending.pointer
            let n = rows.start.count - 1
            sigma[source] = 1
            order[0] = Int32(source)
            levelStart[0] = 0
            var lo = 0, hi = 1, tail = 1, levels = 0
            // Arcs of the frontier and of the nodes not reached yet.
            var frontierArcs = Int(start[source + 1] - start[source])
            var unreachedArcs = Int(start[n]) - frontierArcs
            while lo < hi {
                if undirected && n / 4 + unreachedArcs < frontierArcs {
                    for w in 0..<n where sigma[w] == 0 {
                        let sum = gatherRowSum(sigma, nb.unsafelyUnwrapped, Int(start[w]), Int(start[w + 1]))
                        found[tail] = sum
                        order[tail] = Int32(w)
                        tail &+= sum != 0 ? 1 : 0
                    }
                    frontierArcs = 0
                    for idx in hi..<tail {
                        let w = Int(order[idx])
                        sigma[w] = found[idx]
                        frontierArcs += Int(start[w + 1] - start[w])
                    }
                } else {
                    for idx in lo..<hi {
                        let v = Int(order[idx])
                        let svBits = sigma[v].bitPattern
                        var k = Int(start[v])
                        let end = Int(start[v + 1])
                        while k < end {
                            let w32 = nb.unsafelyUnwrapped[k]
                            let w = Int(w32)
                            // Bit arithmetic instead of comparisons, so that the compiler emits no
                            // branch: σ(w) is never -0.0, so `bits - 1 < 0` (signed) ⟺ σ(w) <= 0,
                            // and `(bits | -bits) >> 63 == 0` ⟺ σ(w) == 0.
                            let bits = sigma[w].bitPattern
                            order[tail] = w32
                            tail &+= Int(truncatingIfNeeded: ((bits | (0 &- bits)) >> 63) ^ 1)
                            let mask = UInt64(bitPattern: (Int64(bitPattern: bits) &- 1) >> 63)
                            sigma[w] = Double(bitPattern: bits) - Double(bitPattern: svBits & mask)
                            k &+= 1
                        }
                    }
                    frontierArcs = 0
                    for idx in hi..<tail {
                        let w = Int(order[idx])
                        sigma[w] = -sigma[w]
                        frontierArcs += Int(start[w + 1] - start[w])
                    }
                }
                unreachedArcs -= frontierArcs
                levels += 1
                levelStart[levels] = Int32(hi)
                lo = hi
                hi = tail
            }
            // levelStart[levels] == count: levels 0..<levels are non-empty.
            return (tail, levels)
        }

        /// Dependency accumulation after `forwardBFS`, level by level from the deepest:
        /// δ(v) = σ(v) Σ_{w succ of v} (1 + δ(w)) / σ(w). While level `L` is summed, `coefficient`
        /// is non-zero only on level `L + 1`, so the inner loop sums every neighbour's coefficient
        /// without testing depths. Leaves `coefficient` all zero.
        @inline(__always)
        func accumulateBFS(_ rows: CSRRows, source: Int, count: Int, levels: Int,
                           into bc: UnsafeMutablePointer<Double>, endpoints: Bool) {
            let start = rows.start.baseAddress!, nb = rows.neighbours.baseAddress
            let sigma = self.sigma.pointer, order = self.order.pointer, coef = self.coefficient.pointer
            let levelStart = self.levelStart.pointer, pending = self.pending.pointer
            if endpoints { bc[source] += Double(count - 1) }
            let extra = endpoints ? 1.0 : 0.0
            // Level `levels - 1` is the deepest non-empty level: no successors, δ = 0.
            var level = levels - 1
            while level >= 1 {
                let lo = Int(levelStart[level]), hi = Int(levelStart[level + 1])
                if level < levels - 1 {
                    for idx in lo..<hi {
                        let v = Int(order[idx])
                        pending[idx] = gatherRowSum(coef, nb.unsafelyUnwrapped, Int(start[v]), Int(start[v + 1]))
                    }
                    let deeperEnd = Int(levelStart[level + 2])
                    for idx in hi..<deeperEnd { coef[Int(order[idx])] = 0 }
                } else {
                    for idx in lo..<hi { pending[idx] = 0 }
                }
                for idx in lo..<hi {
                    let v = Int(order[idx])
                    let sv = sigma[v]
                    let delta = sv * pending[idx]
                    bc[v] += delta + extra
                    coef[v] = (1 + delta) / sv
                }
                level -= 1
            }
            if levels > 1 {
                for idx in Int(levelStart[1])..<Int(levelStart[2]) { coef[Int(order[idx])] = 0 }
            }
        }

        func resetBFS(_ count: Int) {
            for i in 0..<count { sigma[Int(order[i])] = 0 }
        }

        /// Dijkstra from `source` counting shortest paths (exact length comparison, as NetworkX);
        /// returns the number of nodes settled.
        @inline(__always)
        mutating func forwardDijkstra(_ rows: CSRRows, source: Int) -> Int {
            let start = rows.start.baseAddress!, nb = rows.neighbours.baseAddress, len = rows.lengths.baseAddress
            let dist = distance.pointer, sigma = self.sigma.pointer, order = self.order.pointer
            dist[source] = 0
            sigma[source] = 1
            heap.pushOrDecrease(Int32(source), keys: dist)
            var settled = 0
            while heap.count > 0 {
                let v = Int(heap.popMin(keys: dist))
                order[settled] = Int32(v)
                settled += 1
                let dv = dist[v]
                let sv = sigma[v]
                for k in Int(start[v])..<Int(start[v + 1]) {
                    let w = Int(nb.unsafelyUnwrapped[k])
                    let alt = dv + len.unsafelyUnwrapped[k]
                    let dw = dist[w]
                    if alt < dw {
                        dist[w] = alt
                        sigma[w] = sv
                        heap.pushOrDecrease(Int32(w), keys: dist)
                    } else if alt == dw {
                        sigma[w] += sv
                    }
                }
            }
            return settled
        }

        /// Dependency accumulation after `forwardDijkstra`; `w` succeeds `v` when d(v) + ℓ(v, w) == d(w).
        @inline(__always)
        func accumulateWeighted(_ rows: CSRRows, source: Int, count: Int,
                                into bc: UnsafeMutablePointer<Double>, endpoints: Bool) {
            let start = rows.start.baseAddress!, nb = rows.neighbours.baseAddress, len = rows.lengths.baseAddress
            let dist = distance.pointer, sigma = self.sigma.pointer, order = self.order.pointer
            let coef = self.coefficient.pointer
            if endpoints { bc[source] += Double(count - 1) }
            let extra = endpoints ? 1.0 : 0.0
            var i = count - 1
            while i >= 1 {
                let v = Int(order[i])
                let dv = dist[v]
                var sum = 0.0
                for k in Int(start[v])..<Int(start[v + 1]) {
                    let w = Int(nb.unsafelyUnwrapped[k])
                    if dv + len.unsafelyUnwrapped[k] == dist[w] { sum += coef[w] }
                }
                let sv = sigma[v]
                let delta = sv * sum
                bc[v] += delta + extra
                coef[v] = (1 + delta) / sv
                i -= 1
            }
        }

        func resetWeighted(_ count: Int) {
            for i in 0..<count {
                let v = Int(order[i])
                distance[v] = .infinity
                sigma[v] = 0
            }
        }
    }
}
