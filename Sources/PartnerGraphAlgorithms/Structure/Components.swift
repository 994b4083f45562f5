/// Component membership of every node: the result of `connectedComponents(_:)` and
/// `stronglyConnectedComponents(_:)`.
///
/// Components are numbered `0..<count` in the order of their smallest node index, so node 0 is
/// always in component 0 and the numbering does not depend on the traversal.
public struct ComponentLabels: Sendable, Equatable, Codable {
    /// The component of each node, indexed by node.
    public let label: [Int32]
    /// Number of components (0 for the empty graph; every isolated node is its own component).
    public let count: Int
    /// Number of nodes in each component, indexed by component.
    public let sizes: [Int]

    /// Creates labels from a per-node component array numbered by first node index.
    public init(label: [Int32], count: Int, sizes: [Int]) {
        self.label = label
        self.count = count
        self.sizes = sizes
    }

    /// Size of the largest component (0 for the empty graph).
    public var largestSize: Int { sizes.max() ?? 0 }

    /// The largest component, ties going to the component with the smallest first node (as
    /// NetworkX's `max(nx.connected_components(G), key=len)`); nil for the empty graph.
    public var largestComponent: Int? {
        guard !sizes.isEmpty else { return nil }
        var best = 0
        for c in 1..<sizes.count where sizes[c] > sizes[best] { best = c }
        return best
    }

    /// The nodes of component `component`, in increasing index order.
    public func members(of component: Int) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(component < sizes.count ? sizes[component] : 0)
        for (v, l) in label.enumerated() where Int(l) == component { out.append(v) }
        return out
    }
}

/// Connected components; on a directed graph the weakly connected components (edge direction
/// ignored).
///
/// Two nodes are in the same component when a path joins them in the graph with every edge taken
/// as undirected. Isolated nodes are singleton components.
///
/// - Parameter g: the graph (directed or undirected; weights are ignored).
/// - Returns: the component of each node, numbered by first node index.
/// - Complexity: O(V + E) time (breadth-first search), O(V) extra memory.
/// - Reference: equals `nx.connected_components(G)` on undirected graphs and
///   `nx.weakly_connected_components(G)` on directed graphs (so `count` equals
///   `nx.number_connected_components` / `nx.number_weakly_connected_components`).
public func connectedComponents(_ g: CompactGraph) -> ComponentLabels {
    let n = g.nodeCount
    var label = [Int32](repeating: -1, count: n)
    var sizes: [Int] = []
    if n == 0 { return ComponentLabels(label: [], count: 0, sizes: []) }
    var queue = [Int32](repeating: 0, count: n)
    let directed = g.isDirected
    g.outStart.withUnsafeBufferPointer { os in
    g.outNeighbours.withUnsafeBufferPointer { on in
    g.inStart.withUnsafeBufferPointer { ins in
    g.inNeighbours.withUnsafeBufferPointer { inn in
    label.withUnsafeMutableBufferPointer { lab in
    queue.withUnsafeMutableBufferPointer { q in
        var next: Int32 = 0
        for s in 0..<n where lab[s] < 0 {
            lab[s] = next
            q[0] = Int32(s)
            var head = 0, tail = 1
            while head < tail {
                let v = Int(q[head]); head += 1
                for k in Int(os[v])..<Int(os[v + 1]) {
                    let w = Int(on[k])
                    if lab[w] < 0 { lab[w] = next; q[tail] = Int32(w); tail += 1 }
                }
                if directed {
                    for k in Int(ins[v])..<Int(ins[v + 1]) {
                        let w = Int(inn[k])
                        if lab[w] < 0 { lab[w] = next; q[tail] = Int32(w); tail += 1 }
                    }
                }
            }
            sizes.append(tail)
            next += 1
        }
    }}}}}}
    return ComponentLabels(label: label, count: sizes.count, sizes: sizes)
}

/// Strongly connected components of a directed graph, by Tarjan's algorithm run iteratively
/// (an explicit stack instead of recursion, so arbitrarily deep graphs cannot overflow the call
/// stack).
///
/// Two nodes are in the same strongly connected component when each is reachable from the other
/// along directed edges. On an undirected graph every edge can be walked both ways, so the
/// strongly connected components are the connected components (NetworkX raises
/// `NetworkXNotImplemented` there instead).
///
/// - Parameter g: the graph (weights are ignored).
/// - Returns: the component of each node, numbered by first node index.
/// - Complexity: O(V + E) time, O(V) extra memory.
/// - Reference: R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput.
///   1(2):146–160 (1972), doi:10.1137/0201010. Equals `nx.strongly_connected_components(G)`
///   (`count` equals `nx.number_strongly_connected_components`).
public func stronglyConnectedComponents(_ g: CompactGraph) -> ComponentLabels {
    guard g.isDirected else { return connectedComponents(g) }
    let n = g.nodeCount
    if n == 0 { return ComponentLabels(label: [], count: 0, sizes: []) }
    // index[v] = discovery order (-1 = unvisited); comp[v] = Tarjan component (-1 = on stack
    // or unvisited); a visited node with comp == -1 is on the Tarjan stack.
    var index = [Int32](repeating: -1, count: n)
    var low = [Int32](repeating: 0, count: n)
    var comp = [Int32](repeating: -1, count: n)
    var cursor = [Int32](repeating: 0, count: n)
    var callStack = [Int32](repeating: 0, count: n)
    var tarjanStack = [Int32](repeating: 0, count: n)
    var componentCount: Int32 = 0
    g.outStart.withUnsafeBufferPointer { os in
    g.outNeighbours.withUnsafeBufferPointer { on in
    index.withUnsafeMutableBufferPointer { idx in
    low.withUnsafeMutableBufferPointer { lw in
    comp.withUnsafeMutableBufferPointer { cp in
    cursor.withUnsafeMutableBufferPointer { cur in
    callStack.withUnsafeMutableBufferPointer { cs in
    tarjanStack.withUnsafeMutableBufferPointer { ts in
        var counter: Int32 = 0
        var csTop = 0, tsTop = 0
        for root in 0..<n where idx[root] < 0 {
            idx[root] = counter; lw[root] = counter; counter += 1
            cur[root] = os[root]
            cs[0] = Int32(root); csTop = 1
            ts[tsTop] = Int32(root); tsTop += 1
            while csTop > 0 {
                let v = Int(cs[csTop - 1])
                let end = os[v + 1]
                var descended = false
                while cur[v] < end {
                    let w = Int(on[Int(cur[v])])
                    cur[v] += 1
                    if idx[w] < 0 {
                        idx[w] = counter; lw[w] = counter; counter += 1
                        cur[w] = os[w]
                        cs[csTop] = Int32(w); csTop += 1
                        ts[tsTop] = Int32(w); tsTop += 1
                        descended = true
                        break
                    } else if cp[w] < 0 {
                        if idx[w] < lw[v] { lw[v] = idx[w] }
                    }
                }
                if descended { continue }
                // v is finished.
                csTop -= 1
                if lw[v] == idx[v] {
                    while true {
                        tsTop -= 1
                        let x = Int(ts[tsTop])
                        cp[x] = componentCount
                        if x == v { break }
                    }
                    componentCount += 1
                }
                if csTop > 0 {
                    let u = Int(cs[csTop - 1])
                    if lw[v] < lw[u] { lw[u] = lw[v] }
                }
            }
        }
    }}}}}}}}
    return renumberByFirstNode(comp, count: Int(componentCount))
}

/// Nodes with no edges at all (degree 0; a node whose only edge is a self-loop has degree 2 and
/// is not isolated).
///
/// - Parameter g: the graph (directed: no in- and no out-edges).
/// - Returns: the isolated nodes in increasing index order.
/// - Complexity: O(V).
/// - Reference: equals `list(nx.isolates(G))`.
public func isolates(_ g: CompactGraph) -> [Int] {
    var out: [Int] = []
    g.outStart.withUnsafeBufferPointer { os in
    g.inStart.withUnsafeBufferPointer { ins in
        for v in 0..<g.nodeCount where os[v] == os[v + 1] && ins[v] == ins[v + 1] {
            out.append(v)
        }
    }}
    return out
}

/// Renumbers arbitrary component ids `0..<count` so that components are numbered by their first
/// node index.
private func renumberByFirstNode(_ raw: [Int32], count: Int) -> ComponentLabels {
    var map = [Int32](repeating: -1, count: count)
    var label = [Int32](repeating: 0, count: raw.count)
    var sizes: [Int] = []
    sizes.reserveCapacity(count)
    for v in 0..<raw.count {
        let r = Int(raw[v])
        if map[r] < 0 { map[r] = Int32(sizes.count); sizes.append(0) }
        let l = map[r]
        label[v] = l
        sizes[Int(l)] += 1
    }
    return ComponentLabels(label: label, count: sizes.count, sizes: sizes)
}

extension CompactGraph {
    /// The undirected simple view of a graph as CSR rows (direction ignored, reciprocal arcs merged,
    /// self-loops dropped), shared by the structural measures of this area.
    struct UndirectedRows: Sendable {
        let start: [Int32]
        let neighbours: [Int32]

        /// Builds the view; O(V + E).
        init(_ g: CompactGraph) {
            let n = g.nodeCount
            var start = [Int32](repeating: 0, count: n + 1)
            var nb: [Int32] = []
            nb.reserveCapacity(g.isDirected ? g.outNeighbours.count + g.inNeighbours.count : g.outNeighbours.count)
            let directed = g.isDirected
            g.outStart.withUnsafeBufferPointer { os in
            g.outNeighbours.withUnsafeBufferPointer { on in
            g.inStart.withUnsafeBufferPointer { ins in
            g.inNeighbours.withUnsafeBufferPointer { inn in
                for v in 0..<n {
                    var a = Int(os[v]); let ae = Int(os[v + 1])
                    if directed {
                        // Merge two sorted rows, dropping duplicates and the node itself.
                        var b = Int(ins[v]); let be = Int(ins[v + 1])
                        while a < ae || b < be {
                            let x: Int32
                            if b >= be || (a < ae && on[a] < inn[b]) { x = on[a]; a += 1 }
                            else if a >= ae || inn[b] < on[a] { x = inn[b]; b += 1 }
                            else { x = on[a]; a += 1; b += 1 }
                            if Int(x) != v { nb.append(x) }
                        }
                    } else {
                        while a < ae {
                            if Int(on[a]) != v { nb.append(on[a]) }
                            a += 1
                        }
                    }
                    start[v + 1] = Int32(nb.count)
                }
            }}}}
            self.start = start
            self.neighbours = nb
        }
    }
}
