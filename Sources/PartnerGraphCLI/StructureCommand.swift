import ArgumentParser
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct StructureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "structure",
        abstract: "Size, density, components, cut points, bridges, clustering, diameter and assortativity.",
        discussion: """
        Each value equals its NetworkX counterpart: density, number_connected_components (weak
        on directed views), number_strongly_connected_components, isolates,
        articulation_points and bridges (ignoring direction), average_clustering and
        transitivity (undirected views), diameter and radius (of the largest weakly connected
        component, ignoring direction and weights), degree_assortativity_coefficient.
        Freeman centralization (1979) of degree, closeness and betweenness (undirected views):
        the sum of the differences from the most central actor, over the same sum on a star.

        --null N compares average clustering, transitivity, components, the largest
        component, the diameter, degree assortativity and the centralizations with N networks that keep every
        node's degree and draw the ties anew by double edge swaps (10 per tie, as NetworkX's
        double_edge_swap; directed ties keep in- and out-degrees): the null mean and standard
        deviation, z, and the shares of null networks at least (p ≥), at most (p ≤) and at
        least as far from the mean either way (two-sided p) as the network. Reproducible with
        --seed; the same on any number of cores.
        Examples:
          partnergraph structure Graphs/nordic-innovation-procurement.yaml
          partnergraph structure Graphs/karate-club.yaml --format json
          partnergraph structure Graphs/karate-club.yaml --null 1000 --seed 1
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var view: ViewOptions
    @Option(help: "Output format: table or json.") var format: Format = .table
    @Option(parsing: .unconditional, help: "Networks rewired with every degree kept, to compare the figures with (none by default).") var null: Int?
    @Option(parsing: .unconditional, help: "Seed of the rewired networks.") var seed: UInt64 = 0
    @OptionGroup var progress: ProgressOptions

    /// The figures `--null` compares, by name.
    static let nullFigures: [(name: String, key: String, value: @Sendable (StructureSummary) -> Double?)] = [
        ("average clustering", "averageClustering", { $0.averageClustering }),
        ("transitivity", "transitivity", { $0.transitivity }),
        ("components", "components", { Double($0.components) }),
        ("largest component", "largestComponent", { Double($0.largestComponent) }),
        ("diameter", "diameter", { $0.diameter.map(Double.init) }),
        ("degree assortativity", "degreeAssortativity", { $0.degreeAssortativity }),
    ]

    /// Freeman centralization of the three measures it is defined for (undirected views).
    static func centralization(_ g: CompactGraph) -> [Double?] {
        (try? freemanCentralization(g, measures: [.degree, .closeness, .betweenness])) ?? [nil, nil, nil]
    }
    static let centralizationNames = [("degree centralization", "degreeCentralization"), ("closeness centralization", "closenessCentralization"),
                                      ("betweenness centralization", "betweennessCentralization")]

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    func run() throws {
        try reportingErrors {
            try Checks.atLeast(null, 1, "--null")
            let analysis = try AnalysisInput(input: input, view: view)
            let s = structureSummary(analysis.graph)
            let centralization = Self.centralization(analysis.graph)
            var tests: [NullComparison?] = []
            if let null {
                let figures = Self.nullFigures.map(\.value)
                tests = try ProgressDisplay.run("rewired networks", quiet: progress.quiet) {
                    try Rewiring.compare(analysis.graph, samples: null, seed: seed) { g in
                        let summary = structureSummary(g)
                        return figures.map { $0(summary) } + Self.centralization(g)
                    }
                }
            }
            let nullNames = Self.nullFigures.map { ($0.name, $0.key) } + Self.centralizationNames
            let ids = analysis.viewed.nodeIDs.map(\.rawValue)
            switch format {
            case .json:
                func value(_ d: Double?) -> OutputValue { d.map(OutputValue.number) ?? .null }
                func count(_ i: Int?) -> OutputValue { i.map(OutputValue.integer) ?? .null }
                func nodes(_ l: [Int]) -> OutputValue { .list(l.map { .string(ids[$0]) }, inline: true) }
                var fields: [(String, OutputValue)] = [
                    ("nodes", .integer(s.nodes)), ("edges", .integer(s.edges)), ("density", .number(s.density)),
                    ("components", .integer(s.components)), ("strongComponents", count(s.strongComponents)),
                    ("largestComponent", .integer(s.largestComponent)), ("isolates", nodes(s.isolates)),
                    ("articulationPoints", nodes(s.articulationPoints)),
                    ("bridges", .list(s.bridges.map { nodes($0) }, inline: true)),
                    ("averageClustering", value(s.averageClustering)), ("transitivity", value(s.transitivity)),
                    ("diameter", count(s.diameter)), ("radius", count(s.radius)),
                    ("degreeAssortativity", value(s.degreeAssortativity)),
                ] + zip(Self.centralizationNames, centralization).map { ($0.0.1, value($0.1)) }
                if let null {
                    var entries: [(String, OutputValue)] = [("model", .string("rewire")), ("networks", .integer(null)),
                                                            ("seed", .unsigned(seed)), ("swapsPerTie", .integer(Rewiring.swapsPerTie))]
                    for (k, f) in nullNames.enumerated() {
                        guard let t = tests[k] else { entries.append((f.1, .null)); continue }
                        entries.append((f.1, .mapping([
                            ("samples", .integer(t.samples)), ("mean", .number(t.mean)), ("sd", .number(t.standardDeviation)),
                            ("z", value(t.z)), ("pGreater", .number(t.pGreater)), ("pLess", .number(t.pLess)), ("pTwoSided", .number(t.pTwoSided)),
                        ])))
                    }
                    fields.append(("null", .mapping(entries)))
                }
                writeOutput(JSONWriter.write(.mapping(fields)))
            case .table:
                func opt(_ d: Double?) -> String { d.map(formatNumber) ?? "n/a" }
                let rows: [(String, String)] = [
                    ("nodes", "\(s.nodes)"), ("edges", "\(s.edges)"), ("density", formatNumber(s.density)),
                    ("components", "\(s.components)"), ("strong components", s.strongComponents.map(String.init) ?? "n/a (undirected)"),
                    ("largest component", "\(s.largestComponent)"),
                    ("isolates", s.isolates.isEmpty ? "none" : s.isolates.map { ids[$0] }.joined(separator: ", ")),
                    ("articulation points", s.articulationPoints.isEmpty ? "none" : s.articulationPoints.map { ids[$0] }.joined(separator: ", ")),
                    ("bridges", s.bridges.isEmpty ? "none" : s.bridges.map { "\(ids[$0[0]])–\(ids[$0[1]])" }.joined(separator: ", ")),
                    ("average clustering", opt(s.averageClustering)), ("transitivity", opt(s.transitivity)),
                    ("diameter", s.diameter.map(String.init) ?? "n/a"), ("radius", s.radius.map(String.init) ?? "n/a"),
                    ("degree assortativity", opt(s.degreeAssortativity)),
                ] + zip(Self.centralizationNames, centralization).map { ($0.0.0, $0.1.map(formatNumber) ?? "n/a") }
                let width = rows.map { $0.0.count }.max()!
                var out = rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n") + "\n"
                if let null {
                    func f4(_ d: Double) -> String { String(format: "%.4f", d) }
                    var t = Table(header: ["measure", "value"] + NullComparison.tableHeader, numericColumns: Set(1...7))
                    for (k, f) in nullNames.enumerated() {
                        guard let test = tests[k] else { continue }
                        t.rows.append([f.0, f4(test.observed)] + test.tableCells)
                    }
                    out += "\nAgainst rewired networks\n" + t.text()
                    out += "(null: \(null) networks rewired by double edge swaps, \(Rewiring.swapsPerTie) per tie, keeping every node's degree, seed \(seed))\n"
                }
                writeOutput(out)
            }
        }
    }
}
