// Neo4j: the tables `neo4j-admin database import full` reads, and a Cypher script that builds the
// same graph in a running database (cypher-shell -f import.cypher).
//
// nodes.csv: `id:ID` (kept as the property `id`), `:LABEL` (`Actor` plus the kind as a label:
// organisation → `Organisation`), `name` (the display name), then label, originalName,
// `aliases:string[]`, country, since, until and one column per attribute, each typed from its
// values: integers `:long`, numbers `:double`, booleans `:boolean`, full dates (YYYY-MM-DD) `:date`,
// lists `:string[]`, anything else (and columns that mix types) text. Dates of a year or a month
// stay text ("2018", "2022-10"), since Neo4j's dates have days. relationships.csv:
// `:START_ID`, `:END_ID`, `:TYPE` (the relation in capitals: member-of → `MEMBER_OF`), then
// `directed:boolean` (Neo4j relationships always have a direction; a symmetric relation is stored
// once, from → to, and queried with an undirected pattern), weight, since, until and the edge
// attributes, typed as for nodes. Arrays use Neo4j's default array delimiter ';'.
//
// Not held (reported): the network's name, description and sources; node and edge sources;
// kind labels and relation verbs; ';' inside a list value or an alias (it would split).
import Foundation
import PartnerGraph

/// The files of a network written for another system, each a name in the output folder and its
/// text, and what the files could not hold.
public struct ExportedFiles: Sendable, Equatable {
    public var files: [File]
    public var warnings: [String]

    public struct File: Sendable, Equatable {
        public var name: String
        public var text: String
    }
}

/// Writes a network as Neo4j's bulk-import CSV files plus a Cypher script for the same graph.
public enum Neo4jExport {
    /// Rows per `UNWIND` statement of the Cypher script.
    static let batch = 500

    /// nodes.csv, relationships.csv and import.cypher.
    public static func encode(_ network: Network) throws -> ExportedFiles {
        var lost: [String] = []
        if network.name != nil { lost.append("the network's name") }
        if network.description != nil { lost.append("its description") }
        if !network.sources.isEmpty { lost.append(Interchange.plural(network.sources.count, "source")) }
        let cited = network.nodes.filter { !$0.sources.isEmpty }.count + network.edges.filter { !$0.sources.isEmpty }.count
        if cited > 0 { lost.append("the sources cited by \(cited) \(cited == 1 ? "node or edge" : "nodes and edges")") }
        var splitLists = 0

        // Node columns: fixed fields, then attributes.
        var nodeColumns: [Column<Node>] = [Column(name: "name", type: .text) { .string($0.displayName) }]
        func optional(_ name: String, _ value: @escaping (Node) -> AttributeValue?) {
            let values = network.nodes.compactMap(value)
            if !values.isEmpty { nodeColumns.append(Column(name: name, type: ColumnType(values), value: value)) }
        }
        optional("label") { $0.label.map(AttributeValue.string) }
        optional("originalName") { $0.originalName.map(AttributeValue.string) }
        optional("aliases") { $0.aliases.isEmpty ? nil : .list($0.aliases.map(AttributeValue.string)) }
        optional("country") { $0.country.map(AttributeValue.string) }
        optional("since") { $0.since.map(AttributeValue.date) }
        optional("until") { $0.until.map(AttributeValue.date) }
        let reservedNode: Set<String> = ["id", "name", "label", "originalName", "aliases", "country", "since", "until"]
        for key in orderedKeys(network.nodes.map(\.attributes)) {
            optional(propertyName(key, reserved: reservedNode)) { $0.attributes[key] }
        }
        var edgeColumns: [Column<Edge>] = [Column(name: "directed", type: .boolean) { .boolean($0.relation.isDirected) }]
        func optionalEdge(_ name: String, _ value: @escaping (Edge) -> AttributeValue?) {
            let values = network.edges.compactMap(value)
            if !values.isEmpty { edgeColumns.append(Column(name: name, type: ColumnType(values), value: value)) }
        }
        optionalEdge("weight") { $0.weight.map(AttributeValue.number) }
        optionalEdge("since") { $0.since.map(AttributeValue.date) }
        optionalEdge("until") { $0.until.map(AttributeValue.date) }
        let reservedEdge: Set<String> = ["directed", "weight", "since", "until"]
        for key in orderedKeys(network.edges.map(\.attributes)) {
            optionalEdge(propertyName(key, reserved: reservedEdge)) { $0.attributes[key] }
        }
        let renamed = (orderedKeys(network.nodes.map(\.attributes)).filter { propertyName($0, reserved: reservedNode) != $0 }
            + orderedKeys(network.edges.map(\.attributes)).filter { propertyName($0, reserved: reservedEdge) != $0 })
        if !renamed.isEmpty {
            lost.append("the names of attributes that are reserved or hold ':' (" + renamed.sorted().joined(separator: ", ") + "; written with a trailing '_' or '_' for ':')")
        }

        func cell(_ v: AttributeValue?) -> String {
            guard let v else { return "" }
            if case .list(let items) = v {
                let texts = items.map(\.description)
                splitLists += texts.filter { $0.contains(";") }.count
                return texts.joined(separator: ";")
            }
            return v.description
        }

        var nodes = CSVWriter.row(["id:ID", ":LABEL"] + nodeColumns.map(\.header))
        for n in network.nodes {
            if n.id.rawValue.isEmpty { throw FormatError("a node has an empty id; Neo4j cannot hold it") }
            nodes += CSVWriter.row([n.id.rawValue, "Actor;" + label(of: n.kind)] + nodeColumns.map { cell($0.value(n)) })
        }
        var relationships = CSVWriter.row([":START_ID", ":END_ID", ":TYPE"] + edgeColumns.map(\.header))
        for e in network.edges {
            relationships += CSVWriter.row([e.from.rawValue, e.to.rawValue, type(of: e.relation)] + edgeColumns.map { cell($0.value(e)) })
        }
        if splitLists > 0 {
            lost.append("\(Interchange.plural(splitLists, "list item")) holding ';', Neo4j's array delimiter (read back split)")
        }

        let script = cypher(network, nodeColumns: nodeColumns, edgeColumns: edgeColumns)
        var warnings: [String] = []
        if !lost.isEmpty { warnings.append("Neo4j: the files cannot hold: " + lost.joined(separator: "; ")) }
        return ExportedFiles(files: [.init(name: "nodes.csv", text: nodes),
                                     .init(name: "relationships.csv", text: relationships),
                                     .init(name: "import.cypher", text: script)],
                             warnings: warnings)
    }

    /// A node kind as a Neo4j label: its id in UpperCamelCase (research-group → ResearchGroup).
    public static func label(of kind: NodeKind) -> String {
        let words = kind.id.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        let joined = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        guard let first = joined.first else { return "Kind" }
        return first.isNumber ? "Kind" + joined : joined
    }

    /// A relation as a Neo4j relationship type: its id in capitals, words joined by '_'.
    public static func type(of relation: Relation) -> String {
        let words = relation.id.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        let joined = words.map { $0.uppercased() }.joined(separator: "_")
        guard let first = joined.first else { return "RELATED" }
        return first.isNumber ? "R_" + joined : joined
    }

    /// An attribute name as a property name: ':' (which the header reads as a type) becomes '_',
    /// and a name taken by a fixed column gets a trailing '_'.
    static func propertyName(_ key: String, reserved: Set<String>) -> String {
        var name = key.replacingOccurrences(of: ":", with: "_")
        while reserved.contains(name) { name += "_" }
        return name
    }

    static func orderedKeys(_ all: [Attributes]) -> [String] {
        var order: [String] = []
        var seen: Set<String> = []
        for a in all { for k in a.keys where seen.insert(k).inserted { order.append(k) } }
        return order
    }

    /// A property column: its name, its Neo4j type (one for all its values) and how to read it.
    struct Column<Element> {
        var name: String
        var type: ColumnType
        var value: (Element) -> AttributeValue?
        var header: String { type.suffix.map { name + ":" + $0 } ?? name }
    }

    /// The Neo4j type of a column of values.
    enum ColumnType {
        case text, long, double, boolean, date, textList

        init(_ values: [AttributeValue]) {
            func kind(_ v: AttributeValue) -> ColumnType {
                switch v {
                case .string: return .text
                case .integer: return .long
                case .number: return .double
                case .boolean: return .boolean
                case .date(let d): return d.day != nil ? .date : .text
                case .list: return .textList
                }
            }
            let kinds = Set(values.map(kind))
            if kinds == [.long, .double] { self = .double } else if kinds.count == 1 { self = kinds.first! } else { self = .text }
        }

        var suffix: String? {
            switch self {
            case .text: return nil
            case .long: return "long"
            case .double: return "double"
            case .boolean: return "boolean"
            case .date: return "date"
            case .textList: return "string[]"
            }
        }
    }

    // MARK: Cypher

    /// The script: a uniqueness constraint on `Actor.id`, then the nodes of each kind and the
    /// relationships of each type in `UNWIND` batches, with the same properties and types as the
    /// CSV files.
    static func cypher(_ network: Network, nodeColumns: [Column<Node>], edgeColumns: [Column<Edge>]) -> String {
        var out = "// \(network.name.map { "\($0): " } ?? "")\(network.nodes.count) actors and \(network.edges.count) ties, written by PartnerGraph.\n"
        out += "// Run with: cypher-shell -f import.cypher (into an empty database). The same graph as\n"
        out += "// neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv.\n"
        out += "CREATE CONSTRAINT partnergraph_actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;\n"
        var kinds: [String] = []
        var byKind: [String: [Node]] = [:]
        for n in network.nodes {
            let l = label(of: n.kind)
            if byKind[l] == nil { kinds.append(l) }
            byKind[l, default: []].append(n)
        }
        for l in kinds {
            let members = byKind[l]!
            for start in stride(from: 0, to: members.count, by: batch) {
                let rows = members[start..<min(start + batch, members.count)].map { n -> String in
                    var fields = ["id: " + literal(.string(n.id.rawValue), .text)]
                    for c in nodeColumns { if let v = c.value(n) { fields.append(key(c.name) + ": " + literal(v, c.type)) } }
                    return "{" + fields.joined(separator: ", ") + "}"
                }
                out += "UNWIND [\n  " + rows.joined(separator: ",\n  ") + "\n] AS row\nCREATE (n:Actor:\(quoted(l))) SET n = row;\n"
            }
        }
        var types: [String] = []
        var byType: [String: [Edge]] = [:]
        for e in network.edges {
            let t = type(of: e.relation)
            if byType[t] == nil { types.append(t) }
            byType[t, default: []].append(e)
        }
        for t in types {
            let members = byType[t]!
            for start in stride(from: 0, to: members.count, by: batch) {
                let rows = members[start..<min(start + batch, members.count)].map { e -> String in
                    var fields: [String] = []
                    for c in edgeColumns { if let v = c.value(e) { fields.append(key(c.name) + ": " + literal(v, c.type)) } }
                    return "{s: " + literal(.string(e.from.rawValue), .text) + ", t: " + literal(.string(e.to.rawValue), .text)
                        + ", p: {" + fields.joined(separator: ", ") + "}}"
                }
                out += "UNWIND [\n  " + rows.joined(separator: ",\n  ") + "\n] AS row\n"
                out += "MATCH (a:Actor {id: row.s}), (b:Actor {id: row.t})\nCREATE (a)-[r:\(quoted(t))]->(b) SET r = row.p;\n"
            }
        }
        return out
    }

    /// A name in backticks (labels, types and keys may hold any character there).
    static func quoted(_ name: String) -> String { "`" + name.replacingOccurrences(of: "`", with: "``") + "`" }

    /// A map key: bare when it is a plain identifier, else in backticks.
    static func key(_ name: String) -> String {
        let plain = name.first.map { $0.isASCII && ($0.isLetter || $0 == "_") } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        return plain ? name : quoted(name)
    }

    /// A value as a Cypher literal of the column's type (the CSV files' types).
    static func literal(_ v: AttributeValue, _ type: ColumnType) -> String {
        switch (v, type) {
        case (.list(let items), _): return "[" + items.map { string($0.description) }.joined(separator: ", ") + "]"
        case (_, .text): return string(v.description)
        case (.integer(let i), .long): return String(i)
        case (.integer(let i), .double): return float(Double(i))
        case (.number(let d), _): return float(d)
        case (.boolean(let b), _): return b ? "true" : "false"
        case (.date(let d), .date): return "date(" + string(d.description) + ")"
        default: return string(v.description)
        }
    }

    static func float(_ d: Double) -> String {
        if d.isNaN { return "toFloat('NaN')" }
        if d.isInfinite { return d > 0 ? "toFloat('Infinity')" : "toFloat('-Infinity')" }
        let t = "\(d)"
        return t.contains(".") || t.contains("e") ? t : t + ".0"
    }

    /// A Cypher string literal in single quotes.
    static func string(_ s: String) -> String {
        var out = "'"
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04X", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "'"
    }
}
