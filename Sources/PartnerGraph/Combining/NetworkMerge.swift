/// One network built from several: the same actor stated by two files becomes one node, the
/// same tie one edge, and nothing is lost or overwritten silently.
///
/// Inputs are taken in order; the first is the base. Each node of a later input is matched
/// (`NodeMatcher`): by the map first (an explicit `from → to` that always wins), then by id,
/// then — unless matching by id only — by any of its names (id, label, original name, aliases)
/// after `NameKey` normalisation (case, diacritics, punctuation, company suffixes). A matched
/// node's empty fields are filled from the input; a field both state differently is a conflict:
/// the first value is kept (or the preferred input's), the other recorded with its file, and a
/// label or original name that differs is kept as an alias so that lookups still find it
/// (unless only its spelling differs: case, diacritics, punctuation, a company suffix).
/// Sources are united: every merged node and edge cites every source any input cited for it.
///
/// An edge of a later input is the same tie as a merged edge with the same ends (after
/// matching) and relation (either way round for a symmetric relation): the one with the same
/// dates if there is one, else one of them without dates, else the first (its dates then
/// conflict). Two edges of one input never merge with each other. Declared kinds, relations and
/// sources with the same id are one; declarations that differ are conflicts.
public struct NetworkMerge {
    public struct Input: Sendable {
        /// The name the report uses for this input (its file name).
        public var name: String
        public var network: Network
        public init(name: String, network: Network) {
            self.name = name
            self.network = network
        }
    }

    /// A field two inputs state differently.
    public struct Conflict: Sendable, Equatable, CustomStringConvertible {
        /// "node 'lup'", "edge 3 (nho → lup, founded)", "relation 'funds'", "source 's1'", "network".
        public var element: String
        public var field: String
        public var kept: String
        public var keptFrom: String
        public var other: String
        public var otherFrom: String
        /// What happened to the other value besides being reported ("kept as an alias").
        public var note: String?

        public var description: String {
            "\(element), \(field): kept \(kept) (\(keptFrom)), not \(other) (\(otherFrom))" + (note.map { "; \($0)" } ?? "")
        }

        public init(element: String, field: String, kept: String, keptFrom: String, other: String, otherFrom: String, note: String? = nil) {
            self.element = element
            self.field = field
            self.kept = kept
            self.keptFrom = keptFrom
            self.other = other
            self.otherFrom = otherFrom
            self.note = note
        }

        /// The earlier input's value against a later one's: the later one is kept when it wins.
        init(element: String, field: String, earlier: String, from earlierFile: String, later: String, from laterFile: String,
             newcomerWins: Bool, note: String? = nil) {
            if newcomerWins {
                self.init(element: element, field: field, kept: later, keptFrom: laterFile, other: earlier, otherFrom: earlierFile, note: note)
            } else {
                self.init(element: element, field: field, kept: earlier, keptFrom: earlierFile, other: later, otherFrom: laterFile, note: note)
            }
        }
    }

    /// How one input's node found its place.
    public struct NodeMapping: Sendable, Equatable {
        public var input: Int
        public var id: NodeID
        public var mergedID: NodeID
        /// nil: a new node.
        public var how: NodeMatcher.How?
        public init(input: Int, id: NodeID, mergedID: NodeID, how: NodeMatcher.How?) {
            self.input = input
            self.id = id
            self.mergedID = mergedID
            self.how = how
        }
    }

    public struct Report: Sendable {
        public var nodeMappings: [NodeMapping] = []
        /// Nodes of later inputs whose names fit several merged nodes: kept apart, with the candidates.
        public var ambiguous: [(input: Int, id: NodeID, candidates: [NodeID])] = []
        /// Edges of later inputs found in the merge already (same tie stated again).
        public var edgesMatched = 0
        public var edgesAdded = 0
        public var conflicts: [Conflict] = []
        /// Map entries whose `from` id no input has.
        public var unusedMapEntries: [String] = []
    }

    public var matchByName = true
    /// `from` id (of any input) → the id it becomes.
    public var map: [String: String] = [:]
    /// The input whose values win conflicts it takes part in (index), else the earlier one's.
    public var preferred: Int?

    public init(matchByName: Bool = true, map: [String: String] = [:], preferred: Int? = nil) {
        self.matchByName = matchByName
        self.map = map
        self.preferred = preferred
    }

    /// Merges the inputs (at least one).
    public func merge(_ inputs: [Input]) -> (network: Network, report: Report) {
        var report = Report()
        guard let first = inputs.first else { return (Network(), report) }
        var merged = Network(name: first.network.name, description: first.network.description)
        // Which input stated each node's and edge's fields first (for conflict reports).
        var nodeOrigin: [Int] = [], edgeOrigin: [Int] = []
        var matcher = NodeMatcher(Network(), byName: matchByName)
        var usedMap = Set<String>()
        var edgesByKey: [String: [Int]] = [:]
        var relationOrigin: [String: Int] = [:], kindOrigin: [String: Int] = [:], sourceOrigin: [String: Int] = [:]

        func wins(_ newcomer: Int, over holder: Int) -> Bool { preferred == newcomer && holder != newcomer }
        func quoted(_ s: String?) -> String { s.map { "'\($0)'" } ?? "none" }

        for (k, input) in inputs.enumerated() {
            let net = input.network
            // Network fields.
            if k > 0 {
                for (field, a, b) in [("name", merged.name, net.name), ("description", merged.description, net.description)] {
                    guard let b else { continue }
                    if a == nil {
                        if field == "name" { merged.name = b } else { merged.description = b }
                    } else if a != b {
                        let swap = wins(k, over: 0)
                        report.conflicts.append(.init(element: "network", field: field, earlier: quoted(a), from: inputs[0].name,
                                                      later: quoted(b), from: input.name, newcomerWins: swap))
                        if swap { if field == "name" { merged.name = b } else { merged.description = b } }
                    }
                }
            }
            for s in net.sources {
                if let i = merged.sources.firstIndex(where: { $0.id == s.id }) {
                    if merged.sources[i] != s {
                        report.conflicts.append(.init(element: "source '\(s.id)'", field: "declaration", kept: quoted(merged.sources[i].title),
                                                      keptFrom: inputs[sourceOrigin[s.id] ?? 0].name, other: quoted(s.title), otherFrom: input.name,
                                                      note: merged.sources[i].title == s.title ? "their other details differ" : nil))
                    }
                } else {
                    merged.sources.append(s)
                    sourceOrigin[s.id] = k
                }
            }
            for kind in net.declaredKinds {
                if let existing = merged.declaredKinds.first(where: { $0.id == kind.id }) {
                    if existing.label != kind.label {
                        report.conflicts.append(.init(element: "kind '\(kind.id)'", field: "label", kept: quoted(existing.label), keptFrom: inputs[kindOrigin[kind.id] ?? 0].name,
                                                      other: quoted(kind.label), otherFrom: input.name))
                    }
                } else {
                    merged.declaredKinds.append(kind)
                    kindOrigin[kind.id] = k
                }
            }
            for r in net.declaredRelations {
                let holder = relationOrigin[r.id].map { inputs[$0].name } ?? "the built-in relations"
                if let existing = merged.relation(r.id) {
                    if existing.isDirected != r.isDirected {
                        report.conflicts.append(.init(element: "relation '\(r.id)'", field: "direction", kept: existing.isDirected ? "directed" : "symmetric",
                                                      keptFrom: holder, other: r.isDirected ? "directed" : "symmetric", otherFrom: input.name,
                                                      note: "its edges follow the kept direction"))
                    }
                    if existing.verb != r.verb {
                        report.conflicts.append(.init(element: "relation '\(r.id)'", field: "verb", kept: quoted(existing.verb), keptFrom: holder,
                                                      other: quoted(r.verb), otherFrom: input.name))
                    }
                } else {
                    merged.declaredRelations.append(r)
                    relationOrigin[r.id] = k
                }
            }

            // Nodes.
            var idMap: [NodeID: NodeID] = [:]
            // Nodes this input added: another node of the same input never merges into them.
            var addedHere = Set<Int>()
            for (i, node) in net.nodes.enumerated() where net.index(of: node.id) == i {
                let mapped = map[node.id.rawValue].map { NodeID($0) }
                if mapped != nil { usedMap.insert(node.id.rawValue) }
                var result: NodeMatcher.Match
                if k == 0 {
                    // The base: only the map joins its nodes (duplicates within a file are `duplicates`' to find).
                    if let mapped, let i = merged.index(of: mapped) { result = .found(index: i, how: .map) } else { result = .none }
                } else {
                    result = matcher.match(node, mappedTo: mapped, in: merged, excluding: addedHere)
                }
                if case .ambiguous(let candidates) = result {
                    report.ambiguous.append((k, node.id, candidates.map { merged.nodes[$0].id }))
                    result = .none
                }
                switch result {
                case let .found(index, how):
                    idMap[node.id] = merged.nodes[index].id
                    report.nodeMappings.append(.init(input: k, id: node.id, mergedID: merged.nodes[index].id, how: how))
                    var conflicts: [Conflict] = []
                    let holder = nodeOrigin[index]
                    merged.updateNode(at: index) { m in
                        conflicts = Self.fill(&m, from: node, newcomerWins: wins(k, over: holder), keptFrom: inputs[holder].name, otherFrom: input.name)
                    }
                    report.conflicts += conflicts
                    matcher.add(merged.nodes[index], at: index)
                case .none, .ambiguous:
                    var fresh = node
                    let id = mapped ?? node.id
                    fresh.id = id
                    idMap[node.id] = id
                    merged.addNode(fresh)
                    addedHere.insert(merged.nodes.count - 1)
                    nodeOrigin.append(k)
                    matcher.add(fresh, at: merged.nodes.count - 1)
                    report.nodeMappings.append(.init(input: k, id: node.id, mergedID: id, how: nil))
                }
            }

            // Edges.
            var claimed = Set<Int>()
            for edge in net.edges {
                var e = edge
                e.from = idMap[edge.from] ?? edge.from
                e.to = idMap[edge.to] ?? edge.to
                if let r = merged.relation(e.relation.id) { e.relation = r }
                let key = Self.key(e)
                let candidates = (edgesByKey[key] ?? []).filter { !claimed.contains($0) && edgeOrigin[$0] != k }
                let undated = { (x: Edge) in x.since == nil && x.until == nil }
                let chosen = candidates.first { merged.edges[$0].since == e.since && merged.edges[$0].until == e.until }
                    ?? candidates.first { undated(merged.edges[$0]) || undated(e) } ?? candidates.first
                guard let j = chosen else {
                    merged.addEdge(e)
                    edgesByKey[key, default: []].append(merged.edges.count - 1)
                    edgeOrigin.append(k)
                    if k > 0 { report.edgesAdded += 1 }
                    continue
                }
                claimed.insert(j)
                report.edgesMatched += 1
                var conflicts: [Conflict] = []
                let holder = edgeOrigin[j]
                let element = "edge \(j + 1) (\(merged.edges[j].from) → \(merged.edges[j].to), \(merged.edges[j].relation.id))"
                merged.updateEdge(at: j) { m in
                    conflicts = Self.fill(&m, from: e, element: element, newcomerWins: wins(k, over: holder), keptFrom: inputs[holder].name, otherFrom: input.name)
                }
                report.conflicts += conflicts
            }
        }
        report.unusedMapEntries = map.keys.filter { !usedMap.contains($0) }.sorted()
        return (merged, report)
    }

    /// The tie an edge states: its ends (in either order for a symmetric relation) and relation.
    static func key(_ e: Edge) -> String {
        let (a, b) = e.relation.isDirected || e.from.rawValue <= e.to.rawValue ? (e.from, e.to) : (e.to, e.from)
        return a.rawValue + "\u{0}" + b.rawValue + "\u{0}" + e.relation.id
    }

    // MARK: Filling fields

    static func text(_ v: AttributeValue) -> String {
        if case .string(let s) = v { return "'\(s)'" }
        return v.description
    }

    /// Fills `m`'s empty fields from `n` and reports the fields both state differently.
    static func fill(_ m: inout Node, from n: Node, newcomerWins: Bool, keptFrom: String, otherFrom: String) -> [Conflict] {
        var out: [Conflict] = []
        let element = "node '\(m.id)'"
        func conflict(_ field: String, _ a: String, _ b: String, note: String? = nil) {
            out.append(Conflict(element: element, field: field, earlier: a, from: keptFrom, later: b, from: otherFrom, newcomerWins: newcomerWins, note: note))
        }
        func alias(_ name: String) { if !m.names.contains(name) { m.aliases.append(name) } }
        if m.kind != n.kind {
            conflict("kind", m.kind.id, n.kind.id)
            if newcomerWins { m.kind = n.kind }
        }
        for (field, keyPath) in [("label", \Node.label), ("originalName", \Node.originalName)] as [(String, WritableKeyPath<Node, String?>)] {
            guard let b = n[keyPath: keyPath] else { continue }
            guard let a = m[keyPath: keyPath] else { m[keyPath: keyPath] = b; continue }
            if a != b {
                // Spellings of one name (case, diacritics, punctuation, a company suffix) are
                // reported, but not kept as aliases: lookups and matching see them as one.
                let variant = NameKey.normalised(a) == NameKey.normalised(b)
                conflict(field, "'\(a)'", "'\(b)'", note: variant ? "the same name spelt differently" : "the other is kept as an alias")
                if newcomerWins { m[keyPath: keyPath] = b; if !variant { alias(a) } } else if !variant { alias(b) }
            }
        }
        fillField(&m, from: n, \.country, "country", text: { "'\($0)'" }, newcomerWins: newcomerWins) { conflict($0, $1, $2) }
        fillField(&m, from: n, \.since, "since", text: \.description, newcomerWins: newcomerWins) { conflict($0, $1, $2) }
        fillField(&m, from: n, \.until, "until", text: \.description, newcomerWins: newcomerWins) { conflict($0, $1, $2) }
        if n.id != m.id, !m.names.contains(n.id.rawValue), n.label == nil { alias(n.id.rawValue) }
        for a in n.aliases { alias(a) }
        fillAttributes(&m.attributes, from: n.attributes, newcomerWins: newcomerWins, conflict: { conflict($0, $1, $2) })
        for s in n.sources where !m.sources.contains(s) { m.sources.append(s) }
        return out
    }

    /// Fills `m`'s empty fields from `e` (the same tie stated again) and reports differences.
    static func fill(_ m: inout Edge, from e: Edge, element: String, newcomerWins: Bool, keptFrom: String, otherFrom: String) -> [Conflict] {
        var out: [Conflict] = []
        func conflict(_ field: String, _ a: String, _ b: String) {
            out.append(Conflict(element: element, field: field, earlier: a, from: keptFrom, later: b, from: otherFrom, newcomerWins: newcomerWins))
        }
        fillField(&m, from: e, \.weight, "weight", text: formatNumber, newcomerWins: newcomerWins, conflict: conflict)
        fillField(&m, from: e, \.since, "since", text: \.description, newcomerWins: newcomerWins, conflict: conflict)
        fillField(&m, from: e, \.until, "until", text: \.description, newcomerWins: newcomerWins, conflict: conflict)
        fillAttributes(&m.attributes, from: e.attributes, newcomerWins: newcomerWins, conflict: conflict)
        for s in e.sources where !m.sources.contains(s) { m.sources.append(s) }
        return out
    }

    /// One optional field of the same node or tie stated again: filled from `n` when `m` has
    /// none; when both hold different values, `conflict(field, m's text, n's text)` and, if the
    /// newcomer wins, `n`'s value.
    static func fillField<Root, Value: Equatable>(_ m: inout Root, from n: Root, _ keyPath: WritableKeyPath<Root, Value?>, _ field: String,
                                                  text: (Value) -> String, newcomerWins: Bool, conflict: (String, String, String) -> Void) {
        guard let b = n[keyPath: keyPath] else { return }
        guard let a = m[keyPath: keyPath] else { m[keyPath: keyPath] = b; return }
        guard a != b else { return }
        conflict(field, text(a), text(b))
        if newcomerWins { m[keyPath: keyPath] = b }
    }

    static func fillAttributes(_ a: inout Attributes, from b: Attributes, newcomerWins: Bool, conflict: (String, String, String) -> Void) {
        for (key, value) in b {
            guard let existing = a[key] else { a[key] = value; continue }
            if existing != value {
                conflict("attribute '\(key)'", text(existing), text(value))
                if newcomerWins { a[key] = value }
            }
        }
    }
}
