import ArgumentParser
import Foundation
import GraphvizRendering
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write a network in another format.",
        discussion: """
        Formats: yaml and json (the native format; every field is kept), graphml, gexf, gml and
        node-link (every field is kept: PartnerGraph reads its own files back exactly), csv
        (nodes.csv + edges.csv: a folder, or -o EDGES.csv --nodes-output NODES.csv), pajek and
        edgelist (ids, edges, direction, weights), dot; workbooks (.xlsx, .ods) are read,
        not written. What the output format cannot hold is
        listed on standard error. The output is written to a temporary file and renamed, so a
        failure never leaves half a file; -o - writes to standard output.
        Examples:
          partnergraph convert Graphs/nordic-innovation-procurement.yaml --to json -o nordic.json
          partnergraph convert Graphs/karate-club.yaml -o karate.graphml
          partnergraph convert Graphs/les-miserables.yaml --to csv -o lesmis/
          partnergraph convert edges.csv --nodes nodes.csv --to gexf -o network.gexf
          partnergraph convert Examples/nordic-innovation-procurement.xlsx -o nordic.graphml
          partnergraph convert Graphs/karate-club.yaml --size-by pagerank --color-by club -o karate.gexf
          partnergraph convert Graphs/coleman-high-school.yaml --timeline-measure betweenness -o coleman.gexf
          partnergraph convert - --input-format gml --to node-link -o -
        """)

    enum Target: String, ExpressibleByArgument, CaseIterable {
        case yaml, json, csv, graphml, gexf, gml, nodeLink = "node-link", pajek, edgelist, dot
        /// Refused with a message (workbooks are read, not written).
        case xlsx, ods
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @Option(help: "Output format: yaml, json, csv, graphml, gexf, gml, node-link, pajek, edgelist or dot (default: from the -o extension; a folder means csv).") var to: Target?
    @Option(name: .shortAndLong, help: "Output file, a folder for csv, or - for standard output.") var output: String
    @Option(name: .long, help: "For csv written to a file: the node table's file (-o names the edge table).") var nodesOutput: String?
    @Option(help: "GEXF: size nodes by a centrality measure (viz:size from 1 to 10), so Gephi opens it styled.") var sizeBy: String?
    @Option(help: "GEXF: colour nodes by kind or by a field or attribute such as country or community (viz:color, the diagrams' palette).") var colorBy: String?
    @Option(help: "GEXF: a node measure (any of `centrality --measure`) computed in every time slice and written as a dynamic attribute with start/end, for Gephi's timeline.") var timelineMeasure: String?
    @Option(help: "With --timeline-measure: slice by year, quarter, month or day (default year), as `timeline --every`.") var every: TimeStep?
    @Option(help: "With --timeline-measure: one slice per date, comma-separated, as `timeline --dates`.") var dates: String?

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            var format: NetworkFile.Format?
            if let to {
                format = NetworkFile.Format(rawValue: to.rawValue)
            } else if ["dot", "gv"].contains((output as NSString).pathExtension.lowercased()) {
                format = nil
            } else if output == "-" {
                throw UsageError("writing to standard output needs --to FORMAT")
            } else {
                format = NetworkFile.Format(path: output)
                if format == nil && !output.hasSuffix("/") && !isFolder(output) {
                    throw UsageError("cannot tell the output format from '\(output)'; add --to FORMAT")
                }
            }
            if format?.isWritable == false { throw UsageError(NetworkFile.Format.workbookNotWritten) }
            let toFolder = output.hasSuffix("/") || isFolder(output)
            if nodesOutput != nil && (format != .csv || toFolder) {
                throw UsageError("--nodes-output goes with csv output to a file (-o EDGES.csv --nodes-output NODES.csv)")
            }
            if format == .csv && !toFolder && nodesOutput == nil {
                throw UsageError("csv is two tables: write to a folder (-o DIR/) or add --nodes-output NODES.csv")
            }
            if (sizeBy != nil || colorBy != nil) && format != .gexf {
                throw UsageError("--size-by and --color-by style GEXF output (--to gexf)")
            }
            if timelineMeasure != nil && format != .gexf {
                throw UsageError("--timeline-measure writes a dynamic GEXF attribute (--to gexf)")
            }
            if (every != nil || dates != nil) && timelineMeasure == nil {
                throw UsageError("--\(every != nil ? "every" : "dates") slices time for --timeline-measure; give the measure too")
            }
            if every != nil && dates != nil { throw UsageError("--dates and --every exclude each other (chosen dates, or calendar periods)") }
            let network = try input.load()
            do {
                let warnings: [String]
                if format == .gexf && (sizeBy != nil || colorBy != nil || timelineMeasure != nil) {
                    var encoder = GEXFEncoder()
                    if let timelineMeasure { encoder.nodeTimeline = try timeline(of: timelineMeasure, in: network) }
                    if let sizeBy {
                        let viewed = try network.viewed(through: .all)
                        encoder.nodeSizes = try NodeStyling.sizes(measure: sizeBy, viewed: viewed, weightIsDistance: false).mapValues { 1 + 9 * $0 }
                    }
                    if let colorBy {
                        encoder.nodeColors = try NodeStyling.colors(network.nodes, by: colorBy).mapValues { hex in
                            let v = Int(hex.dropFirst(), radix: 16)!
                            return GEXFColor(red: UInt8(v >> 16 & 255), green: UInt8(v >> 8 & 255), blue: UInt8(v & 255))
                        }
                    }
                    let encoded = try encoder.encode(network)
                    try NetworkFile.write(encoded.text, to: output)
                    warnings = encoded.warnings
                } else if to == .dot || (to == nil && format == nil && !toFolder) {
                    try NetworkFile.write(DOTEncoder().encode(network), to: output)
                    warnings = []
                } else {
                    warnings = try NetworkFile.save(network, to: output, format: format, nodesPath: nodesOutput)
                }
                for w in warnings { printError("warning: \(w)") }
            } catch let e as FormatError where e.location != nil {
                printError(e.description)
                throw ExitCode(ExitStatus.ioError)
            }
        }
    }

    /// The measure in every slice of the network's date span, computed as `timeline` computes
    /// it (`TimelineRun`: one direction for all slices).
    private func timeline(of name: String, in network: Network) throws -> GEXFEncoder.NodeTimeline {
        let measure = try nodeMeasure(named: name)
        if measure.needsWeights { throw UsageError("\(measure.rawValue) is the weighted degree, and convert reads no weights; use degree") }
        let slices: [TimeSlice]
        if let dates {
            slices = try TimelineRun.slices(dates: dates)
        } else {
            let periods: [TimeSlice]?
            do { periods = try TimelineRun.periods(every: every ?? .year, of: network, relations: nil, fromDay: nil, untilDay: nil) } catch let e as TimelineError { throw UsageError(e.message) }
            guard let periods else {
                throw UsageError("no tie or actor in \(input.file) has a date (since/until), so there is no time to slice for --timeline-measure")
            }
            slices = periods
        }
        let run = try TimelineRun(network: network, view: try TimelineRun.sliceView(.all, of: network).view, slices: slices,
                                  figures: [], measure: measure, seed: 0)
        var values: [NodeID: [Double?]] = [:]
        for n in network.nodes { values[n.id] = Array(repeating: nil, count: slices.count) }
        for (k, slice) in run.slices.enumerated() {
            for (p, id) in slice.sliced.viewed.nodeIDs.enumerated() { values[id]![k] = slice.values[p] }
        }
        return GEXFEncoder.NodeTimeline(title: measure.rawValue, slices: slices.map { ($0.firstDay, $0.lastDay) }, values: values)
    }

    private func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
