import Foundation

/// How far a centrality ranking can be trusted when the data miss ties or actors: the question
/// of S. P. Borgatti, K. M. Carley, D. Krackhardt, "On the robustness of centrality measures
/// under conditions of imperfect data", Social Networks 28:124–136 (2006). The measure is
/// computed on the network and on `samples` copies with a share of the ties (or actors) removed
/// uniformly at random, and each copy's values are compared with the network's.
public struct RobustnessResult: Sendable {
    /// Spearman correlation (average ranks for ties) between the network's values and each
    /// copy's, over the actors the copy keeps; nil where it is undefined (constant values).
    public var spearman: [Double?]
    /// The share of the network's top `top` actors that are in the copy's top `top`.
    public var overlap: [Double]
    /// Per actor: the share of copies (that keep it) in which it is in the top `top`.
    public var inTop: [Double]
    /// Per actor: mean and standard deviation of its rank (1 = highest) over the copies that keep it.
    public var meanRank: [Double]
    public var rankSD: [Double]
    /// The network's own ranks (competition ranks, 1 = highest).
    public var rank: [Int]
    public var top: Int
}

public enum Robustness {
    /// What the copies lose.
    public enum Removal: String, Sendable, CaseIterable {
        case ties, nodes
    }

    /// How many of `count` ties or actors a share removes: rounded to the nearest whole number.
    public static func removed(share: Double, of count: Int) -> Int { Int((share * Double(count)).rounded()) }

    /// The range of removals that leave something to compare: at least one, and at most all
    /// ties but one, or all actors but two.
    public static func allowedRemovals(_ removal: Removal, ties: Int, nodes: Int) -> ClosedRange<Int>? {
        let most = removal == .ties ? ties - 1 : nodes - 2
        return most >= 1 ? 1...most : nil
    }

    /// Ranks of `values`, highest first, ties sharing the average of their positions (as
    /// scipy.stats.rankdata on the negated values).
    static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
        var ranks = [Double](repeating: 0, count: values.count)
        var k = 0
        while k < order.count {
            var end = k
            while end + 1 < order.count && values[order[end + 1]] == values[order[k]] { end += 1 }
            let r = Double(k + end) / 2 + 1
            for m in k...end { ranks[order[m]] = r }
            k = end + 1
        }
        return ranks
    }

    /// The `top` actors by value, highest first; equal values by position.
    static func topSet(_ values: [Double], _ top: Int) -> Set<Int> {
        Set(values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }.prefix(top))
    }

    /// The comparison of `measure` on `g` with `samples` copies that each lose `share` (0 < share
    /// < 1) of the ties or of the actors, rounded to the nearest whole number (at least one, and
    /// at most all ties but one or all actors but two: `allowedRemovals`), chosen uniformly
    /// without replacement. Copy `i` draws from `SeededGenerator(seed: seed, stream: i)`.
    ///
    /// - Complexity: `samples` computations of the measure.
    public static func compare(_ g: CompactGraph, measure: (CompactGraph) throws -> [Double], removing removal: Removal,
                               share: Double, samples: Int, top: Int, seed: UInt64) throws -> RobustnessResult {
        guard share > 0 && share < 1 else {
            throw AlgorithmError.invalidParameter(name: "share", reason: "must be above 0 and below 1, got \(share)")
        }
        guard samples >= 1 else { throw AlgorithmError.invalidParameter(name: "samples", reason: "must be at least 1, got \(samples)") }
        let n = g.nodeCount
        guard top >= 1 && top <= n else { throw AlgorithmError.invalidParameter(name: "top", reason: "must be between 1 and \(n), got \(top)") }
        var edges: [CompactGraph.InputEdge] = []
        for u in 0..<n {
            for k in g.outRange(u) {
                let v = Int(g.outNeighbours[k])
                if !g.isDirected && v < u { continue }
                edges.append(.init(u, v, weight: g.outWeights?[k]))
            }
        }
        let count = removed(share: share, of: removal == .ties ? edges.count : n)
        guard let allowed = allowedRemovals(removal, ties: edges.count, nodes: n), allowed.contains(count) else {
            throw AlgorithmError.invalidParameter(name: "share", reason: "removes \(count) of \(removal == .ties ? edges.count : n) \(removal.rawValue), leaving nothing to compare")
        }
        let base = try measure(g)
        let baseTop = topSet(base, top)
        var spearman: [Double?] = [], overlap: [Double] = []
        var inTopCount = [Int](repeating: 0, count: n), keptTimes = [Int](repeating: 0, count: n)
        var rankSum = [Double](repeating: 0, count: n), rankSquares = [Double](repeating: 0, count: n)
        try AlgorithmProgress.outer(total: samples) {
            let progress = AlgorithmProgress.current
            for s in 0..<samples {
                var rng = SeededGenerator(seed: seed, stream: UInt64(s))
                var nodes = Array(0..<n)
                var values: [Double]
                switch removal {
                case .ties:
                    var order = Array(edges.indices)
                    order.seededSampleToFront(count, using: &rng)
                    let keptEdges = order[count...].sorted().map { edges[$0] }
                    values = try measure(CompactGraph(nodeCount: n, directed: g.isDirected, edges: keptEdges, weightMeaning: g.weightMeaning))
                case .nodes:
                    var order = Array(0..<n)
                    order.seededSampleToFront(count, using: &rng)
                    nodes = order[count...].sorted()
                    var position = [Int](repeating: -1, count: n)
                    for (p, u) in nodes.enumerated() { position[u] = p }
                    let keptEdges = edges.compactMap { e -> CompactGraph.InputEdge? in
                        let a = position[e.source], b = position[e.target]
                        return a >= 0 && b >= 0 ? .init(a, b, weight: e.weight) : nil
                    }
                    values = try measure(CompactGraph(nodeCount: nodes.count, directed: g.isDirected, edges: keptEdges, weightMeaning: g.weightMeaning))
                }
                let original = nodes.map { base[$0] }
                spearman.append(pearson(averageRanks(original), averageRanks(values)))
                let copyTop = topSet(values, min(top, values.count))
                let copyTopActors = Set(copyTop.map { nodes[$0] })
                overlap.append(Double(baseTop.intersection(copyTopActors).count) / Double(top))
                let ranks = averageRanks(values)
                for (p, u) in nodes.enumerated() {
                    keptTimes[u] += 1
                    if copyTopActors.contains(u) { inTopCount[u] += 1 }
                    rankSum[u] += ranks[p]
                    rankSquares[u] += ranks[p] * ranks[p]
                }
                progress?.advance(1, of: samples)
            }
        }
        var baseRanks = [Int](repeating: 0, count: n)
        let sorted = base.indices.sorted { base[$0] != base[$1] ? base[$0] > base[$1] : $0 < $1 }
        for (k, u) in sorted.enumerated() {
            baseRanks[u] = k > 0 && base[sorted[k - 1]] == base[u] ? baseRanks[sorted[k - 1]] : k + 1
        }
        let mean = (0..<n).map { keptTimes[$0] > 0 ? rankSum[$0] / Double(keptTimes[$0]) : .nan }
        let sd = (0..<n).map { u -> Double in
            guard keptTimes[u] > 0 else { return .nan }
            let m = mean[u]
            return max(0, rankSquares[u] / Double(keptTimes[u]) - m * m).squareRoot()
        }
        return RobustnessResult(spearman: spearman, overlap: overlap,
                                inTop: (0..<n).map { keptTimes[$0] > 0 ? Double(inTopCount[$0]) / Double(keptTimes[$0]) : .nan },
                                meanRank: mean, rankSD: sd, rank: baseRanks, top: top)
    }
}
