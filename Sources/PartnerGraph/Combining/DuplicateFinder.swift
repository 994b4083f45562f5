/// Nodes of one network that probably stand for the same actor, with the reasons.
///
/// Pairs are found by blocking, never by comparing all pairs, so 100,000 nodes take seconds:
/// nodes that share a normalised name (`NameKey`), nodes one of whose names is the other's
/// acronym (in brackets, "Leverandørutviklingsprogrammet (LUP)" ~ "LUP") or initials (three or
/// more: "Research Council of Norway" ~ "RCN"), and nodes whose normalised names start or end with
/// the same four letters (names of up to 8 letters: the same name with one letter deleted) and
/// lie within a small edit distance (at most 1 for names up to 8 letters, 2 up to 16, 3 beyond; blocks of more than 300 names are skipped for this test, and
/// a name shared by more than 20 nodes pairs each with the first only).
///
/// Each pair gets a score in [0, 1]: 1 for the same name, 0.8 for an acronym in brackets, 0.6
/// for initials, 0.7 less 0.1 per edit for similar names; plus 0.1 when both have the same kind, plus 0.1 when both name
/// the same country, less 0.3 when both name different countries, plus 0.2 × the Jaccard
/// overlap of their neighbours (ignoring the pair's own tie); rounded to hundredths, capped at 1. A pair of the same
/// name but different kinds stays a candidate (a programme and its organisation often share a
/// name), ranked lower.
public struct DuplicateFinder: Sendable {
    public struct Candidate: Sendable, Equatable {
        /// The node to keep (more ties, else first in the file) and the one to fold into it.
        public var keep: Int
        public var duplicate: Int
        public var score: Double
        public var reasons: [String]
    }

    public var minimumScore = 0.5

    public init(minimumScore: Double = 0.5) { self.minimumScore = minimumScore }

    /// Blocks of similar names larger than this are not compared (a name shared by more than
    /// 20 nodes pairs each with the first only).
    static let blockLimit = 300

    /// The Levenshtein distance of `a` and `b` when it is at most `limit`, else nil; computed in
    /// a band of width 2 × limit + 1 around the diagonal, O(len × limit).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let big = limit + 1
        var previous = [Int](repeating: big, count: b.count + 1), current = previous
        for j in 0...min(b.count, limit) { previous[j] = j }
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[low - 1] = low == 1 ? (i <= limit ? i : big) : big
            var rowMin = current[low - 1]
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                let v = min(previous[j - 1] + cost, previous[j] + 1, current[j - 1] + 1)
                current[j] = min(v, big)
                rowMin = min(rowMin, current[j])
            }
            if high < b.count { current[high + 1] = big }
            if rowMin > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// Edit distance allowed for names of `length` letters.
    static func allowedEdits(_ length: Int) -> Int { length <= 8 ? 1 : length <= 16 ? 2 : 3 }

    public func candidates(in network: Network) -> [Candidate] {
        let nodes = network.nodes
        let n = nodes.count
        var degree = [Int](repeating: 0, count: n)
        var neighbours = [Set<Int>](repeating: [], count: n)
        for e in network.edges.indices {
            let ends = network.endpoints(of: e)
            guard let a = ends.from, let b = ends.to, a != b else { continue }
            degree[a] += 1
            degree[b] += 1
            neighbours[a].insert(b)
            neighbours[b].insert(a)
        }
        var names = [[String]](repeating: [], count: n)  // normalised keys
        var byKey: [String: [Int]] = [:], byAcronymSource: [String: [Int]] = [:], byInitialsSource: [String: [Int]] = [:]
        var byPrefix: [String: [Int]] = [:], bySuffix: [String: [Int]] = [:], byDeletion: [String: [Int]] = [:]
        for (i, node) in nodes.enumerated() where network.index(of: node.id) == i {
            // The names a person gave it; the id only when it has no other (ids such as n1024
            // and n1025 are not similar names).
            let given = [node.label, node.originalName].compactMap { $0 } + node.aliases
            let nodeNames = given.isEmpty ? [node.id.rawValue] : given
            var keys: [String] = []
            for name in nodeNames { for k in NameKey.keys(name) where !keys.contains(k) { keys.append(k) } }
            names[i] = keys
            for k in keys { byKey[k, default: []].append(i) }
            for name in nodeNames {
                for a in NameKey.initials(name) where a.count >= 3 { byInitialsSource[a, default: []].append(i) }
                if let a = NameKey.bracketedAcronym(name) { byAcronymSource[a, default: []].append(i) }
            }
            for k in keys where k.count >= 4 {
                let compact = String(k.filter { $0 != " " })
                // Names within the allowed edits share their first or last four letters (when
                // the edits fall in the other half) and differ in length by at most the edits:
                // blocks by those letters and the length.
                byPrefix["\(compact.prefix(4))\u{0}\(k.count)", default: []].append(i)
                bySuffix["\(compact.suffix(4))\u{0}\(k.count)", default: []].append(i)
            }
            // Short names (one edit allowed) may differ in both their first and last four
            // letters; they share a name with one letter deleted ("symmetric deletion").
            for k in keys where k.count >= 4 && k.count <= 8 {
                let letters = Array(k.filter { $0 != " " })
                for d in letters.indices {
                    var shorter = letters
                    shorter.remove(at: d)
                    byDeletion[String(shorter), default: []].append(i)
                }
                byDeletion[String(letters), default: []].append(i)
            }
        }
        struct Pair: Hashable { let a: Int, b: Int }
        var reasons: [Pair: (score: Double, why: [String])] = [:]
        func note(_ x: Int, _ y: Int, _ score: Double, _ why: String) {
            guard x != y else { return }
            let p = Pair(a: min(x, y), b: max(x, y))
            let old = reasons[p]
            if old == nil || old!.score < score { reasons[p] = (score, (old?.why ?? []) + [why]) } else if !old!.why.contains(why) { reasons[p]!.why.append(why) }
        }
        for (key, members) in byKey where members.count > 1 {
            // Every pair of a small block; a large one (a common name) pairs each member with
            // its first only, so a name shared by thousands costs thousands, not millions.
            let firsts = members.count <= 20 ? members.count - 1 : 1
            for x in 0..<firsts { for y in (x + 1)..<members.count { note(members[x], members[y], 1, "same name '\(key)'") } }
        }
        for (acronym, sources) in byAcronymSource {
            guard let holders = byKey[acronym] else { continue }
            for s in sources { for h in holders { note(s, h, 0.8, "'\(acronym.uppercased())' is an acronym of \(nodes[s].displayName)") } }
        }
        for (initials, sources) in byInitialsSource where sources.count <= Self.blockLimit {
            guard let holders = byKey[initials], holders.count <= Self.blockLimit else { continue }
            for s in sources { for h in holders { note(s, h, 0.6, "'\(initials.uppercased())' are the initials of \(nodes[s].displayName)") } }
        }
        /// Notes `a` and `b` when two of their names, of lengths in `lengths`, lie within the
        /// edits allowed for the longer (the closest such pair names the reason).
        func noteSimilar(_ a: Int, _ b: Int, lengths: ClosedRange<Int>) {
            var best: (Int, String, String)?
            for ka in names[a] where lengths.contains(ka.count) {
                for kb in names[b] where lengths.contains(kb.count) && ka != kb {
                    let limit = Self.allowedEdits(max(ka.count, kb.count))
                    if let d = Self.editDistance(Array(ka.unicodeScalars), Array(kb.unicodeScalars), atMost: limit), best == nil || d < best!.0 {
                        best = (d, ka, kb)
                    }
                }
            }
            guard let (d, ka, kb) = best else { return }
            let (x, y) = ka < kb ? (ka, kb) : (kb, ka)
            note(a, b, 0.7 - 0.1 * Double(d), "similar names '\(x)' and '\(y)' (\(d) edit\(d == 1 ? "" : "s"))")
        }
        for block in [byPrefix, bySuffix] {
            for (key, members) in block where members.count <= Self.blockLimit {
                // This block against itself and the blocks of the same letters and longer names
                // within the allowed edits.
                let cut = key.lastIndex(of: "\u{0}")!
                let letters = key[..<cut], length = Int(key[key.index(after: cut)...])!
                var others: [[Int]] = [members]
                for extra in 1...Self.allowedEdits(length + 3) {
                    if let more = block["\(letters)\u{0}\(length + extra)"], more.count <= Self.blockLimit { others.append(more) }
                }
                for (o, other) in others.enumerated() {
                    for x in 0..<members.count {
                        for y in (o == 0 ? x + 1 : 0)..<other.count {
                            if members[x] != other[y] { noteSimilar(members[x], other[y], lengths: 4...Int.max) }
                        }
                    }
                }
            }
        }
        for (_, members) in byDeletion where members.count > 1 && members.count <= Self.blockLimit {
            let unique = Array(Set(members)).sorted()
            for x in 0..<unique.count {
                for y in (x + 1)..<unique.count {
                    noteSimilar(unique[x], unique[y], lengths: 1...8)
                }
            }
        }
        var out: [Candidate] = []
        for (p, r) in reasons {
            var score = r.score
            var why = r.why
            let a = nodes[p.a], b = nodes[p.b]
            if a.kind == b.kind { score += 0.1; why.append("both \(a.kind.id)") } else { why.append("kinds differ (\(a.kind.id), \(b.kind.id))") }
            if let ca = a.country, let cb = b.country {
                if foldedForMatching(ca) == foldedForMatching(cb) { score += 0.1; why.append("both in \(ca)") } else { score -= 0.3; why.append("countries differ (\(ca), \(cb))") }
            }
            let na = neighbours[p.a].subtracting([p.b]), nb = neighbours[p.b].subtracting([p.a])
            let union = na.union(nb).count
            if union > 0 {
                let shared = na.intersection(nb).count
                if shared > 0 {
                    score += 0.2 * Double(shared) / Double(union)
                    why.append("\(shared) shared partner\(shared == 1 ? "" : "s")")
                }
            }
            score = min(1, (score * 100).rounded() / 100)
            guard score >= minimumScore else { continue }
            let keepFirst = degree[p.a] >= degree[p.b]
            out.append(Candidate(keep: keepFirst ? p.a : p.b, duplicate: keepFirst ? p.b : p.a, score: score, reasons: why))
        }
        out.sort { ($0.score, -min($0.keep, $0.duplicate), -max($0.keep, $0.duplicate)) > ($1.score, -min($1.keep, $1.duplicate), -max($1.keep, $1.duplicate)) }
        return out
    }
}
