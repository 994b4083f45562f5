/// Communities by the Louvain method: greedy modularity optimisation in levels.
///
/// Definition (Blondel et al. 2008): each level starts with every node of the current graph in
/// its own community and sweeps the nodes in an order shuffled by the seed (once per level),
/// moving each node to the neighbouring community with the largest modularity gain when that
/// gain is positive (staying wins ties), until a sweep moves nothing. The communities then
/// become the nodes of an aggregate graph (weights between communities summed, the weight
/// inside a community as a self-loop) and the next level runs on it. The levels stop when one
/// moves no node or raises modularity by no more than `threshold` (NetworkX's rule; the
/// partition of that last level is kept). Directed graphs use directed modularity (Leicht &
/// Newman), as NetworkX does.
///
/// That is one *round*, exactly NetworkX's method (`maxRounds: 1`). By default further rounds
/// follow: each starts again on the original graph from the partition found (its first level
/// moves single nodes between the communities found, which repairs nodes that aggregation
/// left in the wrong community; the levels then continue on the aggregate), and the rounds
/// stop when one raises modularity by no more than `threshold`. A round never lowers
/// modularity; on the fixture graphs the rounds raise the mean over seeds above NetworkX's.
///
/// The gain of moving node `u` (taken out of its community) into community `C` is, in units of
/// the total weight `m`: `w(u, C) − γ (kOut(u) SIn(C) + kIn(u) SOut(C)) / d` (see
/// `CommunityGraph`), the quantity NetworkX's `_one_level` compares (times m).
///
/// Communities found by Louvain can be internally disconnected (Traag et al. 2019); use
/// `leidenCommunities` when they must be connected.
///
/// - Parameters:
///   - g: the graph.
///   - resolution: γ ≥ 0 (NetworkX's `resolution`); default 1.
///   - seed: shuffles the node order of every level; the same seed gives the same partition.
///   - threshold: the smallest modularity gain that continues the levels and the rounds
///     (NetworkX's `threshold`, default 1e-7).
///   - maxLevels: at most this many levels per round (nil: no limit; NetworkX's `max_level`).
///   - maxRounds: at most this many rounds (1 is NetworkX's method; default 1000, in practice
///     two to four rounds run).
///   - weighted: read the graph's strengths (NetworkX's `weight="weight"`; false is
///     `weight=None`).
/// - Returns: the partition, numbered by size, with its modularity.
/// - Throws: `AlgorithmError.invalidParameter` when the resolution is negative or not finite or
///   `maxRounds` is below 1.
/// - Complexity: O(E) per sweep; in practice O(E log V) per round. Memory O(V + E).
/// - Reference: V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, "Fast unfolding of
///   communities in large networks", J. Stat. Mech. (2008) P10008,
///   doi:10.1088/1742-5468/2008/10/P10008. One round is the method of NetworkX's
///   `nx.community.louvain_communities(G, weight, resolution, threshold, max_level, seed)`
///   (its random draws differ, so partitions for the same seed differ too).
public func louvainCommunities(_ g: CompactGraph, resolution: Double = 1, seed: UInt64 = 0, threshold: Double = 1e-7,
                               maxLevels: Int? = nil, maxRounds: Int = 1000, weighted: Bool = true) throws -> CommunityPartition {
    try checkResolution(resolution)
    guard maxRounds >= 1 else { throw AlgorithmError.invalidParameter(name: "maxRounds", reason: "must be at least 1") }
    let labels = louvainLabels(CommunityGraph(g, weighted: weighted), resolution: resolution, seed: seed,
                               threshold: threshold, maxLevels: maxLevels, maxRounds: maxRounds)
    return CommunityPartition(labels: labels.map(Int.init), of: g, resolution: resolution, weighted: weighted)
}

/// Louvain on a community graph: a community per node, numbered by first appearance.
///
/// Round 1 is Blondel's method from singletons. Each further round starts again on the original
/// graph from the partition found (its first level moves single nodes of the original graph
/// between the communities found, then the levels continue on the aggregate), and the rounds
/// stop when one raises modularity by no more than `threshold`.
func louvainLabels(_ base: CommunityGraph, resolution: Double, seed: UInt64, threshold: Double, maxLevels: Int?,
                   maxRounds: Int) -> [Int32] {
    var rng = SeededGenerator(seed: seed)
    var membership = (0..<base.nodeCount).map { Int32($0) }
    guard base.m > 0 else { return membership }
    var best = base.modularity(membership, resolution: resolution)
    for _ in 0..<maxRounds {
        let next = louvainRound(base, start: membership, resolution: resolution, threshold: threshold,
                                maxLevels: maxLevels, rng: &rng)
        let q = base.modularity(next, resolution: resolution)
        if q > best { membership = next }
        if q - best <= threshold { break }
        best = q
    }
    renumberInPlace(&membership)
    return membership
}

/// One round of Louvain levels, the first starting from `start` (a community per node of `base`).
func louvainRound(_ base: CommunityGraph, start: [Int32], resolution: Double, threshold: Double, maxLevels: Int?,
                  rng: inout SeededGenerator) -> [Int32] {
    var membership = (0..<base.nodeCount).map { Int32($0) }
    var graph = base
    var quality = graph.modularity(membership, resolution: resolution)
    var community = start
    var level = 0
    while true {
        let order = shuffledOrder(graph.nodeCount, &rng)
        let moved = louvainMoveNodes(graph, &community, order: order, resolution: resolution)
        if !moved && level > 0 { break }
        let count = renumberInPlace(&community)
        for i in 0..<membership.count { membership[i] = community[Int(membership[i])] }
        level += 1
        let newQuality = graph.modularity(community, resolution: resolution)
        if newQuality - quality <= threshold { break }
        if let maxLevels, level >= maxLevels { break }
        quality = newQuality
        graph = graph.aggregated(by: community, count: count)
        community = (0..<graph.nodeCount).map { Int32($0) }
    }
    return membership
}

/// One Louvain level: sweeps `order` until no node moves. `community` holds the starting
/// partition (community numbers in `0..<nodeCount`) and receives the result.
/// - Returns: whether any node moved.
/// - Complexity: O(E) per sweep.
func louvainMoveNodes(_ g: CommunityGraph, _ community: inout [Int32], order: [Int32], resolution: Double) -> Bool {
    let n = g.nodeCount
    var sumOut = [Double](repeating: 0, count: n)
    var sumIn = [Double](repeating: 0, count: n)
    for u in 0..<n {
        sumOut[Int(community[u])] += g.kOut[u]
        sumIn[Int(community[u])] += g.kIn[u]
    }
    var toCommunity = [Double](repeating: 0, count: n)
    var mark = [Int](repeating: -1, count: n)
    var touched: [Int32] = []
    let scale = resolution / g.d
    var movedAny = false
    var stamp = 0
    var sweeps = 0
    while true {
        var moves = 0
        for u32 in order {
            let u = Int(u32)
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
            sumOut[best] += ko
            sumIn[best] += ki
            if best != own {
                community[u] = Int32(best)
                moves += 1
            }
            touched.removeAll(keepingCapacity: true)
            stamp += 1
        }
        if moves == 0 { break }
        movedAny = true
        sweeps += 1
        // Modularity rises with every move, so sweeps end; the cap only guards against
        // rounding cycles.
        if sweeps >= 10_000 { break }
    }
    return movedAny
}
