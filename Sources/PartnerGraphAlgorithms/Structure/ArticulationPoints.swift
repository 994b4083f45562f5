/// An undirected edge `{u, v}` reported with `u < v`.
public struct Bridge: Sendable, Hashable, Codable, Comparable {
    /// The smaller endpoint.
    public let u: Int
    /// The larger endpoint.
    public let v: Int

    /// Creates the edge `{a, b}`, storing the smaller endpoint first.
    public init(_ a: Int, _ b: Int) {
        u = min(a, b)
        v = max(a, b)
    }

    /// The endpoints as a two-element array `[u, v]`.
    public var pair: [Int] { [u, v] }

    public static func < (lhs: Bridge, rhs: Bridge) -> Bool { (lhs.u, lhs.v) < (rhs.u, rhs.v) }
}

/// The cut structure of a graph: the result of `cutStructure(_:)`.
public struct CutStructure: Sendable, Equatable, Codable {
    /// Articulation points (cut vertices), in increasing index order.
    public let articulationPoints: [Int]
    /// Bridges (cut edges), each with `u < v`, sorted.
    public let bridges: [Bridge]

    /// Creates a cut structure from sorted articulation points and sorted bridges.
    public init(articulationPoints: [Int], bridges: [Bridge]) {
        self.articulationPoints = articulationPoints
        self.bridges = bridges
    }
}

/// Articulation points and bridges of the graph with edge direction ignored, found by one
/// iterative depth-first search (Hopcroft–Tarjan low-point method; no recursion, so arbitrarily
/// deep graphs are fine).
///
/// An articulation point is a node whose removal increases the number of connected components; a
/// bridge is an edge whose removal does. Direction is ignored, reciprocal arcs are one edge,
/// parallel edges are already merged, and a self-loop is never a bridge and never makes a node an
/// articulation point.
///
/// - Parameter g: the graph (weights are ignored).
/// - Returns: the sorted articulation points and the sorted bridges.
/// - Complexity: O(V + E) time, O(V + E) extra memory on directed graphs (the undirected view),
///   O(V) on undirected graphs.
/// - Reference: J. Hopcroft, R. Tarjan, "Algorithm 447: efficient algorithms for graph
///   manipulation", Commun. ACM 16(6):372–378 (1973), doi:10.1145/362248.362272. Equals
///   `sorted(nx.articulation_points(H))` and `sorted(tuple(sorted(e)) for e in nx.bridges(H))` with
///   `H = G.to_undirected()` (NetworkX rejects directed graphs for both).
public func cutStructure(_ g: CompactGraph) -> CutStructure {
    let n = g.nodeCount
    if n == 0 { return CutStructure(articulationPoints: [], bridges: []) }
    let view: CompactGraph.UndirectedRows? = g.isDirected ? CompactGraph.UndirectedRows(g) : nil
    let start = view?.start ?? g.outStart
    let nbrs = view?.neighbours ?? g.outNeighbours
    var disc = [Int32](repeating: -1, count: n)
    var low = [Int32](repeating: 0, count: n)
    var parent = [Int32](repeating: -1, count: n)
    var cursor = [Int32](repeating: 0, count: n)
    var stack = [Int32](repeating: 0, count: n)
    var isCut = [Bool](repeating: false, count: n)
    var bridges: [Bridge] = []
    start.withUnsafeBufferPointer { st in
    nbrs.withUnsafeBufferPointer { nb in
    disc.withUnsafeMutableBufferPointer { dc in
    low.withUnsafeMutableBufferPointer { lw in
    parent.withUnsafeMutableBufferPointer { par in
    cursor.withUnsafeMutableBufferPointer { cur in
    stack.withUnsafeMutableBufferPointer { stk in
    isCut.withUnsafeMutableBufferPointer { cut in
        var time: Int32 = 0
        for root in 0..<n where dc[root] < 0 {
            dc[root] = time; lw[root] = time; time += 1
            cur[root] = st[root]
            stk[0] = Int32(root)
            var top = 1
            var rootChildren = 0
            while top > 0 {
                let v = Int(stk[top - 1])
                let end = st[v + 1]
                var descended = false
                while cur[v] < end {
                    let w = Int(nb[Int(cur[v])])
                    cur[v] += 1
                    if w == v { continue }  // self-loop
                    if dc[w] < 0 {
                        par[w] = Int32(v)
                        dc[w] = time; lw[w] = time; time += 1
                        cur[w] = st[w]
                        stk[top] = Int32(w); top += 1
                        if v == root { rootChildren += 1 }
                        descended = true
                        break
                    } else if Int32(w) != par[v] {
                        if dc[w] < lw[v] { lw[v] = dc[w] }
                    }
                }
                if descended { continue }
                top -= 1
                let p = Int(par[v])
                if p >= 0 {
                    if lw[v] < lw[p] { lw[p] = lw[v] }
                    if lw[v] > dc[p] { bridges.append(Bridge(p, v)) }
                    if p != root && lw[v] >= dc[p] { cut[p] = true }
                }
            }
            if rootChildren >= 2 { cut[root] = true }
        }
    }}}}}}}}
    var points: [Int] = []
    for v in 0..<n where isCut[v] { points.append(v) }
    bridges.sort()
    return CutStructure(articulationPoints: points, bridges: bridges)
}

/// Articulation points (cut vertices) of the graph with edge direction ignored.
///
/// A node is an articulation point when removing it (and its edges) increases the number of
/// connected components. Self-loops are ignored.
///
/// - Parameter g: the graph (weights are ignored).
/// - Returns: the articulation points in increasing index order.
/// - Complexity: O(V + E).
/// - Reference: Hopcroft & Tarjan (1973), doi:10.1145/362248.362272. Equals
///   `sorted(nx.articulation_points(G.to_undirected()))`.
public func articulationPoints(_ g: CompactGraph) -> [Int] {
    cutStructure(g).articulationPoints
}

/// Bridges (cut edges) of the graph with edge direction ignored.
///
/// An edge is a bridge when removing it increases the number of connected components. A self-loop
/// is never a bridge; reciprocal arcs of a directed graph form one undirected edge.
///
/// - Parameter g: the graph (weights are ignored).
/// - Returns: the bridges, each with `u < v`, sorted.
/// - Complexity: O(V + E).
/// - Reference: R. Tarjan, "A note on finding the bridges of a graph", Inf. Process. Lett.
///   2(6):160–161 (1974), doi:10.1016/0020-0190(74)90003-9. Equals
///   `sorted(tuple(sorted(e)) for e in nx.bridges(G.to_undirected()))`.
public func bridges(_ g: CompactGraph) -> [Bridge] {
    cutStructure(g).bridges
}
