import PartnerGraph

/// Reads a network from spreadsheet exports: an edge table and, optionally, a node table.
///
/// Edge table: `source,target` required; `relation`, `weight`, `since`, `until` recognised;
/// any other column becomes an edge attribute. Node table: `id` required; `kind`, `label`,
/// `country`, `originalName`, `since`, `until` recognised; other columns become attributes.
/// Dates (`since`/`until` in either table) are YYYY, YYYY-MM or YYYY-MM-DD; any other value is
/// reported at its row, naming the column. A column whose
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
            let table = try CSVTable(nodesText, file: file, required: ["id"], known: ["id", "kind", "label", "country", "originalName", "since", "until"],
                                     emptyMessage: "the node table is empty (it needs a header with an 'id' column)")
            let idColumn = table.column("id"), kindColumn = table.column("kind"), labelColumn = table.column("label")
            let originalNameColumn = table.column("originalName"), countryColumn = table.column("country")
            let sinceColumn = table.column("since"), untilColumn = table.column("until")
            for r in table.rowIndices(reporting: &issues) {
                guard let id = table.cell(r, idColumn) else {
                    issues.append(ValidationIssue(.network, "empty id", location: table.location(r))); continue
                }
                var kind = NodeKind("node", label: "Node")
                if let k = table.cell(r, kindColumn) {
                    kind = network.kind(k) ?? NodeKind(k)
                    if network.kind(k) == nil { network.declaredKinds.append(kind) }
                } else if network.kind("node") == nil {
                    network.declaredKinds.append(kind)
                }
                nodeRows.append(table.rowNumber(r))
                network.addNode(Node(id: NodeID(id), kind: kind, label: table.cell(r, labelColumn),
                                     originalName: table.cell(r, originalNameColumn), country: table.cell(r, countryColumn),
                                     since: table.date(r, sinceColumn, "since", reporting: &issues),
                                     until: table.date(r, untilColumn, "until", reporting: &issues),
                                     attributes: table.attributes(r)))
            }
        }

        let file = edgesFile
        let table = try CSVTable(edgesText, file: file, required: ["source", "target"], known: ["source", "target", "relation", "weight", "since", "until"],
                                 emptyMessage: "the edge table is empty (it needs a header with 'source' and 'target' columns)")
        let sourceColumn = table.column("source"), targetColumn = table.column("target")
        let relationColumn = table.column("relation"), weightColumn = table.column("weight")
        let sinceColumn = table.column("since"), untilColumn = table.column("until")
        let createNodes = nodesText == nil
        let nodeKind = NodeKind("node", label: "Node")
        if createNodes { network.declaredKinds.append(NodeKind("node", label: "Node")) }
        var edgeRows: [Int] = []
        edgeRows.reserveCapacity(table.records.count)
        // Relations by name, once looked up or declared (a lookup builds the list of known relations).
        var relationByName: [String: Relation] = [:]
        var defaultDeclared = false
        let defaultRel = defaultRelation
        for r in table.rowIndices(reporting: &issues) {
            guard let s = table.cell(r, sourceColumn), let t = table.cell(r, targetColumn) else {
                issues.append(ValidationIssue(.network, "empty \(table.cell(r, sourceColumn) == nil ? "source" : "target")", location: table.location(r)))
                continue
            }
            let sid = NodeID(s), tid = NodeID(t)
            var ends: (from: Int, to: Int)?
            if createNodes {
                func position(_ id: NodeID) -> Int {
                    if let p = network.index(of: id) { return p }
                    network.addNode(Node(id: id, kind: nodeKind))
                    nodeRows.append(table.rowNumber(r))
                    return network.nodes.count - 1
                }
                ends = (position(sid), position(tid))
            }
            var relation = defaultRel
            if let rname = table.cell(r, relationColumn) {
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
            if let w = table.cell(r, weightColumn) {
                if let d = ScalarResolution.number(w.trimmingSpaces) { weight = d } else {
                    issues.append(ValidationIssue(.network, "weight '\(w)' is not a number", location: table.location(r)))
                }
            }
            let since = table.date(r, sinceColumn, "since", reporting: &issues)
            let until = table.date(r, untilColumn, "until", reporting: &issues)
            edgeRows.append(table.rowNumber(r))
            let edge = Edge(from: sid, to: tid, relation: relation, weight: weight, since: since, until: until,
                            attributes: table.attributes(r))
            if let ends { network.addEdge(edge, endpoints: ends) } else { network.addEdge(edge) }
        }
        for issue in network.validate() {
            var located = issue
            switch issue.element {
            // A node the edge table made is located at the first edge row that names it.
            case .node(let i): located.location = SourceLocation(file: nodesFile ?? file, line: nodeRows[i], unit: "row")
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
/// Rows are addressed by their index among the data records; a column by its index, found once
/// with `column(_:)`.
private final class CSVTable {
    enum ColumnType { case integer, number, boolean, string }

    let file: String
    let header: [String]
    let records: CSVFlatRecords
    let columns: [String: Int]
    let attributeColumns: [Int]
    let types: [Int: ColumnType]

    init(_ text: String, file: String, required: [String], known: Set<String>, emptyMessage: String) throws {
        var parsed = try CSVParser.parseFlat(text, file: file)
        guard parsed.count > 0 else { throw FormatError(emptyMessage, at: SourceLocation(file: file)) }
        let headerFields = Array(parsed.fields[0..<parsed.starts[1]])
        var cols: [String: Int] = [:]
        for (i, name) in headerFields.enumerated() {
            if name.allSatisfy({ $0 == " " || $0 == "\t" }) {
                throw FormatError("column \(i + 1) of the header has no name (a trailing comma?); every column needs one", at: SourceLocation(file: file, line: 1, unit: "row"))
            }
            if cols[name] != nil {
                throw FormatError("column '\(name)' appears twice in the header", at: SourceLocation(file: file, line: 1, unit: "row"))
            }
            cols[name] = i
        }
        for r in required where cols[r] == nil {
            var m = "the header has no '\(r)' column (found: \(headerFields.joined(separator: ", ")))"
            if let g = closestMatch(to: r, among: headerFields) { m += "; is '\(g)' meant to be '\(r)'?" }
            throw FormatError(m, at: SourceLocation(file: file, line: 1, unit: "row"))
        }
        self.file = file
        header = headerFields
        // The records after the header (its fields stay in `fields`, unused).
        parsed.starts.removeFirst()
        parsed.lines.removeFirst()
        records = parsed
        columns = cols
        attributeColumns = headerFields.indices.filter { !known.contains(headerFields[$0]) }
        var types: [Int: ColumnType] = [:]
        for c in attributeColumns {
            let values = (0..<parsed.count).compactMap { r in
                c < parsed.fieldCount(r) && !parsed.field(r, c).isEmpty ? parsed.field(r, c) : nil
            }
            if values.isEmpty { types[c] = .string }
            else if values.contains(where: ScalarResolution.isDigitCode) { types[c] = .string }
            else if values.allSatisfy({ ScalarResolution.integer($0) != nil }) { types[c] = .integer }
            else if values.allSatisfy({ ScalarResolution.number($0).map(\.isFinite) == true }) { types[c] = .number }
            else if values.allSatisfy({ ["true", "false"].contains($0.lowercased()) }) { types[c] = .boolean }
            else { types[c] = .string }
        }
        self.types = types
    }

    /// The index of a column the reader knows, when the header has it.
    func column(_ name: String) -> Int? { columns[name] }

    /// The indices of the rows with as many fields as the header; the others are reported.
    func rowIndices(reporting issues: inout [ValidationIssue]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(records.count)
        for r in 0..<records.count {
            let count = records.fieldCount(r)
            guard count == header.count else {
                issues.append(ValidationIssue(.network, "expected \(header.count) fields, found \(count) (line \(records.lines[r]))", location: location(r)))
                continue
            }
            out.append(r)
        }
        return out
    }

    /// The row's number as a spreadsheet numbers it (the header is row 1).
    func rowNumber(_ r: Int) -> Int { r + 2 }

    /// Where row `r` is, for messages.
    func location(_ r: Int) -> SourceLocation { SourceLocation(file: file, line: rowNumber(r), unit: "row") }

    /// The cell of row `r` in a known column; nil when the column is absent or the cell empty.
    func cell(_ r: Int, _ column: Int?) -> String? {
        guard let column else { return nil }
        let value = records.field(r, column)
        return value.isEmpty ? nil : value
    }

    /// The date in row `r` of a known column (`name` says which, for the message); nil when the
    /// cell is empty, and when it holds no date, which is reported at the row.
    func date(_ r: Int, _ column: Int?, _ name: String, reporting issues: inout [ValidationIssue]) -> PartialDate? {
        guard let v = cell(r, column) else { return nil }
        guard let d = PartialDate(v.trimmingSpaces) else {
            issues.append(ValidationIssue(.network, "\(name) '\(v)' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)", location: location(r)))
            return nil
        }
        return d
    }

    /// The other columns' non-empty cells of row `r`, typed.
    func attributes(_ r: Int) -> Attributes {
        var attrs = Attributes()
        for c in attributeColumns where !records.field(r, c).isEmpty {
            attrs[header[c]] = typed(records.field(r, c), types[c]!)
        }
        return attrs
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
        guard utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ") else { return self }
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
