import ArgumentParser
import Foundation
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct RobustnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robustness",
        abstract: "How much a centrality ranking would change if ties or actors were missing from the data.",
        discussion: """
        Network data are rarely complete. robustness removes --drop percent of the
        ties (or, with --of nodes, of the actors) at random, --samples times
        (default 100), computes --measure on each copy, and compares it with the
        network's (S. P. Borgatti, K. M. Carley, D. Krackhardt, Social Networks 28,
        2006): the Spearman correlation of the values (average ranks for ties, over
        the actors a copy keeps), the share of the top --top actors (default 10)
        still in the copy's top, and for every actor how often it stays in the top
        and its mean rank. Reproducible with --seed.

        Output: a summary (mean, standard deviation and range of the Spearman
        correlation and of the overlap), then the actors by their rank in the
        network; csv: id, label, rank, mean rank, rank sd, in top; json:
        {"measure", "of", "drop", "samples", "top", "spearman", "overlap", "actors"}.
        Examples:
          partnergraph robustness Graphs/karate-club.yaml --measure betweenness --drop 10
          partnergraph robustness Graphs/les-miserables.yaml --measure degree --drop 20 --of nodes --top 5
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @OptionGroup var view: ViewOptions
    @Option(help: "The node measure (any of centrality --measure but edge-betweenness).") var measure: String
    @Option(parsing: .unconditional, help: ArgumentHelp("Percent of the ties (or actors) each copy loses, above 0 and below 100.", valueName: "P")) var drop: Double
    @Option(help: "What the copies lose: ties or nodes.") var of: Robustness.Removal = .ties
    @Option(parsing: .unconditional, help: "Number of copies.") var samples: Int = 100
    @Option(parsing: .unconditional, help: "Size of the top group compared.") var top: Int = 10
    @Option(parsing: .unconditional, help: "Seed of the removals.") var seed: UInt64 = 0
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var progress: ProgressOptions

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            guard let m = Measure(rawValue: measure) else {
                var text = "--measure: unknown measure '\(measure)'"
                if let g = closestMatch(to: measure, among: Measure.allCases.map(\.rawValue)) { text += "; did you mean '\(g)'?" }
                throw UsageError(text + " (measures: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard drop > 0 && drop < 100 else { throw UsageError("--drop must be above 0 and below 100 (a percent), not \(formatNumber(drop))") }
            try Checks.atLeast(samples, 1, "--samples")
            try Checks.atLeast(top, 1, "--top")
            let analysis = try AnalysisInput(input: input, view: view)
            let graph = analysis.graph
            let n = graph.nodeCount
            guard n >= 2 else { throw UsageError("robustness needs at least 2 actors; the view has \(n)") }
            if of == .ties && graph.edgeCount == 0 { throw UsageError("--of ties: the view has no ties to drop") }
            let total = of == .ties ? graph.edgeCount : n
            let removed = Robustness.removed(share: drop / 100, of: total)
            let percent = drop == drop.rounded() ? String(Int(drop)) : formatNumber(drop)
            let what = of == .ties ? "ties" : "actors"
            guard let allowed = Robustness.allowedRemovals(of, ties: graph.edgeCount, nodes: n), allowed.contains(removed) else {
                throw UsageError("--drop \(percent): \(percent)% of the view's \(total) \(what) is \(removed); "
                    + (of == .ties ? "drop at least 1 tie and keep at least 1" : "drop at least 1 actor and keep at least 2"))
            }
            let k = min(top, n)
            let r = try ProgressDisplay.run("robustness", quiet: progress.quiet) {
                try Robustness.compare(graph, measure: { try m.compute(on: $0) }, removing: of, share: drop / 100,
                                       samples: samples, top: k, seed: seed)
            }
            let ids = analysis.viewed.nodeIDs.map(\.rawValue)
            let order = (0..<n).sorted { r.rank[$0] != r.rank[$1] ? r.rank[$0] < r.rank[$1] : $0 < $1 }
            let rho = r.spearman.compactMap { $0 }
            func stats(_ v: [Double]) -> (mean: Double, sd: Double, min: Double, max: Double)? {
                guard !v.isEmpty else { return nil }
                let mean = v.reduce(0, +) / Double(v.count)
                let sd = (v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count)).squareRoot()
                return (mean, sd, v.min()!, v.max()!)
            }
            let s = stats(rho), o = stats(r.overlap)!
            switch format {
            case .json:
                func summary(_ x: (mean: Double, sd: Double, min: Double, max: Double)?) -> OutputValue {
                    guard let x else { return .null }
                    return .mapping([("mean", .number(x.mean)), ("sd", .number(x.sd)), ("min", .number(x.min)), ("max", .number(x.max))])
                }
                writeOutput(JSONWriter.write(.mapping([
                    ("measure", .string(m.rawValue)), ("of", .string(of.rawValue)), ("drop", .number(drop)),
                    ("samples", .integer(samples)), ("top", .integer(k)), ("seed", .unsigned(seed)),
                    ("spearman", summary(s)), ("overlap", summary(o)),
                    ("actors", .list(order.map { i in
                        .mapping([("id", .string(ids[i])), ("rank", .integer(r.rank[i])), ("meanRank", .number(r.meanRank[i])),
                                  ("rankSD", .number(r.rankSD[i])), ("inTop", .number(r.inTop[i]))])
                    }, inline: false)),
                ])))
            case .csv:
                var t = Table(header: ["id", "label", "rank", "mean rank", "rank sd", "in top"], numericColumns: [2, 3, 4, 5])
                for i in order {
                    t.rows.append([ids[i], analysis.label(i), String(r.rank[i]), formatNumber(r.meanRank[i]), formatNumber(r.rankSD[i]), formatNumber(r.inTop[i])])
                }
                writeOutput(t.csv())
            case .table:
                func f(_ d: Double) -> String { String(format: "%.4f", d) }
                var out = "Robustness of \(m.rawValue): \(samples) copies, each missing \(percent)% of the \(what) "
                    + "(\(removed) of \(total); seed \(seed))\n\n"
                if let s {
                    out += "Spearman correlation with the full network: mean \(f(s.mean)), sd \(f(s.sd)), from \(f(s.min)) to \(f(s.max))"
                    out += rho.count < samples ? " (\(samples - rho.count) copies with constant values left out)\n" : "\n"
                } else {
                    out += "Spearman correlation: undefined (the values are constant)\n"
                }
                out += "Top \(k) kept: mean \(f(o.mean)), sd \(f(o.sd)), from \(f(o.min)) to \(f(o.max))\n\n"
                var t = Table(header: ["id", "label", "rank", "mean rank", "rank sd", "in top \(k)"], numericColumns: [2, 3, 4, 5])
                for i in order.prefix(max(k, 20)) {
                    t.rows.append([ids[i], analysis.label(i), String(r.rank[i]), String(format: "%.2f", r.meanRank[i]),
                                   String(format: "%.2f", r.rankSD[i]), String(format: "%.0f%%", r.inTop[i] * 100)])
                }
                out += t.text()
                if n > max(k, 20) { out += "(the first \(max(k, 20)) of \(n) actors; csv and json list all)\n" }
                writeOutput(out)
            }
        }
    }
}

extension Robustness.Removal: ExpressibleByArgument {}
