import ArgumentParser
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct BrokerageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brokerage",
        abstract: "Gould–Fernandez brokerage roles per node, for groups given by a node field or attribute.",
        discussion: """
        For every two-step path a → b → c with no direct tie a → c, the broker b's role depends
        on the groups of a, b and c: coordinator (all in one group), itinerant or consultant (a
        and c in one group, b outside), representative (b in a's group), gatekeeper (b in c's
        group), liaison (all three in different groups). Directed views; on an undirected view
        each edge counts both ways. Nodes without a value of the group attribute form one group
        of their own ("(none)").
        Reference: R. V. Gould, R. M. Fernandez, "Structures of mediation", Sociological
        Methodology 19 (1989) 89–126, doi:10.2307/270949; the same counts as R's sna::brokerage.
        Examples:
          partnergraph brokerage Graphs/nordic-innovation-procurement.yaml --group-by country
          partnergraph brokerage edges.csv --nodes nodes.csv --directed --group-by sector --format csv
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @OptionGroup var view: ViewOptions
    @Option(name: [.customLong("group-by"), .customLong("by")], help: "The node field (country, kind) or attribute that names each node's group (--by is the same option).") var groupBy: String
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            let analysis = try AnalysisInput(input: input, view: view)
            let nodes = analysis.viewed.networkIndices.map { analysis.network.nodes[$0] }
            let grouping = try NodeGrouping(nodes, by: groupBy)
            let names = grouping.names
            let r = try brokerageRoles(analysis.graph, groups: grouping.groups)
            let header = ["id", "group", "coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]
            var table = Table(header: header, numericColumns: Set(2..<8))
            for i in nodes.indices {
                table.rows.append([analysis.viewed.nodeIDs[i].rawValue, names[i]] + [r.coordinator[i], r.itinerant[i], r.representative[i],
                                                                                     r.gatekeeper[i], r.liaison[i], r.total[i]].map(String.init))
            }
            writeOutput(table.render(format))
        }
    }
}
