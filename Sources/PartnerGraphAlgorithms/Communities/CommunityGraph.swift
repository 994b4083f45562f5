/// The graph the community algorithms (Louvain, Leiden, label propagation) work on: symmetric
/// CSR rows without self-loops, each node's out- and in-strength, and its internal weight.
///
/// One type serves undirected and directed modularity. Every quantity is kept in "scaled" form,
/// so that a move's gain is `w(u, C) − γ (kOut(u) · SIn(C) + kIn(u) · SOut(C)) / d`
/// (the change in modularity times `m`), where
/// - `w(u, C)` is the weight between `u` and community `C` in both directions (undirected: the
///   edge weights; directed: the arcs u → C plus the arcs C → u);
/// - `kOut`, `kIn` are the node's out- and in-strength (undirected: both the degree, a self-loop
///   counting twice as in NetworkX), `SOut(C)`, `SIn(C)` their sums over `C`;
/// - `m` is the total weight (undirected: each edge once; directed: each arc once) and `d` is
///   `m` on directed graphs and `4m` on undirected ones.
///
/// Then modularity is `(Σ_C L_C − γ Σ_C SOut(C) · SIn(C) / d) / m`, where `L_C` is the weight
/// inside `C` (self-loops once): NetworkX's `community.modularity` on both kinds of graph.
///
/// Aggregation (`aggregated(by:count:)`) turns each community into one node whose self weight
/// is the weight inside the community, whose strengths are the sums of its members' and whose
/// row holds the summed weights to the other communities, so modularity of any partition of the
/// aggregate equals that of the corresponding partition of the original graph.
///
/// - Complexity: memory O(V + E); building it O(V + E).
struct CommunityGraph {
    /// Number of nodes.
    let nodeCount: Int
    /// Row offsets, `nodeCount + 1` entries.
    var start: [Int]
    /// Neighbours, row after row (no self-loops; undirected and directed alike symmetric).
    var neighbours: [Int32]
    /// Weight of each row entry (directed: both arcs added).
    var weights: [Double]
    /// Weight inside each node (its self-loop, or the inside of an aggregated community).
    var selfWeight: [Double]
    /// Out-strength of each node (undirected: the degree).
    var kOut: [Double]
    /// In-strength of each node (undirected: the degree).
    var kIn: [Double]
    /// Total weight: each edge (or arc) once, self-loops once.
    let m: Double
    /// The modularity normaliser `d`: `m` when directed, `4m` when undirected.
    let d: Double
    /// Whether the graph was directed (the formulas are the same; kept for reference).
    let isDirected: Bool
    /// Number of distinct edges of the original graph (for the mean edge weight).
    let edgeCount: Int

    /// The community graph of an analysis graph.
    /// - Parameters:
    ///   - g: the graph.
    ///   - weighted: whether to read the graph's strengths (every edge counts 1 otherwise).
    init(_ g: CompactGraph, weighted: Bool) {
        let n = g.nodeCount
        let strengths = weighted ? g.outStrengths : nil
        let inStrengths = weighted ? g.inStrengths : nil
        nodeCount = n
        isDirected = g.isDirected
        edgeCount = g.edgeCount
        var start = [Int](repeating: 0, count: n + 1)
        var neighbours: [Int32] = []
        var weights: [Double] = []
        var selfWeight = [Double](repeating: 0, count: n)
        var kOut = [Double](repeating: 0, count: n)
        var kIn = [Double](repeating: 0, count: n)
        neighbours.reserveCapacity(g.isDirected ? g.outNeighbours.count + g.inNeighbours.count : g.outNeighbours.count)
        weights.reserveCapacity(neighbours.capacity)
        if !g.isDirected {
            for u in 0..<n {
                var k = 0.0
                for e in g.outRange(u) {
                    let v = Int(g.outNeighbours[e])
                    let w = strengths?[e] ?? 1
                    k += w
                    if v == u {
                        selfWeight[u] += w
                        k += w
                    } else {
                        neighbours.append(Int32(v))
                        weights.append(w)
                    }
                }
                kOut[u] = k
                kIn[u] = k
                start[u + 1] = neighbours.count
            }
        } else {
            // Merge the sorted out-row and in-row into one sorted symmetric row.
            for u in 0..<n {
                let outR = g.outRange(u), inR = g.inRange(u)
                var i = outR.lowerBound, j = inR.lowerBound
                while i < outR.upperBound || j < inR.upperBound {
                    let a = i < outR.upperBound ? Int(g.outNeighbours[i]) : Int.max
                    let b = j < inR.upperBound ? Int(g.inNeighbours[j]) : Int.max
                    var w = 0.0
                    let v = min(a, b)
                    if a == v {
                        let x = strengths?[i] ?? 1
                        kOut[u] += x
                        if v == u { selfWeight[u] += x }
                        w += x
                        i += 1
                    }
                    if b == v {
                        let x = inStrengths?[j] ?? 1
                        kIn[u] += x
                        w += x
                        j += 1
                    }
                    if v != u {
                        neighbours.append(Int32(v))
                        weights.append(w)
                    }
                }
                start[u + 1] = neighbours.count
            }
        }
        var total = 0.0
        for u in 0..<n { total += kOut[u] }
        if !g.isDirected { total /= 2 }
        self.start = start
        self.neighbours = neighbours
        self.weights = weights
        self.selfWeight = selfWeight
        self.kOut = kOut
        self.kIn = kIn
        self.m = total
        self.d = g.isDirected ? total : 4 * total
    }

    private init(nodeCount: Int, start: [Int], neighbours: [Int32], weights: [Double], selfWeight: [Double],
                 kOut: [Double], kIn: [Double], m: Double, d: Double, isDirected: Bool, edgeCount: Int) {
        self.nodeCount = nodeCount
        self.start = start
        self.neighbours = neighbours
        self.weights = weights
        self.selfWeight = selfWeight
        self.kOut = kOut
        self.kIn = kIn
        self.m = m
        self.d = d
        self.isDirected = isDirected
        self.edgeCount = edgeCount
    }

    /// The mean weight of an edge of the original graph (1 when unweighted); the unit in which
    /// Leiden's randomness is measured.
    var meanEdgeWeight: Double { edgeCount > 0 && m > 0 ? m / Double(edgeCount) : 1 }

    /// Modularity of a partition given as a community per node, each in `0..<nodeCount`.
    /// NaN when the graph has no edges (NetworkX divides by zero there).
    /// - Complexity: O(V + E).
    func modularity(_ community: [Int32], resolution: Double) -> Double {
        let n = nodeCount
        guard m > 0 else { return .nan }
        var inside = [Double](repeating: 0, count: n)
        var sOut = [Double](repeating: 0, count: n)
        var sIn = [Double](repeating: 0, count: n)
        for u in 0..<n {
            let c = Int(community[u])
            inside[c] += selfWeight[u]
            sOut[c] += kOut[u]
            sIn[c] += kIn[u]
            for e in start[u]..<start[u + 1] where Int(neighbours[e]) > u && community[Int(neighbours[e])] == community[u] {
                inside[c] += weights[e]
            }
        }
        var q = 0.0
        for c in 0..<n where sOut[c] != 0 || sIn[c] != 0 || inside[c] != 0 {
            q += inside[c] / m - resolution * sOut[c] * sIn[c] / (m * d)
        }
        return q
    }

    /// The graph with each community merged into one node.
    /// - Parameters:
    ///   - community: a community per node, numbered `0..<count`.
    ///   - count: the number of communities.
    /// - Complexity: O(V + E).
    func aggregated(by community: [Int32], count: Int) -> CommunityGraph {
        let n = nodeCount
        // Members of each community, by counting sort.
        var memberStart = [Int](repeating: 0, count: count + 1)
        for u in 0..<n { memberStart[Int(community[u]) + 1] += 1 }
        for c in 0..<count { memberStart[c + 1] += memberStart[c] }
        var fill = memberStart
        var members = [Int32](repeating: 0, count: n)
        for u in 0..<n {
            let c = Int(community[u])
            members[fill[c]] = Int32(u)
            fill[c] += 1
        }
        // Each row of the aggregate has at most as many entries as its members' rows together.
        var newStart = [Int](repeating: 0, count: count + 1)
        var newNeighbours = [Int32](repeating: 0, count: neighbours.count)
        var newWeights = [Double](repeating: 0, count: neighbours.count)
        var newSelf = [Double](repeating: 0, count: count)
        var newOut = [Double](repeating: 0, count: count)
        var newIn = [Double](repeating: 0, count: count)
        var acc = [Double](repeating: 0, count: count)
        var mark = [Int32](repeating: -1, count: count)
        var filled = 0
        start.withUnsafeBufferPointer { start in
        neighbours.withUnsafeBufferPointer { neighbours in
        weights.withUnsafeBufferPointer { weights in
        community.withUnsafeBufferPointer { community in
        newNeighbours.withUnsafeMutableBufferPointer { newNeighbours in
        newWeights.withUnsafeMutableBufferPointer { newWeights in
        acc.withUnsafeMutableBufferPointer { acc in
        mark.withUnsafeMutableBufferPointer { mark in
            for c in 0..<count {
                // The row of `c` collects its neighbour communities in newNeighbours[rowStart...]
                // and sums their weights in `acc`.
                let rowStart = filled
                var inside = 0.0
                for k in memberStart[c]..<memberStart[c + 1] {
                    let u = Int(members[k])
                    inside += selfWeight[u]
                    newOut[c] += kOut[u]
                    newIn[c] += kIn[u]
                    for e in start[u]..<start[u + 1] {
                        let v = Int(neighbours[e])
                        let cv = Int(community[v])
                        if cv == c {
                            if v > u { inside += weights[e] }
                            continue
                        }
                        if mark[cv] != Int32(c) {
                            mark[cv] = Int32(c)
                            acc[cv] = weights[e]
                            newNeighbours[filled] = Int32(cv)
                            filled += 1
                        } else {
                            acc[cv] += weights[e]
                        }
                    }
                }
                for k in rowStart..<filled { newWeights[k] = acc[Int(newNeighbours[k])] }
                newSelf[c] = inside
                newStart[c + 1] = filled
            }
        }}}}}}}}
        newNeighbours.removeSubrange(filled...)
        newWeights.removeSubrange(filled...)
        return CommunityGraph(nodeCount: count, start: newStart, neighbours: newNeighbours, weights: newWeights,
                              selfWeight: newSelf, kOut: newOut, kIn: newIn, m: m, d: d, isDirected: isDirected,
                              edgeCount: edgeCount)
    }
}

/// Renumbers community labels `0..<count` in order of first appearance; returns the count.
/// - Complexity: O(V).
@discardableResult
func renumberInPlace(_ community: inout [Int32]) -> Int {
    var map = [Int32](repeating: -1, count: community.count)
    var next: Int32 = 0
    for u in 0..<community.count {
        let c = Int(community[u])
        if map[c] < 0 {
            map[c] = next
            next += 1
        }
        community[u] = map[c]
    }
    return Int(next)
}

/// Shuffles `0..<n` with Fisher–Yates, drawing from `rng`.
func shuffledOrder(_ n: Int, _ rng: inout SeededGenerator) -> [Int32] {
    var order = (0..<n).map { Int32($0) }
    order.seededShuffle(using: &rng)
    return order
}

/// Splits every community into its connected parts (in `g`, direction ignored); the parts of a
/// community keep their order of first node. Splitting a disconnected community never lowers
/// modularity (for resolution ≥ 0). Returns the new community count.
/// - Complexity: O(V + E).
@discardableResult
func splitDisconnected(_ community: inout [Int32], in g: CommunityGraph) -> Int {
    let n = g.nodeCount
    var part = [Int32](repeating: -1, count: n)
    var queue = [Int32](repeating: 0, count: n)
    var next: Int32 = 0
    for s in 0..<n where part[s] < 0 {
        part[s] = next
        var head = 0, tail = 1
        queue[0] = Int32(s)
        while head < tail {
            let u = Int(queue[head]); head += 1
            for e in g.start[u]..<g.start[u + 1] {
                let v = Int(g.neighbours[e])
                if part[v] < 0 && community[v] == community[u] {
                    part[v] = next
                    queue[tail] = Int32(v); tail += 1
                }
            }
        }
        next += 1
    }
    community = part
    return Int(next)
}
