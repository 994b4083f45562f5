import PartnerGraph
internal import Yams

/// Reads YAML text into a `DocumentNode` tree with line and column marks.
enum YAMLDocumentReader {
    ///
    /// Anchors and aliases are refused at the first anchor, before any alias is walked: Yams
    /// composes an alias as the anchored node itself (shared, not copied), so an "alias bomb"
    /// of nine levels of nine aliases composes in microseconds but would expand to 9⁹ nodes.
    /// The parser stays alive while the tree is converted, because nodes hold their anchors
    /// weakly and the parser owns them.
    static func read(_ text: String, file: String) throws -> DocumentNode {
        let parser: Yams.Parser
        let root: Yams.Node?
        do {
            parser = try Yams.Parser(yaml: text)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw describe(error, file: file)
        }
        guard let root else { throw FormatError("the file is empty", at: SourceLocation(file: file)) }
        return try withExtendedLifetime(parser) { try convert(root, file: file, depth: 0) }
    }

    private static func refuseAnchor(_ anchor: Yams.Anchor?, line: Int, column: Int, file: String) throws {
        guard let anchor else { return }
        throw FormatError("YAML anchors and aliases (&\(anchor.rawValue), *\(anchor.rawValue)) are not supported; write the value out",
                          at: SourceLocation(file: file, line: line, column: column))
    }

    private static func convert(_ node: Yams.Node, file: String, depth: Int) throws -> DocumentNode {
        let line = node.mark?.line ?? 0, column = node.mark?.column ?? 0
        guard depth < 200 else {
            throw FormatError("nesting deeper than 200 levels", at: SourceLocation(file: file, line: line, column: column))
        }
        switch node {
        case .scalar(let s):
            try refuseAnchor(s.anchor, line: line, column: column, file: file)
            return DocumentNode(value: .scalar(s.string, quoted: s.style != .plain), line: line, column: column)
        case .mapping(let m):
            try refuseAnchor(m.anchor, line: line, column: column, file: file)
            var pairs: [(key: DocumentNode, value: DocumentNode)] = []
            for (k, v) in m {
                pairs.append((try convert(k, file: file, depth: depth + 1), try convert(v, file: file, depth: depth + 1)))
            }
            return DocumentNode(value: .mapping(pairs), line: line, column: column)
        case .sequence(let s):
            try refuseAnchor(s.anchor, line: line, column: column, file: file)
            return DocumentNode(value: .sequence(try s.map { try convert($0, file: file, depth: depth + 1) }), line: line, column: column)
        case .alias:
            throw FormatError("YAML aliases are not supported; write the value out", at: SourceLocation(file: file, line: line, column: column))
        }
    }

    private static func describe(_ error: YamlError, file: String) -> FormatError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // libyaml's own depth limit names its API; say it as the converter does.
            if problem.hasPrefix("Maximum nesting level reached") {
                return FormatError("nesting deeper than 200 levels", at: SourceLocation(file: file, line: mark.line, column: mark.column))
            }
            var message = "malformed YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return FormatError(message, at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case let .reader(problem, _, _, _):
            return FormatError("unreadable YAML: \(problem)", at: SourceLocation(file: file))
        case let .duplicatedKeysInMapping(duplicates, context):
            return FormatError("duplicate key \(duplicates.joined(separator: ", ")) in a mapping",
                               at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        default:
            return FormatError("malformed YAML: \(error)", at: SourceLocation(file: file))
        }
    }
}
