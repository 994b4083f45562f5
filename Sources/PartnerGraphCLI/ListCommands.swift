import ArgumentParser
import PartnerGraph
import PartnerGraphFormats

struct NodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nodes",
        abstract: "List nodes, optionally of one kind or country.",
        discussion: """
        Columns: id, kind, label, country, then every attribute that any listed node has.
        Examples:
          partnergraph nodes Graphs/nordic-innovation-procurement.yaml --kind person
          partnergraph nodes Graphs/nordic-innovation-procurement.yaml --country Finland --format csv
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @Option(name: [.customLong("kinds"), .customLong("kind")], help: "Only nodes of these kinds (comma-separated, as every command's --kinds; --kind is the same).") var kinds: String?
    @Option(help: "Only nodes in this country.") var country: String?
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            let network = try input.load()
            let wanted = kinds.map { Set(splitList([$0])) }
            for kind in (wanted ?? []).sorted() where network.kind(kind) == nil {
                throw UsageError("unknown kind '\(kind)' (known: \(network.knownKinds.map(\.id).joined(separator: ", ")))")
            }
            let nodes = network.nodes.filter { n in
                (wanted == nil || wanted!.contains(n.kind.id)) && (country == nil || n.country == country)
            }
            let attrNames = orderedUnion(nodes.map { Array($0.attributes.keys) })
            let fixed = ["id", "kind", "label", "country"]
            var table = Table(header: fixed + attrNames.map { attributeColumn($0, besides: fixed) })
            for n in nodes {
                table.rows.append([n.id.rawValue, n.kind.id, n.label ?? "", n.country ?? ""]
                    + attrNames.map { n.attributes[$0]?.description ?? "" })
            }
            writeOutput(table.render(format))
        }
    }
}

struct EdgesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edges",
        abstract: "List edges, optionally of one relation.",
        discussion: """
        Columns: source, target, relation, weight, since, until, then every attribute that any
        listed edge has.
        Examples:
          partnergraph edges Graphs/nordic-innovation-procurement.yaml --relation founded
          partnergraph edges Graphs/karate-club.yaml --format csv
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @Option(name: [.customLong("relations"), .customLong("relation")], help: "Only edges of these relations (comma-separated, as every command's --relations; --relation is the same).") var relations: String?
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            let network = try input.load()
            let wanted = relations.map { Set(splitList([$0])) }
            for relation in (wanted ?? []).sorted() where network.relation(relation) == nil {
                throw UsageError("unknown relation '\(relation)' (known: \(network.knownRelations.map(\.id).joined(separator: ", ")))")
            }
            let edges = network.edges.filter { wanted == nil || wanted!.contains($0.relation.id) }
            let attrNames = orderedUnion(edges.map { Array($0.attributes.keys) })
            let fixed = ["source", "target", "relation", "weight", "since", "until"]
            var table = Table(header: fixed + attrNames.map { attributeColumn($0, besides: fixed) }, numericColumns: [3])
            for e in edges {
                table.rows.append([e.from.rawValue, e.to.rawValue, e.relation.id, e.weight.map(formatNumber) ?? "",
                                   e.since?.description ?? "", e.until?.description ?? ""]
                    + attrNames.map { e.attributes[$0]?.description ?? "" })
            }
            writeOutput(table.render(format))
        }
    }
}

/// The union of several key lists, in first-seen order.
func orderedUnion(_ lists: [[String]]) -> [String] {
    var seen: Set<String> = []
    var out: [String] = []
    for list in lists { for k in list where seen.insert(k).inserted { out.append(k) } }
    return out
}

/// An attribute's column name in a listing: `attr.NAME` when NAME is one of the fixed columns
/// (an edge attribute `weight` from a DOT file), as `convert` writes CSV, so that no column
/// appears twice and the table reads back.
func attributeColumn(_ name: String, besides fixed: [String]) -> String {
    fixed.contains(name) ? "attr." + name : name
}
