import PartnerGraph

extension PathFinder {
    /// The strongest chain: the path whose weakest tie is as strong as possible (the widest or
    /// bottleneck path), among those the one with the fewest hops, then the first in network
    /// order. Constraints (`via`, `avoid`, `maxHops`, `throughKinds`) apply.
    ///
    /// Tie strength is the weight on a strength view, 1/weight on a distance view, and 1 for
    /// every tie on an unweighted view (where the strongest chain is simply the one with the
    /// fewest hops). The path's `bottleneck` is the strength reached.
    ///
    /// Method: the answer's bottleneck is one of the ties' strengths. For a threshold B, keep
    /// only ties at least as strong as B and look for the path with the fewest hops that meets
    /// the constraints; whether one exists only gets easier as B falls, so a binary search over
    /// the distinct strengths finds the largest feasible B, and the fewest-hop path found there
    /// is the answer. (Extending a label-setting search with (bottleneck, hops) directly would
    /// be wrong: the pair is not preserved under extension.)
    ///
    /// - Reference: the maximum-capacity (bottleneck) path problem, M. Pollack, "The maximum
    ///   capacity through a network", Operations Research 8(5):733–736 (1960),
    ///   doi:10.1287/opre.8.5.733.
    /// - Complexity: O(log E) fewest-hop searches: O((V + E) log V · log E) without `via`.
    public func strongestPath(from: NodeID, to: NodeID) throws -> Path {
        let q = try prepare(from, to)
        if q.s == q.t { return makePath(q.s, []) }
        var levels = Set<Double>()
        for k in 0..<graph.strength.count
        where q.rules.allows(node: Int(graph.source[k])) && q.rules.allows(node: Int(graph.target[k])) {
            levels.insert(graph.strength[k])
        }
        let sorted = levels.sorted(by: >)
        func attempt(_ b: Double) throws -> [Int]? {
            var r = q.rules
            r.minStrength = b
            r.countHops = true
            return try firstConstrained(q, rules: r)
        }
        guard let lowest = sorted.last, var best = try attempt(lowest) else { throw noPath(q) }
        var lo = 0, hi = sorted.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if let p = try attempt(sorted[mid]) {
                hi = mid
                best = p
            } else {
                lo = mid + 1
            }
        }
        return makePath(q.s, best)
    }
}
