import ArgumentParser
import Foundation
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

/// How nodes of two files are matched, for `merge` and `diff`.
struct MatchOptions: ParsableArguments {
    enum Matching: String, ExpressibleByArgument, CaseIterable { case id, name }

    @Option(help: "Match nodes by id only, or by id then name (label, original name, aliases; case, diacritics, punctuation and company suffixes ignored). Default: name.")
    var match: Matching = .name

    @Option(help: "A CSV file with columns from,to (other columns ignored): the node with id 'from' (in any input) is the node 'to'. It wins over every other match; `duplicates --map` writes one.")
    var map: String?

    /// The map's entries; errors name the file and line.
    func loadMap() throws -> [String: String] {
        guard let map else { return [:] }
        let text = try NetworkFile.decodeText(try NetworkFile.readData(map), file: map)
        let records = try CSVParser.parse(text, file: map)
        guard let header = records.first else { throw FormatError("the map is empty; it needs a header from,to", at: SourceLocation(file: map)) }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let from = names.firstIndex(of: "from"), let to = names.firstIndex(of: "to") else {
            throw FormatError("the map's header must name the columns 'from' and 'to' (found: \(header.fields.joined(separator: ", ")))", at: SourceLocation(file: map, line: header.line))
        }
        var out: [String: String] = [:]
        for r in records.dropFirst() {
            if r.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard r.fields.count > max(from, to) else {
                throw FormatError("the row has \(r.fields.count) fields; 'from' and 'to' are columns \(from + 1) and \(to + 1)", at: SourceLocation(file: map, line: r.line))
            }
            let a = r.fields[from].trimmingCharacters(in: .whitespaces), b = r.fields[to].trimmingCharacters(in: .whitespaces)
            guard !a.isEmpty, !b.isEmpty else { throw FormatError("'from' and 'to' must both be ids", at: SourceLocation(file: map, line: r.line)) }
            if let earlier = out[a], earlier != b {
                throw FormatError("'\(a)' is mapped twice, to '\(earlier)' and to '\(b)'", at: SourceLocation(file: map, line: r.line))
            }
            if a != b { out[a] = b }
        }
        return out
    }
}

/// Loads one of several input files as the main argument would be loaded.
func loadInput(_ path: String) throws -> Network {
    try InputOptions.parse([path]).load()
}

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine networks from several files into one, keeping every source and reporting every conflict.",
        discussion: """
        Files are merged in order; the first is the base. A node of a later file is the node the \
        --map gives it, else the node with its id, else (with --match name, the default) the \
        node sharing one of its names — id, label, original name or aliases, compared without \
        case, diacritics, punctuation and company suffixes (AS, ASA, A/S, Oy, Ab, Ltd, GmbH, …). \
        A name shared by several nodes decides nothing: the node stays apart and is listed. An \
        edge is the same tie as one already merged with the same ends and relation (the one \
        with the same dates, else one without dates). Empty fields are filled; a field stated \
        differently is a conflict: the first file's value is kept (--prefer FILE: that file's), \
        the other is reported with its file, and a different label or original name is kept as \
        an alias. Sources are united, so every node and edge cites every source that stated it.

        One file with a --map folds the duplicates the map names (as `duplicates --map` writes \
        it) into the nodes they map to.

        The summary and the conflicts go to standard output (to standard error with -o -); \
        --conflicts FILE.csv writes the conflicts as a table.
        Examples:
          partnergraph merge Examples/merge/article.yaml Examples/merge/programme-office -o merged.yaml --conflicts conflicts.csv
          partnergraph merge a.yaml b.graphml --match id --prefer b.graphml --conflicts conflicts.csv -o merged.yaml
        """)

    @Argument(help: "The files to merge, in order (any readable format; a folder with edges.csv and nodes.csv for CSV).") var files: [String]
    @OptionGroup var matching: MatchOptions
    @Option(help: "The file whose values win conflicts (one of the files).") var prefer: String?
    @Option(help: "Write the conflicts to this CSV file (element, field, kept, kept from, other, other from, note).") var conflicts: String?
    @Option(name: .shortAndLong, help: "The merged network (format from the extension, or --to).") var output: String
    @Option(help: "Output format: yaml, json, csv, graphml, gexf, gml, node-link, pajek, edgelist or dot (default: from -o).") var to: NetworkOutputFormat?
    @Option(help: "With csv written to a file: the node table's file.") var nodesOutput: String?

    func run() throws {
        try reportingErrors {
            guard files.count >= 2 || (files.count == 1 && matching.map != nil) else {
                throw UsageError("merge needs at least two files, or one file and a --map that folds its duplicates")
            }
            var preferred: Int?
            if let prefer {
                guard let i = files.firstIndex(of: prefer) else {
                    throw UsageError("--prefer '\(prefer)' is not one of the files to merge (\(files.joined(separator: ", ")))")
                }
                preferred = i
            }
            let target = try NetworkOutputTarget(output: output, to: to, nodesOutput: nodesOutput)
            let map = try matching.loadMap()
            let inputs = try files.map { NetworkMerge.Input(name: $0, network: try loadInput($0)) }
            let merger = NetworkMerge(matchByName: matching.match == .name, map: map, preferred: preferred)
            let (merged, report) = merger.merge(inputs)
            let problems = merged.validate()
            if !problems.isEmpty {
                for p in problems { printError("merged network: \(p.description)") }
                throw ExitCode(ExitStatus.dataError)
            }
            if let conflicts {
                var csv = CSVWriter.row(["element", "field", "kept", "kept from", "other", "other from", "note"])
                for c in report.conflicts { csv += CSVWriter.row([c.element, c.field, c.kept, c.keptFrom, c.other, c.otherFrom, c.note ?? ""]) }
                try writeBytes(Array(csv.utf8), to: conflicts)
            }
            try target.write(merged)
            let text = summary(report, merged: merged, inputs: inputs)
            if target.isStandardOutput { writeError(text) } else { writeOutput(text) }
        }
    }

    func summary(_ r: NetworkMerge.Report, merged: Network, inputs: [NetworkMerge.Input]) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var out = "merged \(inputs.count) file\(inputs.count == 1 ? "" : "s") into \(count(merged.nodes.count, "node")) and \(count(merged.edges.count, "edge"))\n"
        for (k, input) in inputs.enumerated() {
            let m = r.nodeMappings.filter { $0.input == k }
            let by = { (how: NodeMatcher.How?) in m.filter { $0.how == how }.count }
            out += "  \(input.name): \(count(input.network.nodes.count, "node")), \(count(input.network.edges.count, "edge"))"
            if k > 0 { out += "; nodes matched by the map \(by(.map)), by id \(by(.id)), by name \(by(.name)), new \(by(nil))" }
            out += "\n"
        }
        out += "  edges stated again: \(r.edgesMatched); new from later files: \(r.edgesAdded)\n"
        for m in r.nodeMappings where m.how == .name || (m.how == .map && m.id != m.mergedID) {
            out += "  \(inputs[m.input].name): '\(m.id)' is '\(m.mergedID)' (by \(m.how!.rawValue))\n"
        }
        for a in r.ambiguous {
            out += "  \(inputs[a.input].name): '\(a.id)' shares a name with \(a.candidates.map { "'\($0)'" }.joined(separator: " and ")); kept apart (add it to a --map)\n"
        }
        if !r.unusedMapEntries.isEmpty {
            out += "  map entries no file has: \(r.unusedMapEntries.joined(separator: ", "))\n"
        }
        out += r.conflicts.isEmpty ? "no conflicts\n" : "\(count(r.conflicts.count, "conflict")):\n" + r.conflicts.map { "  \($0.description)\n" }.joined()
        return out
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two versions of a network: nodes, edges and attributes, and how the headline figures moved.",
        discussion: """
        Nodes are matched as merge matches them (--map, id, then names unless --match id), so a \
        renamed organisation is a changed node. Edges are matched by their ends, relation and \
        dates. Listed: what was added, removed and changed (each field old → new), with \
        sources; then the headline figures of both versions: nodes, edges, density, components \
        and the five most central actors by betweenness (the whole network, ties walked both ways).

        Exit status: 0 when the networks are the same, 1 when they differ. --format json gives \
        the same for a program.
        Examples:
          partnergraph diff Graphs/nordic-innovation-procurement.yaml merged.yaml
          partnergraph diff old.yaml new.graphml --format json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The earlier version.") var old: String
    @Argument(help: "The later version.") var new: String
    @OptionGroup var matching: MatchOptions
    @Option(help: "Output format: text or json.") var format: Format = .text

    struct Headline {
        var nodes: Int, edges: Int, density: Double, components: Int
        var top: [(id: String, value: Double)]
    }

    static func headline(_ n: Network) throws -> Headline {
        var view = View()
        view.direction = .undirected
        let viewed = try n.viewed(through: view)
        let g = CompactGraph(viewed, weightIsDistance: false)
        let s = structureSummary(g)
        let b = try betweennessCentrality(g, weighted: false)
        let order = b.indices.sorted { (b[$0], -$0) > (b[$1], -$1) }.prefix(5)
        return Headline(nodes: s.nodes, edges: s.edges, density: s.density, components: s.components,
                        top: order.map { (viewed.nodeIDs[$0].rawValue, b[$0]) })
    }

    func run() throws {
        try reportingErrors {
            let map = try matching.loadMap()
            let a = try loadInput(old), b = try loadInput(new)
            let diff = NetworkDiff(old: a, new: b, matchByName: matching.match == .name, map: map)
            let ha = try Self.headline(a), hb = try Self.headline(b)
            switch format {
            case .text: writeOutput(text(diff, a, b, ha, hb))
            case .json: writeOutput(JSONWriter.write(json(diff, a, b, ha, hb)))
            }
            if !diff.isEmpty { throw ExitCode(1) }
        }
    }

    func edgeText(_ e: Edge, _ i: Int) -> String {
        var s = "edge \(i + 1): \(e.from) \(e.relation.verb) \(e.to)"
        if let d = PathExplanation.datePhrase(since: e.since, until: e.until) { s += " (\(d))" }
        if !e.sources.isEmpty { s += "; sources: " + e.sources.joined(separator: ", ") }
        return s
    }

    func fieldText(_ f: NetworkDiff.FieldChange) -> String { "\(f.field): \(f.old ?? "(none)") → \(f.new ?? "(none)")" }

    func text(_ d: NetworkDiff, _ a: Network, _ b: Network, _ ha: Headline, _ hb: Headline) -> String {
        var out = ""
        if d.isEmpty { out += "\(old) and \(new) hold the same network\n" }
        for f in d.networkChanges { out += "~ network \(fieldText(f))\n" }
        for j in d.nodesAdded {
            let n = b.nodes[j]
            out += "+ node '\(n.id)' (\(n.kind.id)\(n.label.map { ", \($0)" } ?? ""))" + (n.sources.isEmpty ? "" : "; sources: " + n.sources.joined(separator: ", ")) + "\n"
        }
        for i in d.nodesRemoved {
            let n = a.nodes[i]
            out += "- node '\(n.id)' (\(n.kind.id)\(n.label.map { ", \($0)" } ?? ""))" + (n.sources.isEmpty ? "" : "; sources: " + n.sources.joined(separator: ", ")) + "\n"
        }
        for c in d.nodesChanged {
            out += "~ node '\(c.newID)'" + (c.oldID != c.newID ? " (was '\(c.oldID)', matched by \(c.how.rawValue))" : "") + "\n"
            for f in c.fields where f.field != "id" { out += "    \(fieldText(f))\n" }
        }
        for j in d.edgesAdded { out += "+ " + edgeText(b.edges[j], j) + "\n" }
        for i in d.edgesRemoved { out += "- " + edgeText(a.edges[i], i) + "\n" }
        for c in d.edgesChanged {
            out += "~ " + edgeText(b.edges[c.newIndex], c.newIndex) + "\n"
            for f in c.fields { out += "    \(fieldText(f))\n" }
        }
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        if !d.isEmpty {
            out += "\(count(d.nodesAdded.count, "node")) added, \(d.nodesRemoved.count) removed, \(d.nodesChanged.count) changed; "
                + "\(count(d.edgesAdded.count, "edge")) added, \(d.edgesRemoved.count) removed, \(d.edgesChanged.count) changed\n"
        }
        out += "\nheadline figures (ties walked both ways)\n"
        var t = Table(header: ["figure", old, new], numericColumns: [])
        t.rows.append(["nodes", "\(ha.nodes)", "\(hb.nodes)"])
        t.rows.append(["edges", "\(ha.edges)", "\(hb.edges)"])
        t.rows.append(["density", formatNumber(ha.density), formatNumber(hb.density)])
        t.rows.append(["components", "\(ha.components)", "\(hb.components)"])
        for k in 0..<max(ha.top.count, hb.top.count) {
            func cell(_ h: Headline) -> String { k < h.top.count ? "\(h.top[k].id) \(formatNumber(h.top[k].value))" : "" }
            t.rows.append(["betweenness #\(k + 1)", cell(ha), cell(hb)])
        }
        return out + t.text()
    }

    func json(_ d: NetworkDiff, _ a: Network, _ b: Network, _ ha: Headline, _ hb: Headline) -> OutputValue {
        func fields(_ l: [NetworkDiff.FieldChange]) -> OutputValue {
            .list(l.map { f in .mapping([("field", .string(f.field)), ("old", f.old.map(OutputValue.string) ?? .null), ("new", f.new.map(OutputValue.string) ?? .null)]) }, inline: false)
        }
        func node(_ n: Node) -> OutputValue {
            .mapping([("id", .string(n.id.rawValue)), ("kind", .string(n.kind.id)), ("label", n.label.map(OutputValue.string) ?? .null),
                      ("sources", .list(n.sources.map { .string($0) }, inline: true))])
        }
        func edge(_ e: Edge, _ i: Int) -> OutputValue {
            .mapping([("edge", .integer(i + 1)), ("from", .string(e.from.rawValue)), ("to", .string(e.to.rawValue)), ("relation", .string(e.relation.id)),
                      ("since", e.since.map { .string($0.description) } ?? .null), ("until", e.until.map { .string($0.description) } ?? .null),
                      ("sources", .list(e.sources.map { .string($0) }, inline: true))])
        }
        func headline(_ h: Headline) -> OutputValue {
            .mapping([("nodes", .integer(h.nodes)), ("edges", .integer(h.edges)), ("density", .number(h.density)), ("components", .integer(h.components)),
                      ("topBetweenness", .list(h.top.map { .mapping([("id", .string($0.id)), ("value", .number($0.value))]) }, inline: false))])
        }
        return .mapping([
            ("same", .boolean(d.isEmpty)),
            ("network", fields(d.networkChanges)),
            ("nodesAdded", .list(d.nodesAdded.map { node(b.nodes[$0]) }, inline: false)),
            ("nodesRemoved", .list(d.nodesRemoved.map { node(a.nodes[$0]) }, inline: false)),
            ("nodesChanged", .list(d.nodesChanged.map { c in
                .mapping([("old", .string(c.oldID.rawValue)), ("new", .string(c.newID.rawValue)), ("matchedBy", .string(c.how.rawValue)), ("fields", fields(c.fields))])
            }, inline: false)),
            ("edgesAdded", .list(d.edgesAdded.map { edge(b.edges[$0], $0) }, inline: false)),
            ("edgesRemoved", .list(d.edgesRemoved.map { edge(a.edges[$0], $0) }, inline: false)),
            ("edgesChanged", .list(d.edgesChanged.map { c in
                .mapping([("old", .integer(c.oldIndex + 1)), ("new", .integer(c.newIndex + 1)), ("fields", fields(c.fields))])
            }, inline: false)),
            ("headline", .mapping([("old", headline(ha)), ("new", headline(hb))])),
        ])
    }
}

struct DuplicatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: "Nodes that are probably the same actor, ranked with the reasons, as a map for merge.",
        discussion: """
        Candidates: the same name (case, diacritics, punctuation and company suffixes ignored), \
        one name the other's acronym (in brackets, "Leverandørutviklingsprogrammet (LUP)" ~ \
        "LUP", or its initials), or names a few edits apart; scored up for the same kind and \
        country and for shared partners, down for different countries. Found by blocking \
        (shared names, acronyms, the first and last four letters), not by comparing every pair.

        --map FILE.csv writes from,to,score,reason: edit it (delete the rows that are not \
        duplicates) and give it to `merge --map`, with the file merged with itself or others.
        Examples:
          partnergraph duplicates Examples/merge/article.yaml
          partnergraph duplicates big.csv --nodes nodes.csv --min-score 0.8 --map map.csv
        """)

    @OptionGroup var input: InputOptions
    @Option(parsing: .unconditional, help: "The least score a pair needs (0 to 1, default 0.5).") var minScore: Double = 0.5
    @Option(parsing: .unconditional, help: "Only the N best pairs.") var top: Int?
    @Option(help: "Write the pairs as a map for merge: from (the duplicate), to (the node to keep), score, reason.") var map: String?
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var csvOutput: CSVOutputOptions

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            try Checks.between(minScore, 0, 1, open: false, "--min-score")
            try Checks.atLeast(top, 1, "--top")
            let network = try input.load()
            var pairs = DuplicateFinder(minimumScore: minScore).candidates(in: network)
            if let top { pairs = Array(pairs.prefix(top)) }
            let nodes = network.nodes
            if let map {
                var csv = CSVWriter.row(["from", "to", "score", "reason"])
                for p in pairs { csv += CSVWriter.row([nodes[p.duplicate].id.rawValue, nodes[p.keep].id.rawValue, String(format: "%.2f", p.score), p.reasons.joined(separator: "; ")]) }
                try writeBytes(Array(csv.utf8), to: map)
            }
            switch format {
            case .table:
                if pairs.isEmpty { writeOutput("no likely duplicates (score at least \(formatNumber(minScore)))\n"); return }
                var t = Table(header: ["score", "keep", "duplicate", "why"], numericColumns: [0])
                for p in pairs {
                    t.rows.append([String(format: "%.2f", p.score), "\(nodes[p.keep].displayName) (\(nodes[p.keep].id))",
                                   "\(nodes[p.duplicate].displayName) (\(nodes[p.duplicate].id))", p.reasons.joined(separator: "; ")])
                }
                writeOutput(t.text())
            case .csv:
                var csv = CSVWriter.row(["keep", "duplicate", "score", "reason"])
                for p in pairs { csv += CSVWriter.row([nodes[p.keep].id.rawValue, nodes[p.duplicate].id.rawValue, formatNumber(p.score), p.reasons.joined(separator: "; ")]) }
                writeOutput(csv)
            case .json:
                writeOutput(JSONWriter.write(.list(pairs.map { p in
                    .mapping([("keep", .string(nodes[p.keep].id.rawValue)), ("duplicate", .string(nodes[p.duplicate].id.rawValue)),
                              ("score", .number(p.score)), ("reasons", .list(p.reasons.map { .string($0) }, inline: false))])
                }, inline: false)))
            }
        }
    }
}
