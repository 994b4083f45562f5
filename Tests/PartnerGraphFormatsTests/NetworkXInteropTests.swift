import Foundation
import Testing
import PartnerGraphTestSupport
import PartnerGraph
@testable import PartnerGraphFormats

/// Files NetworkX writes are read right, and files we write are read by NetworkX with the same
/// content. Runs scripts/networkx_interop.py; skipped (with a message) without python3 + networkx.
@Suite(.needs(.networkx))
struct NetworkXInteropTests {
    enum Format: String, CaseIterable, Sendable {
        case graphml, gexf, gexf13, gml, nodeLink = "node-link", pajek, edgelist

        var file: String {
            switch self {
            case .graphml: return "g.graphml"
            case .gexf, .gexf13: return "g.gexf"
            case .gml: return "g.gml"
            case .nodeLink: return "g.json"
            case .pajek: return "g.net"
            case .edgelist: return "g.edgelist"
            }
        }

        func read(_ text: String) throws -> Network {
            switch self {
            case .graphml: return try GraphMLDecoder().decode(text, file: file)
            case .gexf, .gexf13: return try GEXFDecoder().decode(text, file: file)
            case .gml: return try GMLDecoder().decode(text, file: file)
            case .nodeLink: return try NodeLinkDecoder().decode(text, file: file)
            case .pajek: return try PajekDecoder().decode(text, file: file)
            case .edgelist: return try EdgeListDecoder().decode(text, file: file)
            }
        }

        func write(_ n: Network) throws -> String {
            switch self {
            case .graphml: return try GraphMLEncoder().encode(n).text
            case .gexf, .gexf13: return try GEXFEncoder().encode(n).text
            case .gml: return try GMLEncoder().encode(n).text
            case .nodeLink: return try NodeLinkEncoder().encode(n).text
            case .pajek: return try PajekEncoder().encode(n).text
            case .edgelist: return try EdgeListEncoder().encode(n).text
            }
        }
    }

    static func canon(_ v: AttributeValue, dates: (PartialDate) -> Canon, lists: ([AttributeValue]) -> Canon) -> Canon {
        switch v {
        case .string(let s): return .string(s)
        case .integer(let i): return .int(i)
        case .number(let d): return .float(d)
        case .boolean(let b): return .bool(b)
        case .date(let d): return dates(d)
        case .list(let items): return lists(items)
        }
    }

    static func canon(_ o: OutputValue) -> Canon {
        switch o {
        case .string(let s): return .string(s)
        case .integer(let i): return .int(i)
        case .unsigned(let u): return u <= UInt64(Int.max) ? .int(Int(u)) : .float(Double(u))
        case .number(let d): return .float(d)
        case .boolean(let b): return .bool(b)
        case .null: return .null
        case .list(let items, _): return .list(items.map(canon))
        case .mapping(let pairs): return .dict(Dictionary(pairs.map { ($0.0, canon($0.1)) }, uniquingKeysWith: { $1 }))
        }
    }

    static func summary(directed: Bool, graph: [String: Canon], header: Bool, nodes: [String: Canon], edges: [(String, String, [String: Canon])]) -> String {
        let sortedEdges = edges.map { e -> Canon in
            var (a, b) = (e.0, e.1)
            if !directed && b.unicodeScalars.lexicographicallyPrecedes(a.unicodeScalars) { swap(&a, &b) }
            return .list([.string(a), .string(b), .dict(e.2)])
        }.sorted { $0.json.unicodeScalars.lexicographicallyPrecedes($1.json.unicodeScalars) }
        return Canon.dict(["directed": .bool(directed), "graph": .dict(graph), "header": .bool(header), "nodes": .dict(nodes), "edges": .list(sortedEdges)]).json
    }

    /// How NetworkX sees a file of ours in `format`.
    static func networkxView(_ n: Network, _ format: Format) -> String {
        // NetworkX's read_pajek starts from a directed multigraph: a file without edges stays directed.
        let directed = Interchange.isDirected(n) || (format == .pajek && n.edges.isEmpty)
        var graph: [String: Canon] = [:]
        var header = false
        switch format {
        case .graphml, .gml, .nodeLink:
            if let v = n.name { graph["name"] = .string(v) }
            if let v = n.description { graph["description"] = .string(v) }
            header = format != .graphml || Interchange.headerJSON(n) != nil
        case .gexf, .gexf13:
            if let v = n.name { graph["name"] = .string(v) }
        case .pajek:
            if let v = n.name {
                let line = Interchange.fields(v) { $0 == "\n" || $0 == "\r" }.joined(separator: " ").stripping(" \t")
                if !line.isEmpty { graph["name"] = .string(line) }
            }
        case .edgelist: break
        }
        let text: (AttributeValue) -> Canon = { v in canon(v, dates: { .string($0.description) }, lists: { .string(Interchange.json(.list($0))) }) }
        func json(_ v: AttributeValue) -> Canon { canon(v, dates: { .dict(["date": .string($0.description)]) }, lists: { .list($0.map(json)) }) }
        func gml(_ v: AttributeValue) -> Canon {
            switch v {
            case .string(let s) where s == "[]" || s == "()": return .list([])
            case .boolean(let b): return .dict(["boolean": .int(b ? 1 : 0)])
            case .date(let d): return .dict(["date": .string(d.description)])
            case .list(let items):
                let plain = !items.isEmpty && items.allSatisfy { if case .integer = $0 { return true }; if case .number = $0 { return true }; if case .string(let s) = $0 { return s != "_networkx_list_start" }; return false }
                // NetworkX's read_gml turns the string "[]" into an empty list, also inside a record.
                return plain ? .list(items.map(gml)) : .dict(["list": items.isEmpty ? .list([]) : .string(Interchange.json(v))])
            default: return canon(v, dates: { _ in .string("") }, lists: { _ in .string("") })
            }
        }
        let nodeRen: [String: String], edgeRen: [String: String]
        switch format {
        case .gml:
            nodeRen = Dictionary(uniqueKeysWithValues: Interchange.renaming(n.nodes.flatMap { $0.attributes.keys }, reserved: GMLEncoder.nodeReserved, allowed: GMLEncoder.validKey, sanitize: GMLEncoder.sanitize))
            edgeRen = Dictionary(uniqueKeysWithValues: Interchange.renaming(n.edges.flatMap { $0.attributes.keys }, reserved: GMLEncoder.edgeReserved, allowed: GMLEncoder.validKey, sanitize: GMLEncoder.sanitize))
        case .nodeLink:
            nodeRen = Dictionary(uniqueKeysWithValues: Interchange.renaming(n.nodes.flatMap { $0.attributes.keys }, reserved: NodeLinkEncoder.nodeReserved, allowed: { _ in true }, sanitize: { "attr." + $0 }))
            edgeRen = Dictionary(uniqueKeysWithValues: Interchange.renaming(n.edges.flatMap { $0.attributes.keys }, reserved: NodeLinkEncoder.edgeReserved, allowed: { _ in true }, sanitize: { "attr." + $0 }))
        default: (nodeRen, edgeRen) = ([:], [:])
        }
        var touched: Set<NodeID> = []
        for e in n.edges { touched.insert(e.from); touched.insert(e.to) }
        /// A day `yyyymmdd` as xsd:date, as GEXF's start and end are written.
        func day(_ x: Int) -> String { String(format: "%04d-%02d-%02d", x / 10000, x / 100 % 100, x % 100) }
        var nodes: [String: Canon] = [:]
        for node in n.nodes {
            var d: [String: Canon] = [:]
            let value: (AttributeValue) -> Canon
            switch format {
            case .graphml, .gexf, .gexf13: value = text
            case .gml: value = gml
            case .nodeLink: value = json
            case .pajek, .edgelist: value = { _ in .string("") }
            }
            if format == .edgelist && !touched.contains(node.id) { continue }
            if format != .pajek && format != .edgelist {
                for (k, v) in node.attributes { d[nodeRen[k] ?? k] = value(v) }
                d["kind"] = .string(node.kind.id)
                if let v = node.label { d[format == .gml ? "name" : "label"] = .string(v) }
                if let v = node.originalName { d["originalName"] = .string(v) }
                if !node.aliases.isEmpty {
                    switch format {
                    // read_gml gives the repeated keys as a list (each name read as any GML string: "[]" becomes []).
                    case .gml: d["aliases"] = .list(node.aliases.map { gml(.string($0)) })
                    case .nodeLink: d["aliases"] = .list(node.aliases.map { .string($0) })
                    default: d["aliases"] = .string(Interchange.json(strings: node.aliases))
                    }
                }
                if let v = node.country { d["country"] = .string(v) }
                if let s = node.since { d["since"] = .string(s.description) }
                if let u = node.until { d["until"] = .string(u.description) }
                if !node.sources.isEmpty { d["sources"] = format == .nodeLink ? .list(node.sources.map { .string($0) }) : .string(Interchange.json(strings: node.sources)) }
                if format == .gexf || format == .gexf13 {
                    // read_gexf keeps a node's start/end (its lifetime in Gephi's timeline) as attributes.
                    if let s = node.since { d["start"] = .string(day(s.firstDay)) }
                    if let u = node.until { d["end"] = .string(day(u.lastDay)) }
                }
            }
            nodes[node.id.rawValue] = .dict(d)
        }
        var edges: [(String, String, [String: Canon])] = []
        for e in n.edges {
            var d: [String: Canon] = [:]
            if let w = e.weight { d["weight"] = .float(w) }
            if format != .pajek && format != .edgelist {
                let value: (AttributeValue) -> Canon = format == .gml ? gml : format == .nodeLink ? json : text
                for (k, v) in e.attributes { d[edgeRen[k] ?? k] = value(v) }
                d["relation"] = .string(e.relation.id)
                if let s = e.since { d["since"] = .string(s.description) }
                if let u = e.until { d["until"] = .string(u.description) }
                if !e.sources.isEmpty { d["sources"] = format == .nodeLink ? .list(e.sources.map { .string($0) }) : .string(Interchange.json(strings: e.sources)) }
                if format == .gexf || format == .gexf13 {
                    if let s = e.since { d["start"] = .string(day(s.firstDay)) }
                    if let u = e.until { d["end"] = .string(day(u.lastDay)) }
                }
            }
            edges.append((e.from.rawValue, e.to.rawValue, d))
        }
        return summary(directed: directed, graph: graph, header: header, nodes: nodes, edges: edges)
    }

    /// How a network looks once written by NetworkX from `spec` and read back by our reader, in
    /// NetworkX's terms (what the foreign-file conventions make of it).
    static func foreignView(_ n: Network, _ format: Format) -> String {
        var graph: [String: Canon] = [:]
        if let v = n.name { graph["name"] = .string(v) }
        func plain(_ v: AttributeValue) -> Canon { canon(v, dates: { .string($0.description) }, lists: { .list($0.map(plain)) }) }
        var nodes: [String: Canon] = [:]
        let defaults: Set<String> = ["connected-to", "points-to", "connected-with"]
        for node in n.nodes {
            var d: [String: Canon] = [:]
            for (k, v) in node.attributes { d[k] = plain(v) }
            if node.kind.id != "node" { d["kind"] = .string(node.kind.id) }
            if let v = node.label { d["label"] = .string(v) }
            if let v = node.originalName { d["originalName"] = .string(v) }
            if let v = node.country { d["country"] = .string(v) }
            if !node.aliases.isEmpty { d["aliases"] = .list(node.aliases.map { .string($0) }) }
            nodes[node.id.rawValue] = .dict(d)
        }
        let edges = n.edges.map { e -> (String, String, [String: Canon]) in
            var d: [String: Canon] = [:]
            for (k, v) in e.attributes { d[k] = plain(v) }
            if !defaults.contains(e.relation.id) { d["relation"] = .string(e.relation.id) }
            if let w = e.weight { d["weight"] = .float(w) }
            if let s = e.since { d["since"] = .string(s.description) }
            if let u = e.until { d["until"] = .string(u.description) }
            return (e.from.rawValue, e.to.rawValue, d)
        }
        return summary(directed: Interchange.isDirected(n), graph: format == .pajek || format == .edgelist ? [:] : graph, header: false, nodes: nodes, edges: edges)
    }

    /// A NetworkX graph (as the checker's JSON spec) holding what a foreign tool would: fields
    /// as plain attributes, dates as text, lists as JSON text; aliases as a list where NetworkX
    /// can write one (GML, node-link JSON), else as JSON text (read back as a text attribute).
    static func spec(_ n: Network, _ format: Format) -> String {
        func plain(_ v: AttributeValue) -> Canon { canon(v, dates: { .string($0.description) }, lists: { .string(Interchange.json(.list($0))) }) }
        let nodes: [Canon] = n.nodes.map { node in
            var d: [String: Canon] = [:]
            for (k, v) in node.attributes {
                if format == .pajek, case .string(let s) = v, !s.isEmpty, !s.contains(" ") { d[k] = .string(s) } else if format != .pajek { d[k] = plain(v) }
            }
            d["kind"] = .string(node.kind.id)
            if format != .gml, let v = node.label { d["label"] = .string(v) }
            if format != .pajek {
                if let v = node.originalName { d["originalName"] = .string(v) }
                if let v = node.country { d["country"] = .string(v) }
                if !node.aliases.isEmpty {
                    d["aliases"] = format == .gml || format == .nodeLink ? .list(node.aliases.map { .string($0) }) : .string(Interchange.json(strings: node.aliases))
                }
            }
            return .list([.string(node.id.rawValue), .dict(d)])
        }
        let edges: [Canon] = n.edges.map { e in
            var d: [String: Canon] = [:]
            for (k, v) in e.attributes where format != .pajek { d[k] = plain(v) }
            d["relation"] = .string(e.relation.id)
            if let w = e.weight { d["weight"] = .float(w) }
            if format != .pajek {
                if let s = e.since { d["since"] = .string(s.description) }
                if let u = e.until { d["until"] = .string(u.description) }
            }
            return .list([.string(e.from.rawValue), .string(e.to.rawValue), .dict(d)])
        }
        var graph: [String: Canon] = [:]
        if let v = n.name { graph["name"] = .string(v) }
        return Canon.dict(["directed": .bool(Interchange.isDirected(n)), "multigraph": .bool(Interchange.hasParallelEdges(n)),
                           "graph": .dict(graph), "nodes": .list(nodes), "edges": .list(edges)]).json
    }

    /// Where two summaries first differ, with some context.
    static func difference(_ a: String, _ b: String) -> String {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        var i = 0
        while i < x.count && i < y.count && x[i] == y[i] { i += 1 }
        func around(_ s: [Unicode.Scalar]) -> String { String(String.UnicodeScalarView(s[max(0, i - 120)..<min(s.count, i + 120)])) }
        return "first difference at \(i):\n  NetworkX: …\(around(x))…\n  expected: …\(around(y))…"
    }

    static func networks(_ format: Format) -> [(String, Network)] {
        var out = interchangeGraphs.map { ($0, try! loadGraph($0)) }
        // Dated nodes and edges, partial dates among them: GEXF's start/end are their first and last days.
        out.append(("dated nodes and edges", NodeDateInterchangeTests.dated()))
        out.append(("nodes with aliases", NodeAliasInterchangeTests.aliased()))
        for seed in UInt64(500)...511 {
            var gen = RandomNetworks(seed: seed, lineSafeIDs: format == .pajek || format == .edgelist)
            gen.interopSafeNames = true
            out.append(("random seed \(seed)", gen.network()))
        }
        return out
    }

    @Test(arguments: Format.allCases) func networkXReadsOurFiles(format: Format) throws {
        var files: [String] = []
        let networks = NetworkXInteropTests.networks(format).filter { format != .edgelist || !Interchange.mixesDirections($0.1) }
        for (k, (_, n)) in networks.enumerated() {
            let file = temporaryFile("ours-\(k)-\(format.rawValue)-\(format.file)")
            try format.write(n).write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        let lines = try runInterop(["read", format.rawValue] + files).split(separator: "\n").map(String.init)
        #expect(lines.count == networks.count)
        for ((name, n), theirs) in zip(networks, lines) {
            let expected = NetworkXInteropTests.networkxView(n, format)
            #expect(theirs == expected, "\(name) as \(format.rawValue): \(NetworkXInteropTests.difference(theirs, expected))")
        }
    }

    @Test(arguments: Format.allCases) func weReadNetworkXFiles(format: Format) throws {
        var arguments: [String] = []
        var files: [URL] = []
        // NetworkX's own edge list cannot hold ids with spaces (it splits lines on whitespace).
        let networks = (interchangeGraphs.map { ($0, try! loadGraph($0)) } + [("nodes with aliases", NodeAliasInterchangeTests.aliased())])
            .filter { format != .edgelist || !$0.1.nodes.contains { $0.id.rawValue.contains(" ") } }
        for (k, (_, original)) in networks.enumerated() {
            var n = original
            if format == .edgelist {
                // An edge list holds no kinds, labels or attributes: start from a network without them.
                var bare = Network()
                for node in n.nodes { bare.addNode(Node(id: node.id, kind: Interchange.defaultKind)) }
                for e in n.edges { bare.addEdge(Edge(from: e.from, to: e.to, relation: Relation("connected-to", directed: false, verb: "is connected to"), weight: e.weight)) }
                n = bare
            }
            let specFile = temporaryFile("spec-\(k)-\(format.rawValue).json")
            try NetworkXInteropTests.spec(n, format).write(to: specFile, atomically: true, encoding: .utf8)
            let file = temporaryFile("theirs-\(k)-\(format.rawValue)-\(format.file)")
            arguments += [specFile.path, file.path]
            files.append(file)
        }
        let lines = try runInterop(["write", format.rawValue] + arguments).split(separator: "\n").map(String.init)
        #expect(lines.count == networks.count)
        for ((name, _), (file, networkxOwnReading)) in zip(networks, zip(files, lines)) {
            let ours = try format.read(String(contentsOf: file, encoding: .utf8))
            let mine = NetworkXInteropTests.foreignView(ours, format)
            #expect(mine == networkxOwnReading, "\(name) written by NetworkX as \(format.rawValue): \(NetworkXInteropTests.difference(networkxOwnReading, mine))")
        }
    }
}
