import PartnerGraph

/// A strict JSON (RFC 8259) reader producing a `DocumentNode` tree with line and column marks.
///
/// Not supported: comments, trailing commas, NaN/Infinity literals (all rejected with a
/// located message). Nesting is limited to 200 levels.
struct JSONDocumentReader {
    private let bytes: [UInt8]
    private let file: String
    private var i = 0
    private var line = 1
    private var column = 1

    static func read(_ text: String, file: String) throws -> DocumentNode {
        var reader = JSONDocumentReader(bytes: Array(text.utf8), file: file)
        reader.skipBOM()
        reader.skipWhitespace()
        guard reader.i < reader.bytes.count else { throw FormatError("the file is empty", at: SourceLocation(file: file)) }
        let root = try reader.parseValue(depth: 0)
        reader.skipWhitespace()
        if reader.i < reader.bytes.count { throw reader.error("unexpected text after the JSON value") }
        return root
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private mutating func skipBOM() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    }

    private func error(_ message: String) -> FormatError {
        FormatError("malformed JSON: \(message)", at: SourceLocation(file: file, line: line, column: column))
    }

    private mutating func advance() {
        let b = bytes[i]
        i += 1
        if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
    }

    private mutating func skipWhitespace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { advance() }
    }

    private mutating func expect(_ literal: String) throws {
        for b in literal.utf8 {
            guard i < bytes.count, bytes[i] == b else { throw error("expected '\(literal)'") }
            advance()
        }
    }

    private mutating func parseValue(depth: Int) throws -> DocumentNode {
        guard depth < 200 else { throw error("nesting deeper than 200 levels") }
        guard i < bytes.count else { throw error("unexpected end of file") }
        let (l, c) = (line, column)
        switch bytes[i] {
        case UInt8(ascii: "{"):
            advance()
            var pairs: [(key: DocumentNode, value: DocumentNode)] = []
            var seen: Set<String> = []
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { advance(); return DocumentNode(value: .mapping([]), line: l, column: c) }
            while true {
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a string key") }
                let (kl, kc) = (line, column)
                let key = try parseString()
                if !seen.insert(key).inserted {
                    throw FormatError("malformed JSON: duplicate key \"\(key)\"", at: SourceLocation(file: file, line: kl, column: kc))
                }
                skipWhitespace()
                try expect(":")
                skipWhitespace()
                let value = try parseValue(depth: depth + 1)
                pairs.append((DocumentNode(value: .scalar(key, quoted: true), line: kl, column: kc), value))
                skipWhitespace()
                guard i < bytes.count else { throw error("unexpected end of file in an object") }
                if bytes[i] == UInt8(ascii: ",") { advance(); continue }
                if bytes[i] == UInt8(ascii: "}") { advance(); break }
                throw error("expected ',' or '}'")
            }
            return DocumentNode(value: .mapping(pairs), line: l, column: c)
        case UInt8(ascii: "["):
            advance()
            var items: [DocumentNode] = []
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { advance(); return DocumentNode(value: .sequence([]), line: l, column: c) }
            while true {
                skipWhitespace()
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard i < bytes.count else { throw error("unexpected end of file in an array") }
                if bytes[i] == UInt8(ascii: ",") { advance(); continue }
                if bytes[i] == UInt8(ascii: "]") { advance(); break }
                throw error("expected ',' or ']'")
            }
            return DocumentNode(value: .sequence(items), line: l, column: c)
        case UInt8(ascii: "\""):
            return DocumentNode(value: .scalar(try parseString(), quoted: true), line: l, column: c)
        case UInt8(ascii: "t"):
            try expect("true"); return DocumentNode(value: .scalar("true", quoted: false), line: l, column: c)
        case UInt8(ascii: "f"):
            try expect("false"); return DocumentNode(value: .scalar("false", quoted: false), line: l, column: c)
        case UInt8(ascii: "n"):
            try expect("null"); return DocumentNode(value: .scalar("null", quoted: false), line: l, column: c)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return DocumentNode(value: .scalar(try parseNumber(), quoted: false), line: l, column: c)
        default:
            throw error("unexpected character '\(String(decoding: [bytes[i]], as: UTF8.self))'")
        }
    }

    private mutating func parseNumber() throws -> String {
        let start = i
        func digits() -> Int { var n = 0; while i < bytes.count, (0x30...0x39).contains(bytes[i]) { advance(); n += 1 }; return n }
        if bytes[i] == UInt8(ascii: "-") { advance() }
        guard i < bytes.count else { throw error("incomplete number") }
        if bytes[i] == UInt8(ascii: "0") { advance() } else if digits() == 0 { throw error("invalid number") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            advance()
            if digits() == 0 { throw error("invalid number: digits expected after '.'") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            advance()
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { advance() }
            if digits() == 0 { throw error("invalid number: digits expected in the exponent") }
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func parseString() throws -> String {
        advance() // opening quote
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error("unterminated string") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { advance(); break }
            if b < 0x20 { throw error("control character in a string (escape it)") }
            if b == UInt8(ascii: "\\") {
                advance()
                guard i < bytes.count else { throw error("unterminated escape") }
                let e = bytes[i]
                advance()
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate in \\u escape")
                        }
                        advance(); advance()
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate in \\u escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(code) {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(code)!)).utf8))
                default:
                    throw error("invalid escape '\\\(String(decoding: [e], as: UTF8.self))'")
                }
            } else {
                out.append(b)
                advance()
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func hex4() throws -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count, let d = hexValue(bytes[i]) else { throw error("invalid \\u escape") }
            v = v * 16 + d
            advance()
        }
        return v
    }

    private func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }
}
