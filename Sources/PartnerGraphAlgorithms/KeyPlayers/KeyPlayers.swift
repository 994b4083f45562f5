import Foundation
import PartnerGraphKernels

/// What a key-player set is for (S. P. Borgatti, "Identifying sets of key players in a social
/// network", Computational & Mathematical Organization Theory 12:21–34, 2006,
/// doi:10.1007/s10588-006-7084-x). Every objective reads the ties as undirected and unweighted,
/// as the paper defines them.
public enum KeyPlayerObjective: Sendable, Equatable {
    /// KPP-Neg by Borgatti's fragmentation F (his eq. 4) of the network left when the set is
    /// removed: the share of pairs of remaining nodes that cannot reach each other,
    /// `1 − Σ_k s_k (s_k − 1) / (n (n − 1))` over the sizes `s_k` of the remaining components.
    case fragmentation
    /// KPP-Neg by distance-weighted fragmentation D_F (his eq. 9):
    /// `1 − Σ_{i ≠ j} (1 / d_ij) / (n (n − 1))` over the remaining nodes (1/∞ = 0).
    case distanceFragmentation
    /// KPP-Pos by m-reach (his eq. 12): the share of the nodes outside the set that some member
    /// reaches in at most `maxHops` steps.
    case reach(maxHops: Int)
    /// KPP-Pos by distance-weighted reach D_R (his eq. 14): `Σ_{j ∉ S} (1 / d(S, j)) / (n − |S|)`,
    /// where `d(S, j)` is the distance from the nearest member; 1 when every outside node is
    /// tied to a member. (Pyntacle divides the same sum by n instead.)
    case distanceReach

    /// Whether the set is removed (KPP-Neg) rather than used as seeds (KPP-Pos).
    public var removesSet: Bool {
        switch self {
        case .fragmentation, .distanceFragmentation: return true
        case .reach, .distanceReach: return false
        }
    }
}

/// A key-player set and how well it does.
public struct KeyPlayerSet: Sendable, Equatable {
    /// The members, in node order.
    public var members: [Int]
    /// The objective's value for the set (higher is better).
    public var score: Double
    /// The objective's value for each member alone, in the order of `members`.
    public var alone: [Double]
    /// How much each member adds: the set's score minus the score of the set without it.
    public var contribution: [Double]
    /// The objective's value with no node removed (KPP-Neg: the network's own fragmentation);
    /// nil for KPP-Pos.
    public var baseline: Double?
    /// How many random starts found `score` (of `starts`).
    public var startsReachingBest: Int
    /// The number of random starts.
    public var starts: Int
}

/// Borgatti's key-player problem: the scores of a set and a search for the best set of k nodes.
public struct KeyPlayers: Sendable {
    /// The graph read as undirected.
    public let graph: CompactGraph

    public init(_ g: CompactGraph) {
        graph = g.undirected()
    }

    /// The objective's value for `set` (nodes given more than once count once).
    public func score(_ objective: KeyPlayerObjective, of set: [Int]) throws -> Double {
        var inSet = [Bool](repeating: false, count: graph.nodeCount)
        for u in set {
            guard u >= 0 && u < graph.nodeCount else {
                throw AlgorithmError.invalidParameter(name: "set", reason: "node \(u) is not in the graph")
            }
            inSet[u] = true
        }
        let size = inSet.reduce(0) { $0 + ($1 ? 1 : 0) }
        try check(objective, k: size)
        var scratch = KeyPlayerScratch(nodeCount: graph.nodeCount)
        return evaluate(objective, inSet: &inSet, size: size, scratch: &scratch)
    }

    private func check(_ objective: KeyPlayerObjective, k: Int) throws {
        let n = graph.nodeCount
        switch objective {
        case .fragmentation, .distanceFragmentation:
            guard k <= n - 2 else {
                throw AlgorithmError.invalidParameter(name: "k", reason: "removing \(k) of \(n) nodes leaves fewer than two, so nothing to fragment")
            }
        case .reach(let m):
            guard m >= 1 else { throw AlgorithmError.invalidParameter(name: "maxHops", reason: "must be at least 1, got \(m)") }
            fallthrough
        case .distanceReach:
            guard k >= 1 && k <= n - 1 else {
                throw AlgorithmError.invalidParameter(name: "k", reason: "a set of \(k) of \(n) nodes leaves no node outside it to reach")
            }
        }
    }

    private func evaluate(_ objective: KeyPlayerObjective, inSet: inout [Bool], size: Int, scratch: inout KeyPlayerScratch) -> Double {
        let n = graph.nodeCount
        let left = Double(n - size)
        switch objective {
        case .fragmentation:
            var pairs = 0.0
            scratch.resetSeen()
            for s in 0..<n where !inSet[s] && !scratch.seen[s] {
                let c = Double(scratch.bfs(graph, from: [s], blocked: inSet, markSeen: true))
                pairs += c * (c - 1)
            }
            return 1 - pairs / (left * (left - 1))
        case .distanceFragmentation:
            var sum = 0.0
            for s in 0..<n where !inSet[s] {
                _ = scratch.bfs(graph, from: [s], blocked: inSet, markSeen: false)
                sum += scratch.reciprocalDistanceSum()
            }
            return 1 - sum / (left * (left - 1))
        case .reach(let m):
            let members = (0..<n).filter { inSet[$0] }
            let reached = scratch.bfs(graph, from: members, blocked: nil, markSeen: false, maxDepth: m)
            return Double(reached - size) / left
        case .distanceReach:
            let members = (0..<n).filter { inSet[$0] }
            _ = scratch.bfs(graph, from: members, blocked: nil, markSeen: false)
            return scratch.reciprocalDistanceSum() / left
        }
    }

    /// The best set of `k` nodes by Borgatti's greedy swap search: from a random set, make the
    /// swap of a member for a non-member that improves the score most, until no swap improves it
    /// (by more than 1e-12); repeated from `starts` random sets, keeping the best (ties: the set
    /// first in node order). Start `i` draws from `SeededGenerator(seed: seed, stream: i)`, and
    /// every choice is independent of the number of threads.
    ///
    /// - Complexity: per swap round k (n − k) evaluations; an evaluation is O(V + E) for
    ///   fragmentation and reach, O(V (V + E)) for distance-weighted fragmentation.
    public func search(_ objective: KeyPlayerObjective, k: Int, starts: Int = 10, seed: UInt64 = 0,
                       maxThreads: Int = 0) throws -> KeyPlayerSet {
        let progress = AlgorithmProgress.current
        let n = graph.nodeCount
        guard k >= 1 else { throw AlgorithmError.invalidParameter(name: "k", reason: "must be at least 1, got \(k)") }
        guard k < n else { throw AlgorithmError.invalidParameter(name: "k", reason: "must be less than the \(n) nodes, got \(k)") }
        try check(objective, k: k)
        guard starts >= 1 else { throw AlgorithmError.invalidParameter(name: "starts", reason: "must be at least 1, got \(starts)") }

        let evaluationsPerRound = k * (n - k)
        let heavy = objective == .distanceFragmentation ? n : 1
        let workers = graph.workerCount(maxThreads: maxThreads, tasks: evaluationsPerRound,
                                        searches: evaluationsPerRound * heavy)
        var best: (members: [Int], score: Double)?
        var reaching = 0
        for start in 0..<starts {
            var rng = SeededGenerator(seed: seed, stream: UInt64(start))
            var all = Array(0..<n)
            all.seededSampleToFront(k, using: &rng)
            var members = Array(all[0..<k]).sorted()
            var current = try score(objective, of: members)
            while true {
                let outside = (0..<n).filter { !members.contains($0) }
                var gains = [Double](repeating: -.infinity, count: evaluationsPerRound)
                let frozen = members
                gains.withUnsafeMutableBufferPointer { buffer in
                    let out = SharedPointer(pointer: buffer.baseAddress!)
                    let chunk = max(1, evaluationsPerRound / (workers * 8))
                    let tasks = (evaluationsPerRound + chunk - 1) / chunk
                    parallelTasks(workers: workers, tasks: tasks) { _, take in
                        var scratch = KeyPlayerScratch(nodeCount: n)
                        var inSet = [Bool](repeating: false, count: n)
                        for u in frozen { inSet[u] = true }
                        while let task = take() {
                            for e in task * chunk..<min(evaluationsPerRound, (task + 1) * chunk) {
                                let a = frozen[e / (n - k)], b = outside[e % (n - k)]
                                inSet[a] = false; inSet[b] = true
                                out.pointer[e] = self.evaluate(objective, inSet: &inSet, size: k, scratch: &scratch)
                                inSet[a] = true; inSet[b] = false
                            }
                        }
                    }
                }
                // The best swap; among equals, the first (member order, then outside order).
                var bestSwap = -1
                for e in gains.indices where gains[e] > current + 1e-12 && (bestSwap < 0 || gains[e] > gains[bestSwap]) {
                    bestSwap = e
                }
                if bestSwap < 0 { break }
                let a = frozen[bestSwap / (n - k)], b = outside[bestSwap % (n - k)]
                members = (members.filter { $0 != a } + [b]).sorted()
                current = gains[bestSwap]
            }
            progress?.advance(1, of: starts)
            if let b = best, abs(b.score - current) <= 1e-12 {
                reaching += 1
                if members.lexicographicallyPrecedes(b.members) { best = (members, b.score) }
            } else if best == nil || current > best!.score {
                best = (members, current)
                reaching = 1
            }
        }
        let chosen = best!
        let baseline = objective.removesSet ? try score(objective, of: []) : nil
        let alone = try chosen.members.map { try score(objective, of: [$0]) }
        let contribution = try chosen.members.map { u -> Double in
            let rest = chosen.members.filter { $0 != u }
            // Without its only member a seed set reaches nothing.
            return chosen.score - (rest.isEmpty ? (baseline ?? 0) : try score(objective, of: rest))
        }
        return KeyPlayerSet(members: chosen.members, score: chosen.score, alone: alone, contribution: contribution,
                            baseline: baseline,
                            startsReachingBest: reaching, starts: starts)
    }
}

/// Buffers for the breadth-first searches of one worker.
struct KeyPlayerScratch {
    var distance: [Int32]
    var queue: [Int32]
    var seen: [Bool]
    var count = 0

    init(nodeCount: Int) {
        distance = [Int32](repeating: -1, count: nodeCount)
        queue = [Int32](repeating: 0, count: nodeCount)
        seen = [Bool](repeating: false, count: nodeCount)
    }

    mutating func resetSeen() {
        for i in seen.indices { seen[i] = false }
    }

    /// A search from `sources` (all at distance 0) that never enters `blocked` nodes and stops
    /// at `maxDepth`; returns the number of nodes reached (sources included). The previous
    /// search's distances are cleared first.
    mutating func bfs(_ g: CompactGraph, from sources: [Int], blocked: [Bool]?, markSeen: Bool, maxDepth: Int = .max) -> Int {
        for i in 0..<count { distance[Int(queue[i])] = -1 }
        count = 0
        for s in sources where distance[s] < 0 {
            distance[s] = 0
            queue[count] = Int32(s); count += 1
            if markSeen { seen[s] = true }
        }
        var head = 0
        while head < count {
            let x = Int(queue[head]); head += 1
            let dx = distance[x]
            if Int(dx) >= maxDepth { continue }
            for k in g.outRange(x) {
                let y = Int(g.outNeighbours[k])
                if distance[y] >= 0 || blocked?[y] == true { continue }
                distance[y] = dx + 1
                queue[count] = Int32(y); count += 1
                if markSeen { seen[y] = true }
            }
        }
        return count
    }

    /// Σ 1/d over the nodes the last search reached beyond its sources, in the order reached.
    func reciprocalDistanceSum() -> Double {
        var sum = 0.0
        for i in 0..<count {
            let d = distance[Int(queue[i])]
            if d > 0 { sum += 1 / Double(d) }
        }
        return sum
    }
}
