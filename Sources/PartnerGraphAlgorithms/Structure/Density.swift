/// Density: the fraction of possible edges that are present.
///
/// Undirected `2m / (n (n − 1))`, directed `m / (n (n − 1))`, where a self-loop counts as an edge
/// in `m` (so the value can exceed 1, as in NetworkX); 0 when `n ≤ 1` or `m = 0`.
///
/// - Parameter g: the graph (weights are ignored).
/// - Returns: the density.
/// - Complexity: O(1).
/// - Reference: S. Wasserman, K. Faust, *Social Network Analysis* (1994), §4.2,
///   doi:10.1017/CBO9780511815478. Equals `nx.density(G)`.
public func density(_ g: CompactGraph) -> Double {
    let n = g.nodeCount, m = g.edgeCount
    if m == 0 || n <= 1 { return 0 }
    let d = Double(m) / (Double(n) * Double(n - 1))
    return g.isDirected ? d : 2 * d
}
