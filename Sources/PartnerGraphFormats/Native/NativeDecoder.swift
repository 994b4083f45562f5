import PartnerGraph

/// Reads the native network format (YAML or JSON, one schema; see docs/FORMAT.md).
///
/// Reports every problem at once, each with its file, line and column: malformed syntax,
/// unknown or misplaced fields, wrong value types, unknown kinds and relations, and everything
/// `Network.validate()` finds.
public struct NativeDecoder: Sendable {
    /// The syntax of the input.
    public enum Syntax: Sendable { case yaml, json }

    public init() {}

    /// Decodes a network.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - syntax: YAML or JSON.
    ///   - file: the name used in messages.
    /// - Throws: `FormatError` for malformed syntax; `NetworkValidationError` listing every problem.
    public func decode(_ text: String, syntax: Syntax, file: String) throws -> Network {
        let root: DocumentNode
        switch syntax {
        case .yaml: root = try YAMLDocumentReader.read(text, file: file)
        case .json: root = try JSONDocumentReader.read(text, file: file)
        }
        var state = NativeDecodingState(file: file)
        let network = state.decodeNetwork(root)
        var issues = state.issues
        for issue in network.validate() {
            // A node or edge end without a usable id stands under a placeholder starting with
            // NUL; its problem is reported already, not the placeholder's NUL.
            if issue.message.contains("contains a NUL character"), case .node(let i) = issue.element,
               network.nodes[i].id.rawValue.hasPrefix("\u{0}#") { continue }
            var located = issue
            located.location = state.location(of: issue.element)
            issues.append(located)
        }
        if !issues.isEmpty {
            throw NetworkValidationError(issues: issues.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) })
        }
        return network
    }
}

/// The decoder's working state: issues found so far and where each element stands.
struct NativeDecodingState {
    let file: String
    var issues: [ValidationIssue] = []
    var nodeLines: [(Int, Int)] = []
    var edgeLines: [(Int, Int)] = []
    var sourceLines: [(Int, Int)] = []
    var kindLines: [(Int, Int)] = []
    var relationLines: [(Int, Int)] = []

    init(file: String) { self.file = file }

    func loc(_ node: DocumentNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    func location(of element: ValidationIssue.Element) -> SourceLocation {
        func at(_ list: [(Int, Int)], _ i: Int) -> SourceLocation {
            guard i < list.count else { return SourceLocation(file: file) }
            return SourceLocation(file: file, line: list[i].0, column: list[i].1)
        }
        switch element {
        case .network: return SourceLocation(file: file, line: 1)
        case .source(let i): return at(sourceLines, i)
        case .kind(let i): return at(kindLines, i)
        case .relation(let i): return at(relationLines, i)
        case .node(let i): return at(nodeLines, i)
        case .edge(let i): return at(edgeLines, i)
        }
    }

    mutating func report(_ node: DocumentNode, _ message: String, _ element: ValidationIssue.Element = .network) {
        issues.append(ValidationIssue(element, message, location: loc(node)))
    }

    /// The pairs of a mapping, reporting keys outside `allowed`; nil (reported) when not a mapping.
    mutating func fields(_ node: DocumentNode, allowed: [String], what: String) -> [String: DocumentNode]? {
        guard case let .mapping(pairs) = node.value else {
            report(node, "\(what) must be a mapping, found \(node.kindName)")
            return nil
        }
        var out: [String: DocumentNode] = [:]
        for (k, v) in pairs {
            guard let key = k.scalarText else { report(k, "\(what): keys must be text"); continue }
            if !allowed.contains(key) {
                var m = "\(what): unknown field '\(key)'"
                if let g = closestMatch(to: key, among: allowed) { m += "; did you mean '\(g)'?" }
                report(k, m + " (allowed: \(allowed.joined(separator: ", ")))")
                continue
            }
            out[key] = v
        }
        return out
    }

    mutating func string(_ node: DocumentNode?, _ what: String) -> String? {
        guard let node, !node.isNull else { return nil }
        guard let s = node.scalarText else { report(node, "\(what) must be text, found \(node.kindName)"); return nil }
        return s
    }

    mutating func requiredString(_ fields: [String: DocumentNode], _ key: String, in parent: DocumentNode, _ what: String) -> String? {
        guard let v = fields[key], !v.isNull else { report(parent, "\(what) has no '\(key)'"); return nil }
        guard let s = string(v, "\(what): '\(key)'") else { return nil }
        if s.isEmpty { report(v, "\(what): '\(key)' is empty"); return nil }
        return s
    }

    mutating func date(_ node: DocumentNode?, _ what: String) -> PartialDate? {
        guard let node, !node.isNull else { return nil }
        guard let s = node.scalarText else { report(node, "\(what) must be a date, found \(node.kindName)"); return nil }
        guard let d = PartialDate(s) else {
            report(node, "\(what) '\(s)' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)")
            return nil
        }
        return d
    }

    mutating func stringList(_ node: DocumentNode?, _ what: String, of noun: String = "ids") -> [String] {
        guard let node, !node.isNull else { return [] }
        if case let .sequence(items) = node.value {
            return items.compactMap { string($0, "\(what) entry") }
        }
        if let s = node.scalarText { return [s] }
        report(node, "\(what) must be a list of \(noun), found \(node.kindName)")
        return []
    }

    mutating func attributeValue(_ node: DocumentNode, _ what: String) -> AttributeValue? {
        switch node.value {
        case let .scalar(s, quoted):
            if quoted { return .string(s) }
            if node.isNull { report(node, "\(what) is null; leave the attribute out instead"); return nil }
            if let b = ScalarResolution.bool(s) { return .boolean(b) }
            if let i = ScalarResolution.integer(s) { return .integer(i) }
            if let d = ScalarResolution.number(s) {
                guard d.isFinite else { report(node, "\(what) must be finite, got \(s)"); return nil }
                return .number(d)
            }
            return .string(s)
        case let .sequence(items):
            return .list(items.compactMap { attributeValue($0, "\(what) entry") })
        case let .mapping(pairs):
            guard pairs.count == 1, pairs[0].key.scalarText == "date" else {
                report(node, "\(what): a mapping value must be {date: YYYY[-MM[-DD]]}")
                return nil
            }
            return date(pairs[0].value, what).map { .date($0) }
        }
    }

    mutating func attributes(_ node: DocumentNode?, _ what: String) -> Attributes {
        var attrs = Attributes()
        guard let node, !node.isNull else { return attrs }
        guard case let .mapping(pairs) = node.value else {
            report(node, "\(what): attributes must be a mapping, found \(node.kindName)")
            return attrs
        }
        for (k, v) in pairs {
            guard let key = k.scalarText, !key.isEmpty else { report(k, "\(what): attribute names must be text"); continue }
            if let value = attributeValue(v, "\(what): attribute '\(key)'") { attrs[key] = value }
        }
        return attrs
    }

    mutating func sequence(_ node: DocumentNode?, _ what: String) -> [DocumentNode] {
        guard let node, !node.isNull else { return [] }
        guard case let .sequence(items) = node.value else {
            report(node, "'\(what)' must be a list, found \(node.kindName)")
            return []
        }
        return items
    }

    mutating func decodeNetwork(_ root: DocumentNode) -> Network {
        var network = Network()
        guard let top = fields(root, allowed: ["partnergraph", "name", "description", "sources", "kinds", "relations", "nodes", "edges"], what: "the network") else {
            return network
        }
        if let v = top["partnergraph"], v.scalarText != "1" {
            report(v, "unsupported format version '\(v.scalarText ?? v.kindName)' (this program reads version 1)")
        }
        network.name = string(top["name"], "name")
        network.description = string(top["description"], "description")

        for item in sequence(top["sources"], "sources") {
            let what = "source \(sourceLines.count + 1)"
            sourceLines.append((item.line, item.column))
            guard let f = fields(item, allowed: ["id", "title", "publisher", "date", "language", "url", "note"], what: what) else {
                network.sources.append(Source(id: "", title: "")); continue
            }
            let id = requiredString(f, "id", in: item, what) ?? ""
            let title = requiredString(f, "title", in: item, what) ?? ""
            network.sources.append(Source(
                id: id, title: title, publisher: string(f["publisher"], "\(what): publisher"),
                date: date(f["date"], "\(what): date"), language: string(f["language"], "\(what): language"),
                url: string(f["url"], "\(what): url"), note: string(f["note"], "\(what): note")))
        }
        for item in sequence(top["kinds"], "kinds") {
            let what = "kind \(kindLines.count + 1)"
            kindLines.append((item.line, item.column))
            guard let f = fields(item, allowed: ["id", "label"], what: what), let id = requiredString(f, "id", in: item, what) else {
                network.declaredKinds.append(NodeKind("")); continue
            }
            network.declaredKinds.append(NodeKind(id, label: string(f["label"], "\(what): label")))
        }
        for item in sequence(top["relations"], "relations") {
            let what = "relation \(relationLines.count + 1)"
            relationLines.append((item.line, item.column))
            guard let f = fields(item, allowed: ["id", "directed", "verb"], what: what), let id = requiredString(f, "id", in: item, what) else {
                network.declaredRelations.append(Relation("", directed: true, verb: "")); continue
            }
            var directed = true
            if let d = f["directed"] {
                if let b = d.scalarText.flatMap(ScalarResolution.bool) { directed = b } else { report(d, "\(what): 'directed' must be true or false") }
            } else {
                report(item, "\(what) ('\(id)') has no 'directed' (true or false)")
            }
            let verb = string(f["verb"], "\(what): verb") ?? id.replacingOccurrences(of: "-", with: " ")
            network.declaredRelations.append(Relation(id, directed: directed, verb: verb))
        }

        let kindIDs = network.knownKinds.map(\.id)
        for item in sequence(top["nodes"], "nodes") {
            let index = nodeLines.count
            let what = "node \(index + 1)"
            nodeLines.append((item.line, item.column))
            guard let f = fields(item, allowed: ["id", "kind", "label", "originalName", "aliases", "country", "since", "until", "attributes", "sources"], what: what) else {
                network.addNode(Node(id: NodeID("\u{0}#\(index)"), kind: .organisation)); continue
            }
            let id = requiredString(f, "id", in: item, what)
            let name = id.map { "node '\($0)'" } ?? what
            var kind = NodeKind.organisation
            if let k = requiredString(f, "kind", in: item, name) {
                if let known = network.kind(k) { kind = known } else {
                    var m = "\(name): unknown kind '\(k)'"
                    if let g = closestMatch(to: k, among: kindIDs) { m += "; did you mean '\(g)'?" }
                    report(f["kind"]!, m + " (declare it under 'kinds', or use one of: \(kindIDs.joined(separator: ", ")))", .node(index))
                }
            }
            network.addNode(Node(
                id: NodeID(id ?? "\u{0}#\(index)"), kind: kind, label: string(f["label"], "\(name): label"),
                originalName: string(f["originalName"], "\(name): originalName"), country: string(f["country"], "\(name): country"),
                since: date(f["since"], "\(name): since"), until: date(f["until"], "\(name): until"),
                aliases: stringList(f["aliases"], "\(name): aliases", of: "names"),
                attributes: attributes(f["attributes"], name), sources: stringList(f["sources"], "\(name): sources")))
        }

        let relationIDs = network.knownRelations.map(\.id)
        for item in sequence(top["edges"], "edges") {
            let index = network.edges.count
            let what = "edge \(index + 1)"
            guard let f = fields(item, allowed: ["from", "to", "relation", "weight", "since", "until", "attributes", "sources"], what: what) else {
                continue
            }
            let from = requiredString(f, "from", in: item, what) ?? "\u{0}"
            let to = requiredString(f, "to", in: item, what) ?? "\u{0}"
            var relation = Relation.collaboratesWith
            if let r = requiredString(f, "relation", in: item, what) {
                if let known = network.relation(r) { relation = known } else {
                    var m = "\(what): unknown relation '\(r)'"
                    if let g = closestMatch(to: r, among: relationIDs) { m += "; did you mean '\(g)'?" }
                    report(f["relation"]!, m + " (declare it under 'relations', or use one of: \(relationIDs.joined(separator: ", ")))", .edge(index))
                }
            }
            var weight: Double?
            if let w = f["weight"], !w.isNull {
                if let s = w.scalarText, case .scalar(_, false) = w.value, let d = ScalarResolution.number(s) {
                    weight = d
                } else {
                    report(w, "\(what): weight must be a number, found '\(w.scalarText ?? w.kindName)'")
                }
            }
            edgeLines.append((item.line, item.column))
            network.addEdge(Edge(
                from: NodeID(from), to: NodeID(to), relation: relation, weight: weight,
                since: date(f["since"], "\(what): since"), until: date(f["until"], "\(what): until"),
                attributes: attributes(f["attributes"], what), sources: stringList(f["sources"], "\(what): sources")))
        }
        return network
    }
}
