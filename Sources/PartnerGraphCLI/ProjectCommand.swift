import ArgumentParser
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "One-mode projection of a two-mode network: e.g. people tied by the events they share.",
        discussion: """
        Nodes of kind --onto are joined when they have an edge (either direction, any relation \
        kept by --relations, valid in the --at/--from/--until window) to a common node of a \
        --through kind (comma-separated; default: every other kind). Every node of the --onto \
        kind is kept with all its fields, isolated or not. Each edge has the relation \
        co-affiliated (symmetric, "shares affiliations with"), the weight of --weighting, the \
        attribute shared (the number of shared affiliations) and the sources of the edges it \
        rests on.

        Weightings, N(u) being u's affiliations:
          count    |N(u) ∩ N(v)|
          newman   sum over shared b of 1 / (deg(b) − 1)
          jaccard  |N(u) ∩ N(v)| / |N(u) ∪ N(v)|
          overlap  |N(u) ∩ N(v)| / min(|N(u)|, |N(v)|)
        equal to NetworkX's bipartite weighted_projected_graph, \
        collaboration_weighted_projected_graph, generic_weighted_projected_graph with Jaccard, \
        and overlap_weighted_projected_graph(jaccard=False). --min-weight W keeps the edges of \
        weight ≥ W. Memory grows with the projected edges, never with the square of the nodes.

        Output in any format convert writes, from the -o extension or --to (csv: a folder, or \
        -o EDGES.csv --nodes-output NODES.csv); -o - writes to standard output (with --to). \
        Files are written to a temporary file and renamed. The projection is a network like \
        any other: analyse it with centrality, communities, …

        Examples:
          partnergraph project Graphs/davis-southern-women.yaml --onto woman -o women.yaml
          partnergraph project Graphs/davis-southern-women.yaml --onto woman --weighting newman -o - --to json
          partnergraph project Graphs/nordic-innovation-procurement.yaml --onto organisation --relations founded,founding-member-of -o orgs.graphml
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @OptionGroup var view: ViewOptions
    @Option(help: "The kind to project onto (e.g. person).") var onto: String
    @Option(help: "The kinds of the shared affiliations, comma-separated (default: every other kind).") var through: String?
    @Option(help: "Edge weight: count, newman, jaccard or overlap.") var weighting: Weighting = .count
    @Option(parsing: .unconditional, help: "Keep only edges whose weight is at least this.") var minWeight: Double?
    @Option(name: .shortAndLong, help: "Output file (any format convert writes; a folder for csv), or - for standard output (with --to).")
    var output: String
    @Option(help: "Output format: yaml, json, csv, graphml, gexf, gml, node-link, pajek, edgelist or dot (default: from the -o extension).")
    var to: NetworkOutputFormat?
    @Option(name: .long, help: "For csv written to a file: the node table's file (-o names the edge table).") var nodesOutput: String?

    enum Weighting: String, ExpressibleByArgument, CaseIterable { case count, newman, jaccard, overlap }

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            try Checks.finite(minWeight, atLeast: 0, "--min-weight")
            if view.kinds != nil { throw UsageError("project takes its kinds from --onto and --through, not --kinds") }
            if view.weight != nil || view.weightAs != .strength { throw UsageError("project counts shared affiliations; --weight and --weight-as do not apply") }
            if view.undirected { throw UsageError("project ignores direction already; drop --undirected") }
            if let minWeight, !(minWeight.isFinite && minWeight >= 0) { throw UsageError("--min-weight must be a number ≥ 0") }
            let target = try NetworkOutputTarget(output: output, to: to, nodesOutput: nodesOutput)
            let network = try input.load()
            let filter = try view.view()
            var throughKinds: Set<String>?
            if let through {
                let kinds = through.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard !kinds.isEmpty else { throw UsageError("--through needs at least one kind") }
                throughKinds = Set(kinds)
            }
            let weightingChoice = ProjectionWeighting(rawValue: weighting.rawValue)!
            let projection = try network.projected(onto: onto, through: throughKinds, weighting: weightingChoice,
                                                   minWeight: minWeight, view: filter)
            if projection.nodes.isEmpty {
                throw UsageError("no node has the kind '\(onto)'")
            }
            try target.write(projection)
        }
    }
}
