import PartnerGraph

/// One hop of a cooperation path: the network edge it uses and which way it was walked.
public struct PathEdge: Sendable, Equatable {
    /// How the hop walks its edge.
    public enum Traversal: String, Sendable, Equatable {
        /// From the edge's `from` to its `to`.
        case forward
        /// From the edge's `to` to its `from` (against a directed relation, or the second way
        /// of a symmetric one).
        case backward
    }

    /// The node the hop leaves.
    public var from: NodeID
    /// The node the hop reaches.
    public var to: NodeID
    /// The edge's position in `Network.edges`.
    public var edgeIndex: Int
    public var traversed: Traversal
    /// The weight the view read for this edge; nil when the view is unweighted.
    public var weight: Double?
    /// The hop's length: 1 unweighted; 1/weight for strengths; the weight for distances.
    public var length: Double
    /// The hop's tie strength: 1 unweighted; the weight for strengths; 1/weight for distances.
    public var strength: Double

    public init(from: NodeID, to: NodeID, edgeIndex: Int, traversed: Traversal, weight: Double?,
                length: Double, strength: Double) {
        self.from = from
        self.to = to
        self.edgeIndex = edgeIndex
        self.traversed = traversed
        self.weight = weight
        self.length = length
        self.strength = strength
    }
}

/// A cooperation path: the nodes from the start to the end, and the edge each hop uses.
///
/// When parallel edges join two consecutive nodes, the hop uses the shortest of them (the
/// strongest tie), ties going to the edge that comes first in the file.
public struct Path: Sendable, Equatable {
    /// The nodes in walking order, both ends included (one node for a path from a node to itself).
    public var nodes: [NodeID]
    /// The hops, `nodes.count - 1` of them.
    public var edges: [PathEdge]

    public init(nodes: [NodeID], edges: [PathEdge]) {
        precondition(edges.count == max(0, nodes.count - 1), "a path has one edge per hop")
        self.nodes = nodes
        self.edges = edges
    }

    /// Number of hops (edges).
    public var hops: Int { edges.count }

    /// The sum of the hops' lengths, added from the start (as NetworkX adds them). Equals
    /// `hops` on an unweighted view.
    public var length: Double { edges.reduce(0) { $0 + $1.length } }

    /// The weakest tie on the path: the smallest hop strength (1 on an unweighted view); nil
    /// for a path without hops.
    public var bottleneck: Double? { edges.map(\.strength).min() }

    /// The first hop with the smallest strength; nil for a path without hops.
    public var weakestEdge: PathEdge? {
        guard let b = bottleneck else { return nil }
        return edges.first { $0.strength == b }
    }
}

/// Why there is no path between two nodes.
public enum NoPathReason: Sendable, Equatable {
    /// The two lie in different components of the whole network (direction ignored): no view,
    /// filter or constraint could join them.
    case differentComponents
    /// This end is not in the view (its kind is filtered out).
    case outsideView(NodeID)
    /// The whole network joins them, but the view (its relations, kinds or dates) does not.
    case viewSeparates
    /// The view joins them when direction is ignored, but no path follows edge direction.
    case direction
    /// Every path runs through a node that `avoid` or `throughKinds` rules out.
    case nodeConstraints
    /// Every path meeting the other constraints has more hops than allowed.
    case tooManyHops(fewest: Int, limit: Int)
    /// No simple path passes through the required node(s) (within the hop limit, if any).
    case via([NodeID])
}

/// Errors of path finding, ego networks and reachability.
public enum PathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A name that finds no node (with the closest names), or an id not in the network.
    case unknownNode(query: String, suggestions: [NodeMatch])
    /// A name that finds several nodes.
    case ambiguousNode(query: String, candidates: [NodeMatch])
    /// No path joins the two nodes, and why.
    case noPath(from: NodeID, to: NodeID, reason: NoPathReason)
    /// A constraint that cannot be met or makes no sense (`avoid` names an end, a negative hop
    /// limit, an unknown kind, …).
    case invalidConstraint(String)
    /// A constrained search examined its limit of candidate paths without settling the answer.
    case searchLimitReached(examined: Int)

    init(_ e: NodeLookupError) {
        switch e {
        case let .unknown(q, s): self = .unknownNode(query: q, suggestions: s)
        case let .ambiguous(q, c): self = .ambiguousNode(query: q, candidates: c)
        }
    }

    public var description: String {
        switch self {
        case let .unknownNode(q, s): return NodeLookupError.unknown(query: q, suggestions: s).description
        case let .ambiguousNode(q, c): return NodeLookupError.ambiguous(query: q, candidates: c).description
        case let .noPath(from, to, reason): return "no path from '\(from)' to '\(to)': " + reason.description
        case let .invalidConstraint(m): return m
        case let .searchLimitReached(n):
            return "gave up after examining \(n) candidate paths in order of length; narrow the search (fewer nodes to pass through, a hop limit, nodes to avoid, or a smaller view)"
        }
    }
}

extension NoPathReason: CustomStringConvertible {
    public var description: String {
        switch self {
        case .differentComponents: return "they lie in different components of the network"
        case .outsideView(let id): return "'\(id)' is not in the view (its kind is filtered out)"
        case .viewSeparates: return "the network joins them, but the view (relations, kinds, dates) cuts every path"
        case .direction: return "every path runs against the direction of some edge (paths ignoring direction exist)"
        case .nodeConstraints: return "every path runs through a node that the constraints rule out"
        case let .tooManyHops(fewest, limit): return "the shortest path has \(fewest) hops, more than the limit of \(limit)"
        case .via(let ids): return "no path without repeated nodes passes through " + ids.map { "'\($0)'" }.joined(separator: " and ")
        }
    }
}
