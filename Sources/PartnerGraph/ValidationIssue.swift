/// One problem found in a network.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// What the problem is about.
    public enum Element: Hashable, Sendable {
        case network
        case source(Int)
        case kind(Int)
        case relation(Int)
        case node(Int)
        case edge(Int)
    }

    public var element: Element
    public var message: String
    /// Where in a file the element stands, when the network was read from one.
    public var location: SourceLocation?

    public init(_ element: Element, _ message: String, location: SourceLocation? = nil) {
        self.element = element
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}

/// A place in a file: a path and a line (and a column, when known). CSV files give rows as lines;
/// a workbook's sheet gives rows, or cells (`unit` "cell": `line` is the row, `column` the
/// column, shown as `C7`), in the part of the file named by `part`.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// The part of the file the place is in, when the file holds several: a workbook's sheet
    /// ("sheet 'edges'") or a file inside its archive ("xl/styles.xml").
    public var part: String?
    public var line: Int?
    public var column: Int?
    /// What the line number counts: "line", "row" or "cell".
    public var unit: String

    public init(file: String, part: String? = nil, line: Int? = nil, column: Int? = nil, unit: String = "line") {
        self.file = file
        self.part = part
        self.line = line
        self.column = column
        self.unit = unit
    }

    /// `book.xlsx: sheet 'edges', cell C7`; `edges.csv: row 7`; `g.graphml:3:15`;
    /// `book.xlsx: xl/styles.xml, line 3, column 15`.
    public var description: String {
        let head = part.map { "\(file): \($0)" } ?? file
        guard let line else { return head }
        let separator = part == nil ? ":" : ","
        switch unit {
        case "line":
            if part == nil { return column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)" }
            return "\(head), line \(line)" + (column.map { ", column \($0)" } ?? "")
        case "cell":
            return "\(head)\(separator) cell \(SourceLocation.columnName(column ?? 1))\(line)"
        default:
            return "\(head)\(separator) \(unit) \(line)"
        }
    }

    /// A spreadsheet's name for column `n` (1-based): A … Z, AA … AZ, BA …
    public static func columnName(_ n: Int) -> String {
        var n = max(1, n), letters: [Character] = []
        while n > 0 {
            let d = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + d))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }
}

/// A network that failed validation, with every problem found.
public struct NetworkValidationError: Error, Sendable, CustomStringConvertible {
    public var issues: [ValidationIssue]
    public init(issues: [ValidationIssue]) { self.issues = issues }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
