import ArgumentParser
import Foundation
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct KeyPlayersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyplayers",
        abstract: "The k actors whose removal fragments the network most, and the k who reach it best.",
        discussion: """
        Borgatti's key-player problem (S. P. Borgatti, Computational & Mathematical
        Organization Theory 12:21–34, 2006). Ties are read as undirected.
          fragment (KPP-Neg)  the set whose removal leaves the rest most
                              fragmented: distance-weighted fragmentation D_F
                              (1 − mean 1/distance over pairs of remaining nodes),
                              or with --fragmentation components the share of
                              remaining pairs that cannot reach each other (F)
          reach (KPP-Pos)     the set that reaches the rest best: distance-weighted
                              reach D_R (mean 1/distance from the nearest member
                              over the nodes outside the set), or with
                              --max-hops M the share of them within M steps
        Without --goal, both. The search is Borgatti's: from a random set, swap a
        member for a non-member while a swap improves the score, taking the best
        swap each time; --starts random sets (default 10), the best result kept;
        the same --seed gives the same set on any number of cores. Each member is
        shown with its score alone and its contribution (the set's score minus the
        score of the set without it).
        Output: table; csv: goal, measure, id, label, alone, contribution, set
        score; json: {"k", "starts", "seed", "results": [{"goal", "measure",
        "score", "before", "foundBy", "members": [{"id", "label", "alone",
        "contribution"}]}]}.
        Examples:
          partnergraph keyplayers Graphs/nordic-innovation-procurement.yaml --k 2
          partnergraph keyplayers Graphs/karate-club.yaml --k 3 --goal reach --max-hops 1
          partnergraph keyplayers Graphs/karate-club.yaml --k 3 --goal fragment --fragmentation components --format csv
        """)

    enum Goal: String, ExpressibleByArgument, CaseIterable { case fragment, reach }
    enum Fragmentation: String, ExpressibleByArgument, CaseIterable { case distance, components }

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @OptionGroup var view: ViewOptions
    @Option(name: .customLong("k"), parsing: .unconditional, help: "The size of the set.") var k: Int
    @Option(help: "fragment (KPP-Neg) or reach (KPP-Pos); both when not given.") var goal: Goal?
    @Option(help: "KPP-Neg measure: distance (distance-weighted fragmentation, the default) or components (F).")
    var fragmentation: Fragmentation = .distance
    @Option(parsing: .unconditional, help: ArgumentHelp("KPP-Pos by the share of nodes within N steps of the set (default: distance-weighted reach).", valueName: "N"))
    var maxHops: Int?
    @Option(parsing: .unconditional, help: "Random starting sets of the search.") var starts: Int = 10
    @Option(parsing: .unconditional, help: "Seed of the starting sets.") var seed: UInt64 = 0
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var progress: ProgressOptions

    struct Result {
        var goal: Goal
        var measure: String
        var set: KeyPlayerSet
    }

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            try Checks.atLeast(k, 1, "--k")
            try Checks.atLeast(maxHops, 1, "--max-hops")
            try Checks.atLeast(starts, 1, "--starts")
            if goal == .fragment, maxHops != nil { throw UsageError("--max-hops sets the reach measure; it does nothing with --goal fragment") }
            if goal == .reach, fragmentation != .distance { throw UsageError("--fragmentation sets the fragment measure; it does nothing with --goal reach") }
            let analysis = try AnalysisInput(input: input, view: view)
            let n = analysis.viewed.nodeIDs.count
            let goals: [Goal] = goal.map { [$0] } ?? [.fragment, .reach]
            if goals.contains(.fragment), k > n - 2 {
                throw UsageError("--k \(k) is too large to fragment a network of \(n) nodes: at most \(max(0, n - 2)) (two must remain)")
            }
            if k > n - 1 { throw UsageError("--k \(k) is too large: the network has \(n) nodes, so at most \(max(0, n - 1))") }
            let kp = KeyPlayers(analysis.graph)
            var results: [Result] = []
            for g in goals {
                let objective: KeyPlayerObjective
                let measure: String
                switch g {
                case .fragment:
                    objective = fragmentation == .distance ? .distanceFragmentation : .fragmentation
                    measure = fragmentation == .distance ? "distance-weighted fragmentation" : "fragmentation"
                case .reach:
                    objective = maxHops.map { .reach(maxHops: $0) } ?? .distanceReach
                    measure = maxHops.map { "reach within \($0) step\($0 == 1 ? "" : "s")" } ?? "distance-weighted reach"
                }
                let set = try ProgressDisplay.run("key players", quiet: progress.quiet) {
                    try kp.search(objective, k: k, starts: starts, seed: seed)
                }
                results.append(Result(goal: g, measure: measure, set: set))
            }
            let ids = analysis.viewed.nodeIDs.map(\.rawValue)
            switch format {
            case .table: writeOutput(text(results, analysis: analysis))
            case .csv:
                var t = Table(header: ["goal", "measure", "id", "label", "alone", "contribution", "set score"], numericColumns: [4, 5, 6])
                for r in results {
                    for (i, u) in r.set.members.enumerated() {
                        t.rows.append([r.goal.rawValue, r.measure, ids[u], analysis.label(u), formatNumber(r.set.alone[i]),
                                       formatNumber(r.set.contribution[i]), formatNumber(r.set.score)])
                    }
                }
                writeOutput(t.csv())
            case .json:
                let items: [OutputValue] = results.map { r in
                    .mapping([
                        ("goal", .string(r.goal.rawValue)),
                        ("measure", .string(r.measure)),
                        ("score", .number(r.set.score)),
                        ("before", r.set.baseline.map { .number($0) } ?? .null),
                        ("foundBy", .integer(r.set.startsReachingBest)),
                        ("members", .list(r.set.members.enumerated().map { i, u in
                            .mapping([("id", .string(ids[u])), ("label", .string(analysis.label(u))),
                                      ("alone", .number(r.set.alone[i])), ("contribution", .number(r.set.contribution[i]))])
                        }, inline: false)),
                    ])
                }
                writeOutput(JSONWriter.write(.mapping([
                    ("k", .integer(k)), ("starts", .integer(starts)), ("seed", .unsigned(seed)),
                    ("results", .list(items, inline: false)),
                ])))
            }
        }
    }

    private func text(_ results: [Result], analysis: AnalysisInput) -> String {
        let name = analysis.network.name ?? "the network"
        var out = "Key players of \(name): sets of \(k) (ties read as undirected; \(starts) random start\(starts == 1 ? "" : "s"), seed \(seed))\n"
        let ids = analysis.viewed.nodeIDs.map(\.rawValue)
        for r in results {
            out += "\n"
            switch r.goal {
            case .fragment:
                out += "To fragment the network (KPP-Neg, \(r.measure)): "
                out += String(format: "%.4f", r.set.baseline ?? 0) + " before, " + String(format: "%.4f", r.set.score) + " without the set\n"
            case .reach:
                out += "To reach the network (KPP-Pos, \(r.measure)): " + String(format: "%.4f", r.set.score) + "\n"
            }
            var t = Table(header: ["id", "label", "alone", "contribution"], numericColumns: [2, 3])
            for (i, u) in r.set.members.enumerated() {
                t.rows.append([ids[u], analysis.label(u), String(format: "%.4f", r.set.alone[i]), String(format: "%.4f", r.set.contribution[i])])
            }
            out += t.text()
            out += "(found by \(r.set.startsReachingBest) of \(r.set.starts) starts)\n"
        }
        return out
    }
}
