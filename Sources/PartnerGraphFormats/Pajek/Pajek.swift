// Pajek .net: reading and writing (vertices, arcs and edges with weights).
//
// What we write: `*Network <name>` (when the network has one), `*Vertices N`, one line per node
// (`1 "id"`), then `*Arcs` for edges of directed relations and `*Edges` for symmetric ones, each
// `from to [weight]`. Labels are always quoted; a `"` or `\` inside is written `\"` / `\\`
// (shlex-style, as NetworkX's read_pajek reads it; Pajek itself has no escapes).
//
// Not supported:
// - Node kinds, labels, original names, aliases, countries, dates (since/until), attributes and
//   sources; relations, dates, edge attributes and sources; the description and sources of the
//   network: dropped, with a warning listing what was lost. Reading gives nodes of kind `node`
//   and edges of relation `connected-to` (`connected-with` for *Edges in a file that also has
//   *Arcs).
// - Node ids with line breaks (refused: Pajek is line-based).
// - NetworkX reads a file with both *Arcs and *Edges as undirected (a warning says so).
// - Reading: *Matrix, *Partition, *Vector, *Permutation, *Cluster and *Hierarchy sections
//   (refused with a located error); two-mode *Vertices N M reads as one-mode; vertex
//   coordinates become number attributes x, y, z, a shape word attribute "shape", and
//   `key value` pairs after them text attributes (as NetworkX does); an edge's pairs after the
//   weight become text attributes.
import PartnerGraph

/// Writes Pajek .net.
public struct PajekEncoder: Sendable {
    public init() {}

    public func encode(_ network: Network) throws -> EncodedNetwork {
        var warnings = Losses.structureOnly(network, format: "Pajek", keepsWeights: true, keepsDirection: true, keepsIsolated: true)
        var out = ""
        if let n = network.name {
            let line = Interchange.fields(n) { $0 == "\n" || $0 == "\r" }.joined(separator: " ").stripping(" \t")
            if line != n { warnings.append("Pajek: the network's name is written on one line, without line breaks or outer spaces") }
            if !line.isEmpty { out += "*Network \(line)\n" }
        }
        out += "*Vertices \(network.nodes.count)\n"
        var number: [NodeID: Int] = [:]
        var escaped = false
        for (i, node) in network.nodes.enumerated() {
            let id = node.id.rawValue
            if id.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
                throw FormatError("node id '\(id)' holds a line break; Pajek cannot hold it")
            }
            if id.contains("\"") || id.contains("\\") { escaped = true }
            if number[node.id] == nil { number[node.id] = i + 1 }
            out += "\(i + 1) \"\(id.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"\n"
        }
        for (header, directed) in [("*Arcs", true), ("*Edges", false)] {
            let edges = network.edges.filter { $0.relation.isDirected == directed }
            if edges.isEmpty { continue }
            out += header + "\n"
            for e in edges {
                guard let a = number[e.from], let b = number[e.to] else {
                    throw FormatError("edge \(e.from) → \(e.to) names a node the network does not have")
                }
                out += "\(a) \(b)" + (e.weight.map { " " + formatNumber($0) } ?? "") + "\n"
            }
        }
        if Interchange.mixesDirections(network) {
            warnings.append("Pajek: the file has both *Arcs and *Edges; Pajek and PartnerGraph read both, NetworkX's read_pajek makes the whole graph undirected")
        }
        if escaped { warnings.append("Pajek: ids with \" or \\ are written with backslash escapes (NetworkX reads them; Pajek itself may not)") }
        return EncodedNetwork(text: out, warnings: warnings)
    }
}

/// Reads Pajek .net.
public struct PajekDecoder: Sendable {
    public init() {}

    /// The most vertices any file may declare without listing them (more when the file is
    /// larger: 16 per byte).
    public static let smallestVertexLimit = 100_000

    public func decode(_ text: String, file: String) throws -> Network { try read(text, file: file).network }

    /// Reads a network and what could not be kept.
    public func read(_ text: String, file: String) throws -> DecodedNetwork {
        var asm = NetworkAssembler(file: file)
        enum Section { case none, vertices, arcs, edges, arcsList, edgesList }
        var section = Section.none
        var count: Int?
        var labels: [Int: String] = [:]
        var vertexLines = 0
        var sawArcs = false
        var lineNo = 0
        var pendingEdges: [(Int, Int, SourceLocation, Bool, [String])] = []
        var vertexOrder: [Int] = []
        var vertexLocation: [Int: SourceLocation] = [:]
        var vertexExtras: [Int: Attributes] = [:]

        for line in Interchange.lines(text) {
            lineNo += 1
            let trimmed = line.stripping(" \t")
            if trimmed.isEmpty || trimmed.hasPrefix("%") { continue }
            let here = SourceLocation(file: file, line: lineNo, column: 1)
            if trimmed.hasPrefix("*") {
                let words = Interchange.fields(trimmed) { $0 == " " || $0 == "\t" }
                let head = words[0].lowercased()
                switch head {
                case "*network":
                    let name = String(trimmed.unicodeScalars.dropFirst(words[0].unicodeScalars.count)).stripping(" \t")
                    if !name.isEmpty { asm.name = name }
                case "*vertices":
                    guard count == nil else { throw FormatError("a second *Vertices line (one network per file)", at: here) }
                    guard words.count >= 2, let n = Int(words[1]), n >= 0 else {
                        throw FormatError("*Vertices needs the number of vertices, e.g. '*Vertices 17'", at: here)
                    }
                    if words.count >= 3 { asm.warn("Pajek: two-mode networks (*Vertices N M) are read as one-mode") }
                    // Vertices without lines of their own are made one by one: a count far
                    // beyond what the file could describe is refused before any is made.
                    let limit = max(PajekDecoder.smallestVertexLimit, 16 * text.utf8.count)
                    guard n <= limit else {
                        throw FormatError("*Vertices \(n) is more than this \(text.utf8.count)-byte file can describe (at most \(limit) vertices here: 16 per byte, or \(PajekDecoder.smallestVertexLimit))", at: here)
                    }
                    count = n
                    section = .vertices
                case "*arcs", "*edges", "*arcslist", "*edgeslist":
                    guard count != nil else { throw FormatError("\(words[0]) before *Vertices", at: here) }
                    section = head == "*arcs" ? .arcs : head == "*edges" ? .edges : head == "*arcslist" ? .arcsList : .edgesList
                    if head.hasPrefix("*arcs") { sawArcs = true }
                case "*matrix", "*partition", "*vector", "*permutation", "*cluster", "*hierarchy":
                    throw FormatError("\(words[0]) sections are not supported (only *Network, *Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist)", at: here)
                default:
                    throw FormatError("unknown section '\(words[0])'", at: here)
                }
                continue
            }
            let tokens: [(String, Bool, Int)]
            do { tokens = try PajekDecoder.tokenize(line) } catch let e as TokenError {
                throw FormatError(e.message, at: SourceLocation(file: file, line: lineNo, column: e.column))
            }
            guard let n = count else { throw FormatError("a line before *Vertices", at: here) }
            func vertex(_ t: (String, Bool, Int)) throws -> Int {
                guard let v = Int(t.0) else {
                    throw FormatError("'\(t.0)' is not a vertex number", at: SourceLocation(file: file, line: lineNo, column: t.2))
                }
                guard v >= 1 && v <= n else {
                    throw FormatError("vertex \(v) is out of range: *Vertices says there are \(n)", at: SourceLocation(file: file, line: lineNo, column: t.2))
                }
                return v
            }
            switch section {
            case .none: throw FormatError("a line outside any section", at: here)
            case .vertices:
                vertexLines += 1
                if vertexLines > n {
                    throw FormatError("more vertex lines than *Vertices \(n) says", at: here)
                }
                let v = try vertex(tokens[0])
                if labels[v] != nil || vertexLocation[v] != nil {
                    throw FormatError("vertex \(v) is listed twice", at: SourceLocation(file: file, line: lineNo, column: tokens[0].2))
                }
                vertexOrder.append(v)
                vertexLocation[v] = here
                labels[v] = tokens.count > 1 ? tokens[1].0 : String(v)
                var attrs = Attributes()
                var k = 2
                for axis in ["x", "y", "z"] where k < tokens.count && !tokens[k].1 {
                    guard let d = Double(tokens[k].0), d.isFinite else { break }
                    attrs[axis] = .number(d)
                    k += 1
                }
                if k < tokens.count, ["ellipse", "box", "diamond", "triangle", "cross", "empty"].contains(tokens[k].0) {
                    attrs["shape"] = .string(tokens[k].0)
                    k += 1
                }
                while k + 1 < tokens.count {
                    attrs[tokens[k].0] = .string(tokens[k + 1].0)
                    k += 2
                }
                if k < tokens.count { asm.warn("Pajek: a vertex parameter without a value is not kept") }
                vertexExtras[v] = attrs
            case .arcs, .edges:
                guard tokens.count >= 2 else {
                    throw FormatError("an \(section == .arcs ? "arc" : "edge") line needs two vertex numbers", at: here)
                }
                let a = try vertex(tokens[0]), b = try vertex(tokens[1])
                pendingEdges.append((a, b, here, section == .arcs, tokens.dropFirst(2).map(\.0)))
            case .arcsList, .edgesList:
                let a = try vertex(tokens[0])
                for t in tokens.dropFirst() {
                    pendingEdges.append((a, try vertex(t), here, section == .arcsList, []))
                }
            }
        }
        guard let n = count else { throw FormatError("no *Vertices line: not a Pajek network", at: SourceLocation(file: file, line: 1)) }
        asm.defaultDirected = sawArcs
        let order = vertexOrder + (1...max(1, n)).filter { $0 <= n && vertexLocation[$0] == nil }
        for v in order {
            var node = NodeDraft(id: labels[v] ?? String(v), location: vertexLocation[v] ?? SourceLocation(file: file))
            node.attributes = vertexExtras[v] ?? [:]
            asm.nodes.append(node)
        }
        for (a, b, loc, directed, rest) in pendingEdges {
            var edge = EdgeDraft(from: labels[a] ?? String(a), to: labels[b] ?? String(b), location: loc)
            edge.directed = directed
            var k = 0
            if let first = rest.first, let w = Double(first) {
                edge.weight = w
                k = 1
            }
            while k + 1 < rest.count {
                edge.attributes[rest[k]] = .string(rest[k + 1])
                k += 2
            }
            if k < rest.count { asm.warn("Pajek: an edge parameter without a value is not kept") }
            asm.edges.append(edge)
        }
        return try asm.finish()
    }

    struct TokenError: Error { var message: String; var column: Int }

    /// Splits a line into tokens: runs of non-blanks, or "quoted" text with \" and \\ escapes.
    /// Each token comes with whether it was quoted and its column.
    static func tokenize(_ line: String) throws -> [(String, Bool, Int)] {
        var out: [(String, Bool, Int)] = []
        let chars = Array(line.unicodeScalars)
        var i = 0
        while i < chars.count {
            if chars[i] == " " || chars[i] == "\t" { i += 1; continue }
            let start = i
            var s = String.UnicodeScalarView()
            if chars[i] == "\"" {
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == "\"" || chars[i + 1] == "\\" { s.append(chars[i + 1]); i += 2; continue }
                    if chars[i] == "\"" { closed = true; i += 1; break }
                    s.append(chars[i])
                    i += 1
                }
                if !closed { throw TokenError(message: "a quoted label is never closed", column: start + 1) }
                out.append((String(s), true, start + 1))
            } else {
                while i < chars.count, chars[i] != " ", chars[i] != "\t" { s.append(chars[i]); i += 1 }
                out.append((String(s), false, start + 1))
            }
        }
        return out
    }
}
