import Foundation

/// Communities by the Leiden algorithm: connected communities of high modularity.
///
/// Definition (Traag, Waltman & van Eck 2019): each pass repeats three phases on ever smaller
/// graphs.
/// 1. *Local moving, fast queue*: every node enters a queue in an order shuffled by the seed;
///    a node taken from the queue moves to the community (a neighbouring one, or an empty one)
///    with the largest modularity gain when that gain is positive, and then its neighbours
///    outside its new community join the queue if they are not in it.
/// 2. *Refinement*: within each community S, starting from singletons, each node v that is
///    still a singleton and well connected to S (`E(v, S − v) ≥ γ ‖v‖ (‖S‖ − ‖v‖)` in
///    modularity's terms) may merge into a well-connected refined community C ⊆ S with
///    gain ΔH ≥ 0, chosen at random with probability ∝ exp(ΔH / θ) (staying alone has ΔH = 0).
///    Nodes are visited in an order shuffled by the seed. Merges happen only along edges, so
///    refined communities are connected.
/// 3. *Aggregation* on the refined partition; the communities of phase 1 give the aggregate's
///    initial partition. (When refinement merges nothing, the aggregate is built on the phase-1
///    communities instead, so every pass ends.)
///
/// A pass ends when local moving leaves every node of the aggregate graph in its own community.
/// After each pass every community is split into its connected parts (a safeguard: it never
/// lowers modularity), so the result's communities are connected (weakly, on directed graphs).
/// Passes repeat from the partition found as long as each raises modularity (or until
/// `iterations` passes have run), as leidenalg's `n_iterations=-1`.
///
/// Modularity is undirected or, on directed graphs, directed (Leicht & Newman) as in
/// `modularity(_:community:resolution:weighted:)`. ΔH in the refinement's probabilities is the
/// gain in units of the mean edge weight (edges of weight 1 on an unweighted graph, as in the
/// paper's unnormalised quality), so θ does not depend on the scale of the weights.
///
/// - Parameters:
///   - g: the graph.
///   - resolution: γ ≥ 0; default 1.
///   - seed: the seed of the node orders and the refinement's draws; the same seed gives the
///     same partition.
///   - randomness: θ, default 0.01 (the paper's); 0 chooses the best merge greedily.
///   - iterations: at most this many passes (nil: until a pass no longer raises modularity, at
///     most 1000).
///   - weighted: read the graph's strengths.
/// - Returns: the partition, numbered by size, with its modularity.
/// - Throws: `AlgorithmError.invalidParameter` for a resolution that is negative or not finite,
///   a negative randomness, or fewer than one iteration.
/// - Complexity: O(E) per local-moving sweep and per refinement; in practice O(E log V) per pass.
///   Memory O(V + E).
/// - Reference: V. A. Traag, L. Waltman, N. J. van Eck, "From Louvain to Leiden: guaranteeing
///   well-connected communities", Sci. Rep. 9, 5233 (2019), doi:10.1038/s41598-019-41695-z.
///   NetworkX 3.6 declares `nx.community.leiden_communities` but implements it only in other
///   backends; leidenalg's `ModularityVertexPartition` and igraph's `community_leiden` are the
///   reference implementations. Quality is checked against NetworkX's Louvain.
public func leidenCommunities(_ g: CompactGraph, resolution: Double = 1, seed: UInt64 = 0, randomness: Double = 0.01,
                              iterations: Int? = nil, weighted: Bool = true) throws -> CommunityPartition {
    try checkResolution(resolution)
    guard randomness.isFinite && randomness >= 0 else {
        throw AlgorithmError.invalidParameter(name: "randomness", reason: "must be a finite number ≥ 0")
    }
    if let iterations, iterations < 1 {
        throw AlgorithmError.invalidParameter(name: "iterations", reason: "must be at least 1")
    }
    let labels = leidenLabels(CommunityGraph(g, weighted: weighted), resolution: resolution, seed: seed,
                              randomness: randomness, iterations: iterations ?? 1000)
    return CommunityPartition(labels: labels.map(Int.init), of: g, resolution: resolution, weighted: weighted)
}

/// Leiden on a community graph: a community per node, numbered by first appearance.
func leidenLabels(_ base: CommunityGraph, resolution: Double, seed: UInt64, randomness: Double, iterations: Int) -> [Int32] {
    var rng = SeededGenerator(seed: seed)
    var membership = (0..<base.nodeCount).map { Int32($0) }
    guard base.m > 0 else { return membership }
    let unit = base.meanEdgeWeight
    var quality = base.modularity(membership, resolution: resolution)
    for _ in 0..<iterations {
        var graph = base
        var partition = membership          // the partition of `graph`'s nodes
        var toGraph = (0..<base.nodeCount).map { Int32($0) }   // base node -> graph node
        while true {
            leidenMoveNodesFast(graph, &partition, resolution: resolution, rng: &rng)
            let count = renumberInPlace(&partition)
            if count == graph.nodeCount { break }
            var refined = leidenRefine(graph, partition: partition, resolution: resolution,
                                       randomness: randomness, unit: unit, rng: &rng)
            var refinedCount = renumberInPlace(&refined)
            if refinedCount == graph.nodeCount {
                refined = partition
                refinedCount = count
            }
            // The aggregate's initial partition: each refined community in its phase-1 community.
            var initial = [Int32](repeating: 0, count: refinedCount)
            for u in 0..<graph.nodeCount { initial[Int(refined[u])] = partition[u] }
            for i in 0..<toGraph.count { toGraph[i] = refined[Int(toGraph[i])] }
            graph = graph.aggregated(by: refined, count: refinedCount)
            partition = initial
        }
        var next = [Int32](repeating: 0, count: base.nodeCount)
        for i in 0..<base.nodeCount { next[i] = partition[Int(toGraph[i])] }
        splitDisconnected(&next, in: base)
        renumberInPlace(&next)
        // Keep the pass only when it raises modularity; a pass that raises it by no more than
        // rounding ends the run.
        let q = base.modularity(next, resolution: resolution)
        if q > quality { membership = next }
        if !(q - quality > 1e-12) { break }
        quality = q
    }
    renumberInPlace(&membership)
    return membership
}

/// Phase 1: local moving with a queue. `community` holds the starting partition (numbers in
/// `0..<nodeCount`) and receives the result.
/// - Complexity: O(E) per visit of every node; each node re-enters the queue only when a
///   neighbour moves.
func leidenMoveNodesFast(_ g: CommunityGraph, _ community: inout [Int32], resolution: Double, rng: inout SeededGenerator) {
    let n = g.nodeCount
    var sumOut = [Double](repeating: 0, count: n)
    var sumIn = [Double](repeating: 0, count: n)
    var size = [Int32](repeating: 0, count: n)
    for u in 0..<n {
        let c = Int(community[u])
        sumOut[c] += g.kOut[u]
        sumIn[c] += g.kIn[u]
        size[c] += 1
    }
    var empty: [Int32] = []
    for c in stride(from: n - 1, through: 0, by: -1) where size[c] == 0 { empty.append(Int32(c)) }
    // A circular queue holding each node at most once.
    var queue = shuffledOrder(n, &rng)
    var inQueue = [Bool](repeating: true, count: n)
    var head = 0, length = n
    var toCommunity = [Double](repeating: 0, count: n)
    var mark = [Int](repeating: -1, count: n)
    var touched: [Int32] = []
    let scale = resolution / g.d
    var stamp = 0
    while length > 0 {
        let u = Int(queue[head])
        head = head + 1 == n ? 0 : head + 1
        length -= 1
        inQueue[u] = false
        let own = Int(community[u])
        for e in g.start[u]..<g.start[u + 1] {
            let c = Int(community[Int(g.neighbours[e])])
            if mark[c] != stamp {
                mark[c] = stamp
                toCommunity[c] = 0
                touched.append(Int32(c))
            }
            toCommunity[c] += g.weights[e]
        }
        let ko = g.kOut[u], ki = g.kIn[u]
        sumOut[own] -= ko
        sumIn[own] -= ki
        size[own] -= 1
        let ownWeight = mark[own] == stamp ? toCommunity[own] : 0
        var best = own
        var bestGain = ownWeight - scale * (ko * sumIn[own] + ki * sumOut[own])
        for c32 in touched {
            let c = Int(c32)
            let gain = toCommunity[c] - scale * (ko * sumIn[c] + ki * sumOut[c])
            if gain > bestGain {
                bestGain = gain
                best = c
            }
        }
        // An empty community gains 0 (staying in a community left empty is the same move).
        if bestGain < 0 && size[own] > 0 {
            while let c = empty.last, size[Int(c)] != 0 { empty.removeLast() }
            if let c = empty.popLast() { best = Int(c) }
        }
        sumOut[best] += ko
        sumIn[best] += ki
        size[best] += 1
        if best != own {
            community[u] = Int32(best)
            if size[own] == 0 { empty.append(Int32(own)) }
            for e in g.start[u]..<g.start[u + 1] {
                let v = Int(g.neighbours[e])
                if !inQueue[v] && Int(community[v]) != best {
                    inQueue[v] = true
                    queue[(head + length) % n] = Int32(v)
                    length += 1
                }
            }
        }
        touched.removeAll(keepingCapacity: true)
        stamp += 1
    }
}

/// Phase 2: the refined partition of `partition` (a refined community per node, in
/// `0..<nodeCount`; not renumbered).
/// - Parameters:
///   - unit: ΔH is divided by this before θ is applied (the mean edge weight).
/// - Complexity: O(V + E) plus the draws.
func leidenRefine(_ g: CommunityGraph, partition: [Int32], resolution: Double, randomness: Double, unit: Double,
                  rng: inout SeededGenerator) -> [Int32] {
    let n = g.nodeCount
    let scale = resolution / g.d
    // Strengths of each phase-1 community S.
    var setOut = [Double](repeating: 0, count: n)
    var setIn = [Double](repeating: 0, count: n)
    for u in 0..<n {
        setOut[Int(partition[u])] += g.kOut[u]
        setIn[Int(partition[u])] += g.kIn[u]
    }
    // Refined communities start as singletons: strengths, sizes, and the weight to the rest of S.
    var refined = (0..<n).map { Int32($0) }
    var rOut = g.kOut
    var rIn = g.kIn
    var rSize = [Int32](repeating: 1, count: n)
    var rExternal = [Double](repeating: 0, count: n)
    for u in 0..<n {
        var w = 0.0
        for e in g.start[u]..<g.start[u + 1] where partition[Int(g.neighbours[e])] == partition[u] { w += g.weights[e] }
        rExternal[u] = w
    }
    let nodeExternal = rExternal
    var toCommunity = [Double](repeating: 0, count: n)
    var mark = [Int](repeating: -1, count: n)
    var touched: [Int32] = []
    var candidates: [Int32] = []
    var gains: [Double] = []
    var stamp = 0
    for v32 in shuffledOrder(n, &rng) {
        let v = Int(v32)
        if rSize[v] != 1 || refined[v] != v32 { continue }     // only nodes still alone
        let s = Int(partition[v])
        let ko = g.kOut[v], ki = g.kIn[v]
        // v must be well connected to its community S.
        if nodeExternal[v] < scale * (ko * (setIn[s] - ki) + ki * (setOut[s] - ko)) { continue }
        for e in g.start[v]..<g.start[v + 1] {
            let x = Int(g.neighbours[e])
            if partition[x] != partition[v] { continue }
            let c = Int(refined[x])
            if mark[c] != stamp {
                mark[c] = stamp
                toCommunity[c] = 0
                touched.append(Int32(c))
            }
            toCommunity[c] += g.weights[e]
        }
        // Candidates: well-connected refined communities with ΔH ≥ 0; staying alone has ΔH = 0.
        candidates.removeAll(keepingCapacity: true)
        gains.removeAll(keepingCapacity: true)
        var bestGain = 0.0
        var best = v
        for c32 in touched {
            let c = Int(c32)
            if c == v { continue }
            let wellConnected = rExternal[c] >= scale * (rOut[c] * (setIn[s] - rIn[c]) + rIn[c] * (setOut[s] - rOut[c]))
            if !wellConnected { continue }
            let gain = toCommunity[c] - scale * (ko * rIn[c] + ki * rOut[c])
            if gain < 0 { continue }
            candidates.append(c32)
            gains.append(gain / unit)
            if gain > bestGain {
                bestGain = gain
                best = c
            }
        }
        var chosen = v
        if !candidates.isEmpty {
            if randomness == 0 {
                chosen = best
            } else {
                // Probability ∝ exp(ΔH / θ) over the candidates and staying alone (ΔH = 0),
                // shifted by the largest ΔH so that nothing overflows.
                let top = bestGain / unit
                var total = exp((0 - top) / randomness)
                for x in gains { total += exp((x - top) / randomness) }
                var r = rng.nextDouble() * total
                r -= exp((0 - top) / randomness)
                if r >= 0 {
                    chosen = Int(candidates[candidates.count - 1])
                    for (k, x) in gains.enumerated() {
                        r -= exp((x - top) / randomness)
                        if r < 0 { chosen = Int(candidates[k]); break }
                    }
                }
            }
        }
        if chosen != v {
            let w = toCommunity[chosen]
            refined[v] = Int32(chosen)
            rSize[v] = 0
            rSize[chosen] += 1
            rOut[chosen] += ko
            rIn[chosen] += ki
            rExternal[chosen] += nodeExternal[v] - 2 * w
        }
        touched.removeAll(keepingCapacity: true)
        stamp += 1
    }
    return refined
}
