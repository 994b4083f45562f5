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

/// A place in a file: a path and a line (and a column, when known). CSV files give rows as lines.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// What the line number counts: "line" or "row".
    public var unit: String

    public init(file: String, line: Int? = nil, column: Int? = nil, unit: String = "line") {
        self.file = file
        self.line = line
        self.column = column
        self.unit = unit
    }

    public var description: String {
        guard let line else { return file }
        if unit == "line" {
            return column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
        }
        return "\(file): \(unit) \(line)"
    }
}

/// A network that failed validation, with every problem found.
public struct NetworkValidationError: Error, Sendable, CustomStringConvertible {
    public var issues: [ValidationIssue]
    public init(issues: [ValidationIssue]) { self.issues = issues }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
