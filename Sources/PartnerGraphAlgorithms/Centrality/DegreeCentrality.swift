// Degree-type centralities and node strength on `CompactGraph`.

/// Degree centrality: the degree of each node divided by `n − 1`.
///
/// Definition: `C_D(v) = deg(v) / (n − 1)`, with the degree counted as NetworkX counts it:
/// in + out on a directed graph; on an undirected graph a self-loop counts twice (so values
/// above 1 are possible with self-loops). When `n ≤ 1` every node gets 1, as in NetworkX.
///
/// - Parameter g: the graph (weights are ignored).
/// - Returns: one value per node, indexed by node.
/// - Complexity: O(V + E) (self-loops are looked up in the rows of an undirected graph).
///
/// Reference: L. C. Freeman, "Centrality in social networks conceptual clarification",
/// Social Networks 1 (1979) 215–239, doi:10.1016/0378-8733(78)90021-7.
/// Equals `nx.degree_centrality(G)`.
public func degreeCentrality(_ g: CompactGraph) -> [Double] {
    let n = g.nodeCount
    if n <= 1 { return [Double](repeating: 1, count: n) }
    let s = 1.0 / (Double(n) - 1.0)
    return (0..<n).map { Double(g.degree($0)) * s }
}

/// In-degree centrality: the number of in-neighbours of each node divided by `n − 1`.
///
/// Definition: `C_in(v) = indeg(v) / (n − 1)`; a self-loop counts once towards the in-degree.
/// When `n ≤ 1` every node gets 1, as in NetworkX. NetworkX raises for undirected graphs;
/// here an undirected graph yields its degree centrality (in-degree = degree).
///
/// - Parameter g: the graph (weights are ignored).
/// - Returns: one value per node, indexed by node.
/// - Complexity: O(V).
///
/// Reference: L. C. Freeman (1979), doi:10.1016/0378-8733(78)90021-7.
/// Equals `nx.in_degree_centrality(G)` on directed graphs.
public func inDegreeCentrality(_ g: CompactGraph) -> [Double] {
    guard g.isDirected else { return degreeCentrality(g) }
    let n = g.nodeCount
    if n <= 1 { return [Double](repeating: 1, count: n) }
    let s = 1.0 / (Double(n) - 1.0)
    return (0..<n).map { Double(g.inRange($0).count) * s }
}

/// Out-degree centrality: the number of out-neighbours of each node divided by `n − 1`.
///
/// Definition: `C_out(v) = outdeg(v) / (n − 1)`; a self-loop counts once towards the out-degree.
/// When `n ≤ 1` every node gets 1, as in NetworkX. NetworkX raises for undirected graphs;
/// here an undirected graph yields its degree centrality (out-degree = degree).
///
/// - Parameter g: the graph (weights are ignored).
/// - Returns: one value per node, indexed by node.
/// - Complexity: O(V).
///
/// Reference: L. C. Freeman (1979), doi:10.1016/0378-8733(78)90021-7.
/// Equals `nx.out_degree_centrality(G)` on directed graphs.
public func outDegreeCentrality(_ g: CompactGraph) -> [Double] {
    guard g.isDirected else { return degreeCentrality(g) }
    let n = g.nodeCount
    if n <= 1 { return [Double](repeating: 1, count: n) }
    let s = 1.0 / (Double(n) - 1.0)
    return (0..<n).map { Double(g.outRange($0).count) * s }
}

/// Node strength: the weighted degree, the sum of the tie strengths at each node.
///
/// Definition: `s(v) = Σ_u w(v, u)` over incident edges. Directed: in-strength + out-strength
/// (a self-loop is counted in both, so twice). Undirected: a self-loop counts twice, as in
/// NetworkX. Unweighted graphs give the degree. Weights are read as strengths (`outStrengths`),
/// so for a graph built with `.distance` weights this sums `1/w`.
///
/// - Parameter g: the graph.
/// - Returns: one value per node, indexed by node.
/// - Complexity: O(V + E).
///
/// Reference: A. Barrat, M. Barthélemy, R. Pastor-Satorras, A. Vespignani, "The architecture of
/// complex weighted networks", PNAS 101 (2004) 3747–3752, doi:10.1073/pnas.0400087101.
/// Equals `dict(G.degree(weight="weight"))`.
public func strength(_ g: CompactGraph) -> [Double] {
    let n = g.nodeCount
    guard let outS = g.outStrengths, let inS = g.inStrengths else {
        return (0..<n).map { Double(g.degree($0)) }
    }
    var result = [Double](repeating: 0, count: n)
    for v in 0..<n {
        var s = 0.0
        for k in g.outRange(v) {
            s += outS[k]
            // Undirected self-loop: stored once, counts twice.
            if !g.isDirected && Int(g.outNeighbours[k]) == v { s += outS[k] }
        }
        if g.isDirected {
            for k in g.inRange(v) { s += inS[k] }
        }
        result[v] = s
    }
    return result
}
