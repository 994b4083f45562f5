import Foundation

/// Local clustering coefficient of every node.
///
/// Undirected, unweighted: `c(u) = 2 T(u) / (d(u) (d(u) − 1))`, with `T(u)` the triangles through
/// `u` and `d(u)` its degree without self-loops. Undirected, weighted (Onnela et al.): `T(u)` is the
/// sum over triangles through `u` of the geometric mean `(ŵ_uv ŵ_vw ŵ_wu)^(1/3)` of the normalised
/// strengths `ŵ = w / max(w)` (the maximum over all edges, self-loops included, as NetworkX).
/// Directed (Fagiolo): `c(u) = T(u) / (2 (d_tot(u) (d_tot(u) − 1) − 2 d_↔(u)))`, where `T(u)` counts
/// the directed triangles through `u` (`((A + Aᵀ)³)_uu`, or with each arc weighted by `ŵ^(1/3)`),
/// `d_tot` is in-degree + out-degree and `d_↔` the number of reciprocated neighbours. Self-loops are
/// ignored; a node without triangles has coefficient 0.
///
/// Each triangle is found once by the degree-ordered forward algorithm and credited to its three
/// nodes; with `ŵ^(1/3)` per arc every definition above is a symmetric product per triangle.
///
/// - Parameters:
///   - g: the graph.
///   - weighted: use the tie strengths (`outStrengths`); ignored when the graph is unweighted. The
///     default, `false`, matches NetworkX's default `weight=None`.
/// - Returns: the clustering coefficient of each node, indexed by node.
/// - Complexity: O(V + E^1.5) time, O(V + E) memory.
/// - Reference: D. J. Watts, S. H. Strogatz, Nature 393:440–442 (1998), doi:10.1038/30918;
///   J.-P. Onnela et al., Phys. Rev. E 71:065103 (2005), doi:10.1103/PhysRevE.71.065103;
///   G. Fagiolo, Phys. Rev. E 76:026107 (2007), doi:10.1103/PhysRevE.76.026107; forward algorithm:
///   T. Schank, D. Wagner, WEA 2005, doi:10.1007/11427186_54. Equals `nx.clustering(G)` or
///   `nx.clustering(G, weight="weight")`.
public func clustering(_ g: CompactGraph, weighted: Bool = false) -> [Double] {
    let n = g.nodeCount
    if n == 0 { return [] }
    let support = TriangleSupport(g, weighted: weighted && g.isWeighted)
    let tri = support.triangleSums()
    var c = [Double](repeating: 0, count: n)
    if g.isDirected {
        for v in 0..<n where tri[v] != 0 {
            let dt = Double(support.totalDegree[v]), db = Double(support.reciprocalDegree[v])
            c[v] = tri[v] / (dt * (dt - 1) - 2 * db)
        }
    } else {
        for v in 0..<n where tri[v] != 0 {
            let d = Double(support.start[v + 1] - support.start[v])
            c[v] = 2 * tri[v] / (d * (d - 1))
        }
    }
    return c
}

/// Average local clustering coefficient over all nodes (nodes without triangles count as 0).
///
/// `C = (1/V) Σ_u c(u)` with `c` from `clustering(_:weighted:)`.
///
/// - Parameters:
///   - g: the graph (directed or undirected).
///   - weighted: use the tie strengths; default `false` as NetworkX's default `weight=None`.
/// - Returns: the average, or nil for the empty graph (NetworkX raises `ZeroDivisionError`).
/// - Complexity: O(V + E^1.5).
/// - Reference: Watts & Strogatz (1998), doi:10.1038/30918. Equals `nx.average_clustering(G)`
///   (`count_zeros=True`).
public func averageClustering(_ g: CompactGraph, weighted: Bool = false) -> Double? {
    guard g.nodeCount > 0 else { return nil }
    var s = 0.0
    for x in clustering(g, weighted: weighted) { s += x }  // sequential, in node order, as Python's sum
    return s / Double(g.nodeCount)
}

/// Transitivity (global clustering coefficient): the fraction of connected triples that close
/// into triangles.
///
/// Undirected: `3 × triangles / connected triples = Σ_u 2T(u) / Σ_u d(u)(d(u) − 1)`, self-loops
/// ignored. On a directed graph NetworkX applies the same code to successor sets, so this does too:
/// `Σ_u #{(v, w): u→v, u→w, v→w} / Σ_u d⁺(u)(d⁺(u) − 1)` (self-loops ignored). Returns 0 when
/// there are no triangles or no nodes.
///
/// - Parameter g: the graph (weights are ignored).
/// - Returns: the transitivity in [0, 1].
/// - Complexity: O(V + E^1.5) undirected; O(V + Σ_(u→v) d⁺(v)) directed.
/// - Reference: M. E. J. Newman, "The structure and function of complex networks", SIAM Rev.
///   45(2):167–256 (2003), doi:10.1137/S003614450342480. Equals `nx.transitivity(G)`.
public func transitivity(_ g: CompactGraph) -> Double {
    let n = g.nodeCount
    if n == 0 { return 0 }
    var triangles = 0  // NetworkX's "triangles": twice the triangles through each node, summed
    var triads = 0
    if g.isDirected {
        var mark = [Int32](repeating: -1, count: n)
        g.outStart.withUnsafeBufferPointer { os in
        g.outNeighbours.withUnsafeBufferPointer { on in
        mark.withUnsafeMutableBufferPointer { mk in
            for u in 0..<n {
                var d = 0
                for k in Int(os[u])..<Int(os[u + 1]) where Int(on[k]) != u {
                    mk[Int(on[k])] = Int32(u); d += 1
                }
                triads += d * (d - 1)
                for k in Int(os[u])..<Int(os[u + 1]) {
                    let v = Int(on[k])
                    if v == u { continue }
                    for j in Int(os[v])..<Int(os[v + 1]) {
                        let w = Int(on[j])
                        if w != v && w != u && mk[w] == Int32(u) { triangles += 1 }
                    }
                }
            }
        }}}
    } else {
        let support = TriangleSupport(g, weighted: false)
        let tri = support.triangleSums()
        for v in 0..<n {
            triangles += 2 * Int(tri[v])
            let d = Int(support.start[v + 1] - support.start[v])
            triads += d * (d - 1)
        }
    }
    return triangles == 0 ? 0 : Double(triangles) / Double(triads)
}

/// Undirected simple support of a graph for triangle sums: each undirected neighbour pair carries
/// a symmetric value `s` (1 unweighted undirected; arc count 1–2 unweighted directed; the sum of
/// `(w / max w)^(1/3)` over the arcs between the two nodes when weighted).
private struct TriangleSupport {
    var start: [Int32]
    var neighbours: [Int32]
    var value: [Double]
    /// Directed only: in + out degree without self-loops.
    var totalDegree: [Int32] = []
    /// Directed only: number of neighbours that are both predecessors and successors.
    var reciprocalDegree: [Int32] = []

    init(_ g: CompactGraph, weighted: Bool) {
        let n = g.nodeCount
        let outStrengths = weighted ? g.outStrengths : nil
        let inStrengths = weighted ? g.inStrengths : nil
        var maxWeight = 1.0
        if let s = outStrengths, !s.isEmpty { maxWeight = s.max()! }
        let inv = 1 / maxWeight
        start = [Int32](repeating: 0, count: n + 1)
        neighbours = []
        value = []
        let cap = g.isDirected ? g.outNeighbours.count + g.inNeighbours.count : g.outNeighbours.count
        neighbours.reserveCapacity(cap)
        value.reserveCapacity(cap)
        @inline(__always) func arc(_ strengths: [Double]?, _ k: Int) -> Double {
            guard weighted, let s = strengths else { return 1 }
            return cbrt(s[k] * inv)
        }
        if g.isDirected {
            totalDegree = [Int32](repeating: 0, count: n)
            reciprocalDegree = [Int32](repeating: 0, count: n)
            let on = g.outNeighbours, inn = g.inNeighbours
            for v in 0..<n {
                var a = Int(g.outStart[v]); let ae = Int(g.outStart[v + 1])
                var b = Int(g.inStart[v]); let be = Int(g.inStart[v + 1])
                var dt: Int32 = 0, db: Int32 = 0
                while a < ae || b < be {
                    let x: Int32, s: Double
                    if b >= be || (a < ae && on[a] < inn[b]) {
                        x = on[a]; s = arc(outStrengths, a); a += 1
                        if Int(x) != v { dt += 1 }
                    } else if a >= ae || inn[b] < on[a] {
                        x = inn[b]; s = arc(inStrengths, b); b += 1
                        if Int(x) != v { dt += 1 }
                    } else {
                        x = on[a]; s = arc(outStrengths, a) + arc(inStrengths, b); a += 1; b += 1
                        if Int(x) != v { dt += 2; db += 1 }
                    }
                    if Int(x) != v { neighbours.append(x); value.append(s) }
                }
                totalDegree[v] = dt
                reciprocalDegree[v] = db
                start[v + 1] = Int32(neighbours.count)
            }
        } else {
            let on = g.outNeighbours
            for v in 0..<n {
                for k in g.outRange(v) where Int(on[k]) != v {
                    neighbours.append(on[k]); value.append(arc(outStrengths, k))
                }
                start[v + 1] = Int32(neighbours.count)
            }
        }
    }

    /// For each node, the sum over the triangles through it of the product of the three pair
    /// values; degree-ordered forward algorithm, each triangle visited once.
    func triangleSums() -> [Double] {
        let n = start.count - 1
        var tri = [Double](repeating: 0, count: n)
        if n <= 0 { return tri }
        // Orient each pair from lower to higher (degree, index) rank.
        var fstart = [Int32](repeating: 0, count: n + 1)
        var fnb = [Int32](repeating: 0, count: neighbours.count / 2)
        var fval = [Double](repeating: 0, count: neighbours.count / 2)
        var stamp = [Int32](repeating: -1, count: n)
        var stampVal = [Double](repeating: 0, count: n)
        start.withUnsafeBufferPointer { st in
        neighbours.withUnsafeBufferPointer { nb in
        value.withUnsafeBufferPointer { val in
        fstart.withUnsafeMutableBufferPointer { fs in
        fnb.withUnsafeMutableBufferPointer { fn in
        fval.withUnsafeMutableBufferPointer { fv in
        stamp.withUnsafeMutableBufferPointer { sp in
        stampVal.withUnsafeMutableBufferPointer { sv in
        tri.withUnsafeMutableBufferPointer { t in
            var at = 0
            for u in 0..<n {
                let du = st[u + 1] - st[u]
                for k in Int(st[u])..<Int(st[u + 1]) {
                    let v = Int(nb[k])
                    let dv = st[v + 1] - st[v]
                    if dv > du || (dv == du && v > u) { fn[at] = Int32(v); fv[at] = val[k]; at += 1 }
                }
                fs[u + 1] = Int32(at)
            }
            for u in 0..<n {
                let lo = Int(fs[u]), hi = Int(fs[u + 1])
                if hi - lo < 2 { continue }
                for k in lo..<hi { sp[Int(fn[k])] = Int32(u); sv[Int(fn[k])] = fv[k] }
                for k in lo..<hi {
                    let v = Int(fn[k])
                    let suv = fv[k]
                    var accV = 0.0
                    for j in Int(fs[v])..<Int(fs[v + 1]) {
                        let w = Int(fn[j])
                        if sp[w] == Int32(u) {
                            let p = suv * fv[j] * sv[w]
                            accV += p
                            t[w] += p
                        }
                    }
                    t[u] += accV
                    t[v] += accV
                }
            }
        }}}}}}}}}
        return tri
    }
}
