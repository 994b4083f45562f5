/// A node: an organisation, programme, person, event or a kind the network declares.
public struct Node: Hashable, Sendable {
    public var id: NodeID
    public var kind: NodeKind
    /// The display name; nil means the id is shown.
    public var label: String?
    /// The name in its original language, when it differs from the label.
    public var originalName: String?
    /// Other names the actor goes by (acronyms, former names, names in other languages):
    /// lookups find the node by any of them, and `merge` matches on them.
    public var aliases: [String]
    public var country: String?
    /// When the actor began to exist or take part (founded, joined), if the data says; a node
    /// with dates is active in a time slice its dates meet, besides any slice in which it has a tie.
    public var since: PartialDate?
    /// When the actor ceased to exist or take part, if the data says; not before `since`.
    public var until: PartialDate?
    /// Attributes in file order.
    public var attributes: Attributes
    /// Ids of the sources that state this node.
    public var sources: [String]

    public init(id: NodeID, kind: NodeKind, label: String? = nil, originalName: String? = nil,
                country: String? = nil, since: PartialDate? = nil, until: PartialDate? = nil,
                aliases: [String] = [], attributes: Attributes = [:], sources: [String] = []) {
        self.id = id
        self.kind = kind
        self.label = label
        self.originalName = originalName
        self.aliases = aliases
        self.country = country
        self.since = since
        self.until = until
        self.attributes = attributes
        self.sources = sources
    }

    /// The label, or the id when there is no label.
    public var displayName: String { label ?? id.rawValue }

    /// Every name the node goes by: its id, label, original name and aliases, each once.
    public var names: [String] {
        var out: [String] = []
        for n in [id.rawValue, label, originalName].compactMap({ $0 }) + aliases where !out.contains(n) { out.append(n) }
        return out
    }

    /// Whether the node's own dates meet the days `start...end` (`yyyymmdd`); false for a node
    /// without dates (its ties decide whether it is active).
    public func datesMeet(fromDay start: Int, toDay end: Int) -> Bool {
        guard since != nil || until != nil else { return false }
        if let since, since.firstDay > end { return false }
        if let until, until.lastDay < start { return false }
        return true
    }
}
