import ArgumentParser
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct ReachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "Everyone a node can reach, how far, and through which direct contact.",
        discussion: """
        The "who can introduce us" table: every node NODE can reach, nearest
        first, with its distance (hops, or length with --weight) and the first
        hop of a shortest path (the direct contact of NODE that leads there;
        among several, the first in the file). Ties are walked both ways
        unless --follow-direction is given; --max-hops N keeps paths of at most
        N hops. NODE is an id or a name (case and diacritics ignored).
        Exit status: 0; 1 when NODE is outside the view; 64 for an unknown or
        ambiguous NODE.
        Examples:
          partnergraph reach Graphs/nordic-innovation-procurement.yaml "Ole Bech Lykkebo"
          partnergraph reach Graphs/nordic-innovation-procurement.yaml hansel \\
              --max-hops 2 --format csv
          partnergraph reach Graphs/nordic-innovation-procurement.yaml co-pi --follow-direction
          partnergraph reach Graphs/karate-club.yaml 0 --weight weight --max-hops 3
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @Argument(help: ArgumentHelp("The starting node: an id or a name.", valueName: "node")) var node: String
    @Option(parsing: .unconditional, help: ArgumentHelp("Keep paths of at most N hops.", valueName: "N")) var maxHops: Int?
    @OptionGroup var view: ViewOptions
    @OptionGroup var traversal: TraversalOptions
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            try Checks.atLeast(maxHops, 0, "--max-hops")
            let network = try input.load()
            try reportingPathErrors(network, view: view) {
                let v = try traversal.view(view)
                let finder = try PathFinder(network: network, view: v, options: PathOptions(followDirection: traversal.followDirection))
                traversal.warnIfNothingToFollow(finder)
                let start = try finder.resolve(node)
                let reached = try finder.reach(from: start, maxHops: maxHops)
                let weighted = finder.isWeighted
                var header = ["id", "label", "kind", "distance"]
                if weighted { header.append("hops") }
                header += ["first hop", "first tie"]
                var table = Table(header: header, numericColumns: weighted ? [3, 4] : [3])
                for r in reached {
                    let n = network.node(r.node)!
                    var row = [r.node.rawValue, n.label ?? "", n.kind.id, distanceText(r.distance, weighted: weighted)]
                    if weighted { row.append(String(r.hops)) }
                    row += [r.firstHop.to.rawValue, PathExplanation.clause(r.firstHop, in: network)]
                    table.rows.append(row)
                }
                writeOutput(table.render(format))
            }
        }
    }
}
