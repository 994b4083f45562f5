import PartnerGraph

/// One record of a CSV file with the line it starts on.
public struct CSVRecord: Sendable {
    public var fields: [String]
    public var line: Int
}

/// CSV records stored flat: the fields of record `r` are `fields[starts[r]..<starts[r + 1]]`,
/// and it starts on line `lines[r]`.
struct CSVFlatRecords {
    var fields: [String] = []
    var starts: [Int] = [0]
    var lines: [Int] = []

    var count: Int { lines.count }
    func fieldCount(_ r: Int) -> Int { starts[r + 1] - starts[r] }
    func field(_ r: Int, _ c: Int) -> String { fields[starts[r] + c] }
}

/// An RFC 4180 CSV parser: quoted fields with embedded commas, quotes (`""`) and newlines;
/// CRLF or LF line ends; a UTF-8 byte-order mark is skipped. Blank lines are skipped.
public enum CSVParser {
    /// Parses CSV text into records.
    /// - Throws: `FormatError` for an unterminated quoted field or text after a closing quote.
    /// - Complexity: O(n) in the text length.
    public static func parse(_ text: String, file: String, separator: UInt8 = UInt8(ascii: ",")) throws -> [CSVRecord] {
        let flat = try parseFlat(text, file: file, separator: separator)
        return (0..<flat.count).map { r in
            CSVRecord(fields: Array(flat.fields[flat.starts[r]..<flat.starts[r + 1]]), line: flat.lines[r])
        }
    }

    /// Parses CSV text into flat records (what `parse` returns, without an array per record).
    static func parseFlat(_ text: String, file: String, separator: UInt8 = UInt8(ascii: ",")) throws -> CSVFlatRecords {
        var text = text
        return try text.withUTF8 { all in
            var bytes = all
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                bytes = UnsafeBufferPointer(rebasing: bytes[3...])
            }
            return try parseFlat(bytes, file: file, separator: separator)
        }
    }

    private static func parseFlat(_ bytes: UnsafeBufferPointer<UInt8>, file: String, separator: UInt8) throws -> CSVFlatRecords {
        var out = CSVFlatRecords()
        let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        let n = bytes.count
        var quoted: [UInt8] = []
        var i = 0
        var line = 1
        var recordLine = 1
        var fieldsInRecord = 0
        /// Ends the current record; a record of one empty field (a blank line) is dropped.
        func endRecord() {
            if fieldsInRecord == 1 && out.fields[out.fields.count - 1].isEmpty {
                out.fields.removeLast()
            } else if fieldsInRecord > 0 {
                out.starts.append(out.fields.count)
                out.lines.append(recordLine)
            }
            fieldsInRecord = 0
        }
        while i < n {
            // One field, starting at i.
            if bytes[i] == quote {
                let quoteLine = line
                i += 1
                quoted.removeAll(keepingCapacity: true)
                var closed = false
                while i < n {
                    let b = bytes[i]
                    if b == quote {
                        if i + 1 < n && bytes[i + 1] == quote { quoted.append(quote); i += 2; continue }
                        i += 1
                        closed = true
                        break
                    }
                    if b == lf { line += 1 }
                    quoted.append(b)
                    i += 1
                }
                if !closed {
                    throw FormatError("malformed CSV: a quoted field opened here is never closed", at: SourceLocation(file: file, line: quoteLine))
                }
                if i < n, bytes[i] != separator, bytes[i] != lf, bytes[i] != cr {
                    throw FormatError("malformed CSV: text after a closing quote (double a quote inside a quoted field: \"\")", at: SourceLocation(file: file, line: line))
                }
                out.fields.append(String(decoding: quoted, as: UTF8.self))
            } else {
                var j = i
                while j < n {
                    let b = bytes[j]
                    if b == separator || b == lf || b == cr { break }
                    j += 1
                }
                out.fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self))
                i = j
            }
            fieldsInRecord += 1
            // What ends the field: a separator (another field follows), a line end, or the text's end.
            if i < n && bytes[i] == separator {
                i += 1
                if i == n {
                    out.fields.append("")
                    fieldsInRecord += 1
                }
                continue
            }
            if i < n {
                if bytes[i] == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                i += 1
            }
            endRecord()
            line += 1
            recordLine = line
            // Blank lines: skip them here (a field starting at a line end would be empty).
            while i < n && (bytes[i] == lf || bytes[i] == cr) {
                if bytes[i] == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                i += 1
                line += 1
                recordLine = line
            }
        }
        if fieldsInRecord > 0 { endRecord() }   // the text ended just after a separator
        return out
    }
}

/// Writes CSV rows, quoting fields that hold a comma, quote, newline or leading/trailing space.
public enum CSVWriter {
    /// Whether text cells that a spreadsheet would run as a formula (starting with =, +, -, @,
    /// tab or carriage return, and not a number) get a leading `'` (the CLI's --safe-csv).
    nonisolated(unsafe) public static var neutralizesFormulas = false

    public static func field(_ s: String) -> String {
        if neutralizesFormulas, let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(s) == nil {
            return quoted("'" + s)
        }
        return quoted(s)
    }

    private static func quoted(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || s.hasPrefix(" ") || s.hasSuffix(" ") {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
