import ArgumentParser
import Foundation
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

extension LinkPredictionMethod: ExpressibleByArgument {}

struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Which ties are missing: whom to introduce to whom, and why.",
        discussion: """
        Ranks the pairs of nodes that are not tied by how likely they are to work
        together (link prediction, D. Liben-Nowell and J. Kleinberg, 2007), each
        explained by the partners the two share and the sources of those ties.
        Ties are read as undirected and unweighted, as NetworkX's link
        prediction reads them. With NODE, only the missing ties of that node.

        Methods (--method; the scores of NetworkX 3.6.1):
          adamic-adar              Σ 1/log k(w) over shared partners w (default;
                                   rare shared partners count more)
          resource-allocation      Σ 1/k(w) over shared partners w
          common-neighbours        the number of shared partners; with --alpha A
                                   below 1, A·shared + (1−A)·n/d(u, v)
                                   (common_neighbor_centrality)
          jaccard                  shared partners / partners of either
          preferential-attachment  k(u)·k(v)
        Pairs that score 0 are not suggested: with the shared-partner methods, the
        pairs with no shared partner (preferential attachment, and common-neighbours
        with --alpha below 1, also rank pairs that share none). A pair joined
        by any tie in the file, whatever the view, is never suggested; the
        scores use the view's ties (--relations, --kinds, --at, …).
        --pair-kinds K,… keeps pairs whose two nodes are both of those kinds;
        --across ATTR keeps pairs whose nodes differ in that field or attribute
        (a node without it is in the group "(none)"). Ranked by score, then by
        the nodes' order in the file; --top N (default 10; 0 for all).

        Output: a table of pairs, then one sentence per pair; csv: rank, from,
        from label, to, to label, method, score, shared, explanation; json:
        {"method", "alpha", "node", "suggestions": [{"rank", "from", "to",
        "score", "shared": [{"id", "label", "sources"}], "explanation"}]}.
        Examples:
          partnergraph suggest Graphs/nordic-innovation-procurement.yaml
          partnergraph suggest Graphs/nordic-innovation-procurement.yaml keino --method common-neighbours
          partnergraph suggest Graphs/nordic-innovation-procurement.yaml --across country --pair-kinds organisation
          partnergraph suggest Graphs/karate-club.yaml --method jaccard --top 5 --format csv
        """)

    @OptionGroup var input: InputOptions
    @Argument(help: ArgumentHelp("Only the missing ties of this node: an id or a name.", valueName: "node")) var node: String?
    @OptionGroup var csvOutput: CSVOutputOptions
    @OptionGroup var view: ViewOptions
    @Option(help: "The score: adamic-adar, resource-allocation, common-neighbours, jaccard or preferential-attachment.")
    var method: LinkPredictionMethod = .adamicAdar
    @Option(parsing: .unconditional, help: "Weight of the shared partners in common-neighbours, between 0 and 1 (default 1: their number alone).")
    var alpha: Double?
    @Option(parsing: .unconditional, help: "Only the N best pairs (0 for all).") var top: Int = 10
    @Option(help: "Only pairs whose two nodes are of these kinds (comma-separated).") var pairKinds: String?
    @Option(help: "Only pairs whose nodes differ in this field (country, kind) or attribute.") var across: String?
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            try Checks.atLeast(top, 0, "--top")
            if let alpha {
                guard method == .commonNeighbours else {
                    throw UsageError("--alpha applies to --method common-neighbours only, not \(method.rawValue)")
                }
                guard alpha >= 0 && alpha <= 1 else { throw UsageError("--alpha must be between 0 and 1, not \(formatNumber(alpha))") }
            }
            let kinds = pairKinds.map { splitList([$0]) }
            if kinds?.isEmpty == true { throw UsageError("--pair-kinds is empty: name at least one kind") }

            let analysis = try AnalysisInput(input: input, view: view)
            let network = analysis.network, viewed = analysis.viewed
            if let kinds {
                for k in kinds where network.kind(k) == nil {
                    var m = "--pair-kinds: no kind '\(k)' in the network"
                    if let g = closestMatch(to: k, among: network.knownKinds.map(\.id)) { m += "; did you mean '\(g)'?" }
                    throw UsageError(m)
                }
            }
            let nodes = viewed.networkIndices.map { network.nodes[$0] }
            let grouping = try across.map { try NodeGrouping(nodes, by: $0) }
            var source: Int?
            if let node {
                let id: NodeID
                do throws(NodeLookupError) { id = try network.lookupNode(node) } catch { throw UsageError(error.description) }
                guard let position = viewed.nodeIDs.firstIndex(of: id) else {
                    throw UsageError("\(PathExplanation.name(id, in: network)) is not in the view (check --kinds, --relations and the dates)")
                }
                source = position
            }

            let tied = tiedPairs(network, viewed)
            let n = viewed.nodeIDs.count
            let kindSet = kinds.map(Set.init)
            let allowed: (Int, Int) -> Bool = { u, v in
                if tied.contains(min(u, v) * n + max(u, v)) { return false }
                if let kindSet, !(kindSet.contains(nodes[u].kind.id) && kindSet.contains(nodes[v].kind.id)) { return false }
                if let grouping, grouping.groups[u] == grouping.groups[v] { return false }
                return true
            }

            let predictor = try LinkPredictor(analysis.graph, alpha: alpha ?? 1)
            let ranked = predictor.rank(method, from: source, top: top == 0 ? nil : top, allowed: allowed).pairs
            let explainer = SuggestionExplainer(network: network, viewed: viewed, predictor: predictor, method: method)
            let suggestions = ranked.map { explainer.explain($0) }
            switch format {
            case .json: writeOutput(JSONWriter.write(json(suggestions, viewed: viewed, node: source.map { viewed.nodeIDs[$0] })))
            case .csv: writeOutput(table(suggestions, viewed: viewed, forCSV: true).csv())
            case .table: writeOutput(text(suggestions, viewed: viewed, network: network, source: source))
            }
        }
    }

    private func table(_ suggestions: [Suggestion], viewed: ViewedNetwork, forCSV: Bool) -> Table {
        var t = Table(header: forCSV ? ["rank", "from", "from label", "to", "to label", "method", "score", "shared", "explanation"]
                                     : ["#", "from", "to", "score", "shared"],
                      numericColumns: forCSV ? [0, 6, 7] : [0, 3, 4])
        for (k, s) in suggestions.enumerated() {
            let u = viewed.nodeIDs[s.pair.u].rawValue, v = viewed.nodeIDs[s.pair.v].rawValue
            if forCSV {
                t.rows.append([String(k + 1), u, s.uName, v, s.vName, method.rawValue, formatNumber(s.pair.score),
                               String(s.shared.count), s.sentence])
            } else {
                t.rows.append([String(k + 1), s.uName, s.vName, String(format: "%.4f", s.pair.score), String(s.shared.count)])
            }
        }
        return t
    }

    private func text(_ suggestions: [Suggestion], viewed: ViewedNetwork, network: Network, source: Int?) -> String {
        var what = "Suggested ties by \(method.rawValue)"
        if let alpha, alpha < 1 { what += " (alpha \(formatNumber(alpha)))" }
        if let source { what += " for " + PathExplanation.name(viewed.nodeIDs[source], in: network) }
        var limits: [String] = []
        if let pairKinds { limits.append("both of kind " + splitList([pairKinds]).joined(separator: " or ")) }
        if let across { limits.append("across \(across)") }
        if !limits.isEmpty { what += ", " + limits.joined(separator: ", ") }
        guard !suggestions.isEmpty else {
            return what + ": none (no pair without a tie scores above 0" + (limits.isEmpty ? "" : " within the limits") + ")\n"
        }
        var out = what + "\n\n" + table(suggestions, viewed: viewed, forCSV: false).text() + "\n"
        for (k, s) in suggestions.enumerated() { out += "\(k + 1). " + s.sentence + "\n" }
        return out
    }

    private func json(_ suggestions: [Suggestion], viewed: ViewedNetwork, node: NodeID?) -> OutputValue {
        let items: [OutputValue] = suggestions.enumerated().map { k, s in
            .mapping([
                ("rank", .integer(k + 1)),
                ("from", .string(viewed.nodeIDs[s.pair.u].rawValue)),
                ("to", .string(viewed.nodeIDs[s.pair.v].rawValue)),
                ("score", .number(s.pair.score)),
                ("shared", .list(s.shared.map { w in
                    .mapping([("id", .string(viewed.nodeIDs[w.node].rawValue)), ("label", .string(w.name)),
                              ("sources", .list(w.sources.map { .string($0) }, inline: true))])
                }, inline: false)),
                ("explanation", .string(s.sentence)),
            ])
        }
        return .mapping([
            ("method", .string(method.rawValue)),
            ("alpha", method == .commonNeighbours ? .number(alpha ?? 1) : .null),
            ("node", node.map { .string($0.rawValue) } ?? .null),
            ("suggestions", .list(items, inline: false)),
        ])
    }
}

/// The pairs of view positions (smaller × n + larger) joined by any tie of the file, whatever
/// the view: never suggested.
func tiedPairs(_ network: Network, _ viewed: ViewedNetwork) -> Set<Int> {
    var tied = Set<Int>()
    let networkToView = Dictionary(uniqueKeysWithValues: viewed.networkIndices.enumerated().map { ($1, $0) })
    let n = viewed.nodeIDs.count
    for e in network.edges.indices {
        let ends = network.endpoints(of: e)
        guard let a = ends.from.flatMap({ networkToView[$0] }), let b = ends.to.flatMap({ networkToView[$0] }) else { continue }
        tied.insert(min(a, b) * n + max(a, b))
    }
    return tied
}

/// A suggested tie with what explains it.
struct Suggestion {
    struct Shared {
        var node: Int
        var name: String
        var sources: [String]
    }
    var pair: ScoredPair
    var uName: String
    var vName: String
    var shared: [Shared]
    var sentence: String
}

/// Tells why a pair is suggested: the partners they share, each with the ties that join it to
/// the two and the sources of those ties.
struct SuggestionExplainer {
    let network: Network
    let viewed: ViewedNetwork
    let predictor: LinkPredictor
    let method: LinkPredictionMethod
    /// The edges of the view between two positions (smaller first).
    private let between: [Int: [Int]]

    init(network: Network, viewed: ViewedNetwork, predictor: LinkPredictor, method: LinkPredictionMethod) {
        self.network = network
        self.viewed = viewed
        self.predictor = predictor
        self.method = method
        var between: [Int: [Int]] = [:]
        let n = viewed.nodeIDs.count
        for arc in viewed.arcs {
            let key = min(arc.source, arc.target) * n + max(arc.source, arc.target)
            if between[key]?.contains(arc.edgeIndex) != true { between[key, default: []].append(arc.edgeIndex) }
        }
        self.between = between
    }

    private func name(_ position: Int) -> String { network.nodes[viewed.networkIndices[position]].displayName }

    private func edges(_ a: Int, _ b: Int) -> [Int] {
        let n = viewed.nodeIDs.count
        return (between[min(a, b) * n + max(a, b)] ?? []).sorted()
    }

    /// "Motiva is a founding member of KEINO", as the file states the first tie between a and b;
    /// "(+1 tie)" when there are more.
    private func clause(_ a: Int, _ b: Int) -> String {
        let all = edges(a, b)
        guard let first = all.first else { return "" }
        let e = network.edges[first]
        let subject = e.relation.isDirected ? PathExplanation.name(e.from, in: network) : name(a)
        let object = e.relation.isDirected ? PathExplanation.name(e.to, in: network) : name(b)
        var s = subject + " " + e.relation.verb + " " + object
        if all.count > 1 { s += " (+\(all.count - 1) tie\(all.count == 2 ? "" : "s"))" }
        return s
    }

    /// The pair's suggestion: "LUP and KEINO share 2 partners, CO-PI and the seminar: LUP is a
    /// sister organisation of CO-PI, KEINO is a sister organisation of CO-PI; LUP took part in
    /// the seminar, KEINO took part in the seminar. Source: copi-seminar-2022."
    func explain(_ pair: ScoredPair) -> Suggestion {
        let u = pair.u, v = pair.v
        let common = predictor.commonNeighbours(u, v)
        var cited: [String] = []
        let shared = common.map { w -> Suggestion.Shared in
            var sources: [String] = []
            for e in edges(u, w) + edges(v, w) {
                for s in network.edges[e].sources where !sources.contains(s) { sources.append(s) }
            }
            for s in sources where !cited.contains(s) { cited.append(s) }
            return Suggestion.Shared(node: w, name: name(w), sources: sources)
        }
        func and(_ items: [String]) -> String {
            items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
        var s: String
        if common.isEmpty {
            s = "\(name(u)) and \(name(v)) share no partner"
        } else {
            let shown = 5
            var names = shared.prefix(shown).map(\.name)
            if shared.count > shown { names.append("\(shared.count - shown) more") }
            s = "\(name(u)) and \(name(v)) share " + (common.count == 1 ? "a partner, " : "\(common.count) partners, ") + and(names)
            s += ": " + shared.prefix(shown).map { w in clause(u, w.node) + ", " + clause(v, w.node) }.joined(separator: "; ")
        }
        let g = predictor.graph
        if method == .preferentialAttachment {
            s += "; \(name(u)) has \(g.degree(u)) partner\(g.degree(u) == 1 ? "" : "s") and \(name(v)) \(g.degree(v))"
        } else if method == .commonNeighbours && predictor.alpha < 1 {
            if let d = predictor.hopDistances(from: u)[v] { s += "; they are \(d) steps apart" } else { s += "; no chain of ties joins them" }
        }
        s += "."
        if !cited.isEmpty { s += (cited.count == 1 ? " Source: " : " Sources: ") + cited.joined(separator: ", ") + "." }
        return Suggestion(pair: pair, uName: name(u), vName: name(v), shared: shared, sentence: s)
    }
}
