/// Harmonic centrality of every node: the sum of the reciprocal distances from the other nodes.
///
/// Definition (NetworkX's): `H(u) = Σ_{v != u, d(v, u) < ∞} 1 / d(v, u)`, unnormalised. On
/// directed graphs the distance is from `v` to `u` — NetworkX runs a search from every `v` and
/// credits `1/d(v, u)` to each `u` it reaches, so this is the in-harmonic centrality, like
/// `closenessCentrality`; use `g.reversed()` for the out-version. Distances count edges, or sum
/// `outLengths` when `weighted` (Dijkstra); unreachable nodes contribute 0; self-loops are ignored.
///
/// - Parameters:
///   - g: the graph.
///   - weighted: use the edge lengths (`weighted: true` on an unweighted graph counts edges).
///   - maxThreads: number of worker threads; 0 (default) uses every active core. The result does
///     not depend on it.
/// - Returns: the harmonic centrality of each node, indexed by node.
/// - Complexity: O(V (V + E) / 64 · D + V²) unweighted (multi-source BFS, 64 sources per
///   traversal, D the largest eccentricity); O(V (V + E) log V) weighted; O(V) extra memory per thread.
/// - Reference: P. Boldi, S. Vigna, "Axioms for centrality", Internet Mathematics 10(3–4), 2014,
///   doi:10.1080/15427951.2013.865686. Equals
///   `nx.harmonic_centrality(G, distance="weight" if weighted else None)`.
public func harmonicCentrality(_ g: CompactGraph, weighted: Bool, maxThreads: Int = 0) -> [Double] {
    let useWeights = weighted && g.isWeighted
    if !useWeights {
        return ShortestPaths.multiSourceBFS(g, incoming: true, maxThreads: maxThreads).reciprocalSum
    }
    return ShortestPaths.perNodeSearch(g, weighted: true, incoming: true, maxThreads: maxThreads) { _, ws, reached in
        var total = 0.0
        for i in 1..<max(reached, 1) {
            let d = ws.distance[Int(ws.order[i])]
            if d != 0 { total += 1 / d }
        }
        return total
    }
}
