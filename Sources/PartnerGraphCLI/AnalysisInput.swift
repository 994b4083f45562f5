import PartnerGraph
import PartnerGraphAlgorithms

/// A network loaded and seen through the command line's view options.
struct AnalysisInput {
    var network: Network
    var viewed: ViewedNetwork
    var view: View

    init(input: InputOptions, view options: ViewOptions) throws {
        network = try input.load()
        view = try options.view()
        viewed = try network.viewed(through: view)
    }

    /// The analysis graph.
    var graph: CompactGraph { CompactGraph(viewed, weightIsDistance: view.weightIsDistance) }

    /// The display name of the node at a graph position.
    func label(_ i: Int) -> String { network.nodes[viewed.networkIndices[i]].displayName }

    /// The graph position of a node given by id.
    func position(of id: String) throws -> Int {
        if let i = viewed.nodeIDs.firstIndex(of: NodeID(id)) { return i }
        if network.node(NodeID(id)) != nil { throw UsageError("node '\(id)' is not in the view (check --kinds)") }
        var message = "unknown node '\(id)'"
        if let g = closestMatch(to: id, among: network.nodes.map(\.id.rawValue)) { message += "; did you mean '\(g)'?" }
        throw UsageError(message)
    }
}
