// Shared by the interchange formats (GraphML, GEXF, GML, node-link JSON, Pajek, edge list, CSV):
// the results readers and writers return, the network "header" (sources, declared kinds and
// relations) that rich formats carry as JSON text, attribute values as JSON text, and the
// assembly of a network from what a reader found, with every problem located.
//
// What a file from another tool becomes:
// - a node without a kind gets the kind `node` (declared, label "Node"), as CSV import does;
// - an edge without a relation gets `connected-to`, with the file's default direction; in a file
//   that mixes directions, edges against the default get `points-to` (directed) or
//   `connected-with` (symmetric);
// - a `weight` must be a finite number above zero: any other (0, -1, NaN, infinity, text) is a
//   located error, as in the native format (never an attribute that silently unweights the edge);
// - `since`/`until` (of a node or an edge) that are not YYYY, YYYY-MM or YYYY-MM-DD are kept as
//   attributes;
// - a node's `aliases` that is a list of text (node-link JSON, GML's repeated keys, GEXF's
//   liststring, a GraphML ".list" key) becomes its aliases; any other `aliases` (one text, a list
//   holding numbers) is kept as an attribute;
// - numbers that are not finite (NaN, infinity) are kept as text, with a warning.
import PartnerGraph

/// Text written in an interchange format, and what the format could not hold.
public struct EncodedNetwork: Sendable, Equatable {
    /// The file's text.
    public var text: String
    /// One line per kind of loss (e.g. "Pajek keeps no attributes: 25 edge attributes dropped").
    public var warnings: [String]

    public init(text: String, warnings: [String] = []) {
        self.text = text
        self.warnings = warnings
    }
}

/// A network read from an interchange format, and what the reader could not keep.
public struct DecodedNetwork: Sendable {
    public var network: Network
    public var warnings: [String]

    public init(network: Network, warnings: [String] = []) {
        self.network = network
        self.warnings = warnings
    }
}

/// A node or an edge as a reader found it: what dates and attributes it has, for the helpers
/// that place foreign dates (`NetworkAssembler.place(date:named:in:)` and
/// `place(start:end:in:)`) on either.
protocol DatedDraft {
    var since: PartialDate? { get set }
    var until: PartialDate? { get set }
    var attributes: Attributes { get set }
}

/// A node as a reader found it.
struct NodeDraft: DatedDraft {
    var id: String
    var location: SourceLocation
    var kind: String?
    var label: String?
    var originalName: String?
    /// Other names (validated when the network is assembled: an empty one is refused at the node).
    var aliases: [String] = []
    var country: String?
    var since: PartialDate?
    var until: PartialDate?
    var sources: [String]?
    var attributes = Attributes()

    init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

/// An edge as a reader found it. `directed` is the edge's own direction (nil: the file's default).
struct EdgeDraft: DatedDraft {
    var from: String
    var to: String
    var location: SourceLocation
    var directed: Bool?
    var relation: String?
    var weight: Double?
    /// A weight value that is not a number (reported when the network is assembled).
    var invalidWeight: String?
    var since: PartialDate?
    var until: PartialDate?
    var sources: [String]?
    var attributes = Attributes()

    init(from: String, to: String, location: SourceLocation) {
        self.from = from
        self.to = to
        self.location = location
    }
}

/// Builds a network from drafts: declares the kinds and relations a foreign file uses, runs
/// `Network.validate()` and locates every problem at the element it comes from.
struct NetworkAssembler {
    let file: String
    var name: String?
    var description: String?
    var header: Network?
    var defaultDirected: Bool
    var nodes: [NodeDraft] = []
    var edges: [EdgeDraft] = []
    var issues: [ValidationIssue] = []
    var warnings: [String] = []

    init(file: String, defaultDirected: Bool = false) {
        self.file = file
        self.defaultDirected = defaultDirected
    }

    mutating func issue(_ message: String, at location: SourceLocation) {
        issues.append(ValidationIssue(.network, message, location: location))
    }

    mutating func warn(_ message: String) {
        if !warnings.contains(message) { warnings.append(message) }
    }

    /// Puts a foreign `weight` value in the weight field; a number out of range (0, negative,
    /// NaN, infinity) is then refused by validation, and one that is no number at all when the
    /// network is assembled, both at the edge's location.
    static func place(weight value: AttributeValue, in edge: inout EdgeDraft) {
        switch value {
        case .number(let d): edge.weight = d
        case .integer(let i): edge.weight = Double(i)
        case .string(let s):
            if let d = Double(s.stripping(" \t\r\n")) { edge.weight = d } else { edge.invalidWeight = s }
        default: edge.invalidWeight = value.description
        }
    }

    /// A foreign date value: a date, text YYYY, YYYY-MM or YYYY-MM-DD, or an integer year; with
    /// `dayOfDateTime`, also the day of an xsd:dateTime ("2016-05-05T10:00:00", as GEXF's
    /// dateTime times are) and text with spaces around (as `Interchange.dayOfTime` reads times).
    /// Nil for anything else.
    static func date(_ value: AttributeValue, dayOfDateTime: Bool = false) -> PartialDate? {
        switch value {
        case .date(let d): return d
        case .string(let s): return dayOfDateTime ? Interchange.dayOfTime(s) : PartialDate(s)
        case .integer(let i): return PartialDate(String(i))
        default: return nil
        }
    }

    /// Puts a foreign `since`/`until` where it belongs: the field when it is a date, otherwise an attribute.
    static func place<D: DatedDraft>(date value: AttributeValue, named name: String, in draft: inout D) {
        if let d = date(value) {
            if name == "since" { draft.since = d } else { draft.until = d }
        } else {
            draft.attributes[name] = value
        }
    }

    /// Puts foreign `start`/`end` values where they belong. They are how dynamic GEXF bounds a
    /// node's or an edge's lifetime, and how NetworkX (and tools like it) keep those bounds as
    /// attributes when they write the graph in another format. A date (as `date(_:dayOfDateTime:)`
    /// reads it, the day of a dateTime included) becomes since (start) or until (end) when the
    /// element has none of its own; one that says what since/until already say (the first day of
    /// since, the last day of until: a GEXF of ours re-written by another tool carries both) is
    /// dropped; anything else (numeric times, text, a different date) is kept as an attribute.
    /// Call it after the element's `since`/`until` are placed.
    static func place<D: DatedDraft>(start: AttributeValue?, end: AttributeValue?, in draft: inout D) {
        if let start {
            switch date(start, dayOfDateTime: true) {
            case let d? where draft.since == nil: draft.since = d
            case let d? where d.firstDay == draft.since!.firstDay: break // says what since says
            default: draft.attributes["start"] = start
            }
        }
        if let end {
            switch date(end, dayOfDateTime: true) {
            case let d? where draft.until == nil: draft.until = d
            case let d? where d.lastDay == draft.until!.lastDay: break // says what until says
            default: draft.attributes["end"] = end
            }
        }
    }

    /// Applies the name conventions of files that carry no PartnerGraph markers: `label`,
    /// `kind`, `originalName`, `country` (text) become node fields, `since`/`until` too (as
    /// `place(date:named:in:)` puts them), and `aliases` when it is a list of text (`aliases(_:)`).
    /// Returns whether it used the value.
    static func foreignNodeField(_ name: String, _ value: AttributeValue, _ node: inout NodeDraft) -> Bool {
        if name == "since" || name == "until" {
            place(date: value, named: name, in: &node)
            return true
        }
        if name == "aliases" {
            guard let names = aliases(value) else { return false }
            node.aliases = names
            return true
        }
        guard case .string(let s) = value else {
            if name == "label" { node.label = value.description; return true }
            return false
        }
        switch name {
        case "label": node.label = s
        case "kind" where !s.isEmpty: node.kind = s
        case "originalName": node.originalName = s
        case "country": node.country = s
        default: return false
        }
        return true
    }

    /// A list value as a node's aliases: its items when every one is text (an empty list gives
    /// none), nil for anything else (one text, a list holding numbers or dates), which a reader
    /// keeps as an attribute or, in a file of ours, refuses.
    static func aliases(_ value: AttributeValue) -> [String]? {
        guard case .list(let items) = value else { return nil }
        var names: [String] = []
        for item in items {
            guard case .string(let s) = item else { return nil }
            names.append(s)
        }
        return names
    }

    /// The edge counterpart: `relation`, `weight`, `since`, `until`.
    static func foreignEdgeField(_ name: String, _ value: AttributeValue, _ edge: inout EdgeDraft) -> Bool {
        switch name {
        case "relation":
            guard case .string(let s) = value, !s.isEmpty else { return false }
            edge.relation = s
        case "weight": place(weight: value, in: &edge)
        case "since", "until": place(date: value, named: name, in: &edge)
        default: return false
        }
        return true
    }

    func finish() throws -> DecodedNetwork {
        var network = header ?? Network()
        if let name { network.name = name }
        if let description { network.description = description }
        let warnings = self.warnings
        var issues = self.issues

        for draft in nodes {
            var kind = Interchange.defaultKind
            if let k = draft.kind {
                if let known = network.kind(k) { kind = known } else {
                    kind = NodeKind(k)
                    network.declaredKinds.append(kind)
                }
            } else if let known = network.kind(kind.id) {
                kind = known
            } else {
                network.declaredKinds.append(kind)
            }
            network.addNode(Node(id: NodeID(draft.id), kind: kind, label: draft.label, originalName: draft.originalName,
                                 country: draft.country, since: draft.since, until: draft.until, aliases: draft.aliases,
                                 attributes: draft.attributes, sources: draft.sources ?? []))
        }
        for draft in edges {
            if let bad = draft.invalidWeight {
                issues.append(ValidationIssue(.network, "edge \(draft.from) → \(draft.to): weight must be a finite number greater than 0, got '\(bad)'", location: draft.location))
            }
            let directed = draft.directed ?? defaultDirected
            let relation: Relation
            if let r = draft.relation {
                if let known = network.relation(r) { relation = known } else {
                    relation = Relation(r, directed: directed, verb: r.replacingOccurrences(of: "-", with: " "))
                    network.declaredRelations.append(relation)
                }
            } else {
                let fallback = Interchange.defaultRelation(directed: directed, fileDirected: defaultDirected)
                if let known = network.relation(fallback.id) { relation = known } else {
                    relation = fallback
                    network.declaredRelations.append(fallback)
                }
            }
            network.addEdge(Edge(from: NodeID(draft.from), to: NodeID(draft.to), relation: relation, weight: draft.weight,
                                 since: draft.since, until: draft.until, attributes: draft.attributes, sources: draft.sources ?? []))
        }
        for issue in network.validate() {
            var located = issue
            switch issue.element {
            case .node(let i): located.location = nodes[i].location
            case .edge(let i): located.location = edges[i].location
            default: located.location = SourceLocation(file: file)
            }
            issues.append(located)
        }
        if !issues.isEmpty { throw NetworkValidationError(issues: issues) }
        return DecodedNetwork(network: network, warnings: warnings)
    }
}

/// Helpers shared by the interchange formats.
enum Interchange {
    /// The kind of nodes a foreign file does not classify (as CSV import uses).
    static let defaultKind = NodeKind("node", label: "Node")

    /// The relation of an edge a foreign file gives no relation.
    static func defaultRelation(directed: Bool, fileDirected: Bool) -> Relation {
        if directed == fileDirected { return Relation("connected-to", directed: directed, verb: "is connected to") }
        return directed ? Relation("points-to", directed: true, verb: "points to")
            : Relation("connected-with", directed: false, verb: "is connected with")
    }

    /// Whether the network's edges (or, with none, its relations) are directed: the direction a
    /// format with one graph-wide direction is given.
    static func isDirected(_ network: Network) -> Bool {
        if network.edges.isEmpty { return false }
        return network.edges.contains { $0.relation.isDirected }
    }

    static func mixesDirections(_ network: Network) -> Bool {
        network.edges.contains { $0.relation.isDirected } && network.edges.contains { !$0.relation.isDirected }
    }

    /// Whether some pair of nodes has more than one edge (in either direction for symmetric edges).
    static func hasParallelEdges(_ network: Network) -> Bool {
        var seen: Set<[String]> = []
        let directed = isDirected(network)
        for e in network.edges {
            var pair = [e.from.rawValue, e.to.rawValue]
            if !directed { pair.sort() }
            if !seen.insert(pair).inserted { return true }
        }
        return false
    }

    // MARK: The header

    /// The sources, declared kinds and declared relations as compact native JSON (see
    /// docs/FORMAT.md), or nil when the network has none of them. `extra` adds fields a
    /// format needs (e.g. renamed attributes).
    static func headerJSON(_ network: Network, extra: [(String, OutputValue)] = []) -> String? {
        guard case .mapping(let all) = NativeEncoder.tree(network) else { return nil }
        var kept = all.filter { ["sources", "kinds", "relations"].contains($0.0) }
        kept += extra
        if kept.isEmpty { return nil }
        return compactJSON(.mapping(kept))
    }

    /// Reads a header written by `headerJSON`. Fields other than sources, kinds and relations
    /// are returned in `extra` (by name, as document nodes).
    static func decodeHeader(_ text: String, file: String, at location: SourceLocation) throws -> (Network, [String: DocumentNode]) {
        let root: DocumentNode
        do { root = try JSONDocumentReader.read(text, file: file) } catch let e as FormatError {
            throw FormatError("the PartnerGraph header is not valid JSON (\(e.message))", at: location)
        }
        return try decodeHeader(root, file: file, at: location)
    }

    /// Reads a header already parsed as a JSON document.
    static func decodeHeader(_ root: DocumentNode, file: String, at location: SourceLocation) throws -> (Network, [String: DocumentNode]) {
        guard case .mapping(let pairs) = root.value else {
            throw FormatError("the PartnerGraph header must be a JSON object", at: location)
        }
        var native: [(key: DocumentNode, value: DocumentNode)] = []
        var extra: [String: DocumentNode] = [:]
        for p in pairs {
            if let k = p.key.scalarText, ["sources", "kinds", "relations"].contains(k) { native.append(p) } else if let k = p.key.scalarText {
                extra[k] = p.value
            }
        }
        var state = NativeDecodingState(file: file)
        let network = state.decodeNetwork(DocumentNode(value: .mapping(native), line: root.line, column: root.column))
        let issues = state.issues + network.validate()
        if let first = issues.first {
            throw FormatError("the PartnerGraph header: \(first.message)", at: location)
        }
        return (network, extra)
    }

    /// Attribute renames kept in a header's "renamed" field: {"node": {"written": "original"}, "edge": {…}}.
    static func renames(_ extra: [String: DocumentNode]) -> (node: [String: String], edge: [String: String]) {
        var out: (node: [String: String], edge: [String: String]) = ([:], [:])
        guard let r = extra["renamed"], case .mapping(let domains) = r.value else { return out }
        for (k, v) in domains {
            guard case .mapping(let pairs) = v.value else { continue }
            var map: [String: String] = [:]
            for (a, b) in pairs { if let a = a.scalarText, let b = b.scalarText { map[a] = b } }
            if k.scalarText == "node" { out.node = map } else if k.scalarText == "edge" { out.edge = map }
        }
        return out
    }

    /// The "renamed" header field for `renames`, or nothing when there are none.
    static func renamedField(node: [(String, String)], edge: [(String, String)]) -> [(String, OutputValue)] {
        if node.isEmpty && edge.isEmpty { return [] }
        var m: [(String, OutputValue)] = []
        if !node.isEmpty { m.append(("node", .mapping(node.map { ($0.0, .string($0.1)) }))) }
        if !edge.isEmpty { m.append(("edge", .mapping(edge.map { ($0.0, .string($0.1)) }))) }
        return [("renamed", .mapping(m))]
    }

    /// Names for attributes that a format cannot write as they are: `allowed` says which names
    /// can stand; the others get a new name (made by `sanitize`, unique among all names used).
    /// Returns original → written, in first-use order of the originals.
    static func renaming(_ names: [String], reserved: Set<String>, allowed: (String) -> Bool, sanitize: (String) -> String) -> [(String, String)] {
        var used = Set(names).union(reserved)
        var out: [(String, String)] = []
        var done: Set<String> = []
        for name in names where !done.contains(name) {
            done.insert(name)
            if !reserved.contains(name) && allowed(name) { continue }
            let base = sanitize(name)
            var candidate = base
            var n = 2
            while used.contains(candidate) { candidate = "\(base)_\(n)"; n += 1 }
            used.insert(candidate)
            out.append((name, candidate))
        }
        return out
    }

    // MARK: JSON text for values

    /// A value as JSON text in the native format's JSON spelling (dates as {"date": "…"}).
    static func json(_ value: AttributeValue) -> String { compactJSON(NativeEncoder.value(value)) }

    /// A list of ids as JSON text.
    static func json(strings: [String]) -> String { compactJSON(.list(strings.map { .string($0) }, inline: true)) }

    /// A value from JSON text; nil when the text is not JSON or holds something no attribute can.
    static func attributeValue(json text: String) -> AttributeValue? {
        guard let root = try? JSONDocumentReader.read(text, file: "") else { return nil }
        var state = NativeDecodingState(file: "")
        let v = state.attributeValue(root, "value")
        return state.issues.isEmpty ? v : nil
    }

    /// A list of strings from JSON text; nil when it is not one.
    static func stringList(json text: String) -> [String]? {
        guard text.hasPrefix("["), let root = try? JSONDocumentReader.read(text, file: ""),
              case .sequence(let items) = root.value else { return nil }
        var out: [String] = []
        for item in items {
            guard case .scalar(let s, quoted: true) = item.value else { return nil }
            out.append(s)
        }
        return out
    }

    /// JSON on one line: no spaces, UTF-8 kept.
    static func compactJSON(_ value: OutputValue) -> String { JSONWriter.compact(value) }

    // MARK: Values as text

    /// The text a value is written as in a typed text slot (GraphML data, GEXF attvalue):
    /// integers and numbers in shortest round-trip form, booleans `true`/`false`, dates as
    /// YYYY[-MM[-DD]], lists as JSON.
    static func text(_ value: AttributeValue) -> String {
        switch value {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .number(let d): return formatNumber(d)
        case .boolean(let b): return b ? "true" : "false"
        case .date(let d): return d.description
        case .list: return json(value)
        }
    }

    /// A time as GEXF writes it under timeformat date or dateTime (or any xsd:date / xsd:dateTime
    /// text) as a date: YYYY, YYYY-MM, YYYY-MM-DD, or the day of YYYY-MM-DDThh:mm:ss…, spaces
    /// around allowed; nil for anything else (numeric times included).
    static func dayOfTime(_ s: String) -> PartialDate? {
        let t = s.stripping(" \t\r\n")
        if let d = PartialDate(t) { return d }
        if t.count > 10, t.dropFirst(10).first == "T" { return PartialDate(String(t.prefix(10))) }
        return nil
    }

    /// Parses a boolean as Java, Python and the XML schema write it (case-insensitive).
    static func bool(_ s: String) -> Bool? {
        switch s.trimmingSpaces.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: return nil
        }
    }

    /// Parses a number as Java, Python and C write it; nil when not a number.
    static func double(_ s: String) -> Double? {
        let t = s.stripping(" \t\r\n")
        guard !t.isEmpty else { return nil }
        switch t.lowercased() {
        case "nan", "+nan", "-nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: break
        }
        let allowed = Set("0123456789+-.eE")
        guard t.allSatisfy({ allowed.contains($0) }) else { return nil }
        return Double(t)
    }

    /// A number value, or its text when it is not finite (attributes must be finite).
    static func numberValue(_ d: Double, text: String, warn: (String) -> Void) -> AttributeValue {
        if d.isFinite { return .number(d) }
        warn("numbers that are not finite (NaN, infinity) are kept as text")
        return .string(text.stripping(" \t\r\n"))
    }

    /// Counts the things a format cannot hold, for warnings: `aliases` is the nodes with aliases,
    /// `nodeDates` and `dates` are the nodes and the edges with a since or an until.
    static func count(_ network: Network) -> (nodeAttributes: Int, edgeAttributes: Int, labels: Int, aliases: Int, kinds: Int, relations: Int, nodeDates: Int, dates: Int, sources: Int, weights: Int) {
        var na = 0, ea = 0, labels = 0, aliases = 0, nodeDates = 0, dates = 0, sources = 0, weights = 0
        for n in network.nodes {
            na += n.attributes.count
            if n.label != nil || n.originalName != nil || n.country != nil { labels += 1 }
            if !n.aliases.isEmpty { aliases += 1 }
            if n.since != nil || n.until != nil { nodeDates += 1 }
            if !n.sources.isEmpty { sources += 1 }
        }
        for e in network.edges {
            ea += e.attributes.count
            if e.since != nil || e.until != nil { dates += 1 }
            if !e.sources.isEmpty { sources += 1 }
            if e.weight != nil { weights += 1 }
        }
        return (na, ea, labels, aliases, Set(network.nodes.map(\.kind.id)).count, Set(network.edges.map(\.relation.id)).count, nodeDates, dates, sources, weights)
    }

    /// "1 thing" / "2 things".
    static func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }
}

extension Interchange {
    /// The lines of a text, split at "\n", "\r\n" or a lone "\r" (old Mac files) on Unicode
    /// scalars, so that combining characters after a separator split where they should. A
    /// byte-order mark at the start is dropped.
    static func lines(_ text: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        var first = true
        var afterCR = false
        for u in text.unicodeScalars {
            if first { first = false; if u == "\u{FEFF}" { continue } }
            if u == "\n" && afterCR { afterCR = false; continue }
            afterCR = u == "\r"
            if u == "\n" || u == "\r" {
                out.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(u)
            }
        }
        out.append(String(current))
        return out
    }

    /// Splits on scalars that `isSeparator` matches, dropping empty pieces.
    static func fields(_ line: String, _ isSeparator: (Unicode.Scalar) -> Bool) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for u in line.unicodeScalars {
            if isSeparator(u) {
                if !current.isEmpty { out.append(String(current)); current = String.UnicodeScalarView() }
            } else {
                current.append(u)
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }
}

extension String {
    /// The string without the given characters (compared as Unicode scalars) at either end.
    func stripping(_ set: String) -> String {
        let chars = Set(set.unicodeScalars)
        var s = Substring(self).unicodeScalars
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

