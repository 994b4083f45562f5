/// An edge: a typed relation from one node to another, with optional weight, dates,
/// attributes and sources.
public struct Edge: Hashable, Sendable {
    public var from: NodeID
    public var to: NodeID
    public var relation: Relation
    /// Tie strength (or length, when a view says so); finite and greater than zero.
    public var weight: Double?
    public var since: PartialDate?
    public var until: PartialDate?
    public var attributes: Attributes
    public var sources: [String]

    public init(from: NodeID, to: NodeID, relation: Relation, weight: Double? = nil,
                since: PartialDate? = nil, until: PartialDate? = nil,
                attributes: Attributes = [:], sources: [String] = []) {
        self.from = from
        self.to = to
        self.relation = relation
        self.weight = weight
        self.since = since
        self.until = until
        self.attributes = attributes
        self.sources = sources
    }

    /// Whether the edge is valid on every day of `from...to` overlap: true when the interval
    /// `[since, until]` meets `[start, end]` (days as `yyyymmdd`). Edges without dates always count.
    public func isValid(fromDay start: Int, toDay end: Int) -> Bool {
        if let since, since.firstDay > end { return false }
        if let until, until.lastDay < start { return false }
        return true
    }
}
