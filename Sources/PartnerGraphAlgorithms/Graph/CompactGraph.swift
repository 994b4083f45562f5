/// The analysis graph: a compressed sparse row (CSR) adjacency structure over nodes `0..<nodeCount`.
///
/// Every algorithm in this module runs on a `CompactGraph`. It is built once per view of a
/// network (see `CompactGraph(view:)` in `CompactGraph+View.swift`) or directly from an edge
/// list, and holds no dictionaries, classes or strings.
///
/// - Undirected graphs store each edge `{u, v}` in the rows of both `u` and `v`; the in-rows
///   are the out-rows. A self-loop `{u, u}` is stored once in the row of `u` (as NetworkX's
///   adjacency holds it once) and counts twice towards the degree of `u`.
/// - Directed graphs store out-rows (`outStart`/`outNeighbours`) and in-rows
///   (`inStart`/`inNeighbours`).
/// - Parallel edges are merged when the graph is built: strengths add, lengths keep the minimum.
/// - Neighbours within a row are sorted by index, so iteration order is deterministic.
///
/// Weights: `strengths` is the tie strength used by strength-based measures (weighted degree,
/// PageRank, eigenvector, Katz, HITS, clustering, constraint, modularity); `lengths` is the
/// length used by path-based measures (closeness, harmonic, betweenness, paths). Both are `nil`
/// for an unweighted graph (every edge has strength 1 and length 1). One of them is stored —
/// the one the weights were given as (`weightMeaning`) — and the other is its reciprocal,
/// computed when asked for (exactly the value storing it would have kept).
///
/// - Complexity: memory O(V + E): four bytes per row entry and eight per weight (an undirected
///   edge is two row entries: 8 bytes unweighted, 24 weighted, plus the row offsets).
public struct CompactGraph: Sendable {
    /// Number of nodes.
    public let nodeCount: Int
    /// Whether edges have a direction.
    public let isDirected: Bool
    /// Row offsets of the out-adjacency, `nodeCount + 1` entries.
    public let outStart: [Int32]
    /// Out-neighbours, row after row, sorted within each row.
    public let outNeighbours: [Int32]
    /// Row offsets of the in-adjacency (equal to `outStart` when undirected).
    public let inStart: [Int32]
    /// In-neighbours (equal to `outNeighbours` when undirected).
    public let inNeighbours: [Int32]
    /// How the stored weights are meant (strengths or lengths).
    public let weightMeaning: WeightMeaning
    /// The weight of each out-row entry as given (`weightMeaning`), parallel to `outNeighbours`;
    /// nil when unweighted.
    public let outWeights: [Double]?
    /// The weight of each in-row entry as given, parallel to `inNeighbours` (the same array as
    /// `outWeights` when undirected); nil when unweighted.
    public let inWeights: [Double]?
    /// Tie strength of each out-row entry, parallel to `outNeighbours`; nil when unweighted.
    /// - Complexity: O(1) when the weights are strengths; otherwise O(E) (computed each time:
    ///   bind it once, outside loops).
    public var outStrengths: [Double]? { outWeights.map { weightMeaning == .strength ? $0 : $0.map { 1 / $0 } } }
    /// Length of each out-row entry, parallel to `outNeighbours`; nil when unweighted.
    /// - Complexity: O(1) when the weights are lengths; otherwise O(E) (bind it once).
    public var outLengths: [Double]? { outWeights.map { weightMeaning == .distance ? $0 : $0.map { 1 / $0 } } }
    /// Tie strength of each in-row entry, parallel to `inNeighbours`; nil when unweighted.
    /// - Complexity: as `outStrengths`.
    public var inStrengths: [Double]? { inWeights.map { weightMeaning == .strength ? $0 : $0.map { 1 / $0 } } }
    /// Length of each in-row entry, parallel to `inNeighbours`; nil when unweighted.
    /// - Complexity: as `outLengths`.
    public var inLengths: [Double]? { inWeights.map { weightMeaning == .distance ? $0 : $0.map { 1 / $0 } } }
    /// Number of distinct edges (an undirected edge counts once, a self-loop once).
    public let edgeCount: Int

    /// Whether the graph carries weights.
    public var isWeighted: Bool { outWeights != nil }

    /// How an edge's weight is to be read.
    public enum WeightMeaning: String, Sendable, CaseIterable {
        /// Larger is a stronger tie; a path's length is the sum of 1/weight.
        case strength
        /// The weight is a length; a path's length is the sum of weights; strength is 1/weight.
        case distance
    }

    /// One input edge for `init(nodeCount:directed:edges:weightMeaning:)`.
    public struct InputEdge: Sendable, Equatable {
        public var source: Int
        public var target: Int
        public var weight: Double?
        public init(_ source: Int, _ target: Int, weight: Double? = nil) {
            self.source = source
            self.target = target
            self.weight = weight
        }
    }

    /// Builds a compact graph from an edge list.
    ///
    /// - Parameters:
    ///   - nodeCount: number of nodes; every endpoint must lie in `0..<nodeCount`.
    ///   - directed: whether edges have a direction.
    ///   - edges: the edges; when any edge has a weight the graph is weighted and edges
    ///     without one weigh 1.
    ///   - weightMeaning: how weights are read (strength: length = 1/w; distance: length = w,
    ///     strength = 1/w).
    /// - Precondition: weights are finite and greater than zero; endpoints are in range.
    /// - Complexity: O(V + E log d) where d is the largest degree.
    public init(nodeCount: Int, directed: Bool, edges: [InputEdge], weightMeaning: WeightMeaning = .strength) {
        precondition(nodeCount >= 0 && nodeCount < Int(Int32.max))
        let weighted = edges.contains { $0.weight != nil }
        self.nodeCount = nodeCount
        self.isDirected = directed
        self.weightMeaning = weightMeaning

        // Merge parallel edges first: key (min,max) when undirected. Strengths add; lengths
        // keep the minimum; the stored weight is the one of `weightMeaning`.
        struct Entry { var u: Int32; var v: Int32; var weight: Double }
        var entries: [Entry] = []
        entries.reserveCapacity(edges.count)
        for e in edges {
            precondition(e.source >= 0 && e.source < nodeCount && e.target >= 0 && e.target < nodeCount,
                         "edge endpoint out of range")
            var u = e.source, v = e.target
            if !directed && u > v { swap(&u, &v) }
            entries.append(Entry(u: Int32(u), v: Int32(v), weight: e.weight ?? 1))
        }
        entries.sort { ($0.u, $0.v) < ($1.u, $1.v) }
        var merged: [Entry] = []
        merged.reserveCapacity(entries.count)
        for e in entries {
            if let last = merged.last, last.u == e.u, last.v == e.v {
                switch weightMeaning {
                case .strength: merged[merged.count - 1].weight += e.weight
                case .distance: merged[merged.count - 1].weight = min(last.weight, e.weight)
                }
            } else {
                merged.append(e)
            }
        }
        self.edgeCount = merged.count

        func buildRows(_ pairs: [(Int32, Int32, Double)]) -> ([Int32], [Int32], [Double]) {
            var start = [Int32](repeating: 0, count: nodeCount + 1)
            for p in pairs { start[Int(p.0) + 1] += 1 }
            for i in 0..<nodeCount { start[i + 1] += start[i] }
            var fill = start
            var nb = [Int32](repeating: 0, count: pairs.count)
            var wt = [Double](repeating: 0, count: pairs.count)
            for p in pairs {
                let at = Int(fill[Int(p.0)])
                nb[at] = p.1; wt[at] = p.2
                fill[Int(p.0)] += 1
            }
            // Sort each row by neighbour index.
            for r in 0..<nodeCount {
                let lo = Int(start[r]), hi = Int(start[r + 1])
                if hi - lo < 2 { continue }
                var row = (lo..<hi).map { (nb[$0], wt[$0]) }
                row.sort { $0.0 < $1.0 }
                for (k, item) in row.enumerated() { nb[lo + k] = item.0; wt[lo + k] = item.1 }
            }
            return (start, nb, wt)
        }

        var outPairs: [(Int32, Int32, Double)] = []
        outPairs.reserveCapacity(directed ? merged.count : merged.count * 2)
        for e in merged {
            outPairs.append((e.u, e.v, e.weight))
            if !directed && e.u != e.v { outPairs.append((e.v, e.u, e.weight)) }
        }
        let out = buildRows(outPairs)
        outStart = out.0
        outNeighbours = out.1
        outWeights = weighted ? out.2 : nil
        if directed {
            let inn = buildRows(merged.map { ($0.v, $0.u, $0.weight) })
            inStart = inn.0
            inNeighbours = inn.1
            inWeights = weighted ? inn.2 : nil
        } else {
            inStart = outStart
            inNeighbours = outNeighbours
            inWeights = outWeights
        }
    }

    /// The out-neighbours of `node` as a range into `outNeighbours`.
    @inlinable
    public func outRange(_ node: Int) -> Range<Int> { Int(outStart[node])..<Int(outStart[node + 1]) }

    /// The in-neighbours of `node` as a range into `inNeighbours`.
    @inlinable
    public func inRange(_ node: Int) -> Range<Int> { Int(inStart[node])..<Int(inStart[node + 1]) }

    /// The position in `outNeighbours` of the arc from `u` to `v` (rows are sorted, so a binary
    /// search); nil when there is none.
    /// - Complexity: O(log degree(u)).
    public func outPosition(from u: Int, to v: Int) -> Int? {
        var lo = Int(outStart[u]), hi = Int(outStart[u + 1])
        let end = hi, x = Int32(v)
        while lo < hi {
            let mid = (lo + hi) / 2
            if outNeighbours[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo < end && outNeighbours[lo] == x ? lo : nil
    }

    /// Whether `node` has a self-loop.
    public func hasSelfLoop(_ node: Int) -> Bool {
        outRange(node).contains { Int(outNeighbours[$0]) == node }
    }

    /// Number of self-loops in the graph.
    public var selfLoopCount: Int { (0..<nodeCount).reduce(0) { $0 + (hasSelfLoop($1) ? 1 : 0) } }

    /// The degree of `node` as NetworkX counts it: in + out on directed graphs; on undirected
    /// graphs a self-loop counts twice.
    public func degree(_ node: Int) -> Int {
        if isDirected { return outRange(node).count + inRange(node).count }
        return outRange(node).count + (hasSelfLoop(node) ? 1 : 0)
    }

    /// The number of out-edges of `node` (its degree when undirected).
    public func outDegree(_ node: Int) -> Int { isDirected ? outRange(node).count : degree(node) }

    /// The number of in-edges of `node` (its degree when undirected).
    public func inDegree(_ node: Int) -> Int { isDirected ? inRange(node).count : degree(node) }

    /// The same graph with every edge undirected (strengths of opposite arcs add, lengths keep
    /// the minimum, as for parallel edges). Returns `self` when already undirected.
    public func undirected(weightMeaning: WeightMeaning = .strength) -> CompactGraph {
        guard isDirected else { return self }
        var edges: [InputEdge] = []
        edges.reserveCapacity(outNeighbours.count)
        for u in 0..<nodeCount {
            for k in outRange(u) {
                edges.append(InputEdge(u, Int(outNeighbours[k]), weight: outWeights?[k]))
            }
        }
        return CompactGraph(nodeCount: nodeCount, directed: false, edges: edges, weightMeaning: weightMeaning)
    }

    /// The same graph with every edge reversed (undirected graphs are returned unchanged).
    public func reversed() -> CompactGraph {
        guard isDirected else { return self }
        return CompactGraph(reversing: self)
    }

    private init(reversing g: CompactGraph) {
        nodeCount = g.nodeCount
        isDirected = true
        edgeCount = g.edgeCount
        weightMeaning = g.weightMeaning
        outStart = g.inStart; outNeighbours = g.inNeighbours; outWeights = g.inWeights
        inStart = g.outStart; inNeighbours = g.outNeighbours; inWeights = g.outWeights
    }
}
