extension Network {
    /// Every problem in the network, all at once: duplicate ids (nodes, sources, kinds,
    /// relations), edges naming unknown nodes (with a did-you-mean suggestion), weights that
    /// are not finite or not greater than zero, `since` after `until`, source ids that no
    /// source declares, and NUL characters in ids, labels, countries and attributes (no file
    /// format we write can carry them, and Graphviz's C strings end at them).
    ///
    /// Unknown kinds and relations cannot be represented in a `Network`; readers report them.
    /// - Complexity: O(V + E + text) plus O(V · L²) for each of the first
    ///   `suggestionLimit` unknown node references (later ones get no suggestion), where L is
    ///   the id length.
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var seenSources: Set<String> = []
        for (i, s) in sources.enumerated() {
            if s.id.isEmpty { issues.append(.init(.source(i), "source \(i + 1) has an empty id")) }
            if !seenSources.insert(s.id).inserted {
                issues.append(.init(.source(i), "duplicate source id '\(s.id)'"))
            }
        }
        var seenKinds: Set<String> = []
        for (i, k) in declaredKinds.enumerated() where !seenKinds.insert(k.id).inserted {
            issues.append(.init(.kind(i), "kind '\(k.id)' is declared twice"))
        }
        var seenRelations: Set<String> = []
        for (i, r) in declaredRelations.enumerated() where !seenRelations.insert(r.id).inserted {
            issues.append(.init(.relation(i), "relation '\(r.id)' is declared twice"))
        }
        func checkSources(_ ids: [String], _ element: ValidationIssue.Element, _ what: String) {
            for id in ids where !seenSources.contains(id) {
                issues.append(.init(element, "\(what) cites unknown source '\(id)'"))
            }
        }
        // `index(of:)` finds the first node with an id, so a node whose id leads elsewhere is a
        // duplicate.
        func checkNUL(_ text: String?, _ element: ValidationIssue.Element, _ what: @autoclosure () -> String) {
            guard let text, text.utf8.contains(0) else { return }
            issues.append(.init(element, "\(what()) contains a NUL character (U+0000)"))
        }
        func checkNUL(_ attributes: Attributes, _ element: ValidationIssue.Element, _ what: @autoclosure () -> String) {
            for (key, value) in attributes {
                checkNUL(key, element, "\(what()): an attribute name")
                if value.containsNUL { issues.append(.init(element, "\(what()): attribute '\(key)' contains a NUL character (U+0000)")) }
            }
        }
        for i in nodes.indices {
            let id = nodes[i].id
            checkNUL(id.rawValue, .node(i), "node \(i + 1)'s id")
            checkNUL(nodes[i].label, .node(i), "node '\(id)': the label")
            checkNUL(nodes[i].country, .node(i), "node '\(id)': the country")
            for (k, alias) in nodes[i].aliases.enumerated() {
                checkNUL(alias, .node(i), "node '\(id)': alias \(k + 1)")
                if alias.trimmingWhitespace().isEmpty { issues.append(.init(.node(i), "node '\(id)': alias \(k + 1) is empty")) }
            }
            if !nodes[i].attributes.isEmpty { checkNUL(nodes[i].attributes, .node(i), "node '\(id)'") }
            if id.rawValue.isEmpty {
                issues.append(.init(.node(i), "node \(i + 1) has an empty id"))
            }
            if let first = index(of: id), first != i {
                issues.append(.init(.node(i), "duplicate node id '\(id)' (first defined as node \(first + 1))"))
            }
            if let s = nodes[i].since, let u = nodes[i].until, s.firstDay > u.lastDay {
                issues.append(.init(.node(i), "node '\(id)': since \(s) is after until \(u)"))
            }
            if !nodes[i].sources.isEmpty { checkSources(nodes[i].sources, .node(i), "node '\(id)'") }
        }
        var allIDs: [String]?
        var suggestions = 0
        for i in edges.indices {
            // Fields are read in place (copying every edge dominated loading large files), and the
            // name is built only for a message.
            var name: String { "edge \(i + 1) (\(edges[i].from) → \(edges[i].to), \(edges[i].relation.id))" }
            let ends = endpoints(of: i)
            func checkEnd(_ end: String, _ id: NodeID, _ position: Int?) {
                guard position == nil else { return }
                var message = "\(name): '\(end)' names unknown node '\(id)'"
                suggestions += 1
                if suggestions <= Network.suggestionLimit {
                    if allIDs == nil { allIDs = nodes.map(\.id.rawValue) }
                    if let guess = closestMatch(to: id.rawValue, among: allIDs!) { message += "; did you mean '\(guess)'?" }
                }
                issues.append(.init(.edge(i), message))
            }
            checkEnd("from", edges[i].from, ends.from)
            checkEnd("to", edges[i].to, ends.to)
            if let w = edges[i].weight, !(w.isFinite && w > 0) {
                issues.append(.init(.edge(i), "\(name): weight must be finite and greater than 0, got \(formatNumber(w))"))
            }
            if let s = edges[i].since, let u = edges[i].until, s.firstDay > u.lastDay {
                issues.append(.init(.edge(i), "\(name): since \(s) is after until \(u)"))
            }
            if !edges[i].sources.isEmpty { checkSources(edges[i].sources, .edge(i), name) }
            if !edges[i].attributes.isEmpty { checkNUL(edges[i].attributes, .edge(i), name) }
        }
        return issues
    }

    /// How many unknown node references get a did-you-mean suggestion (each costs a scan of
    /// every id; 10,000 dangling edges took 52 s when every one got one).
    public static let suggestionLimit = 20
}

/// The candidate closest to `text` by edit distance (case-insensitive), when it is close enough
/// to be a plausible typo: at most a third of the longer string's length (at least 1), and
/// not every character different.
public func closestMatch(to text: String, among candidates: [String]) -> String? {
    let a = Array(text.lowercased().unicodeScalars)
    var best: (String, Int)?
    for c in candidates {
        let b = Array(c.lowercased().unicodeScalars)
        let d = editDistance(a, b)
        let longest = max(a.count, b.count)
        if d <= max(1, longest / 3), d < longest, best == nil || d < best!.1 { best = (c, d) }
    }
    return best?.0
}

/// Levenshtein distance between two scalar arrays.
public func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}
