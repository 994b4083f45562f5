// Edge list: reading and writing `u v [w]` lines, `#` comments, whitespace-separated.
//
// What we write: a comment block (`# network: <name>`, `# partnergraph edgelist: directed` or
// `undirected`), then one line per edge, `from to` and the weight when the edge has one.
// NetworkX's read_edgelist / read_weighted_edgelist read it.
//
// Not supported:
// - Quoting: ids with spaces cannot be written space-separated, so when any id holds a space the
//   whole file is tab-separated (`# delimiter: tab`; NetworkX needs delimiter="\t"), with a
//   warning. Ids with a tab, a line break or `#` (NetworkX cuts lines at `#`), and empty ids,
//   are refused.
// - Node kinds, labels, aliases, dates (since/until), attributes and sources; relations, dates,
//   edge attributes and sources; the description and sources of the network; isolated nodes:
//   dropped, with a warning.
// - Direction lives in a comment only we read: other tools must be told (`create_using`); our
//   reader takes `directed` from the caller first, then the comment, else undirected.
// - Reading: a third column must be a number (the weight), or a Python dict literal as
//   NetworkX's write_edgelist writes it (`{'weight': 2.0, 'note': 'x'}`: strings, integers,
//   floats, True/False; None drops the key); anything else is a located error.
import PartnerGraph

/// Writes an edge list.
public struct EdgeListEncoder: Sendable {
    public init() {}

    public func encode(_ network: Network) throws -> EncodedNetwork {
        var warnings = Losses.structureOnly(network, format: "The edge list", keepsWeights: true, keepsDirection: false, keepsIsolated: false)
        var tab = false
        for n in network.nodes {
            let id = n.id.rawValue
            if id.isEmpty { throw FormatError("a node has an empty id; an edge list cannot hold it") }
            if id.unicodeScalars.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "#" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" || $0 == "\u{B}" || $0 == "\u{C}" }) {
                throw FormatError("node id '\(id)' holds a tab, a line break or '#'; an edge list cannot hold it")
            }
            if id.unicodeScalars.first == " " || id.unicodeScalars.last == " " {
                throw FormatError("node id '\(id)' starts or ends with a space; an edge list cannot hold it")
            }
            if id.unicodeScalars.contains(" ") { tab = true }
        }
        var out = ""
        if let n = network.name {
            let line = Interchange.fields(n) { $0 == "\n" || $0 == "\r" }.joined(separator: " ").stripping(" \t")
            if line != n { warnings.append("edge list: the network's name is written on one line, without line breaks or outer spaces") }
            if !line.isEmpty { out += "# network: \(line)\n" }
        }
        out += "# partnergraph edgelist: \(Interchange.isDirected(network) ? "directed" : "undirected")\n"
        if tab {
            out += "# delimiter: tab\n"
            warnings.append("edge list: some ids hold spaces, so the file is tab-separated (NetworkX: read_edgelist(path, delimiter=\"\\t\"))")
        }
        let sep = tab ? "\t" : " "
        let weighted = network.edges.filter { $0.weight != nil }.count
        for e in network.edges {
            out += e.from.rawValue + sep + e.to.rawValue + (e.weight.map { sep + formatNumber($0) } ?? "") + "\n"
        }
        if weighted > 0 && weighted < network.edges.count {
            warnings.append("edge list: \(Interchange.plural(network.edges.count - weighted, "edge")) have no weight, so lines have two or three columns (NetworkX's read_weighted_edgelist needs three)")
        }
        if Interchange.mixesDirections(network) {
            warnings.append("edge list: the network mixes directed and symmetric relations; the list records one direction (directed)")
        }
        return EncodedNetwork(text: out, warnings: warnings)
    }
}

/// Reads an edge list.
public struct EdgeListDecoder: Sendable {
    /// The direction; nil takes it from the `# partnergraph edgelist:` comment (else undirected).
    public var directed: Bool?

    public init(directed: Bool? = nil) { self.directed = directed }

    public func decode(_ text: String, file: String) throws -> Network { try read(text, file: file).network }

    /// Reads a network and what could not be kept.
    public func read(_ text: String, file: String) throws -> DecodedNetwork {
        var asm = NetworkAssembler(file: file)
        let lines = Interchange.lines(text)
        var fileDirected: Bool?
        var tab = false
        for l in lines {
            let t = l.stripping(" \t")
            if t.hasPrefix("# partnergraph edgelist:") {
                let v = t.dropFirst("# partnergraph edgelist:".count).trimmingPrefix(while: { $0 == " " })
                fileDirected = v.hasPrefix("directed")
            } else if t == "# delimiter: tab" {
                tab = true
            } else if t.hasPrefix("# network:"), asm.name == nil {
                asm.name = String(t.dropFirst("# network:".count).trimmingPrefix(while: { $0 == " " }))
            } else if !t.hasPrefix("#") && l.unicodeScalars.contains("\t") && !l.unicodeScalars.contains(" ") {
                tab = true
            }
        }
        asm.defaultDirected = directed ?? fileDirected ?? false
        var seen: Set<String> = []
        for (n, raw) in lines.enumerated() {
            var scalars = Substring(raw).unicodeScalars
            if let hash = scalars.firstIndex(of: "#") { scalars = scalars[..<hash] }
            let body = String(scalars).stripping(" \t")
            if body.isEmpty { continue }
            let here = SourceLocation(file: file, line: n + 1, column: 1)
            // u and v, then the rest of the line.
            var fields: [String] = []
            var rest = Substring(body).unicodeScalars
            for _ in 0..<2 {
                let cut = tab ? rest.firstIndex(of: "\t") : rest.firstIndex(where: { $0 == " " || $0 == "\t" })
                if let cut {
                    fields.append(String(rest[..<cut]))
                    rest = rest[rest.index(after: cut)...]
                    if !tab { rest = rest.drop(while: { $0 == " " || $0 == "\t" }) }
                } else {
                    fields.append(String(rest))
                    rest = Substring("").unicodeScalars
                }
            }
            guard fields.count == 2, !fields[1].isEmpty, !fields[0].isEmpty else {
                throw FormatError("expected 'u v [weight]', found '\(body)'", at: here)
            }
            let column = body.unicodeScalars.count - rest.count + 1
            var edge = EdgeDraft(from: String(fields[0]), to: String(fields[1]), location: here)
            let r = String(rest).stripping(" \t")
            if r.hasPrefix("{") {
                do {
                    for (k, v) in try PythonDict.parse(r) {
                        if k == "weight" { NetworkAssembler.place(weight: v, in: &edge) } else { edge.attributes[k] = v }
                    }
                } catch let e as PythonDict.Failure {
                    throw FormatError("malformed data dict: \(e.message)", at: SourceLocation(file: file, line: n + 1, column: column + e.offset))
                }
            } else if !r.isEmpty {
                guard !r.unicodeScalars.contains(where: { $0 == " " || $0 == "\t" }) || tab, let w = Interchange.double(r) else {
                    throw FormatError("expected 'u v [weight]': '\(r)' is not a number", at: SourceLocation(file: file, line: n + 1, column: column))
                }
                NetworkAssembler.place(weight: Interchange.numberValue(w, text: r) { asm.warn("edge list: \($0)") }, in: &edge)
            }
            for id in [edge.from, edge.to] where seen.insert(id).inserted {
                asm.nodes.append(NodeDraft(id: id, location: here))
            }
            asm.edges.append(edge)
        }
        return try asm.finish()
    }
}

/// Parses the Python dict literals NetworkX's write_edgelist writes: {'k': 'v', 'n': 1, 'x': 2.5, 'b': True}.
enum PythonDict {
    struct Failure: Error { var message: String; var offset: Int }

    static func parse(_ text: String) throws -> [(String, AttributeValue)] {
        let c = Array(text.unicodeScalars)
        var i = 0
        func fail(_ m: String) -> Failure { Failure(message: m, offset: i) }
        func space() { while i < c.count, c[i] == " " || c[i] == "\t" { i += 1 } }
        func string() throws -> String {
            let q = c[i]
            i += 1
            var s = String.UnicodeScalarView()
            while i < c.count, c[i] != q {
                if c[i] == "\\", i + 1 < c.count {
                    i += 1
                    switch c[i] {
                    case "n": s.append("\n")
                    case "t": s.append("\t")
                    case "r": s.append("\r")
                    case "x", "u", "U":
                        let n = c[i] == "x" ? 2 : c[i] == "u" ? 4 : 8
                        guard i + n < c.count, let v = UInt32(String(String.UnicodeScalarView(c[(i + 1)...(i + n)])), radix: 16), let u = Unicode.Scalar(v) else { throw fail("bad escape") }
                        s.append(u)
                        i += n
                    default: s.append(c[i])
                    }
                    i += 1
                    continue
                }
                s.append(c[i])
                i += 1
            }
            guard i < c.count else { throw fail("unterminated string") }
            i += 1
            return String(s)
        }
        space()
        guard i < c.count, c[i] == "{" else { throw fail("expected '{'") }
        i += 1
        var out: [(String, AttributeValue)] = []
        space()
        if i < c.count, c[i] == "}" { i += 1; space(); if i < c.count { throw fail("text after '}'") }; return out }
        while true {
            space()
            guard i < c.count, c[i] == "'" || c[i] == "\"" else { throw fail("expected a quoted key") }
            let key = try string()
            space()
            guard i < c.count, c[i] == ":" else { throw fail("expected ':'") }
            i += 1
            space()
            guard i < c.count else { throw fail("expected a value") }
            if c[i] == "'" || c[i] == "\"" {
                out.append((key, .string(try string())))
            } else {
                let start = i
                while i < c.count, c[i] != ",", c[i] != "}" { i += 1 }
                let word = String(String.UnicodeScalarView(c[start..<i])).stripping(" \t")
                switch word {
                case "True": out.append((key, .boolean(true)))
                case "False": out.append((key, .boolean(false)))
                case "None": break
                default:
                    if let n = Int(word) { out.append((key, .integer(n))) } else if let d = Interchange.double(word), d.isFinite {
                        out.append((key, .number(d)))
                    } else {
                        i = start
                        throw fail("'\(word)' is not a string, number, True, False or None")
                    }
                }
            }
            space()
            guard i < c.count else { throw fail("expected ',' or '}'") }
            if c[i] == "," { i += 1; space(); if i < c.count, c[i] == "}" { i += 1; break }; continue }
            if c[i] == "}" { i += 1; break }
            throw fail("expected ',' or '}'")
        }
        space()
        if i < c.count { throw fail("text after '}'") }
        return out
    }
}
