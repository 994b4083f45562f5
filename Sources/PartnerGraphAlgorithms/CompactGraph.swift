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
/// for an unweighted graph (every edge has strength 1 and length 1).
///
/// - Complexity: memory O(V + E): four bytes per row entry and eight per weight.
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
    /// Tie strength of each out-row entry, parallel to `outNeighbours`; nil when unweighted.
    public let outStrengths: [Double]?
    /// Length of each out-row entry, parallel to `outNeighbours`; nil when unweighted.
    public let outLengths: [Double]?
    /// Tie strength of each in-row entry, parallel to `inNeighbours`; nil when unweighted.
    public let inStrengths: [Double]?
    /// Length of each in-row entry, parallel to `inNeighbours`; nil when unweighted.
    public let inLengths: [Double]?
    /// Number of distinct edges (an undirected edge counts once, a self-loop once).
    public let edgeCount: Int

    /// Whether the graph carries weights.
    public var isWeighted: Bool { outStrengths != nil }

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

        // Merge parallel edges first: key (min,max) when undirected.
        struct Entry { var u: Int32; var v: Int32; var strength: Double; var length: Double }
        var entries: [Entry] = []
        entries.reserveCapacity(edges.count)
        for e in edges {
            precondition(e.source >= 0 && e.source < nodeCount && e.target >= 0 && e.target < nodeCount,
                         "edge endpoint out of range")
            var u = e.source, v = e.target
            if !directed && u > v { swap(&u, &v) }
            let w = e.weight ?? 1
            let strength: Double, length: Double
            switch weightMeaning {
            case .strength: strength = w; length = 1 / w
            case .distance: strength = 1 / w; length = w
            }
            entries.append(Entry(u: Int32(u), v: Int32(v), strength: strength, length: length))
        }
        entries.sort { ($0.u, $0.v) < ($1.u, $1.v) }
        var merged: [Entry] = []
        merged.reserveCapacity(entries.count)
        for e in entries {
            if let last = merged.last, last.u == e.u, last.v == e.v {
                switch weightMeaning {
                case .strength:
                    merged[merged.count - 1].strength += e.strength
                    merged[merged.count - 1].length = 1 / merged[merged.count - 1].strength
                case .distance:
                    merged[merged.count - 1].length = min(last.length, e.length)
                    merged[merged.count - 1].strength = 1 / merged[merged.count - 1].length
                }
            } else {
                merged.append(e)
            }
        }
        self.edgeCount = merged.count

        func buildRows(_ pairs: [(Int32, Int32, Double, Double)]) -> ([Int32], [Int32], [Double], [Double]) {
            var start = [Int32](repeating: 0, count: nodeCount + 1)
            for p in pairs { start[Int(p.0) + 1] += 1 }
            for i in 0..<nodeCount { start[i + 1] += start[i] }
            var fill = start
            var nb = [Int32](repeating: 0, count: pairs.count)
            var st = [Double](repeating: 0, count: pairs.count)
            var ln = [Double](repeating: 0, count: pairs.count)
            for p in pairs {
                let at = Int(fill[Int(p.0)])
                nb[at] = p.1; st[at] = p.2; ln[at] = p.3
                fill[Int(p.0)] += 1
            }
            // Sort each row by neighbour index.
            for r in 0..<nodeCount {
                let lo = Int(start[r]), hi = Int(start[r + 1])
                if hi - lo < 2 { continue }
                var row = (lo..<hi).map { (nb[$0], st[$0], ln[$0]) }
                row.sort { $0.0 < $1.0 }
                for (k, item) in row.enumerated() { nb[lo + k] = item.0; st[lo + k] = item.1; ln[lo + k] = item.2 }
            }
            return (start, nb, st, ln)
        }

        var outPairs: [(Int32, Int32, Double, Double)] = []
        outPairs.reserveCapacity(directed ? merged.count : merged.count * 2)
        for e in merged {
            outPairs.append((e.u, e.v, e.strength, e.length))
            if !directed && e.u != e.v { outPairs.append((e.v, e.u, e.strength, e.length)) }
        }
        let out = buildRows(outPairs)
        outStart = out.0
        outNeighbours = out.1
        outStrengths = weighted ? out.2 : nil
        outLengths = weighted ? out.3 : nil
        if directed {
            let inn = buildRows(merged.map { ($0.v, $0.u, $0.strength, $0.length) })
            inStart = inn.0
            inNeighbours = inn.1
            inStrengths = weighted ? inn.2 : nil
            inLengths = weighted ? inn.3 : nil
        } else {
            inStart = outStart
            inNeighbours = outNeighbours
            inStrengths = outStrengths
            inLengths = outLengths
        }
    }

    /// The out-neighbours of `node` as a range into `outNeighbours`.
    @inlinable
    public func outRange(_ node: Int) -> Range<Int> { Int(outStart[node])..<Int(outStart[node + 1]) }

    /// The in-neighbours of `node` as a range into `inNeighbours`.
    @inlinable
    public func inRange(_ node: Int) -> Range<Int> { Int(inStart[node])..<Int(inStart[node + 1]) }

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
                let w: Double?
                if let s = outStrengths, let l = outLengths { w = weightMeaning == .strength ? s[k] : l[k] } else { w = nil }
                edges.append(InputEdge(u, Int(outNeighbours[k]), weight: w))
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
        outStart = g.inStart; outNeighbours = g.inNeighbours
        outStrengths = g.inStrengths; outLengths = g.inLengths
        inStart = g.outStart; inNeighbours = g.outNeighbours
        inStrengths = g.outStrengths; inLengths = g.outLengths
    }
}

/// Errors raised by algorithms.
public enum AlgorithmError: Error, Equatable, CustomStringConvertible, Sendable {
    /// An iterative method did not reach the tolerance within the iteration limit.
    case didNotConverge(measure: String, iterations: Int, tolerance: Double)
    /// The measure needs something the graph does not have (for example weights).
    case unsupported(measure: String, reason: String)
    /// A parameter is out of its range.
    case invalidParameter(name: String, reason: String)

    public var description: String {
        switch self {
        case let .didNotConverge(measure, iterations, tolerance):
            return "\(measure) did not converge within \(iterations) iterations to tolerance \(tolerance); raise --max-iterations or loosen --tolerance"
        case let .unsupported(measure, reason):
            return "\(measure): \(reason)"
        case let .invalidParameter(name, reason):
            return "invalid \(name): \(reason)"
        }
    }
}
