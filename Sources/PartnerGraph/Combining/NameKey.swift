/// Names made comparable across sources: "Innovasjon Norge AS", "innovasjon norge" and
/// "Innovasjon-Norge" are one name; "Leverandørutviklingsprogrammet (LUP)" is also
/// "Leverandørutviklingsprogrammet", and names "LUP" as its acronym.
public enum NameKey {
    /// Legal-form words dropped from the end of a name: Nordic, English, German, Dutch and
    /// French company suffixes ("Hansel Oy", "DNV AS", "Nordic A/S", "Acme Ltd.").
    public static let companySuffixes: [[String]] = [
        ["as"], ["asa"], ["a", "s"], ["aps"], ["ab"], ["abp"], ["oy"], ["oyj"], ["ltd"], ["limited"], ["plc"], ["llc"],
        ["inc"], ["corp"], ["gmbh"], ["ag"], ["bv"], ["nv"], ["sa"], ["sarl"], ["ehf"], ["hf"], ["sf"], ["ky"],
    ]

    /// The name folded (`foldedForMatching`: case, diacritics, Nordic letters), its punctuation
    /// made spaces, company suffixes dropped from the end (when a word remains), and its words
    /// joined by single spaces; "" when nothing is left.
    public static func normalised(_ name: String) -> String {
        var words = words(of: name)
        while let suffix = companySuffixes.first(where: { words.count > $0.count && Array(words.suffix($0.count)) == $0 }) {
            words.removeLast(suffix.count)
        }
        return words.joined(separator: " ")
    }

    /// The folded words of a name, punctuation dropped ("A/S" gives "a", "s").
    static func words(of name: String) -> [String] {
        var words: [String] = [], word = String.UnicodeScalarView()
        for u in foldedForMatching(name).unicodeScalars {
            if u.properties.isAlphabetic || u.properties.numericType != nil {
                word.append(u)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words
    }

    /// The keys a name is matched by: its normalised form, and for a name with a part in
    /// brackets ("Leverandørutviklingsprogrammet (LUP)") the name without it.
    public static func keys(_ name: String) -> [String] {
        var out: [String] = []
        func add(_ k: String) { if !k.isEmpty && !out.contains(k) { out.append(k) } }
        add(normalised(name))
        if let open = name.firstIndex(of: "("), let close = name[open...].firstIndex(of: ")") {
            add(normalised(String(name[..<open]) + String(name[name.index(after: close)...])))
        }
        return out
    }

    /// The acronym a name gives in brackets ("… (LUP)" gives "lup"), if the bracket holds one
    /// word of 2–10 letters or digits written in capitals.
    public static func bracketedAcronym(_ name: String) -> String? {
        guard let open = name.firstIndex(of: "("), let close = name[open...].firstIndex(of: ")") else { return nil }
        let inner = String(name[name.index(after: open)..<close]).trimmingWhitespace()
        let scalars = inner.unicodeScalars
        guard (2...10).contains(scalars.count), scalars.allSatisfy({ $0.properties.isUppercase || $0.properties.numericType != nil || $0 == "-" }),
              scalars.contains(where: { $0.properties.isUppercase }) else { return nil }
        return normalised(inner).replacingSpaces()
    }

    /// The initials of a name of two or more words ("Research Council of Norway" gives "rcn"
    /// and "rcon": with and without the short function words).
    public static func initials(_ name: String) -> [String] {
        let base = name.firstIndex(of: "(").map { String(name[..<$0]) } ?? name
        let all = normalised(base).split(separator: " ").map(String.init)
        guard all.count >= 2 else { return [] }
        let small: Set<String> = ["of", "for", "and", "the", "in", "on", "og", "for", "i", "av", "och", "ja", "de", "du", "des", "la", "le", "und", "fur"]
        var out: [String] = []
        let full = String(all.compactMap(\.first))
        let content = String(all.filter { !small.contains($0) }.compactMap(\.first))
        if content.count >= 2 { out.append(content) }
        if full != content, full.count >= 2 { out.append(full) }
        return out
    }
}

extension String {
    fileprivate func replacingSpaces() -> String { String(unicodeScalars.filter { $0 != " " }.map(Character.init)) }
}

/// Finds, for a node of one network, the node of another that stands for the same actor: by
/// id, then (unless `byName` is off) by any of its names after `NameKey` normalisation. A name
/// that leads to several nodes decides nothing.
public struct NodeMatcher: Sendable {
    /// How a node was matched.
    public enum How: String, Sendable {
        case map, id, name
    }

    /// The result for one node.
    public enum Match: Sendable, Equatable {
        case found(index: Int, how: How)
        /// Several nodes share one of its names.
        case ambiguous([Int])
        case none
    }

    private var byKey: [String: [Int]] = [:]
    private let network: Network
    public let byName: Bool

    /// Indexes the nodes of `network` (the one matched into).
    public init(_ network: Network, byName: Bool = true) {
        self.network = network
        self.byName = byName
        for (i, n) in network.nodes.enumerated() where network.index(of: n.id) == i { index(n, at: i) }
    }

    private mutating func index(_ node: Node, at i: Int) {
        guard byName else { return }
        for name in node.names {
            for key in NameKey.keys(name) where byKey[key]?.contains(i) != true { byKey[key, default: []].append(i) }
        }
    }

    /// Adds a node that `network` gained at position `i` (as a merge adds nodes).
    public mutating func add(_ node: Node, at i: Int) { index(node, at: i) }

    /// The node of the indexed network that `node` stands for; `mapped` is an id a map gives
    /// for it (which wins when that node exists); `current` is the indexed network as it is
    /// now, when nodes were added since; name matches among `excluding` do not count.
    public func match(_ node: Node, mappedTo mapped: NodeID? = nil, in current: Network? = nil, excluding: Set<Int> = []) -> Match {
        let net = current ?? network
        if let mapped, let i = net.index(of: mapped) { return .found(index: i, how: .map) }
        if let i = net.index(of: node.id) { return .found(index: i, how: .id) }
        guard byName else { return .none }
        var hits: [Int] = []
        for name in node.names {
            for key in NameKey.keys(name) {
                for i in byKey[key] ?? [] where !hits.contains(i) && !excluding.contains(i) { hits.append(i) }
            }
        }
        if hits.count == 1 { return .found(index: hits[0], how: .name) }
        return hits.isEmpty ? .none : .ambiguous(hits.sorted())
    }
}
