/// A typed attribute value on a node or an edge.
public enum AttributeValue: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case date(PartialDate)
    case list([AttributeValue])

    /// The type's name as documented: string, integer, number, boolean, date, list.
    public var typeName: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "boolean"
        case .date: return "date"
        case .list: return "list"
        }
    }

    /// A plain-text rendering (lists joined with "; ").
    public var description: String {
        switch self {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .number(let d): return formatNumber(d)
        case .boolean(let b): return b ? "true" : "false"
        case .date(let d): return d.description
        case .list(let items): return items.map(\.description).joined(separator: "; ")
        }
    }

    /// The value as a Double when it is numeric.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }
}

/// Formats a Double in its shortest round-trip form, with `.0` kept on whole numbers.
public func formatNumber(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d > 0 ? "inf" : "-inf" }
    return "\(d)"
}

extension AttributeValue {
    /// Whether a string in the value holds U+0000.
    public var containsNUL: Bool {
        switch self {
        case .string(let s): return s.utf8.contains(0)
        case .list(let items): return items.contains { $0.containsNUL }
        default: return false
        }
    }
}
