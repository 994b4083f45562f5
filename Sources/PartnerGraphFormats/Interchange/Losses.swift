import PartnerGraph

/// Describes what a format that keeps only ids, edges, direction and weights drops.
enum Losses {
    /// One warning listing everything the network has that such a format cannot hold.
    static func structureOnly(_ network: Network, format: String, keepsName: Bool = true, keepsWeights: Bool, keepsDirection: Bool, keepsIsolated: Bool) -> [String] {
        var lost: [String] = []
        let c = Interchange.count(network)
        if network.name != nil && !keepsName { lost.append("the network's name") }
        if network.description != nil { lost.append("its description") }
        if !network.sources.isEmpty { lost.append(Interchange.plural(network.sources.count, "source")) }
        let kinds = Set(network.nodes.map(\.kind.id))
        if !(kinds.isEmpty || kinds == ["node"]) { lost.append("node kinds (\(kinds.sorted().joined(separator: ", ")); all read back as 'node')") }
        if c.labels > 0 { lost.append("labels, original names or countries of \(Interchange.plural(c.labels, "node"))") }
        if c.aliases > 0 { lost.append("aliases of \(Interchange.plural(c.aliases, "node"))") }
        if c.nodeAttributes > 0 { lost.append(Interchange.plural(c.nodeAttributes, "node attribute")) }
        if c.nodeDates > 0 { lost.append("since/until of \(Interchange.plural(c.nodeDates, "node"))") }
        let relations = Set(network.edges.map(\.relation.id))
        if !(relations.isEmpty || relations == ["connected-to"]) { lost.append("relations (\(relations.sorted().joined(separator: ", ")); all read back as connected-to)") }
        if c.edgeAttributes > 0 { lost.append(Interchange.plural(c.edgeAttributes, "edge attribute")) }
        if c.dates > 0 { lost.append("since/until of \(Interchange.plural(c.dates, "edge"))") }
        if c.sources > 0 { lost.append("the sources cited by \(c.sources) \(c.sources == 1 ? "node or edge" : "nodes and edges")") }
        if !keepsWeights && c.weights > 0 { lost.append("weights of \(Interchange.plural(c.weights, "edge"))") }
        if !keepsDirection && !network.edges.isEmpty {
            lost.append("direction (the file says \(Interchange.isDirected(network) ? "directed" : "undirected") in a comment; other tools need telling)")
        }
        if !keepsIsolated {
            var touched: Set<NodeID> = []
            for e in network.edges { touched.insert(e.from); touched.insert(e.to) }
            let isolated = network.nodes.filter { !touched.contains($0.id) }.count
            if isolated > 0 { lost.append(Interchange.plural(isolated, "isolated node")) }
        }
        guard !lost.isEmpty else { return [] }
        return ["\(format) keeps only node ids, edges\(keepsDirection ? ", direction" : "")\(keepsWeights ? " and weights" : ""); dropped: " + lost.joined(separator: "; ")]
    }
}
