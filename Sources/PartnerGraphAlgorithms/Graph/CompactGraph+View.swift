import PartnerGraph

extension CompactGraph {
    /// Builds the analysis graph of a viewed network. Parallel arcs merge (strengths add,
    /// lengths keep the minimum).
    /// - Complexity: O(V + E log d).
    public init(_ viewed: ViewedNetwork, weightIsDistance: Bool) {
        self.init(
            nodeCount: viewed.nodeIDs.count, directed: viewed.isDirected,
            edges: viewed.arcs.map { InputEdge($0.source, $0.target, weight: $0.weight) },
            weightMeaning: weightIsDistance ? .distance : .strength)
    }

    /// Builds the analysis graph of `network` seen through `view`.
    /// - Throws: `ViewError` when the view does not fit the network.
    public init(network: Network, view: View) throws {
        self.init(try network.viewed(through: view), weightIsDistance: view.weightIsDistance)
    }
}
