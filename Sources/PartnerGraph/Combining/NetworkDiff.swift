/// What changed from one version of a network to another: nodes, edges, declarations and
/// attributes added, removed and changed, with the sources of each.
///
/// Nodes are matched as `NetworkMerge` matches them (a map, then id, then — unless by id only —
/// normalised names), so a renamed organisation is a changed node, not one removed and one
/// added. Edges are matched by their ends (after matching), relation and dates; an edge whose
/// ends and relation agree but whose dates, weight, attributes or sources differ is changed.
public struct NetworkDiff: Sendable {
    /// One field that differs.
    public struct FieldChange: Sendable, Equatable {
        public var field: String
        /// nil: absent in that version.
        public var old: String?
        public var new: String?
        public init(field: String, old: String?, new: String?) {
            self.field = field
            self.old = old
            self.new = new
        }
    }

    public struct NodeChange: Sendable {
        public var oldID: NodeID
        public var newID: NodeID
        public var how: NodeMatcher.How
        public var fields: [FieldChange]
    }

    public struct EdgeChange: Sendable {
        public var oldIndex: Int
        public var newIndex: Int
        public var fields: [FieldChange]
    }

    /// Positions in the new network's `nodes`.
    public var nodesAdded: [Int] = []
    /// Positions in the old network's `nodes`.
    public var nodesRemoved: [Int] = []
    public var nodesChanged: [NodeChange] = []
    /// Positions in the new network's `edges`.
    public var edgesAdded: [Int] = []
    /// Positions in the old network's `edges`.
    public var edgesRemoved: [Int] = []
    public var edgesChanged: [EdgeChange] = []
    /// The network's name, description, sources, kinds and relations.
    public var networkChanges: [FieldChange] = []

    public var isEmpty: Bool {
        nodesAdded.isEmpty && nodesRemoved.isEmpty && nodesChanged.isEmpty && edgesAdded.isEmpty && edgesRemoved.isEmpty
            && edgesChanged.isEmpty && networkChanges.isEmpty
    }

    /// Compares `old` with `new`.
    public init(old: Network, new: Network, matchByName: Bool = true, map: [String: String] = [:]) {
        func q(_ s: String?) -> String? { s.map { "'\($0)'" } }
        func field(_ name: String, _ a: String?, _ b: String?, into list: inout [FieldChange]) {
            if a != b { list.append(FieldChange(field: name, old: a, new: b)) }
        }
        field("name", q(old.name), q(new.name), into: &networkChanges)
        field("description", q(old.description), q(new.description), into: &networkChanges)
        for s in old.sources where !new.sources.contains(s) {
            let other = new.sources.first { $0.id == s.id }
            networkChanges.append(FieldChange(field: "source '\(s.id)'", old: q(s.title), new: other.map { "'\($0.title)'" + ($0.title == s.title ? " (other details differ)" : "") }))
        }
        for s in new.sources where !old.sources.contains(where: { $0.id == s.id }) {
            networkChanges.append(FieldChange(field: "source '\(s.id)'", old: nil, new: q(s.title)))
        }
        for k in old.declaredKinds where !new.declaredKinds.contains(where: { $0.id == k.id && $0.label == k.label }) {
            networkChanges.append(FieldChange(field: "kind '\(k.id)'", old: q(k.label ?? k.id), new: new.declaredKinds.first { $0.id == k.id }.map { "'\($0.label ?? $0.id)'" }))
        }
        for k in new.declaredKinds where !old.declaredKinds.contains(where: { $0.id == k.id }) {
            networkChanges.append(FieldChange(field: "kind '\(k.id)'", old: nil, new: q(k.label ?? k.id)))
        }
        func describe(_ r: Relation) -> String { "'\(r.verb)', \(r.isDirected ? "directed" : "symmetric")" }
        for r in old.declaredRelations where !new.declaredRelations.contains(r) {
            networkChanges.append(FieldChange(field: "relation '\(r.id)'", old: describe(r), new: new.declaredRelations.first { $0.id == r.id }.map(describe)))
        }
        for r in new.declaredRelations where !old.declaredRelations.contains(where: { $0.id == r.id }) {
            networkChanges.append(FieldChange(field: "relation '\(r.id)'", old: nil, new: describe(r)))
        }

        // Nodes: each new node to at most one old one.
        let matcher = NodeMatcher(old, byName: matchByName)
        var oldFor = [Int?](repeating: nil, count: new.nodes.count)
        var taken = Set<Int>()
        for (j, n) in new.nodes.enumerated() where new.index(of: n.id) == j {
            if case let .found(i, how) = matcher.match(n, mappedTo: map[n.id.rawValue].map { NodeID($0) }, excluding: taken), !taken.contains(i) {
                taken.insert(i)
                oldFor[j] = i
                let fields = Self.fieldChanges(old.nodes[i], n)
                if !fields.isEmpty || old.nodes[i].id != n.id {
                    nodesChanged.append(NodeChange(oldID: old.nodes[i].id, newID: n.id, how: how,
                                                   fields: (old.nodes[i].id != n.id ? [FieldChange(field: "id", old: "'\(old.nodes[i].id)'", new: "'\(n.id)'")] : []) + fields))
                }
            } else {
                nodesAdded.append(j)
            }
        }
        nodesRemoved = old.nodes.indices.filter { old.index(of: old.nodes[$0].id) == $0 && !taken.contains($0) }

        // Edges: the new edge's ends in old ids.
        var newToOld: [NodeID: NodeID] = [:]
        for (j, i) in oldFor.enumerated() { if let i { newToOld[new.nodes[j].id] = old.nodes[i].id } }
        var oldByKey: [String: [Int]] = [:]
        for (i, e) in old.edges.enumerated() { oldByKey[NetworkMerge.key(e), default: []].append(i) }
        var claimed = Set<Int>()
        for (j, e) in new.edges.enumerated() {
            var t = e
            t.from = newToOld[e.from] ?? NodeID("\u{0}new:" + e.from.rawValue)
            t.to = newToOld[e.to] ?? NodeID("\u{0}new:" + e.to.rawValue)
            let candidates = (oldByKey[NetworkMerge.key(t)] ?? []).filter { !claimed.contains($0) }
            let chosen = candidates.first { old.edges[$0].since == e.since && old.edges[$0].until == e.until } ?? candidates.first
            guard let i = chosen else { edgesAdded.append(j); continue }
            claimed.insert(i)
            let fields = Self.fieldChanges(old.edges[i], e)
            if !fields.isEmpty { edgesChanged.append(EdgeChange(oldIndex: i, newIndex: j, fields: fields)) }
        }
        edgesRemoved = old.edges.indices.filter { !claimed.contains($0) }
    }

    static func value(_ v: AttributeValue?) -> String? { v.map(NetworkMerge.text) }

    static func attributeChanges(_ a: Attributes, _ b: Attributes) -> [FieldChange] {
        var out: [FieldChange] = []
        for (k, v) in a where b[k] != v { out.append(FieldChange(field: "attribute '\(k)'", old: value(v), new: value(b[k]))) }
        for (k, v) in b where a[k] == nil { out.append(FieldChange(field: "attribute '\(k)'", old: nil, new: value(v))) }
        return out
    }

    static func list(_ l: [String]) -> String? { l.isEmpty ? nil : l.joined(separator: ", ") }

    static func fieldChanges(_ a: Node, _ b: Node) -> [FieldChange] {
        var out: [FieldChange] = []
        func f(_ name: String, _ x: String?, _ y: String?) { if x != y { out.append(FieldChange(field: name, old: x, new: y)) } }
        f("kind", a.kind.id, b.kind.id)
        f("label", a.label.map { "'\($0)'" }, b.label.map { "'\($0)'" })
        f("originalName", a.originalName.map { "'\($0)'" }, b.originalName.map { "'\($0)'" })
        f("aliases", list(a.aliases), list(b.aliases))
        f("country", a.country.map { "'\($0)'" }, b.country.map { "'\($0)'" })
        f("since", a.since?.description, b.since?.description)
        f("until", a.until?.description, b.until?.description)
        out += attributeChanges(a.attributes, b.attributes)
        f("sources", list(a.sources), list(b.sources))
        return out
    }

    static func fieldChanges(_ a: Edge, _ b: Edge) -> [FieldChange] {
        var out: [FieldChange] = []
        func f(_ name: String, _ x: String?, _ y: String?) { if x != y { out.append(FieldChange(field: name, old: x, new: y)) } }
        f("weight", a.weight.map(formatNumber), b.weight.map(formatNumber))
        f("since", a.since?.description, b.since?.description)
        f("until", a.until?.description, b.until?.description)
        out += attributeChanges(a.attributes, b.attributes)
        f("sources", list(a.sources), list(b.sources))
        return out
    }
}
