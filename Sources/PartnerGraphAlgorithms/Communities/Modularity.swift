/// Modularity of a partition of the nodes into communities.
///
/// Definition (Newman & Girvan 2004; with a resolution γ, Reichardt & Bornholdt 2006):
/// - undirected: `Q = Σ_c [ L_c / m − γ (K_c / 2m)² ]`, where `L_c` is the weight of the edges
///   inside community `c` (a self-loop once), `K_c` the sum of the degrees (strengths) of its
///   nodes (a self-loop counting twice) and `m` the total edge weight;
/// - directed (Leicht & Newman 2008): `Q = Σ_c [ L_c / m − γ K_c^out K_c^in / m² ]`, where
///   `L_c` is the weight of the arcs inside `c`, `K_c^out` and `K_c^in` the sums of the out- and
///   in-strengths of its nodes (a self-loop once in each) and `m` the total arc weight.
///
/// Unweighted graphs (or `weighted: false`) count every edge 1. Larger γ favours more, smaller
/// communities; γ = 1 is the classic modularity.
///
/// - Parameters:
///   - g: the graph; parallel edges are already merged in a `CompactGraph`.
///   - community: the community of each node, a number in `0..<g.nodeCount` (any labelling:
///     only equality matters).
///   - resolution: γ (NetworkX's `resolution`), default 1.
///   - weighted: read the graph's strengths (NetworkX's `weight="weight"`); false counts every
///     edge 1 (`weight=None`).
/// - Returns: Q; NaN when the graph has no edges (NetworkX raises ZeroDivisionError there).
/// - Complexity: O(V + E) time, O(V) extra memory.
/// - Reference: equals `nx.community.modularity(G, communities, weight=..., resolution=γ)`
///   (to rounding: 1e-9 on every fixture). M. E. J. Newman, M. Girvan, "Finding and evaluating
///   community structure in networks", Phys. Rev. E 69, 026113 (2004),
///   doi:10.1103/PhysRevE.69.026113; E. A. Leicht, M. E. J. Newman, "Community structure in
///   directed networks", Phys. Rev. Lett. 100, 118703 (2008), doi:10.1103/PhysRevLett.100.118703;
///   J. Reichardt, S. Bornholdt, "Statistical mechanics of community detection", Phys. Rev. E
///   74, 016110 (2006), doi:10.1103/PhysRevE.74.016110.
public func modularity(_ g: CompactGraph, community: [Int], resolution: Double = 1, weighted: Bool = true) -> Double {
    let n = g.nodeCount
    precondition(community.count == n, "one community per node")
    let strengths = weighted ? g.outStrengths : nil
    var inside = [Double](repeating: 0, count: n)
    var sumOut = [Double](repeating: 0, count: n)
    var sumIn = [Double](repeating: 0, count: n)
    var total = 0.0
    for u in 0..<n {
        let c = community[u]
        precondition(c >= 0 && c < n, "community numbers must lie in 0..<nodeCount")
        var out = 0.0
        for e in g.outRange(u) {
            let v = Int(g.outNeighbours[e])
            let w = strengths?[e] ?? 1
            out += w
            if g.isDirected {
                if community[v] == c { inside[c] += w }
            } else if v == u {
                out += w  // a self-loop counts twice towards the degree, once inside
                inside[c] += w
            } else if v > u && community[v] == c {
                inside[c] += w
            }
        }
        sumOut[c] += out
        total += out
    }
    if g.isDirected {
        let inStrengths = weighted ? g.inStrengths : nil
        for u in 0..<n {
            var k = 0.0
            for e in g.inRange(u) { k += inStrengths?[e] ?? 1 }
            sumIn[community[u]] += k
        }
    } else {
        sumIn = sumOut
    }
    // total: Σ out-strengths (directed: m) or Σ degrees (undirected: 2m).
    let m = g.isDirected ? total : total / 2
    guard m > 0 else { return .nan }
    let norm = g.isDirected ? 1 / (m * m) : 1 / (total * total)
    var q = 0.0
    for c in 0..<n where sumOut[c] != 0 || sumIn[c] != 0 {
        q += inside[c] / m - resolution * sumOut[c] * sumIn[c] * norm
    }
    return q
}
