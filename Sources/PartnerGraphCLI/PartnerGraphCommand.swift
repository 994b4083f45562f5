import ArgumentParser
import PartnerGraphFormats

@main
struct PartnerGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partnergraph",
        abstract: "Analyse partner networks: organisations, people, programmes, events and their ties.",
        discussion: """
        Reads the native YAML/JSON format, CSV edge tables (with --nodes for a node table),
        workbooks (.xlsx, .ods: an 'edges' and a 'nodes' sheet) and the exchange formats.
        Examples:
          partnergraph info Graphs/nordic-innovation-procurement.yaml
          partnergraph validate Graphs/nordic-innovation-procurement.yaml
          partnergraph nodes edges.csv --nodes nodes.csv --format csv
        """,
        version: "0.1.0",
        subcommands: [
            InfoCommand.self, ValidateCommand.self, NodesCommand.self, EdgesCommand.self, ConvertCommand.self, MergeCommand.self, DiffCommand.self, DuplicatesCommand.self,
            CentralityCommand.self, BrokerageCommand.self, GroupsCommand.self, SuggestCommand.self, KeyPlayersCommand.self, CorePeripheryCommand.self, QAPCommand.self, RolesCommand.self, RobustnessCommand.self, StructureCommand.self, TimelineCommand.self, RenderCommand.self,
            PathCommand.self, EgoCommand.self, ReachCommand.self, CommunitiesCommand.self, ProjectCommand.self, ReportCommand.self,
        ]
    )

    /// Ctrl-C (or SIGTERM) removes temporary output files in flight and exits 130 (143).
    static func main() {
        Interruption.installHandlers()
        main(nil)
    }
}
