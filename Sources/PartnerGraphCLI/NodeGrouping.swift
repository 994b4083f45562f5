import PartnerGraph

/// Each node's group from a node field (`country`, `kind`) or attribute, for `--group-by` in
/// `brokerage`, `groups` and `report`.
struct NodeGrouping {
    /// The group name per node; "(none)" where the node has no value.
    let names: [String]
    /// The group number per node (names in sorted order).
    let groups: [Int]
    /// The group names, by group number: "(none)" first when some node has no value, then sorted.
    let groupNames: [String]
    /// The value of each node as a number, when every node that has a value has a number
    /// (integer or real); nil otherwise.
    let numbers: [Double?]?

    /// - Throws: `UsageError` when no node has the field or attribute.
    init(_ nodes: [Node], by field: String) throws {
        func group(_ n: Node) -> String? {
            switch field {
            case "country": return n.country
            case "kind": return n.kind.id
            default: return n.attributes[field]?.description
            }
        }
        let values = nodes.map(group)
        guard values.contains(where: { $0 != nil }) else {
            throw UsageError("cannot group by '\(field)': no node has a '\(field)' field or attribute")
        }
        names = values.map { $0 ?? "(none)" }
        let sorted = Set(values.compactMap { $0 }).sorted()
        groupNames = (values.contains(where: { $0 == nil }) && !sorted.contains("(none)") ? ["(none)"] : []) + sorted
        let index = Dictionary(uniqueKeysWithValues: groupNames.enumerated().map { ($1, $0) })
        groups = names.map { index[$0]! }
        func number(_ n: Node) -> Double?? {
            switch n.attributes[field] {
            case nil: return .some(nil)
            case .integer(let i)?: return Double(i)
            case .number(let d)?: return d
            default: return nil
            }
        }
        let asNumbers = ["country", "kind"].contains(field) ? nil : nodes.map(number)
        numbers = asNumbers.flatMap { $0.allSatisfy { $0 != nil } ? $0.map { $0! } : nil }
    }
}
