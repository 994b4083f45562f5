/// A parsed YAML or JSON document: scalars, mappings and sequences, each with its line and
/// column, so that the native decoder can point at the element that is wrong.
struct DocumentNode: Sendable {
    enum Value: Sendable {
        /// A scalar's text; `quoted` is true for quoted YAML scalars and JSON strings, which are
        /// always strings, never numbers or booleans.
        case scalar(String, quoted: Bool)
        case mapping([(key: DocumentNode, value: DocumentNode)])
        case sequence([DocumentNode])
    }

    var value: Value
    var line: Int
    var column: Int

    /// The scalar text when this node is a scalar.
    var scalarText: String? {
        if case let .scalar(s, _) = value { return s }
        return nil
    }

    var isNull: Bool {
        if case let .scalar(s, quoted) = value, !quoted { return s == "null" || s == "~" || s == "" || s == "Null" || s == "NULL" }
        return false
    }

    var kindName: String {
        switch value {
        case .scalar: return isNull ? "null" : "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

/// Resolution of plain scalars as YAML 1.2's core schema does (and JSON's literals).
enum ScalarResolution {
    static func bool(_ s: String) -> Bool? {
        switch s {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// Whether `s` is digits that a number would not keep: a leading zero ("00012", an
    /// organisation or account number) or more digits than an integer holds. CSV keeps such
    /// columns as text, spelt as they are.
    static func isDigitCode(_ s: String) -> Bool {
        var t = Substring(s)
        if t.hasPrefix("+") || t.hasPrefix("-") { t = t.dropFirst() }
        guard !t.isEmpty, t.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
        return (t.count > 1 && t.first == "0") || Int(s) == nil
    }

    static func integer(_ s: String) -> Int? {
        var t = Substring(s)
        if t.hasPrefix("+") { t = t.dropFirst() }
        guard !t.isEmpty else { return nil }
        let digits = t.hasPrefix("-") ? t.dropFirst() : t
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(t)
    }

    static func number(_ s: String) -> Double? {
        // Plain digits (at most 15: every such integer is a double exactly) need no parser; this
        // is most weights in a large edge table.
        var plain: UInt64 = 0, count = 0
        for b in s.utf8 {
            guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") && count < 15 else { count = -1; break }
            plain = plain * 10 + UInt64(b - UInt8(ascii: "0"))
            count += 1
        }
        if count > 0 { return Double(plain) }
        switch s {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        // Only the characters 0-9 + - . e E, and at least one digit (checked on UTF-8 bytes: a
        // multi-byte character is never one of them).
        var sawDigit = false
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): break
            default: return nil
            }
        }
        guard sawDigit else { return nil }
        return Double(s)
    }
}
