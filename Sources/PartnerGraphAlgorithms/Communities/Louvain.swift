/// Communities by the Louvain method: greedy modularity optimisation in levels.
///
/// Definition (Blondel et al. 2008): each level starts with every node of the current graph in
/// its own community and moves nodes, one at a time, to the neighbouring community with the
/// largest modularity gain when that gain is positive (staying wins ties). Nodes are visited
/// through a queue (`moveNodesWithQueue`): first all of them in an order shuffled by the seed,
/// then again only those whose neighbour changed community, until none is left (Ozaki et al.
/// 2016; Blondel's method sweeps every node again until a sweep moves nothing, which on large
/// graphs without strong communities takes hundreds of sweeps). The communities then
/// become the nodes of an aggregate graph (weights between communities summed, the weight
/// inside a community as a self-loop) and the next level runs on it. The levels stop when one
/// moves no node or raises modularity by no more than `threshold` (NetworkX's rule; the
/// partition of that last level is kept). Directed graphs use directed modularity (Leicht &
/// Newman), as NetworkX does.
///
/// That is one *round*, NetworkX's method (`maxRounds: 1`; NetworkX sweeps instead of queueing). By default further rounds
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
/// - Complexity: O(E) per visit of every node; in practice O(E log V) per round. Memory O(V + E).
/// - Reference: V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, "Fast unfolding of
///   communities in large networks", J. Stat. Mech. (2008) P10008,
///   doi:10.1088/1742-5468/2008/10/P10008. One round is the method of NetworkX's
///   `nx.community.louvain_communities(G, weight, resolution, threshold, max_level, seed)`
///   (its random draws differ, so partitions for the same seed differ too). The queue: H. Ozaki,
///   M. Tezuka, M. Inaba, "A Simple Acceleration Method for the Louvain Algorithm", Int. J.
///   Comput. Electr. Eng. 8 (2016) 207–218.
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
        let moved = moveNodesWithQueue(graph, &community, order: shuffledOrder(graph.nodeCount, &rng),
                                       resolution: resolution, allowEmpty: false)
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
