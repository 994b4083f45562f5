import PartnerGraph

/// One record of a CSV file with the line it starts on.
public struct CSVRecord: Sendable {
    public var fields: [String]
    public var line: Int
}

/// An RFC 4180 CSV parser: quoted fields with embedded commas, quotes (`""`) and newlines;
/// CRLF or LF line ends; a UTF-8 byte-order mark is skipped. Blank lines are skipped.
public enum CSVParser {
    /// Parses CSV text into records.
    /// - Throws: `FormatError` for an unterminated quoted field or text after a closing quote.
    /// - Complexity: O(n) in the text length.
    public static func parse(_ text: String, file: String, separator: UInt8 = UInt8(ascii: ",")) throws -> [CSVRecord] {
        var bytes = Array(text.utf8)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bytes.removeFirst(3) }
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var i = 0
        var line = 1
        var recordLine = 1
        var atFieldStart = true
        var sawAnything = false
        let quote = UInt8(ascii: "\"")
        func endRecord() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecord(fields: fields, line: recordLine)) }
            fields.removeAll(keepingCapacity: true)
            atFieldStart = true
            sawAnything = false
        }
        while i < bytes.count {
            let b = bytes[i]
            if atFieldStart && b == quote {
                let quoteLine = line
                i += 1
                var closed = false
                while i < bytes.count {
                    if bytes[i] == quote {
                        if i + 1 < bytes.count && bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                        i += 1
                        closed = true
                        break
                    }
                    if bytes[i] == 0x0A { line += 1 }
                    field.append(bytes[i])
                    i += 1
                }
                if !closed {
                    throw FormatError("malformed CSV: a quoted field opened here is never closed", at: SourceLocation(file: file, line: quoteLine))
                }
                atFieldStart = false
                sawAnything = true
                if i < bytes.count, bytes[i] != separator, bytes[i] != 0x0A, bytes[i] != 0x0D {
                    throw FormatError("malformed CSV: text after a closing quote (double a quote inside a quoted field: \"\")", at: SourceLocation(file: file, line: line))
                }
                continue
            }
            if b == separator {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                atFieldStart = true
                sawAnything = true
                i += 1
            } else if b == 0x0D || b == 0x0A {
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                i += 1
                if sawAnything || !field.isEmpty { endRecord() } else { fields.removeAll(); field.removeAll() }
                line += 1
                recordLine = line
            } else {
                field.append(b)
                atFieldStart = false
                sawAnything = true
                i += 1
            }
        }
        if sawAnything || !field.isEmpty { endRecord() }
        return records
    }
}

/// Writes CSV rows, quoting fields that hold a comma, quote, newline or leading/trailing space.
public enum CSVWriter {
    public static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || s.hasPrefix(" ") || s.hasSuffix(" ") {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
