import Foundation
import PartnerGraphFormats
internal import CGraphviz

/// An error from Graphviz: its own message, without Graphviz printing to stderr.
public struct GraphvizError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The line of the DOT text the message points at, when Graphviz names one.
    public var line: Int?

    public init(_ message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }

    public var description: String { message }
}

/// Output formats rendered through libgvc.
public enum RenderFormat: String, Sendable, CaseIterable {
    case svg, png, pdf
    /// Graphviz's DOT with layout positions (`-Tdot`).
    case gv = "dot"
    /// Graphviz's JSON with layout positions (`-Tjson`).
    case json
}

/// In-process Graphviz: parse DOT with cgraph, lay it out and render it with libgvc.
///
/// Graphviz keeps global state (the error buffer, plugin tables), so every call into it runs
/// behind one lock. Errors come back as `GraphvizError` with Graphviz's text; nothing is
/// printed to stderr.
public enum Graphviz {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var context: OpaquePointer?
    nonisolated(unsafe) fileprivate static var messages: [String] = []

    /// Runs `body` holding the Graphviz lock, with Graphviz's messages captured.
    static func withGraphviz<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if context == nil {
            _ = agseterrf(captureGraphvizMessage)
            context = gvContext()
            guard context != nil else { throw GraphvizError("Graphviz could not start (gvContext failed)") }
        }
        messages.removeAll()
        _ = agreseterrors()
        return try body(context!)
    }

    /// The messages Graphviz reported during the current call, joined; call inside `withGraphviz`.
    static func takeMessages(fallback: String) -> GraphvizError {
        var text = messages.joined().trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty, let last = aglasterr() { text = String(cString: last).trimmingCharacters(in: .whitespacesAndNewlines) }
        if text.isEmpty { text = fallback }
        if text.hasPrefix("Error: ") { text = String(text.dropFirst(7)) }
        messages.removeAll()
        return GraphvizError(text, line: lineNumber(in: text))
    }

    private static func lineNumber(in text: String) -> Int? {
        guard let r = text.range(of: "line ") else { return nil }
        return Int(text[r.upperBound...].prefix { $0.isNumber })
    }

    /// Parses DOT text with cgraph; the caller must `agclose` the result. Call inside `withGraphviz`.
    ///
    /// The text must hold exactly one graph: an error Graphviz reports while returning a graph
    /// anyway (its parser's "memory exhausted" on thousands of nested subgraphs), a second
    /// graph, and text after the graph that is not DOT are all refused.
    static func parse(_ dot: String) throws -> UnsafeMutablePointer<Agraph_t> {
        // The lexer's buffer and line counter outlive a parse: start afresh.
        aglexbad()
        agreadline(1)
        return try dot.withCString { text in
            var reader = pg_memory_reader(data: text, length: strlen(text), position: 0)
            guard let g = pg_read(&reader) else {
                throw takeMessages(fallback: "Graphviz could not read the DOT text")
            }
            if agerrors() > 0 || messages.contains(where: { $0.contains("rror") || $0.contains("exhausted") }) {
                agclose(g)
                throw takeMessages(fallback: "Graphviz reported an error while reading the DOT text")
            }
            messages.removeAll()
            _ = agreseterrors()
            if let second = pg_read(&reader) {
                agclose(second)
                agclose(g)
                aglexbad()
                throw GraphvizError("a second graph follows the first; a DOT file here holds one graph")
            }
            if agerrors() > 0 || !messages.isEmpty {
                agclose(g)
                aglexbad()
                let e = takeMessages(fallback: "text after the graph is not DOT")
                throw GraphvizError("after the graph: " + e.message, line: e.line)
            }
            return g
        }
    }

    /// Lays out DOT text and renders it.
    /// - Parameters:
    ///   - dot: the graph in DOT.
    ///   - layout: the layout engine.
    ///   - format: the output format.
    /// - Returns: the rendered bytes.
    /// - Throws: `GraphvizError` with Graphviz's message (malformed DOT names its line).
    public static func render(dot: String, layout: LayoutEngine, format: RenderFormat) throws -> [UInt8] {
        try render(dot: dot, engine: layout.rawValue, format: format)
    }

    /// Renders DOT whose every node has its place in `pos` (points, y upwards): Graphviz's
    /// `nop` engine (`neato -n`) keeps the places and draws the edges between them, as
    /// `splines` says. Charts are drawn this way, so they reach SVG, PNG and PDF as diagrams do.
    /// - Throws: `GraphvizError` with Graphviz's message.
    public static func render(positionedDOT dot: String, format: RenderFormat) throws -> [UInt8] {
        try render(dot: dot, engine: "nop", format: format)
    }

    private static func render(dot: String, engine: String, format: RenderFormat) throws -> [UInt8] {
        try withGraphviz { gvc in
            let g = try parse(dot)
            defer { agclose(g) }
            guard gvLayout(gvc, g, engine) == 0 else {
                throw takeMessages(fallback: "Graphviz could not lay out the graph with \(engine)")
            }
            defer { gvFreeLayout(gvc, g) }
            var data: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            guard gvRenderData(gvc, g, format.rawValue, &data, &length) == 0, let data else {
                throw takeMessages(fallback: "Graphviz could not render \(format.rawValue)")
            }
            defer { gvFreeRenderData(data) }
            return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
        }
    }
}

/// Receives Graphviz's error and warning text (called with the Graphviz lock held).
private func captureGraphvizMessage(_ text: UnsafeMutablePointer<CChar>?) -> Int32 {
    if let text { Graphviz.messages.append(String(cString: text)) }
    return 0
}
