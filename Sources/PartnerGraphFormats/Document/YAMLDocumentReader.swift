import PartnerGraph
internal import Yams

/// Reads YAML text into a `DocumentNode` tree with line and column marks.
enum YAMLDocumentReader {
    static func read(_ text: String, file: String) throws -> DocumentNode {
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw describe(error, file: file)
        }
        guard let root else { throw FormatError("the file is empty", at: SourceLocation(file: file)) }
        return try convert(root, file: file, depth: 0)
    }

    private static func convert(_ node: Yams.Node, file: String, depth: Int) throws -> DocumentNode {
        let line = node.mark?.line ?? 0, column = node.mark?.column ?? 0
        guard depth < 200 else {
            throw FormatError("nesting deeper than 200 levels", at: SourceLocation(file: file, line: line, column: column))
        }
        switch node {
        case .scalar(let s):
            return DocumentNode(value: .scalar(s.string, quoted: s.style != .plain), line: line, column: column)
        case .mapping(let m):
            var pairs: [(key: DocumentNode, value: DocumentNode)] = []
            for (k, v) in m {
                pairs.append((try convert(k, file: file, depth: depth + 1), try convert(v, file: file, depth: depth + 1)))
            }
            return DocumentNode(value: .mapping(pairs), line: line, column: column)
        case .sequence(let s):
            return DocumentNode(value: .sequence(try s.map { try convert($0, file: file, depth: depth + 1) }), line: line, column: column)
        case .alias:
            throw FormatError("YAML aliases are not supported; write the value out", at: SourceLocation(file: file, line: line, column: column))
        }
    }

    private static func describe(_ error: YamlError, file: String) -> FormatError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
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
