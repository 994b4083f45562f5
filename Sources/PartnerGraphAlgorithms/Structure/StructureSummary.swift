/// A one-pass structural profile of a graph: the result of `structureSummary(_:)`.
///
/// Plain stored properties only, so it encodes directly (JSON, YAML). Node references are node
/// indices of the `CompactGraph`.
public struct StructureSummary: Sendable, Equatable, Codable {
    /// Number of nodes.
    public var nodes: Int
    /// Number of distinct edges (self-loops count once).
    public var edges: Int
    /// `nx.density(G)`.
    public var density: Double
    /// Number of connected components (weakly connected on directed graphs).
    public var components: Int
    /// Number of strongly connected components; nil when undirected.
    public var strongComponents: Int?
    /// Number of nodes of the largest (weakly) connected component; 0 for the empty graph.
    public var largestComponent: Int
    /// Nodes of degree 0, in increasing index order.
    public var isolates: [Int]
    /// Articulation points of the undirected view, sorted.
    public var articulationPoints: [Int]
    /// Bridges of the undirected view, each `[u, v]` with `u < v`, sorted.
    public var bridges: [[Int]]
    /// `nx.average_clustering(G)` (unweighted); nil on directed graphs and on the empty graph.
    public var averageClustering: Double?
    /// `nx.transitivity(G)`; nil on directed graphs.
    public var transitivity: Double?
    /// Diameter (hops) of the largest component, direction and weights ignored; 0 for a single
    /// node; nil for the empty graph.
    public var diameter: Int?
    /// Radius (hops) of the largest component, direction and weights ignored; 0 for a single
    /// node; nil for the empty graph.
    public var radius: Int?
    /// `nx.degree_assortativity_coefficient(G)`; nil when undefined (NaN in NetworkX).
    public var degreeAssortativity: Double?

    public init(nodes: Int, edges: Int, density: Double, components: Int, strongComponents: Int?,
                largestComponent: Int, isolates: [Int], articulationPoints: [Int], bridges: [[Int]],
                averageClustering: Double?, transitivity: Double?, diameter: Int?, radius: Int?,
                degreeAssortativity: Double?) {
        self.nodes = nodes
        self.edges = edges
        self.density = density
        self.components = components
        self.strongComponents = strongComponents
        self.largestComponent = largestComponent
        self.isolates = isolates
        self.articulationPoints = articulationPoints
        self.bridges = bridges
        self.averageClustering = averageClustering
        self.transitivity = transitivity
        self.diameter = diameter
        self.radius = radius
        self.degreeAssortativity = degreeAssortativity
    }
}

/// Structural profile of a graph: size, density, components, isolates, cut structure, clustering,
/// diameter/radius and degree assortativity in one call.
///
/// Each field is defined by the function that computes it: `density(_:)`,
/// `connectedComponents(_:)`, `stronglyConnectedComponents(_:)`, `isolates(_:)`,
/// `cutStructure(_:)`, `averageClustering(_:weighted:)` (unweighted), `transitivity(_:)`,
/// `diameterAndRadius(_:)` and `degreeAssortativity(_:)`. Weights are ignored throughout.
///
/// - Parameter g: the graph.
/// - Returns: the summary.
/// - Complexity: O(V + E^1.5 + k (V + E)) time, k the number of breadth-first searches of the
///   diameter bounding (small on small-world graphs, at most V); O(V + E) memory.
/// - Reference: the NetworkX functions named on each field of `StructureSummary`
///   (`nx.density`, `nx.number_connected_components` / `nx.number_weakly_connected_components`,
///   `nx.number_strongly_connected_components`, `nx.isolates`, `nx.articulation_points`,
///   `nx.bridges`, `nx.average_clustering`, `nx.transitivity`, `nx.diameter`, `nx.radius`,
///   `nx.degree_assortativity_coefficient`).
public func structureSummary(_ g: CompactGraph) -> StructureSummary {
    let weak = connectedComponents(g)
    let cuts = cutStructure(g)
    let extremes = diameterAndRadius(g)
    return StructureSummary(
        nodes: g.nodeCount,
        edges: g.edgeCount,
        density: density(g),
        components: weak.count,
        strongComponents: g.isDirected ? stronglyConnectedComponents(g).count : nil,
        largestComponent: weak.largestSize,
        isolates: isolates(g),
        articulationPoints: cuts.articulationPoints,
        bridges: cuts.bridges.map(\.pair),
        averageClustering: g.isDirected ? nil : averageClustering(g),
        transitivity: g.isDirected ? nil : transitivity(g),
        diameter: extremes?.diameter,
        radius: extremes?.radius,
        degreeAssortativity: degreeAssortativity(g))
}
