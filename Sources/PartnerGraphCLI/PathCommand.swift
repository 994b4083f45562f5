import ArgumentParser
import Foundation
import GraphvizRendering
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "How can one node reach another, through whom, and how strong is the chain.",
        discussion: """
        FROM and TO are ids or names: labels and original names match with case
        and diacritics ignored ("Ingebjorg Harto" finds "Ingebjørg Harto"); a
        name that matches several nodes lists them, an unknown one suggests the
        closest.

        Ties are walked both ways (cooperation runs both ways) unless
        --follow-direction is given. Modes:
          (default)       one shortest path: fewest hops, or least length with
                          --weight; ties go to the path first in file order
          --all-shortest  every shortest path
          --k N           the N shortest paths without repeated nodes (Yen; N ≤ 1000)
          --strongest     the chain whose weakest tie is strongest, then the
                          fewest hops (weights from the edges' own weights
                          unless --weight says otherwise)
        Constraints: --via, --avoid, --max-hops, --through-kind. When parallel
        edges join two nodes, a hop uses the strongest, then the first in the
        file.

        --format text: numbered hops, each a sentence with role, dates, weight
        and sources, then hops, length and the weakest tie. json: {"from",
        "to", "paths": [{"nodes", "edges": [{"from", "to", "relation",
        "traversed", "weight", "sources"}], "hops", "length", "bottleneck"}]};
        an edge's from and to are as in the file and "traversed" (forward or
        backward) says which way the hop walks it. dot: the view's network with
        the path highlighted (for dot -Tsvg).

        Exit status: 0 a path was found; 1 no path (the message says why:
        different components, the view, direction, or which constraint cut
        it); 64 an unknown or ambiguous node, or constraints that make no sense
        (the exit codes of every command, README "Exit codes").
        Examples:
          partnergraph path Graphs/nordic-innovation-procurement.yaml co-pi hansel
          partnergraph path Graphs/nordic-innovation-procurement.yaml \\
              "Ole Bech Lykkebo" Hansel --via nordic-seminar-2022
          partnergraph path Graphs/nordic-innovation-procurement.yaml \\
              "Ingebjorg Harto" keino --k 3 --format json
          partnergraph path Graphs/karate-club.yaml 0 33 --strongest
          partnergraph path Graphs/les-miserables.yaml Fantine Gavroche \\
              --all-shortest --avoid Valjean
          partnergraph path Graphs/nordic-innovation-procurement.yaml nho keino \\
              --format dot | dot -Tsvg -o path.svg
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, dot }

    /// The most paths `--k` lists.
    static let mostPaths = 1_000

    @OptionGroup var input: InputOptions
    @Argument(help: ArgumentHelp("Where the path starts: an id or a name.", valueName: "from")) var fromNode: String
    @Argument(help: ArgumentHelp("Where the path ends: an id or a name.", valueName: "to")) var toNode: String
    @OptionGroup var view: ViewOptions
    @OptionGroup var traversal: TraversalOptions

    @Flag(help: "Every shortest path, not just one.") var allShortest = false
    @Option(name: [.customShort("k"), .customLong("k")], parsing: .unconditional, help: ArgumentHelp("The N shortest paths without repeated nodes, shortest first.", valueName: "N"))
    var k: Int?
    @Flag(help: "The chain whose weakest tie is strongest (then the fewest hops).") var strongest = false

    @Option(help: ArgumentHelp("A node every path must pass through (repeat, or separate by commas).", valueName: "node"))
    var via: [String] = []
    @Option(help: ArgumentHelp("Nodes no path may pass through (repeat, or separate by commas).", valueName: "node"))
    var avoid: [String] = []
    @Option(parsing: .unconditional, help: ArgumentHelp("The most hops a path may have.", valueName: "N")) var maxHops: Int?
    @Option(help: ArgumentHelp("Intermediaries must be of this kind (repeat, or separate by commas).", valueName: "kind"))
    var throughKind: [String] = []

    @Option(help: "Output format: text, json or dot.") var format: Format = .text

    func run() throws {
        try reportingErrors {
            try Checks.atLeast(k, 1, "--k")
            if let k, k > Self.mostPaths {
                throw UsageError("--k must be at most \(Self.mostPaths) (every path is listed in full; Yen's search for more takes minutes), not \(k)")
            }
            try Checks.atLeast(maxHops, 0, "--max-hops")
            if !throughKind.isEmpty && splitList(throughKind).isEmpty { throw UsageError("--through-kind is empty: name at least one kind") }
            let network = try input.load()
            try reportingPathErrors(network, view: view, constraints: constraintFlags()) {
                let modes = [allShortest, k != nil, strongest].filter { $0 }.count
                if modes > 1 { throw UsageError("--all-shortest, --k and --strongest exclude each other") }
                var v = try traversal.view(view)
                if strongest && v.weightAttribute == nil && network.edges.contains(where: { $0.weight != nil }) {
                    v.weightAttribute = "weight"
                }
                let lookup = try PathFinder(network: network, view: v)
                let options = PathOptions(
                    followDirection: traversal.followDirection,
                    via: try resolveList(via, with: lookup), avoid: try resolveList(avoid, with: lookup),
                    maxHops: maxHops, throughKinds: throughKind.isEmpty ? nil : Set(splitList(throughKind)))
                let finder = try PathFinder(network: network, view: v, options: options)
                traversal.warnIfNothingToFollow(finder)
                let from = try finder.resolve(fromNode), to = try finder.resolve(toNode)
                let paths: [Path]
                if allShortest {
                    do {
                        paths = try finder.allShortestPaths(from: from, to: to)
                    } catch PathError.searchLimitReached(let n) {
                        let hops = try finder.shortestPath(from: from, to: to).hops
                        throw UsageError("there are more than \(n) shortest paths from \(PathExplanation.name(from, in: network)) to \(PathExplanation.name(to, in: network)) (each of \(hops) hops), too many to list; --k \(Self.mostPaths) lists the first \(Self.mostPaths), or narrow the search (--via, --avoid, --through-kind, or a smaller view)")
                    }
                } else if let k {
                    paths = try finder.shortestSimplePaths(from: from, to: to, count: k)
                } else if strongest {
                    paths = [try finder.strongestPath(from: from, to: to)]
                } else {
                    paths = [try finder.shortestPath(from: from, to: to)]
                }
                switch format {
                case .text: writeOutput(header(finder, from, to, paths) + "\n" + PathExplanation.text(paths, in: network, weightAttribute: finder.isWeighted ? finder.view.weightAttribute : nil))
                case .json: writeOutput(pathJSON(from: from, to: to, paths: paths, network: network))
                case .dot:
                    let title = header(finder, from, to, paths).trimmingCharacters(in: CharacterSet(charactersIn: ":\n"))
                    writeOutput(pathDOT(finder, paths: paths, title: title))
                }
            }
        }
    }

    /// The path constraints as typed, for messages.
    func constraintFlags() -> String {
        var parts: [String] = []
        for v in via { parts.append("--via \(v)") }
        for a in avoid { parts.append("--avoid \(a)") }
        for k in throughKind { parts.append("--through-kind \(k)") }
        if let maxHops { parts.append("--max-hops \(maxHops)") }
        return parts.joined(separator: " ")
    }

    func header(_ finder: PathFinder, _ from: NodeID, _ to: NodeID, _ paths: [Path]) -> String {
        let a = PathExplanation.name(from, in: finder.network), b = PathExplanation.name(to, in: finder.network)
        var what: String
        if allShortest {
            what = paths.count == 1 ? "The one shortest path" : "All \(paths.count) shortest paths"
        } else if let k {
            what = paths.count < k ? "Only \(paths.count) path\(paths.count == 1 ? "" : "s") without repeated nodes"
                : (k == 1 ? "The shortest path" : "The \(k) shortest paths without repeated nodes")
        } else if strongest {
            what = "The strongest chain"
        } else {
            what = "A shortest path"
        }
        var notes: [String] = [finder.followsDirection ? "following edge direction" : "ties walked both ways"]
        let name = { (id: NodeID) in PathExplanation.name(id, in: finder.network) }
        if !finder.options.via.isEmpty { notes.append("through " + finder.options.via.map(name).joined(separator: " and ")) }
        if !finder.options.avoid.isEmpty { notes.append("avoiding " + finder.options.avoid.map(name).joined(separator: ", ")) }
        if let kinds = finder.options.throughKinds { notes.append("intermediaries of kind " + kinds.sorted().joined(separator: " or ")) }
        if let m = finder.options.maxHops { notes.append("at most \(m) hop\(m == 1 ? "" : "s")") }
        if let w = finder.view.weightAttribute, finder.isWeighted {
            notes.append("'\(w)' read as \(finder.view.weightIsDistance ? "distance" : "strength")")
        }
        return "\(what) from \(a) to \(b) (" + notes.joined(separator: ", ") + "):\n"
    }
}

/// How walks treat direction: shared by path, ego and reach.
struct TraversalOptions: ParsableArguments {
    @Flag(help: "Walk directed relations only from their 'from' to their 'to' (default: both ways).")
    var followDirection = false

    /// Says so when --follow-direction has nothing to follow: no relation in the view is
    /// directed (a CSV edge table or edge list is symmetric unless read with --directed).
    func warnIfNothingToFollow(_ finder: PathFinder) { warnIfNothingToFollow(viewIsDirected: finder.followsDirection) }

    /// The same, for a view whose directedness is known (the report's).
    func warnIfNothingToFollow(viewIsDirected: Bool) {
        guard followDirection && !viewIsDirected else { return }
        printError("warning: --follow-direction changes nothing here: no relation in the view is directed (read a CSV edge table or edge list with --directed)")
    }

    /// The view, checked against --follow-direction.
    func view(_ view: ViewOptions) throws -> View {
        if followDirection && view.undirected {
            throw UsageError("--follow-direction and --undirected exclude each other")
        }
        return try view.view()
    }
}

/// Splits repeated, comma-separated values.
func splitList(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
}

/// Resolves repeated node names; a value with commas is first tried whole (labels may hold
/// commas), then as a list.
func resolveList(_ values: [String], with finder: PathFinder) throws -> [NodeID] {
    var out: [NodeID] = []
    for value in values {
        if value.contains(","), let id = try? finder.network.lookupNode(value) {
            out.append(id)
            continue
        }
        for part in splitList([value]) { out.append(try finder.resolve(part)) }
    }
    return out
}

/// Runs a path, ego or reach body: no path exits 1, unknown or ambiguous nodes and bad
/// constraints exit 64 (a bad request, as in every command), each with a message on stderr.
func reportingPathErrors(_ network: Network, view: ViewOptions, constraints: String = "", _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as PathError {
        switch e {
        case let .noPath(from, to, reason):
            var m = "no path from \(PathExplanation.name(from, in: network)) to \(PathExplanation.name(to, in: network)): "
                + PathExplanation.reason(reason, from: from, to: to, in: network)
            switch reason {
            case .viewSeparates, .outsideView:
                let active = view.describeActive()
                if !active.isEmpty { m += " (view: " + active + ")" }
            case .direction: m += "; without --follow-direction ties are walked both ways"
            case .tooManyHops: m += "; raise --max-hops"
            case .nodeConstraints, .via: if !constraints.isEmpty { m += " (" + constraints + ")" }
            default: break
            }
            printError(m)
            throw ExitCode(1)
        case let .searchLimitReached(n):
            printError("gave up after examining \(n) candidate paths in order of length; narrow the search (fewer --via nodes, --max-hops, --avoid, or a smaller view)")
            throw ExitCode(1)
        case .unknownNode, .ambiguousNode, .invalidConstraint:
            printError(e.description)
            throw ExitCode(ExitStatus.usage)
        }
    } catch let e as UsageError {
        printError(e.message)
        throw ExitCode(ExitStatus.usage)
    } catch let e as ViewError {
        printError(e.description)
        throw ExitCode(ExitStatus.usage)
    }
}

extension ViewOptions {
    /// The view options given, as typed.
    func describeActive() -> String {
        var parts: [String] = []
        if let relations { parts.append("--relations \(relations)") }
        if let kinds { parts.append("--kinds \(kinds)") }
        if let at { parts.append("--at \(at)") }
        if let from { parts.append("--from \(from)") }
        if let until { parts.append("--until \(until)") }
        return parts.joined(separator: " ")
    }
}

/// The JSON shape of issue 4: node ids as strings, paths in order.
func pathJSON(from: NodeID, to: NodeID, paths: [Path], network: Network) -> String {
    func num(_ d: Double?) -> OutputValue { d.map(OutputValue.number) ?? .null }
    let items: [OutputValue] = paths.map { p in
        .mapping([
            ("nodes", .list(p.nodes.map { .string($0.rawValue) }, inline: true)),
            ("edges", .list(p.edges.map { hop in
                let e = network.edges[hop.edgeIndex]
                return .mapping([("from", .string(e.from.rawValue)), ("to", .string(e.to.rawValue)), ("relation", .string(e.relation.id)),
                                 ("traversed", .string(hop.traversed.rawValue)), ("weight", num(hop.weight ?? e.weight)),
                                 ("sources", .list(e.sources.map(OutputValue.string), inline: true))])
            }, inline: false)),
            ("hops", .integer(p.hops)), ("length", num(p.length)), ("bottleneck", num(p.bottleneck)),
        ])
    }
    return JSONWriter.write(.mapping([("from", .string(from.rawValue)), ("to", .string(to.rawValue)), ("paths", .list(items, inline: false))]))
}

/// The view's network in Graphviz DOT (the Graphviz module's styling), the paths' nodes and
/// edges highlighted.
func pathDOT(_ finder: PathFinder, paths: [Path], title: String) -> String {
    var encoder = DOTEncoder()
    encoder.title = title
    encoder.highlightedNodes = Set(paths.flatMap(\.nodes))
    encoder.highlightedEdges = Set(paths.flatMap { $0.edges.map(\.edgeIndex) })
    let edges = Set(finder.viewed.arcs.map(\.edgeIndex)).sorted()
    return encoder.encode(finder.network, nodes: finder.viewed.networkIndices, edges: edges)
}
