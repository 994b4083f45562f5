import PartnerGraphKernels

/// Group degree centrality: the share of the nodes outside a group that are tied to it.
///
/// `|N(S) \ S| / (n − |S|)`, where `N(S)` is the union of the members' neighbours (their
/// successors when directed).
///
/// - Parameters:
///   - g: the graph.
///   - members: the group's nodes (duplicates are ignored).
/// - Returns: the centrality in [0, 1]; nil when the group holds every node.
/// - Complexity: O(V + Σ degrees of the members).
/// - Reference: M. G. Everett, S. P. Borgatti, "The centrality of groups and classes", Journal of
///   Mathematical Sociology 23(3):181–201 (1999), doi:10.1080/0022250X.1999.9990219. Equals
///   `nx.group_degree_centrality(G, S)`.
public func groupDegreeCentrality(_ g: CompactGraph, members: [Int]) throws -> Double? {
    let inGroup = try membership(members, nodeCount: g.nodeCount)
    let size = inGroup.reduce(0) { $0 + ($1 ? 1 : 0) }
    if size == g.nodeCount { return nil }
    var reached = [Bool](repeating: false, count: g.nodeCount)
    var count = 0
    for u in 0..<g.nodeCount where inGroup[u] {
        for k in Int(g.outStart[u])..<Int(g.outStart[u + 1]) {
            let v = Int(g.outNeighbours[k])
            if !inGroup[v] && !reached[v] { reached[v] = true; count += 1 }
        }
    }
    return Double(count) / Double(g.nodeCount - size)
}

/// Group closeness centrality: how near the rest of the network is to a group.
///
/// `|V \ S| / Σ_{v ∉ S} d(v, S)`, where `d(v, S)` is the length of a shortest path from `v` to
/// the nearest member (towards the group along the arcs when directed). As NetworkX does, a node
/// that cannot reach the group adds 0 to the sum, and a sum of 0 gives 0.
///
/// - Parameters:
///   - g: the graph.
///   - members: the group's nodes.
///   - weighted: use the edge lengths (`CompactGraph.outLengths`) instead of hop counts.
/// - Returns: the centrality (0 when no node outside reaches the group).
/// - Complexity: O(V + E) unweighted, O((V + E) log V) weighted.
/// - Reference: Everett & Borgatti (1999). Equals `nx.group_closeness_centrality(G, S,
///   weight=…)`.
public func groupClosenessCentrality(_ g: CompactGraph, members: [Int], weighted: Bool) throws -> Double {
    let inGroup = try membership(members, nodeCount: g.nodeCount)
    // Distances to the group: a search from all members at once over the in-rows (the reversed
    // graph) when directed.
    var search = GroupPathSearch(g, incoming: true, weighted: weighted && g.isWeighted)
    search.run(sources: (0..<g.nodeCount).filter { inGroup[$0] }, blocked: nil)
    var total = 0.0
    var outside = 0
    for v in 0..<g.nodeCount where !inGroup[v] {
        outside += 1
        if search.distance[v].isFinite { total += search.distance[v] }
    }
    return total == 0 ? 0 : Double(outside) / total
}

/// Group betweenness centrality: the share of shortest paths between nodes outside a group
/// that pass through at least one of its members.
///
/// `Σ_{s ≠ t ∉ S} σ_st(S) / σ_st` over ordered pairs with a path, where `σ_st` counts the
/// shortest s–t paths and `σ_st(S)` those with a member of `S` on them; normalised by
/// `(n − |S|)(n − |S| − 1)`, or else halved when undirected (each pair once). `σ_st(S)` is
/// `σ_st` minus the shortest paths that avoid the group, counted by a second search from `s`
/// with the members removed (they avoid it when that search reaches `t` at the same distance).
///
/// NetworkX 3.6.1's `group_betweenness_centrality` gives wrong values for groups of three or
/// more nodes and for directed graphs that are not strongly connected (networkx/networkx#8827,
/// #8559; fixed after 3.6.1); this function follows the definition, and agrees with NetworkX
/// wherever that one is right (groups of one or two nodes on connected graphs).
///
/// - Parameters:
///   - g: the graph.
///   - members: the group's nodes.
///   - weighted: use the edge lengths instead of hop counts (lengths are compared exactly, as
///     NetworkX compares them).
///   - normalized: divide by the number of ordered pairs outside the group.
/// - Returns: the centrality; nil when normalised and fewer than two nodes lie outside.
/// - Complexity: O(V (V + E)) unweighted, O(V (V + E) log V) weighted: two searches per node
///   outside the group.
/// - Reference: M. G. Everett, S. P. Borgatti (1999); R. Puzis, Y. Elovici, S. Dolev, "Fast
///   algorithm for successive computation of group betweenness centrality", Phys. Rev. E
///   76:056709 (2007), doi:10.1103/PhysRevE.76.056709.
public func groupBetweennessCentrality(_ g: CompactGraph, members: [Int], weighted: Bool,
                                       normalized: Bool = true) throws -> Double? {
    let inGroup = try membership(members, nodeCount: g.nodeCount)
    let outside = inGroup.reduce(0) { $0 + ($1 ? 0 : 1) }
    let useWeights = weighted && g.isWeighted
    var all = GroupPathSearch(g, incoming: false, weighted: useWeights)
    var avoiding = GroupPathSearch(g, incoming: false, weighted: useWeights)
    var total = 0.0
    for s in 0..<g.nodeCount where !inGroup[s] {
        all.run(sources: [s], blocked: nil)
        avoiding.run(sources: [s], blocked: inGroup)
        for t in all.order where t != s && !inGroup[t] {
            let through = avoiding.distance[t] == all.distance[t] ? all.paths[t] - avoiding.paths[t] : all.paths[t]
            total += through / all.paths[t]
        }
    }
    if normalized {
        let pairs = outside * (outside - 1)
        return pairs == 0 ? nil : total / Double(pairs)
    }
    return g.isDirected ? total : total / 2
}

/// The members as a membership mask.
func membership(_ members: [Int], nodeCount: Int) throws -> [Bool] {
    var inGroup = [Bool](repeating: false, count: nodeCount)
    for v in members {
        guard v >= 0 && v < nodeCount else {
            throw AlgorithmError.invalidParameter(name: "members", reason: "node \(v) is not in 0..<\(nodeCount)")
        }
        inGroup[v] = true
    }
    return inGroup
}

/// Shortest-path lengths and path counts from a set of sources, by breadth-first search or
/// Dijkstra's algorithm, optionally with some nodes removed. Plain arrays: these searches run
/// once per node outside a group, not in a hot loop of their own.
struct GroupPathSearch {
    let g: CompactGraph
    let incoming: Bool
    let lengths: [Double]?
    /// Distance of each node from the nearest source (infinity when not reached).
    var distance: [Double]
    /// Number of shortest paths from the sources to each node.
    var paths: [Double]
    /// The nodes reached, in the order they were settled.
    var order: [Int] = []

    init(_ g: CompactGraph, incoming: Bool, weighted: Bool) {
        self.g = g
        self.incoming = incoming && g.isDirected
        lengths = weighted ? (self.incoming ? g.inLengths : g.outLengths) : nil
        distance = [Double](repeating: .infinity, count: g.nodeCount)
        paths = [Double](repeating: 0, count: g.nodeCount)
    }

    mutating func run(sources: [Int], blocked: [Bool]?) {
        for v in order { distance[v] = .infinity; paths[v] = 0 }
        order.removeAll(keepingCapacity: true)
        let start = incoming ? g.inStart : g.outStart
        let neighbours = incoming ? g.inNeighbours : g.outNeighbours
        for s in sources where blocked?[s] != true {
            distance[s] = 0
            paths[s] = 1
        }
        if let lengths {
            var heap = IndexedHeap(nodeCount: g.nodeCount)
            distance.withUnsafeMutableBufferPointer { d in
                let keys = d.baseAddress!
                for s in sources where blocked?[s] != true { heap.pushOrDecrease(Int32(s), keys: keys) }
                while heap.count > 0 {
                    let u = Int(heap.popMin(keys: keys))
                    order.append(u)
                    for k in Int(start[u])..<Int(start[u + 1]) {
                        let v = Int(neighbours[k])
                        if blocked?[v] == true { continue }
                        let through = d[u] + lengths[k]
                        if through < d[v] {
                            d[v] = through
                            paths[v] = paths[u]
                            heap.pushOrDecrease(Int32(v), keys: keys)
                        } else if through == d[v] {
                            paths[v] += paths[u]
                        }
                    }
                }
            }
        } else {
            for s in sources where blocked?[s] != true { order.append(s) }
            var head = 0
            while head < order.count {
                let u = order[head]
                head += 1
                for k in Int(start[u])..<Int(start[u + 1]) {
                    let v = Int(neighbours[k])
                    if blocked?[v] == true { continue }
                    if distance[v] == .infinity {
                        distance[v] = distance[u] + 1
                        order.append(v)
                    }
                    if distance[v] == distance[u] + 1 { paths[v] += paths[u] }
                }
            }
        }
    }
}
