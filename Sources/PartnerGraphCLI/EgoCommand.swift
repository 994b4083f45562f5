import ArgumentParser
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct EgoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ego",
        abstract: "A node's neighbourhood: everyone within a distance, and the ties among them.",
        discussion: """
        The members are every node within --radius hops of NODE (or within that
        length with --weight), walking ties both ways unless --follow-direction
        is given, as NetworkX's ego_graph. NODE is an id or a name (case and
        diacritics ignored).

        Without -o: a table of the members, each with its distance and the ties
        that bring it in (the edges from nearer members on a shortest path).
        With -o: the ego network itself (the members and every edge of the view
        among them, with attributes and sources) in the native format, yaml or
        json (-o - for standard output; --to when the name does not say).
        Exit status: 0; 1 when NODE is outside the view; 64 for an unknown or
        ambiguous NODE.
        Examples:
          partnergraph ego Graphs/nordic-innovation-procurement.yaml co-pi
          partnergraph ego Graphs/nordic-innovation-procurement.yaml \\
              "Salla Koivusalo" --radius 2 --format csv
          partnergraph ego Graphs/karate-club.yaml 0 --radius 2 -o karate-0.yaml
          partnergraph ego Graphs/les-miserables.yaml Valjean --radius 0.1 \\
              --weight weight
        """)

    enum Target: String, ExpressibleByArgument, CaseIterable { case yaml, json }

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @Argument(help: ArgumentHelp("The centre: an id or a name.", valueName: "node")) var node: String
    @Option(parsing: .unconditional, help: "How far to go: hops, or length with --weight.") var radius: Double = 1
    @OptionGroup var view: ViewOptions
    @OptionGroup var traversal: TraversalOptions
    @Option(help: "Table format: table, csv or json.") var format: OutputFormat = .table
    @Option(name: .shortAndLong, help: "Write the ego network to this file (yaml or json; - for standard output) instead of the table.")
    var output: String?
    @Option(help: "Format of -o: yaml or json (default: from its extension).") var to: Target?

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            try Checks.finite(radius, atLeast: 0, "--radius")
            let network = try input.load()
            try reportingPathErrors(network, view: view) {
                let v = try traversal.view(view)
                let finder = try PathFinder(network: network, view: v, options: PathOptions(followDirection: traversal.followDirection))
                traversal.warnIfNothingToFollow(finder)
                let center = try finder.resolve(node)
                let ego = try finder.egoNetwork(of: center, radius: radius)
                if let output {
                    let target: Target
                    if let to { target = to } else {
                        switch NetworkFile.Format(path: output) {
                        case .yaml?: target = .yaml
                        case .json?: target = .json
                        default: throw UsageError("cannot tell the output format from '\(output)'; add --to yaml|json")
                        }
                    }
                    let text = NativeEncoder(syntax: target == .yaml ? .yaml : .json).encode(ego.subnetwork(of: network))
                    do {
                        try NetworkFile.write(text, to: output)
                    } catch let e as FormatError {
                        printError(e.description)
                        throw ExitCode(ExitStatus.ioError)
                    }
                    return
                }
                var table = Table(header: ["id", "label", "kind", "distance", "tied in by"], numericColumns: [3])
                for m in ego.members {
                    let n = network.node(m.node)!
                    table.rows.append([
                        m.node.rawValue, n.label ?? "", n.kind.id, distanceText(m.distance, weighted: finder.isWeighted),
                        m.ties.map { PathExplanation.clause($0, in: network) }.joined(separator: "; "),
                    ])
                }
                writeOutput(table.render(format))
            }
        }
    }
}

/// A distance as a table shows it: whole hops without a decimal point.
func distanceText(_ d: Double, weighted: Bool) -> String {
    weighted ? formatNumber(d) : String(Int(d))
}
