import ArgumentParser
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Find communities: Leiden (default), Louvain or label propagation, with their modularity.",
        discussion: """
        Algorithms: leiden (Traag, Waltman & van Eck 2019; communities are always connected; \
        two passes, as leidenalg and igraph), \
        louvain (Blondel et al. 2008, NetworkX's louvain_communities, repeated from its result \
        while modularity rises; communities may be disconnected), label-propagation (Raghavan, \
        Albert & Kumara 2007, as NetworkX's asyn_lpa_communities; it uses --resolution only for \
        the modularity it reports). Every random choice follows --seed: the same seed gives the \
        same communities.

        --resolution γ (default 1): above 1 gives more, smaller communities; below 1 fewer, \
        larger ones. --weight gives tie strengths (with --weight-as distance the strength is \
        1/weight). Directed views use directed modularity (Leicht & Newman), as NetworkX does; \
        --undirected ignores direction.

        Communities are numbered 0, 1, … by size, the largest first; equal sizes are ordered \
        by their first node in the file. The modularity is NetworkX's community.modularity of \
        the partition, with the same weights and resolution.

        Output: table (a summary — algorithm, resolution, seed, modularity, number of \
        communities, sizes — then one row per node: id, label, community); csv (the header \
        id,community and one row per node, nothing else); json ({"algorithm", "resolution", \
        "seed", "modularity", "count", "sizes", "communities": {id: number}, "members": \
        [[ids]]}; modularity is null when there are no edges).

        --write-attribute NAME -o OUT also writes the network, with each node's community as \
        the attribute NAME (for render --color-by NAME, or Gephi), in any format convert \
        writes (from the extension or --to; atomically); with -o - the network goes to \
        standard output instead of the table.

        --null N: does the partition beat chance? The same algorithm (same seed and \
        resolution) is run on N networks that keep every node's degree and draw the ties anew \
        by double edge swaps (10 per tie, as NetworkX's double_edge_swap); the table and JSON \
        give the modularity those reach: null mean and standard deviation, z, and the share of \
        null networks at least as modular (p ≥). Tie weights move with their ties.

        Examples:
          partnergraph communities Graphs/karate-club.yaml --weight weight
          partnergraph communities Graphs/karate-club.yaml --null 200
          partnergraph communities Graphs/les-miserables.yaml --algorithm louvain --seed 7 --format csv
          partnergraph communities Graphs/karate-club.yaml --write-attribute community -o karate.yaml
        """)

    @Option(parsing: .unconditional, help: "Rewired networks (every degree kept) whose best modularity the partition's is compared with.") var null: Int?
    @OptionGroup var progress: ProgressOptions

    enum Algorithm: String, ExpressibleByArgument, CaseIterable {
        case louvain, leiden, labelPropagation = "label-propagation"
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @OptionGroup var view: ViewOptions
    @Option(help: "Algorithm: leiden, louvain or label-propagation.") var algorithm: Algorithm = .leiden
    @Option(parsing: .unconditional, help: "Resolution γ ≥ 0 of modularity (default 1).") var resolution: Double = 1
    @Option(parsing: .unconditional, help: "Seed of every random choice.") var seed: UInt64 = 0
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @Option(help: "Write the network with each node's community as this attribute (needs -o).") var writeAttribute: String?
    @Option(name: .shortAndLong, help: "With --write-attribute: the output file (any format convert writes; a folder for csv), or - for standard output (with --to).")
    var output: String?
    @Option(help: "With --write-attribute: the output format: yaml, json, csv, graphml, gexf, gml, node-link, pajek, edgelist or dot (default: from the -o extension).")
    var to: NetworkOutputFormat?
    @Option(name: .long, help: "With --write-attribute and csv written to a file: the node table's file (-o names the edge table).")
    var nodesOutput: String?

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            try Checks.finite(resolution, atLeast: 0, "--resolution")
            // Modularity's expected ties grow with γ; past this they overflow.
            if resolution > 1e100 { throw UsageError("--resolution must be at most 1e100, not \(resolution)") }
            guard resolution.isFinite && resolution >= 0 else { throw UsageError("--resolution must be a number ≥ 0") }
            var target: NetworkOutputTarget?
            if let writeAttribute {
                guard !writeAttribute.isEmpty else { throw UsageError("--write-attribute needs a name") }
                guard let output else { throw UsageError("--write-attribute needs -o OUT (a network file, or - with --to)") }
                target = try NetworkOutputTarget(output: output, to: to, nodesOutput: nodesOutput)
            } else if output != nil || to != nil || nodesOutput != nil {
                throw UsageError("-o, --to and --nodes-output go with --write-attribute NAME")
            }
            let analysis = try AnalysisInput(input: input, view: view)
            let graph = analysis.graph
            let chosen: CommunityAlgorithm
            switch algorithm {
            case .louvain: chosen = .louvain
            case .leiden: chosen = .leiden
            case .labelPropagation: chosen = .labelPropagation
            }
            let partition = try chosen.detect(on: graph, resolution: resolution, seed: seed, weighted: true)
            let ids = analysis.viewed.nodeIDs
            try Checks.atLeast(null, 1, "--null")
            var test: NullComparison?
            if let null {
                guard graph.edgeCount > 0 else { throw UsageError("--null: the view has no ties to rewire") }
                let (resolution, seed) = (self.resolution, self.seed)
                test = try ProgressDisplay.run("rewired networks", quiet: progress.quiet) {
                    try Rewiring.compare(graph, samples: null, seed: seed) { g in
                        [try? chosen.detect(on: g, resolution: resolution, seed: seed, weighted: true).modularity]
                    }
                }[0]
            }

            if let writeAttribute, let target {
                var network = analysis.network
                for (i, index) in analysis.viewed.networkIndices.enumerated() {
                    network.updateNode(at: index) { $0.attributes[writeAttribute] = .integer(partition.community[i]) }
                }
                try target.write(network)
                if target.isStandardOutput { return }
            }

            switch format {
            case .csv:
                writeOutput(CSVWriter.row(["id", "community"])
                    + ids.indices.map { CSVWriter.row([ids[$0].rawValue, String(partition.community[$0])]) }.joined())
            case .json:
                var fields: [(String, OutputValue)] = [
                    ("algorithm", .string(chosen.rawValue)), ("resolution", .number(resolution)), ("seed", .unsigned(seed)),
                    ("modularity", .number(partition.modularity)), ("count", .integer(partition.count)),
                    ("sizes", .list(partition.sizes.map(OutputValue.integer), inline: true)),
                    ("communities", .mapping(ids.indices.map { (ids[$0].rawValue, .integer(partition.community[$0])) })),
                    ("members", .list(partition.communities.map { .list($0.map { .string(ids[$0].rawValue) }, inline: true) }, inline: false)),
                ]
                if let n = null {
                    fields.append(("null", test.map { t in
                        .mapping([("model", .string("rewire")), ("networks", .integer(n)), ("swapsPerTie", .integer(Rewiring.swapsPerTie)),
                                  ("mean", .number(t.mean)), ("sd", .number(t.standardDeviation)), ("z", t.z.map(OutputValue.number) ?? .null),
                                  ("pGreater", .number(t.pGreater))])
                    } ?? .null))
                }
                writeOutput(JSONWriter.write(.mapping(fields)))
            case .table:
                let summary: [(String, String)] = [
                    ("algorithm", chosen.rawValue + (chosen.usesResolution ? "" : " (resolution only for the modularity)")),
                    ("resolution", formatNumber(resolution)),
                    ("seed", String(seed)),
                    ("modularity", partition.modularity.isNaN ? "n/a (no edges)" : formatNumber(partition.modularity)),
                    ("communities", String(partition.count)),
                    ("sizes", partition.sizes.map(String.init).joined(separator: ", ")),
                ] + (null.map { n in
                    guard let t = test else { return [("null modularity", "n/a")] }
                    return [("null modularity", String(format: "%.4f ± %.4f over %d rewired networks", t.mean, t.standardDeviation, n)),
                            ("z", t.z.map { String(format: "%.2f", $0) } ?? "–"),
                            ("p ≥", String(format: "%.4f", t.pGreater) + " (share of rewired networks at least as modular)")]
                } ?? [])
                let width = summary.map { $0.0.count }.max()!
                var out = summary.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n") + "\n\n"
                var table = Table(header: ["id", "label", "community"], numericColumns: [2])
                for i in ids.indices { table.rows.append([ids[i].rawValue, analysis.label(i), String(partition.community[i])]) }
                out += table.text()
                writeOutput(out)
            }
        }
    }
}
