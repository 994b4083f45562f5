import ArgumentParser
import PartnerGraph
import PartnerGraphFormats
import GraphvizRendering
import Foundation

/// The network file every command reads, and how to read a CSV edge table.
struct InputOptions: ParsableArguments {
    @Argument(help: "The network file: .yaml, .yml, .json (native or node-link), .csv (an edge table) or a folder with edges.csv and nodes.csv, .graphml, .gexf, .gml, .net (Pajek), .edgelist, or .dot/.gv (Graphviz); - reads standard input (with --input-format).")
    var file: String

    @Option(name: .customLong("input-format"), help: "The input format when the file name does not tell it (and for - standard input): yaml, json, csv, graphml, gexf, gml, node-link, pajek, edgelist, dot.")
    var inputFormat: InputFormat?

    @Option(name: .long, help: "For a CSV edge table: the node table (column 'id' required; 'kind', 'label', 'country' recognised).")
    var nodes: String?

    @Flag(name: .long, help: "Edges are directed: CSV edges read as directed, and analyses keep direction.")
    var directed = false

    /// Loads the network; `format` (convert's --from) overrides --input-format and the extension.
    func load(format override: InputFormat? = nil) throws -> Network {
        let from = override ?? inputFormat
        if let from, let format = NetworkFile.Format(rawValue: from.rawValue) {
            return try NetworkFile.load(file, format: format, nodesPath: nodes, directed: directed, warn: { printError("warning: \($0)") })
        }
        if file == "-" && from == nil { throw UsageError("reading standard input needs --input-format FORMAT (convert: --from FORMAT)") }
        switch from == .dot ? "dot" : (file as NSString).pathExtension.lowercased() {
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
            return try NetworkFile.load(file, nodesPath: nodes, directed: directed, warn: { printError("warning: \($0)") })
        }
    }
}

/// The formats a network can be read from: every `NetworkFile.Format`, and DOT.
enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml, json, csv, graphml, gexf, gml, nodeLink = "node-link", pajek, edgelist, dot
}

/// How tabular output is written.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
