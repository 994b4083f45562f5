/// A partner network: typed nodes, typed relations between them, and the sources of every fact.
///
/// Nodes keep the order in which they were added; so do edges. Adding a node whose id is
/// already taken keeps both (so that `validate()` can report the duplicate) but lookups find
/// the first.
public struct Network: Sendable, Equatable {
    public var name: String?
    public var description: String?
    public var sources: [Source]
    /// Kinds declared by this network, beyond `NodeKind.builtIn`.
    public var declaredKinds: [NodeKind]
    /// Relations declared by this network, beyond `Relation.builtIn`.
    public var declaredRelations: [Relation]
    public private(set) var nodes: [Node] = []
    public private(set) var edges: [Edge] = []
    private var indexByID: [NodeID: Int] = [:]
    /// For each edge, the positions of its endpoints when they were known as it was added or
    /// updated (-1: not yet; `endpoints(of:)` then looks the id up).
    private var edgeEnds: [(from: Int32, to: Int32)] = []

    public init(name: String? = nil, description: String? = nil, sources: [Source] = [],
                declaredKinds: [NodeKind] = [], declaredRelations: [Relation] = []) {
        self.name = name
        self.description = description
        self.sources = sources
        self.declaredKinds = declaredKinds
        self.declaredRelations = declaredRelations
    }

    public static func == (lhs: Network, rhs: Network) -> Bool {
        lhs.name == rhs.name && lhs.description == rhs.description && lhs.sources == rhs.sources
            && lhs.declaredKinds.map(\.id) == rhs.declaredKinds.map(\.id)
            && lhs.declaredKinds.map(\.label) == rhs.declaredKinds.map(\.label)
            && lhs.declaredRelations == rhs.declaredRelations
            && lhs.nodes == rhs.nodes && lhs.edges == rhs.edges
    }

    /// Appends a node.
    public mutating func addNode(_ node: Node) {
        if indexByID[node.id] == nil { indexByID[node.id] = nodes.count }
        nodes.append(node)
    }

    /// Appends an edge. Its endpoints need not exist yet; `validate()` reports dangling ones.
    public mutating func addEdge(_ edge: Edge) {
        edgeEnds.append((Int32(index(of: edge.from) ?? -1), Int32(index(of: edge.to) ?? -1)))
        edges.append(edge)
    }

    /// Appends an edge whose endpoints' positions the caller already knows (sparing two lookups
    /// per edge when reading large files).
    /// - Precondition: `index(of: edge.from) == from` and `index(of: edge.to) == to`.
    public mutating func addEdge(_ edge: Edge, endpoints: (from: Int, to: Int)) {
        assert(index(of: edge.from) == endpoints.from && index(of: edge.to) == endpoints.to)
        edgeEnds.append((Int32(endpoints.from), Int32(endpoints.to)))
        edges.append(edge)
    }

    /// Replaces the node at `index` (its id must stay the same).
    public mutating func updateNode(at index: Int, _ body: (inout Node) -> Void) {
        let id = nodes[index].id
        body(&nodes[index])
        precondition(nodes[index].id == id, "updateNode must not change the id")
    }

    /// Replaces the edge at `index`.
    public mutating func updateEdge(at index: Int, _ body: (inout Edge) -> Void) {
        body(&edges[index])
        edgeEnds[index] = (Int32(self.index(of: edges[index].from) ?? -1), Int32(self.index(of: edges[index].to) ?? -1))
    }

    /// The positions in `nodes` of edge `e`'s endpoints (nil for an id no node has).
    /// - Complexity: O(1) when the endpoints existed as the edge was added; otherwise a lookup.
    public func endpoints(of e: Int) -> (from: Int?, to: Int?) {
        let ends = edgeEnds[e]
        return (ends.from >= 0 ? Int(ends.from) : index(of: edges[e].from),
                ends.to >= 0 ? Int(ends.to) : index(of: edges[e].to))
    }

    /// The position of the node with this id in `nodes`.
    public func index(of id: NodeID) -> Int? { indexByID[id] }

    /// The node with this id.
    public func node(_ id: NodeID) -> Node? { indexByID[id].map { nodes[$0] } }

    /// Every kind this network knows: built-in, then declared.
    public var knownKinds: [NodeKind] {
        NodeKind.builtIn.filter { b in !declaredKinds.contains { $0.id == b.id } } + declaredKinds
    }

    /// Every relation this network knows: built-in, then declared (a declaration overrides a
    /// built-in of the same id).
    public var knownRelations: [Relation] {
        Relation.builtIn.filter { b in !declaredRelations.contains { $0.id == b.id } } + declaredRelations
    }

    /// The kind with this id, built-in or declared.
    public func kind(_ id: String) -> NodeKind? { knownKinds.first { $0.id == id } }

    /// The relation with this id, built-in or declared.
    public func relation(_ id: String) -> Relation? { knownRelations.first { $0.id == id } }

    /// The source with this id.
    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }

    /// Whether every edge of the network is of a symmetric relation.
    public var isUndirected: Bool { edges.allSatisfy { !$0.relation.isDirected } }

    /// The edges that leave (or, for symmetric relations, touch) a node.
    public func edges(touching id: NodeID) -> [Edge] { edges.filter { $0.from == id || $0.to == id } }
}
