/// A node: an organisation, programme, person, event or a kind the network declares.
public struct Node: Hashable, Sendable {
    public var id: NodeID
    public var kind: NodeKind
    /// The display name; nil means the id is shown.
    public var label: String?
    /// The name in its original language, when it differs from the label.
    public var originalName: String?
    public var country: String?
    /// Attributes in file order.
    public var attributes: Attributes
    /// Ids of the sources that state this node.
    public var sources: [String]

    public init(id: NodeID, kind: NodeKind, label: String? = nil, originalName: String? = nil,
                country: String? = nil, attributes: Attributes = [:], sources: [String] = []) {
        self.id = id
        self.kind = kind
        self.label = label
        self.originalName = originalName
        self.country = country
        self.attributes = attributes
        self.sources = sources
    }

    /// The label, or the id when there is no label.
    public var displayName: String { label ?? id.rawValue }
}
