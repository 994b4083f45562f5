import PartnerGraph

/// Each node's group for Gould–Fernandez brokerage, from a node field (`country`, `kind`) or
/// attribute, shared by `brokerage` and `report --group-by`.
struct BrokerageGrouping {
    /// The group name per node; "(none)" where the node has no value.
    let names: [String]
    /// The group number per node (names in sorted order).
    let groups: [Int]

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
            throw UsageError("--group-by \(field): no node has a '\(field)' field or attribute")
        }
        names = values.map { $0 ?? "(none)" }
        let index = Dictionary(uniqueKeysWithValues: Array(Set(names)).sorted().enumerated().map { ($1, $0) })
        groups = names.map { index[$0]! }
    }
}
