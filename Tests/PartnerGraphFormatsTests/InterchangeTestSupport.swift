import Foundation
import PartnerGraphTestSupport
import Testing
import PartnerGraph
@testable import PartnerGraphFormats

/// The repository root (tests read `Graphs/` and `scripts/` from the checkout).
let interchangeRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let interchangeGraphs = ["nordic-innovation-procurement.yaml", "florentine-families.yaml", "karate-club.yaml",
                         "davis-southern-women.yaml", "les-miserables.yaml"]

func loadGraph(_ name: String) throws -> Network {
    try NetworkFile.load(interchangeRoot.appendingPathComponent("Graphs/\(name)").path)
}

/// The formats that hold every field of a network.
enum LosslessFormat: String, CaseIterable, Sendable, CustomStringConvertible {
    case graphml, graphmlPerEdge, gexf, gexfPerEdge, gml, nodeLink
    var description: String { rawValue }

    func encode(_ n: Network) throws -> EncodedNetwork {
        switch self {
        case .graphml: return try GraphMLEncoder().encode(n)
        case .graphmlPerEdge: return try GraphMLEncoder(perEdgeDirection: true).encode(n)
        case .gexf: return try GEXFEncoder().encode(n)
        case .gexfPerEdge: return try GEXFEncoder(perEdgeDirection: true).encode(n)
        case .gml: return try GMLEncoder().encode(n)
        case .nodeLink: return try NodeLinkEncoder().encode(n)
        }
    }

    func decode(_ text: String) throws -> Network {
        switch self {
        case .graphml, .graphmlPerEdge: return try GraphMLDecoder().decode(text, file: "t.graphml")
        case .gexf, .gexfPerEdge: return try GEXFDecoder().decode(text, file: "t.gexf")
        case .gml: return try GMLDecoder().decode(text, file: "t.gml")
        case .nodeLink: return try NodeLinkDecoder().decode(text, file: "t.json")
        }
    }
}

/// A small deterministic generator (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random valid networks full of awkward text, every attribute type, mixed directions,
/// parallel edges and self-loops; about half the nodes and edges have a since, an until or both
/// (since never after until), and about a third of the nodes one to three aliases of awkward text
/// (never empty or all white space, which validation refuses).
struct RandomNetworks {
    var rng: SeededGenerator
    /// Ids a line-based format can hold (no tabs, line breaks, '#', outer spaces).
    var lineSafeIDs = false
    /// Attribute names that never collide with a field's name (NetworkX keeps one value per name).
    var interopSafeNames = false

    static let pieces = ["a", "B", "lup", "Ø", "æ", "å", "ä", "ö", "ß", "日本", "😀", "\u{301}", "\"", "'", "<", ">", "&", "&amp;",
                         "#", "%", " ", "\t", "\n", "\r\n", "[", "]", "{", "}", ",", ";", "\\", "-", "--", "true", "null",
                         "2010", "1e5", "x y", "é", "\u{2028}", "&#38;", "]]>", "<!--", "_", "0"]
    static let safePieces = ["a", "B", "lup", "Ø", "æ", "日本", "😀", "\"", "'", "<", ">", "&", "%", "[", "]", "{", "}", ",",
                             ";", "\\", "-", "--", "true", "2010", "x", "é", "_", "0", "x y"]
    static let names = ["founded", "kind", "label", "weight", "id", "name", "source", "target", "relation", "since", "sources",
                        "a b", "ü", "x-y", "2nd", "key", "graphics", "partnergraph", "description", "note", "Note", "attr.kind",
                        "aliases", "aliases_2"]

    init(seed: UInt64, lineSafeIDs: Bool = false) {
        rng = SeededGenerator(seed: seed)
        self.lineSafeIDs = lineSafeIDs
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    mutating func text(safe: Bool = false, min: Int = 0) -> String {
        let pool = safe ? RandomNetworks.safePieces : RandomNetworks.pieces
        var s = ""
        for _ in 0..<int(min...4) { s += pool[int(0...pool.count - 1)] }
        if safe { s = s.trimmingCharacters(in: .whitespaces) }
        return s
    }

    mutating func date() -> PartialDate {
        let y = int(1900...2030)
        switch int(0...2) {
        case 0: return PartialDate(year: y)!
        case 1: return PartialDate(year: y, month: int(1...12))!
        default: return PartialDate(year: y, month: 2, day: int(1...28))!
        }
    }

    mutating func value(depth: Int = 0) -> AttributeValue {
        switch int(0...(depth < 2 ? 6 : 4)) {
        case 0: return .string(text())
        case 1: return .integer([0, 1, -1, 2010, 1 << 40, -(1 << 35), int(-1000...1000)][int(0...6)])
        case 2: return .number([0.1, -2.5e-7, 1e20, 3.0, 0.0, -0.0, 123456.789, Double(int(-100...100)) / 8][int(0...7)])
        case 3: return .boolean(chance(0.5))
        case 4: return .date(date())
        default: return .list((0..<int(0...3)).map { _ in value(depth: depth + 1) })
        }
    }

    mutating func attributes() -> Attributes {
        var a = Attributes()
        let pool = interopSafeNames ? ["founded", "note", "Note", "a b", "ü", "x-y", "2nd", "size", "attr.kind"] : RandomNetworks.names
        for _ in 0..<int(0...4) { a[pool[int(0...pool.count - 1)]] = value() }
        return a
    }

    mutating func network() -> Network {
        var n = Network(name: chance(0.7) ? text(min: 1) : nil, description: chance(0.5) ? text() : nil)
        for i in 0..<int(0...3) {
            n.sources.append(Source(id: "s\(i)-\(text(safe: true))", title: text(min: 1), publisher: chance(0.5) ? text() : nil,
                                    date: chance(0.5) ? date() : nil, language: chance(0.5) ? "da" : nil,
                                    url: chance(0.3) ? "https://example.org/?a=1&b=2" : nil, note: chance(0.3) ? text() : nil))
        }
        if chance(0.6) { n.declaredKinds.append(NodeKind("woman", label: chance(0.5) ? "Woman – ÆØÅ" : nil)) }
        if chance(0.5) { n.declaredKinds.append(NodeKind("club \(text(safe: true))")) }
        if chance(0.6) { n.declaredRelations.append(Relation("attended", directed: true, verb: "attended \(text())")) }
        if chance(0.6) { n.declaredRelations.append(Relation("co-appears-with", directed: false, verb: "appears with")) }
        let kinds = n.knownKinds
        let relations = chance(0.3) ? n.knownRelations.filter { !$0.isDirected } : n.knownRelations
        let sourceIDs = n.sources.map(\.id)
        var ids: [NodeID] = []
        var used: Set<String> = []
        for i in 0..<int(1...12) {
            var id = lineSafeIDs ? text(safe: true, min: 1) : text(min: 1)
            if id.isEmpty || used.contains(id) { id = "n\(i)" }
            used.insert(id)
            ids.append(NodeID(id))
            let kind = kinds[int(0...kinds.count - 1)]
            let label = chance(0.6) ? text() : nil, originalName = chance(0.3) ? text() : nil, country = chance(0.3) ? text() : nil
            let since: PartialDate? = chance(0.3) ? date() : nil
            var until: PartialDate? = chance(0.3) ? date() : nil
            if let s = since, let u = until, s.firstDay > u.lastDay { until = nil }
            let aliases = chance(0.35) ? (0..<int(1...3)).map { _ in text(min: 1) }.filter { $0.unicodeScalars.contains { !$0.properties.isWhitespace } } : []
            n.addNode(Node(id: NodeID(id), kind: kind, label: label, originalName: originalName, country: country,
                           since: since, until: until, aliases: aliases, attributes: attributes(),
                           sources: sourceIDs.filter { _ in chance(0.4) }))
        }
        for _ in 0..<int(0...20) {
            let since: PartialDate? = chance(0.3) ? date() : nil
            var until: PartialDate? = chance(0.3) ? date() : nil
            if let s = since, let u = until, s.firstDay > u.lastDay { until = nil }
            n.addEdge(Edge(from: ids[int(0...ids.count - 1)], to: ids[int(0...ids.count - 1)],
                           relation: relations[int(0...relations.count - 1)],
                           weight: chance(0.5) ? [0.5, 1.0, 2.0, 1e-3, 7.25, Double(int(1...50))][int(0...5)] : nil,
                           since: since, until: until, attributes: attributes(), sources: sourceIDs.filter { _ in chance(0.3) }))
        }
        return n
    }
}

/// What `body` throws, as its description (file:line:column first for located errors); nil when
/// it throws nothing.
func errorText<T>(_ body: () throws -> T) -> String? {
    do { _ = try body(); return nil } catch { return "\(error)" }
}

/// Runs scripts/networkx_interop.py and returns what it prints.
func runInterop(_ arguments: [String]) throws -> String {
    try OptionalPackage.networkx.require()
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", interchangeRoot.appendingPathComponent("scripts/networkx_interop.py").path] + arguments
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else {
        throw FormatError("networkx_interop.py \(arguments.joined(separator: " ")) failed: \(String(decoding: errData, as: UTF8.self))")
    }
    return String(decoding: data, as: UTF8.self)
}

func temporaryFile(_ name: String) -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pg-interchange-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name)
}

/// JSON written exactly as Python's json.dumps(sort_keys=True, ensure_ascii=False) writes it,
/// so summaries from Swift and from NetworkX compare as text.
indirect enum Canon: Equatable {
    case string(String), int(Int), float(Double), bool(Bool), list([Canon]), dict([String: Canon]), null

    var json: String {
        switch self {
        case .string(let s):
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{8}": out += "\\b"
                case "\u{C}": out += "\\f"
                default:
                    if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
                }
            }
            return out + "\""
        case .int(let i): return String(i)
        case .float(let d):
            if d == d.rounded(), abs(d) < 1e16 { return String(format: "%.1f", d) }
            return pythonRepr(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .list(let items): return "[" + items.map(\.json).joined(separator: ", ") + "]"
        case .dict(let d):
            return "{" + d.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }).map { Canon.string($0).json + ": " + d[$0]!.json }.joined(separator: ", ") + "}"
        }
    }

    /// Python's repr of a float for values Swift prints differently.
    func pythonRepr(_ d: Double) -> String {
        var s = "\(d)"
        if let e = s.firstIndex(of: "e") {
            var mantissa = String(s[..<e])
            var exp = String(s[s.index(after: e)...])
            if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
            let negative = exp.hasPrefix("-")
            exp = exp.trimmingCharacters(in: CharacterSet(charactersIn: "+-"))
            if exp.count < 2 { exp = "0" + exp }
            s = mantissa + "e" + (negative ? "-" : "+") + exp
        }
        return s
    }
}
