/// Ties within and between groups of nodes: the mixing matrix, densities, Krackhardt–Stern's
/// E-I index and attribute assortativity.
///
/// Each node belongs to one group, `groups[v]` in `0..<groupCount` (for example its country,
/// with the nodes that have none as a group of their own). A self-loop is not a tie within or
/// across a border: it is left out of the tie counts, the densities and E-I (and kept in the
/// NetworkX-style `pairs` and in assortativity, as NetworkX keeps it).
///
/// - Tie counts `ties[a][b]`: undirected, the edges between a node of group `a` and one of
///   group `b`, the matrix symmetric (an edge within `a` counts once, in `ties[a][a]`); directed,
///   the arcs from `a` to `b`. `weights` is the same with tie strengths added (1 per tie when
///   the graph is unweighted).
/// - Density `ties[a][b]` / possible pairs: `n_a (n_a − 1) / 2` within a group (`n_a (n_a − 1)`
///   directed), `n_a n_b` between two.
/// - E-I index `(E − I) / (E + I)` (Krackhardt & Stern 1988): for the network, E and I count the
///   ties between and within groups; for a node, its ties to nodes outside and inside its own
///   group (out-ties when directed); for a group, the sums over its members (an internal tie
///   counted from both ends, as UCINET's row sums). From −1 (all ties inside) to +1 (all ties
///   across borders); nil where a node or group has no tie.
/// - `pairs[a][b]`: NetworkX's `attribute_mixing_dict` — undirected, each edge `{u, v}` gives
///   the pairs `(a_u, a_v)` and `(a_v, a_u)`, a self-loop one pair; directed, one pair per arc.
/// - Assortativity: Newman's coefficient `r = (Σ e_aa − Σ a_a b_a) / (1 − Σ a_a b_a)` over the
///   normalised `pairs` matrix `e` with row sums `a` and column sums `b`; nil where NetworkX
///   divides by zero (one group holds every tie end). Equals
///   `nx.attribute_assortativity_coefficient(G, attribute)` with missing values as one category.
///
/// - Complexity: O(V + E + k²) for k groups.
/// - Reference: D. Krackhardt, R. N. Stern, "Informal networks and organizational crises: an
///   experimental simulation", Social Psychology Quarterly 51(2):123–140 (1988),
///   doi:10.2307/2786835; M. E. J. Newman, "Mixing patterns in networks", Phys. Rev. E
///   67:026126 (2003), doi:10.1103/PhysRevE.67.026126.
public struct GroupMixing: Sendable {
    /// Number of groups.
    public let groupCount: Int
    /// Number of nodes in each group.
    public let sizes: [Int]
    /// Ties within (diagonal) and between groups, self-loops left out (see the type's comment).
    public let ties: [[Int]]
    /// Tie strengths added up as `ties` counts them.
    public let weights: [[Double]]
    /// NetworkX's mixing counts (`attribute_mixing_dict`), self-loops included.
    public let pairs: [[Int]]
    /// Ties of each node to nodes of other groups.
    public let nodeExternal: [Int]
    /// Ties of each node to other nodes of its own group.
    public let nodeInternal: [Int]
    /// Whether the graph is directed.
    public let isDirected: Bool

    /// Ties between different groups, each counted once.
    public var externalTies: Int {
        var e = 0
        for a in 0..<groupCount { for b in 0..<groupCount where a != b { e += ties[a][b] } }
        return isDirected ? e : e / 2
    }

    /// Ties within groups.
    public var internalTies: Int { (0..<groupCount).reduce(0) { $0 + ties[$1][$1] } }

    /// The E-I index of the whole network; nil without ties.
    public var ei: Double? { eiIndex(external: externalTies, internal: internalTies) }

    /// The E-I index of each group (sums over its members); nil for a group without ties.
    public var groupEI: [Double?] {
        var e = [Int](repeating: 0, count: groupCount), i = e
        for v in nodeGroups.indices {
            e[nodeGroups[v]] += nodeExternal[v]
            i[nodeGroups[v]] += nodeInternal[v]
        }
        return (0..<groupCount).map { eiIndex(external: e[$0], internal: i[$0]) }
    }

    /// The E-I index of each node; nil for a node without ties.
    public var nodeEI: [Double?] {
        nodeExternal.indices.map { eiIndex(external: nodeExternal[$0], internal: nodeInternal[$0]) }
    }

    /// Density within group `a` (`a == b`) or between `a` and `b` (from `a` to `b` when
    /// directed); nil when no pair of nodes is possible.
    public func density(_ a: Int, _ b: Int) -> Double? {
        let possible: Int
        if a == b {
            possible = sizes[a] * (sizes[a] - 1) / (isDirected ? 1 : 2)
        } else {
            possible = sizes[a] * sizes[b]
        }
        return possible == 0 ? nil : Double(ties[a][b]) / Double(possible)
    }

    /// Newman's attribute assortativity of the groups; nil where it is undefined.
    public var assortativity: Double? { mixingAssortativity(pairs) }

    let nodeGroups: [Int]

    /// Counts the ties of `g` within and between the groups.
    ///
    /// - Parameters:
    ///   - g: the graph (weights, when present, are added as tie strengths in `weights`).
    ///   - groups: the group of each node, in `0..<groupCount`.
    ///   - groupCount: the number of groups.
    /// - Throws: `AlgorithmError.invalidParameter` when `groups` does not have one entry per node
    ///   in range.
    /// - Complexity: O(V + E + k²).
    public init(_ g: CompactGraph, groups: [Int], groupCount: Int) throws {
        try checkGroups(groups, groupCount: groupCount, nodeCount: g.nodeCount)
        self.groupCount = groupCount
        self.isDirected = g.isDirected
        self.nodeGroups = groups
        var sizes = [Int](repeating: 0, count: groupCount)
        for c in groups { sizes[c] += 1 }
        self.sizes = sizes
        var ties = [[Int]](repeating: [Int](repeating: 0, count: groupCount), count: groupCount)
        var weights = [[Double]](repeating: [Double](repeating: 0, count: groupCount), count: groupCount)
        var pairs = ties
        var outside = [Int](repeating: 0, count: g.nodeCount), inside = outside
        let strengths = g.outStrengths
        for u in 0..<g.nodeCount {
            let a = groups[u]
            for k in Int(g.outStart[u])..<Int(g.outStart[u + 1]) {
                let v = Int(g.outNeighbours[k])
                let b = groups[v]
                pairs[a][b] += 1
                if v == u { continue }
                if a == b { inside[u] += 1 } else { outside[u] += 1 }
                // Undirected rows hold each edge twice: count it from its smaller end, and put
                // a between-group edge in both halves of the symmetric matrix.
                if !g.isDirected && v < u { continue }
                let w = strengths?[k] ?? 1
                ties[a][b] += 1
                weights[a][b] += w
                if !g.isDirected && a != b {
                    ties[b][a] += 1
                    weights[b][a] += w
                }
            }
        }
        self.ties = ties
        self.weights = weights
        self.pairs = pairs
        self.nodeExternal = outside
        self.nodeInternal = inside
    }
}

/// `(E − I) / (E + I)`, nil when there are no ties.
func eiIndex(external e: Int, internal i: Int) -> Double? {
    let total = e + i
    return total == 0 ? nil : Double(e - i) / Double(total)
}

/// Newman's assortativity of a mixing matrix of counts (see `GroupMixing`).
func mixingAssortativity(_ pairs: [[Int]]) -> Double? {
    let k = pairs.count
    let total = pairs.reduce(0) { $0 + $1.reduce(0, +) }
    if total == 0 { return nil }
    let t = Double(total)
    var trace = 0.0, s = 0.0
    for a in 0..<k {
        trace += Double(pairs[a][a]) / t
        var row = 0, column = 0
        for b in 0..<k { row += pairs[a][b]; column += pairs[b][a] }
        s += (Double(row) / t) * (Double(column) / t)
    }
    let r = (trace - s) / (1 - s)
    return r.isFinite ? r : nil
}

func checkGroups(_ groups: [Int], groupCount: Int, nodeCount: Int) throws {
    guard groups.count == nodeCount else {
        throw AlgorithmError.invalidParameter(name: "groups", reason: "\(groups.count) entries for \(nodeCount) nodes")
    }
    if let bad = groups.first(where: { $0 < 0 || $0 >= groupCount }) {
        throw AlgorithmError.invalidParameter(name: "groups", reason: "group \(bad) is not in 0..<\(groupCount)")
    }
}

/// Numeric assortativity: the Pearson correlation of a node value at the two ends of the ties,
/// over the nodes that have a value.
///
/// Pairs as `GroupMixing.pairs` takes them (undirected: both orders, a self-loop once;
/// directed: one per arc), among the ties whose two ends both have a value.
///
/// - Parameters:
///   - g: the graph (weights are ignored, as NetworkX ignores them).
///   - values: the value of each node; nil where a node has none.
/// - Returns: r in [−1, 1]; nil without pairs or when the values at one end are all equal.
/// - Complexity: O(V + E).
/// - Reference: M. E. J. Newman, Phys. Rev. E 67:026126 (2003). Equals
///   `nx.numeric_assortativity_coefficient` on the subgraph of the nodes with a value.
public func numericAssortativity(_ g: CompactGraph, values: [Double?]) throws -> Double? {
    guard values.count == g.nodeCount else {
        throw AlgorithmError.invalidParameter(name: "values", reason: "\(values.count) entries for \(g.nodeCount) nodes")
    }
    var count = 0.0, sx = 0.0, sy = 0.0
    func forEachPair(_ body: (Double, Double) -> Void) {
        for u in 0..<g.nodeCount {
            guard let x = values[u] else { continue }
            for k in Int(g.outStart[u])..<Int(g.outStart[u + 1]) {
                if let y = values[Int(g.outNeighbours[k])] { body(x, y) }
            }
        }
    }
    forEachPair { x, y in count += 1; sx += x; sy += y }
    if count == 0 { return nil }
    let mx = sx / count, my = sy / count
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    forEachPair { x, y in
        sxy += (x - mx) * (y - my)
        sxx += (x - mx) * (x - mx)
        syy += (y - my) * (y - my)
    }
    let r = sxy / (sxx * syy).squareRoot()
    return r.isFinite ? r : nil
}
