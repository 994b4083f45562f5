import Foundation

/// Borgatti and Everett's core–periphery models (S. P. Borgatti, M. G. Everett, "Models of
/// core/periphery structures", Social Networks 21:375–395, 1999,
/// doi:10.1016/S0378-8733(99)00019-2), on the graph read as undirected and unweighted (a tie is
/// there or not; self-loops are left out).
public struct CorePeriphery: Sendable {
    /// The graph read as undirected.
    public let graph: CompactGraph
    private let degree: [Int]
    private let edges: Int

    public init(_ g: CompactGraph) {
        let u = g.undirected()
        let degree = (0..<u.nodeCount).map { x in u.outRange(x).reduce(0) { $0 + (Int(u.outNeighbours[$1]) == x ? 0 : 1) } }
        graph = u
        self.degree = degree
        edges = degree.reduce(0, +) / 2
    }

    // MARK: Discrete model

    /// The discrete model's fit of a partition: the Pearson correlation, over the pairs of nodes
    /// both in the core or both in the periphery, between the tie (1 or 0) and the ideal pattern
    /// (1 in the core, 0 in the periphery); pairs of a core and a periphery node are left out, as
    /// UCINET does by default ("density of core-to-periphery ties: missing"). Nil when the
    /// correlation is undefined (no pair on one side, or every considered pair tied or none).
    public func fit(core: [Bool]) -> Double? {
        precondition(core.count == graph.nodeCount)
        let m = try! GroupMixing(graph, groups: core.map { $0 ? 0 : 1 }, groupCount: 2)
        return Self.correlation(n: graph.nodeCount, coreSize: m.sizes[0], tiesCore: m.ties[0][0], tiesPeriphery: m.ties[1][1])
    }

    static func correlation(n: Int, coreSize k: Int, tiesCore: Int, tiesPeriphery: Int) -> Double? {
        let pairsCore = Double(k * (k - 1) / 2), pairsPeriphery = Double((n - k) * (n - k - 1) / 2)
        let pairs = pairsCore + pairsPeriphery
        guard pairsCore > 0, pairsPeriphery > 0 else { return nil }
        let meanTie = Double(tiesCore + tiesPeriphery) / pairs
        let meanIdeal = pairsCore / pairs
        let covariance = Double(tiesCore) / pairs - meanTie * meanIdeal
        let variance = meanTie * (1 - meanTie) * meanIdeal * (1 - meanIdeal)
        guard variance > 0 else { return nil }
        return covariance / variance.squareRoot()
    }

    /// A discrete core–periphery partition and its fit.
    public struct Partition: Sendable, Equatable {
        /// Whether each node is in the core.
        public var core: [Bool]
        /// The correlation with the ideal pattern (see `fit(core:)`).
        public var fit: Double
        /// Density of ties inside the core, between core and periphery, inside the periphery.
        public var densities: (core: Double, between: Double, periphery: Double)
        /// How many random starts reached `fit` (of `starts`).
        public var startsReachingBest: Int
        public var starts: Int

        public static func == (a: Partition, b: Partition) -> Bool {
            a.core == b.core && a.fit == b.fit && a.startsReachingBest == b.startsReachingBest && a.starts == b.starts
                && a.densities == b.densities
        }
    }

    /// The partition that fits the discrete model best, by local search: from a random
    /// partition (a core of a size drawn uniformly from 2 … n − 2), move the one node between core
    /// and periphery that raises the fit most, or, when no such move helps, exchange the core
    /// node and periphery node that raise it most, until nothing raises it by more than 1e-12;
    /// repeated from `starts` random partitions (start `i` draws from `SeededGenerator(seed:
    /// seed, stream: i)`), keeping the best fit (ties: the partition whose core comes first in
    /// node order). UCINET uses a genetic algorithm for the same objective.
    ///
    /// - Complexity: O(starts × rounds × V) for moves; an exchange round is O(k (V − k) log d).
    public func discrete(starts: Int = 20, seed: UInt64 = 0) throws -> Partition {
        let progress = AlgorithmProgress.current
        let n = graph.nodeCount
        guard n >= 4 else {
            throw AlgorithmError.invalidParameter(name: "graph", reason: "a core and a periphery of two nodes each need at least 4 nodes, got \(n)")
        }
        guard starts >= 1 else { throw AlgorithmError.invalidParameter(name: "starts", reason: "must be at least 1, got \(starts)") }
        guard edges > 0 else { throw AlgorithmError.invalidParameter(name: "graph", reason: "has no ties, so no core") }
        var best: (core: [Bool], fit: Double)?
        var reaching = 0
        for start in 0..<starts {
            var rng = SeededGenerator(seed: seed, stream: UInt64(start))
            // A core of a size drawn uniformly from 2 … n − 2, its members drawn uniformly.
            let size = 2 + rng.nextInt(below: n - 3)
            var order = Array(0..<n)
            order.seededSampleToFront(size, using: &rng)
            var core = [Bool](repeating: false, count: n)
            for j in 0..<size { core[order[j]] = true }
            // Ties of each node into the core.
            var intoCore = [Int](repeating: 0, count: n)
            var k = 0, tiesCore = 0, tiesPeriphery = 0
            for u in 0..<n {
                if core[u] { k += 1 }
                for e in graph.outRange(u) {
                    let v = Int(graph.outNeighbours[e])
                    if v == u { continue }
                    if core[v] { intoCore[u] += 1 }
                    if v > u {
                        if core[u] && core[v] { tiesCore += 1 } else if !core[u] && !core[v] { tiesPeriphery += 1 }
                    }
                }
            }
            var current = Self.correlation(n: n, coreSize: k, tiesCore: tiesCore, tiesPeriphery: tiesPeriphery) ?? -.infinity
            while true {
                var bestMove = -1
                var bestFit = current
                for u in 0..<n {
                    let f: Double?
                    if core[u] {
                        f = Self.correlation(n: n, coreSize: k - 1, tiesCore: tiesCore - intoCore[u],
                                             tiesPeriphery: tiesPeriphery + (degree[u] - intoCore[u]))
                    } else {
                        f = Self.correlation(n: n, coreSize: k + 1, tiesCore: tiesCore + intoCore[u],
                                             tiesPeriphery: tiesPeriphery - (degree[u] - intoCore[u]))
                    }
                    if let f, f > bestFit + 1e-12 { bestFit = f; bestMove = u }
                }
                func move(_ u: Int) {
                    if core[u] {
                        tiesCore -= intoCore[u]; tiesPeriphery += degree[u] - intoCore[u]; k -= 1
                    } else {
                        tiesCore += intoCore[u]; tiesPeriphery -= degree[u] - intoCore[u]; k += 1
                    }
                    core[u].toggle()
                    for e in graph.outRange(u) {
                        let v = Int(graph.outNeighbours[e])
                        if v != u { intoCore[v] += core[u] ? 1 : -1 }
                    }
                }
                if bestMove >= 0 {
                    move(bestMove)
                    current = bestFit
                    continue
                }
                // No single move helps: the best exchange of a core and a periphery node.
                var bestSwap: (Int, Int)?
                for u in 0..<n where core[u] {
                    for v in 0..<n where !core[v] {
                        let a = graph.outPosition(from: u, to: v) == nil ? 0 : 1
                        let f = Self.correlation(n: n, coreSize: k, tiesCore: tiesCore - intoCore[u] + intoCore[v] - a,
                                                 tiesPeriphery: tiesPeriphery + (degree[u] - intoCore[u]) - (degree[v] - intoCore[v]) - a)
                        if let f, f > bestFit + 1e-12 { bestFit = f; bestSwap = (u, v) }
                    }
                }
                guard let (u, v) = bestSwap else { break }
                move(u)
                move(v)
                current = bestFit
            }
            progress?.advance(1, of: starts)
            guard current.isFinite else { continue }
            if let b = best, abs(b.fit - current) <= 1e-12 {
                reaching += 1
                if coreFirst(core, b.core) { best = (core, b.fit) }
            } else if best == nil || current > best!.fit {
                best = (core, current)
                reaching = 1
            }
        }
        guard let chosen = best else {
            throw AlgorithmError.unsupported(measure: "core-periphery", reason: "no partition has a defined fit")
        }
        return Partition(core: chosen.core, fit: chosen.fit, densities: densities(chosen.core),
                         startsReachingBest: reaching, starts: starts)
    }

    /// Whether core `a` comes before core `b`: the sorted member lists compared in order.
    private func coreFirst(_ a: [Bool], _ b: [Bool]) -> Bool {
        let x = a.indices.filter { a[$0] }, y = b.indices.filter { b[$0] }
        return x.lexicographicallyPrecedes(y)
    }

    /// Densities inside the core, between core and periphery, inside the periphery (0 where a
    /// block has no pair).
    public func densities(_ core: [Bool]) -> (core: Double, between: Double, periphery: Double) {
        // Core as group 0, periphery as group 1: valid groups, so GroupMixing cannot throw.
        let m = try! GroupMixing(graph, groups: core.map { $0 ? 0 : 1 }, groupCount: 2)
        return (m.density(0, 0) ?? 0, m.density(0, 1) ?? 0, m.density(1, 1) ?? 0)
    }

    // MARK: Continuous model

    /// The continuous model: each node's coreness c_i, the vector for which c_i·c_j comes
    /// closest to the ties, minimising Σ_{i≠j} (a_ij − c_i c_j)² (UCINET: "the product of C and
    /// C transpose as close as possible to the data matrix"); by exact coordinate descent
    /// (c_i = Σ_j a_ij c_j / Σ_{j≠i} c_j², node by node, which never raises the sum) from the
    /// degrees, until no coreness moves by more than `tolerance`. Returned scaled to length 1
    /// (Σ c_i² = 1), with the fit: the Pearson correlation between a_ij and c_i c_j over i ≠ j.
    ///
    /// - Complexity: O(sweeps × (V + E)).
    /// On some graphs no best vector exists: on a star the sum falls towards 0 as the hub's
    /// coreness grows without bound (the leaves' shrinking), so the search does not settle and
    /// throws `didNotConverge`.
    public func continuous(tolerance: Double = 1e-14, maxSweeps: Int = 20_000) throws -> (coreness: [Double], fit: Double?, sweeps: Int) {
        let n = graph.nodeCount
        guard n >= 2, edges > 0 else { throw AlgorithmError.invalidParameter(name: "graph", reason: "has no ties, so no core") }
        var c = degree.map { Double($0) }
        let norm = c.reduce(0) { $0 + $1 * $1 }.squareRoot()
        c = c.map { $0 / norm }
        var sumSquares = c.reduce(0) { $0 + $1 * $1 }
        var sweeps = 0
        var settled = false
        while sweeps < maxSweeps {
            sweeps += 1
            var change = 0.0
            for i in 0..<n {
                var s = 0.0
                for e in graph.outRange(i) {
                    let j = Int(graph.outNeighbours[e])
                    if j != i { s += c[j] }
                }
                let others = sumSquares - c[i] * c[i]
                let updated = others > 0 ? s / others : 0
                change = max(change, abs(updated - c[i]))
                sumSquares += updated * updated - c[i] * c[i]
                c[i] = updated
            }
            sumSquares = c.reduce(0) { $0 + $1 * $1 }
            if change <= tolerance { settled = true; break }
        }
        if !settled {
            throw AlgorithmError.didNotConverge(measure: "continuous core-periphery", iterations: maxSweeps, tolerance: tolerance)
        }
        let length = sumSquares.squareRoot()
        let coreness = c.map { $0 / length }
        return (coreness, continuousFit(coreness), sweeps)
    }

    /// The Pearson correlation between a_ij and c_i c_j over the ordered pairs i ≠ j.
    public func continuousFit(_ c: [Double]) -> Double? {
        let n = graph.nodeCount
        // Sums over all i ≠ j of x = a_ij (0/1) and y = c_i c_j.
        let total = c.reduce(0, +), squares = c.reduce(0) { $0 + $1 * $1 }
        let pairs = Double(n * (n - 1))
        let sumY = total * total - squares
        let sumYY = squares * squares - c.reduce(0) { $0 + $1 * $1 * $1 * $1 }
        var sumXY = 0.0
        for i in 0..<n {
            for e in graph.outRange(i) {
                let j = Int(graph.outNeighbours[e])
                if j != i { sumXY += c[i] * c[j] }
            }
        }
        let sumX = Double(2 * edges)
        let covariance = sumXY / pairs - (sumX / pairs) * (sumY / pairs)
        let varX = sumX / pairs * (1 - sumX / pairs)
        let varY = sumYY / pairs - (sumY / pairs) * (sumY / pairs)
        guard varX > 0, varY > 0 else { return nil }
        return covariance / (varX * varY).squareRoot()
    }
}
