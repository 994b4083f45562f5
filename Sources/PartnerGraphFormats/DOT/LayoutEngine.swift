/// The layout engines Graphviz offers.
public enum LayoutEngine: String, Sendable, CaseIterable {
    case dot, neato, fdp, sfdp, circo, twopi

    /// The default engine for a network of `nodeCount` nodes: dot up to 150 nodes (layered,
    /// readable), sfdp beyond (scales to large graphs).
    public static func automatic(nodeCount: Int) -> LayoutEngine { nodeCount <= 150 ? .dot : .sfdp }
}
