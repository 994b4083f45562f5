/// A relation type: its identifier, whether it has a direction, and the verb phrase that
/// explains an edge in plain language ("NHO founded LUP").
public struct Relation: Hashable, Sendable, CustomStringConvertible {
    /// The relation's identifier, as written in files (`founded`, `member-of`, …).
    public let id: String
    /// Whether an edge of this relation points from one node to the other.
    public var isDirected: Bool
    /// The verb phrase: an edge reads "<from> <verb> <to>".
    public var verb: String

    public init(_ id: String, directed: Bool, verb: String) {
        self.id = id
        self.isDirected = directed
        self.verb = verb
    }

    public var description: String { id }

    public static let founded = Relation("founded", directed: true, verb: "founded")
    public static let memberOf = Relation("member-of", directed: true, verb: "is a member of")
    public static let partOf = Relation("part-of", directed: true, verb: "is part of")
    public static let worksAt = Relation("works-at", directed: true, verb: "works at")
    public static let leads = Relation("leads", directed: true, verb: "leads")
    public static let manages = Relation("manages", directed: true, verb: "manages")
    public static let hosted = Relation("hosted", directed: true, verb: "hosted")
    public static let participatedIn = Relation("participated-in", directed: true, verb: "took part in")
    public static let funds = Relation("funds", directed: true, verb: "funds")
    public static let inspiredBy = Relation("inspired-by", directed: true, verb: "was inspired by")
    public static let partnersWith = Relation("partners-with", directed: false, verb: "partners with")
    public static let collaboratesWith = Relation("collaborates-with", directed: false, verb: "collaborates with")

    /// The relations every network knows without declaring them.
    public static let builtIn: [Relation] = [
        .founded, .memberOf, .partOf, .worksAt, .leads, .manages, .hosted, .participatedIn, .funds,
        .inspiredBy, .partnersWith, .collaboratesWith,
    ]
}
