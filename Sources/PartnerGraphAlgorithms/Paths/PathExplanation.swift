import PartnerGraph

/// Cooperation paths told in plain language: one sentence per hop, built from the relation's
/// verb phrase, with the tie's role, dates, weight and sources.
///
/// A directed relation is told as the file states it, whichever way the hop walks it ("Hansel
/// is a founding member of KEINO" on the hop from KEINO to Hansel); a symmetric one is told in
/// walking order.
public enum PathExplanation {
    /// One hop as a sentence, e.g. "Ole Bech Lykkebo works at CO-PI (programme chief).
    /// Source: copi-seminar-2022."
    ///
    /// Details in brackets: the edge's `role` attribute, its dates, and its weight as recorded:
    /// the edge's own weight, or the attribute `weightAttribute` names (the one the view read)
    /// when it is another.
    public static func sentence(_ hop: PathEdge, in network: Network, weightAttribute: String? = nil) -> String {
        let edge = network.edges[hop.edgeIndex]
        var s = clause(hop, in: network)
        var details: [String] = []
        if case .string(let role)? = edge.attributes["role"] { details.append(role) }
        if let dates = datePhrase(since: edge.since, until: edge.until) { details.append(dates) }
        let attribute = weightAttribute ?? "weight"
        if attribute == "weight", let w = edge.weight ?? edge.attributes["weight"]?.doubleValue {
            details.append("weight " + formatNumber(w))
        } else if attribute != "weight", let w = edge.attributes[attribute]?.doubleValue {
            details.append(attribute + " " + formatNumber(w))
        }
        if !details.isEmpty { s += " (" + details.joined(separator: "; ") + ")" }
        s += "."
        if !edge.sources.isEmpty {
            s += (edge.sources.count == 1 ? " Source: " : " Sources: ") + edge.sources.joined(separator: ", ") + "."
        }
        return s
    }

    /// The bare statement of a hop's edge: "Ole Bech Lykkebo works at CO-PI".
    public static func clause(_ hop: PathEdge, in network: Network) -> String {
        let edge = network.edges[hop.edgeIndex]
        let subject = edge.relation.isDirected ? edge.from : hop.from
        let object = edge.relation.isDirected ? edge.to : hop.to
        return name(subject, in: network) + " " + edge.relation.verb + " " + name(object, in: network)
    }

    /// A path as text: the chain of names, the numbered hops, then hops, length and the weakest
    /// tie. `weightAttribute` is the attribute the view read weights from; nil when it read
    /// none (every tie counts 1).
    public static func describe(_ path: Path, in network: Network, weightAttribute: String?, title: String? = nil) -> String {
        let chain = path.nodes.map { name($0, in: network) }.joined(separator: " → ")
        var out = (title.map { $0 + ": " } ?? "") + chain + "\n"
        for (i, hop) in path.edges.enumerated() {
            out += "  \(i + 1). " + sentence(hop, in: network, weightAttribute: weightAttribute) + "\n"
        }
        var summary = "\(path.hops) hop\(path.hops == 1 ? "" : "s") · length " + number(path.length)
        if let weakest = path.weakestEdge {
            if let attribute = weightAttribute {
                summary += " · weakest tie: \(attribute) " + formatNumber(weakest.weight ?? 1) + ", " + clause(weakest, in: network)
            } else {
                summary += " · weakest tie: every tie counts 1 (unweighted)"
            }
        }
        return out + "  " + summary + "\n"
    }

    /// Several paths as text, numbered when there is more than one, then the sources cited.
    public static func text(_ paths: [Path], in network: Network, weightAttribute: String?) -> String {
        var blocks: [String] = []
        for (i, p) in paths.enumerated() {
            blocks.append(describe(p, in: network, weightAttribute: weightAttribute, title: paths.count > 1 ? "Path \(i + 1) of \(paths.count)" : nil))
        }
        var cited: [String] = []
        for p in paths {
            for hop in p.edges {
                for s in network.edges[hop.edgeIndex].sources where !cited.contains(s) { cited.append(s) }
            }
        }
        var out = blocks.joined(separator: "\n")
        if !cited.isEmpty {
            out += "\nSources:\n"
            for id in cited {
                if let source = network.source(id) {
                    var line = "  \(id): \(source.title)"
                    var extra: [String] = []
                    if let p = source.publisher { extra.append(p) }
                    if let d = source.date { extra.append(d.description) }
                    if let u = source.url { extra.append(u) }
                    if !extra.isEmpty { line += " (" + extra.joined(separator: ", ") + ")" }
                    out += line + "\n"
                } else {
                    out += "  \(id)\n"
                }
            }
        }
        return out
    }

    /// Why there is no path, with the nodes' names.
    public static func reason(_ reason: NoPathReason, from: NodeID, to: NodeID, in network: Network) -> String {
        let a = name(from, in: network), b = name(to, in: network)
        switch reason {
        case .differentComponents:
            return "\(a) and \(b) lie in different components of the network: no chain of ties joins them"
        case .outsideView(let id):
            let kind = network.node(id)?.kind.id ?? "?"
            return "\(name(id, in: network)) is not in the view: its kind (\(kind)) is filtered out"
        case .viewSeparates:
            return "the network joins \(a) and \(b), but not through the relations, kinds and dates the view keeps"
        case .direction:
            return "every chain from \(a) to \(b) runs against the direction of some tie (chains ignoring direction exist)"
        case .nodeConstraints:
            return "every chain from \(a) to \(b) passes through a node that the constraints rule out"
        case let .tooManyHops(fewest, limit):
            return "the shortest chain from \(a) to \(b) has \(fewest) hops, more than the limit of \(limit)"
        case .via(let ids):
            return "no chain from \(a) to \(b) without repeated nodes passes through "
                + ids.map { name($0, in: network) }.joined(separator: " and ") + " (within the constraints)"
        }
    }

    /// A node's display name (its id when it has no label, or when it is not in the network).
    public static func name(_ id: NodeID, in network: Network) -> String {
        network.node(id)?.displayName ?? id.rawValue
    }

    /// "since 2018", "in October 2022", "from March 2019 to 2021", "until 5 May 2020".
    public static func datePhrase(since: PartialDate?, until: PartialDate?) -> String? {
        switch (since, until) {
        case let (s?, u?) where s == u: return "in " + words(s)
        case let (s?, u?): return "from " + words(s) + " to " + words(u)
        case let (s?, nil): return "since " + words(s)
        case let (nil, u?): return "until " + words(u)
        case (nil, nil): return nil
        }
    }

    /// A partial date in words: "2018", "October 2022", "27 October 2022".
    public static func words(_ date: PartialDate) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        guard let m = date.month else { return String(date.year) }
        let month = months[m - 1] + " " + String(date.year)
        return date.day.map { "\($0) " + month } ?? month
    }

    /// Whole numbers without a decimal point, others in shortest round-trip form.
    static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return formatNumber(d)
    }
}
