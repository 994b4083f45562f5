/// Closeness centrality of every node: the inverse of its average distance from the nodes that
/// can reach it.
///
/// Definition (NetworkX's): for node `u`, let `R(u)` be the set of nodes `v != u` with a path
/// from `v` to `u` (on undirected graphs: the rest of `u`'s component), `r = |R(u)|` and
/// `D = Σ_{v ∈ R(u)} d(v, u)`. Then `C(u) = r / D`, multiplied by `r / (n - 1)` when
/// `wfImproved` (Wasserman–Faust), and `C(u) = 0` when `D = 0` or `n <= 1`. Directed graphs use
/// incoming distances `d(v, u)` (NetworkX reverses the graph); use `g.reversed()` for outward
/// closeness. Distances count edges, or sum `outLengths` when `weighted` (Dijkstra);
/// self-loops never shorten a path.
///
/// - Parameters:
///   - g: the graph.
///   - weighted: use the edge lengths (`weighted: true` on an unweighted graph counts edges).
///   - wfImproved: scale by the fraction of nodes that reach `u` (NetworkX's `wf_improved`).
///   - maxThreads: number of worker threads; 0 (default) uses every active core. The result does
///     not depend on it.
/// - Returns: the closeness of each node, indexed by node.
/// - Complexity: O(V (V + E) / 64 · D + V²) unweighted (multi-source BFS, 64 sources per
///   traversal, D the largest eccentricity); O(V (V + E) log V) weighted; O(V) extra memory per thread.
/// - Reference: L. C. Freeman, "Centrality in networks: I. Conceptual clarification", Social
///   Networks 1(3), 1979, doi:10.1016/0378-8733(78)90021-7; S. Wasserman, K. Faust, "Social
///   Network Analysis", Cambridge University Press, 1994, doi:10.1017/CBO9780511815478. Equals
///   `nx.closeness_centrality(G, distance="weight" if weighted else None, wf_improved=wfImproved)`.
public func closenessCentrality(_ g: CompactGraph, weighted: Bool, wfImproved: Bool = true,
                                maxThreads: Int = 0) -> [Double] {
    let n = g.nodeCount
    if n == 0 { return [] }
    let useWeights = weighted && g.isWeighted
    if !useWeights {
        let t = ShortestPaths.multiSourceBFS(g, incoming: true, maxThreads: maxThreads)
        return (0..<n).map { u in
            closenessValue(reached: t.reached[u], total: Double(t.distanceSum[u]), nodeCount: n, wfImproved: wfImproved)
        }
    }
    return ShortestPaths.perNodeSearch(g, weighted: useWeights, incoming: true, maxThreads: maxThreads) { _, ws, reached in
        // NetworkX: totsp = sum of the distances in the search (the node itself contributes 0).
        var total = 0.0
        for i in 0..<reached { total += ws.distance[Int(ws.order[i])] }
        return closenessValue(reached: reached, total: total, nodeCount: n, wfImproved: wfImproved)
    }
}

/// NetworkX's closeness of one node from the number of nodes in its search (itself included)
/// and the total distance.
private func closenessValue(reached: Int, total: Double, nodeCount n: Int, wfImproved: Bool) -> Double {
    guard total > 0, n > 1 else { return 0 }
    let others = Double(reached) - 1
    var c = others / total
    if wfImproved { c *= others / Double(n - 1) }
    return c
}
