import ArgumentParser
import PartnerGraph
import PartnerGraphFormats

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a network file; list every problem, one per line.",
        discussion: """
        Exit status 0 and one line when the file is valid; otherwise every problem on stderr,
        each with its file and line (or CSV row), and exit status 65.
        Examples:
          partnergraph validate Graphs/nordic-innovation-procurement.yaml
          partnergraph validate edges.csv --nodes nodes.csv
        """)

    @OptionGroup var input: InputOptions

    func run() throws {
        try reportingErrors {
            let network = try input.load()
            writeOutput("\(input.file): valid (\(network.nodes.count) nodes, \(network.edges.count) edges)\n")
        }
    }
}
