import PartnerGraph

/// A value to write as YAML or JSON (`JSONWriter`, `YAMLWriter`): the one tree every JSON
/// output of the package and the command line is built as. Keys keep their order.
public indirect enum OutputValue: Sendable {
    case null
    case string(String)
    case integer(Int)
    /// A count or seed above `Int.max` (a `--seed` is any UInt64).
    case unsigned(UInt64)
    case number(Double)
    case boolean(Bool)
    case mapping([(String, OutputValue)])
    /// A list; `inline` asks YAML to write it on one line (`[a, b]`).
    case list([OutputValue], inline: Bool)

    var isScalar: Bool {
        switch self {
        case .mapping, .list: return false
        default: return true
        }
    }

    /// Scalars, and small mappings and lists of them, which YAML can write on one line.
    var isFlowable: Bool {
        switch self {
        case .mapping(let p): return p.allSatisfy { $0.1.isFlowable }
        case .list(let items, _): return items.allSatisfy(\.isFlowable)
        default: return true
        }
    }
}

/// Writes an `OutputValue` as JSON (two-space indentation, UTF-8 kept as is).
public enum JSONWriter {
    /// The value as JSON text with a final newline.
    public static func write(_ value: OutputValue) -> String {
        var out = ""
        emit(value, indent: 0, compact: false, into: &out)
        out += "\n"
        return out
    }

    /// The value as JSON on one line, with no spaces and no final newline. `scriptSafe` also
    /// writes `<`, `>` and `&` as `\u` escapes, so the text can stand inside an HTML `<script>`
    /// element or a CDATA section without closing it.
    public static func compact(_ value: OutputValue, scriptSafe: Bool = false) -> String {
        var out = ""
        emit(value, indent: 0, compact: true, scriptSafe: scriptSafe, into: &out)
        return out
    }

    static func quote(_ s: String, scriptSafe: Bool = false) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where scriptSafe, ">" where scriptSafe, "&" where scriptSafe: out += "\\u00" + String(u.value, radix: 16)
            default:
                // Escaped as \u: controls, and what YAML reads as a line break or a byte-order mark
                // even inside quotes (NEL U+0085 would fold to a space).
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 || u.value == 0xFEFF
                    || u.value == 0xFFFE || u.value == 0xFFFF {
                    out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    private static func emit(_ value: OutputValue, indent: Int, compact: Bool, scriptSafe: Bool = false, into out: inout String) {
        let pad = compact ? "" : String(repeating: "  ", count: indent + 1)
        let newline = compact ? "" : "\n"
        switch value {
        case .null: out += "null"
        case .string(let s): out += quote(s, scriptSafe: scriptSafe)
        case .integer(let i): out += String(i)
        case .unsigned(let u): out += String(u)
        case .number(let d): out += d.isFinite ? jsonNumber(d) : "null"
        case .boolean(let b): out += b ? "true" : "false"
        case .mapping(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{" + newline
            for (k, (key, v)) in pairs.enumerated() {
                out += pad + quote(key, scriptSafe: scriptSafe) + (compact ? ":" : ": ")
                emit(v, indent: indent + 1, compact: compact, scriptSafe: scriptSafe, into: &out)
                out += k + 1 < pairs.count ? "," + newline : newline
            }
            out += (compact ? "" : String(repeating: "  ", count: indent)) + "}"
        case .list(let items, let inline):
            if items.isEmpty { out += "[]"; return }
            if compact || (inline && items.allSatisfy(\.isScalar)) {
                out += "["
                for (k, v) in items.enumerated() {
                    if k > 0 { out += compact ? "," : ", " }
                    emit(v, indent: indent, compact: compact, scriptSafe: scriptSafe, into: &out)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (k, v) in items.enumerated() {
                out += pad
                emit(v, indent: indent + 1, compact: compact, scriptSafe: scriptSafe, into: &out)
                out += k + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        }
    }

    /// A JSON number in shortest round-trip form; whole doubles keep ".0" so they read back as numbers.
    static func jsonNumber(_ d: Double) -> String {
        precondition(d.isFinite, "JSON cannot hold \(d)")
        return "\(d)"
    }
}

/// Writes an `OutputValue` as block-style YAML.
///
/// Strings are written plain when YAML would read them back as the same string, and
/// double-quoted otherwise; non-ASCII text is written as is.
enum YAMLWriter {
    static func write(_ value: OutputValue) -> String {
        var out = ""
        switch value {
        case .mapping(let pairs): emitMapping(pairs, indent: 0, into: &out)
        default: out += scalar(value) + "\n"
        }
        return out
    }

    /// A scalar, or a whole flow collection; `inFlow` when it stands inside `[…]` or `{…}`,
    /// where `,[]{}` end a plain scalar.
    static func scalar(_ value: OutputValue, inFlow: Bool = false) -> String {
        switch value {
        case .null: return "null"
        case .string(let s): return plainSafe(s, inFlow: inFlow) ? s : JSONWriter.quote(s)
        case .integer(let i): return String(i)
        case .unsigned(let u): return String(u)
        case .number(let d): return d.isFinite ? "\(d)" : (d.isNaN ? ".nan" : (d > 0 ? ".inf" : "-.inf"))
        case .boolean(let b): return b ? "true" : "false"
        case .mapping(let p):
            return "{" + p.map { (plainSafe($0.0, inFlow: true) ? $0.0 : JSONWriter.quote($0.0)) + ": " + scalar($0.1, inFlow: true) }.joined(separator: ", ") + "}"
        case .list(let items, _): return "[" + items.map { scalar($0, inFlow: true) }.joined(separator: ", ") + "]"
        }
    }

    static func plainSafe(_ s: String, inFlow: Bool = false) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if inFlow && s.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        if first == " " || last == " " { return false }
        if "-?:,[]{}#&*!|>'\"%@`~".unicodeScalars.contains(first) { return false }
        if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return false }
        // Controls (C0, DEL, C1), line and paragraph separators, the byte-order mark and the
        // non-characters U+FFFE/U+FFFF: libyaml refuses or folds them in plain scalars.
        if s.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{FEFF}" || $0 == "\u{2028}" || $0 == "\u{2029}"
                || $0.value == 0xFFFE || $0.value == 0xFFFF }) { return false }
        // Would YAML (1.1 or 1.2) read it as something other than a string?
        let lower = s.lowercased()
        if ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(lower) { return false }
        if ScalarResolution.integer(s) != nil || ScalarResolution.number(s) != nil || lower.hasPrefix(".") { return false }
        if PartialDate(s) != nil { return false }
        if s.first!.isNumber && s.allSatisfy({ $0.isNumber || "-:._ ".contains($0) }) { return false }
        if s.hasPrefix("0x") || s.hasPrefix("0o") || s.hasPrefix("0b") { return false }
        return true
    }

    /// Flow lists are written inline only when they hold short plain scalars.
    private static func inlineable(_ items: [OutputValue]) -> Bool {
        items.allSatisfy(\.isFlowable) && items.map { scalar($0, inFlow: true) }.joined(separator: ", ").count <= 100
    }

    private static func emitMapping(_ pairs: [(String, OutputValue)], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (key, v) in pairs {
            let k = plainSafe(key) ? key : JSONWriter.quote(key)
            switch v {
            case .mapping(let inner) where !inner.isEmpty:
                if inner.allSatisfy({ $0.1.isFlowable }), inner.count <= 3, case let flow = scalar(v), flow.count <= 80 {
                    out += pad + k + ": " + flow + "\n"
                } else {
                    out += pad + k + ":\n"
                    emitMapping(inner, indent: indent + 2, into: &out)
                }
            case .list(let items, let inline) where !items.isEmpty:
                if inline && inlineable(items) {
                    out += pad + k + ": " + scalar(v) + "\n"
                } else {
                    out += pad + k + ":\n"
                    emitList(items, indent: indent + 2, into: &out)
                }
            default:
                out += pad + k + ": " + (v.isScalar ? scalar(v) : (isEmptyList(v) ? "[]" : "{}")) + "\n"
            }
        }
    }

    private static func isEmptyList(_ v: OutputValue) -> Bool {
        if case .list = v { return true }
        return false
    }

    private static func emitList(_ items: [OutputValue], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            switch item {
            case .mapping(let inner) where !inner.isEmpty:
                var block = ""
                emitMapping(inner, indent: indent + 2, into: &block)
                // Put the first key on the dash line.
                let body = block.dropFirst(indent + 2)
                out += pad + "- " + body
            default:
                out += pad + "- " + scalar(item) + "\n"
            }
        }
    }
}
