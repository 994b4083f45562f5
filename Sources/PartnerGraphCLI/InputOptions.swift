import ArgumentParser
import PartnerGraph
import PartnerGraphFormats
import GraphvizRendering
import Foundation

/// The network file every command reads, and how to read a CSV edge table.
struct InputOptions: ParsableArguments {
    @Argument(help: "The network file: .yaml, .yml, .json (native), .csv (an edge table), or .dot/.gv (Graphviz).")
    var file: String

    @Option(name: .long, help: "For a CSV edge table: the node table (column 'id' required; 'kind', 'label', 'country' recognised).")
    var nodes: String?

    @Flag(name: .long, help: "Edges are directed: CSV edges read as directed, and analyses keep direction.")
    var directed = false

    func load() throws -> Network {
        switch (file as NSString).pathExtension.lowercased() {
        case "dot", "gv":
            let text: String
            do {
                text = try NetworkFile.readText(file)
            } catch let e as FormatError where e.message.contains("UTF-8") {
                // Graphviz allows charset=latin1 files.
                guard let data = FileManager.default.contents(atPath: file), let latin1 = String(data: data, encoding: .isoLatin1) else { throw e }
                text = latin1
            }
            do {
                return try DOTDecoder().decode(text, file: file)
            } catch let e as GraphvizError {
                throw FormatError("malformed DOT: \(e.message)", at: SourceLocation(file: file, line: e.line))
            }
        default:
            return try NetworkFile.load(file, nodesPath: nodes, directed: directed)
        }
    }
}

/// How tabular output is written.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
