/// Degree assortativity coefficient: the Pearson correlation of the degrees at the two ends of
/// the edges.
///
/// Undirected: every edge `{u, v}` gives the pairs `(d(u), d(v))` and `(d(v), d(u))`, a self-loop
/// gives `(d(u), d(u))` once, and degrees count a self-loop twice. Directed: every arc `u → v`
/// gives `(d⁺(u), d⁻(v))` (NetworkX's defaults `x="out"`, `y="in"`), a self-loop counting once in
/// each. `r = cov(x, y) / (σ_x σ_y)` over these pairs (computed with centred sums, so it does not
/// suffer the cancellation of the textbook formula).
///
/// - Parameter g: the graph (weights are ignored).
/// - Returns: r in [−1, 1], or nil when it is undefined (no edges, or all source or all target
///   degrees equal, as in a regular graph), where NetworkX returns NaN.
/// - Complexity: O(V + E).
/// - Reference: M. E. J. Newman, "Mixing patterns in networks", Phys. Rev. E 67:026126 (2003),
///   doi:10.1103/PhysRevE.67.026126; J. G. Foster et al., PNAS 107:10815 (2010),
///   doi:10.1073/pnas.0912671107. Equals `nx.degree_assortativity_coefficient(G)`.
public func degreeAssortativity(_ g: CompactGraph) -> Double? {
    let n = g.nodeCount
    if n == 0 { return nil }
    // Source degree x(u) and target degree y(v) of each node.
    var xDeg = [Double](repeating: 0, count: n)
    var yDeg = [Double](repeating: 0, count: n)
    for v in 0..<n {
        if g.isDirected {
            xDeg[v] = Double(g.outStart[v + 1] - g.outStart[v])
            yDeg[v] = Double(g.inStart[v + 1] - g.inStart[v])
        } else {
            xDeg[v] = Double(g.degree(v))
            yDeg[v] = xDeg[v]
        }
    }
    let pairs = g.outNeighbours.count
    if pairs == 0 { return nil }
    var sx = 0.0, sy = 0.0
    var xMin = Double.infinity, xMax = -Double.infinity, yMin = Double.infinity, yMax = -Double.infinity
    g.outStart.withUnsafeBufferPointer { os in
    g.outNeighbours.withUnsafeBufferPointer { on in
        for u in 0..<n {
            let lo = Int(os[u]), hi = Int(os[u + 1])
            if lo == hi { continue }
            let x = xDeg[u]
            sx += x * Double(hi - lo)
            xMin = min(xMin, x); xMax = max(xMax, x)
            for k in lo..<hi {
                let y = yDeg[Int(on[k])]
                sy += y
                yMin = min(yMin, y); yMax = max(yMax, y)
            }
        }
    }}
    if xMin == xMax || yMin == yMax { return nil }
    let m = Double(pairs)
    let mx = sx / m, my = sy / m
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    g.outStart.withUnsafeBufferPointer { os in
    g.outNeighbours.withUnsafeBufferPointer { on in
        for u in 0..<n {
            let lo = Int(os[u]), hi = Int(os[u + 1])
            if lo == hi { continue }
            let dx = xDeg[u] - mx
            sxx += dx * dx * Double(hi - lo)
            var rowY = 0.0
            for k in lo..<hi {
                let dy = yDeg[Int(on[k])] - my
                rowY += dy
                syy += dy * dy
            }
            sxy += dx * rowY
        }
    }}
    let r = sxy / (sxx * syy).squareRoot()
    return r.isFinite ? r : nil
}
