import PartnerGraph

/// Reads a network from spreadsheet exports: an edge table and, optionally, a node table.
///
/// Edge table: `source,target` required; `relation`, `weight`, `since`, `until` recognised;
/// any other column becomes an edge attribute. Node table: `id` required; `kind`, `label`,
/// `country`, `originalName` recognised; other columns become attributes. A column whose
/// every non-empty value parses as an integer (or number, or boolean) is typed so; otherwise
/// it holds strings. Empty cells leave the attribute out.
///
/// Not supported: declaring relation verbs (relations named in the `relation` column that are
/// not built in are declared with the verb "<relation with spaces>"), per-edge sources, list values.
public struct CSVNetworkReader: Sendable {
    /// Whether edges are directed (default: symmetric).
    public var directed: Bool

    public init(directed: Bool = false) { self.directed = directed }

    /// The relation edges get when the table has no `relation` column or an empty cell.
    public var defaultRelation: Relation {
        Relation("connected-to", directed: directed, verb: "is connected to")
    }

    /// Reads the network.
    /// - Parameters:
    ///   - edgesText: the edge table; `edgesFile` names it in messages.
    ///   - nodesText: the node table, when there is one; `nodesFile` names it in messages.
    /// - Throws: `FormatError` for malformed CSV or missing columns; `NetworkValidationError` listing
    ///   every bad row.
    public func read(edgesText: String, edgesFile: String, nodesText: String? = nil, nodesFile: String? = nil) throws -> Network {
        var network = Network()
        var issues: [ValidationIssue] = []
        var nodeRows: [Int] = []

        if let nodesText {
            let file = nodesFile ?? "nodes.csv"
            let table = try CSVTable(nodesText, file: file, required: ["id"], known: ["id", "kind", "label", "country", "originalName"],
                                     emptyMessage: "the node table is empty (it needs a header with an 'id' column)")
            for row in table.rows(reporting: &issues) {
                guard let id = row.cell("id") else {
                    issues.append(ValidationIssue(.network, "empty id", location: row.location)); continue
                }
                var kind = NodeKind("node", label: "Node")
                if let k = row.cell("kind") {
                    kind = network.kind(k) ?? NodeKind(k)
                    if network.kind(k) == nil { network.declaredKinds.append(kind) }
                } else if network.kind("node") == nil {
                    network.declaredKinds.append(kind)
                }
                nodeRows.append(row.number)
                network.addNode(Node(id: NodeID(id), kind: kind, label: row.cell("label"), originalName: row.cell("originalName"),
                                     country: row.cell("country"), attributes: row.attributes))
            }
        }

        let file = edgesFile
        let table = try CSVTable(edgesText, file: file, required: ["source", "target"], known: ["source", "target", "relation", "weight", "since", "until"],
                                 emptyMessage: "the edge table is empty (it needs a header with 'source' and 'target' columns)")
        let createNodes = nodesText == nil
        let nodeKind = NodeKind("node", label: "Node")
        if createNodes { network.declaredKinds.append(NodeKind("node", label: "Node")) }
        var edgeRows: [Int] = []
        // Relations by name, once looked up or declared (a lookup builds the list of known relations).
        var relationByName: [String: Relation] = [:]
        var defaultDeclared = false
        let defaultRel = defaultRelation
        for row in table.rows(reporting: &issues) {
            let loc = row.location
            guard let s = row.cell("source"), let t = row.cell("target") else {
                issues.append(ValidationIssue(.network, "empty \(row.cell("source") == nil ? "source" : "target")", location: loc)); continue
            }
            if createNodes {
                let sid = NodeID(s), tid = NodeID(t)
                if network.index(of: sid) == nil { network.addNode(Node(id: sid, kind: nodeKind)) }
                if network.index(of: tid) == nil { network.addNode(Node(id: tid, kind: nodeKind)) }
            }
            var relation = defaultRel
            if let rname = row.cell("relation") {
                if let cached = relationByName[rname] { relation = cached }
                else if let known = network.relation(rname) { relation = known; relationByName[rname] = known } else {
                    relation = Relation(rname, directed: directed, verb: rname.replacingOccurrences(of: "-", with: " "))
                    network.declaredRelations.append(relation)
                    relationByName[rname] = relation
                }
            } else if !defaultDeclared {
                if network.relation(relation.id) == nil { network.declaredRelations.append(relation) }
                defaultDeclared = true
            }
            var weight: Double?
            if let w = row.cell("weight") {
                if let d = ScalarResolution.number(w.trimmingSpaces) { weight = d } else {
                    issues.append(ValidationIssue(.network, "weight '\(w)' is not a number", location: loc))
                }
            }
            var since: PartialDate?, until: PartialDate?
            for (name, slot) in [("since", 0), ("until", 1)] {
                guard let v = row.cell(name) else { continue }
                guard let d = PartialDate(v.trimmingSpaces) else {
                    issues.append(ValidationIssue(.network, "\(name) '\(v)' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)", location: loc))
                    continue
                }
                if slot == 0 { since = d } else { until = d }
            }
            edgeRows.append(row.number)
            network.addEdge(Edge(from: NodeID(s), to: NodeID(t), relation: relation, weight: weight, since: since, until: until, attributes: row.attributes))
        }
        for issue in network.validate() {
            var located = issue
            switch issue.element {
            case .node(let i): located.location = SourceLocation(file: nodesFile ?? "nodes.csv", line: nodeRows[i], unit: "row")
            case .edge(let i): located.location = SourceLocation(file: file, line: edgeRows[i], unit: "row")
            default: located.location = SourceLocation(file: file)
            }
            issues.append(located)
        }
        if !issues.isEmpty { throw NetworkValidationError(issues: issues) }
        return network
    }
}

/// A parsed CSV table: its header, the columns the reader knows, and the types of the others.
private struct CSVTable {
    enum ColumnType { case integer, number, boolean, string }

    /// One data row, numbered as a spreadsheet numbers it (the header is row 1).
    struct Row {
        let number: Int
        let location: SourceLocation
        let fields: [String]
        let table: CSVTable

        /// The cell of a known column; nil when the column is absent or the cell empty.
        func cell(_ name: String) -> String? {
            guard let c = table.columns[name], !fields[c].isEmpty else { return nil }
            return fields[c]
        }

        /// The other columns' non-empty cells, typed.
        var attributes: Attributes {
            var attrs = Attributes()
            for c in table.attributeColumns where !fields[c].isEmpty {
                attrs[table.header[c]] = table.typed(fields[c], table.types[c]!)
            }
            return attrs
        }
    }

    let file: String
    let header: [String]
    let records: [CSVRecord]
    let columns: [String: Int]
    let attributeColumns: [Int]
    let types: [Int: ColumnType]

    init(_ text: String, file: String, required: [String], known: Set<String>, emptyMessage: String) throws {
        let parsed = try CSVParser.parse(text, file: file)
        guard let first = parsed.first else { throw FormatError(emptyMessage, at: SourceLocation(file: file)) }
        var cols: [String: Int] = [:]
        for (i, name) in first.fields.enumerated() {
            if cols[name] != nil {
                throw FormatError("column '\(name)' appears twice in the header", at: SourceLocation(file: file, line: 1, unit: "row"))
            }
            cols[name] = i
        }
        for r in required where cols[r] == nil {
            var m = "the header has no '\(r)' column (found: \(first.fields.joined(separator: ", ")))"
            if let g = closestMatch(to: r, among: first.fields) { m += "; is '\(g)' meant to be '\(r)'?" }
            throw FormatError(m, at: SourceLocation(file: file, line: 1, unit: "row"))
        }
        self.file = file
        header = first.fields
        records = Array(parsed.dropFirst())
        columns = cols
        attributeColumns = first.fields.indices.filter { !known.contains(first.fields[$0]) }
        var types: [Int: ColumnType] = [:]
        for c in attributeColumns {
            let values = records.compactMap { c < $0.fields.count && !$0.fields[c].isEmpty ? $0.fields[c] : nil }
            if values.isEmpty { types[c] = .string }
            else if values.allSatisfy({ ScalarResolution.integer($0) != nil }) { types[c] = .integer }
            else if values.allSatisfy({ ScalarResolution.number($0).map(\.isFinite) == true }) { types[c] = .number }
            else if values.allSatisfy({ ["true", "false"].contains($0.lowercased()) }) { types[c] = .boolean }
            else { types[c] = .string }
        }
        self.types = types
    }

    /// The rows with as many fields as the header; the others are reported.
    func rows(reporting issues: inout [ValidationIssue]) -> [Row] {
        var out: [Row] = []
        for (r, rec) in records.enumerated() {
            let location = SourceLocation(file: file, line: r + 2, unit: "row")
            guard rec.fields.count == header.count else {
                issues.append(ValidationIssue(.network, "expected \(header.count) fields, found \(rec.fields.count) (line \(rec.line))", location: location))
                continue
            }
            out.append(Row(number: r + 2, location: location, fields: rec.fields, table: self))
        }
        return out
    }

    func typed(_ s: String, _ type: ColumnType) -> AttributeValue {
        switch type {
        case .integer: return .integer(ScalarResolution.integer(s)!)
        case .number: return .number(ScalarResolution.number(s)!)
        case .boolean: return .boolean(s.lowercased() == "true")
        case .string: return .string(s)
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
