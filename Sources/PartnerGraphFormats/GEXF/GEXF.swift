// GEXF: writing 1.3, reading 1.1, 1.2 and 1.3 (https://gexf.net/).
//
// What we write: <attributes class="node"> and class="edge" declare every field and attribute
// with its type (string, long, double, boolean); PartnerGraph's fields use attribute ids starting
// "pg." (nodes: pg.kind, pg.originalName, pg.aliases, pg.country, pg.since, pg.until, pg.sources;
// edges: pg.relation, pg.since, pg.until, pg.edge.sources), other attributes n0, n1, … and e0,
// e1, …; dates are strings under ids ending ".date", lists JSON text under ids ending ".list", and
// a node's aliases and sources JSON lists of strings (string attributes: GEXF's liststring has no
// escape for a name holding its separator, and NetworkX reads it as text anyway). The node
// label is GEXF's own `label` (written only when the node has one), the edge weight GEXF's
// `weight`. A node or an edge with dates gets `start` (first day of since) and `end` (last day of
// until) as xsd:date, and the graph is dynamic (timeformat="date") when any node or edge has
// dates, so Gephi's timeline shows when each lives; the exact partial dates are kept in the
// pg.since and pg.until attributes. (Gephi's timeline hides a node outside its own start/end, and
// its edges with it, where PartnerGraph counts a node active whenever it has a tie valid then.)
// The network's description goes in <meta><description>, its name in the graph's
// `name` (as NetworkX does), and its sources, kinds and relations as JSON in a comment in
// <meta> starting "partnergraph-header:" (GEXF has no graph-level attributes). Optional per-node
// viz:color and viz:size come from the caller (`nodeColors`, `nodeSizes`), and so does an
// optional node measure over time (`nodeTimeline`): a dynamic attribute "pg.timeline" whose
// attvalues carry start/end, one per time slice; like viz data, the reader skips it. In a file
// from another tool, a node attribute titled "aliases" that is a list of text (a liststring,
// "[a, b]" or "a|b") becomes the node's aliases.
//
// Not supported:
// - Dynamic attribute values (several values over time): the last value is kept, with a warning.
// - Lifetimes with gaps: a node's or an edge's `start`/`end` (or else its one <spell>) become
//   its since/until (a dateTime gives its day); several spells are read as one period, from the
//   earliest start to the latest end (a spell open at one end leaves the period open there),
//   with a warning counting the nodes and edges so merged. Times that are not dates are kept as
//   text attributes "start"/"end" under timeformat integer or double, and refused (located)
//   under date or dateTime; our own files' pg.since/pg.until take precedence over start/end.
// - Hierarchies (nodes inside nodes, pid): flattened, the parent's id kept as attribute "pid".
// - viz data when reading (colour, size, position, shape): dropped.
// - Mixed directions as NetworkX reads them: NetworkX refuses edges whose type differs from
//   defaultedgetype, so by default a network mixing directed and symmetric relations is written
//   as directed without per-edge types (the relations restore it on our read; a warning says
//   so). `perEdgeDirection` writes per-edge types instead (Gephi reads them).
// - GEXF "mutual" edges read as symmetric edges.
// - Text with control characters XML 1.0 cannot hold: written as control pictures (␛ for ESC),
//   with a warning.
import PartnerGraph

/// A colour for GEXF's viz:color.
public struct GEXFColor: Sendable, Hashable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    /// Opacity from 0 to 1; nil leaves it out.
    public var alpha: Double?

    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: Double? = nil) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }
}

/// Writes GEXF 1.3.
public struct GEXFEncoder: Sendable {
    /// Node colours (viz:color), e.g. by community.
    public var nodeColors: [NodeID: GEXFColor]
    /// Node sizes (viz:size), e.g. by a centrality measure.
    public var nodeSizes: [NodeID: Double]
    /// Write per-edge `type` on edges against the default direction (Gephi reads it; NetworkX refuses it).
    public var perEdgeDirection: Bool

    /// A node measure over time, written as a dynamic attribute (`<attributes mode="dynamic">`,
    /// one `<attvalue>` with `start`/`end` per slice in which the node has a value), so that
    /// Gephi's timeline sizes or colours nodes by it as the slider moves. Derived data, as viz
    /// is: PartnerGraph does not read it back.
    public var nodeTimeline: NodeTimeline?

    /// One measure's value per node and time slice.
    public struct NodeTimeline: Sendable {
        /// The attribute's title (the measure's name).
        public var title: String
        /// The slices' first and last days (`yyyymmdd`).
        public var slices: [(firstDay: Int, lastDay: Int)]
        /// Per node, one value per slice (nil: not active then).
        public var values: [NodeID: [Double?]]
        public init(title: String, slices: [(firstDay: Int, lastDay: Int)], values: [NodeID: [Double?]]) {
            self.title = title
            self.slices = slices
            self.values = values
        }
    }

    /// The id of the timeline's dynamic attribute; the reader skips it.
    static let timelineID = "pg.timeline"

    public init(nodeColors: [NodeID: GEXFColor] = [:], nodeSizes: [NodeID: Double] = [:], perEdgeDirection: Bool = false,
                nodeTimeline: NodeTimeline? = nil) {
        self.nodeColors = nodeColors
        self.nodeSizes = nodeSizes
        self.perEdgeDirection = perEdgeDirection
        self.nodeTimeline = nodeTimeline
    }

    public func encode(_ network: Network) throws -> EncodedNetwork {
        var warnings: [String] = []
        var replaced = false
        func esc(_ s: String, attribute: Bool = true) -> String { XMLText.escapeAny(s, attribute: attribute, replaced: &replaced) }

        var nodeAttrs: [(id: String, title: String, type: String)] = [
            ("pg.kind", "kind", "string"), ("pg.originalName", "originalName", "string"),
            ("pg.aliases", "aliases", "string"), ("pg.country", "country", "string"), ("pg.since", "since", "string"),
            ("pg.until", "until", "string"), ("pg.sources", "sources", "string"),
        ]
        var edgeAttrs: [(id: String, title: String, type: String)] = [
            ("pg.relation", "relation", "string"), ("pg.since", "since", "string"),
            ("pg.until", "until", "string"), ("pg.edge.sources", "sources", "string"),
        ]
        let fields = (node: nodeAttrs.count, edge: edgeAttrs.count)
        var ids: [String: String] = [:]
        func attrID(_ node: Bool, _ name: String, _ value: AttributeValue) -> String {
            let k = "\(node)\u{0}\(name)\u{0}\(value.typeName)"
            if let id = ids[k] { return id }
            var id = "\(node ? "n" : "e")\(node ? nodeAttrs.count - fields.node : edgeAttrs.count - fields.edge)"
            let type: String
            switch value {
            case .string: type = "string"
            case .integer: type = "long"
            case .number: type = "double"
            case .boolean: type = "boolean"
            case .date: type = "string"; id += ".date"
            case .list: type = "string"; id += ".list"
            }
            ids[k] = id
            if node { nodeAttrs.append((id, name, type)) } else { edgeAttrs.append((id, name, type)) }
            return id
        }
        func attvalues(_ list: [(String, String)], indent: String) -> String {
            guard !list.isEmpty else { return "" }
            var s = indent + "<attvalues>\n"
            for (id, v) in list { s += indent + "  <attvalue for=\"\(id)\" value=\"\(esc(v))\"/>\n" }
            return s + indent + "</attvalues>\n"
        }
        func isoDay(_ yyyymmdd: Int) -> String {
            let y = yyyymmdd / 10000, m = yyyymmdd / 100 % 100, d = yyyymmdd % 100
            return pad4(y) + "-" + (m < 10 ? "0" : "") + String(m) + "-" + (d < 10 ? "0" : "") + String(d)
        }

        let directed = Interchange.isDirected(network)
        let dynamic = nodeTimeline != nil || network.nodes.contains { $0.since != nil || $0.until != nil }
            || network.edges.contains { $0.since != nil || $0.until != nil }
        var nodes = ""
        for node in network.nodes {
            var open = "      <node id=\"\(esc(node.id.rawValue))\""
            if let l = node.label { open += " label=\"\(esc(l))\"" }
            if let s = node.since { open += " start=\"\(isoDay(s.firstDay))\"" }
            if let u = node.until { open += " end=\"\(isoDay(u.lastDay))\"" }
            var values: [(String, String)] = [("pg.kind", node.kind.id)]
            if let v = node.originalName { values.append(("pg.originalName", v)) }
            if !node.aliases.isEmpty { values.append(("pg.aliases", Interchange.json(strings: node.aliases))) }
            if let v = node.country { values.append(("pg.country", v)) }
            if let s = node.since { values.append(("pg.since", s.description)) }
            if let u = node.until { values.append(("pg.until", u.description)) }
            if !node.sources.isEmpty { values.append(("pg.sources", Interchange.json(strings: node.sources))) }
            for (name, value) in node.attributes { values.append((attrID(true, name, value), Interchange.text(value))) }
            var timed = ""
            if let t = nodeTimeline, let series = t.values[node.id] {
                for (k, v) in series.enumerated() where k < t.slices.count {
                    guard let v, v.isFinite else { continue }
                    timed += "          <attvalue for=\"\(Self.timelineID)\" value=\"\(formatNumber(v))\" start=\"\(isoDay(t.slices[k].firstDay))\" end=\"\(isoDay(t.slices[k].lastDay))\"/>\n"
                }
            }
            if timed.isEmpty {
                nodes += open + ">\n" + attvalues(values, indent: "        ")
            } else {
                let plain = attvalues(values, indent: "        ")
                let list = plain.isEmpty ? "        <attvalues>\n        </attvalues>\n" : plain
                nodes += open + ">\n" + list.replacingOccurrences(of: "        </attvalues>\n", with: timed + "        </attvalues>\n")
            }
            if let c = nodeColors[node.id] {
                nodes += "        <viz:color r=\"\(c.red)\" g=\"\(c.green)\" b=\"\(c.blue)\"\(c.alpha.map { " a=\"\(formatNumber(min(1, max(0, $0))))\"" } ?? "")/>\n"
            }
            if let s = nodeSizes[node.id], s.isFinite { nodes += "        <viz:size value=\"\(formatNumber(s))\"/>\n" }
            nodes += "      </node>\n"
        }
        var edges = ""
        var againstDefault = 0
        for (i, edge) in network.edges.enumerated() {
            var open = "      <edge id=\"\(i)\" source=\"\(esc(edge.from.rawValue))\" target=\"\(esc(edge.to.rawValue))\""
            if edge.relation.isDirected != directed {
                againstDefault += 1
                if perEdgeDirection { open += " type=\"\(edge.relation.isDirected ? "directed" : "undirected")\"" }
            }
            if let w = edge.weight { open += " weight=\"\(formatNumber(w))\"" }
            if let s = edge.since { open += " start=\"\(isoDay(s.firstDay))\"" }
            if let u = edge.until { open += " end=\"\(isoDay(u.lastDay))\"" }
            var values: [(String, String)] = [("pg.relation", edge.relation.id)]
            if let s = edge.since { values.append(("pg.since", s.description)) }
            if let u = edge.until { values.append(("pg.until", u.description)) }
            if !edge.sources.isEmpty { values.append(("pg.edge.sources", Interchange.json(strings: edge.sources))) }
            for (name, value) in edge.attributes { values.append((attrID(false, name, value), Interchange.text(value))) }
            edges += open + ">\n" + attvalues(values, indent: "        ") + "      </edge>\n"
        }

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        out += "  <meta>\n    <creator>PartnerGraph</creator>\n"
        if let d = network.description { out += "    <description>\(esc(d, attribute: false))</description>\n" }
        if let h = Interchange.headerJSON(network) {
            // A comment holds text as is (no entities) but may not hold "--": JSON lets every
            // "-" (the header has them only inside strings) be written \u002d.
            out += "    <!-- partnergraph-header: \(h.replacingOccurrences(of: "-", with: "\\u002d")) -->\n"
        }
        out += "  </meta>\n"
        out += "  <graph defaultedgetype=\"\(directed ? "directed" : "undirected")\" mode=\"\(dynamic ? "dynamic" : "static")\""
        if dynamic { out += " timeformat=\"date\"" }
        if let n = network.name { out += " name=\"\(esc(n))\"" }
        out += ">\n"
        for (cls, list) in [("node", nodeAttrs), ("edge", edgeAttrs)] {
            out += "    <attributes class=\"\(cls)\" mode=\"static\">\n"
            for a in list { out += "      <attribute id=\"\(a.id)\" title=\"\(esc(a.title))\" type=\"\(a.type)\"/>\n" }
            out += "    </attributes>\n"
        }
        if let t = nodeTimeline {
            out += "    <attributes class=\"node\" mode=\"dynamic\">\n"
            out += "      <attribute id=\"\(Self.timelineID)\" title=\"\(esc(t.title))\" type=\"double\"/>\n"
            out += "    </attributes>\n"
        }
        out += "    <nodes>\n" + nodes + "    </nodes>\n"
        out += "    <edges>\n" + edges + "    </edges>\n"
        out += "  </graph>\n</gexf>\n"

        if againstDefault > 0 && !perEdgeDirection {
            warnings.append("GEXF: the network mixes directed and symmetric relations; written as a directed graph without per-edge types (NetworkX refuses mixed files), so other tools see \(Interchange.plural(againstDefault, "symmetric edge")) as one-way arcs; PartnerGraph restores them from the relations")
        }
        let clashes = network.nodes.reduce(0) { $0 + $1.attributes.keys.filter { ["kind", "originalName", "aliases", "country", "since", "until", "sources", "label"].contains($0) }.count }
            + network.edges.reduce(0) { $0 + $1.attributes.keys.filter { ["relation", "since", "until", "sources", "weight"].contains($0) }.count }
        if clashes > 0 {
            warnings.append("GEXF: \(Interchange.plural(clashes, "attribute")) share a name with a PartnerGraph field; PartnerGraph reads them back apart, but NetworkX keeps only one value per name")
        }
        if replaced { warnings.append(XMLText.replacedWarning("GEXF")) }
        return EncodedNetwork(text: out, warnings: warnings)
    }
}

private func pad4(_ v: Int) -> String {
    let d = "\(v)"
    return String(repeating: "0", count: max(0, 4 - d.count)) + d
}

/// Reads GEXF 1.1, 1.2 and 1.3: what PartnerGraph, Gephi and NetworkX write.
public struct GEXFDecoder: Sendable {
    public init() {}

    public func decode(_ text: String, file: String) throws -> Network { try read(text, file: file).network }

    /// Reads a network and what could not be kept.
    /// - Throws: `FormatError` for malformed or hostile XML; `NetworkValidationError` for problems
    ///   in the network, each located.
    public func read(_ text: String, file: String) throws -> DecodedNetwork {
        var parser = GEXFParser(file: file)
        try SafeXMLReader.read(text, file: file, what: "GEXF") { try parser.handle($0) }
        return try parser.finish()
    }
}

private struct GEXFParser {
    struct Attr { var id: String; var title: String; var type: String; var dynamic: Bool; var defaultText: String? }
    struct Value { var id: String; var text: String; var location: SourceLocation; var timed: Bool }
    /// A <spell> (or GEXF 1.1's <slice>): a period of a node's or an edge's life.
    struct Spell { var start: String?; var end: String?; var location: SourceLocation }
    struct Element {
        var isNode: Bool
        var id = ""
        var label: String?
        var source = "", target = ""
        var type: String?
        var weight: String?
        var start: String?, end: String?
        var kind: String?
        var pid: String?
        var spells: [Spell] = []
        var values: [Value] = []
        var location: SourceLocation
    }

    let file: String
    var sawRoot = false
    var stack: [String] = []
    var inMeta = false
    var inDescription = false
    var description: String?
    var headerText: String?
    var headerLocation = SourceLocation(file: "")
    var name: String?
    var defaultType = "undirected"
    var timeformat = "double"
    var attrClass: String?
    var attrMode = "static"
    var attrs: [String: [String: Attr]] = ["node": [:], "edge": [:]]
    var currentAttr: (cls: String, id: String)?
    var inDefault = false
    var defaultText = ""
    var open: [Element] = []
    var done: [Element] = []
    var warnings: [String] = []
    var sawGraph = false

    init(file: String) { self.file = file }

    func loc(_ e: XMLEvent) -> SourceLocation { SourceLocation(file: file, line: e.line, column: e.column) }

    mutating func handle(_ e: XMLEvent) throws {
        switch e.kind {
        case let .start(name, ns, a):
            defer { stack.append(name) }
            if !sawRoot {
                sawRoot = true
                guard name == "gexf" else { throw FormatError("not a GEXF file: the root element is <\(name)>, not <gexf>", at: loc(e)) }
                if let ns, !ns.contains("gexf") { throw FormatError("unknown GEXF namespace '\(ns)'", at: loc(e)) }
                return
            }
            if let ns, !ns.contains("gexf.net") || ns.hasSuffix("/viz") { return }
            switch name {
            case "meta": inMeta = true
            case "description" where inMeta: inDescription = true; description = ""
            case "graph":
                if sawGraph { throw FormatError("a GEXF file holds one graph; found a second <graph>", at: loc(e)) }
                sawGraph = true
                let t = a["defaultedgetype"] ?? "undirected"
                guard ["directed", "undirected", "mutual"].contains(t) else {
                    throw FormatError("defaultedgetype must be directed, undirected or mutual, found '\(t)'", at: loc(e))
                }
                defaultType = t
                timeformat = a["timeformat"] ?? "double"
                guard ["integer", "double", "date", "datetime"].contains(timeformat.lowercased()) else {
                    throw FormatError("timeformat must be integer, double, date or dateTime, found '\(timeformat)'", at: loc(e))
                }
                self.name = a["name"]
            case "attributes":
                let cls = a["class"] ?? "node"
                guard cls == "node" || cls == "edge" else {
                    warnings.append("GEXF: attributes of class '\(cls)' are not kept")
                    attrClass = "ignored"
                    return
                }
                attrClass = cls
                attrMode = a["mode"] ?? "static"
            case "attribute":
                guard let cls = attrClass else { return }
                if cls == "ignored" { return }
                guard let id = a["id"] else { throw FormatError("<attribute> has no 'id'", at: loc(e)) }
                attrs[cls]![id] = Attr(id: id, title: a["title"] ?? id, type: (a["type"] ?? "string").lowercased(),
                                       dynamic: attrMode == "dynamic", defaultText: nil)
                currentAttr = (cls, id)
            case "default" where currentAttr != nil:
                inDefault = true
                defaultText = ""
            case "node":
                guard let id = a["id"] else { throw FormatError("<node> has no 'id'", at: loc(e)) }
                var el = Element(isNode: true, id: id, location: loc(e))
                el.label = a["label"]
                el.start = a["start"] ?? a["startopen"]
                el.end = a["end"] ?? a["endopen"]
                el.pid = a["pid"] ?? open.last(where: \.isNode)?.id
                open.append(el)
            case "edge":
                guard let s = a["source"], let t = a["target"] else { throw FormatError("<edge> needs 'source' and 'target'", at: loc(e)) }
                var el = Element(isNode: false, source: s, target: t, location: loc(e))
                el.id = a["id"] ?? ""
                el.type = a["type"]
                if let t = el.type, !["directed", "undirected", "mutual"].contains(t) {
                    throw FormatError("edge type must be directed, undirected or mutual, found '\(t)'", at: loc(e))
                }
                el.weight = a["weight"]
                el.start = a["start"] ?? a["startopen"]
                el.end = a["end"] ?? a["endopen"]
                el.kind = a["kind"]
                if let l = a["label"] { el.values.append(Value(id: "\u{0}label", text: l, location: loc(e), timed: false)) }
                open.append(el)
            case "attvalue":
                guard !open.isEmpty else { return }
                guard let id = a["for"] ?? a["id"] else { throw FormatError("<attvalue> has no 'for'", at: loc(e)) }
                guard let v = a["value"] else { throw FormatError("<attvalue> has no 'value'", at: loc(e)) }
                // A measure over time that PartnerGraph wrote for Gephi: derived, not read back.
                if id == GEXFEncoder.timelineID { return }
                let timed = a["start"] != nil || a["end"] != nil || a["startopen"] != nil || a["endopen"] != nil
                open[open.count - 1].values.append(Value(id: id, text: v, location: loc(e), timed: timed))
            case "spell", "slice":
                guard !open.isEmpty else { return }
                open[open.count - 1].spells.append(Spell(start: a["start"] ?? a["startopen"], end: a["end"] ?? a["endopen"], location: loc(e)))
            default: break
            }
        case let .end(name, ns):
            stack.removeLast()
            if let ns, !ns.contains("gexf.net") || ns.hasSuffix("/viz") { return }
            switch name {
            case "meta": inMeta = false
            case "description": inDescription = false
            case "attributes": attrClass = nil
            case "attribute": currentAttr = nil
            case "default":
                if let c = currentAttr, inDefault { attrs[c.cls]![c.id]!.defaultText = defaultText }
                inDefault = false
            case "node", "edge":
                if let el = open.popLast() { done.append(el) }
            default: break
            }
        case .text(let t):
            if inDescription { description! += t } else if inDefault { defaultText += t }
        case .comment(let c):
            let t = c.stripping(" \t\r\n")
            if inMeta, t.hasPrefix("partnergraph-header:") {
                headerText = String(t.dropFirst("partnergraph-header:".count)).stripping(" \t\r\n")
                headerLocation = loc(e)
            }
        }
    }

    mutating func finish() throws -> DecodedNetwork {
        guard sawRoot else { throw FormatError("the file is empty", at: SourceLocation(file: file, line: 1)) }
        guard sawGraph else { throw FormatError("the GEXF file has no <graph>", at: SourceLocation(file: file)) }
        var asm = NetworkAssembler(file: file, defaultDirected: defaultType == "directed")
        for w in warnings { asm.warn(w) }
        asm.name = name
        asm.description = description
        if let h = headerText { asm.header = try Interchange.decodeHeader(h, file: file, at: headerLocation).0 }
        let own = attrs.values.contains { $0.keys.contains { $0.hasPrefix("pg.") } }

        func value(_ v: Value, _ attr: Attr) throws -> AttributeValue {
            let t = v.text.stripping(" \t\r\n")
            func bad(_ what: String) -> FormatError {
                FormatError("attribute '\(attr.title)' is \(attr.type), but the value '\(v.text)' is not \(what)", at: v.location)
            }
            if attr.type == "string" && attr.id.hasSuffix(".date") {
                guard let d = PartialDate(t) else { throw bad("a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
                return .date(d)
            }
            if attr.type == "string" && attr.id.hasSuffix(".list") {
                guard let x = Interchange.attributeValue(json: v.text), case .list = x else { throw bad("a JSON list") }
                return x
            }
            func scalar(_ type: String, _ s: String) throws -> AttributeValue {
                switch type {
                case "integer", "long", "short", "byte", "biginteger", "int":
                    if let i = Int(s) { return .integer(i) }
                    throw bad("an integer")
                case "float", "double", "bigdecimal":
                    guard let d = Interchange.double(s) else { throw bad("a number") }
                    return Interchange.numberValue(d, text: s) { asm.warn("GEXF: \($0)") }
                case "boolean":
                    guard let b = Interchange.bool(s) else { throw bad("true or false") }
                    return .boolean(b)
                case "date":
                    if let d = PartialDate(s) { return .date(d) }
                    return .string(s)
                default: return .string(s)
                }
            }
            if attr.type.hasPrefix("list") {
                var inner = t
                let items: [String]
                if inner.hasPrefix("[") && inner.hasSuffix("]") {
                    inner = String(inner.dropFirst().dropLast())
                    items = inner.isEmpty ? [] : inner.split(separator: ",", omittingEmptySubsequences: false).map { String($0).stripping(" ") }
                } else {
                    items = inner.isEmpty ? [] : inner.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                }
                let element = String(attr.type.dropFirst(4))
                return .list(try items.map { try scalar(element, $0) })
            }
            let numeric = ["integer", "long", "short", "byte", "biginteger", "int", "float", "double", "bigdecimal", "boolean", "date"]
            return try scalar(attr.type, numeric.contains(attr.type) ? t : v.text)
        }

        func values(_ el: Element, _ cls: String) throws -> [(Attr, AttributeValue)] {
            var out: [(Attr, AttributeValue)] = []
            var seen: [String: Int] = [:]
            for v in el.values {
                if v.id == "\u{0}label" {
                    out.append((Attr(id: v.id, title: "label", type: "string", dynamic: false), .string(v.text)))
                    continue
                }
                guard let attr = attrs[cls]![v.id] else {
                    throw FormatError("<attvalue> refers to attribute '\(v.id)', which no <attribute class=\"\(cls)\"> declares", at: v.location)
                }
                let x = try value(v, attr)
                if let i = seen[v.id] {
                    asm.warn("GEXF: attributes with several values over time keep only the last one")
                    out[i].1 = x
                } else {
                    seen[v.id] = out.count
                    out.append((attr, x))
                }
            }
            for attr in attrs[cls]!.values.sorted(by: { $0.id < $1.id }) where seen[attr.id] == nil {
                if let d = attr.defaultText {
                    out.append((attr, try value(Value(id: attr.id, text: d, location: el.location, timed: false), attr)))
                }
            }
            return out
        }

        // Under timeformat date or dateTime a time that is no date is an error, not a timeless
        // node or edge; numeric times (integer, double) are kept as attributes.
        let datedTimes = ["date", "datetime"].contains(timeformat.lowercased())
        func notADate(_ what: String, _ name: String, _ s: String, at location: SourceLocation) -> FormatError {
            FormatError("\(what) \(name) '\(s)' is not a date (the graph's timeformat is \(timeformat)): write YYYY-MM-DD", at: location)
        }
        /// The earliest of several spells' starts, or (`latest`) the latest of their ends, as
        /// written: compared as dates when all are dates, else as numbers when all are numbers.
        func bound(_ values: [(text: String, at: SourceLocation)], latest: Bool, _ what: String, _ name: String, at location: SourceLocation) throws -> (String, SourceLocation) {
            let dates = values.compactMap { Interchange.dayOfTime($0.text) }
            if dates.count == values.count {
                let i = latest ? dates.indices.max { dates[$0].lastDay < dates[$1].lastDay }! : dates.indices.min { dates[$0].firstDay < dates[$1].firstDay }!
                return values[i]
            }
            if datedTimes, let bad = values.first(where: { Interchange.dayOfTime($0.text) == nil }) {
                throw notADate(what, name, bad.text, at: bad.at)
            }
            let numbers = values.compactMap { Interchange.double($0.text) }
            if numbers.count == values.count, !numbers.contains(where: \.isNaN) {
                return values[latest ? numbers.indices.max { numbers[$0] < numbers[$1] }! : numbers.indices.min { numbers[$0] < numbers[$1] }!]
            }
            throw FormatError("the spells of this \(what) mix dates and other times (\(values.map { "'\($0.text)'" }.joined(separator: ", "))), so which \(name) is the \(latest ? "latest" : "earliest") is unclear", at: location)
        }
        var merged = (nodes: 0, edges: 0)
        /// Places the time of a node or an edge (`what`): its own start/end, or else its spells
        /// (several merged into one period), as since/until when dates, otherwise as attributes
        /// (numeric times) or a located error (a timeformat of dates).
        func placeTimes<D: DatedDraft>(_ el: Element, _ what: String, in draft: inout D) throws {
            var start = el.start.map { ($0, el.location) }, end = el.end.map { ($0, el.location) }
            if start == nil && end == nil && !el.spells.isEmpty {
                if el.spells.count == 1 {
                    start = el.spells[0].start.map { ($0, el.spells[0].location) }
                    end = el.spells[0].end.map { ($0, el.spells[0].location) }
                } else {
                    if el.isNode { merged.nodes += 1 } else { merged.edges += 1 }
                    // A spell open at one end leaves the merged period open there.
                    if el.spells.allSatisfy({ $0.start != nil }) {
                        start = try bound(el.spells.map { ($0.start!, $0.location) }, latest: false, what, "start", at: el.location)
                    }
                    if el.spells.allSatisfy({ $0.end != nil }) {
                        end = try bound(el.spells.map { ($0.end!, $0.location) }, latest: true, what, "end", at: el.location)
                    }
                }
            }
            for (name, value) in [("start", start), ("end", end)] {
                guard let (s, at) = value else { continue }
                if let d = Interchange.dayOfTime(s) {
                    if name == "start" { draft.since = d } else { draft.until = d }
                } else if datedTimes {
                    throw notADate(what, name, s, at: at)
                } else {
                    draft.attributes[name] = .string(s)
                }
            }
        }

        for el in done where el.isNode {
            var node = NodeDraft(id: el.id, location: el.location)
            node.label = el.label
            var pgDates = false
            for (attr, v) in try values(el, "node") {
                if own && attr.id.hasPrefix("pg.") {
                    guard case .string(let s) = v else { continue }
                    switch attr.id {
                    case "pg.kind": node.kind = s
                    case "pg.originalName": node.originalName = s
                    case "pg.aliases":
                        guard let list = Interchange.stringList(json: s) else {
                            throw FormatError("node '\(el.id)': aliases must be a JSON list of names (strings), found '\(s)'", at: el.location)
                        }
                        node.aliases = list
                    case "pg.country": node.country = s
                    case "pg.since", "pg.until":
                        guard let d = PartialDate(s.stripping(" \t\r\n")) else {
                            throw FormatError("node '\(el.id)': \(attr.title) '\(s)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", at: el.location)
                        }
                        if attr.id == "pg.since" { node.since = d } else { node.until = d }
                        pgDates = true
                    case "pg.sources":
                        guard let list = Interchange.stringList(json: s) else {
                            throw FormatError("sources must be a JSON list of source ids, found '\(s)'", at: el.location)
                        }
                        node.sources = list
                    default: node.attributes[attr.title] = v
                    }
                } else if !own, attr.title != "label", NetworkAssembler.foreignNodeField(attr.title, v, &node) {
                    continue
                } else {
                    node.attributes[attr.title] = v
                }
            }
            if let p = el.pid, node.attributes["pid"] == nil { node.attributes["pid"] = .string(p) }
            if !pgDates { try placeTimes(el, "node", in: &node) }
            asm.nodes.append(node)
        }
        for el in done where !el.isNode {
            var edge = EdgeDraft(from: el.source, to: el.target, location: el.location)
            switch el.type {
            case "directed"?: edge.directed = true
            case "undirected"?, "mutual"?: edge.directed = false
            default: edge.directed = defaultType == "directed" ? nil : false
            }
            if edge.directed == asm.defaultDirected { edge.directed = nil }
            var pgDates = false
            for (attr, v) in try values(el, "edge") {
                if own && attr.id.hasPrefix("pg.") {
                    switch (attr.id, v) {
                    case ("pg.relation", .string(let s)): edge.relation = s
                    case ("pg.since", .string(let s)), ("pg.until", .string(let s)):
                        guard let d = PartialDate(s.stripping(" \t\r\n")) else {
                            throw FormatError("\(attr.title) '\(s)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", at: el.location)
                        }
                        if attr.id == "pg.since" { edge.since = d } else { edge.until = d }
                        pgDates = true
                    case ("pg.edge.sources", .string(let s)):
                        guard let list = Interchange.stringList(json: s) else {
                            throw FormatError("sources must be a JSON list of source ids, found '\(s)'", at: el.location)
                        }
                        edge.sources = list
                    default: edge.attributes[attr.title] = v
                    }
                } else if !own, attr.title != "weight", NetworkAssembler.foreignEdgeField(attr.title, v, &edge) {
                    continue
                } else if !own, attr.title == "networkx_key" {
                    continue // NetworkX's multigraph key: an artefact of how it stores parallel edges
                } else {
                    edge.attributes[attr.title] = v
                }
            }
            if !own, edge.relation == nil, let k = el.kind, !k.isEmpty { edge.relation = k }
            if let w = el.weight {
                guard let d = Interchange.double(w) else { throw FormatError("edge weight '\(w)' is not a number", at: el.location) }
                edge.weight = d
            }
            if !pgDates { try placeTimes(el, "edge", in: &edge) }
            asm.edges.append(edge)
        }
        if merged.nodes + merged.edges > 0 {
            let what = [(merged.nodes, "node"), (merged.edges, "edge")].filter { $0.0 > 0 }.map { Interchange.plural($0.0, $0.1) }.joined(separator: " and ")
            asm.warn("GEXF: \(what) with several spells \(merged.nodes + merged.edges == 1 ? "is" : "are each") read as one period, from the earliest start to the latest end (the gaps between spells are not kept)")
        }
        return try asm.finish()
    }
}
