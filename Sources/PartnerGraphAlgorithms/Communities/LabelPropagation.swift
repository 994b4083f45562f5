/// Communities by asynchronous label propagation.
///
/// Definition (Raghavan, Albert & Kumara 2007): every node starts with a label of its own. In
/// each sweep the nodes are visited in an order shuffled by the seed; a node whose label is not
/// among the most frequent labels of its neighbours (frequency = summed edge strength when
/// weighted) takes one of those most frequent labels, chosen uniformly at random by the seed.
/// The sweeps stop when every node has a most frequent label among its neighbours. Nodes with
/// the same final label form a community.
///
/// Neighbours ignore direction (on a directed graph the arcs both ways add up) and self-loops;
/// a node without neighbours keeps its own label. Label propagation does not optimise
/// modularity; `resolution` only sets the resolution of the reported modularity. Its
/// communities are usually, but not always, connected.
///
/// - Parameters:
///   - g: the graph.
///   - seed: the seed of the visiting orders and the tie-breaks; the same seed gives the same
///     partition.
///   - weighted: weigh neighbours by the graph's strengths (NetworkX's `weight`).
///   - resolution: the resolution of the partition's reported modularity.
///   - maxSweeps: give up after this many sweeps.
/// - Returns: the partition, numbered by size, with its modularity.
/// - Throws: `AlgorithmError.unsupported` when labels still change after `maxSweeps` sweeps;
///   `AlgorithmError.invalidParameter` for a bad resolution.
/// - Complexity: O(E) per sweep; the number of sweeps is small in practice (about
///   log V on sparse graphs). Memory O(V + E).
/// - Reference: U. N. Raghavan, R. Albert, S. Kumara, "Near linear time algorithm to detect
///   community structures in large-scale networks", Phys. Rev. E 76, 036106 (2007),
///   doi:10.1103/PhysRevE.76.036106. Follows NetworkX's
///   `nx.community.asyn_lpa_communities(G, weight, seed)` (same rule and stopping criterion;
///   its random draws differ).
public func labelPropagationCommunities(_ g: CompactGraph, seed: UInt64 = 0, weighted: Bool = true, resolution: Double = 1,
                                        maxSweeps: Int = 10_000) throws -> CommunityPartition {
    try checkResolution(resolution)
    let graph = CommunityGraph(g, weighted: weighted)
    let n = graph.nodeCount
    var rng = SeededGenerator(seed: seed)
    var label = (0..<n).map { Int32($0) }
    var frequency = [Double](repeating: 0, count: n)
    var mark = [Int](repeating: -1, count: n)
    var touched: [Int32] = []
    var best: [Int32] = []
    var stamp = 0
    var settled = false
    for _ in 0..<maxSweeps {
        var changed = false
        for u32 in shuffledOrder(n, &rng) {
            let u = Int(u32)
            let row = graph.start[u]..<graph.start[u + 1]
            if row.isEmpty { continue }
            var top = -Double.infinity
            for e in row {
                let l = Int(label[Int(graph.neighbours[e])])
                if mark[l] != stamp {
                    mark[l] = stamp
                    frequency[l] = 0
                    touched.append(Int32(l))
                }
                frequency[l] += graph.weights[e]
            }
            for l in touched where frequency[Int(l)] > top { top = frequency[Int(l)] }
            let own = Int(label[u])
            if !(mark[own] == stamp && frequency[own] == top) {
                best.removeAll(keepingCapacity: true)
                for l in touched where frequency[Int(l)] == top { best.append(l) }
                label[u] = best[rng.nextInt(below: best.count)]
                changed = true
            }
            touched.removeAll(keepingCapacity: true)
            stamp += 1
        }
        if !changed {
            settled = true
            break
        }
    }
    guard settled else {
        throw AlgorithmError.unsupported(measure: "label propagation",
                                         reason: "labels still changed after \(maxSweeps) sweeps; try another seed or the Leiden algorithm")
    }
    return CommunityPartition(labels: label.map(Int.init), of: g, resolution: resolution, weighted: weighted)
}
