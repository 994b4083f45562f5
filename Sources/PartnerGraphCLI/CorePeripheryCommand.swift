import ArgumentParser
import Foundation
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct CorePeripheryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "core-periphery",
        abstract: "Which actors form the network's core, and how core each actor is.",
        discussion: """
        Borgatti and Everett's models (Social Networks 21:375–395, 1999), on the
        ties read as undirected.
          discrete    a core and a periphery: the partition whose ties best match
                      the ideal pattern (every core pair tied, no periphery pair),
                      fit = the correlation between the two over the pairs inside
                      the core or the periphery (core–periphery pairs left out,
                      UCINET's default); found by local search (moves, then
                      exchanges) from --starts random partitions (default 20,
                      --seed); the output says how many found the best
          continuous  each actor's coreness c, the vector whose products c_i·c_j
                      come closest to the ties (least squares over i ≠ j), scaled
                      to length 1; fit = the correlation of c_i·c_j with the ties
        Output: table (actors by coreness); csv: id, label, block, coreness; json:
        {"discrete": {"fit", "core", "densities": {"core", "between",
        "periphery"}, "foundBy", "starts"}, "continuous": {"fit", "coreness"}}.
        Examples:
          partnergraph core-periphery Graphs/nordic-innovation-procurement.yaml
          partnergraph core-periphery Graphs/karate-club.yaml --starts 50 --format csv
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @OptionGroup var view: ViewOptions
    @Option(parsing: .unconditional, help: "Random starting partitions of the discrete search.") var starts: Int = 20
    @Option(parsing: .unconditional, help: "Seed of the starting partitions.") var seed: UInt64 = 0
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var progress: ProgressOptions

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            try Checks.atLeast(starts, 1, "--starts")
            let analysis = try AnalysisInput(input: input, view: view)
            let n = analysis.viewed.nodeIDs.count
            guard n >= 4 else { throw UsageError("a core and a periphery of at least two actors each need 4 actors; the view has \(n)") }
            let cp = CorePeriphery(analysis.graph)
            let partition = try ProgressDisplay.run("core-periphery", quiet: progress.quiet) { try cp.discrete(starts: starts, seed: seed) }
            // On star-like networks the continuous model has no best fit (see `continuous`): the
            // discrete result still stands, and the output says so.
            let continuous = try? cp.continuous()
            let coreness = continuous?.coreness ?? [Double](repeating: .nan, count: n)
            let noFit = "no best fit exists (as on a star, the least-squares coreness of the hub grows without bound)"
            let ids = analysis.viewed.nodeIDs.map(\.rawValue)
            let order = (0..<n).sorted {
                if continuous == nil { return partition.core[$0] != partition.core[$1] ? partition.core[$0] : $0 < $1 }
                return coreness[$0] != coreness[$1] ? coreness[$0] > coreness[$1] : $0 < $1
            }
            func block(_ i: Int) -> String { partition.core[i] ? "core" : "periphery" }
            switch format {
            case .csv:
                var t = Table(header: ["id", "label", "block", "coreness"], numericColumns: [3])
                for i in order { t.rows.append([ids[i], analysis.label(i), block(i), continuous == nil ? "" : formatNumber(coreness[i])]) }
                writeOutput(t.csv())
            case .json:
                let d = partition.densities
                writeOutput(JSONWriter.write(.mapping([
                    ("discrete", .mapping([
                        ("fit", .number(partition.fit)),
                        ("core", .list((0..<n).filter { partition.core[$0] }.map { .string(ids[$0]) }, inline: true)),
                        ("densities", .mapping([("core", .number(d.core)), ("between", .number(d.between)), ("periphery", .number(d.periphery))])),
                        ("foundBy", .integer(partition.startsReachingBest)),
                        ("starts", .integer(partition.starts)),
                    ])),
                    ("continuous", continuous.map { c in
                        .mapping([
                            ("fit", c.fit.map { .number($0) } ?? .null),
                            ("coreness", .mapping((0..<n).map { (ids[$0], .number(c.coreness[$0])) })),
                        ])
                    } ?? .mapping([("fit", .null), ("coreness", .null), ("reason", .string(noFit))])),
                ])))
            case .table:
                let name = analysis.network.name ?? "the network"
                let k = partition.core.filter { $0 }.count
                let d = partition.densities
                func f4(_ x: Double) -> String { String(format: "%.4f", x) }
                var out = "Core and periphery of \(name) (ties read as undirected)\n\n"
                out += "Discrete model: a core of \(k) and a periphery of \(n - k), fit \(f4(partition.fit)) "
                out += "(found by \(partition.startsReachingBest) of \(partition.starts) starts)\n"
                out += "Densities: core \(f4(d.core)), between \(f4(d.between)), periphery \(f4(d.periphery))\n"
                out += "Continuous model: " + (continuous.map { "fit " + ($0.fit.map(f4) ?? "–") } ?? noFit) + "\n\n"
                var t = Table(header: ["id", "label", "block", "coreness"], numericColumns: [3])
                for i in order { t.rows.append([ids[i], analysis.label(i), block(i), continuous == nil ? "–" : f4(coreness[i])]) }
                out += t.text()
                writeOutput(out)
            }
        }
    }
}
