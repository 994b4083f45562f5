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
            let records = try CSVParser.parse(nodesText, file: file)
            guard let header = records.first else { throw FormatError("the node table is empty (it needs a header with an 'id' column)", at: SourceLocation(file: file)) }
            let cols = try columns(header, required: ["id"], file: file)
            let known: Set<String> = ["id", "kind", "label", "country", "originalName"]
            let rows = Array(records.dropFirst())
            let attrColumns = header.fields.indices.filter { !known.contains(header.fields[$0]) }
            let types = inferTypes(rows: rows, columns: attrColumns)
            for (r, rec) in rows.enumerated() {
                let rowNumber = r + 2
                let loc = SourceLocation(file: file, line: rowNumber, unit: "row")
                guard rec.fields.count == header.fields.count else {
                    issues.append(ValidationIssue(.network, "expected \(header.fields.count) fields, found \(rec.fields.count) (line \(rec.line))", location: loc))
                    continue
                }
                func cell(_ name: String) -> String? {
                    guard let c = cols[name] else { return nil }
                    let v = rec.fields[c]
                    return v.isEmpty ? nil : v
                }
                guard let id = cell("id") else {
                    issues.append(ValidationIssue(.network, "empty id", location: loc)); continue
                }
                var kind = NodeKind("node", label: "Node")
                if let k = cell("kind") {
                    kind = network.kind(k) ?? NodeKind(k)
                    if network.kind(k) == nil { network.declaredKinds.append(kind) }
                } else if network.kind("node") == nil {
                    network.declaredKinds.append(kind)
                }
                var attrs = Attributes()
                for c in attrColumns where !rec.fields[c].isEmpty {
                    attrs[header.fields[c]] = typed(rec.fields[c], types[c]!)
                }
                nodeRows.append(rowNumber)
                network.addNode(Node(id: NodeID(id), kind: kind, label: cell("label"), originalName: cell("originalName"),
                                     country: cell("country"), attributes: attrs))
            }
        }

        let file = edgesFile
        let records = try CSVParser.parse(edgesText, file: file)
        guard let header = records.first else { throw FormatError("the edge table is empty (it needs a header with 'source' and 'target' columns)", at: SourceLocation(file: file)) }
        let cols = try columns(header, required: ["source", "target"], file: file)
        let known: Set<String> = ["source", "target", "relation", "weight", "since", "until"]
        let rows = Array(records.dropFirst())
        let attrColumns = header.fields.indices.filter { !known.contains(header.fields[$0]) }
        let types = inferTypes(rows: rows, columns: attrColumns)
        let createNodes = nodesText == nil
        if createNodes { network.declaredKinds.append(NodeKind("node", label: "Node")) }
        var edgeRows: [Int] = []
        for (r, rec) in rows.enumerated() {
            let rowNumber = r + 2
            let loc = SourceLocation(file: file, line: rowNumber, unit: "row")
            guard rec.fields.count == header.fields.count else {
                issues.append(ValidationIssue(.network, "expected \(header.fields.count) fields, found \(rec.fields.count) (line \(rec.line))", location: loc))
                continue
            }
            func cell(_ name: String) -> String? {
                guard let c = cols[name] else { return nil }
                let v = rec.fields[c]
                return v.isEmpty ? nil : v
            }
            guard let s = cell("source"), let t = cell("target") else {
                issues.append(ValidationIssue(.network, "empty \(cell("source") == nil ? "source" : "target")", location: loc)); continue
            }
            if createNodes {
                for id in [s, t] where network.index(of: NodeID(id)) == nil {
                    network.addNode(Node(id: NodeID(id), kind: NodeKind("node", label: "Node")))
                }
            }
            var relation = defaultRelation
            if let rname = cell("relation") {
                if let known = network.relation(rname) { relation = known } else {
                    relation = Relation(rname, directed: directed, verb: rname.replacingOccurrences(of: "-", with: " "))
                    network.declaredRelations.append(relation)
                }
            } else if network.relation(relation.id) == nil {
                network.declaredRelations.append(relation)
            }
            var weight: Double?
            if let w = cell("weight") {
                if let d = ScalarResolution.number(w.trimmingSpaces) { weight = d } else {
                    issues.append(ValidationIssue(.network, "weight '\(w)' is not a number", location: loc))
                }
            }
            var since: PartialDate?, until: PartialDate?
            for (name, slot) in [("since", 0), ("until", 1)] {
                guard let v = cell(name) else { continue }
                guard let d = PartialDate(v.trimmingSpaces) else {
                    issues.append(ValidationIssue(.network, "\(name) '\(v)' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)", location: loc))
                    continue
                }
                if slot == 0 { since = d } else { until = d }
            }
            var attrs = Attributes()
            for c in attrColumns where !rec.fields[c].isEmpty {
                attrs[header.fields[c]] = typed(rec.fields[c], types[c]!)
            }
            edgeRows.append(rowNumber)
            network.addEdge(Edge(from: NodeID(s), to: NodeID(t), relation: relation, weight: weight, since: since, until: until, attributes: attrs))
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

    private func columns(_ header: CSVRecord, required: [String], file: String) throws -> [String: Int] {
        var cols: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() {
            if cols[name] != nil {
                throw FormatError("column '\(name)' appears twice in the header", at: SourceLocation(file: file, line: 1, unit: "row"))
            }
            cols[name] = i
        }
        for r in required where cols[r] == nil {
            var m = "the header has no '\(r)' column (found: \(header.fields.joined(separator: ", ")))"
            if let g = closestMatch(to: r, among: header.fields) { m += "; is '\(g)' meant to be '\(r)'?" }
            throw FormatError(m, at: SourceLocation(file: file, line: 1, unit: "row"))
        }
        return cols
    }

    enum ColumnType { case integer, number, boolean, string }

    private func inferTypes(rows: [CSVRecord], columns: [Int]) -> [Int: ColumnType] {
        var types: [Int: ColumnType] = [:]
        for c in columns {
            let values = rows.compactMap { c < $0.fields.count && !$0.fields[c].isEmpty ? $0.fields[c] : nil }
            if values.isEmpty { types[c] = .string }
            else if values.allSatisfy({ ScalarResolution.integer($0) != nil }) { types[c] = .integer }
            else if values.allSatisfy({ ScalarResolution.number($0).map(\.isFinite) == true }) { types[c] = .number }
            else if values.allSatisfy({ ["true", "false"].contains($0.lowercased()) }) { types[c] = .boolean }
            else { types[c] = .string }
        }
        return types
    }

    private func typed(_ s: String, _ type: ColumnType) -> AttributeValue {
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
