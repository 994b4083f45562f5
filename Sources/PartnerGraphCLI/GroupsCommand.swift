import ArgumentParser
import Foundation
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct GroupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups",
        abstract: "Ties within and across groups: mixing matrix, densities, E-I index, assortativity and group centrality.",
        discussion: """
        Groups come from a node field (country, kind) or attribute (--group-by); nodes without a
        value form the group "(none)". For each group: its size, ties within and to other
        groups, density within, Krackhardt–Stern's E-I index (E − I)/(E + I) over its members'
        ties (−1: all ties inside, +1: all across borders), and group degree, closeness and
        betweenness centrality (Everett–Borgatti; closeness and betweenness use --weight as
        lengths with --weight-as distance, else 1/weight). Then the mixing matrix (ties within
        and between every two groups, and their weights with --weight), the densities, and for
        the network the E-I index and the attribute assortativity (as NetworkX's
        attribute_assortativity_coefficient; numeric_assortativity_coefficient too when every
        value is a number). Self-loops are not counted as ties within or across groups.

        --null N compares E-I and assortativity with N random assignments of the same group
        labels to the nodes (the permutation test UCINET reports): the null mean and standard
        deviation, z, and the shares of permutations at least (p ≥), at most (p ≤) and at least
        as far from the mean either way (two-sided p) as the observed value. With
        --null-model rewire, against N networks with every node's degree and group kept and
        the ties drawn anew by double edge swaps (10 per tie, as NetworkX's
        double_edge_swap; directed ties keep in- and out-degrees). Reproducible with --seed;
        the same on any number of cores.

        With --format csv, one tidy row per figure: scope (network, group, pair, node), name,
        other (the second group of a pair), measure, value.
        Examples:
          partnergraph groups Graphs/nordic-innovation-procurement.yaml --group-by country --undirected
          partnergraph groups Graphs/karate-club.yaml --group-by club --null 1000 --seed 1
          partnergraph groups Graphs/nordic-innovation-procurement.yaml --by country --undirected --null 1000 --null-model rewire
          partnergraph groups edges.csv --nodes nodes.csv --group-by sector --format json
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var csvOutput: CSVOutputOptions
    @OptionGroup var view: ViewOptions
    @Option(name: [.customLong("group-by"), .customLong("by")], help: "The node field (country, kind) or attribute that names each node's group (--by is the same option).") var groupBy: String
    @Option(parsing: .unconditional, help: "Permutations of the group labels for the significance test (none by default).") var null: Int?
    @Option(help: "The null model of --null: permute (shuffle the group labels over the nodes) or rewire (keep the labels and every node's degree, draw the ties anew by double edge swaps).")
    var nullModel: NullModel = .permute
    @Option(parsing: .unconditional, help: "Seed of the null networks.") var seed: UInt64 = 0
    @Flag(help: "Also list every node's ties inside and outside its group and its E-I index (always in CSV and JSON).") var perNode = false
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var progress: ProgressOptions

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            try Checks.atLeast(null, 1, "--null")
            if null == nil && nullModel != .permute { throw UsageError("--null-model \(nullModel.rawValue) needs --null N (the number of null networks)") }
            let analysis = try AnalysisInput(input: input, view: view)
            let nodes = analysis.viewed.networkIndices.map { analysis.network.nodes[$0] }
            let grouping = try NodeGrouping(nodes, by: groupBy)
            let graph = analysis.graph
            let report = try GroupsReport(graph: graph, grouping: grouping, permutations: null, model: nullModel, seed: seed, quiet: progress.quiet)
            let ids = analysis.viewed.nodeIDs.map(\.rawValue)
            switch format {
            case .json: writeOutput(JSONWriter.write(report.json(ids: ids, by: groupBy)))
            case .csv: writeOutput(report.csv(ids: ids))
            case .table: writeOutput(report.text(ids: ids, labels: nodes.map(\.displayName), by: groupBy, perNode: perNode))
            }
        }
    }
}

/// How a figure's comparison with its null networks reads in a table (`groups`, `structure`):
/// the columns after the figure's own value.
extension NullComparison {
    static let tableHeader = ["null mean", "null sd", "z", "p ≥", "p ≤", "p two-sided"]

    var tableCells: [String] {
        func f4(_ d: Double) -> String { String(format: "%.4f", d) }
        return [f4(mean), f4(standardDeviation), z.map { String(format: "%.2f", $0) } ?? "–", f4(pGreater), f4(pLess), f4(pTwoSided)]
    }
}

/// The null models of `groups --null`.
enum NullModel: String, ExpressibleByArgument, CaseIterable {
    case permute, rewire
}

/// Everything `groups` computes, and its three ways of writing it.
struct GroupsReport {
    let grouping: NodeGrouping
    let mixing: GroupMixing
    let weighted: Bool
    let degree: [Double?]
    let closeness: [Double]
    let betweenness: [Double?]
    let numeric: Double?
    let permutations: Int?
    let model: NullModel
    let seed: UInt64
    let eiTest: NullComparison?
    let assortativityTest: NullComparison?

    init(graph: CompactGraph, grouping: NodeGrouping, permutations: Int?, model: NullModel = .permute, seed: UInt64, quiet: Bool) throws {
        self.grouping = grouping
        let k = grouping.groupNames.count
        mixing = try GroupMixing(graph, groups: grouping.groups, groupCount: k)
        weighted = graph.isWeighted
        let members = (0..<k).map { c in grouping.groups.indices.filter { grouping.groups[$0] == c } }
        degree = try members.map { try groupDegreeCentrality(graph, members: $0) }
        closeness = try members.map { try groupClosenessCentrality(graph, members: $0, weighted: graph.isWeighted) }
        betweenness = try ProgressDisplay.run("group betweenness", quiet: quiet) {
            try members.map { try groupBetweennessCentrality(graph, members: $0, weighted: graph.isWeighted) }
        }
        numeric = try grouping.numbers.flatMap { try numericAssortativity(graph, values: $0) }
        self.permutations = permutations
        self.seed = seed
        self.model = model
        if let permutations, model == .rewire {
            let groups = grouping.groups
            let tests = try ProgressDisplay.run("rewired networks", quiet: quiet) {
                try Rewiring.compare(graph, samples: permutations, seed: seed) { g in
                    // The groups are valid for every rewiring: this cannot throw.
                    let m = try! GroupMixing(g, groups: groups, groupCount: k)
                    return [m.ei, m.assortativity]
                }
            }
            eiTest = tests[0]
            assortativityTest = tests[1]
        } else if let permutations {
            let test = try ProgressDisplay.run("permutations", quiet: quiet) {
                try groupPermutationTest(graph, groups: grouping.groups, groupCount: k, permutations: permutations, seed: seed)
            }
            eiTest = test.ei
            assortativityTest = test.assortativity
        } else {
            eiTest = nil
            assortativityTest = nil
        }
    }

    var names: [String] { grouping.groupNames }

    /// Ties of each group's members to other groups (each tie once).
    func across(_ a: Int) -> Int { names.indices.reduce(0) { $0 + ($1 == a ? 0 : mixing.ties[a][$1]) } }

    // MARK: JSON

    func json(ids: [String], by field: String) -> OutputValue {
        func number(_ d: Double?) -> OutputValue { d.map(OutputValue.number) ?? .null }
        func test(_ t: NullComparison?) -> OutputValue {
            guard let t else { return .null }
            return .mapping([
                ("model", .string(model.rawValue)),
                ("permutations", .integer(permutations ?? 0)), ("seed", .unsigned(seed)),
                ("samples", .integer(t.samples)), ("mean", .number(t.mean)), ("sd", .number(t.standardDeviation)),
                ("z", number(t.z)), ("pGreater", .number(t.pGreater)), ("pLess", .number(t.pLess)),
                ("pTwoSided", .number(t.pTwoSided)),
            ])
        }
        let ei = mixing.groupEI
        let groups: [OutputValue] = names.indices.map { a in
            .mapping([
                ("group", .string(names[a])), ("nodes", .integer(mixing.sizes[a])),
                ("tiesWithin", .integer(mixing.ties[a][a])), ("tiesAcross", .integer(across(a))),
                ("densityWithin", number(mixing.density(a, a))), ("ei", number(ei[a])),
                ("degreeCentrality", number(degree[a])), ("closenessCentrality", .number(closeness[a])),
                ("betweennessCentrality", number(betweenness[a])),
            ])
        }
        var pairs: [OutputValue] = []
        for a in names.indices {
            for b in names.indices where mixing.isDirected || b >= a {
                var fields: [(String, OutputValue)] = [("from", .string(names[a])), ("to", .string(names[b])),
                                                       ("ties", .integer(mixing.ties[a][b]))]
                if weighted { fields.append(("weight", .number(mixing.weights[a][b]))) }
                fields.append(("density", number(mixing.density(a, b))))
                pairs.append(.mapping(fields))
            }
        }
        let nodeEI = mixing.nodeEI
        let nodes: [OutputValue] = ids.indices.map { v in
            .mapping([("id", .string(ids[v])), ("group", .string(names[grouping.groups[v]])),
                      ("tiesWithin", .integer(mixing.nodeInternal[v])), ("tiesAcross", .integer(mixing.nodeExternal[v])),
                      ("ei", number(nodeEI[v]))])
        }
        var network: [(String, OutputValue)] = [
            ("tiesWithin", .integer(mixing.internalTies)), ("tiesAcross", .integer(mixing.externalTies)),
            ("ei", number(mixing.ei)), ("assortativity", number(mixing.assortativity)),
        ]
        if grouping.numbers != nil { network.append(("numericAssortativity", number(numeric))) }
        if permutations != nil {
            network.append(("eiTest", test(eiTest)))
            network.append(("assortativityTest", test(assortativityTest)))
        }
        return .mapping([("groupBy", .string(field)), ("directed", .boolean(mixing.isDirected)),
                         ("network", .mapping(network)), ("groups", .list(groups, inline: false)),
                         ("pairs", .list(pairs, inline: false)), ("nodes", .list(nodes, inline: false))])
    }

    // MARK: CSV

    func csv(ids: [String]) -> String {
        var out = CSVWriter.row(["scope", "name", "other", "measure", "value"])
        func row(_ scope: String, _ name: String, _ other: String, _ measure: String, _ value: Double?) {
            out += CSVWriter.row([scope, name, other, measure, value.map(formatNumber) ?? ""])
        }
        func count(_ scope: String, _ name: String, _ other: String, _ measure: String, _ value: Int) {
            out += CSVWriter.row([scope, name, other, measure, String(value)])
        }
        count("network", "", "", "ties-within", mixing.internalTies)
        count("network", "", "", "ties-across", mixing.externalTies)
        row("network", "", "", "ei", mixing.ei)
        row("network", "", "", "assortativity", mixing.assortativity)
        if grouping.numbers != nil { row("network", "", "", "numeric-assortativity", numeric) }
        for (label, t) in [("ei", eiTest), ("assortativity", assortativityTest)] where permutations != nil {
            guard let t else { continue }
            row("network", "", "", "\(label)-null-mean", t.mean)
            row("network", "", "", "\(label)-null-sd", t.standardDeviation)
            row("network", "", "", "\(label)-z", t.z)
            row("network", "", "", "\(label)-p-greater", t.pGreater)
            row("network", "", "", "\(label)-p-less", t.pLess)
            row("network", "", "", "\(label)-p-two-sided", t.pTwoSided)
        }
        let ei = mixing.groupEI
        for a in names.indices {
            count("group", names[a], "", "nodes", mixing.sizes[a])
            count("group", names[a], "", "ties-within", mixing.ties[a][a])
            count("group", names[a], "", "ties-across", across(a))
            row("group", names[a], "", "density-within", mixing.density(a, a))
            row("group", names[a], "", "ei", ei[a])
            row("group", names[a], "", "degree-centrality", degree[a])
            row("group", names[a], "", "closeness-centrality", closeness[a])
            row("group", names[a], "", "betweenness-centrality", betweenness[a])
        }
        for a in names.indices {
            for b in names.indices where mixing.isDirected || b >= a {
                count("pair", names[a], names[b], "ties", mixing.ties[a][b])
                if weighted { row("pair", names[a], names[b], "weight", mixing.weights[a][b]) }
                row("pair", names[a], names[b], "density", mixing.density(a, b))
            }
        }
        let nodeEI = mixing.nodeEI
        for v in ids.indices {
            count("node", ids[v], names[grouping.groups[v]], "ties-within", mixing.nodeInternal[v])
            count("node", ids[v], names[grouping.groups[v]], "ties-across", mixing.nodeExternal[v])
            row("node", ids[v], names[grouping.groups[v]], "ei", nodeEI[v])
        }
        return out
    }

    // MARK: Text

    func text(ids: [String], labels: [String], by field: String, perNode: Bool) -> String {
        func fixed(_ d: Double?) -> String { d.map { String(format: "%.4f", $0) } ?? "–" }
        let direction = mixing.isDirected ? "directed: ties counted from their source" : "undirected"
        var out = "Groups by \(field): \(names.count) groups, \(grouping.groups.count) nodes, "
            + "\(mixing.internalTies + mixing.externalTies) ties (\(mixing.externalTies) across groups, "
            + "\(mixing.internalTies) within; \(direction))\n\n"
        let ei = mixing.groupEI
        var groups = Table(header: ["group", "nodes", "ties within", "ties across", "density within", "E-I",
                                    "degree", "closeness", "betweenness"], numericColumns: Set(1..<9))
        for a in names.indices {
            groups.rows.append([names[a], String(mixing.sizes[a]), String(mixing.ties[a][a]), String(across(a)),
                                fixed(mixing.density(a, a)), fixed(ei[a]), fixed(degree[a]), fixed(closeness[a]),
                                fixed(betweenness[a])])
        }
        out += groups.text()
        out += "(E-I: −1 all of a group's ties inside it, +1 all across; degree, closeness, betweenness: group centrality)\n"

        out += "\nTies " + (mixing.isDirected ? "from row to column group" : "within and between groups") + "\n"
        var matrix = Table(header: [""] + names, numericColumns: Set(1...names.count))
        for a in names.indices { matrix.rows.append([names[a]] + names.indices.map { String(mixing.ties[a][$0]) }) }
        out += matrix.text()
        if weighted {
            out += "\nWeights " + (mixing.isDirected ? "from row to column group" : "within and between groups") + "\n"
            var w = Table(header: [""] + names, numericColumns: Set(1...names.count))
            for a in names.indices { w.rows.append([names[a]] + names.indices.map { formatNumber(mixing.weights[a][$0]) }) }
            out += w.text()
        }
        out += "\nDensity " + (mixing.isDirected ? "from row to column group" : "within and between groups") + "\n"
        var density = Table(header: [""] + names, numericColumns: Set(1...names.count))
        for a in names.indices { density.rows.append([names[a]] + names.indices.map { fixed(mixing.density(a, $0)) }) }
        out += density.text()

        out += "\nNetwork\n"
        var network = Table(header: ["measure", "value"] + (permutations != nil ? NullComparison.tableHeader : []),
                            numericColumns: Set(1..<8))
        func line(_ name: String, _ value: Double?, _ test: NullComparison?) {
            var cells = [name, fixed(value)]
            if permutations != nil {
                cells += test?.tableCells ?? Array(repeating: "–", count: NullComparison.tableHeader.count)
            }
            network.rows.append(cells)
        }
        line("E-I index", mixing.ei, eiTest)
        line("assortativity", mixing.assortativity, assortativityTest)
        if grouping.numbers != nil { line("numeric assortativity", numeric, nil) }
        out += network.text()
        if let permutations {
            switch model {
            case .permute: out += "(null: \(permutations) random assignments of the group labels to the nodes, seed \(seed))\n"
            case .rewire:
                out += "(null: \(permutations) networks rewired by double edge swaps, \(Rewiring.swapsPerTie) per tie, "
                    + "keeping every node's degree and group, seed \(seed))\n"
            }
        }
        if perNode {
            out += "\nNodes\n"
            let nodeEI = mixing.nodeEI
            var table = Table(header: ["id", "label", "group", "ties within", "ties across", "E-I"], numericColumns: [3, 4, 5])
            for v in ids.indices {
                table.rows.append([ids[v], labels[v], names[grouping.groups[v]], String(mixing.nodeInternal[v]),
                                   String(mixing.nodeExternal[v]), fixed(nodeEI[v])])
            }
            out += table.text()
        }
        return out
    }
}
