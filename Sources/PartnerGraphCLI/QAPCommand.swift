import ArgumentParser
import Foundation
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct QAPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qap",
        abstract: "Does one kind of tie go with another? QAP correlation and regression between relations and pair attributes.",
        discussion: """
        Partner networks are multiplex: founded, member of, works at, took part in.
        qap asks whether pairs tied one way are tied another way, or share an
        attribute, more than chance allows, with the quadratic assignment procedure
        (D. Krackhardt, Social Networks 9, 1987 and 10, 1988): the numbers of R's
        sna::gcor and qaptest (correlation) and sna::netlm (regression with an
        intercept, t-values tested by Dekker et al.'s semi-partialling plus, netlm's
        default).

        Terms (--y one, --x one or more), a value for every pair of actors:
          ties              1 when a tie of the view joins them, else 0
          weight            the weight of their ties (parallel ties add), else 0
          relation:NAME     1 when a tie of relation NAME joins them
          same:FIELD        1 when both have the field or attribute and it is equal
          diff:FIELD        the absolute difference of a number every actor has
        Pairs are ordered (i → j) unless --undirected is given or every relation of
        the view is symmetric; the diagonal is left out. --null N permutations of
        the actors (default 1000; 0 for none), --seed; the same on any core count.

        Output: the correlation of --y with each --x and its QAP test, then the
        regression: estimate, standard error, t and the shares of permutations
        whose t is at least (p ≥), at most (p ≤) and at least as far from 0 (two-
        sided) as the observed one; R² and adjusted R². csv: section, term,
        measure, value; json: {"y", "x", "mode", "pairs", "permutations", "seed",
        "correlations", "regression"}.
        Examples:
          partnergraph qap Graphs/emon-texas.yaml --y ties --x same:Sponsorship --x same:Location
          partnergraph qap Graphs/nordic-innovation-procurement.yaml --undirected \\
              --y relation:participated-in --x relation:founded --x same:country
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @OptionGroup var view: ViewOptions
    @Option(help: ArgumentHelp("The term to explain (ties, weight, relation:NAME, same:FIELD, diff:FIELD).", valueName: "term")) var y: String
    @Option(help: ArgumentHelp("A term that may explain it (repeat for several).", valueName: "term")) var x: [String] = []
    @Option(parsing: .unconditional, help: "Permutations of the actors for the tests (0 for none).") var null: Int = 1000
    @Option(parsing: .unconditional, help: "Seed of the permutations.") var seed: UInt64 = 0
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var progress: ProgressOptions

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            try Checks.atLeast(null, 0, "--null")
            guard !x.isEmpty else { throw UsageError("--x: name at least one term that may explain --y \(y)") }
            let analysis = try AnalysisInput(input: input, view: view)
            let n = analysis.viewed.nodeIDs.count
            guard n >= 3 else { throw UsageError("QAP needs at least 3 actors; the view has \(n)") }
            let symmetric = !analysis.viewed.isDirected
            let builder = TermBuilder(analysis: analysis, symmetric: symmetric)
            let yMatrix = try builder.matrix("--y", y)
            let xMatrices = try x.map { try builder.matrix("--x", $0) }
            let correlations = try ProgressDisplay.run("qap correlation", quiet: progress.quiet) {
                try xMatrices.map { try qapCorrelation(yMatrix, $0, permutations: null, seed: seed) }
            }
            let regression: QAPRegression
            do {
                regression = try ProgressDisplay.run("qap regression", quiet: progress.quiet) {
                    try qapRegression(y: yMatrix, x: xMatrices, permutations: null, seed: seed)
                }
            } catch AlgorithmError.unsupported {
                throw UsageError("the --x terms " + x.joined(separator: ", ") + " are collinear or constant over the pairs: no regression")
            }
            let terms = ["(intercept)"] + x
            let mode = symmetric ? "graph" : "digraph"
            switch format {
            case .json:
                func number(_ d: Double?) -> OutputValue { d.map(OutputValue.number) ?? .null }
                func tests(_ t: NullComparison?) -> [(String, OutputValue)] {
                    [("pGreater", number(t?.pGreater)), ("pLess", number(t?.pLess)), ("pTwoSided", number(t.map(twoSided)))]
                }
                let corr: [OutputValue] = zip(x, correlations).map { term, c in
                    .mapping([("x", .string(term)), ("r", number(c.correlation))]
                             + [("pGreater", number(c.test?.pGreater)), ("pLess", number(c.test?.pLess))])
                }
                let coefficients: [OutputValue] = terms.indices.map { k in
                    .mapping([("term", .string(terms[k])), ("estimate", .number(regression.coefficients[k])),
                              ("se", .number(regression.standardErrors[k])), ("t", number(regression.tValues[k]))]
                             + tests(regression.tests[k]))
                }
                writeOutput(JSONWriter.write(.mapping([
                    ("y", .string(y)), ("x", .list(x.map { .string($0) }, inline: true)), ("mode", .string(mode)),
                    ("pairs", .integer(regression.dyads)), ("permutations", .integer(null)),
                    ("seed", .unsigned(seed)),
                    ("correlations", .list(corr, inline: false)),
                    ("regression", .mapping([("rSquared", .number(regression.rSquared)),
                                             ("adjustedRSquared", .number(regression.adjustedRSquared)),
                                             ("coefficients", .list(coefficients, inline: false))])),
                ])))
            case .csv:
                var t = Table(header: ["section", "term", "measure", "value"], numericColumns: [3])
                func row(_ s: String, _ term: String, _ m: String, _ v: Double?) {
                    t.rows.append([s, term, m, v.map(formatNumber) ?? ""])
                }
                for (term, c) in zip(x, correlations) {
                    row("correlation", term, "r", c.correlation)
                    if let test = c.test { row("correlation", term, "p-greater", test.pGreater); row("correlation", term, "p-less", test.pLess) }
                }
                for k in terms.indices {
                    row("regression", terms[k], "estimate", regression.coefficients[k])
                    row("regression", terms[k], "se", regression.standardErrors[k])
                    row("regression", terms[k], "t", regression.tValues[k])
                    if let test = regression.tests[k] {
                        row("regression", terms[k], "p-greater", test.pGreater)
                        row("regression", terms[k], "p-less", test.pLess)
                        row("regression", terms[k], "p-two-sided", twoSided(test))
                    }
                }
                row("regression", "", "r-squared", regression.rSquared)
                row("regression", "", "adjusted-r-squared", regression.adjustedRSquared)
                writeOutput(t.csv())
            case .table:
                func f4(_ d: Double?) -> String { d.map { String(format: "%.4f", $0) } ?? "–" }
                var out = "QAP of \(y) on " + x.joined(separator: ", ") + ": \(regression.dyads) "
                    + (symmetric ? "unordered" : "ordered") + " pairs of \(n) actors"
                    + (null > 0 ? ", \(null) permutations, seed \(seed)" : "") + "\n\n"
                var c = Table(header: ["x", "correlation"] + (null > 0 ? ["p ≥", "p ≤"] : []), numericColumns: [1, 2, 3])
                for (term, r) in zip(x, correlations) {
                    c.rows.append([term, f4(r.correlation)] + (null > 0 ? [f4(r.test?.pGreater), f4(r.test?.pLess)] : []))
                }
                out += c.text() + "\n"
                var t = Table(header: ["term", "estimate", "std error", "t"] + (null > 0 ? ["p ≥", "p ≤", "p two-sided"] : []),
                              numericColumns: Set(1...6))
                for k in terms.indices {
                    let test = regression.tests[k]
                    t.rows.append([terms[k], f4(regression.coefficients[k]), f4(regression.standardErrors[k]), f4(regression.tValues[k])]
                                  + (null > 0 ? [f4(test?.pGreater), f4(test?.pLess), f4(test.map(twoSided))] : []))
                }
                out += t.text()
                out += "R² \(f4(regression.rSquared)), adjusted R² \(f4(regression.adjustedRSquared))\n"
                if null > 0 { out += "(p: shares of permutations of the actors, semi-partialling plus as sna::netlm; p ≥ and p ≤ of t)\n" }
                writeOutput(out)
            }
        }
    }

    /// sna's `pgreqabs`: the share of permutations whose |t| is at least the observed |t|.
    private func twoSided(_ t: NullComparison) -> Double { t.pAbsolute }
}

/// Builds a term's matrix over the view's actors.
struct TermBuilder {
    let analysis: AnalysisInput
    let symmetric: Bool

    func matrix(_ option: String, _ term: String) throws -> DyadMatrix {
        let viewed = analysis.viewed, network = analysis.network
        let n = viewed.nodeIDs.count
        var values = [Double](repeating: 0, count: n * n)
        func set(_ i: Int, _ j: Int, _ v: Double, add: Bool = false) {
            values[i * n + j] = add ? values[i * n + j] + v : v
            if symmetric { values[j * n + i] = values[i * n + j] }
        }
        let parts = term.split(separator: ":", maxSplits: 1).map(String.init)
        let kind = parts[0], argument = parts.count > 1 ? parts[1] : ""
        let nodes = viewed.networkIndices.map { network.nodes[$0] }
        func field(_ node: Node, _ name: String) -> AttributeValue? {
            switch name {
            case "country": return node.country.map { .string($0) }
            case "kind": return .string(node.kind.id)
            default: return node.attributes[name]
            }
        }
        switch (kind, parts.count) {
        case ("ties", 1), ("weight", 1):
            for arc in viewed.arcs where arc.source != arc.target {
                if kind == "ties" {
                    set(arc.source, arc.target, 1)
                } else {
                    set(arc.source, arc.target, arc.weight ?? network.edges[arc.edgeIndex].weight ?? 1, add: true)
                }
            }
        case ("relation", 2):
            guard network.relation(argument) != nil else {
                var m = "\(option) \(term): no relation '\(argument)' in the network"
                if let g = closestMatch(to: argument, among: network.knownRelations.map(\.id)) { m += "; did you mean '\(g)'?" }
                throw UsageError(m)
            }
            for arc in viewed.arcs where arc.source != arc.target && network.edges[arc.edgeIndex].relation.id == argument {
                set(arc.source, arc.target, 1)
            }
        case ("same", 2):
            let v = nodes.map { field($0, argument)?.description }
            guard v.contains(where: { $0 != nil }) else { throw UsageError("\(option) \(term): no actor has a '\(argument)' field or attribute") }
            for i in 0..<n { for j in 0..<n where i != j { if let a = v[i], a == v[j] { values[i * n + j] = 1 } } }
        case ("diff", 2):
            let v = nodes.map { field($0, argument)?.doubleValue }
            let missing = v.indices.filter { v[$0] == nil }
            if !missing.isEmpty {
                let shown = missing.prefix(3).map { "'\(viewed.nodeIDs[$0].rawValue)'" }.joined(separator: ", ")
                throw UsageError("\(option) \(term): \(missing.count) of \(n) actors have no number '\(argument)' (\(shown)\(missing.count > 3 ? ", …" : "")); "
                    + "every pair needs a value")
            }
            for i in 0..<n { for j in 0..<n where i != j { values[i * n + j] = abs(v[i]! - v[j]!) } }
        default:
            throw UsageError("\(option) \(term): not a term; use ties, weight, relation:NAME, same:FIELD or diff:FIELD")
        }
        return DyadMatrix(nodeCount: n, symmetric: symmetric, values: values)
    }
}
