import Dispatch

/// Diameter and radius of the largest connected component: the result of `diameterAndRadius(_:)`.
public struct DiameterRadius: Sendable, Equatable, Codable {
    /// Largest eccentricity in the component (hops).
    public let diameter: Int
    /// Smallest eccentricity in the component (hops).
    public let radius: Int
    /// Number of nodes in the component.
    public let componentSize: Int
    /// Number of breadth-first searches the bounding algorithm needed (at most `componentSize`).
    public let searches: Int
}

/// Exact diameter and radius (in hops) of the largest connected component, with edge direction
/// and weights ignored.
///
/// The eccentricity of a node is its largest hop distance to another node of its component; the
/// diameter is the largest and the radius the smallest eccentricity. The largest component is the
/// one with most nodes, ties going to the component with the smallest node index (as
/// `max(nx.connected_components(G), key=len)`). Direction is ignored on directed graphs
/// (weakly connected component of `G.to_undirected()`). A one-node component has diameter and
/// radius 0.
///
/// Uses the eccentricity-bounding algorithm: breadth-first searches from selected nodes tighten
/// per-node lower/upper bounds `max(d(v,w), e(v) − d(v,w)) ≤ e(w) ≤ e(v) + d(v,w)`, and nodes that can
/// no longer change either extreme are dropped. Two searches run in parallel per round (the node
/// with the largest upper bound and the one with the smallest lower bound). The result is exact;
/// on small-world graphs a handful of searches suffice.
///
/// - Parameter g: the graph.
/// - Returns: diameter, radius and size of the largest component, or nil for the empty graph.
/// - Complexity: O(k (V + E)) time for k searches, k ≤ V (worst case O(V E)); O(V + E) memory.
/// - Reference: F. W. Takes, W. A. Kosters, "Computing the eccentricity distribution of large
///   graphs", Algorithms 6(1):100–118 (2013), doi:10.3390/a6010100 (BoundingDiameters, CIKM 2011,
///   doi:10.1145/2063576.2063748). Equals `nx.diameter(C)` and `nx.radius(C)` with
///   `C = G.to_undirected().subgraph(max(nx.connected_components(G.to_undirected()), key=len))`.
public func diameterAndRadius(_ g: CompactGraph) -> DiameterRadius? {
    let n = g.nodeCount
    if n == 0 { return nil }
    let comps = connectedComponents(g)
    guard let big = comps.largestComponent else { return nil }
    let size = comps.sizes[big]
    if size == 1 { return DiameterRadius(diameter: 0, radius: 0, componentSize: 1, searches: 0) }
    let view = g.isDirected ? StructureUndirectedRows(g) : nil
    let start = view?.start ?? g.outStart
    let nbrs = view?.neighbours ?? g.outNeighbours

    // Candidates: nodes of the largest component still able to change an extreme.
    var cand = [Int32]()
    cand.reserveCapacity(size)
    for v in 0..<n where Int(comps.label[v]) == big { cand.append(Int32(v)) }
    var lower = [Int32](repeating: 0, count: n)
    var upper = [Int32](repeating: Int32.max, count: n)
    var diamLow: Int32 = 0          // max of all lower bounds seen (≤ diameter)
    var radUp: Int32 = Int32.max    // min of all upper bounds seen (≥ radius)
    var searches = 0
    var distA = [Int32](repeating: -1, count: n)
    var distB = [Int32](repeating: -1, count: n)
    var queueA = [Int32](repeating: 0, count: size)
    var queueB = [Int32](repeating: 0, count: size)
    var pickUpper = true

    start.withUnsafeBufferPointer { st in
    nbrs.withUnsafeBufferPointer { nb in
    lower.withUnsafeMutableBufferPointer { lo in
    upper.withUnsafeMutableBufferPointer { up in
    distA.withUnsafeMutableBufferPointer { da in
    distB.withUnsafeMutableBufferPointer { db in
    queueA.withUnsafeMutableBufferPointer { qa in
    queueB.withUnsafeMutableBufferPointer { qb in
        let stP = StructureSendablePointer(st.baseAddress!)
        let nbP = StructureSendablePointer(nb.baseAddress!)  // size ≥ 2, so there are edges
        let dists = [StructureSendableMutablePointer(da.baseAddress!), StructureSendableMutablePointer(db.baseAddress!)]
        let queues = [StructureSendableMutablePointer(qa.baseAddress!), StructureSendableMutablePointer(qb.baseAddress!)]
        let eccBuffer = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        defer { eccBuffer.deallocate() }
        let eccs = StructureSendableMutablePointer(eccBuffer)
        while !cand.isEmpty {
            // Choose up to two sources: largest upper bound and smallest lower bound (ties: larger
            // degree, then smaller index).
            func degree(_ v: Int32) -> Int32 { st[Int(v) + 1] - st[Int(v)] }
            var bestUp = cand[0], bestLo = cand[0]
            for c in cand {
                let ci = Int(c)
                let bu = Int(bestUp), bl = Int(bestLo)
                if up[ci] > up[bu] || (up[ci] == up[bu] && degree(c) > degree(bestUp)) { bestUp = c }
                if lo[ci] < lo[bl] || (lo[ci] == lo[bl] && degree(c) > degree(bestLo)) { bestLo = c }
            }
            var sources: [Int32] = pickUpper ? [bestUp] : [bestLo]
            let other = pickUpper ? bestLo : bestUp
            if other != sources[0] { sources.append(other) }
            pickUpper.toggle()
            let srcs = sources
            let work: (Int) -> Void = { i in
                eccs.p[i] = structureBFS(source: Int(srcs[i]), start: stP.p, neighbours: nbP.p,
                                       dist: dists[i].p, queue: queues[i].p)
            }
            if srcs.count == 2 && size >= 4096 {
                let box = StructureUncheckedBox(work)
                DispatchQueue.concurrentPerform(iterations: 2) { i in box.value(i) }
            } else {
                for i in 0..<srcs.count { work(i) }
            }
            searches += srcs.count
            // Tighten bounds and drop settled candidates.
            for i in 0..<srcs.count {
                let e = eccs.p[i]
                let d = dists[i].p
                if e > diamLow { diamLow = e }
                if e < radUp { radUp = e }
                for c in cand {
                    let ci = Int(c)
                    let dw = d[ci]
                    let l = max(dw, e - dw), u = e + dw
                    if l > lo[ci] { lo[ci] = l }
                    if u < up[ci] { up[ci] = u }
                    if lo[ci] > diamLow { diamLow = lo[ci] }
                    if up[ci] < radUp { radUp = up[ci] }
                }
            }
            var keep = 0
            for c in cand {
                let ci = Int(c)
                let settled = lo[ci] == up[ci]
                let irrelevant = up[ci] <= diamLow && lo[ci] >= radUp
                if !(settled || irrelevant) { cand[keep] = c; keep += 1 }
            }
            cand.removeLast(cand.count - keep)
            // Reset the distance arrays for the next round (only component nodes were touched).
            for i in 0..<srcs.count {
                let d = dists[i].p, q = queues[i].p
                for k in 0..<size { d[Int(q[k])] = -1 }
            }
        }
    }}}}}}}}
    return DiameterRadius(diameter: Int(diamLow), radius: Int(radUp), componentSize: size, searches: searches)
}

/// Breadth-first search from `source`; fills `dist` (which must be −1 everywhere on entry) for the
/// source's component and records the visit order in `queue`. Returns the source's eccentricity.
private func structureBFS(source: Int, start: UnsafePointer<Int32>, neighbours: UnsafePointer<Int32>,
                          dist: UnsafeMutablePointer<Int32>, queue: UnsafeMutablePointer<Int32>) -> Int32 {
    dist[source] = 0
    queue[0] = Int32(source)
    var head = 0, tail = 1
    var ecc: Int32 = 0
    while head < tail {
        let v = Int(queue[head]); head += 1
        let dn = dist[v] + 1
        for k in Int(start[v])..<Int(start[v + 1]) {
            let w = Int(neighbours[k])
            if dist[w] < 0 { dist[w] = dn; queue[tail] = Int32(w); tail += 1; ecc = dn }
        }
    }
    return ecc
}

private struct StructureSendablePointer: @unchecked Sendable {
    let p: UnsafePointer<Int32>
    init(_ p: UnsafePointer<Int32>) { self.p = p }
}

private struct StructureSendableMutablePointer: @unchecked Sendable {
    let p: UnsafeMutablePointer<Int32>
    init(_ p: UnsafeMutablePointer<Int32>) { self.p = p }
}

private struct StructureUncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
