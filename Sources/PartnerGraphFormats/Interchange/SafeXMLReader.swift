// A hardened XML event reader for the GraphML and GEXF readers.
//
// Not supported (by design):
// - DOCTYPE declarations with entity declarations (<!ENTITY …>, general or parameter): rejected
//   before parsing, with the line and column of the declaration (no XXE, no billion laughs).
// - External DTDs and external entities: never fetched (shouldResolveExternalEntities = false).
// - Encodings other than UTF-8 in the parser: the text arrives decoded (NetworkFile.readXMLText
//   decodes ISO-8859-1 and windows-1252 as declared) and the declaration is read as UTF-8.
// - Elements nested deeper than `maximumDepth`: refused where the limit is crossed.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PartnerGraph

/// One XML event with where it starts.
struct XMLEvent {
    enum Kind {
        case start(name: String, namespace: String?, attributes: [String: String])
        case end(name: String, namespace: String?)
        case text(String)
        case comment(String)
    }
    var kind: Kind
    var line: Int
    var column: Int
}

/// Reads XML as a stream of events, refusing entity declarations and never resolving external
/// entities. Errors carry the file, line and column.
enum SafeXMLReader {
    /// The deepest nesting of elements read.
    static let maximumDepth = 256

    /// Parses `text`, calling `handle` for every event. `handle` may throw to stop.
    static func read(_ text: String, file: String, what: String, handle: (XMLEvent) throws -> Void) throws {
        var bytes = Array(text.utf8)
        declareUTF8(&bytes)
        try checkProlog(bytes, file: file, what: what)
        try rejectCrowdedElements(bytes, file: file, what: what)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        let (tooDeep, reported, last, handled): (FormatError?, Error?, (String, Int)?, Error?) = withoutActuallyEscaping(handle) { handle in
            let delegate = Delegate(file: file, handle: handle)
            parser.delegate = delegate
            _ = parser.parse()
            delegate.flushText()
            parser.delegate = nil
            return (delegate.tooDeep, delegate.reportedError, delegate.lastStart, delegate.thrown)
        }
        // Malformed XML is reported before what a reader found in it, but the depth limit
        // stopped the parse itself.
        if let tooDeep { throw tooDeep }
        if let error = parser.parserError ?? reported {
            let code = (error as NSError).code
            let context = last.map { "; after <\($0.0)> at line \($0.1)" } ?? ""
            throw FormatError("malformed \(what): \(describe(code: code))\(context)",
                              at: SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber)))
        }
        if let handled { throw handled }
    }

    /// The text is UTF-8 whatever the file was: an XML declaration that names another encoding
    /// is changed to say UTF-8 (on its own line, so locations stay right).
    static func declareUTF8(_ bytes: inout [UInt8]) {
        guard bytes.starts(with: Array("<?xml".utf8)), let end = bytes.prefix(300).firstIndex(of: UInt8(ascii: ">")) else { return }
        let declaration = String(decoding: bytes[..<end], as: UTF8.self)
        guard let match = declaration.range(of: #"encoding\s*=\s*["'][^"']*["']"#, options: .regularExpression) else { return }
        let replaced = declaration.replacingCharacters(in: match, with: "encoding=\"UTF-8\"")
        bytes.replaceSubrange(..<end, with: Array(replaced.utf8))
    }

    /// Messages for the NSXMLParser error codes that libxml2 reports most.
    static func describe(code: Int) -> String {
        switch code {
        case 4: return "the document is empty"
        case 5: return "the document ends too early (truncated file, or an element is never closed)"
        case 9: return "invalid character"
        case 23: return "a '<' in text must be written &lt;"
        case 26: return "reference to an undeclared entity (only &lt; &gt; &amp; &quot; &apos; and &#…; are allowed)"
        case 27, 28: return "misplaced or malformed reference"
        case 38, 39, 40, 41: return "malformed attribute (missing quote, '=' or value)"
        case 46: return "a tag is not closed properly"
        case 64: return "malformed XML declaration"
        case 68: return "malformed name"
        case 73: return "malformed tag: '>' expected"
        case 76: return "an end tag does not match its start tag"
        case 85: return "text after the end of the document"
        case 110: return "invalid namespace"
        case 201, 202, 203: return "namespace error"
        default: return "XML syntax error (code \(code))"
        }
    }

    /// The most attributes one element may have: libxml2 checks each new attribute against all
    /// before it (300,000 attributes took a minute); GraphML and GEXF elements have a handful.
    static let maximumAttributes = 1_000

    /// Refuses, before parsing, an element with more than `maximumAttributes` attributes, at
    /// its line and column. One pass over the bytes: comments, CDATA and processing
    /// instructions are skipped, and `=` is counted inside tags outside quoted values.
    static func rejectCrowdedElements(_ b: [UInt8], file: String, what: String) throws {
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), eq = UInt8(ascii: "=")
        var i = 0, line = 1, lineStart = 0
        func skip(past end: [UInt8]) {
            while i < b.count {
                if b[i] == 0x0A { line += 1; lineStart = i + 1 }
                if b[i] == end[0] && i + end.count <= b.count && Array(b[i..<(i + end.count)]) == end { i += end.count; return }
                i += 1
            }
        }
        while i < b.count {
            let c = b[i]
            if c == 0x0A { line += 1; lineStart = i + 1; i += 1; continue }
            guard c == lt, i + 1 < b.count else { i += 1; continue }
            let next = b[i + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                if b[i...].starts(with: Array("<!--".utf8)) { i += 4; skip(past: Array("-->".utf8)) }
                else if b[i...].starts(with: Array("<![CDATA[".utf8)) { i += 9; skip(past: Array("]]>".utf8)) }
                else if next == UInt8(ascii: "?") { i += 2; skip(past: Array("?>".utf8)) }
                else { i += 2 }
                continue
            }
            let (tagLine, tagColumn) = (line, i - lineStart + 1)
            var count = 0
            var quote: UInt8?
            i += 1
            while i < b.count {
                let d = b[i]
                if d == 0x0A { line += 1; lineStart = i + 1 }
                if let q = quote {
                    if d == q { quote = nil }
                } else if d == 0x22 || d == 0x27 {
                    quote = d
                } else if d == eq {
                    count += 1
                    if count > maximumAttributes {
                        throw FormatError("an element with more than \(maximumAttributes) attributes; \(what) elements have a handful",
                                          at: SourceLocation(file: file, line: tagLine, column: tagColumn))
                    }
                } else if d == gt {
                    break
                }
                i += 1
            }
            i += 1
        }
    }

    /// Looks through the prolog for a DOCTYPE and refuses it when its internal subset declares
    /// entities. A DOCTYPE without entity declarations is allowed (nothing in it is fetched).
    /// Text whose first element does not start with `<` is not XML at all (a YAML file read as
    /// GraphML) and says so, where the parser would call it empty.
    static func checkProlog(_ b: [UInt8], file: String, what: String) throws {
        var i = 0
        var line = 1, column = 1
        func advance(_ n: Int = 1) {
            for _ in 0..<n where i < b.count {
                if b[i] == 0x0A { line += 1; column = 1 } else if b[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        func at(_ s: String) -> Bool {
            let u = Array(s.utf8)
            guard i + u.count <= b.count else { return false }
            for k in 0..<u.count where b[i + k] != u[k] { return false }
            return true
        }
        if at("\u{FEFF}") { i += 3 }
        while i < b.count {
            if b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { advance(); continue }
            if at("<?") { while i < b.count && !at("?>") { advance() }; advance(2); continue }
            if at("<!--") { advance(4); while i < b.count && !at("-->") { advance() }; advance(3); continue }
            if at("<!DOCTYPE") {
                let (dl, dc) = (line, column)
                advance(9)
                var quote: UInt8? = nil
                var depth = 0
                while i < b.count {
                    let c = b[i]
                    if let q = quote {
                        if c == q { quote = nil }
                        advance(); continue
                    }
                    // A processing instruction's text is no quoted value: an apostrophe in it
                    // must not hide the declarations after it.
                    if at("<?") { advance(2); while i < b.count && !at("?>") { advance() }; advance(2); continue }
                    if c == 0x22 || c == 0x27 { quote = c; advance(); continue }
                    if at("<!--") { advance(4); while i < b.count && !at("-->") { advance() }; advance(3); continue }
                    if at("<!ENTITY") {
                        throw FormatError("\(what) declares entities in its DOCTYPE (DOCTYPE at \(dl):\(dc)); entity declarations are refused (they can read local files or expand without bound)",
                                          at: SourceLocation(file: file, line: line, column: column))
                    }
                    if c == UInt8(ascii: "[") { depth += 1 }
                    if c == UInt8(ascii: "]") { depth -= 1 }
                    if c == UInt8(ascii: ">") && depth <= 0 { advance(); break }
                    advance()
                }
                continue
            }
            guard b[i] == UInt8(ascii: "<") else {
                let shown = String(decoding: b[i..<min(b.count, i + 4)], as: UTF8.self).first.map(String.init) ?? ""
                throw FormatError("is not \(what): XML starts with '<', this text with '\(shown)'", at: SourceLocation(file: file, line: line, column: column))
            }
            return // the root element starts: the prolog is over
        }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handle: (XMLEvent) throws -> Void
        var thrown: Error?
        var reportedError: Error?
        var pendingText = ""
        var lastStart: (String, Int)?
        var depth = 0
        /// Set when the nesting passed `maximumDepth` (the parse was stopped there).
        var tooDeep: FormatError?
        var textLine = 0, textColumn = 0
        weak var parser: XMLParser?

        let file: String
        init(file: String, handle: @escaping (XMLEvent) throws -> Void) {
            self.file = file
            self.handle = handle
        }

        func emit(_ kind: XMLEvent.Kind, _ parser: XMLParser) {
            guard thrown == nil else { return }
            // After a reader's error the parse goes on, events unhandled: a truncated or
            // malformed document is reported as such, not by what its last fragment lacked.
            do { try handle(XMLEvent(kind: kind, line: parser.lineNumber, column: parser.columnNumber)) } catch {
                thrown = error
            }
        }

        func flushText() {
            guard !pendingText.isEmpty, thrown == nil else { pendingText = ""; return }
            let t = pendingText
            pendingText = ""
            do { try handle(XMLEvent(kind: .text(t), line: textLine, column: textColumn)) } catch { thrown = error }
        }

        func flush(_ parser: XMLParser) {
            guard !pendingText.isEmpty else { return }
            flushText()
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            flush(parser)
            depth += 1
            if depth > SafeXMLReader.maximumDepth && thrown == nil {
                tooDeep = FormatError("elements nested deeper than \(SafeXMLReader.maximumDepth) levels",
                                      at: SourceLocation(file: file, line: parser.lineNumber, column: parser.columnNumber))
                parser.abortParsing()
                return
            }
            lastStart = (qualifiedName ?? elementName, parser.lineNumber)
            emit(.start(name: elementName, namespace: namespaceURI.flatMap { $0.isEmpty ? nil : $0 }, attributes: attributes), parser)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            flush(parser)
            depth -= 1
            emit(.end(name: elementName, namespace: namespaceURI.flatMap { $0.isEmpty ? nil : $0 }), parser)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if pendingText.isEmpty { textLine = parser.lineNumber; textColumn = parser.columnNumber }
            pendingText += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            if pendingText.isEmpty { textLine = parser.lineNumber; textColumn = parser.columnNumber }
            pendingText += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, foundComment comment: String) {
            flush(parser)
            emit(.comment(comment), parser)
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            reportedError = NSError(domain: "PartnerGraph", code: 26)
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
            reportedError = NSError(domain: "PartnerGraph", code: 26)
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if reportedError == nil { reportedError = parseError }
        }
    }
}

/// Escapes text for XML content and attribute values. Characters XML 1.0 cannot hold
/// (controls other than tab, newline and carriage return) make `escape` return nil.
enum XMLText {
    static func escape(_ s: String, attribute: Bool = false) -> String? {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            default:
                if u.value < 0x20 && u != "\n" && u != "\t" { return nil }
                if u.value == 0xFFFE || u.value == 0xFFFF { return nil }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// `escape`, with the characters XML cannot hold first made visible as control pictures
    /// (`ControlCharacters`: distinct per character, so distinct ids stay distinct); `replaced`
    /// is set when any was.
    static func escapeAny(_ s: String, attribute: Bool, replaced: inout Bool) -> String {
        if let e = escape(s, attribute: attribute) { return e }
        replaced = true
        return escape(ControlCharacters.visible(s), attribute: attribute) ?? ""
    }

    /// The writers' warning when `escapeAny` replaced anything.
    static func replacedWarning(_ format: String) -> String {
        "\(format): control characters that XML cannot hold were written as control pictures (U+2400–U+2421, e.g. ␛ for ESC)"
    }
}
