import ArgumentParser
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise a network: counts by kind and relation, density, components, isolates, dates.",
        discussion: """
        Density and components are those of the whole network with direction as declared
        (weak components when any relation is directed); parallel edges count once.
        Examples:
          partnergraph info Graphs/nordic-innovation-procurement.yaml
          partnergraph info edges.csv --nodes nodes.csv --format json
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            let network = try input.load()
            let summary = try NetworkSummary(network)
            writeOutput(summary.render(format))
        }
    }
}

/// What `info` reports.
struct NetworkSummary {
    var name: String
    var nodeCount: Int
    var edgeCount: Int
    var kinds: [(String, Int)]
    var relations: [(String, Int)]
    var directed: Bool
    var density: Double
    var components: Int
    var isolates: [NodeID]
    var firstDate: PartialDate?
    var lastDate: PartialDate?

    init(_ network: Network) throws {
        name = network.name ?? ""
        nodeCount = network.nodes.count
        edgeCount = network.edges.count
        kinds = network.knownKinds.compactMap { k in
            let c = network.nodes.filter { $0.kind.id == k.id }.count
            return c > 0 ? (k.id, c) : nil
        }
        relations = network.knownRelations.compactMap { r in
            let c = network.edges.filter { $0.relation.id == r.id }.count
            return c > 0 ? (r.id, c) : nil
        }
        let viewed = try network.viewed(through: .all)
        let graph = CompactGraph(viewed, weightIsDistance: false)
        directed = graph.isDirected
        density = PartnerGraphAlgorithms.density(graph)
        components = connectedComponents(graph).count
        isolates = PartnerGraphAlgorithms.isolates(graph).map { viewed.nodeIDs[$0] }
        var dates: [PartialDate] = []
        for e in network.edges {
            if let d = e.since { dates.append(d) }
            if let d = e.until { dates.append(d) }
        }
        firstDate = dates.min { $0.firstDay < $1.firstDay }
        lastDate = dates.max { $0.lastDay < $1.lastDay }
    }

    func render(_ format: OutputFormat) -> String {
        var rows: [(String, String)] = [
            ("name", name), ("nodes", String(nodeCount)), ("edges", String(edgeCount)),
        ]
        for (k, c) in kinds { rows.append(("nodes of kind \(k)", String(c))) }
        for (r, c) in relations { rows.append(("edges of relation \(r)", String(c))) }
        rows += [
            ("directed", directed ? "yes" : "no"),
            ("density", formatNumber(density)),
            ("components", String(components)),
            ("isolated nodes", isolates.isEmpty ? "0" : "\(isolates.count): " + isolates.map(\.rawValue).joined(separator: ", ")),
            ("dates", firstDate.map { "\($0) to \(lastDate!)" } ?? "none"),
        ]
        switch format {
        case .table:
            let width = rows.map { $0.0.count }.max() ?? 0
            return rows.map { $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 }.joined(separator: "\n") + "\n"
        case .csv:
            return CSVWriter.row(["field", "value"]) + rows.map { CSVWriter.row([$0.0, $0.1]) }.joined()
        case .json:
            func object(_ pairs: [(String, Int)]) -> OutputValue { .mapping(pairs.map { ($0.0, .integer($0.1)) }) }
            return JSONWriter.write(.mapping([
                ("name", .string(name)), ("nodes", .integer(nodeCount)), ("edges", .integer(edgeCount)),
                ("nodesByKind", object(kinds)), ("edgesByRelation", object(relations)), ("directed", .boolean(directed)),
                ("density", .number(density)), ("components", .integer(components)),
                ("isolates", .list(isolates.map { .string($0.rawValue) }, inline: true)),
                ("firstDate", firstDate.map { .string($0.description) } ?? .null),
                ("lastDate", lastDate.map { .string($0.description) } ?? .null),
            ]))
        }
    }
}
