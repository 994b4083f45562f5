/// Finding a node by what a person types: its id, its label, its original name or an alias, with
/// case and diacritics ignored ("Ingebjorg Harto" finds "Ingebjørg Harto").

/// A node as a lookup reports it: its id and its display name.
public struct NodeMatch: Hashable, Sendable, CustomStringConvertible {
    public var id: NodeID
    public var name: String

    public init(id: NodeID, name: String) {
        self.id = id
        self.name = name
    }

    /// `Name (id)`, or just the id when the node has no label of its own.
    public var description: String { name == id.rawValue ? "'\(id)'" : "\(name) ('\(id)')" }
}

/// A name that finds no node, or more than one.
public enum NodeLookupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No id, label, original name or alias matches; `suggestions` are the closest names (maybe none).
    case unknown(query: String, suggestions: [NodeMatch])
    /// Several nodes match equally well.
    case ambiguous(query: String, candidates: [NodeMatch])

    public var description: String {
        switch self {
        case let .unknown(query, suggestions):
            var m = "no node has the id or name '\(query)'"
            if !suggestions.isEmpty {
                m += "; did you mean " + suggestions.map(\.description).joined(separator: " or ") + "?"
            }
            return m
        case let .ambiguous(query, candidates):
            return "'\(query)' matches \(candidates.count) nodes: "
                + candidates.map(\.description).joined(separator: ", ") + "; give one of the ids"
        }
    }
}

extension Network {
    /// The node a person means by `query`.
    ///
    /// Tried in order, the first step that finds anything decides:
    /// 1. an exact id;
    /// 2. an exact label, original name or alias;
    /// 3. the same after folding (case, diacritics and Nordic letters ignored: see
    ///    `foldedForMatching(_:)`) on id, label, original name and aliases;
    /// 4. for queries of three or more characters, folded text contained in an id, label,
    ///    original name or alias ("copenhagen" finds the Copenhagen seminar).
    ///
    /// One node found: its id. Several: `NodeLookupError.ambiguous` with every candidate (in
    /// network order). None: `NodeLookupError.unknown` with up to three close names (by edit
    /// distance on the folded text: at most 2 or a third of the longer name, whichever is more,
    /// and not every character).
    /// - Complexity: O(V · L) for steps 1–4, O(V · L²) for suggestions (L: name length).
    public func lookupNode(_ query: String) throws(NodeLookupError) -> NodeID {
        let q = query.trimmingWhitespace()
        if node(NodeID(q)) != nil { return NodeID(q) }
        let unique = nodes.enumerated().filter { index(of: $0.element.id) == $0.offset }.map(\.element)
        func decide(_ found: [Node]) throws(NodeLookupError) -> NodeID? {
            if found.count == 1 { return found[0].id }
            if found.count > 1 {
                throw NodeLookupError.ambiguous(query: query, candidates: found.map { NodeMatch(id: $0.id, name: $0.displayName) })
            }
            return nil
        }
        if let id = try decide(unique.filter { $0.label == q || $0.originalName == q || $0.aliases.contains(q) }) { return id }
        let fq = foldedForMatching(q)
        let folded = unique.map { n in
            n.names.map(foldedForMatching)
        }
        if fq.isEmpty { throw NodeLookupError.unknown(query: query, suggestions: []) }
        if let id = try decide(zip(unique, folded).filter { $0.1.contains(fq) }.map(\.0)) { return id }
        if fq.count >= 3, let id = try decide(zip(unique, folded).filter { $0.1.contains { $0.contains(fq) } }.map(\.0)) {
            return id
        }
        // Suggestions: the closest folded names.
        let a = Array(fq.unicodeScalars)
        var scored: [(Int, Int, Node)] = []
        for (i, (n, names)) in zip(unique, folded).enumerated() {
            var best = Int.max
            for name in names {
                let b = Array(name.unicodeScalars)
                let d = editDistance(a, b)
                let longest = max(a.count, b.count)
                if d <= max(2, longest / 3), d < longest { best = min(best, d) }
            }
            if best < Int.max { scored.append((best, i, n)) }
        }
        scored.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        throw NodeLookupError.unknown(
            query: query, suggestions: scored.prefix(3).map { NodeMatch(id: $0.2.id, name: $0.2.displayName) })
    }
}

/// Text folded for matching names: lower case, Latin letters without their diacritics,
/// the Nordic and other special letters spelt in plain Latin (ø → o, æ → ae, å → a, ä → a,
/// ö → o, ß → ss, þ → th, œ → oe, …), combining marks removed, runs of white space made one
/// space. Works without Foundation, on the Latin-1 Supplement and Latin Extended-A letters.
public func foldedForMatching(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var lastWasSpace = true
    for scalar in text.lowercased().unicodeScalars {
        let v = scalar.value
        if (0x300...0x36F).contains(v) || (0x1AB0...0x1AFF).contains(v) || (0x1DC0...0x1DFF).contains(v)
            || (0x20D0...0x20FF).contains(v) || (0xFE20...0xFE2F).contains(v) {
            continue  // combining marks
        }
        if scalar.properties.isWhitespace {
            if !lastWasSpace { out.append(" ") }
            lastWasSpace = true
            continue
        }
        lastWasSpace = false
        if let plain = latinFolding[scalar] {
            out.append(contentsOf: plain.unicodeScalars)
        } else {
            out.append(scalar)
        }
    }
    if out.last == " " { out.removeLast() }
    return String(out)
}

/// Lower-case Latin letters with diacritics (and ligatures) and their plain spelling.
private let latinFolding: [Unicode.Scalar: String] = {
    let groups: [(String, String)] = [
        ("àáâãäåāăą", "a"), ("æ", "ae"), ("çćĉċč", "c"), ("ďđð", "d"), ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"), ("ĥħ", "h"), ("ìíîïĩīĭįı", "i"), ("ĳ", "ij"), ("ĵ", "j"), ("ķĸ", "k"),
        ("ĺļľŀł", "l"), ("ñńņňŉŋ", "n"), ("òóôõöøōŏő", "o"), ("œ", "oe"), ("ŕŗř", "r"),
        ("śŝşšſ", "s"), ("ß", "ss"), ("ţťŧ", "t"), ("þ", "th"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"),
        ("ýÿŷ", "y"), ("źżž", "z"),
    ]
    var map: [Unicode.Scalar: String] = [:]
    for (letters, plain) in groups {
        for s in letters.unicodeScalars { map[s] = plain }
    }
    return map
}()

extension String {
    /// The text without white space at either end (Unicode white space; no Foundation).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
