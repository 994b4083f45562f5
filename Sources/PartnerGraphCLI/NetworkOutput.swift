import ArgumentParser
import Foundation
import GraphvizRendering
import PartnerGraph
import PartnerGraphFormats

/// The formats a command can write a whole network in: every format `convert` writes.
enum NetworkOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml, json, csv, graphml, gexf, gml, nodeLink = "node-link", pajek, edgelist, dot
}

/// Where and in which format a command writes a network (`-o`, `--to`, `--nodes-output`),
/// resolved as `convert` resolves them: the format is `--to`, or the extension of `-o` (a
/// folder, or a path ending in "/", means csv); `-o -` is standard output and needs `--to`;
/// csv is two tables, so it goes to a folder or to `-o EDGES.csv --nodes-output NODES.csv`.
struct NetworkOutputTarget {
    var output: String
    /// The format; nil is DOT (Graphviz).
    var format: NetworkFile.Format?
    var nodesOutput: String?

    /// Checks the request; call it before the work so that a bad request fails fast.
    /// - Throws: `UsageError` when the format cannot be told or csv lacks its second table.
    init(output: String, to: NetworkOutputFormat?, nodesOutput: String? = nil) throws {
        self.output = output
        self.nodesOutput = nodesOutput
        var isDir: ObjCBool = false
        let toFolder = output != "-"
            && (output.hasSuffix("/") || (FileManager.default.fileExists(atPath: output, isDirectory: &isDir) && isDir.boolValue))
        if let to {
            format = to == .dot ? nil : NetworkFile.Format(rawValue: to.rawValue)
        } else if ["dot", "gv"].contains((output as NSString).pathExtension.lowercased()) {
            format = nil
        } else if output == "-" {
            throw UsageError("writing to standard output needs --to FORMAT")
        } else if toFolder {
            format = .csv
        } else {
            guard let f = NetworkFile.Format(path: output) else {
                throw UsageError("cannot tell the output format from '\(output)'; add --to FORMAT ("
                    + NetworkOutputFormat.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            format = f
        }
        if format?.isWritable == false { throw UsageError(NetworkFile.Format.workbookNotWritten) }
        if nodesOutput != nil && (format != .csv || toFolder) {
            throw UsageError("--nodes-output goes with csv output to a file (-o EDGES.csv --nodes-output NODES.csv)")
        }
        if format == .csv && !toFolder && nodesOutput == nil {
            throw UsageError("csv is two tables: write to a folder (-o DIR/) or add --nodes-output NODES.csv")
        }
    }

    /// Whether the network goes to standard output.
    var isStandardOutput: Bool { output == "-" }

    /// Writes the network, each file atomically (a temporary file, then renamed); what the
    /// format cannot hold is listed on standard error. A file that cannot be written exits 74.
    func write(_ network: Network) throws {
        do {
            let warnings: [String]
            if let format {
                warnings = try NetworkFile.save(network, to: output, format: format, nodesPath: nodesOutput)
            } else {
                try NetworkFile.write(DOTEncoder().encode(network), to: output)
                warnings = []
            }
            for w in warnings { printError("warning: \(w)") }
        } catch let e as FormatError where e.location != nil {
            printError(e.description)
            throw ExitCode(ExitStatus.ioError)
        }
    }
}
