// Node-link JSON: reading and writing NetworkX's node_link_data / node_link_graph shape (and D3's).
//
// What we write (NetworkX 3.6's default keys): {"directed": …, "multigraph": …, "graph": {"name",
// "description", "partnergraph": {sources, kinds, relations, renamed}}, "nodes": [{"id", "kind",
// "label", "originalName", "aliases": […], "country", "since", "until", "sources": […],
// attributes…}], "edges":
// [{"source", "target", "key" (multigraphs), "relation", "weight", "since", "until", "sources",
// attributes…}]}; since/until (a node's as an edge's) are strings "YYYY[-MM[-DD]]".
// JSON keeps every attribute type: integers without a decimal point, numbers with one (1.0),
// booleans, lists; dates are {"date": "YYYY[-MM[-DD]]"} as in the native format.
//
// Not supported:
// - Attributes named like a field (id, kind, label, …; source, target, key, relation, weight, …):
//   written as "attr.<name>", the header maps them back (a warning says so).
// - Per-edge direction: one "directed" for the graph; mixed networks are written as directed
//   (our relations restore the rest; a warning says so).
// - Reading: attribute values that are JSON objects (other than {"date": …}) are kept as JSON
//   text; null values are dropped; both warn. Graph attributes other than name, description and
//   the header are dropped with a warning. D3 files whose nodes have no "id" get their position
//   (0, 1, …) as id, and numeric "source"/"target" then index the nodes.
// - Reading accepts "links" as well as "edges" (NetworkX before 3.6, D3).
import PartnerGraph

/// Writes node-link JSON.
public struct NodeLinkEncoder: Sendable {
    public init() {}

    static let nodeReserved: Set<String> = ["id", "kind", "label", "originalName", "aliases", "country", "since", "until", "sources"]
    static let edgeReserved: Set<String> = ["source", "target", "key", "relation", "weight", "since", "until", "sources"]

    public func encode(_ network: Network) throws -> EncodedNetwork {
        var warnings: [String] = []
        for n in network.nodes { try check(n.attributes, "node '\(n.id)'") }
        for e in network.edges {
            try check(e.attributes, "edge \(e.from) → \(e.to)")
            if let w = e.weight, !w.isFinite { throw FormatError("edge \(e.from) → \(e.to): weight \(formatNumber(w)) cannot be written as JSON") }
        }
        let nodeRen = Interchange.renaming(network.nodes.flatMap { $0.attributes.keys }, reserved: NodeLinkEncoder.nodeReserved, allowed: { _ in true }, sanitize: { "attr." + $0 })
        let edgeRen = Interchange.renaming(network.edges.flatMap { $0.attributes.keys }, reserved: NodeLinkEncoder.edgeReserved, allowed: { _ in true }, sanitize: { "attr." + $0 })
        let nodeMap = Dictionary(uniqueKeysWithValues: nodeRen)
        let edgeMap = Dictionary(uniqueKeysWithValues: edgeRen)

        guard case .mapping(let all) = NativeEncoder.tree(network) else { fatalError("the native tree is a mapping") }
        var header = all.filter { ["sources", "kinds", "relations"].contains($0.0) }
        header += Interchange.renamedField(node: nodeRen.map { ($0.1, $0.0) }, edge: edgeRen.map { ($0.1, $0.0) })
        var graph: [(String, OutputValue)] = []
        if let n = network.name { graph.append(("name", .string(n))) }
        if let d = network.description { graph.append(("description", .string(d))) }
        graph.append(("partnergraph", .mapping(header)))

        let directed = Interchange.isDirected(network)
        let multigraph = Interchange.hasParallelEdges(network)
        let nodes: [OutputValue] = network.nodes.map { n in
            var f: [(String, OutputValue)] = [("id", .string(n.id.rawValue)), ("kind", .string(n.kind.id))]
            if let v = n.label { f.append(("label", .string(v))) }
            if let v = n.originalName { f.append(("originalName", .string(v))) }
            if !n.aliases.isEmpty { f.append(("aliases", .list(n.aliases.map { .string($0) }, inline: true))) }
            if let v = n.country { f.append(("country", .string(v))) }
            if let d = n.since { f.append(("since", .string(d.description))) }
            if let d = n.until { f.append(("until", .string(d.description))) }
            if !n.sources.isEmpty { f.append(("sources", .list(n.sources.map { .string($0) }, inline: true))) }
            for (k, v) in n.attributes { f.append((nodeMap[k] ?? k, NativeEncoder.value(v))) }
            return .mapping(f)
        }
        var keys: [String: Int] = [:]
        let edges: [OutputValue] = network.edges.map { e in
            var f: [(String, OutputValue)] = [("source", .string(e.from.rawValue)), ("target", .string(e.to.rawValue))]
            if multigraph {
                let pair = directed || e.from <= e.to ? "\(e.from)\u{0}\(e.to)" : "\(e.to)\u{0}\(e.from)"
                let k = keys[pair, default: 0]
                keys[pair] = k + 1
                f.append(("key", .integer(k)))
            }
            f.append(("relation", .string(e.relation.id)))
            if let w = e.weight { f.append(("weight", .number(w))) }
            if let d = e.since { f.append(("since", .string(d.description))) }
            if let d = e.until { f.append(("until", .string(d.description))) }
            if !e.sources.isEmpty { f.append(("sources", .list(e.sources.map { .string($0) }, inline: true))) }
            for (k, v) in e.attributes { f.append((edgeMap[k] ?? k, NativeEncoder.value(v))) }
            return .mapping(f)
        }
        let top: OutputValue = .mapping([
            ("directed", .boolean(directed)), ("multigraph", .boolean(multigraph)), ("graph", .mapping(graph)),
            ("nodes", .list(nodes, inline: false)), ("edges", .list(edges, inline: false)),
        ])
        if Interchange.mixesDirections(network) {
            warnings.append("node-link JSON: the network mixes directed and symmetric relations; the format has one direction per graph, so it is written as directed and other tools see \(Interchange.plural(network.edges.filter { !$0.relation.isDirected }.count, "symmetric edge")) as one-way arcs; PartnerGraph restores them from the relations")
        }
        if !nodeRen.isEmpty || !edgeRen.isEmpty {
            warnings.append("node-link JSON: attributes named like fields are written as " + (nodeRen + edgeRen).map { "'\($0.1)'" }.joined(separator: ", ") + "; PartnerGraph restores their names, other tools see the new ones")
        }
        return EncodedNetwork(text: JSONWriter.write(top), warnings: warnings)
    }

    private func check(_ a: Attributes, _ what: String) throws {
        func finite(_ v: AttributeValue) -> Bool {
            switch v {
            case .number(let d): return d.isFinite
            case .list(let items): return items.allSatisfy(finite)
            default: return true
            }
        }
        for (k, v) in a where !finite(v) { throw FormatError("\(what): attribute '\(k)' is not a finite number; JSON cannot hold it") }
    }
}

/// Reads node-link JSON: what PartnerGraph, NetworkX's node_link_data and D3 examples hold.
public struct NodeLinkDecoder: Sendable {
    public init() {}

    public func decode(_ text: String, file: String) throws -> Network { try read(text, file: file).network }

    /// Reads a network and what could not be kept.
    public func read(_ text: String, file: String) throws -> DecodedNetwork {
        let root = try JSONDocumentReader.read(text, file: file)
        func loc(_ n: DocumentNode) -> SourceLocation { SourceLocation(file: file, line: n.line, column: n.column) }
        guard case .mapping(let top) = root.value else { throw FormatError("node-link JSON must be an object with \"nodes\" and \"edges\"", at: loc(root)) }
        var fields: [String: DocumentNode] = [:]
        for (k, v) in top { if let s = k.scalarText { fields[s] = v } }
        var asm = NetworkAssembler(file: file)
        if let d = fields["directed"] {
            guard let b = d.scalarText.flatMap(ScalarResolution.bool), case .scalar(_, false) = d.value else {
                throw FormatError("\"directed\" must be true or false", at: loc(d))
            }
            asm.defaultDirected = b
        }
        var own = false
        var renames: (node: [String: String], edge: [String: String]) = ([:], [:])
        if let g = fields["graph"], !g.isNull {
            guard case .mapping(let pairs) = g.value else { throw FormatError("\"graph\" must be an object", at: loc(g)) }
            for (k, v) in pairs {
                switch k.scalarText {
                case "name"?: asm.name = v.scalarText
                case "description"?: asm.description = v.scalarText
                case "partnergraph"?:
                    let (h, extra) = try Interchange.decodeHeader(v, file: file, at: loc(v))
                    asm.header = h
                    renames = Interchange.renames(extra)
                    own = true
                default: asm.warn("node-link JSON: graph attribute '\(k.scalarText ?? "")' is not kept (a network has a name and a description only)")
                }
            }
        }

        func value(_ n: DocumentNode) -> AttributeValue? {
            switch n.value {
            case let .scalar(s, quoted):
                if quoted { return .string(s) }
                if n.isNull { asm.warn("node-link JSON: null values are dropped"); return nil }
                if let b = ScalarResolution.bool(s) { return .boolean(b) }
                if !s.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let i = Int(s) { return .integer(i) }
                return Double(s).map { .number($0) }
            case .sequence(let items):
                return .list(items.compactMap(value))
            case .mapping(let pairs):
                if pairs.count == 1, pairs[0].key.scalarText == "date", case .scalar(let s, true) = pairs[0].value.value, let d = PartialDate(s) {
                    return .date(d)
                }
                asm.warn("node-link JSON: object values are kept as JSON text")
                return .string(Interchange.compactJSON(output(n)))
            }
        }
        func output(_ n: DocumentNode) -> OutputValue {
            switch n.value {
            case let .scalar(s, quoted):
                if quoted { return .string(s) }
                if let b = ScalarResolution.bool(s) { return .boolean(b) }
                if let i = Int(s) { return .integer(i) }
                if let d = Double(s) { return .number(d) }
                return .string(s)
            case .sequence(let items): return .list(items.map(output), inline: true)
            case .mapping(let pairs): return .mapping(pairs.map { ($0.key.scalarText ?? "", output($0.value)) })
            }
        }
        func idText(_ n: DocumentNode, _ what: String) throws -> String {
            guard case .scalar(let s, _) = n.value, !n.isNull else { throw FormatError("\(what) must be a string or a number", at: loc(n)) }
            return s
        }
        /// A list of strings (`noun` says of what, for the message), refused at the value or the item that is not one.
        func stringList(_ n: DocumentNode, _ what: String, of noun: String = "source ids") throws -> [String] {
            guard case .sequence(let items) = n.value else { throw FormatError("\(what) must be a list of \(noun)", at: loc(n)) }
            return try items.map { i in
                guard case .scalar(let s, true) = i.value else { throw FormatError("\(what) must be a list of \(noun)", at: loc(i)) }
                return s
            }
        }

        guard let nodesNode = fields["nodes"] else { throw FormatError("node-link JSON has no \"nodes\"", at: loc(root)) }
        guard case .sequence(let nodes) = nodesNode.value else { throw FormatError("\"nodes\" must be a list", at: loc(nodesNode)) }
        var byIndex: [String] = []
        for (index, n) in nodes.enumerated() {
            guard case .mapping(let pairs) = n.value else { throw FormatError("node \(index + 1) must be an object", at: loc(n)) }
            let idNode = pairs.first { $0.key.scalarText == "id" }?.value
            let id = try idNode.map { try idText($0, "node \(index + 1): \"id\"") } ?? String(index)
            byIndex.append(id)
            var node = NodeDraft(id: id, location: loc(n))
            for (k, v) in pairs {
                guard let key = k.scalarText, key != "id" else { continue }
                if own {
                    switch key {
                    case "kind", "label", "originalName", "country":
                        guard case .scalar(let s, true) = v.value else { throw FormatError("node '\(id)': \"\(key)\" must be a string", at: loc(v)) }
                        switch key {
                        case "kind": node.kind = s
                        case "label": node.label = s
                        case "originalName": node.originalName = s
                        default: node.country = s
                        }
                        continue
                    case "since", "until":
                        guard case .scalar(let s, true) = v.value, let d = PartialDate(s) else {
                            throw FormatError("node '\(id)': \"\(key)\" must be a date (YYYY, YYYY-MM or YYYY-MM-DD)", at: loc(v))
                        }
                        if key == "since" { node.since = d } else { node.until = d }
                        continue
                    case "aliases": node.aliases = try stringList(v, "node '\(id)': \"aliases\"", of: "names (strings)"); continue
                    case "sources": node.sources = try stringList(v, "node '\(id)': \"sources\""); continue
                    default: break
                    }
                }
                guard let x = value(v) else { continue }
                if !own, NetworkAssembler.foreignNodeField(key, x, &node) { continue }
                node.attributes[own ? renames.node[key] ?? key : key] = x
            }
            asm.nodes.append(node)
        }
        if fields["edges"] != nil, let links = fields["links"] {
            throw FormatError("both \"edges\" and \"links\" (they are the same list under two names; keep one)", at: loc(links))
        }
        let edgesNode = fields["edges"] ?? fields["links"]
        let indexIDs = !nodes.contains { n in if case .mapping(let p) = n.value { return p.contains { $0.key.scalarText == "id" } }; return false }
        if let edgesNode {
            guard case .sequence(let edges) = edgesNode.value else { throw FormatError("\"edges\" must be a list", at: loc(edgesNode)) }
            for (index, e) in edges.enumerated() {
                guard case .mapping(let pairs) = e.value else { throw FormatError("edge \(index + 1) must be an object", at: loc(e)) }
                var ends: [String] = []
                for end in ["source", "target"] {
                    guard let v = pairs.first(where: { $0.key.scalarText == end })?.value else {
                        throw FormatError("edge \(index + 1) has no \"\(end)\"", at: loc(e))
                    }
                    var id = try idText(v, "edge \(index + 1): \"\(end)\"")
                    if indexIDs, case .scalar(_, false) = v.value, let i = Int(id) {
                        guard byIndex.indices.contains(i) else { throw FormatError("edge \(index + 1): \"\(end)\" \(i) is not the index of a node", at: loc(v)) }
                        id = byIndex[i]
                    }
                    ends.append(id)
                }
                var edge = EdgeDraft(from: ends[0], to: ends[1], location: loc(e))
                for (k, v) in pairs {
                    guard let key = k.scalarText, !["source", "target", "key"].contains(key) else { continue }
                    if own {
                        switch key {
                        case "relation":
                            guard case .scalar(let s, true) = v.value else { throw FormatError("\"relation\" must be a string", at: loc(v)) }
                            edge.relation = s
                            continue
                        case "weight":
                            guard case .scalar(let s, false) = v.value, let w = Double(s) else { throw FormatError("\"weight\" must be a number", at: loc(v)) }
                            edge.weight = w
                            continue
                        case "since", "until":
                            guard case .scalar(let s, true) = v.value, let d = PartialDate(s) else {
                                throw FormatError("\"\(key)\" must be a date (YYYY, YYYY-MM or YYYY-MM-DD)", at: loc(v))
                            }
                            if key == "since" { edge.since = d } else { edge.until = d }
                            continue
                        case "sources": edge.sources = try stringList(v, "edge \(index + 1): \"sources\""); continue
                        default: break
                        }
                    }
                    guard let x = value(v) else { continue }
                    if !own, NetworkAssembler.foreignEdgeField(key, x, &edge) { continue }
                    edge.attributes[own ? renames.edge[key] ?? key : key] = x
                }
                asm.edges.append(edge)
            }
        }
        return try asm.finish()
    }
}
