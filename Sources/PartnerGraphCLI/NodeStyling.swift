import GraphvizRendering
import PartnerGraph
import PartnerGraphFormats
import PartnerGraphAlgorithms

/// Node sizes and colours chosen on the command line, shared by `render` and `convert --to gexf`.
enum NodeStyling {
    /// A measure's values scaled to 0…1 (min to max) per node of the view.
    static func sizes(measure name: String, viewed: ViewedNetwork, weightIsDistance: Bool) throws -> [NodeID: Double] {
        guard let measure = Measure(rawValue: name) else {
            throw UsageError("--size-by: unknown measure '\(name)' (measures: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let values = try measure.compute(on: CompactGraph(viewed, weightIsDistance: weightIsDistance))
        return scaled(values, ids: viewed.nodeIDs)
    }

    /// Values scaled to 0…1 (min to max) per node id; non-finite values, and every value when
    /// all are equal, give 0.
    static func scaled(_ values: [Double], ids: [NodeID]) -> [NodeID: Double] {
        let finite = values.filter(\.isFinite)
        let lo = finite.min() ?? 0, hi = finite.max() ?? 0
        var sizes: [NodeID: Double] = [:]
        for (i, v) in values.enumerated() { sizes[ids[i]] = hi > lo && v.isFinite ? (v - lo) / (hi - lo) : 0 }
        return sizes
    }

    /// The palette colour of each node, by kind or by a field/attribute value; values take
    /// palette colours in the order `DOTEncoder` gives them (kinds as they appear, other values
    /// sorted), the last colour shared by any beyond the palette.
    static func colors(_ nodes: [Node], by field: String) throws -> [NodeID: String] {
        let encoder = DOTEncoder()
        func key(_ n: Node) -> String? { field == "kind" ? n.kind.displayName : encoder.fieldValue(n, field) }
        var keys: [String] = []
        for n in nodes { if let k = key(n), !keys.contains(k) { keys.append(k) } }
        guard !keys.isEmpty else { throw UsageError("--color-by \(field): no node has a '\(field)' field or attribute") }
        if field != "kind" { keys.sort { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) } }
        var out: [NodeID: String] = [:]
        for n in nodes {
            guard let k = key(n), let i = keys.firstIndex(of: k) else { continue }
            out[n.id] = DiagramStyle.palette[min(i, DiagramStyle.palette.count - 1)]
        }
        return out
    }
}
