import PartnerGraph

/// Reads a network from spreadsheet exports: an edge table and, optionally, a node table.
///
/// Edge table: `source,target` required; `relation`, `weight`, `since`, `until` recognised;
/// any other column becomes an edge attribute. Node table: `id` required; `kind`, `label`,
/// `country`, `originalName`, `aliases`, `since`, `until` recognised; other columns become
/// attributes. `aliases` holds a node's other names separated by ';' ("LUP; Innovasjon Norge"),
/// each trimmed of white space, empty ones (a trailing ';') skipped. Dates (`since`/`until` in
/// either table) are YYYY, YYYY-MM or YYYY-MM-DD; any other value is reported at its row, naming
/// the column. A column whose
/// every non-empty value parses as an integer (or number, or boolean) is typed so; otherwise
/// it holds strings. Empty cells leave the attribute out.
///
/// Not supported: declaring relation verbs (relations named in the `relation` column that are
/// not built in are declared with the verb "<relation with spaces>"), per-edge sources, list
/// values other than `aliases` (read as text).
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
        try read(edges: .csv(edgesText), edgesFile: edgesFile, nodes: nodesText.map(TableInput.csv), nodesFile: nodesFile)
    }

    /// Reads the network from two tables, each CSV text or a workbook's sheet (`SheetTable`),
    /// with the same columns and messages; a sheet's typed cells keep their types (see
    /// `CSVTable.init(sheet:file:required:known:emptyMessage:)`).
    func read(edges edgesText: TableInput, edgesFile: String, nodes nodesText: TableInput?, nodesFile: String?) throws -> Network {
        var network = Network()
        var issues: [ValidationIssue] = []
        var nodeRows: [Int] = []
        var nodeTable: CSVTable?

        if let nodesText {
            let file = nodesFile ?? "nodes.csv"
            let table = try CSVTable(nodesText, file: file, required: ["id"], known: ["id", "kind", "label", "country", "originalName", "aliases", "since", "until"],
                                     emptyMessage: "the node table is empty (it needs a header with an 'id' column)")
            nodeTable = table
            let idColumn = table.column("id"), kindColumn = table.column("kind"), labelColumn = table.column("label")
            let originalNameColumn = table.column("originalName"), countryColumn = table.column("country")
            let aliasesColumn = table.column("aliases")
            let sinceColumn = table.column("since"), untilColumn = table.column("until")
            for r in table.rowIndices(reporting: &issues) {
                guard let id = table.cell(r, idColumn) else {
                    issues.append(ValidationIssue(.network, "empty id", location: table.location(r, idColumn))); continue
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
                                     aliases: table.cell(r, aliasesColumn).map(CSVAliases.split) ?? [],
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
                let empty = table.cell(r, sourceColumn) == nil ? sourceColumn : targetColumn
                issues.append(ValidationIssue(.network, "empty \(empty == sourceColumn ? "source" : "target")", location: table.location(r, empty)))
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
                    issues.append(ValidationIssue(.network, "weight '\(w)' is not a number", location: table.location(r, weightColumn)))
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
            case .node(let i): located.location = (nodeTable ?? table).location(row: nodeRows[i])
            case .edge(let i): located.location = table.location(row: edgeRows[i])
            default: located.location = SourceLocation(file: file, part: table.part)
            }
            issues.append(located)
        }
        if !issues.isEmpty { throw NetworkValidationError(issues: issues) }
        return network
    }
}

/// What a table is read from: CSV text, or a workbook's sheet of typed cells.
enum TableInput {
    case csv(String)
    case sheet(SheetTable)
}

/// A parsed table, from CSV text or a workbook's sheet: its header, the columns the reader
/// knows, and the types of the others. Rows are addressed by their index among the data
/// records; a column by its index, found once with `column(_:)`.
final class CSVTable {
    enum ColumnType { case integer, number, boolean, string }

    let file: String
    /// The sheet the table is, for messages (`sheet 'edges'`); nil for CSV.
    let part: String?
    let header: [String]
    let records: CSVFlatRecords
    let columns: [String: Int]
    let attributeColumns: [Int]
    let types: [Int: ColumnType]
    /// A sheet's cells, typed, indexed as `records.fields` (nil for CSV, whose cells are text).
    let values: [SheetValue?]?
    /// A sheet's row numbers, by record, and the number of its header's first column.
    let rowNumbers: [Int]
    let firstColumn: Int
    /// A sheet's records that hold a value outside the header's columns: where the first is.
    let strayCells: [Int: SourceLocation]

    convenience init(_ input: TableInput, file: String, required: [String], known: Set<String>, emptyMessage: String) throws {
        switch input {
        case .csv(let text): try self.init(text, file: file, required: required, known: known, emptyMessage: emptyMessage)
        case .sheet(let sheet): try self.init(sheet: sheet, file: file, required: required, known: known, emptyMessage: emptyMessage)
        }
    }

    /// The columns by name, once the header has a name for each, no name twice and every
    /// required column; `location(i)` is where header cell `i` is.
    private static func columns(of headerFields: [String], required: [String], blank: String, location: (Int) -> SourceLocation) throws -> [String: Int] {
        var cols: [String: Int] = [:]
        for (i, name) in headerFields.enumerated() {
            if name.allSatisfy({ $0 == " " || $0 == "\t" }) {
                throw FormatError(blank.replacingOccurrences(of: "#", with: String(i + 1)), at: location(i))
            }
            if cols[name] != nil {
                throw FormatError("column '\(name)' appears twice in the header", at: location(i))
            }
            cols[name] = i
        }
        for r in required where cols[r] == nil {
            var m = "the header has no '\(r)' column (found: \(headerFields.joined(separator: ", ")))"
            if let g = closestMatch(to: r, among: headerFields) { m += "; is '\(g)' meant to be '\(r)'?" }
            throw FormatError(m, at: location(-1))
        }
        return cols
    }

    init(_ text: String, file: String, required: [String], known: Set<String>, emptyMessage: String) throws {
        var parsed = try CSVParser.parseFlat(text, file: file)
        guard parsed.count > 0 else { throw FormatError(emptyMessage, at: SourceLocation(file: file)) }
        let headerFields = Array(parsed.fields[0..<parsed.starts[1]])
        let cols = try CSVTable.columns(of: headerFields, required: required,
                                        blank: "column # of the header has no name (a trailing comma?); every column needs one",
                                        location: { _ in SourceLocation(file: file, line: 1, unit: "row") })
        self.file = file
        part = nil
        values = nil
        rowNumbers = []
        firstColumn = 1
        strayCells = [:]
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

    /// A workbook's sheet as a table: its first row that holds a value is the header, which
    /// spans from its first to its last non-empty cell (a cell between them must not be empty);
    /// the rows after it are the records. A cell keeps its type: text, boolean and date cells
    /// are string, boolean and date attributes, and number cells integer attributes when every
    /// number in their column is whole, number attributes otherwise. The reader's own columns
    /// read each cell's text (`SheetValue.text`). Messages name the sheet and the cell.
    init(sheet: SheetTable, file: String, required: [String], known: Set<String>, emptyMessage: String) throws {
        let part = sheet.part
        let sheetRows = sheet.rows.filter { !$0.cells.isEmpty }
        guard let headerRow = sheetRows.first else { throw FormatError(emptyMessage, at: SourceLocation(file: file, part: part)) }
        let first = headerRow.cells[0].column, last = headerRow.cells[headerRow.cells.count - 1].column
        var headerFields = [String](repeating: "", count: last - first + 1)
        for cell in headerRow.cells { headerFields[cell.column - first] = cell.value.text }
        let cols = try CSVTable.columns(of: headerFields, required: required, blank: "the header's cell is empty; every column needs a name",
                                        location: { i in
            i < 0 ? SourceLocation(file: file, part: part, line: headerRow.number, unit: "row")
                  : SourceLocation(file: file, part: part, line: headerRow.number, column: first + i, unit: "cell")
        })
        let width = headerFields.count
        var records = CSVFlatRecords()
        var values: [SheetValue?] = []
        var rowNumbers: [Int] = []
        var stray: [Int: SourceLocation] = [:]
        records.fields.reserveCapacity(width * sheetRows.count)
        values.reserveCapacity(width * sheetRows.count)
        for row in sheetRows.dropFirst() {
            let r = rowNumbers.count
            let start = records.fields.count
            records.fields.append(contentsOf: repeatElement("", count: width))
            values.append(contentsOf: repeatElement(nil, count: width))
            for cell in row.cells {
                guard cell.column >= first && cell.column <= last else {
                    if stray[r] == nil { stray[r] = SourceLocation(file: file, part: part, line: row.number, column: cell.column, unit: "cell") }
                    continue
                }
                records.fields[start + cell.column - first] = cell.value.text
                values[start + cell.column - first] = cell.value
            }
            records.starts.append(records.fields.count)
            records.lines.append(row.number)
            rowNumbers.append(row.number)
        }
        self.file = file
        self.part = part
        header = headerFields
        self.records = records
        columns = cols
        attributeColumns = headerFields.indices.filter { !known.contains(headerFields[$0]) }
        var types: [Int: ColumnType] = [:]
        for c in attributeColumns {
            let whole = stride(from: c, to: values.count, by: width).allSatisfy { i in
                guard case .number(let d) = values[i] else { return true }
                return SheetValue.wholeNumber(d) != nil
            }
            types[c] = whole ? .integer : .number
        }
        self.types = types
        self.values = values
        self.rowNumbers = rowNumbers
        firstColumn = first
        strayCells = stray
    }

    /// The index of a column the reader knows, when the header has it.
    func column(_ name: String) -> Int? { columns[name] }

    /// The indices of the rows with as many fields as the header; the others are reported.
    func rowIndices(reporting issues: inout [ValidationIssue]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(records.count)
        for r in 0..<records.count {
            if let stray = strayCells[r] {
                let lastName = SourceLocation.columnName(firstColumn + header.count - 1)
                issues.append(ValidationIssue(.network, "a value right of the header's last column (\(lastName)); name its column in the header or clear the cell", location: stray))
                continue
            }
            let count = records.fieldCount(r)
            guard count == header.count else {
                issues.append(ValidationIssue(.network, "expected \(header.count) fields, found \(count) (line \(records.lines[r]))", location: location(r)))
                continue
            }
            out.append(r)
        }
        return out
    }

    /// The row's number as a spreadsheet numbers it (in CSV the header is row 1).
    func rowNumber(_ r: Int) -> Int { values == nil ? r + 2 : rowNumbers[r] }

    /// Where row `r` is, for messages.
    func location(_ r: Int) -> SourceLocation { location(row: rowNumber(r)) }

    /// Where the row numbered `row` (`rowNumber(_:)`) is, for messages.
    func location(row: Int) -> SourceLocation { SourceLocation(file: file, part: part, line: row, unit: "row") }

    /// Where the cell of row `r` in `column` is: in a sheet the cell (`C7`), in CSV the row.
    func location(_ r: Int, _ column: Int?) -> SourceLocation {
        guard values != nil, let column else { return location(r) }
        return SourceLocation(file: file, part: part, line: rowNumber(r), column: firstColumn + column, unit: "cell")
    }

    /// The cell of row `r` in a known column; nil when the column is absent or the cell empty.
    func cell(_ r: Int, _ column: Int?) -> String? {
        guard let column else { return nil }
        let value = records.field(r, column)
        return value.isEmpty ? nil : value
    }

    /// The date in row `r` of a known column (`name` says which, for the message); nil when the
    /// cell is empty, and when it holds no date, which is reported at its cell (a CSV row).
    func date(_ r: Int, _ column: Int?, _ name: String, reporting issues: inout [ValidationIssue]) -> PartialDate? {
        guard let v = cell(r, column) else { return nil }
        guard let d = PartialDate(v.trimmingSpaces) else {
            issues.append(ValidationIssue(.network, "\(name) '\(v)' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)", location: location(r, column)))
            return nil
        }
        return d
    }

    /// The other columns' non-empty cells of row `r`, typed.
    func attributes(_ r: Int) -> Attributes {
        var attrs = Attributes()
        if let values {
            for c in attributeColumns {
                guard let value = values[records.starts[r] + c] else { continue }
                switch value {
                case .text(let s): attrs[header[c]] = .string(s)
                case .number(let d): attrs[header[c]] = types[c] == .integer ? .integer(SheetValue.wholeNumber(d)!) : .number(d)
                case .boolean(let b): attrs[header[c]] = .boolean(b)
                case .date(let d): attrs[header[c]] = .date(d)
                }
            }
            return attrs
        }
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
