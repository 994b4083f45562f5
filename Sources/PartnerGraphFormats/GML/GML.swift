// GML: reading and writing as NetworkX does (read_gml / write_gml).
//
// What we write: `graph [ directed 1 multigraph 1 name "…" description "…" partnergraph "…" node
// [ … ] edge [ … ] ]`. A node's `id` is its position (0, 1, …) and its `label` is its PartnerGraph
// id, so NetworkX's read_gml keys nodes by our ids; the display name goes in `name`, with `kind`,
// `originalName`, `aliases` (one repeated key per name: GML's list spelling below, so NetworkX
// reads a list of strings; one string alone reads as one alias), `country`, `since`, `until`
// (strings YYYY[-MM[-DD]], as an edge's) and `sources` (JSON text) beside it. Edges carry
// `source`/`target` (positions), `key` in multigraphs, and `relation`, `weight`, `since`,
// `until`, `sources`.
// Integers and numbers are GML integers and reals; strings are quoted, with non-ASCII characters,
// `"` and `&` written as &#N; (as NetworkX does); a list of integers, numbers or strings is
// written as repeated keys (NetworkX's list spelling, with its "_networkx_list_start" marker
// for one item). Values GML cannot spell are one-key records that our reader turns back into
// typed values (NetworkX reads them as dicts): `[ boolean 1 ]`, `[ date "2022-10" ]`, and
// `[ list "<JSON>" ]` for empty lists and lists holding booleans, dates or lists. The graph's
// `partnergraph` string holds sources, kinds, relations and renamed attributes as JSON.
//
// Not supported:
// - Attribute names that are not GML keys ([A-Za-z][A-Za-z0-9_]*) or that a field uses (id,
//   label, name, kind, …): written under a new name; the header maps them back (NetworkX sees
//   the new names). A warning says so.
// - An alias that is the text "_networkx_list_start" (NetworkX's marker for a list of one): the
//   node's aliases are then written as a `[ list "<JSON>" ]` record, which NetworkX reads as a dict.
// - Per-edge direction: GML has one `directed` for the graph; mixed networks are written as
//   directed (our relations restore the rest; a warning says so).
// - Records other than the typed ones (e.g. yEd's `graphics`, `LabelGraphics`): dropped when
//   named graphics/LabelGraphics, otherwise kept as JSON text, with a warning.
// - Graph attributes other than name, description and the header: dropped with a warning.
// - Integers beyond 32 bits are written as plain integers (GML's spec says 32-bit; NetworkX
//   and we read them).
// - Line breaks in strings are written as &#10; (NetworkX joins multi-line strings with spaces).
// - Reading: files without `graph`, or with several; nodes without `id`; duplicate `label`s
//   (the node ids) are reported as errors.
import PartnerGraph

/// Writes GML that NetworkX's read_gml reads.
public struct GMLEncoder: Sendable {
    public init() {}

    static let nodeReserved: Set<String> = ["id", "label", "name", "kind", "originalName", "aliases", "country", "since", "until", "sources", "graphics"]
    static let edgeReserved: Set<String> = ["source", "target", "key", "relation", "weight", "since", "until", "sources", "id", "graphics"]

    static func validKey(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f.isASCII, f.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    static func sanitize(_ s: String) -> String {
        var out = String(String.UnicodeScalarView(s.unicodeScalars.map {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? $0 : "_"
        }))
        if out.isEmpty || !(out.unicodeScalars.first!.properties.isAlphabetic) { out = "a_" + out }
        return out
    }

    /// A GML string literal, escaped as NetworkX escapes: characters outside printable ASCII,
    /// `"` and `&` as &#N;.
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            if u.value >= 0x20 && u.value <= 0x7E && u != "\"" && u != "&" { out.unicodeScalars.append(u) } else { out += "&#\(u.value);" }
        }
        return out + "\""
    }

    /// A GML real: always with a decimal point (NetworkX's tokenizer needs it).
    static func real(_ d: Double) -> String {
        var s = "\(d)"
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }), !s[..<e].contains(".") { s.insert(contentsOf: ".0", at: e) }
        if !s.contains(".") && !s.contains("e") { s += ".0" }
        return s
    }

    public func encode(_ network: Network) throws -> EncodedNetwork {
        var warnings: [String] = []
        let nodeNames = network.nodes.flatMap { $0.attributes.keys }
        let edgeNames = network.edges.flatMap { $0.attributes.keys }
        let nodeRen = Interchange.renaming(nodeNames, reserved: GMLEncoder.nodeReserved, allowed: GMLEncoder.validKey, sanitize: GMLEncoder.sanitize)
        let edgeRen = Interchange.renaming(edgeNames, reserved: GMLEncoder.edgeReserved, allowed: GMLEncoder.validKey, sanitize: GMLEncoder.sanitize)
        let nodeMap = Dictionary(uniqueKeysWithValues: nodeRen)
        let edgeMap = Dictionary(uniqueKeysWithValues: edgeRen)
        let header = Interchange.headerJSON(network, extra: Interchange.renamedField(node: nodeRen.map { ($0.1, $0.0) }, edge: edgeRen.map { ($0.1, $0.0) })) ?? "{}"

        var out = "graph [\n"
        let directed = Interchange.isDirected(network)
        let multigraph = Interchange.hasParallelEdges(network)
        if directed { out += "  directed 1\n" }
        if multigraph { out += "  multigraph 1\n" }
        if let n = network.name { out += "  name \(GMLEncoder.quote(n))\n" }
        if let d = network.description { out += "  description \(GMLEncoder.quote(d))\n" }
        out += "  partnergraph \(GMLEncoder.quote(header))\n"

        func emit(_ key: String, _ value: AttributeValue, indent: String) -> String {
            switch value {
            case .string(let s): return "\(indent)\(key) \(GMLEncoder.quote(s))\n"
            case .integer(let i): return "\(indent)\(key) \(i)\n"
            case .number(let d): return "\(indent)\(key) \(GMLEncoder.real(d))\n"
            case .boolean(let b): return "\(indent)\(key) [ boolean \(b ? 1 : 0) ]\n"
            case .date(let d): return "\(indent)\(key) [ date \"\(d)\" ]\n"
            case .list(let items):
                let plain = !items.isEmpty && items.allSatisfy {
                    switch $0 {
                    case .integer, .number: return true
                    case .string(let s): return s != "_networkx_list_start"
                    default: return false
                    }
                }
                guard plain else { return "\(indent)\(key) [ list \(GMLEncoder.quote(Interchange.json(value))) ]\n" }
                var s = items.count == 1 ? "\(indent)\(key) \"_networkx_list_start\"\n" : ""
                for item in items { s += emit(key, item, indent: indent) }
                return s
            }
        }

        var position: [NodeID: Int] = [:]
        for (i, node) in network.nodes.enumerated() {
            if position[node.id] == nil { position[node.id] = i }
            out += "  node [\n    id \(i)\n    label \(GMLEncoder.quote(node.id.rawValue))\n"
            out += "    kind \(GMLEncoder.quote(node.kind.id))\n"
            if let v = node.label { out += "    name \(GMLEncoder.quote(v))\n" }
            if let v = node.originalName { out += "    originalName \(GMLEncoder.quote(v))\n" }
            if !node.aliases.isEmpty { out += emit("aliases", .list(node.aliases.map { .string($0) }), indent: "    ") }
            if let v = node.country { out += "    country \(GMLEncoder.quote(v))\n" }
            if let d = node.since { out += "    since \"\(d)\"\n" }
            if let d = node.until { out += "    until \"\(d)\"\n" }
            if !node.sources.isEmpty { out += "    sources \(GMLEncoder.quote(Interchange.json(strings: node.sources)))\n" }
            for (name, value) in node.attributes { out += emit(nodeMap[name] ?? name, value, indent: "    ") }
            out += "  ]\n"
        }
        var keys: [String: Int] = [:]
        for edge in network.edges {
            guard let s = position[edge.from], let t = position[edge.to] else {
                throw FormatError("edge \(edge.from) → \(edge.to) names a node the network does not have; GML cannot hold it")
            }
            out += "  edge [\n    source \(s)\n    target \(t)\n"
            if multigraph {
                let pair = directed || s <= t ? "\(s) \(t)" : "\(t) \(s)"
                let k = keys[pair, default: 0]
                keys[pair] = k + 1
                out += "    key \(k)\n"
            }
            out += "    relation \(GMLEncoder.quote(edge.relation.id))\n"
            if let w = edge.weight { out += "    weight \(GMLEncoder.real(w))\n" }
            if let d = edge.since { out += "    since \"\(d)\"\n" }
            if let d = edge.until { out += "    until \"\(d)\"\n" }
            if !edge.sources.isEmpty { out += "    sources \(GMLEncoder.quote(Interchange.json(strings: edge.sources)))\n" }
            for (name, value) in edge.attributes { out += emit(edgeMap[name] ?? name, value, indent: "    ") }
            out += "  ]\n"
        }
        out += "]\n"

        if Interchange.mixesDirections(network) {
            warnings.append("GML: the network mixes directed and symmetric relations; GML has one direction per graph, so it is written as directed and other tools see \(Interchange.plural(network.edges.filter { !$0.relation.isDirected }.count, "symmetric edge")) as one-way arcs; PartnerGraph restores them from the relations")
        }
        if !nodeRen.isEmpty || !edgeRen.isEmpty {
            let list = (nodeRen + edgeRen).map { "'\($0.0)' as \($0.1)" }.joined(separator: ", ")
            warnings.append("GML: attribute names that are not GML keys or that fields use are written under new names (\(list)); PartnerGraph restores them, other tools see the new names")
        }
        let typed = (network.nodes.flatMap { $0.attributes.map(\.value) } + network.edges.flatMap { $0.attributes.map(\.value) }).filter {
            switch $0 {
            case .boolean, .date: return true
            case .list(let items): return items.isEmpty || items.contains { if case .string = $0 { return false }; if case .integer = $0 { return false }; if case .number = $0 { return false }; return true }
            default: return false
            }
        }.count
        if typed > 0 {
            warnings.append("GML: \(Interchange.plural(typed, "boolean, date or mixed-list value")) written as one-key records ([ boolean 1 ], [ date \"…\" ], [ list \"…\" ]); PartnerGraph reads them back typed, NetworkX reads them as dicts")
        }
        return EncodedNetwork(text: out, warnings: warnings)
    }
}

/// Reads GML as NetworkX reads it: `label` is the node id (the GML `id` when there is no label).
public struct GMLDecoder: Sendable {
    public init() {}

    public func decode(_ text: String, file: String) throws -> Network { try read(text, file: file).network }

    /// Reads a network and what could not be kept.
    public func read(_ text: String, file: String) throws -> DecodedNetwork {
        var tokenizer = GMLTokenizer(bytes: Array(text.utf8), file: file)
        let top = try tokenizer.parseList(depth: 0, opener: nil)
        let graphs = top.filter { $0.key == "graph" }
        guard let graph = graphs.first else {
            throw FormatError("no 'graph [ … ]' in the file", at: SourceLocation(file: file, line: 1))
        }
        if graphs.count > 1 { throw FormatError("a second 'graph' (one graph per file)", at: graphs[1].location) }
        guard case .list(let items) = graph.value else { throw FormatError("'graph' must be followed by '[ … ]'", at: graph.location) }
        return try GMLDecoder.build(items, file: file)
    }

    static func build(_ items: [GMLEntry], file: String) throws -> DecodedNetwork {
        var directed = false
        var asm = NetworkAssembler(file: file)
        var own = false
        var renames: (node: [String: String], edge: [String: String]) = ([:], [:])
        for e in items {
            switch e.key {
            case "directed":
                guard case .int(let i) = e.value else { throw FormatError("'directed' must be 0 or 1", at: e.location) }
                directed = i != 0
            case "multigraph", "node", "edge": break
            case "name": if case .string(let s) = e.value { asm.name = s } else { asm.name = e.value.text }
            case "description": if case .string(let s) = e.value { asm.description = s }
            case "partnergraph":
                guard case .string(let s) = e.value else { throw FormatError("'partnergraph' must be a string holding JSON", at: e.location) }
                let (h, extra) = try Interchange.decodeHeader(s, file: file, at: e.location)
                asm.header = h
                renames = Interchange.renames(extra)
                own = true
            default:
                asm.warn("GML: graph attribute '\(e.key)' is not kept (a network has a name and a description only)")
            }
        }
        asm.defaultDirected = directed

        func value(_ entries: [GMLEntry], _ warn: (String) -> Void) throws -> AttributeValue? {
            if entries.count > 1 || (entries.count == 2 && entries[0].value.isListStart) {
                var list = entries
                if list.first?.value.isListStart == true { list.removeFirst() }
                return .list(try list.compactMap { try value([$0], warn) })
            }
            let e = entries[0]
            switch e.value {
            case .int(let i): return .integer(i)
            case .real(let d): return Interchange.numberValue(d, text: e.value.text) { warn("GML: \($0)") }
            case .string(let s): return .string(s)
            case .list(let inner):
                if inner.count == 1 {
                    let t = inner[0]
                    switch (t.key, t.value) {
                    case ("boolean", .int(let i)): return .boolean(i != 0)
                    case ("date", .string(let s)):
                        guard let d = PartialDate(s) else { throw FormatError("'\(s)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", at: t.location) }
                        return .date(d)
                    case ("integer", .string(let s)):
                        guard let i = Int(s) else { throw FormatError("'\(s)' is not an integer", at: t.location) }
                        return .integer(i)
                    case ("string", .string(let s)): return .string(s)
                    case ("list", .string(let s)):
                        guard let v = Interchange.attributeValue(json: s), case .list = v else { throw FormatError("'\(s)' is not a JSON list", at: t.location) }
                        return v
                    default: break
                    }
                }
                if e.key == "graphics" || e.key == "LabelGraphics" {
                    warn("GML: graphics records are not kept")
                    return nil
                }
                warn("GML: records (key [ … ]) are kept as JSON text")
                return .string(Interchange.compactJSON(e.value.output))
            }
        }

        /// Entries grouped by key, in first-appearance order (repeated keys make lists).
        func grouped(_ entries: [GMLEntry]) -> [(String, [GMLEntry])] {
            var order: [String] = []
            var groups: [String: [GMLEntry]] = [:]
            for e in entries {
                if groups[e.key] == nil { order.append(e.key) }
                groups[e.key, default: []].append(e)
            }
            return order.map { ($0, groups[$0]!) }
        }

        var idOf: [String: String] = [:]   // GML id → node id
        var labels: [String: SourceLocation] = [:]
        for e in items where e.key == "node" {
            guard case .list(let fields) = e.value else { throw FormatError("'node' must be followed by '[ … ]'", at: e.location) }
            guard let idEntry = fields.first(where: { $0.key == "id" }) else { throw FormatError("node has no 'id'", at: e.location) }
            let gmlID = idEntry.value.text
            if idOf[gmlID] != nil { throw FormatError("node id \(gmlID) is used twice", at: idEntry.location) }
            let labelEntry = fields.first(where: { $0.key == "label" })
            let nodeID = labelEntry?.value.text ?? gmlID
            if let first = labels[nodeID] {
                throw FormatError("node label '\(nodeID)' is used twice (first at line \(first.line ?? 0)); labels are node ids", at: (labelEntry ?? idEntry).location)
            }
            labels[nodeID] = e.location
            idOf[gmlID] = nodeID
            var node = NodeDraft(id: nodeID, location: e.location)
            for (key, entries) in grouped(fields) where key != "id" && key != "label" {
                guard let v = try value(entries, { asm.warn($0) }) else { continue }
                if own, key == "aliases" {
                    // Repeated keys (a list), one key (one name), or a [ list "…" ] record.
                    if case .string(let s) = v { node.aliases = [s]; continue }
                    guard let names = NetworkAssembler.aliases(v) else {
                        let bad = entries.first { if case .string = $0.value { return false }; return true } ?? entries[0]
                        throw FormatError("node '\(nodeID)': aliases must be names (strings), found \(bad.value.text)", at: bad.location)
                    }
                    node.aliases = names
                    continue
                }
                if own, case .string(let s) = v {
                    switch key {
                    case "kind": node.kind = s; continue
                    case "name": node.label = s; continue
                    case "originalName": node.originalName = s; continue
                    case "country": node.country = s; continue
                    case "since", "until":
                        guard let d = PartialDate(s) else {
                            throw FormatError("node '\(nodeID)': \(key) '\(s)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", at: entries[0].location)
                        }
                        if key == "since" { node.since = d } else { node.until = d }
                        continue
                    case "sources":
                        guard let list = Interchange.stringList(json: s) else {
                            throw FormatError("sources must be a JSON list of source ids, found '\(s)'", at: entries[0].location)
                        }
                        node.sources = list
                        continue
                    default: break
                    }
                }
                if !own, NetworkAssembler.foreignNodeField(key, v, &node) { continue }
                node.attributes[own ? renames.node[key] ?? key : key] = v
            }
            asm.nodes.append(node)
        }
        for e in items where e.key == "edge" {
            guard case .list(let fields) = e.value else { throw FormatError("'edge' must be followed by '[ … ]'", at: e.location) }
            var ends: [String] = []
            for end in ["source", "target"] {
                guard let f = fields.first(where: { $0.key == end }) else { throw FormatError("edge has no '\(end)'", at: e.location) }
                guard let id = idOf[f.value.text] else { throw FormatError("edge \(end) \(f.value.text) is not the id of any node", at: f.location) }
                ends.append(id)
            }
            var edge = EdgeDraft(from: ends[0], to: ends[1], location: e.location)
            for (key, entries) in grouped(fields) where !["source", "target", "key"].contains(key) {
                guard let v = try value(entries, { asm.warn($0) }) else { continue }
                if own {
                    switch (key, v) {
                    case ("relation", .string(let s)): edge.relation = s; continue
                    case ("weight", .number(let w)): edge.weight = w; continue
                    case ("weight", .integer(let w)): edge.weight = Double(w); continue
                    case ("weight", _):
                        // Our own files write the weight as a number; anything else is no weight.
                        NetworkAssembler.place(weight: v, in: &edge)
                        continue
                    case ("since", .string(let s)), ("until", .string(let s)):
                        guard let d = PartialDate(s) else { throw FormatError("\(key) '\(s)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", at: entries[0].location) }
                        if key == "since" { edge.since = d } else { edge.until = d }
                        continue
                    case ("sources", .string(let s)):
                        guard let list = Interchange.stringList(json: s) else {
                            throw FormatError("sources must be a JSON list of source ids, found '\(s)'", at: entries[0].location)
                        }
                        edge.sources = list
                        continue
                    default: break
                    }
                }
                if !own, NetworkAssembler.foreignEdgeField(key, v, &edge) { continue }
                edge.attributes[own ? renames.edge[key] ?? key : key] = v
            }
            asm.edges.append(edge)
        }
        return try asm.finish()
    }
}

/// A GML value.
enum GMLValue {
    case int(Int)
    case real(Double)
    case string(String)
    case list([GMLEntry])

    /// The value as text (ids and labels may be numbers or strings).
    var text: String {
        switch self {
        case .int(let i): return String(i)
        case .real(let d): return formatNumber(d)
        case .string(let s): return s
        case .list: return Interchange.compactJSON(output)
        }
    }

    var isListStart: Bool { if case .string("_networkx_list_start") = self { return true }; return false }

    var output: OutputValue {
        switch self {
        case .int(let i): return .integer(i)
        case .real(let d): return .number(d)
        case .string(let s): return .string(s)
        case .list(let entries): return .mapping(entries.map { ($0.key, $0.value.output) })
        }
    }
}

struct GMLEntry {
    var key: String
    var value: GMLValue
    var location: SourceLocation
}

/// Tokenizes and parses GML: keys, integers, reals, "strings" (no escapes; &#N; and HTML
/// entities decoded), [ ] lists, # comments. Every error is located.
struct GMLTokenizer {
    let bytes: [UInt8]
    let file: String
    var i = 0
    var line = 1
    var column = 1

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    }

    var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    mutating func advance() {
        if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
        i += 1
    }

    mutating func skipSpace() {
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { advance() } else if b == UInt8(ascii: "#") {
                while i < bytes.count && bytes[i] != 0x0A { advance() }
            } else { return }
        }
    }

    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_") }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    mutating func parseList(depth: Int, opener: SourceLocation?) throws -> [GMLEntry] {
        guard depth < 100 else { throw FormatError("malformed GML: lists nested deeper than 100 levels", at: here) }
        var entries: [GMLEntry] = []
        while true {
            skipSpace()
            guard i < bytes.count else {
                if let opener { throw FormatError("malformed GML: the '[' here is never closed (the file ends first)", at: opener) }
                return entries
            }
            if bytes[i] == UInt8(ascii: "]") {
                guard opener != nil else { throw FormatError("malformed GML: ']' without a matching '['", at: here) }
                advance()
                return entries
            }
            let at = here
            guard GMLTokenizer.isLetter(bytes[i]) else {
                throw FormatError("malformed GML: expected a key, found '\(String(decoding: [bytes[i]], as: UTF8.self))'", at: at)
            }
            let start = i
            while i < bytes.count && (GMLTokenizer.isLetter(bytes[i]) || GMLTokenizer.isDigit(bytes[i])) { advance() }
            let key = String(decoding: bytes[start..<i], as: UTF8.self)
            skipSpace()
            guard i < bytes.count else { throw FormatError("malformed GML: key '\(key)' has no value (the file ends)", at: at) }
            entries.append(GMLEntry(key: key, value: try parseValue(key: key, depth: depth), location: at))
        }
    }

    mutating func parseValue(key: String, depth: Int) throws -> GMLValue {
        let at = here
        let b = bytes[i]
        if b == UInt8(ascii: "[") {
            advance()
            return .list(try parseList(depth: depth + 1, opener: at))
        }
        if b == UInt8(ascii: "\"") {
            advance()
            var out: [UInt8] = []
            while true {
                guard i < bytes.count else { throw FormatError("malformed GML: the string that starts here is never closed", at: at) }
                if bytes[i] == UInt8(ascii: "\"") { advance(); break }
                out.append(bytes[i])
                advance()
            }
            return .string(GMLTokenizer.unescape(String(decoding: out, as: UTF8.self)))
        }
        let start = i
        while i < bytes.count, !(bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == UInt8(ascii: "]") || bytes[i] == UInt8(ascii: "[")) { advance() }
        let word = String(decoding: bytes[start..<i], as: UTF8.self)
        if let n = Int(word.hasPrefix("+") ? String(word.dropFirst()) : word) { return .int(n) }
        switch word.uppercased() {
        case "INF", "+INF": return .real(.infinity)
        case "-INF": return .real(-.infinity)
        case "NAN", "+NAN", "-NAN": return .real(.nan)
        default: break
        }
        if word.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let d = Interchange.double(word) { return .real(d) }
        if word.allSatisfy({ $0.isNumber || "+-".contains($0) }) && !word.isEmpty {
            throw FormatError("malformed GML: integer '\(word)' is out of range", at: at)
        }
        throw FormatError("malformed GML: key '\(key)' needs a value (a number, a \"string\" or [ … ]), found '\(word)'", at: at)
    }

    static let entities: [String: UInt32] = ["amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39, "nbsp": 160]

    /// Decodes &#N;, &#xH; and the common named entities; anything else is left as is.
    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semi) <= 10 {
                let body = after[..<semi]
                var scalar: Unicode.Scalar?
                if body.hasPrefix("#x") || body.hasPrefix("#X") { scalar = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) } else if body.hasPrefix("#") { scalar = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init) } else { scalar = entities[String(body)].flatMap(Unicode.Scalar.init) }
                if let scalar {
                    out.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}
