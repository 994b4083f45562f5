import Dispatch
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
    let useWeights = weighted && g.outLengths != nil
    var result = [Double](repeating: .infinity, count: n)
    pathsWithRows(g, incoming: direction == .incoming, weighted: useWeights) { rows in
        var ws = PathsSSSPWorkspace(nodeCount: n, weighted: useWeights)
        defer { ws.deallocate() }
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

// MARK: - Shared machinery of the path-based measures (prefixed `paths` / `Paths`).

/// The CSR rows of one direction of a graph as raw buffers, valid inside `pathsWithRows`.
struct PathsRows: @unchecked Sendable {
    let start: UnsafeBufferPointer<Int32>
    let neighbours: UnsafeBufferPointer<Int32>
    /// Empty when unweighted.
    let lengths: UnsafeBufferPointer<Double>
}

/// Calls `body` with the out-rows (or in-rows) of `g` as raw buffers.
func pathsWithRows<R>(_ g: CompactGraph, incoming: Bool, weighted: Bool,
                      _ body: (PathsRows) throws -> R) rethrows -> R {
    let start = incoming ? g.inStart : g.outStart
    let neighbours = incoming ? g.inNeighbours : g.outNeighbours
    let lengths: [Double] = weighted ? ((incoming ? g.inLengths : g.outLengths) ?? []) : []
    return try start.withUnsafeBufferPointer { s in
        try neighbours.withUnsafeBufferPointer { nb in
            try lengths.withUnsafeBufferPointer { ln in
                try body(PathsRows(start: s, neighbours: nb, lengths: ln))
            }
        }
    }
}

/// A raw pointer that may be shared by the workers of `pathsParallel` (each writes its own part).
struct PathsShared<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
}

/// A read-only buffer that may be shared by the workers of `pathsParallel`.
struct PathsReadOnly<T>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>
}

/// How many workers to use for `tasks` independent searches on `g`: `maxThreads` (0 = every
/// active core), never more than `tasks`, and 1 for work too small to be worth a thread.
func pathsWorkerCount(maxThreads: Int, tasks: Int, graph g: CompactGraph) -> Int {
    let cores = maxThreads > 0 ? maxThreads : ProcessInfo.processInfo.activeProcessorCount
    let work = Double(tasks) * Double(g.nodeCount + g.outNeighbours.count)
    if work < 200_000 { return 1 }
    return max(1, min(cores, tasks))
}

/// Runs `body(worker)` for `worker` in `0..<workers`, in parallel when `workers > 1`.
func pathsParallel(workers: Int, _ body: @Sendable (Int) -> Void) {
    if workers <= 1 {
        body(0)
    } else {
        DispatchQueue.concurrentPerform(iterations: workers, execute: body)
    }
}

/// An indexed binary min-heap of nodes keyed by an external distance array.
struct PathsHeap {
    let items: UnsafeMutablePointer<Int32>
    /// Position of each node in `items`, -1 when absent.
    let position: UnsafeMutablePointer<Int32>
    var count = 0

    init(nodeCount n: Int) {
        items = .allocate(capacity: max(n, 1))
        position = .allocate(capacity: max(n, 1))
        position.initialize(repeating: -1, count: max(n, 1))
    }

    func deallocate() {
        items.deallocate()
        position.deallocate()
    }

    @inline(__always)
    mutating func pushOrDecrease(_ v: Int32, keys: UnsafeMutablePointer<Double>) {
        var i = Int(position[Int(v)])
        if i < 0 {
            i = count
            count += 1
        }
        let key = keys[Int(v)]
        while i > 0 {
            let parent = (i - 1) >> 1
            let p = items[parent]
            if keys[Int(p)] <= key { break }
            items[i] = p
            position[Int(p)] = Int32(i)
            i = parent
        }
        items[i] = v
        position[Int(v)] = Int32(i)
    }

    @inline(__always)
    mutating func popMin(keys: UnsafeMutablePointer<Double>) -> Int32 {
        let top = items[0]
        position[Int(top)] = -1
        count -= 1
        if count > 0 {
            let last = items[count]
            let key = keys[Int(last)]
            var i = 0
            while true {
                let l = 2 * i + 1
                if l >= count { break }
                var c = l
                var ck = keys[Int(items[l])]
                let r = l + 1
                if r < count {
                    let rk = keys[Int(items[r])]
                    if rk < ck { c = r; ck = rk }
                }
                if key <= ck { break }
                let child = items[c]
                items[i] = child
                position[Int(child)] = Int32(i)
                i = c
            }
            items[i] = last
            position[Int(last)] = Int32(i)
        }
        return top
    }
}

/// Per-worker scratch for plain single-source distance searches (closeness, harmonic, lengths).
struct PathsSSSPWorkspace {
    /// Nodes in the order they were reached (BFS) or settled (Dijkstra).
    let order: UnsafeMutablePointer<Int32>
    /// BFS hop counts, -1 when unreached (unweighted only).
    let hops: UnsafeMutablePointer<Int32>
    /// Dijkstra distances, infinity when unreached (weighted only).
    let distance: UnsafeMutablePointer<Double>
    var heap: PathsHeap

    init(nodeCount n: Int, weighted: Bool) {
        let cap = max(n, 1)
        order = .allocate(capacity: cap)
        hops = .allocate(capacity: cap)
        hops.initialize(repeating: -1, count: cap)
        distance = .allocate(capacity: cap)
        distance.initialize(repeating: .infinity, count: cap)
        heap = PathsHeap(nodeCount: weighted ? n : 0)
    }

    func deallocate() {
        order.deallocate()
        hops.deallocate()
        distance.deallocate()
        heap.deallocate()
    }

    /// Breadth-first search from `source`; returns the number of nodes reached (listed in `order`).
    @inline(__always)
    func bfs(_ rows: PathsRows, source: Int) -> Int {
        let start = rows.start, nb = rows.neighbours
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
    mutating func dijkstra(_ rows: PathsRows, source: Int) -> Int {
        let start = rows.start, nb = rows.neighbours, len = rows.lengths
        let dist = distance
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
func pathsPerNodeSearch(_ g: CompactGraph, weighted: Bool, incoming: Bool, maxThreads: Int,
                        _ value: @Sendable (Int, PathsSSSPWorkspace, Int) -> Double) -> [Double] {
    let n = g.nodeCount
    if n == 0 { return [] }
    let useWeights = weighted && g.outLengths != nil
    var result = [Double](repeating: 0, count: n)
    let workers = pathsWorkerCount(maxThreads: maxThreads, tasks: n, graph: g)
    result.withUnsafeMutableBufferPointer { out in
        let shared = PathsShared(pointer: out.baseAddress!)
        pathsWithRows(g, incoming: incoming, weighted: useWeights) { rows in
            pathsParallel(workers: workers) { worker in
                var ws = PathsSSSPWorkspace(nodeCount: n, weighted: useWeights)
                defer { ws.deallocate() }
                var u = worker
                while u < n {
                    if useWeights {
                        let reached = ws.dijkstra(rows, source: u)
                        shared.pointer[u] = value(u, ws, reached)
                        ws.resetDijkstra(reached)
                    } else {
                        let reached = ws.bfs(rows, source: u)
                        shared.pointer[u] = value(u, ws, reached)
                        ws.resetBFS(reached)
                    }
                    u += workers
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
struct PathsLocalGraph: Sendable {
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

    func withRows<R>(_ body: (PathsRows) throws -> R) rethrows -> R {
        try start.withUnsafeBufferPointer { s in
            try neighbours.withUnsafeBufferPointer { nb in
                try lengths.withUnsafeBufferPointer { ln in
                    try body(PathsRows(start: s, neighbours: nb, lengths: ln))
                }
            }
        }
    }
}
