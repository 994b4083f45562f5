// CSV: writing a node table and an edge table that CSVNetworkReader reads back.
//
// nodes.csv: id, kind, then label, originalName, aliases, country, since, until when any node has
// one, then one column per attribute name. edges.csv: source, target, relation, then weight,
// since, until when any edge has one, then one column per attribute name. Values are written as
// text: integers and numbers in shortest round-trip form, booleans true/false, dates
// YYYY[-MM[-DD]], lists joined with "; " (a node's aliases too: "LUP; Leverandørutviklingsprogrammet").
// RFC 4180 quoting; UTF-8.
//
// Not supported (each reported as a warning when the network has it):
// - The network's name, description and sources; node and edge sources; kind labels; relation
//   verbs; whether declared relations are directed (the reader takes one direction for every
//   relation it does not know).
// - Attribute types the reader cannot infer back: it types a column from its cells (all
//   integers → integer, all numbers → number, all true/false → boolean, else text), so dates and
//   lists come back as text, and a column mixing types comes back as one type.
// - Empty strings (an empty cell means "no value").
// - Aliases that hold ';' or begin or end with white space: the reader splits the cell at ';'
//   and trims each name.
// - Attribute names that are reserved columns (id, kind, label, since, …; source, target,
//   relation, …): written as "attr.<name>".
import PartnerGraph

/// The two tables of a network.
public struct EncodedCSV: Sendable, Equatable {
    public var nodes: String
    public var edges: String
    public var warnings: [String]
}

/// Writes a network as nodes.csv + edges.csv.
public struct CSVNetworkWriter: Sendable {
    /// The names of the edge table's first two columns (GraphFrames wants src and dst).
    let endColumns: (source: String, target: String)

    public init(endColumns: (source: String, target: String) = ("source", "target")) {
        self.endColumns = endColumns
    }

    public func encode(_ network: Network) throws -> EncodedCSV {
        var warnings: [String] = []
        var lost: [String] = []
        if network.name != nil { lost.append("the network's name") }
        if network.description != nil { lost.append("its description") }
        if !network.sources.isEmpty { lost.append(Interchange.plural(network.sources.count, "source")) }
        let cited = network.nodes.filter { !$0.sources.isEmpty }.count + network.edges.filter { !$0.sources.isEmpty }.count
        if cited > 0 { lost.append("the sources cited by \(cited) \(cited == 1 ? "node or edge" : "nodes and edges")") }
        let usedKinds = Set(network.nodes.map(\.kind.id))
        if network.declaredKinds.contains(where: { usedKinds.contains($0.id) && $0.label != nil && $0.label != $0.id }) { lost.append("kind labels") }
        let usedRelations = network.knownRelations.filter { r in network.edges.contains { $0.relation.id == r.id } }
        let declared = usedRelations.filter { r in !Relation.builtIn.contains(r) }
        if declared.contains(where: { $0.verb != $0.id.replacingOccurrences(of: "-", with: " ") }) { lost.append("relation verbs") }
        let dirs = Set(declared.map(\.isDirected))
        if dirs.count > 1 {
            lost.append("the direction of declared relations (they mix directed and symmetric; the reader gives them all one direction, directed or not)")
        } else if dirs == [true] {
            warnings.append("CSV: read the tables back as directed ties (the relations \(declared.map(\.id).joined(separator: ", ")) are directed)")
        }

        // Node table.
        let nodeReserved: Set<String> = ["id", "kind", "label", "originalName", "aliases", "country", "since", "until"]
        let edgeReserved: Set<String> = [endColumns.source, endColumns.target, "relation", "weight", "since", "until"]
        let nodeRen = Dictionary(uniqueKeysWithValues: Interchange.renaming(network.nodes.flatMap { $0.attributes.keys }, reserved: nodeReserved, allowed: { _ in true }, sanitize: { "attr." + $0 }))
        let edgeRen = Dictionary(uniqueKeysWithValues: Interchange.renaming(network.edges.flatMap { $0.attributes.keys }, reserved: edgeReserved, allowed: { _ in true }, sanitize: { "attr." + $0 }))
        if !nodeRen.isEmpty || !edgeRen.isEmpty {
            lost.append("the names of attributes that are reserved columns (written as " + (Array(nodeRen.values) + Array(edgeRen.values)).sorted().joined(separator: ", ") + ")")
        }
        var empty = 0
        var retyped: [String: Int] = [:]

        func columns(_ all: [Attributes]) -> [String] {
            var order: [String] = []
            var seen: Set<String> = []
            for a in all { for k in a.keys where seen.insert(k).inserted { order.append(k) } }
            return order
        }
        func cell(_ v: AttributeValue?) -> String {
            guard let v else { return "" }
            let t = v.description
            if t.isEmpty { empty += 1 }
            return t
        }
        /// Counts values whose type the reader will not infer back.
        func checkTypes(_ name: String, _ values: [AttributeValue]) {
            let texts = values.map(\.description).filter { !$0.isEmpty }
            let inferred: String
            if texts.isEmpty { inferred = "string" }
            else if texts.allSatisfy({ ScalarResolution.integer($0) != nil }) { inferred = "integer" }
            else if texts.allSatisfy({ ScalarResolution.number($0).map(\.isFinite) == true }) { inferred = "number" }
            else if texts.allSatisfy({ ["true", "false"].contains($0.lowercased()) }) { inferred = "boolean" }
            else { inferred = "string" }
            let bad = values.filter { !$0.description.isEmpty && $0.typeName != inferred }.count
            if bad > 0 { retyped[name, default: 0] += bad }
        }

        let showLabel = network.nodes.contains { $0.label != nil }
        let showOriginal = network.nodes.contains { $0.originalName != nil }
        let showAliases = network.nodes.contains { !$0.aliases.isEmpty }
        let showCountry = network.nodes.contains { $0.country != nil }
        let showNodeSince = network.nodes.contains { $0.since != nil }
        let showNodeUntil = network.nodes.contains { $0.until != nil }
        let nodeCols = columns(network.nodes.map(\.attributes))
        var header = ["id", "kind"]
        if showLabel { header.append("label") }
        if showOriginal { header.append("originalName") }
        if showAliases { header.append("aliases") }
        if showCountry { header.append("country") }
        if showNodeSince { header.append("since") }
        if showNodeUntil { header.append("until") }
        header += nodeCols.map { nodeRen[$0] ?? $0 }
        var nodes = CSVWriter.row(header)
        var splitAliases = 0
        for n in network.nodes {
            if n.id.rawValue.isEmpty { throw FormatError("a node has an empty id; CSV cannot hold it") }
            var row = [n.id.rawValue, n.kind.id]
            for (show, v) in [(showLabel, n.label), (showOriginal, n.originalName)] where show {
                if v == "" { empty += 1 }
                row.append(v ?? "")
            }
            if showAliases {
                splitAliases += n.aliases.filter { CSVAliases.split($0) != [$0] }.count
                row.append(CSVAliases.join(n.aliases))
            }
            if showCountry {
                if n.country == "" { empty += 1 }
                row.append(n.country ?? "")
            }
            if showNodeSince { row.append(n.since?.description ?? "") }
            if showNodeUntil { row.append(n.until?.description ?? "") }
            row += nodeCols.map { cell(n.attributes[$0]) }
            nodes += CSVWriter.row(row)
        }
        for c in nodeCols { checkTypes(c, network.nodes.compactMap { $0.attributes[c] }) }

        let showWeight = network.edges.contains { $0.weight != nil }
        let showSince = network.edges.contains { $0.since != nil }
        let showUntil = network.edges.contains { $0.until != nil }
        let edgeCols = columns(network.edges.map(\.attributes))
        header = [endColumns.source, endColumns.target, "relation"]
        if showWeight { header.append("weight") }
        if showSince { header.append("since") }
        if showUntil { header.append("until") }
        header += edgeCols.map { edgeRen[$0] ?? $0 }
        var edges = CSVWriter.row(header)
        for e in network.edges {
            var row = [e.from.rawValue, e.to.rawValue, e.relation.id]
            if showWeight { row.append(e.weight.map(formatNumber) ?? "") }
            if showSince { row.append(e.since?.description ?? "") }
            if showUntil { row.append(e.until?.description ?? "") }
            row += edgeCols.map { cell(e.attributes[$0]) }
            edges += CSVWriter.row(row)
        }
        for c in edgeCols { checkTypes(c, network.edges.compactMap { $0.attributes[c] }) }

        if splitAliases > 0 {
            lost.append("\(splitAliases == 1 ? "1 alias" : "\(splitAliases) aliases") holding ';' or beginning or ending with white space (read back split at ';' and trimmed)")
        }
        if empty > 0 { lost.append("\(Interchange.plural(empty, "empty text value")) (an empty cell means no value)") }
        if !retyped.isEmpty {
            let total = retyped.values.reduce(0, +)
            lost.append("the type of \(Interchange.plural(total, "attribute value")) (dates, lists or mixed columns: " + retyped.keys.sorted().joined(separator: ", ") + ")")
        }
        if !lost.isEmpty { warnings.insert("CSV cannot hold: " + lost.joined(separator: "; "), at: 0) }
        return EncodedCSV(nodes: nodes, edges: edges, warnings: warnings)
    }
}

/// A node's aliases in one CSV cell: joined with "; " as lists are, split at ';' with white space
/// trimmed from each name and empty names (a trailing ';') skipped.
enum CSVAliases {
    static func join(_ aliases: [String]) -> String { aliases.joined(separator: "; ") }

    static func split(_ cell: String) -> [String] {
        cell.split(separator: ";", omittingEmptySubsequences: false).compactMap { piece in
            let scalars = piece.unicodeScalars
            guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
                  let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return nil }
            return String(scalars[first...last])
        }
    }
}
