/// Freeman's centralization (L. C. Freeman, "Centrality in social networks: conceptual
/// clarification", Social Networks 1, 1979): how much one actor dominates, as the sum of the
/// differences between the most central actor's value and every actor's, divided by the same
/// sum on a star of as many actors (the most centralized graph), so 1 for a star and 0 when
/// every actor is as central as the others.
///
/// The values are NetworkX's normalised measures on an undirected graph; a star of n actors sums
/// to n − 2 for degree centrality, n − 1 for betweenness and (n − 1)(n − 2) / (2n − 3) for
/// closeness (each leaf at (n − 1) / (2n − 3)).
///
/// - Returns: nil on directed graphs, below 3 actors, and for closeness on a disconnected graph
///   (its distances are not all defined).
public func freemanCentralization(_ g: CompactGraph, measure: Measure) throws -> Double? {
    try freemanCentralization(g, measures: [measure])[0]
}

/// `freemanCentralization(_:measure:)` of several measures, on one unweighted copy of the graph.
public func freemanCentralization(_ g: CompactGraph, measures: [Measure]) throws -> [Double?] {
    let n = g.nodeCount
    guard !g.isDirected, n >= 3 else { return measures.map { _ in nil } }
    if let other = measures.first(where: { ![.degree, .closeness, .betweenness].contains($0) }) {
        throw AlgorithmError.unsupported(measure: other.rawValue, reason: "Freeman centralization covers degree, closeness and betweenness")
    }
    // Unweighted and without self-loops, as the star's sum assumes.
    let plain = CompactGraph(nodeCount: n, directed: false, edges: (0..<n).flatMap { u in
        g.outRange(u).compactMap { k -> CompactGraph.InputEdge? in
            let v = Int(g.outNeighbours[k])
            return v > u ? .init(u, v) : nil
        }
    })
    let connected = connectedComponents(plain).count == 1
    return try measures.map { measure -> Double? in
        let star: Double
        switch measure {
        case .degree: star = Double(n - 2)
        case .betweenness: star = Double(n - 1)
        default:
            guard connected else { return nil }
            star = Double((n - 1) * (n - 2)) / Double(2 * n - 3)
        }
        let values = try measure.compute(on: plain)
        let top = values.max() ?? 0
        return values.reduce(0) { $0 + (top - $1) } / star
    }
}
