import ArgumentParser
import PartnerGraph
import PartnerGraphFormats
import GraphvizRendering
import Foundation

/// The network file every command reads, and how to read a CSV edge table or a workbook.
struct InputOptions: ParsableArguments {
    @Argument(help: "The network file: .yaml, .yml, .json (native or node-link), .csv (an edge table) or a folder with edges.csv and nodes.csv, .xlsx or .ods (a workbook with an 'edges' and a 'nodes' sheet), .graphml, .gexf, .gml, .net (Pajek), .edgelist, or .dot/.gv (Graphviz); - reads standard input (with --input-format).")
    var file: String

    @Option(name: .customLong("input-format"), help: "The input format when the file name does not tell it (and for - standard input): yaml, json, csv, xlsx, ods, graphml, gexf, gml, node-link, pajek, edgelist, dot.")
    var inputFormat: InputFormat?

    @Option(name: .long, help: "For a CSV edge table: the node table (column 'id' required; 'kind', 'label', 'originalName', 'aliases' (names separated by ';'), 'country', 'since', 'until' recognised).")
    var nodes: String?

    @Option(name: .customLong("edges-sheet"), help: "For a workbook (.xlsx, .ods): the sheet of edges (default: the sheet named 'edges', or the only sheet).")
    var edgesSheet: String?

    @Option(name: .customLong("nodes-sheet"), help: "For a workbook (.xlsx, .ods): the sheet of nodes (default: the sheet named 'nodes', if there is one).")
    var nodesSheet: String?

    @Flag(name: .long, help: """
        For a CSV edge table, a workbook or an edge list: read the edges as directed, as a native file whose \
        relations are directed (other formats declare direction themselves). Paths still walk \
        ties both ways unless --follow-direction.
        """)
    var directed = false

    /// Loads the network: the format is --input-format's, else the file name's (a folder is a
    /// CSV network); --nodes, --edges-sheet, --nodes-sheet and --directed are refused where the
    /// format has no use for them.
    func load() throws -> Network {
        if file == "-" && inputFormat == nil { throw UsageError("reading standard input needs --input-format FORMAT") }
        let isDOT = inputFormat == .dot || (inputFormat == nil && ["dot", "gv"].contains((file as NSString).pathExtension.lowercased()))
        let format = isDOT ? nil : inputFormat.flatMap { NetworkFile.Format(rawValue: $0.rawValue) } ?? NetworkFile.format(of: file)
        if !isDOT && format == nil {
            throw UsageError("cannot tell the format of '\(file)' from its name: use .yaml, .yml, .json, .csv, .xlsx, .ods, .graphml, .gexf, .gml, .net, .edgelist, .dot or .gv, a folder with edges.csv, or --input-format FORMAT")
        }
        let kind = format?.rawValue ?? "DOT"
        if nodes != nil && format != .csv {
            throw UsageError("--nodes goes with a CSV edge table, not a \(kind) file" + (format?.isWorkbook == true ? " (a workbook's nodes are a sheet: --nodes-sheet NAME)" : ""))
        }
        if (edgesSheet != nil || nodesSheet != nil) && format?.isWorkbook != true {
            throw UsageError("--\(edgesSheet != nil ? "edges" : "nodes")-sheet goes with a workbook (.xlsx, .ods), not a \(kind) file")
        }
        if directed && format != .csv && format?.isWorkbook != true && format != .edgelist {
            throw UsageError("--directed goes with a CSV edge table, a workbook or an edge list; a \(kind) file declares its direction itself")
        }
        if let format {
            do {
                return try NetworkFile.load(file, format: format, nodesPath: nodes, directed: directed,
                                            sheets: SheetChoice(edges: edgesSheet, nodes: nodesSheet), warn: { printError("warning: \($0)") })
            } catch var e as FormatError where format.isWorkbook && e.message.hasSuffix("name the sheet that holds the edges") {
                e.message += " with --edges-sheet NAME"
                throw e
            }
        }
        let data = try NetworkFile.readData(file)
        let text: String
        do {
            text = try NetworkFile.decodeText(data, file: file)
        } catch let e as FormatError where e.message.hasPrefix("is not valid UTF-8") {
            // Graphviz allows charset=latin1 files.
            guard let latin1 = String(data: data, encoding: .isoLatin1) else { throw e }
            text = latin1
        }
        do {
            return try DOTDecoder().decode(text, file: file)
        } catch let e as GraphvizError {
            throw FormatError("malformed DOT: \(e.message)", at: SourceLocation(file: file, line: e.line))
        }
    }
}

/// The formats a network can be read from: every `NetworkFile.Format`, and DOT.
enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml, json, csv, xlsx, ods, graphml, gexf, gml, nodeLink = "node-link", pajek, edgelist, dot
}

/// `--safe-csv`, for every command that writes CSV.
struct CSVOutputOptions: ParsableArguments {
    @Flag(help: """
        CSV meant for a spreadsheet: a text cell that starts with =, +, -, @, tab or carriage \
        return gets a leading ' so that the spreadsheet shows it instead of running it as a \
        formula (OWASP's advice on CSV injection). Numbers are left as they are.
        """)
    var safeCSV = false

    func apply() { CSVWriter.neutralizesFormulas = safeCSV }
}

/// How tabular output is written.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
