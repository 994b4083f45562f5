import Foundation

/// The result of `approximateBetweenness`.
public struct ApproximateBetweennessResult: Sendable, Equatable {
    /// The estimated betweenness of each node, normalised like
    /// `nx.betweenness_centrality(G, normalized=True)`.
    public var values: [Double]
    /// The number of sampled shortest paths `r`.
    public var sampleSize: Int
    /// The upper bound on the vertex diameter (nodes on the longest shortest path) used for `r`.
    public var vertexDiameterBound: Int
    /// The requested additive error bound (on the NetworkX-normalised scale).
    public var epsilon: Double
    /// The requested failure probability.
    public var delta: Double

    public init(values: [Double], sampleSize: Int, vertexDiameterBound: Int, epsilon: Double, delta: Double) {
        self.values = values
        self.sampleSize = sampleSize
        self.vertexDiameterBound = vertexDiameterBound
        self.epsilon = epsilon
        self.delta = delta
    }
}

/// Betweenness estimated by sampling shortest paths, with a uniform additive error bound
/// (Riondato–Kornaropoulos).
///
/// Definition: draw `r` ordered pairs `(u, v)`, `u != v`, uniformly; for each pair with a path,
/// pick one shortest `u`–`v` path uniformly at random (backtracking from `v`, choosing
/// predecessor `x` of `w` with probability `σ(u, x) / σ(u, w)`) and count a hit for every
/// interior node. The estimate `hits(w) / r` approximates the paper's betweenness
/// `b(w) = Σ_{u != v} σ(u, v | w) / σ(u, v) / (n (n − 1))`; this function returns it times
/// `n / (n − 2)`, which is NetworkX's normalised betweenness (on directed and undirected graphs).
/// Sample size: `r = ⌈(c / ε'²)(⌊log₂(VD − 2)⌋ + 1 + ln(1 / δ))⌉` with `c = 0.5` and
/// `ε' = ε (n − 2) / n`, so that with probability at least `1 − δ` every node satisfies
/// `|values[w] − nx.betweenness_centrality(G)[w]| <= ε`. `VD` is an upper bound on the vertex
/// diameter: undirected and unweighted, per connected component, a BFS from its smallest node
/// with the two largest distances `d1 >= d2` (to different nodes) gives `VD <= d1 + d2 + 1`
/// (at most the `2·ecc + 1` of the paper), capped by the component's size; undirected and
/// weighted, `VD <= ⌊(D1 + D2) / ℓmin⌋ + 1` from a Dijkstra search (`ℓmin` the smallest edge
/// length), capped likewise; directed, the size of the largest weakly connected component. The
/// graph's `VD` is the largest over components. When `VD <= 2` or `n <= 2` no node can be
/// interior to a shortest path: all values are exactly 0 and `r = 0`.
///
/// The samples are split into chunks of 1024, chunk `i` drawing from
/// `SeededGenerator(seed: seed, stream: i)`, and hits are counted exactly, so the result depends
/// only on the graph, `epsilon`, `delta` and `seed`, not on the number of threads.
///
/// - Parameters:
///   - g: the graph.
///   - epsilon: the additive error bound, in `(0, 1)`.
///   - delta: the failure probability, in `(0, 1)`.
///   - seed: the random seed.
///   - weighted: use the edge lengths (default false: count edges).
///   - maxThreads: number of worker threads; 0 (default) uses every active core.
/// - Returns: the estimates with the sample size and vertex-diameter bound used.
/// - Throws: `AlgorithmError.invalidParameter` when `epsilon` or `delta` is outside `(0, 1)` or
///   the sample size would exceed 2^40.
/// - Complexity: O(r (V + E)) time worst case (each sample is a search from `u` stopped once `v`
///   is settled; O((V + E) log V) weighted) plus O(V + E) for the bound; O(V) memory per thread.
/// - Reference: M. Riondato, E. M. Kornaropoulos, "Fast approximation of betweenness centrality
///   through sampling", Data Mining and Knowledge Discovery 30(2), 2016,
///   doi:10.1007/s10618-015-0423-0. Approximates `nx.betweenness_centrality(G, normalized=True,
///   weight="weight" if weighted else None)`.
public func approximateBetweenness(_ g: CompactGraph, epsilon: Double, delta: Double, seed: UInt64,
                                   weighted: Bool = false,
                                   maxThreads: Int = 0) throws -> ApproximateBetweennessResult {
    guard epsilon > 0 && epsilon < 1 else {
        throw AlgorithmError.invalidParameter(name: "epsilon", reason: "must lie in (0, 1), got \(epsilon)")
    }
    guard delta > 0 && delta < 1 else {
        throw AlgorithmError.invalidParameter(name: "delta", reason: "must lie in (0, 1), got \(delta)")
    }
    let n = g.nodeCount
    let useWeights = weighted && g.outLengths != nil
    let vd = pathsVertexDiameterBound(g, weighted: useWeights)
    if n <= 2 || vd <= 2 {
        return ApproximateBetweennessResult(values: [Double](repeating: 0, count: n), sampleSize: 0,
                                            vertexDiameterBound: vd, epsilon: epsilon, delta: delta)
    }
    let eps = epsilon * Double(n - 2) / Double(n)
    let logTerm = Double(Int.bitWidth - 1 - (vd - 2).leadingZeroBitCount) // ⌊log₂(VD − 2)⌋
    let rReal = (0.5 / (eps * eps)) * (logTerm + 1 + log(1 / delta))
    guard rReal <= 0x1p40 else {
        throw AlgorithmError.invalidParameter(name: "epsilon", reason: "needs \(rReal) samples; use a larger epsilon or exact betweenness")
    }
    let r = Int(rReal.rounded(.up))

    let chunkSize = 1024
    let chunks = (r + chunkSize - 1) / chunkSize
    let workers = max(1, min(pathsWorkerCount(maxThreads: maxThreads, tasks: r, graph: g), chunks))
    let hits = UnsafeMutablePointer<Double>.allocate(capacity: workers * n)
    hits.initialize(repeating: 0, count: workers * n)
    defer { hits.deallocate() }
    let shared = PathsShared(pointer: hits)

    pathsWithRows(g, incoming: false, weighted: useWeights) { outRows in
        pathsWithRows(g, incoming: true, weighted: useWeights) { inRows in
            pathsParallel(workers: workers) { worker in
                var ws = PathsSamplerWorkspace(nodeCount: n, weighted: useWeights)
                defer { ws.deallocate() }
                let myHits = shared.pointer + worker * n
                var chunk = worker
                while chunk < chunks {
                    var rng = SeededGenerator(seed: seed, stream: UInt64(chunk))
                    let count = min(chunkSize, r - chunk * chunkSize)
                    for _ in 0..<count {
                        let u = rng.nextInt(below: n)
                        var v = rng.nextInt(below: n - 1)
                        if v >= u { v += 1 }
                        ws.samplePath(outRows, inRows, from: u, to: v, weighted: useWeights, rng: &rng, hits: myHits)
                    }
                    chunk += workers
                }
            }
        }
    }

    var values = [Double](repeating: 0, count: n)
    for w in 0..<workers {
        for v in 0..<n { values[v] += hits[w * n + v] }
    }
    let scale = Double(n) / (Double(n - 2) * Double(r))
    for v in 0..<n { values[v] *= scale }
    return ApproximateBetweennessResult(values: values, sampleSize: r, vertexDiameterBound: vd,
                                        epsilon: epsilon, delta: delta)
}

/// Betweenness from a random sample of source nodes, rescaled as NetworkX's `k` sampling.
///
/// Definition: picks `samples` distinct source nodes uniformly at random (partial Fisher–Yates
/// shuffle driven by `SeededGenerator(seed:)`) and returns
/// `betweennessCentrality(g, weighted:, normalized:, endpoints: false, sources: picked)`, i.e.
/// Brandes' accumulation from those sources only, inflated exactly as
/// `nx.betweenness_centrality(G, k=samples)` does (a sampled node is scaled by `1/(k − 1)` of the
/// source count, others by `1/k`; see `betweennessCentrality`). The values differ from
/// NetworkX's for the same seed because the random generators differ; with `samples == n` they
/// equal the exact betweenness. As in NetworkX, `samples == 1` gives NaN on the sampled node.
///
/// - Parameters:
///   - g: the graph.
///   - weighted: use the edge lengths.
///   - samples: the number of source nodes `k`, in `1...n`.
///   - seed: the random seed.
///   - normalized: divide by the number of pairs, as `betweennessCentrality`.
///   - maxThreads: number of worker threads; 0 (default) uses every active core.
/// - Returns: the estimated betweenness of each node.
/// - Throws: `AlgorithmError.invalidParameter` when `samples` is outside `1...n`.
/// - Complexity: O(k E) unweighted; O(k (E + V log V)) weighted.
/// - Reference: U. Brandes, C. Pich, "Centrality estimation in large networks", International
///   Journal of Bifurcation and Chaos 17(7), 2007, doi:10.1142/S0218127407018403. Equals
///   `nx.betweenness_centrality(G, k=samples, normalized=normalized, weight=...)` given the same
///   sampled nodes.
public func sampledBetweenness(_ g: CompactGraph, weighted: Bool, samples: Int, seed: UInt64,
                               normalized: Bool = true, maxThreads: Int = 0) throws -> [Double] {
    let n = g.nodeCount
    guard samples >= 1 && samples <= n else {
        throw AlgorithmError.invalidParameter(name: "samples", reason: "must lie in 1...\(n), got \(samples)")
    }
    var rng = SeededGenerator(seed: seed)
    var pool = Array(0..<n)
    for i in 0..<samples {
        let j = i + rng.nextInt(below: n - i)
        pool.swapAt(i, j)
    }
    return try betweennessCentrality(g, weighted: weighted, normalized: normalized, endpoints: false,
                                     sources: Array(pool[0..<samples]), maxThreads: maxThreads)
}

/// An upper bound on the vertex diameter of `g` (see `approximateBetweenness`).
func pathsVertexDiameterBound(_ g: CompactGraph, weighted: Bool) -> Int {
    let n = g.nodeCount
    if n == 0 { return 0 }
    if g.isDirected {
        // Largest weakly connected component: BFS over out- and in-rows.
        var seen = [Bool](repeating: false, count: n)
        var queue = [Int](repeating: 0, count: n)
        var best = 0
        for root in 0..<n where !seen[root] {
            seen[root] = true
            queue[0] = root
            var head = 0, tail = 1
            while head < tail {
                let v = queue[head]
                head += 1
                for k in g.outRange(v) {
                    let w = Int(g.outNeighbours[k])
                    if !seen[w] { seen[w] = true; queue[tail] = w; tail += 1 }
                }
                for k in g.inRange(v) {
                    let w = Int(g.inNeighbours[k])
                    if !seen[w] { seen[w] = true; queue[tail] = w; tail += 1 }
                }
            }
            best = max(best, tail)
        }
        return best
    }
    var minLength = Double.infinity
    if weighted, let lengths = g.outLengths {
        for l in lengths where l < minLength { minLength = l }
    }
    return pathsWithRows(g, incoming: false, weighted: weighted) { rows in
        var ws = PathsSSSPWorkspace(nodeCount: n, weighted: weighted)
        defer { ws.deallocate() }
        var done = [Bool](repeating: false, count: n)
        var best = 0
        for root in 0..<n where !done[root] {
            let size: Int
            var d1 = 0.0, d2 = 0.0
            func note(_ d: Double) {
                if d > d1 { d2 = d1; d1 = d } else if d > d2 { d2 = d }
            }
            if weighted {
                size = ws.dijkstra(rows, source: root)
                for i in 0..<size {
                    let v = Int(ws.order[i])
                    done[v] = true
                    if i > 0 { note(ws.distance[v]) }
                }
                ws.resetDijkstra(size)
            } else {
                size = ws.bfs(rows, source: root)
                for i in 0..<size {
                    let v = Int(ws.order[i])
                    done[v] = true
                    if i > 0 { note(Double(ws.hops[v])) }
                }
                ws.resetBFS(size)
            }
            var bound = size
            if weighted {
                if minLength.isFinite && minLength > 0 {
                    let hops = ((d1 + d2) / minLength * (1 + 1e-9)).rounded(.down)
                    if hops + 1 < Double(size) { bound = Int(hops) + 1 }
                }
            } else {
                bound = min(size, Int(d1 + d2) + 1)
            }
            best = max(best, bound)
        }
        return best
    }
}

/// Per-worker scratch of the path sampler: a search from `u` stopped once `v` is settled.
private struct PathsSamplerWorkspace {
    let order: UnsafeMutablePointer<Int32>
    let hops: UnsafeMutablePointer<Int32>
    let distance: UnsafeMutablePointer<Double>
    let sigma: UnsafeMutablePointer<Double>
    /// Nodes given a tentative distance (weighted), to reset afterwards.
    let touched: UnsafeMutablePointer<Int32>
    var heap: PathsHeap

    init(nodeCount n: Int, weighted: Bool) {
        let cap = max(n, 1)
        order = .allocate(capacity: cap)
        hops = .allocate(capacity: cap)
        hops.initialize(repeating: -1, count: cap)
        distance = .allocate(capacity: cap)
        distance.initialize(repeating: .infinity, count: cap)
        sigma = .allocate(capacity: cap)
        sigma.initialize(repeating: 0, count: cap)
        touched = .allocate(capacity: cap)
        heap = PathsHeap(nodeCount: weighted ? n : 0)
    }

    func deallocate() {
        order.deallocate()
        hops.deallocate()
        distance.deallocate()
        sigma.deallocate()
        touched.deallocate()
        heap.deallocate()
    }

    /// Samples one shortest `u`–`v` path uniformly and counts a hit on each interior node.
    mutating func samplePath(_ out: PathsRows, _ inn: PathsRows, from u: Int, to v: Int, weighted: Bool,
                             rng: inout SeededGenerator, hits: UnsafeMutablePointer<Double>) {
        if weighted {
            let touchedCount = dijkstraUntil(out, from: u, to: v)
            if distance[v].isFinite {
                backtrack(inn, from: u, to: v, rng: &rng, hits: hits) { x, k, w in
                    distance[x] + inn.lengths[k] == distance[w]
                }
            }
            for i in 0..<touchedCount {
                let x = Int(touched[i])
                distance[x] = .infinity
                sigma[x] = 0
            }
            heap.clear()
        } else {
            let reached = bfsUntil(out, from: u, to: v)
            if hops[v] >= 0 {
                backtrack(inn, from: u, to: v, rng: &rng, hits: hits) { x, _, w in
                    hops[x] >= 0 && hops[x] + 1 == hops[w]
                }
            }
            for i in 0..<reached {
                let x = Int(order[i])
                hops[x] = -1
                sigma[x] = 0
            }
        }
    }

    /// Level-synchronous BFS from `u` counting shortest paths, stopped after the level in which
    /// `v` is discovered (σ is then final up to `v`'s level). Returns the number of nodes reached.
    private func bfsUntil(_ rows: PathsRows, from u: Int, to v: Int) -> Int {
        hops[u] = 0
        sigma[u] = 1
        order[0] = Int32(u)
        var lo = 0, hi = 1, tail = 1
        var level: Int32 = 0
        while lo < hi && hops[v] < 0 {
            for idx in lo..<hi {
                let x = Int(order[idx])
                let sx = sigma[x]
                for k in Int(rows.start[x])..<Int(rows.start[x + 1]) {
                    let w = Int(rows.neighbours[k])
                    if hops[w] < 0 {
                        hops[w] = level + 1
                        sigma[w] = sx
                        order[tail] = Int32(w)
                        tail += 1
                    } else if hops[w] == level + 1 {
                        sigma[w] += sx
                    }
                }
            }
            lo = hi
            hi = tail
            level += 1
        }
        return tail
    }

    /// Dijkstra from `u` counting shortest paths, stopped once `v` is settled. Returns the number
    /// of touched nodes (listed in `touched`).
    private mutating func dijkstraUntil(_ rows: PathsRows, from u: Int, to v: Int) -> Int {
        let dist = distance
        dist[u] = 0
        sigma[u] = 1
        touched[0] = Int32(u)
        var touchedCount = 1
        heap.pushOrDecrease(Int32(u), keys: dist)
        while heap.count > 0 {
            let x = Int(heap.popMin(keys: dist))
            if x == v { break }
            let dx = dist[x], sx = sigma[x]
            for k in Int(rows.start[x])..<Int(rows.start[x + 1]) {
                let w = Int(rows.neighbours[k])
                let alt = dx + rows.lengths[k]
                let dw = dist[w]
                if alt < dw {
                    if dw == .infinity {
                        touched[touchedCount] = Int32(w)
                        touchedCount += 1
                    }
                    dist[w] = alt
                    sigma[w] = sx
                    heap.pushOrDecrease(Int32(w), keys: dist)
                } else if alt == dw {
                    sigma[w] += sx
                }
            }
        }
        return touchedCount
    }

    /// Walks from `v` back to `u`, choosing predecessor `x` of `w` with probability σ(x) / σ(w).
    private func backtrack(_ inn: PathsRows, from u: Int, to v: Int, rng: inout SeededGenerator,
                           hits: UnsafeMutablePointer<Double>,
                           isPredecessor: (Int, Int, Int) -> Bool) {
        var w = v
        while true {
            let target = rng.nextDouble() * sigma[w]
            var cumulative = 0.0
            var chosen = -1
            for k in Int(inn.start[w])..<Int(inn.start[w + 1]) {
                let x = Int(inn.neighbours[k])
                if x != w && isPredecessor(x, k, w) {
                    chosen = x
                    cumulative += sigma[x]
                    if cumulative > target { break }
                }
            }
            // chosen is never -1 for a reached w != u; guard anyway.
            if chosen < 0 || chosen == u { return }
            hits[chosen] += 1
            w = chosen
        }
    }
}

extension PathsHeap {
    /// Empties the heap (after an early stop), clearing the positions of the nodes left in it.
    mutating func clear() {
        for i in 0..<count { position[Int(items[i])] = -1 }
        count = 0
    }
}
