/// The part of a network an analysis looks at, and how it reads direction and weight.
///
/// A view keeps the nodes of the chosen kinds (all by default) and the edges of the chosen
/// relations (all by default) whose dates meet the time window (edges without dates always
/// count) and whose two ends are both kept.
public struct View: Sendable, Equatable {
    /// How edge direction is read.
    public enum Direction: String, Sendable, CaseIterable {
        /// Directed relations stay directed, symmetric ones become two arcs; a network whose
        /// kept edges are all symmetric gives an undirected graph.
        case asDeclared
        /// Every edge is directed: symmetric relations become two arcs.
        case directed
        /// Every edge is symmetric.
        case undirected
    }

    /// Relation ids to keep; nil keeps all.
    public var relations: Set<String>?
    /// Node kind ids to keep; nil keeps all.
    public var kinds: Set<String>?
    /// First day of the time window as `yyyymmdd`; nil is open.
    public var fromDay: Int?
    /// Last day of the time window as `yyyymmdd`; nil is open.
    public var untilDay: Int?
    public var direction: Direction
    /// The attribute that holds the weight (`weight` is the edge's own weight field); nil
    /// means every edge weighs 1.
    public var weightAttribute: String?
    /// Whether a larger weight means a stronger tie (`strength`) or a longer path (`distance`).
    public var weightIsDistance: Bool

    public init(relations: Set<String>? = nil, kinds: Set<String>? = nil, fromDay: Int? = nil,
                untilDay: Int? = nil, direction: Direction = .asDeclared,
                weightAttribute: String? = nil, weightIsDistance: Bool = false) {
        self.relations = relations
        self.kinds = kinds
        self.fromDay = fromDay
        self.untilDay = untilDay
        self.direction = direction
        self.weightAttribute = weightAttribute
        self.weightIsDistance = weightIsDistance
    }

    /// The whole network, direction as declared, unweighted.
    public static let all = View()

    /// A window covering exactly one (possibly partial) date.
    public mutating func restrict(at date: PartialDate) {
        fromDay = date.firstDay
        untilDay = date.lastDay
    }
}

/// A network seen through a view: kept nodes and the arcs between them, by position.
public struct ViewedNetwork: Sendable {
    /// Ids of the kept nodes, in network order; position `i` is node `i` of the graph.
    public var nodeIDs: [NodeID]
    /// Positions in `Network.nodes` of the kept nodes.
    public var networkIndices: [Int]
    /// Whether the arcs are directed.
    public var isDirected: Bool
    /// The kept edges as (source position, target position, weight, index in `Network.edges`).
    /// On a directed view a symmetric edge appears as two arcs.
    public var arcs: [Arc]

    public struct Arc: Sendable, Equatable {
        public var source: Int
        public var target: Int
        public var weight: Double?
        public var edgeIndex: Int
    }
}

/// A problem with a view: an unknown relation or kind, or a weight that cannot be read.
public struct ViewError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Network {
    /// Applies a view.
    ///
    /// - Throws: `ViewError` when the view names a relation or kind the network does not
    ///   know, when the weight attribute is on no edge, or when a weight attribute holds a value
    ///   that is not a finite number > 0, or one so small or large that sums of weights or of
    ///   lengths (1/weight) would overflow.
    /// - Complexity: O(V + E).
    public func viewed(through view: View) throws -> ViewedNetwork {
        if let relations = view.relations {
            for r in relations.sorted() where relation(r) == nil {
                var m = "unknown relation '\(r)'"
                if let g = closestMatch(to: r, among: knownRelations.map(\.id)) { m += "; did you mean '\(g)'?" }
                throw ViewError(m + " (known: " + knownRelations.map(\.id).joined(separator: ", ") + ")")
            }
        }
        if let kinds = view.kinds {
            for k in kinds.sorted() where kind(k) == nil {
                var m = "unknown kind '\(k)'"
                if let g = closestMatch(to: k, among: knownKinds.map(\.id)) { m += "; did you mean '\(g)'?" }
                throw ViewError(m + " (known: " + knownKinds.map(\.id).joined(separator: ", ") + ")")
            }
        }
        if let attr = view.weightAttribute, attr != "weight", !edges.contains(where: { $0.attributes[attr] != nil }) {
            var names = Set<String>()
            for e in edges { names.formUnion(e.attributes.keys) }
            let known = names.sorted().prefix(20)
            throw ViewError("no edge has the attribute '\(attr)' to read weights from" + (known.isEmpty ? " (edges here have no attributes; 'weight' is the edges' own weight)" : " (edge attributes: " + known.joined(separator: ", ") + "; 'weight' is the edges' own weight)"))
        }
        var position = [Int](repeating: -1, count: nodes.count)
        var ids: [NodeID] = []
        var indices: [Int] = []
        for (i, n) in nodes.enumerated() where index(of: n.id) == i {
            if let kinds = view.kinds, !kinds.contains(n.kind.id) { continue }
            position[i] = ids.count
            ids.append(n.id)
            indices.append(i)
        }
        var kept: [(Int, Int, Double?, Int, Bool)] = []
        kept.reserveCapacity(edges.count)
        let fromDay = view.fromDay ?? Int.min, toDay = view.untilDay ?? Int.max
        // Weights whose sums or products (modularity multiplies strengths; eigenvector and
        // Katz square them), or whose lengths (1/weight) and their sums, would overflow are
        // refused: 1e-320 as a strength is a length of 1e320, 1.7e308 as a distance overflows a
        // path of two hops, 1e160 overflows a product of two strengths.
        let largestWeight = Double.greatestFiniteMagnitude.squareRoot() / Double(max(2, nodes.count + edges.count))
        let smallestWeight = 1 / largestWeight
        for e in edges.indices {
            // Fields are read in place: copying every edge dominated viewing large networks.
            if let relations = view.relations, !relations.contains(edges[e].relation.id) { continue }
            if edges[e].since != nil || edges[e].until != nil, !edges[e].isValid(fromDay: fromDay, toDay: toDay) { continue }
            let ends = endpoints(of: e)
            guard let a = ends.from, let b = ends.to, position[a] >= 0, position[b] >= 0 else { continue }
            var w: Double?
            if let attr = view.weightAttribute {
                var edge: Edge { edges[e] }
                if attr == "weight" {
                    w = edges[e].weight ?? edges[e].attributes["weight"]?.doubleValue ?? 1
                } else if let value = edges[e].attributes[attr] {
                    guard let d = value.doubleValue else {
                        throw ViewError("edge \(e + 1) (\(edge.from) → \(edge.to)): weight attribute '\(attr)' is \(value.typeName) '\(value)', not a number")
                    }
                    w = d
                } else {
                    w = 1
                }
                if let d = w, !(d.isFinite && d > 0) {
                    throw ViewError("edge \(e + 1) (\(edge.from) → \(edge.to)): weight attribute '\(attr)' is \(formatNumber(d)); weights must be finite and greater than 0")
                }
                if let d = w, d < smallestWeight || d > largestWeight {
                    throw ViewError("edge \(e + 1) (\(edge.from) → \(edge.to)): weight \(formatNumber(d)) is too \(d < smallestWeight ? "small" : "large") to compute with: sums and products of weights and of lengths (1/weight) would overflow; in this network weights must lie from \(smallestWeight) to \(largestWeight)")
                }
            }
            kept.append((position[a], position[b], w, e, edges[e].relation.isDirected))
        }
        let directed: Bool
        switch view.direction {
        case .undirected: directed = false
        case .directed: directed = true
        case .asDeclared: directed = kept.contains { $0.4 }
        }
        var arcs: [ViewedNetwork.Arc] = []
        arcs.reserveCapacity(kept.count)
        for k in kept {
            arcs.append(.init(source: k.0, target: k.1, weight: k.2, edgeIndex: k.3))
            if directed && !k.4 && k.0 != k.1 {
                arcs.append(.init(source: k.1, target: k.0, weight: k.2, edgeIndex: k.3))
            }
        }
        return ViewedNetwork(nodeIDs: ids, networkIndices: indices, isDirected: directed, arcs: arcs)
    }
}
