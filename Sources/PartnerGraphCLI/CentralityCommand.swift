import ArgumentParser
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct CentralityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Centrality of every node, equal to NetworkX's.",
        discussion: """
        Measures (NetworkX reference): degree, in-degree, out-degree (degree_centrality …),
        strength (weighted degree; needs --weight), closeness (closeness_centrality,
        wf_improved; incoming distance on directed graphs), harmonic, betweenness
        (betweenness_centrality; --samples K --seed S samples sources as its k; --epsilon E
        --delta D gives the Riondato–Kornaropoulos approximation whose every value is within E
        of the exact one with probability 1 − D), edge-betweenness (rows source,target,value),
        eigenvector, pagerank (--alpha, --personalize), katz (--alpha, --beta), hubs,
        authorities (hits), constraint, effective-size (Burt), clustering, core-number.

        Weights: with --weight, path measures (closeness, harmonic, betweenness) use lengths and
        the others strengths; --weight-as says whether the attribute is a strength (length
        1/w, the default) or a distance. To match NetworkX's betweenness(weight='w'), which
        reads w as a length, use --weight w --weight-as distance.

        Iterative measures stop at --tolerance (default 1e-12, far tighter than NetworkX's
        1e-6) and fail with a clear message when they do not converge in --max-iterations.
        CSV output: a header (id, then one column per measure) and one row per node, values in
        shortest round-trip form. JSON: {"measure": …, "values": {id: value}} for one measure;
        an array of such objects for several.
        Examples:
          partnergraph centrality Graphs/nordic-innovation-procurement.yaml --measure betweenness --undirected --top 5
          partnergraph centrality Graphs/karate-club.yaml --measure pagerank --measure degree --format csv
          partnergraph centrality Graphs/karate-club.yaml --measure closeness --weight weight --weight-as distance
          partnergraph centrality Graphs/les-miserables.yaml --measure edge-betweenness --format csv
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @OptionGroup var view: ViewOptions
    @Option(name: .long, help: "A measure (repeat for several columns).") var measure: [String] = []
    @Flag(help: "Betweenness, edge betweenness, Katz and HITS: --normalized (the default, as NetworkX's normalized=True) or --raw.")
    var normalization: Normalization = .normalized

    enum Normalization: String, EnumerableFlag { case normalized, raw }

    var normalized: Bool { normalization == .normalized }
    @Flag(help: "Betweenness: count path endpoints.") var endpoints = false
    @Option(parsing: .unconditional, help: "PageRank damping factor (default 0.85) or Katz attenuation (default 0.1).") var alpha: Double?
    @Option(parsing: .unconditional, help: "Katz: the weight every node starts with.") var beta: Double = 1
    @Option(help: "PageRank: teleport only to these node ids (comma-separated).") var personalize: String?
    @Option(parsing: .unconditional, help: "Iterative measures: convergence tolerance (NetworkX's tol).") var tolerance: Double = 1e-12
    @Option(parsing: .unconditional, help: "Iterative measures: iteration limit.") var maxIterations: Int = 10_000
    @Option(parsing: .unconditional, help: "Betweenness: exact Brandes from K sampled sources (as NetworkX's k).") var samples: Int?
    @Option(parsing: .unconditional, help: "Betweenness: error bound of the Riondato–Kornaropoulos approximation.") var epsilon: Double?
    @Option(parsing: .unconditional, help: "Betweenness with --epsilon: failure probability.") var delta: Double = 0.1
    @Option(parsing: .unconditional, help: "Seed for sampling.") var seed: UInt64 = 0
    @Option(parsing: .unconditional, help: "Only the N nodes (edges, for edge-betweenness) with the highest value of the first measure.") var top: Int?
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var progress: ProgressOptions

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            guard !measure.isEmpty else { throw UsageError("give at least one --measure (\(Self.measureNames))") }
            try Checks.atLeast(top, 1, "--top")
            try Checks.atLeast(maxIterations, 1, "--max-iterations")
            try Checks.atLeast(samples, 1, "--samples")
            if samples != nil && epsilon != nil { throw UsageError("--samples and --epsilon exclude each other (exact from sampled sources, or the approximation with an error bound)") }
            try Checks.positive(tolerance, "--tolerance")
            try Checks.between(epsilon, 0, 1, open: true, "--epsilon")
            try Checks.between(delta, 0, 1, open: true, "--delta")
            try Checks.between(beta, -1e100, 1e100, open: false, "--beta (Katz's starting weight; its squares must not overflow)")
            if measure.contains("pagerank") { try Checks.between(alpha, 0, 1, open: false, "--alpha (PageRank's damping factor)") }
            if measure.contains("katz") { try Checks.positive(alpha, "--alpha (Katz's attenuation)") }
            let analysis = try AnalysisInput(input: input, view: view)
            if let samples, samples > analysis.viewed.nodeIDs.count {
                throw UsageError("--samples must be at most the number of nodes in the view (\(analysis.viewed.nodeIDs.count)), not \(samples)")
            }
            if measure.contains("edge-betweenness") {
                guard measure.count == 1 else { throw UsageError("edge-betweenness gives edge values; ask for it alone") }
                guard samples == nil, epsilon == nil else { throw UsageError("edge-betweenness is exact only; --samples and --epsilon go with betweenness") }
                try runEdgeBetweenness(analysis)
                return
            }
            let measures = try measure.map { name -> Measure in
                guard let m = Measure(rawValue: name) else {
                    var message = "unknown measure '\(name)'"
                    if let g = closestMatch(to: name, among: Measure.allCases.map(\.rawValue) + ["edge-betweenness"]) { message += "; did you mean '\(g)'?" }
                    throw UsageError(message + " (measures: \(Self.measureNames))")
                }
                return m
            }
            if view.weight == nil, let m = measures.first(where: \.needsWeights) {
                throw UsageError("\(m.rawValue) is the weighted degree: give --weight ATTR (or use --measure degree)")
            }
            var options = MeasureOptions()
            options.normalized = normalized
            options.endpoints = endpoints
            options.alpha = alpha
            options.beta = beta
            options.tolerance = tolerance
            options.maxIterations = maxIterations
            options.samples = samples
            options.epsilon = epsilon
            options.delta = delta
            options.seed = seed
            if let personalize {
                options.personalization = try personalize.split(separator: ",").map { try analysis.position(of: String($0)) }
            }
            let graph = analysis.graph
            let columns = try measures.map { m in
                do {
                    return try ProgressDisplay.run(m.rawValue, quiet: progress.quiet) { try m.compute(on: graph, options: options) }
                } catch let e as AlgorithmError where m == .katz {
                    guard case .didNotConverge = e else { throw e }
                    // Katz's series converges only for alpha below 1/λ, λ the largest eigenvalue.
                    throw UsageError("\(e.description): the sum Katz centrality adds converges only when --alpha (\(options.alpha ?? 0.1)) is below 1/λ, λ the largest eigenvalue of the adjacency matrix; lower --alpha")
                }
            }
            var order = Array(0..<graph.nodeCount)
            if let top {
                let first = columns[0]
                order.sort { (first[$0].isNaN ? -.infinity : first[$0], $1) > (first[$1].isNaN ? -.infinity : first[$1], $0) }
                order = Array(order.prefix(top))
            }
            let ids = analysis.viewed.nodeIDs
            switch format {
            case .csv:
                var out = CSVWriter.row(["id"] + measures.map(\.rawValue))
                for i in order { out += CSVWriter.row([ids[i].rawValue] + columns.map { formatNumber($0[i]) }) }
                writeOutput(out)
            case .json:
                let objects: [OutputValue] = measures.enumerated().map { k, m in
                    .mapping([("measure", .string(m.rawValue)),
                              ("values", .mapping(order.map { (ids[$0].rawValue, .number(columns[k][$0])) }))])
                }
                writeOutput(JSONWriter.write(objects.count == 1 ? objects[0] : .list(objects, inline: false)))
            case .table:
                var table = Table(header: ["id", "label"] + measures.map(\.rawValue), numericColumns: Set(2..<(2 + measures.count)))
                for i in order { table.rows.append([ids[i].rawValue, analysis.label(i)] + columns.map { formatNumber($0[i]) }) }
                writeOutput(table.text())
            }
        }
    }

    static var measureNames: String { (Measure.allCases.map(\.rawValue) + ["edge-betweenness"]).joined(separator: ", ") }

    private func runEdgeBetweenness(_ analysis: AnalysisInput) throws {
        let graph = analysis.graph
        let result = ProgressDisplay.run("edge-betweenness", quiet: progress.quiet) {
            edgeBetweennessCentrality(graph, weighted: graph.isWeighted, normalized: normalized)
        }
        var rows = result.edges
        if let top {
            rows.sort { ($0.value, $1.source, $1.target) > ($1.value, $0.source, $0.target) }
            rows = Array(rows.prefix(top))
        }
        let ids = analysis.viewed.nodeIDs
        switch format {
        case .csv:
            writeOutput(CSVWriter.row(["source", "target", "value"])
                + rows.map { CSVWriter.row([ids[$0.source].rawValue, ids[$0.target].rawValue, formatNumber($0.value)]) }.joined())
        case .json:
            writeOutput(JSONWriter.write(.mapping([
                ("measure", .string("edge-betweenness")),
                ("values", .list(rows.map { .mapping([("source", .string(ids[$0.source].rawValue)), ("target", .string(ids[$0.target].rawValue)),
                                                      ("value", .number($0.value))]) }, inline: false)),
            ])))
        case .table:
            var table = Table(header: ["source", "target", "edge-betweenness"], numericColumns: [2])
            for r in rows { table.rows.append([ids[r.source].rawValue, ids[r.target].rawValue, formatNumber(r.value)]) }
            writeOutput(table.text())
        }
    }
}
