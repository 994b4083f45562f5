// GraphML: reading and writing (http://graphml.graphdrawing.org/).
//
// What we write: one <key> per field and per (domain, attribute name, type), each with
// attr.name and attr.type; PartnerGraph's own fields use key ids starting with "pg." (pg.kind,
// pg.label, pg.originalName, pg.aliases, pg.country, pg.node.since, pg.node.until,
// pg.node.sources, pg.relation, pg.weight, pg.since, pg.until, pg.edge.sources, pg.name,
// pg.description, pg.header), attribute keys are n0, n1, … (nodes) and e0, e1, … (edges). A
// node's and an edge's since/until are strings YYYY, YYYY-MM or YYYY-MM-DD under keys named
// "since" and "until". Types: string → string, integer → long, number → double, boolean →
// boolean; dates are strings (YYYY, YYYY-MM or YYYY-MM-DD) under a key whose id ends in ".date";
// lists are JSON text under a key whose id ends in ".list"; sources and a node's aliases (key
// "aliases") are JSON lists of strings, as GraphML has no list type.
// The graph's "partnergraph" data holds the sources, declared kinds and relations as JSON.
// edgedefault is "directed" when any edge is directed; parallel edges are written as they are.
//
// Not supported:
// - Hyperedges (refused with a located error), ports (ignored), nested graphs (their nodes and
//   edges are read into one network), <desc> elements, graph-level data other than name,
//   description and the PartnerGraph header (dropped with a warning).
// - yEd graphics: only the first y:NodeLabel / y:EdgeLabel text is read (as the node's label /
//   an edge attribute "label"); geometry, colours and shapes are dropped.
// - Mixed directions as NetworkX reads them: NetworkX refuses directed="false" edges in a
//   directed graph, so by default a network mixing directed and symmetric relations is written
//   with edgedefault="directed" and no per-edge direction (the relations, declared in the
//   header, restore it on our read; a warning says so). `perEdgeDirection` writes the
//   per-edge attribute instead (yEd and Gephi read it).
// - Key defaults are applied to elements without a value (GraphML's rule; NetworkX keeps them
//   aside in G.graph["node_default"] instead).
// - Text with control characters XML 1.0 cannot hold: written as control pictures (␛ for ESC),
//   with a warning.
// - Files in encodings other than UTF-8.
// - A file of ours that another tool re-writes loses the "pg." key ids: fields then come back by
//   name (kind, label, relation, weight, since, until; sources and aliases when the header is
//   there), but date and list attributes come back as text.
// - Time other than since/until (GraphML has none of its own): in a file from another tool, node
//   and edge keys named "since"/"until" holding dates become since/until, and so do keys named
//   "start"/"end" (dynamic GEXF's bounds, as NetworkX keeps them when it writes a graph read
//   from GEXF as GraphML): a date, or the day of an xsd:dateTime, fills since/until unless a
//   since/until key gives it; one that says the same day as since/until is dropped; numeric
//   times, other text and differing dates stay attributes "start"/"end".
import PartnerGraph

/// Writes GraphML.
public struct GraphMLEncoder: Sendable {
    /// Write `directed="true|false"` on edges whose direction differs from the graph default
    /// (GraphML allows it; NetworkX refuses such files).
    public var perEdgeDirection: Bool

    public init(perEdgeDirection: Bool = false) { self.perEdgeDirection = perEdgeDirection }

    public func encode(_ network: Network) throws -> EncodedNetwork {
        var warnings: [String] = []
        var replaced = false
        func esc(_ s: String, attribute: Bool = false) -> String { XMLText.escapeAny(s, attribute: attribute, replaced: &replaced) }

        var keys: [(id: String, domain: String, name: String, type: String)] = [
            ("pg.name", "graph", "name", "string"), ("pg.description", "graph", "description", "string"),
            ("pg.header", "graph", "partnergraph", "string"),
            ("pg.kind", "node", "kind", "string"), ("pg.label", "node", "label", "string"),
            ("pg.originalName", "node", "originalName", "string"), ("pg.aliases", "node", "aliases", "string"),
            ("pg.country", "node", "country", "string"),
            ("pg.node.since", "node", "since", "string"), ("pg.node.until", "node", "until", "string"),
            ("pg.node.sources", "node", "sources", "string"),
            ("pg.relation", "edge", "relation", "string"), ("pg.weight", "edge", "weight", "double"),
            ("pg.since", "edge", "since", "string"), ("pg.until", "edge", "until", "string"),
            ("pg.edge.sources", "edge", "sources", "string"),
        ]
        var attributeKey: [String: String] = [:]   // "domain\u{0}name\u{0}type" → id
        var counters = ["node": 0, "edge": 0]
        func keyID(_ domain: String, _ name: String, _ value: AttributeValue) -> String {
            let k = "\(domain)\u{0}\(name)\u{0}\(value.typeName)"
            if let id = attributeKey[k] { return id }
            let n = counters[domain]!
            counters[domain] = n + 1
            var id = "\(domain == "node" ? "n" : "e")\(n)"
            let type: String
            switch value {
            case .string: type = "string"
            case .integer: type = "long"
            case .number: type = "double"
            case .boolean: type = "boolean"
            case .date: type = "string"; id += ".date"
            case .list: type = "string"; id += ".list"
            }
            attributeKey[k] = id
            keys.append((id, domain, name, type))
            return id
        }

        let directed = Interchange.isDirected(network)
        var body = ""
        var clashes = 0
        if let n = network.name { body += "    <data key=\"pg.name\">\(esc(n))</data>\n" }
        if let d = network.description { body += "    <data key=\"pg.description\">\(esc(d))</data>\n" }
        if let h = Interchange.headerJSON(network) { body += "    <data key=\"pg.header\">\(esc(h))</data>\n" }
        let nodeFieldNames: Set<String> = ["kind", "label", "originalName", "aliases", "country", "since", "until", "sources"]
        for node in network.nodes {
            body += "    <node id=\"\(esc(node.id.rawValue, attribute: true))\">\n"
            body += "      <data key=\"pg.kind\">\(esc(node.kind.id))</data>\n"
            if let v = node.label { body += "      <data key=\"pg.label\">\(esc(v))</data>\n" }
            if let v = node.originalName { body += "      <data key=\"pg.originalName\">\(esc(v))</data>\n" }
            if !node.aliases.isEmpty { body += "      <data key=\"pg.aliases\">\(esc(Interchange.json(strings: node.aliases)))</data>\n" }
            if let v = node.country { body += "      <data key=\"pg.country\">\(esc(v))</data>\n" }
            if let d = node.since { body += "      <data key=\"pg.node.since\">\(d)</data>\n" }
            if let d = node.until { body += "      <data key=\"pg.node.until\">\(d)</data>\n" }
            if !node.sources.isEmpty { body += "      <data key=\"pg.node.sources\">\(esc(Interchange.json(strings: node.sources)))</data>\n" }
            for (name, value) in node.attributes {
                if nodeFieldNames.contains(name) { clashes += 1 }
                body += "      <data key=\"\(keyID("node", name, value))\">\(esc(Interchange.text(value)))</data>\n"
            }
            body += "    </node>\n"
        }
        let edgeFieldNames: Set<String> = ["relation", "weight", "since", "until", "sources"]
        var againstDefault = 0
        for edge in network.edges {
            var open = "    <edge source=\"\(esc(edge.from.rawValue, attribute: true))\" target=\"\(esc(edge.to.rawValue, attribute: true))\""
            if edge.relation.isDirected != directed {
                againstDefault += 1
                if perEdgeDirection { open += " directed=\"\(edge.relation.isDirected)\"" }
            }
            body += open + ">\n"
            body += "      <data key=\"pg.relation\">\(esc(edge.relation.id))</data>\n"
            if let w = edge.weight { body += "      <data key=\"pg.weight\">\(formatNumber(w))</data>\n" }
            if let d = edge.since { body += "      <data key=\"pg.since\">\(d)</data>\n" }
            if let d = edge.until { body += "      <data key=\"pg.until\">\(d)</data>\n" }
            if !edge.sources.isEmpty { body += "      <data key=\"pg.edge.sources\">\(esc(Interchange.json(strings: edge.sources)))</data>\n" }
            for (name, value) in edge.attributes {
                if edgeFieldNames.contains(name) { clashes += 1 }
                body += "      <data key=\"\(keyID("edge", name, value))\">\(esc(Interchange.text(value)))</data>\n"
            }
            body += "    </edge>\n"
        }

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<!-- Written by PartnerGraph. Keys with ids starting \"pg.\" hold PartnerGraph's fields; key ids ending \".date\" hold dates (YYYY, YYYY-MM or YYYY-MM-DD), \".list\" lists as JSON; the graph's \"partnergraph\" data holds sources, kinds and relations as JSON. -->\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        for k in keys {
            out += "  <key id=\"\(k.id)\" for=\"\(k.domain)\" attr.name=\"\(esc(k.name, attribute: true))\" attr.type=\"\(k.type)\"/>\n"
        }
        out += "  <graph id=\"G\" edgedefault=\"\(directed ? "directed" : "undirected")\">\n"
        out += body
        out += "  </graph>\n</graphml>\n"

        if againstDefault > 0 && !perEdgeDirection {
            warnings.append("GraphML: the network mixes directed and symmetric relations; written as a directed graph without per-edge direction (NetworkX refuses mixed files), so other tools see \(Interchange.plural(againstDefault, "symmetric edge")) as one-way arcs; PartnerGraph restores them from the relations")
        }
        if clashes > 0 {
            warnings.append("GraphML: \(Interchange.plural(clashes, "attribute")) share a name with a PartnerGraph field (kind, label, relation, weight, …); PartnerGraph reads them back apart, but NetworkX keeps only one value per name")
        }
        if replaced { warnings.append(XMLText.replacedWarning("GraphML")) }
        return EncodedNetwork(text: out, warnings: warnings)
    }
}

/// Reads GraphML: what PartnerGraph, NetworkX, yEd, Gephi and Cytoscape write.
public struct GraphMLDecoder: Sendable {
    public init() {}

    /// Reads a network.
    /// - Throws: `FormatError` for malformed or hostile XML; `NetworkValidationError` for
    ///   problems in the network (duplicate ids, edges to unknown nodes, …), each located.
    public func decode(_ text: String, file: String) throws -> Network { try read(text, file: file).network }

    /// Reads a network and what could not be kept.
    public func read(_ text: String, file: String) throws -> DecodedNetwork {
        var parser = GraphMLParser(file: file)
        try SafeXMLReader.read(text, file: file, what: "GraphML") { try parser.handle($0) }
        return try parser.finish()
    }
}

private struct GraphMLParser {
    static let ns = "http://graphml.graphdrawing.org/xmlns"
    static let yNS = "http://www.yworks.com/xml/graphml"

    struct Key {
        var id: String
        var domain: String
        var name: String
        var type: String
        var yfiles: Bool
        var defaultText: String?
    }
    struct DataValue {
        var key: String
        var text: String
        var location: SourceLocation
        var yLabel: String?
        var hasChildren: Bool
    }
    struct Owner {
        enum Kind { case graph, node, edge }
        var kind: Kind
        var id: String = ""
        var source: String = ""
        var target: String = ""
        var directed: Bool?
        var location: SourceLocation
        var data: [DataValue] = []
    }

    let file: String
    var keys: [String: Key] = [:]
    var keyOrder: [String] = []
    var stack: [String] = []
    var owners: [Owner] = []
    var edgeDefaults: [Bool] = []
    var currentKey: String?
    var inDefault = false
    var defaultText = ""
    var data: DataValue?
    var dataDepth = 0
    var yLabelDepth: Int?
    var yLabelText = ""
    var sawRoot = false
    var rawNodes: [Owner] = []
    var rawEdges: [(Owner, Bool)] = []
    var graphData: [DataValue] = []
    var topDirected: Bool?

    init(file: String) { self.file = file }

    func loc(_ e: XMLEvent) -> SourceLocation { SourceLocation(file: file, line: e.line, column: e.column) }

    func isCore(_ ns: String?) -> Bool { ns == nil || ns == GraphMLParser.ns }

    mutating func handle(_ e: XMLEvent) throws {
        switch e.kind {
        case let .start(name, ns, attrs):
            defer { stack.append(name) }
            if !sawRoot {
                sawRoot = true
                guard name == "graphml" else {
                    throw FormatError("not a GraphML file: the root element is <\(name)>, not <graphml>", at: loc(e))
                }
                return
            }
            if data != nil {
                data!.hasChildren = true
                if ns == GraphMLParser.yNS, name == "NodeLabel" || name == "EdgeLabel", data!.yLabel == nil, yLabelDepth == nil {
                    yLabelDepth = stack.count
                    yLabelText = ""
                }
                return
            }
            guard isCore(ns) else { return }
            switch name {
            case "key":
                guard let id = attrs["id"] else { throw FormatError("<key> has no 'id'", at: loc(e)) }
                let yType = attrs["yfiles.type"]
                let key = Key(id: id, domain: attrs["for"] ?? "all", name: yType ?? attrs["attr.name"] ?? id,
                              type: (attrs["attr.type"] ?? "string").lowercased(), yfiles: yType != nil)
                // Cytoscape reuses an id across domains (graph and node "name"); twice for the
                // same domain, one declaration would be lost.
                if let earlier = keys[id], earlier.domain == key.domain {
                    throw FormatError("<key> '\(id)' is declared twice for \(key.domain) (one of the two would be lost)", at: loc(e))
                }
                if keys[id] == nil { keyOrder.append(id) }
                keys[id] = key
                currentKey = id
            case "default":
                if currentKey != nil { inDefault = true; defaultText = "" }
            case "graph":
                // A graph inside a node is GraphML's nested graph; a second one at the top is a
                // second network, which one PartnerGraph network cannot hold.
                if topDirected != nil && owners.isEmpty {
                    throw FormatError("a second top-level <graph> (one network per file)", at: loc(e))
                }
                let ed = attrs["edgedefault"] ?? "directed"
                guard ed == "directed" || ed == "undirected" else {
                    throw FormatError("edgedefault must be 'directed' or 'undirected', found '\(ed)'", at: loc(e))
                }
                edgeDefaults.append(ed == "directed")
                if topDirected == nil { topDirected = ed == "directed" }
                owners.append(Owner(kind: .graph, location: loc(e)))
            case "node":
                guard let id = attrs["id"] else { throw FormatError("<node> has no 'id'", at: loc(e)) }
                owners.append(Owner(kind: .node, id: id, location: loc(e)))
            case "edge":
                guard let s = attrs["source"], let t = attrs["target"] else {
                    throw FormatError("<edge> needs 'source' and 'target'", at: loc(e))
                }
                var o = Owner(kind: .edge, source: s, target: t, location: loc(e))
                if let d = attrs["directed"] {
                    guard let b = Interchange.bool(d) else { throw FormatError("edge attribute directed must be true or false, found '\(d)'", at: loc(e)) }
                    o.directed = b
                }
                owners.append(o)
            case "hyperedge":
                throw FormatError("hyperedges are not supported (an edge joins exactly two nodes here)", at: loc(e))
            case "data":
                guard let key = attrs["key"] else { throw FormatError("<data> has no 'key'", at: loc(e)) }
                data = DataValue(key: key, text: "", location: loc(e), yLabel: nil, hasChildren: false)
                dataDepth = stack.count
            default:
                break
            }
        case let .end(name, ns):
            stack.removeLast()
            if data != nil {
                if let d = yLabelDepth, d == stack.count {
                    data!.yLabel = yLabelText
                    yLabelDepth = nil
                }
                if stack.count == dataDepth && name == "data" && isCore(ns) {
                    let value = data!
                    data = nil
                    if owners.isEmpty { return } // data on <graphml> (yEd resources)
                    owners[owners.count - 1].data.append(value)
                }
                return
            }
            guard isCore(ns) else { return }
            switch name {
            case "key": currentKey = nil
            case "default":
                if let k = currentKey, inDefault { keys[k]?.defaultText = defaultText }
                inDefault = false
            case "graph":
                if let g = owners.popLast() { graphData += g.data }
                edgeDefaults.removeLast()
            case "node":
                if let n = owners.popLast() { rawNodes.append(n) }
            case "edge":
                if let o = owners.popLast() { rawEdges.append((o, edgeDefaults.last ?? true)) }
            default: break
            }
        case .text(let t):
            if yLabelDepth != nil { yLabelText += t } else if data != nil { data!.text += t } else if inDefault { defaultText += t }
        case .comment:
            break
        }
    }

    mutating func finish() throws -> DecodedNetwork {
        guard sawRoot else { throw FormatError("the file is empty", at: SourceLocation(file: file, line: 1)) }
        guard topDirected != nil else { throw FormatError("no <graph> element: the file holds no network", at: SourceLocation(file: file, line: 1, column: 1)) }
        var asm = NetworkAssembler(file: file, defaultDirected: topDirected ?? true)
        let own = keys.keys.contains { $0.hasPrefix("pg.") }

        func value(_ d: DataValue, _ key: Key) throws -> AttributeValue {
            let text = d.text
            let trimmed = text.stripping(" \t\r\n")
            func bad(_ what: String) -> FormatError {
                FormatError("key '\(key.name)' (\(key.id)) is \(key.type), but the value '\(text)' is not \(what)", at: d.location)
            }
            if key.id.hasSuffix(".date") && key.type == "string" {
                guard let date = PartialDate(trimmed) else { throw bad("a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
                return .date(date)
            }
            if key.id.hasSuffix(".list") && key.type == "string" {
                guard let v = Interchange.attributeValue(json: text), case .list = v else { throw bad("a JSON list") }
                return v
            }
            switch key.type {
            case "boolean":
                guard let b = Interchange.bool(trimmed) else { throw bad("true or false") }
                return .boolean(b)
            case "int", "long", "integer", "short", "byte":
                if let i = Int(trimmed) { return .integer(i) }
                if let dbl = Interchange.double(trimmed), dbl == dbl.rounded(), abs(dbl) < 9e15 { return .integer(Int(dbl)) }
                throw bad("an integer")
            case "float", "double":
                guard let dbl = Interchange.double(trimmed) else { throw bad("a number") }
                return Interchange.numberValue(dbl, text: trimmed) { asm.warn("GraphML: \($0)") }
            default:
                return .string(text)
            }
        }

        func keyFor(_ d: DataValue, _ domain: String) throws -> Key {
            guard let k = keys[d.key] else {
                throw FormatError("<data> refers to key '\(d.key)', which no <key> declares", at: d.location)
            }
            return k
        }

        // Graph-level data: name, description, header.
        var headerSeen = false
        for d in graphData {
            let key = try keyFor(d, "graph")
            if key.yfiles { continue }
            switch own ? key.name : key.name.lowercased() {
            case "name": if own || !d.text.isEmpty { asm.name = d.text }
            case "description": if own || !d.text.isEmpty { asm.description = d.text }
            case "partnergraph":
                let (h, _) = try Interchange.decodeHeader(d.text, file: file, at: d.location)
                asm.header = h
                headerSeen = true
            default:
                asm.warn("GraphML: graph attribute '\(key.name)' is not kept (a network has a name and a description only)")
            }
        }

        func defaults(_ domain: String, present: Set<String>) -> [DataValue] {
            keyOrder.compactMap { id in
                guard let k = keys[id], !k.yfiles, k.domain == domain || k.domain == "all", let t = k.defaultText, !present.contains(id) else { return nil }
                return DataValue(key: id, text: t, location: SourceLocation(file: file), yLabel: nil, hasChildren: false)
            }
        }

        for raw in rawNodes {
            var node = NodeDraft(id: raw.id, location: raw.location)
            var yLabel: String?
            var bounds: [String: AttributeValue] = [:]
            for d in raw.data + defaults("node", present: Set(raw.data.map(\.key))) {
                let key = try keyFor(d, "node")
                if key.yfiles || d.hasChildren {
                    if yLabel == nil, let l = d.yLabel { yLabel = l }
                    continue
                }
                let v = try value(d, key)
                if own && key.id.hasPrefix("pg.") {
                    guard case .string(let s) = v else { continue }
                    switch key.id {
                    case "pg.kind": node.kind = s
                    case "pg.label": node.label = s
                    case "pg.originalName": node.originalName = s
                    case "pg.aliases":
                        guard let list = Interchange.stringList(json: s) else {
                            throw FormatError("node '\(raw.id)': aliases must be a JSON list of names (strings), found '\(s)'", at: d.location)
                        }
                        node.aliases = list
                    case "pg.country": node.country = s
                    case "pg.node.since", "pg.node.until":
                        guard let date = PartialDate(s.stripping(" \t\r\n")) else {
                            throw FormatError("node '\(raw.id)': \(key.name) '\(s)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", at: d.location)
                        }
                        if key.id == "pg.node.since" { node.since = date } else { node.until = date }
                    case "pg.node.sources":
                        guard let list = Interchange.stringList(json: s) else {
                            throw FormatError("sources must be a JSON list of source ids, found '\(s)'", at: d.location)
                        }
                        node.sources = list
                    default: node.attributes[key.name] = v
                    }
                } else if !own, key.name == "start" || key.name == "end" {
                    bounds[key.name] = v
                } else if !own, NetworkAssembler.foreignNodeField(key.name, v, &node) {
                    continue
                } else if !own, headerSeen, key.name == "sources" || key.name == "aliases", case .string(let s) = v,
                          let list = Interchange.stringList(json: s) {
                    if key.name == "sources" { node.sources = list } else { node.aliases = list }
                } else {
                    node.attributes[key.name] = v
                }
            }
            NetworkAssembler.place(start: bounds["start"], end: bounds["end"], in: &node)
            if node.label == nil, let yLabel { node.label = yLabel }
            asm.nodes.append(node)
        }

        for (raw, graphDirected) in rawEdges {
            var edge = EdgeDraft(from: raw.source, to: raw.target, location: raw.location)
            edge.directed = raw.directed ?? (graphDirected == asm.defaultDirected ? nil : graphDirected)
            var yLabel: String?
            var bounds: [String: AttributeValue] = [:]
            for d in raw.data + defaults("edge", present: Set(raw.data.map(\.key))) {
                let key = try keyFor(d, "edge")
                if key.yfiles || d.hasChildren {
                    if yLabel == nil, let l = d.yLabel { yLabel = l }
                    continue
                }
                let v = try value(d, key)
                if own && key.id.hasPrefix("pg.") {
                    switch (key.id, v) {
                    case ("pg.relation", .string(let s)): edge.relation = s
                    case ("pg.weight", .number(let w)): edge.weight = w
                    case ("pg.since", .string(let s)), ("pg.until", .string(let s)):
                        guard let date = PartialDate(s.stripping(" \t\r\n")) else {
                            throw FormatError("\(key.name) '\(s)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", at: d.location)
                        }
                        if key.id == "pg.since" { edge.since = date } else { edge.until = date }
                    case ("pg.edge.sources", .string(let s)):
                        guard let list = Interchange.stringList(json: s) else {
                            throw FormatError("sources must be a JSON list of source ids, found '\(s)'", at: d.location)
                        }
                        edge.sources = list
                    default: edge.attributes[key.name] = v
                    }
                } else if !own, key.name == "start" || key.name == "end" {
                    bounds[key.name] = v
                } else if !own, NetworkAssembler.foreignEdgeField(key.name, v, &edge) {
                    continue
                } else if !own, headerSeen, key.name == "sources", case .string(let s) = v, let list = Interchange.stringList(json: s) {
                    edge.sources = list
                } else {
                    edge.attributes[key.name] = v
                }
            }
            NetworkAssembler.place(start: bounds["start"], end: bounds["end"], in: &edge)
            if edge.attributes["label"] == nil, let yLabel { edge.attributes["label"] = .string(yLabel) }
            asm.edges.append(edge)
        }
        if own == false, asm.header == nil, rawEdges.contains(where: { $0.0.directed != nil && $0.0.directed != asm.defaultDirected }) {
            asm.warn("GraphML: the file mixes directed and undirected edges; edges against edgedefault get the relation points-to or connected-with")
        }
        return try asm.finish()
    }
}
