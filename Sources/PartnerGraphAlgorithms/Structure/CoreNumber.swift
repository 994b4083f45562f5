/// Core number of every node (k-core decomposition) by the Batagelj–Zaversnik bucket algorithm.
///
/// The k-core is the maximal subgraph in which every node has degree at least k; the core number
/// of a node is the largest k such that the node belongs to the k-core. On directed graphs the
/// degree is in-degree + out-degree (a reciprocal pair of arcs counts twice), as in NetworkX.
///
/// - Parameter g: the graph (weights are ignored).
/// - Returns: the core number of each node, indexed by node.
/// - Throws: `AlgorithmError.unsupported` when the graph has a self-loop (NetworkX raises
///   `NetworkXNotImplemented` there too).
/// - Complexity: O(V + E) time, O(V) extra memory.
/// - Reference: V. Batagelj, M. Zaversnik, "Fast algorithms for determining (generalized) core
///   groups in social networks", Adv. Data Anal. Classif. 5(2):129–145 (2011),
///   doi:10.1007/s11634-010-0079-y (arXiv:cs/0310049). Equals `nx.core_number(G)`.
public func coreNumber(_ g: CompactGraph) throws -> [Int] {
    let n = g.nodeCount
    if n == 0 { return [] }
    let directed = g.isDirected
    var deg = [Int32](repeating: 0, count: n)
    var selfLoops = 0
    var maxDeg: Int32 = 0
    g.outStart.withUnsafeBufferPointer { os in
    g.outNeighbours.withUnsafeBufferPointer { on in
    g.inStart.withUnsafeBufferPointer { ins in
        for v in 0..<n {
            var d = os[v + 1] - os[v]
            if directed { d += ins[v + 1] - ins[v] }
            for k in Int(os[v])..<Int(os[v + 1]) where Int(on[k]) == v { selfLoops += 1 }
            deg[v] = d
            if d > maxDeg { maxDeg = d }
        }
    }}}
    if selfLoops > 0 {
        throw AlgorithmError.unsupported(
            measure: "core number",
            reason: "the graph has \(selfLoops) self-loop\(selfLoops == 1 ? "" : "s"); k-cores are defined for graphs without self-loops (remove them first)")
    }
    let md = Int(maxDeg)
    var bin = [Int32](repeating: 0, count: md + 1)  // start of each degree bucket in `vert`
    var vert = [Int32](repeating: 0, count: n)       // nodes sorted by current degree
    var pos = [Int32](repeating: 0, count: n)        // position of each node in `vert`
    g.outStart.withUnsafeBufferPointer { os in
    g.outNeighbours.withUnsafeBufferPointer { on in
    g.inStart.withUnsafeBufferPointer { ins in
    g.inNeighbours.withUnsafeBufferPointer { inn in
    deg.withUnsafeMutableBufferPointer { dg in
    bin.withUnsafeMutableBufferPointer { bn in
    vert.withUnsafeMutableBufferPointer { vt in
    pos.withUnsafeMutableBufferPointer { ps in
        for v in 0..<n { bn[Int(dg[v])] += 1 }
        var s: Int32 = 0
        for d in 0...md { let c = bn[d]; bn[d] = s; s += c }
        for v in 0..<n {
            let d = Int(dg[v])
            ps[v] = bn[d]; vt[Int(bn[d])] = Int32(v); bn[d] += 1
        }
        for d in stride(from: md, to: 0, by: -1) { bn[d] = bn[d - 1] }
        bn[0] = 0
        @inline(__always) func lower(_ u: Int, below dv: Int32) {
            let du = dg[u]
            if du > dv {
                let pu = Int(ps[u])
                let pw = Int(bn[Int(du)])
                let w = Int(vt[pw])
                if u != w {
                    ps[u] = Int32(pw); vt[pu] = Int32(w)
                    ps[w] = Int32(pu); vt[pw] = Int32(u)
                }
                bn[Int(du)] += 1
                dg[u] = du - 1
            }
        }
        for i in 0..<n {
            let v = Int(vt[i])
            let dv = dg[v]
            for k in Int(os[v])..<Int(os[v + 1]) { lower(Int(on[k]), below: dv) }
            if directed {
                for k in Int(ins[v])..<Int(ins[v + 1]) { lower(Int(inn[k]), below: dv) }
            }
        }
    }}}}}}}}
    return deg.map { Int($0) }
}
