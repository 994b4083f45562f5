import ArgumentParser
import PartnerGraph
import PartnerGraphFormats

/// The network file every command reads, and how to read a CSV edge table.
struct InputOptions: ParsableArguments {
    @Argument(help: "The network file: .yaml, .yml, .json (native) or .csv (an edge table).")
    var file: String

    @Option(name: .long, help: "For a CSV edge table: the node table (column 'id' required; 'kind', 'label', 'country' recognised).")
    var nodes: String?

    @Flag(name: .long, help: "Edges are directed: CSV edges read as directed, and analyses keep direction.")
    var directed = false

    func load() throws -> Network {
        try NetworkFile.load(file, nodesPath: nodes, directed: directed)
    }
}

/// How tabular output is written.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
