import Foundation

/// A way to score a missing tie: how likely two nodes that are not tied are to become partners.
///
/// Every method reads the network as undirected and unweighted, as NetworkX's link prediction
/// does (its functions refuse directed graphs and multigraphs): a tie either way joins two
/// nodes once. `Γ(x)` is the set of x's neighbours, `k(x)` x's degree (a self-loop counts twice),
/// and the common neighbours of u and v are `Γ(u) ∩ Γ(v)` without u and v.
public enum LinkPredictionMethod: String, CaseIterable, Sendable {
    /// `|Γ(u) ∩ Γ(v)|`, or, with `alpha` < 1, the common-neighbour-and-centrality score
    /// `α |Γ(u) ∩ Γ(v)| + (1 − α) n / d(u, v)` (Ahmad et al., Sci. Rep. 10, 2020;
    /// `nx.common_neighbor_centrality(G, alpha=α)`, whose `alpha = 1` is the plain count).
    case commonNeighbours = "common-neighbours"
    /// `|Γ(u) ∩ Γ(v)| / |Γ(u) ∪ Γ(v)|` (0 when both have no neighbour); `nx.jaccard_coefficient`.
    case jaccard
    /// `Σ_{w ∈ Γ(u) ∩ Γ(v)} 1 / log k(w)` (L. A. Adamic, E. Adar, Social Networks 25, 2003);
    /// `nx.adamic_adar_index`.
    case adamicAdar = "adamic-adar"
    /// `Σ_{w ∈ Γ(u) ∩ Γ(v)} 1 / k(w)` (T. Zhou, L. Lü, Y.-C. Zhang, Eur. Phys. J. B 71, 2009);
    /// `nx.resource_allocation_index`.
    case resourceAllocation = "resource-allocation"
    /// `k(u) · k(v)` (Barabási–Albert); `nx.preferential_attachment`.
    case preferentialAttachment = "preferential-attachment"

    /// Whether the score is 0 for every pair that shares no neighbour (so only pairs two steps
    /// apart need scoring).
    public var needsSharedNeighbour: Bool { self != .preferentialAttachment }
}

/// Two nodes without a tie and a score for the tie between them; `u < v` unless the ranking
/// was asked from one node, which is then `u`.
public struct ScoredPair: Sendable, Equatable {
    public var u: Int
    public var v: Int
    public var score: Double
    public init(u: Int, v: Int, score: Double) {
        self.u = u
        self.v = v
        self.score = score
    }
}

/// Link prediction on a graph: scores of missing ties and the best-scored ones, the numbers of
/// NetworkX's `common_neighbor_centrality`, `jaccard_coefficient`, `adamic_adar_index`,
/// `resource_allocation_index` and `preferential_attachment` (D. Liben-Nowell, J. Kleinberg,
/// "The link-prediction problem for social networks", JASIST 58(7), 2007).
public struct LinkPredictor: Sendable {
    /// The graph read as undirected (parallel ties and opposite arcs merged).
    public let graph: CompactGraph
    /// The common-neighbours weight α in [0, 1]; 1 counts common neighbours alone.
    public let alpha: Double

    /// - Parameters:
    ///   - g: the graph (directed graphs are read as undirected).
    ///   - alpha: α of `commonNeighbours`, in [0, 1] (default 1: the count of common neighbours).
    /// - Throws: `AlgorithmError.invalidParameter` when α is outside [0, 1].
    public init(_ g: CompactGraph, alpha: Double = 1) throws {
        guard alpha >= 0 && alpha <= 1 else {
            throw AlgorithmError.invalidParameter(name: "alpha", reason: "must be between 0 and 1, got \(alpha)")
        }
        graph = g.undirected()
        self.alpha = alpha
    }

    private func row(_ u: Int) -> ArraySlice<Int32> { graph.outNeighbours[graph.outRange(u)] }

    /// Whether u and v are tied.
    public func areTied(_ u: Int, _ v: Int) -> Bool { graph.outPosition(from: u, to: v) != nil }

    /// The common neighbours of u and v in node order (u and v themselves left out).
    public func commonNeighbours(_ u: Int, _ v: Int) -> [Int] {
        let a = row(u), b = row(v)
        var i = a.startIndex, j = b.startIndex
        var out: [Int] = []
        while i < a.endIndex && j < b.endIndex {
            if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else {
                let w = Int(a[i])
                if w != u && w != v { out.append(w) }
                i += 1; j += 1
            }
        }
        return out
    }

    /// The hop distance from u to every node (nil where unreachable), by `shortestPathLengths`.
    public func hopDistances(from u: Int) -> [Int?] {
        // u is a node of the graph, so this cannot throw.
        (try! shortestPathLengths(graph, from: u, weighted: false)).map { $0.isFinite ? Int($0) : nil }
    }

    /// The score of the tie between u and v by `method`; `distance` is d(u, v) in hops (nil when
    /// v cannot be reached), needed only for `commonNeighbours` with α < 1.
    public func score(_ method: LinkPredictionMethod, _ u: Int, _ v: Int, distance: Int?? = .none) -> Double {
        switch method {
        case .commonNeighbours:
            let shared = Double(commonNeighbours(u, v).count)
            if alpha == 1 { return shared }
            let d: Int? = distance ?? hopDistances(from: u)[v]
            return alpha * shared + (1 - alpha) * Double(graph.nodeCount) / (d.map(Double.init) ?? .infinity)
        case .jaccard:
            let shared = commonNeighbours(u, v)
            let union = Set(row(u)).union(row(v)).count
            return union == 0 ? 0 : Double(shared.count) / Double(union)
        case .adamicAdar:
            return commonNeighbours(u, v).reduce(0) { $0 + 1 / log(Double(graph.degree($1))) }
        case .resourceAllocation:
            return commonNeighbours(u, v).reduce(0) { $0 + 1 / Double(graph.degree($1)) }
        case .preferentialAttachment:
            return Double(graph.degree(u) * graph.degree(v))
        }
    }

    /// The scores of many pairs, one search per distinct first node when the score needs
    /// distances.
    public func scores(_ method: LinkPredictionMethod, _ pairs: [(Int, Int)]) -> [Double] {
        guard method == .commonNeighbours && alpha < 1 else { return pairs.map { score(method, $0.0, $0.1) } }
        var cache: [Int: [Int?]] = [:]
        return pairs.map { u, v in
            if cache[u] == nil { cache[u] = hopDistances(from: u) }
            return score(method, u, v, distance: .some(cache[u]![v]))
        }
    }

    /// The best-scored missing ties.
    ///
    /// Candidates are the pairs of distinct nodes that are not tied, pass `allowed`, and have a
    /// score above 0 (pairs sharing no neighbour score 0 on every method but preferential
    /// attachment and common neighbours with α < 1); with `source`, only the pairs with it.
    /// Ranked by score, highest first, then by the first node's position and the second's.
    ///
    /// - Parameters:
    ///   - method: the score.
    ///   - source: rank only the missing ties of this node (it is each pair's `u`).
    ///   - top: keep the first `top` (nil: all).
    ///   - allowed: whether a pair (first node, second node) may be suggested.
    /// - Returns: the pairs, and how many candidates scored above 0 in all (nil for preferential
    ///   attachment, which looks only at the pairs that can still make the top).
    /// - Complexity: neighbour methods O(Σ_w k(w)²) over all nodes, O(Σ_{w ∈ Γ(u)} k(w)) from
    ///   one node u; preferential attachment O(V log V + E + pairs looked at), which is near
    ///   O(V log V + E + top) unless many top pairs are ruled out; common neighbours with α < 1
    ///   one breadth-first search per node, O(V (V + E)).
    public func rank(_ method: LinkPredictionMethod, from source: Int? = nil, top: Int? = nil,
                     allowed: (Int, Int) -> Bool = { _, _ in true }) -> (pairs: [ScoredPair], candidates: Int?) {
        var best = TopPairs(limit: top)
        var candidates = 0
        let n = graph.nodeCount
        let firsts: [Int] = source.map { [$0] } ?? Array(0..<n)
        func keep(_ u: Int, _ v: Int, _ s: Double) {
            guard s > 0 else { return }
            candidates += 1
            best.offer(ScoredPair(u: u, v: v, score: s))
        }

        if method == .preferentialAttachment {
            rankByDegreeProduct(source: source, best: &best, allowed: allowed)
            return (best.sorted(), nil)
        }
        if method == .commonNeighbours && alpha < 1 {
            for u in firsts {
                let distance = hopDistances(from: u)
                for v in 0..<n where v != u && (source != nil || v > u) {
                    guard let d = distance[v], d > 1, allowed(u, v) else { continue }
                    keep(u, v, score(method, u, v, distance: .some(d)))
                }
            }
            return (best.sorted(), candidates)
        }

        // Pairs two steps apart, their scores summed over the shared neighbours w in node order.
        var buffers = TwoStepBuffers(nodeCount: n)
        for u in firsts {
            twoStep(method, from: u, onlyLater: source == nil, buffers: &buffers) { v, s in
                if allowed(u, v) { keep(u, v, s) }
            }
        }
        return (best.sorted(), candidates)
    }

    /// The best-scored missing ties of every node, each node's own list (as `rank(_:from:top:
    /// allowed:)` from that node), for the methods that need a shared neighbour.
    /// - Complexity: O(Σ_w k(w)²) for all nodes together.
    public func rankEach(_ method: LinkPredictionMethod, top: Int, allowed: (Int, Int) -> Bool = { _, _ in true }) -> [[ScoredPair]] {
        precondition(method.needsSharedNeighbour && !(method == .commonNeighbours && alpha < 1),
                     "rankEach covers the methods that score 0 without a shared neighbour")
        var buffers = TwoStepBuffers(nodeCount: graph.nodeCount)
        return (0..<graph.nodeCount).map { u in
            var best = TopPairs(limit: top)
            twoStep(method, from: u, onlyLater: false, buffers: &buffers) { v, s in
                if s > 0 && allowed(u, v) { best.offer(ScoredPair(u: u, v: v, score: s)) }
            }
            return best.sorted()
        }
    }

    /// Scores of the pairs (u, v) two steps apart and not tied, v in node order (only v > u when
    /// `onlyLater`), summed over the shared neighbours w in node order.
    private func twoStep(_ method: LinkPredictionMethod, from u: Int, onlyLater: Bool, buffers b: inout TwoStepBuffers,
                         _ visit: (Int, Double) -> Void) {
        for k in graph.outRange(u) {
            let w = Int(graph.outNeighbours[k])
            if w == u { continue }
            let kw = Double(graph.degree(w))
            let add: Double = method == .adamicAdar ? 1 / log(kw) : (method == .resourceAllocation ? 1 / kw : 1)
            for k2 in graph.outRange(w) {
                let v = Int(graph.outNeighbours[k2])
                if v == u || v == w || (onlyLater && v < u) { continue }
                if b.count[v] == 0 { b.touched.append(v) }
                b.count[v] += 1
                b.sum[v] += add
            }
        }
        b.touched.sort()
        for v in b.touched {
            if !areTied(u, v) {
                let s: Double
                switch method {
                case .jaccard:
                    let union = graph.outRange(u).count + graph.outRange(v).count - b.count[v]
                    s = Double(b.count[v]) / Double(union)
                case .commonNeighbours: s = Double(b.count[v])
                default: s = b.sum[v]
                }
                visit(v, s)
            }
            b.sum[v] = 0; b.count[v] = 0
        }
        b.touched.removeAll(keepingCapacity: true)
    }

    /// Preferential attachment's best pairs: nodes in order of degree, and a pair looked at only
    /// while its product can still reach the kept ones.
    private func rankByDegreeProduct(source: Int?, best: inout TopPairs, allowed: (Int, Int) -> Bool) {
        let n = graph.nodeCount
        let degree = (0..<n).map { graph.degree($0) }
        let order = (0..<n).sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
        func consider(_ u: Int, _ v: Int) {
            guard u != v, !areTied(u, v), allowed(u, v) else { return }
            let s = Double(degree[u] * degree[v])
            guard s > 0 else { return }
            best.offer(ScoredPair(u: u, v: v, score: s))
        }
        if let u = source {
            for v in order {
                if let t = best.threshold, Double(degree[u] * degree[v]) < t { break }
                consider(u, v)
            }
            return
        }
        for (i, a) in order.enumerated() {
            if let t = best.threshold, i + 1 < n, Double(degree[a] * degree[order[i + 1]]) < t { break }
            for b in order[(i + 1)...] {
                if let t = best.threshold, Double(degree[a] * degree[b]) < t { break }
                consider(min(a, b), max(a, b))
            }
        }
    }
}

/// Scratch sums of `LinkPredictor.twoStep`, cleared after each node.
struct TwoStepBuffers {
    var sum: [Double]
    var count: [Int]
    var touched: [Int] = []
    init(nodeCount: Int) {
        sum = [Double](repeating: 0, count: nodeCount)
        count = [Int](repeating: 0, count: nodeCount)
    }
}

/// The best pairs seen so far, ranked by score (highest first), then first node, then second;
/// at most `limit` kept (all when nil), trimmed in batches.
struct TopPairs {
    let limit: Int?
    private var items: [ScoredPair] = []
    /// The score a pair must reach to be kept, once `limit` pairs are kept.
    private(set) var threshold: Double?

    init(limit: Int?) { self.limit = limit }

    static func before(_ a: ScoredPair, _ b: ScoredPair) -> Bool {
        a.score != b.score ? a.score > b.score : (a.u != b.u ? a.u < b.u : a.v < b.v)
    }

    mutating func offer(_ p: ScoredPair) {
        if let t = threshold, p.score < t { return }
        items.append(p)
        if let k = limit, items.count >= max(4 * k, 64) { trim(k) }
    }

    private mutating func trim(_ k: Int) {
        items.sort(by: Self.before)
        if items.count > k { items.removeLast(items.count - k) }
        if items.count == k, let last = items.last { threshold = last.score }
    }

    func sorted() -> [ScoredPair] {
        var all = items.sorted(by: Self.before)
        if let k = limit, all.count > k { all.removeLast(all.count - k) }
        return all
    }
}
