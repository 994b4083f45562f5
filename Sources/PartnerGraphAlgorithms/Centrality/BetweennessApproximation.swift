import Foundation
import PartnerGraphKernels

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

    /// Creates a result (normally made by `approximateBetweenness`).
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
/// pick one shortest `u`–`v` path uniformly at random (by path counts σ: backtracking from `v`,
/// choosing predecessor `x` of `w` with probability `σ(u, x) / σ(u, w)`, or, with the
/// bidirectional search, first the node where the two searches meet in proportion to
/// `σ(u, x) σ(x, v)`) and count a hit for every interior node. The estimate `hits(w) / r` approximates the paper's betweenness
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
/// - Complexity: O(r (V + E)) time worst case, far less in practice: unweighted, each sample is a
///   balanced bidirectional BFS between `u` and `v` (on small-world graphs it touches about √E
///   arcs); weighted, a Dijkstra search from `u` stopped once `v` is settled, O((V + E) log V).
///   Plus O(V + E) for the bound; O(V) memory per thread.
/// - Reference: M. Riondato, E. M. Kornaropoulos, "Fast approximation of betweenness centrality
///   through sampling", Data Mining and Knowledge Discovery 30(2), 2016,
///   doi:10.1007/s10618-015-0423-0. Approximates `nx.betweenness_centrality(G, normalized=True,
///   weight="weight" if weighted else None)`.
public func approximateBetweenness(_ g: CompactGraph, epsilon: Double, delta: Double, seed: UInt64,
                                   weighted: Bool = false,
                                   maxThreads: Int = 0) throws -> ApproximateBetweennessResult {
    let progress = AlgorithmProgress.current
    guard epsilon > 0 && epsilon < 1 else {
        throw AlgorithmError.invalidParameter(name: "epsilon", reason: "must lie in (0, 1), got \(epsilon)")
    }
    guard delta > 0 && delta < 1 else {
        throw AlgorithmError.invalidParameter(name: "delta", reason: "must lie in (0, 1), got \(delta)")
    }
    let n = g.nodeCount
    let useWeights = weighted && g.isWeighted
    let vd = BetweennessSampling.vertexDiameterBound(g, weighted: useWeights)
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
    let workers = g.workerCount(maxThreads: maxThreads, tasks: chunks, searches: r)
    let hits = Scratch<Double>(repeating: 0, count: workers * n)
    let shared = SharedPointer(pointer: hits.pointer)

    g.withRows(incoming: false, weighted: useWeights) { outRows in
        g.withRows(incoming: true, weighted: useWeights) { inRows in
            parallelTasks(workers: workers, tasks: chunks) { worker, take in
                var ws = BetweennessSampling.Workspace(nodeCount: n, weighted: useWeights)
                let myHits = shared.pointer + worker * n
                while let chunk = take() {
                    var rng = SeededGenerator(seed: seed, stream: UInt64(chunk))
                    let count = min(chunkSize, r - chunk * chunkSize)
                    for _ in 0..<count {
                        let u = rng.nextInt(below: n)
                        var v = rng.nextInt(below: n - 1)
                        if v >= u { v += 1 }
                        ws.samplePath(outRows, inRows, from: u, to: v, weighted: useWeights, rng: &rng, hits: myHits)
                    }
                    progress?.advance(count, of: r)
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
    pool.seededSampleToFront(samples, using: &rng)
    return try betweennessCentrality(g, weighted: weighted, normalized: normalized, endpoints: false,
                                     sources: Array(pool[0..<samples]), maxThreads: maxThreads)
}

/// The pieces of approximate betweenness (Riondato–Kornaropoulos): the vertex-diameter bound
/// that sets the sample size and the path sampler's workspace.
enum BetweennessSampling {}

extension BetweennessSampling {
    /// An upper bound on the vertex diameter of `g` (see `approximateBetweenness`).
    static func vertexDiameterBound(_ g: CompactGraph, weighted: Bool) -> Int {
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
        return g.withRows(incoming: false, weighted: weighted) { rows in
            var ws = ShortestPaths.Workspace(nodeCount: n, weighted: weighted)
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

    /// Per-worker scratch of the path sampler: unweighted, a balanced bidirectional BFS between `u`
    /// and `v`; weighted, a Dijkstra search from `u` stopped once `v` is settled. Its memory frees
    /// itself.
    fileprivate struct Workspace: ~Copyable {
        /// Forward search (from `u`): nodes in discovery order, depth, path counts.
        let order: Scratch<Int32>
        let hops: Scratch<Int32>
        let distance: Scratch<Double>
        let sigma: Scratch<Double>
        /// Backward search (to `v`, unweighted): nodes in discovery order, depth, path counts.
        let orderBack: Scratch<Int32>
        let hopsBack: Scratch<Int32>
        let sigmaBack: Scratch<Double>
        /// Nodes given a tentative distance (weighted), to reset afterwards.
        let touched: Scratch<Int32>
        var heap: IndexedHeap

        init(nodeCount n: Int, weighted: Bool) {
            let cap = max(n, 1)
            order = Scratch(uninitializedCount: cap)
            hops = Scratch(repeating: -1, count: cap)
            distance = Scratch(repeating: .infinity, count: cap)
            sigma = Scratch(repeating: 0, count: cap)
            touched = Scratch(uninitializedCount: cap)
            orderBack = Scratch(uninitializedCount: cap)
            hopsBack = Scratch(repeating: -1, count: cap)
            sigmaBack = Scratch(repeating: 0, count: cap)
            heap = IndexedHeap(nodeCount: weighted ? n : 0)
        }

        /// Samples one shortest `u`–`v` path uniformly and counts a hit on each interior node.
        mutating func samplePath(_ out: CSRRows, _ inn: CSRRows, from u: Int, to v: Int, weighted: Bool,
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
                heap.removeAll()
            } else {
                bidirectionalSample(out, inn, from: u, to: v, rng: &rng, hits: hits)
            }
        }

        /// Balanced bidirectional BFS: the forward search from `u` (out-rows) and the backward search
        /// from `v` (in-rows) grow one whole level at a time, always on the side whose frontier has
        /// fewer arcs. While the explored sets are disjoint, d(u, v) > a + b (their depths); the first
        /// level expansion that reaches the other side's explored set, say forward to depth a + 1,
        /// finds exactly the nodes x with d(u, x) = a + 1 and d(x, v) = b, so d(u, v) = a + 1 + b and
        /// every shortest path crosses exactly one such x: σ(u, v) = Σ_x σ_u(x) σ_v(x). Picking x with
        /// probability σ_u(x) σ_v(x) / σ(u, v), then walking back to `u` and on to `v` choosing each
        /// step in proportion to the path counts, picks a shortest path uniformly.
        private func bidirectionalSample(_ out: CSRRows, _ inn: CSRRows, from u: Int, to v: Int,
                                         rng: inout SeededGenerator, hits: UnsafeMutablePointer<Double>) {
            hops[u] = 0; sigma[u] = 1; order[0] = Int32(u)
            hopsBack[v] = 0; sigmaBack[v] = 1; orderBack[0] = Int32(v)
            var fLo = 0, fHi = 1, bLo = 0, bHi = 1
            var fArcs = Int(out.start[u + 1] - out.start[u]), bArcs = Int(inn.start[v + 1] - inn.start[v])
            var meetLo = 0, meetHi = 0, forwardMet = false
            while fLo < fHi && bLo < bHi {
                let forward = fArcs <= bArcs
                // Expand one level of the chosen side.
                let (rows, myHops, mySigma, myOrder, otherHops) = forward
                    ? (out, hops.pointer, sigma.pointer, order.pointer, hopsBack.pointer)
                    : (inn, hopsBack.pointer, sigmaBack.pointer, orderBack.pointer, hops.pointer)
                let lo = forward ? fLo : bLo, hi = forward ? fHi : bHi
                var tail = hi
                var arcs = 0
                let next = myHops[Int(myOrder[lo])] + 1
                for idx in lo..<hi {
                    let x = Int(myOrder[idx])
                    let sx = mySigma[x]
                    for k in Int(rows.start[x])..<Int(rows.start[x + 1]) {
                        let w = Int(rows.neighbours[k])
                        let hw = myHops[w]
                        if hw < 0 {
                            myHops[w] = next
                            mySigma[w] = sx
                            myOrder[tail] = Int32(w)
                            tail += 1
                            arcs += Int(rows.start[w + 1] - rows.start[w])
                        } else if hw == next {
                            mySigma[w] += sx
                        }
                    }
                }
                var met = false
                for idx in hi..<tail where otherHops[Int(myOrder[idx])] >= 0 {
                    met = true
                    break
                }
                if forward { fLo = hi; fHi = tail; fArcs = arcs } else { bLo = hi; bHi = tail; bArcs = arcs }
                if met {
                    meetLo = hi; meetHi = tail; forwardMet = forward
                    break
                }
            }
            if meetHi > meetLo {
                // Choose the crossing node x among the new level's nodes seen by the other side.
                let newOrder = forwardMet ? order.pointer : orderBack.pointer
                var total = 0.0
                for idx in meetLo..<meetHi {
                    let x = Int(newOrder[idx])
                    if hops[x] >= 0 && hopsBack[x] >= 0 { total += sigma[x] * sigmaBack[x] }
                }
                let target = rng.nextDouble() * total
                var cumulative = 0.0
                var chosen = -1
                for idx in meetLo..<meetHi {
                    let x = Int(newOrder[idx])
                    if hops[x] >= 0 && hopsBack[x] >= 0 {
                        chosen = x
                        cumulative += sigma[x] * sigmaBack[x]
                        if cumulative > target { break }
                    }
                }
                if chosen != u && chosen != v { hits[chosen] += 1 }
                walkBack(inn, from: chosen, hops: hops.pointer, sigma: sigma.pointer, rng: &rng, hits: hits)
                walkBack(out, from: chosen, hops: hopsBack.pointer, sigma: sigmaBack.pointer, rng: &rng, hits: hits)
            }
            for i in 0..<fHi {
                let x = Int(order[i])
                hops[x] = -1
                sigma[x] = 0
            }
            for i in 0..<bHi {
                let x = Int(orderBack[i])
                hopsBack[x] = -1
                sigmaBack[x] = 0
            }
        }

        /// From `x`, walks to the root of a BFS (depth 0) through `rows` (the reverse of the search's
        /// direction), choosing predecessor `p` of `w` with probability σ(p) / σ(w); counts a hit on
        /// every node visited except the root.
        private func walkBack(_ rows: CSRRows, from x: Int, hops: UnsafeMutablePointer<Int32>,
                              sigma: UnsafeMutablePointer<Double>, rng: inout SeededGenerator,
                              hits: UnsafeMutablePointer<Double>) {
            var w = x
            while hops[w] > 0 {
                let want = hops[w] - 1
                let target = rng.nextDouble() * sigma[w]
                var cumulative = 0.0
                var chosen = -1
                for k in Int(rows.start[w])..<Int(rows.start[w + 1]) {
                    let p = Int(rows.neighbours[k])
                    if hops[p] == want {
                        chosen = p
                        cumulative += sigma[p]
                        if cumulative > target { break }
                    }
                }
                if chosen < 0 { return }  // cannot happen: a node at depth > 0 has a predecessor
                if hops[chosen] > 0 { hits[chosen] += 1 }
                w = chosen
            }
        }

        /// Dijkstra from `u` counting shortest paths, stopped once `v` is settled. Returns the number
        /// of touched nodes (listed in `touched`).
        private mutating func dijkstraUntil(_ rows: CSRRows, from u: Int, to v: Int) -> Int {
            let dist = distance.pointer
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
        private func backtrack(_ inn: CSRRows, from u: Int, to v: Int, rng: inout SeededGenerator,
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
}

