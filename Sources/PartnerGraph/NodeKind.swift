/// The kind of a node: one of the built-in kinds or one a network declares.
public struct NodeKind: Hashable, Sendable, CustomStringConvertible {
    /// The kind's identifier, as written in files (`organisation`, `person`, …).
    public let id: String
    /// A display name; defaults to the id.
    public var label: String?

    public init(_ id: String, label: String? = nil) {
        self.id = id
        self.label = label
    }

    public var description: String { id }
    public var displayName: String { label ?? id }

    public static func == (lhs: NodeKind, rhs: NodeKind) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    public static let organisation = NodeKind("organisation", label: "Organisation")
    public static let programme = NodeKind("programme", label: "Programme")
    public static let person = NodeKind("person", label: "Person")
    public static let event = NodeKind("event", label: "Event")

    /// The kinds every network knows without declaring them.
    public static let builtIn: [NodeKind] = [.organisation, .programme, .person, .event]
}
