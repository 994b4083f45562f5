import Dispatch
import PartnerGraphKernels
import Foundation

/// Which edges a path search follows.
public enum PathDirection: String, Sendable, CaseIterable {
    /// Follow out-edges: distances from the source to every node (`nx.shortest_path_length(G, s)`).
    case outgoing
    /// Follow in-edges: distances from every node to the source
    /// (`nx.shortest_path_length(G.reverse(), s)`). Same as `.outgoing` on undirected graphs.
    case incoming
}

/// Single-source shortest path lengths: the distance from `source` to every node.
///
/// Definition: `d(source, v)` is the smallest number of edges (unweighted) or the smallest sum of
/// edge lengths (weighted, `CompactGraph.outLengths`/`inLengths`) over all paths from `source`
/// to `v` following out-edges (`.outgoing`) or in-edges (`.incoming`, i.e. the distance from
/// `v` to `source`). `d(source, source) = 0` (self-loops are never shorter), unreachable nodes
/// get `.infinity`. Unweighted graphs use breadth-first search; weighted graphs use Dijkstra's
/// algorithm with a binary heap. `weighted: true` on an unweighted graph is the same as
/// `weighted: false` (every edge has length 1, as NetworkX does when the attribute is missing).
///
/// - Parameters:
///   - g: the graph.
///   - source: the node to measure from, in `0..<g.nodeCount`.
///   - weighted: whether to use the edge lengths.
///   - direction: follow out-edges (`.outgoing`, default) or in-edges (`.incoming`).
/// - Returns: the distances, indexed by node, `.infinity` for unreachable nodes.
/// - Throws: `AlgorithmError.invalidParameter` when `source` is not a node.
/// - Complexity: O(V + E) unweighted; O((V + E) log V) weighted.
/// - Reference: E. W. Dijkstra, "A note on two problems in connexion with graphs",
///   Numerische Mathematik 1, 1959, doi:10.1007/BF01386390. Equals
///   `nx.single_source_shortest_path_length(G, source)` (unweighted) and
///   `nx.single_source_dijkstra_path_length(G, source, weight=...)` (weighted) on `G`
///   (`.outgoing`) or `G.reverse()` (`.incoming`), with unreachable nodes as infinity.
public func shortestPathLengths(_ g: CompactGraph, from source: Int, weighted: Bool,
                                direction: PathDirection = .outgoing) throws -> [Double] {
    let n = g.nodeCount
    guard source >= 0 && source < n else {
        throw AlgorithmError.invalidParameter(name: "source", reason: "\(source) is not a node of a graph with \(n) nodes")
    }
    let useWeights = weighted && g.isWeighted
    var result = [Double](repeating: .infinity, count: n)
    g.withRows(incoming: direction == .incoming, weighted: useWeights) { rows in
        var ws = ShortestPaths.Workspace(nodeCount: n, weighted: useWeights)
        if useWeights {
            let reached = ws.dijkstra(rows, source: source)
            for i in 0..<reached {
                let v = Int(ws.order[i])
                result[v] = ws.distance[v]
            }
            ws.resetDijkstra(reached)
        } else {
            let reached = ws.bfs(rows, source: source)
            for i in 0..<reached {
                let v = Int(ws.order[i])
                result[v] = Double(ws.hops[v])
            }
            ws.resetBFS(reached)
        }
    }
    return result
}

/// The shared machinery of the distance measures (closeness, harmonic, betweenness, lengths):
/// per-source workspaces, the search run from every node, the degree-relabelled graph and the
/// multi-source BFS.
enum ShortestPaths {}

extension ShortestPaths {
    /// Per-worker scratch for plain single-source distance searches (closeness, harmonic, lengths).
    /// Its memory frees itself.
    struct Workspace: ~Copyable {
        /// Nodes in the order they were reached (BFS) or settled (Dijkstra).
        let order: Scratch<Int32>
        /// BFS hop counts, -1 when unreached (unweighted only).
        let hops: Scratch<Int32>
        /// Dijkstra distances, infinity when unreached (weighted only).
        let distance: Scratch<Double>
        var heap: IndexedHeap

        init(nodeCount n: Int, weighted: Bool) {
            let cap = max(n, 1)
            order = Scratch(uninitializedCount: cap)
            hops = Scratch(repeating: -1, count: cap)
            distance = Scratch(repeating: .infinity, count: cap)
            heap = IndexedHeap(nodeCount: weighted ? n : 0)
        }

        /// Breadth-first search from `source`; returns the number of nodes reached (listed in `order`).
        @inline(__always)
        func bfs(_ rows: CSRRows, source: Int) -> Int {
            let start = rows.start, nb = rows.neighbours, hops = self.hops.pointer, order = self.order.pointer
            hops[source] = 0
            order[0] = Int32(source)
            var head = 0, tail = 1
            while head < tail {
                let v = Int(order[head])
                head += 1
                let next = hops[v] + 1
                for k in Int(start[v])..<Int(start[v + 1]) {
                    let w = Int(nb[k])
                    if hops[w] < 0 {
                        hops[w] = next
                        order[tail] = Int32(w)
                        tail += 1
                    }
                }
            }
            return tail
        }

        func resetBFS(_ reached: Int) {
            for i in 0..<reached { hops[Int(order[i])] = -1 }
        }

        /// Dijkstra's algorithm from `source`; returns the number of nodes settled (listed in `order`).
        @inline(__always)
        mutating func dijkstra(_ rows: CSRRows, source: Int) -> Int {
            let start = rows.start, nb = rows.neighbours, len = rows.lengths
            let dist = distance.pointer, order = self.order.pointer
            dist[source] = 0
            heap.pushOrDecrease(Int32(source), keys: dist)
            var settled = 0
            while heap.count > 0 {
                let v = Int(heap.popMin(keys: dist))
                order[settled] = Int32(v)
                settled += 1
                let dv = dist[v]
                for k in Int(start[v])..<Int(start[v + 1]) {
                    let w = Int(nb[k])
                    let alt = dv + len[k]
                    if alt < dist[w] {
                        dist[w] = alt
                        heap.pushOrDecrease(Int32(w), keys: dist)
                    }
                }
            }
            return settled
        }

        func resetDijkstra(_ settled: Int) {
            for i in 0..<settled { distance[Int(order[i])] = .infinity }
        }
    }

    /// For every node `u`, runs one incoming (or outgoing) distance search from `u` and stores
    /// `value(u, workspace, reached)` at index `u`; in parallel over nodes. `reached` nodes are
    /// listed in `workspace.order` with their distance in `workspace.hops` (unweighted) or
    /// `workspace.distance` (weighted). Each node's value is computed by one worker alone, so the
    /// result does not depend on the number of threads.
    static func perNodeSearch(_ g: CompactGraph, weighted: Bool, incoming: Bool, maxThreads: Int,
                              _ value: @Sendable (Int, borrowing Workspace, Int) -> Double) -> [Double] {
        let progress = AlgorithmProgress.current
        let n = g.nodeCount
        if n == 0 { return [] }
        let useWeights = weighted && g.isWeighted
        var result = [Double](repeating: 0, count: n)
        let workers = g.workerCount(maxThreads: maxThreads, tasks: (n + 31) / 32, searches: n)
        result.withUnsafeMutableBufferPointer { out in
            let shared = SharedPointer(pointer: out.baseAddress!)
            g.withRows(incoming: incoming, weighted: useWeights) { rows in
                // Blocks of 32 nodes, handed out dynamically.
                parallelTasks(workers: workers, tasks: (n + 31) / 32) { _, take in
                    var ws = Workspace(nodeCount: n, weighted: useWeights)
                    while let block = take() {
                        for u in (block * 32)..<min(n, block * 32 + 32) {
                            if useWeights {
                                let reached = ws.dijkstra(rows, source: u)
                                shared.pointer[u] = value(u, ws, reached)
                                ws.resetDijkstra(reached)
                            } else {
                                let reached = ws.bfs(rows, source: u)
                                shared.pointer[u] = value(u, ws, reached)
                                ws.resetBFS(reached)
                            }
                        }
                        progress?.advance(min(n, block * 32 + 32) - block * 32, of: n)
                    }
                }
            }
        }
        return result
    }

    /// One direction of a graph relabelled by decreasing degree (ties by index), for cache locality:
    /// the few high-degree nodes that most arcs point to share a few cache lines. Node `v` of the
    /// original graph is `newIndex[v]` here; row entries keep their original order relative to the
    /// relabelled rows' contents (rows are not re-sorted), and `originalPosition[k]` is the index in
    /// the original `outNeighbours`/`inNeighbours` of entry `k`.
    struct LocalGraph: Sendable {
        let start: [Int32]
        let neighbours: [Int32]
        let lengths: [Double]
        let newIndex: [Int32]
        let oldIndex: [Int32]
        let originalPosition: [Int32]

        init(_ g: CompactGraph, incoming: Bool, weighted: Bool) {
            let n = g.nodeCount
            let srcStart = incoming ? g.inStart : g.outStart
            let srcNb = incoming ? g.inNeighbours : g.outNeighbours
            let srcLen: [Double] = weighted ? ((incoming ? g.inLengths : g.outLengths) ?? []) : []
            var degree = [Int32](repeating: 0, count: n)
            for v in 0..<n { degree[v] = srcStart[v + 1] - srcStart[v] }
            // Counting sort by decreasing degree, stable in node index.
            var maxDegree: Int32 = 0
            for d in degree where d > maxDegree { maxDegree = d }
            var bucket = [Int32](repeating: 0, count: Int(maxDegree) + 2)
            for d in degree { bucket[Int(maxDegree - d) + 1] += 1 }
            for i in 0..<Int(maxDegree) + 1 { bucket[i + 1] += bucket[i] }
            var old = [Int32](repeating: 0, count: n)
            var new = [Int32](repeating: 0, count: n)
            for v in 0..<n {
                let b = Int(maxDegree - degree[v])
                let at = Int(bucket[b])
                bucket[b] += 1
                old[at] = Int32(v)
                new[v] = Int32(at)
            }
            var st = [Int32](repeating: 0, count: n + 1)
            var nb = [Int32](repeating: 0, count: srcNb.count)
            var ln = [Double](repeating: 0, count: srcLen.count)
            var pos = [Int32](repeating: 0, count: srcNb.count)
            var fill = 0
            for i in 0..<n {
                let v = Int(old[i])
                st[i] = Int32(fill)
                for k in Int(srcStart[v])..<Int(srcStart[v + 1]) {
                    nb[fill] = new[Int(srcNb[k])]
                    if weighted { ln[fill] = srcLen[k] }
                    pos[fill] = Int32(k)
                    fill += 1
                }
            }
            st[n] = Int32(fill)
            start = st
            neighbours = nb
            lengths = ln
            newIndex = new
            oldIndex = old
            originalPosition = pos
        }

        func withRows<R>(_ body: (CSRRows) throws -> R) rethrows -> R {
            try start.withUnsafeBufferPointer { s in
                try neighbours.withUnsafeBufferPointer { nb in
                    try lengths.withUnsafeBufferPointer { ln in
                        try body(CSRRows(start: s, neighbours: nb, lengths: ln))
                    }
                }
            }
        }
    }

    /// Per-node totals of unweighted distances, from `multiSourceBFS`.
    struct DistanceTotals {
        /// Number of nodes reached, the node itself included.
        var reached: [Int]
        /// Sum of the distances to the reached nodes.
        var distanceSum: [Int]
        /// Sum of the reciprocal distances to the reached nodes other than the node itself.
        var reciprocalSum: [Double]
    }

    /// Unweighted distance totals from every node, by multi-source BFS: 64 sources at a time share
    /// one traversal, each node holding a 64-bit mask of the sources that have reached it, so every
    /// arc is scanned once per level per batch of 64 sources instead of once per source. Follows
    /// in-rows when `incoming` (distances to each node). Each batch is summed by one worker alone,
    /// so the result does not depend on the number of threads.
    ///
    /// - Complexity: O((V / 64) · D · (V + E) + V²/64 + Σ reached) for eccentricities at most D.
    /// - Reference: M. Then, M. Kaufmann, F. Chirigati, T.-A. Hoang-Vu, K. Pham, A. Kemper,
    ///   T. Neumann, H. T. Vo, "The more the merrier: efficient multi-source graph traversal",
    ///   PVLDB 8(4), 2014, doi:10.14778/2735496.2735507.
    static func multiSourceBFS(_ g: CompactGraph, incoming: Bool, maxThreads: Int) -> DistanceTotals {
        let progress = AlgorithmProgress.current
        let n = g.nodeCount
        var totals = DistanceTotals(reached: [Int](repeating: 0, count: n),
                                    distanceSum: [Int](repeating: 0, count: n),
                                    reciprocalSum: [Double](repeating: 0, count: n))
        if n == 0 { return totals }
        let local = LocalGraph(g, incoming: incoming, weighted: false)
        let batches = (n + 63) / 64
        let workers = g.workerCount(maxThreads: maxThreads, tasks: batches, searches: batches * 8)
        // Results indexed by relabelled node.
        let reached = Scratch<Int>(uninitializedCount: n)
        let distanceSum = Scratch<Int>(uninitializedCount: n)
        let reciprocalSum = Scratch<Double>(uninitializedCount: n)
        let outReached = SharedPointer(pointer: reached.pointer)
        let outDistance = SharedPointer(pointer: distanceSum.pointer)
        let outReciprocal = SharedPointer(pointer: reciprocalSum.pointer)

        local.withRows { rows in
            parallelTasks(workers: workers, tasks: batches) { _, take in
                let start = rows.start.baseAddress!, nb = rows.neighbours.baseAddress
                let seen = Scratch<UInt64>(repeating: 0, count: n)
                let frontier = Scratch<UInt64>(repeating: 0, count: n)
                let next = Scratch<UInt64>(repeating: 0, count: n)
                /// Nodes with a non-empty frontier.
                let active = Scratch<Int32>(uninitializedCount: n)
                var count = [Int](repeating: 0, count: 64)
                var dsum = [Int](repeating: 0, count: 64)
                var rsum = [Double](repeating: 0, count: 64)
                while let batch = take() {
                    let first = batch * 64
                    let size = min(64, n - first)
                    var activeCount = 0
                    for i in 0..<size {
                        let s = first + i
                        seen[s] = 1 << UInt64(i)
                        frontier[s] = 1 << UInt64(i)
                        active[activeCount] = Int32(s)
                        activeCount += 1
                        count[i] = 1
                        dsum[i] = 0
                        rsum[i] = 0
                    }
                    var level = 0
                    while activeCount > 0 {
                        level += 1
                        let reciprocal = 1 / Double(level)
                        // Push the frontier masks along the rows into `next`.
                        for a in 0..<activeCount {
                            let v = Int(active[a])
                            let f = frontier[v]
                            frontier[v] = 0
                            var k = Int(start[v])
                            let end = Int(start[v + 1])
                            while k < end {
                                next[Int(nb.unsafelyUnwrapped[k])] |= f
                                k &+= 1
                            }
                        }
                        // Merge (dense): bits not seen before become the frontier; count them per source.
                        activeCount = 0
                        for w in 0..<n {
                            let nx = next[w]
                            if nx == 0 { continue }
                            next[w] = 0
                            let fresh = nx & ~seen[w]
                            if fresh == 0 { continue }
                            seen[w] |= fresh
                            frontier[w] = fresh
                            active[activeCount] = Int32(w)
                            activeCount += 1
                            var bits = fresh
                            while bits != 0 {
                                let i = bits.trailingZeroBitCount
                                bits &= bits &- 1
                                count[i] += 1
                                dsum[i] += level
                                rsum[i] += reciprocal
                            }
                        }
                    }
                    for w in 0..<n { seen[w] = 0 }
                    for i in 0..<size {
                        outReached.pointer[first + i] = count[i]
                        outDistance.pointer[first + i] = dsum[i]
                        outReciprocal.pointer[first + i] = rsum[i]
                    }
                    progress?.advance(size, of: n)
                }
            }
        }
        for v in 0..<n {
            let l = Int(local.newIndex[v])
            totals.reached[v] = reached[l]
            totals.distanceSum[v] = distanceSum[l]
            totals.reciprocalSum[v] = reciprocalSum[l]
        }
        return totals
    }
}
