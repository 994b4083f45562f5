import Foundation
import PartnerGraphKernels

/// Degree-preserving rewiring: the null model that keeps every node's degree (in- and out-degree
/// when directed) and draws the ties anew, by double edge swaps (S. Maslov, K. Sneppen, Science
/// 296, 2002; NetworkX's `double_edge_swap`).
public enum Rewiring {
    /// Swaps per tie made for one null network (Milo et al.'s common choice; NetworkX's
    /// `double_edge_swap` takes the number as `nswap`).
    public static let swapsPerTie = 10

    /// The graph with its ties rewired: `swapsPerTie × ties` successful swaps, each taking two
    /// ties chosen uniformly, a–b and c–d, and making them a–d and c–b (undirected: either way
    /// round, with probability 1/2 each; directed: a→d and c→b), refused when that would make a
    /// self-loop or a tie that already exists. Self-loops stay as they are; a tie keeps its
    /// weight as it moves. Gives up after 100 tries per wanted swap (a star, say, has none).
    ///
    /// - Complexity: O(swaps) expected, O(V + E) memory.
    public static func rewired(_ g: CompactGraph, rng: inout SeededGenerator, swapsPerTie: Int = Rewiring.swapsPerTie) -> CompactGraph {
        var from: [Int32] = [], to: [Int32] = [], weight: [Double] = []
        var loops: [CompactGraph.InputEdge] = []
        var present = Set<UInt64>()
        let directed = g.isDirected
        func key(_ a: Int32, _ b: Int32) -> UInt64 {
            let (x, y) = directed || a < b ? (a, b) : (b, a)
            return UInt64(UInt32(x)) << 32 | UInt64(UInt32(y))
        }
        for u in 0..<g.nodeCount {
            for k in g.outRange(u) {
                let v = Int(g.outNeighbours[k])
                if !directed && v < u { continue }
                if v == u { loops.append(.init(u, v, weight: g.outWeights?[k])); continue }
                from.append(Int32(u)); to.append(Int32(v)); weight.append(g.outWeights?[k] ?? 1)
                present.insert(key(Int32(u), Int32(v)))
            }
        }
        let m = from.count
        if m >= 2 {
            let wanted = swapsPerTie * m
            var done = 0, tries = 0
            while done < wanted && tries < 100 * wanted {
                tries += 1
                let i = rng.nextInt(below: m), j = rng.nextInt(below: m)
                if i == j { continue }
                let a = from[i], b = to[i]
                var c = from[j], d = to[j]
                if !directed && rng.nextInt(below: 2) == 1 { swap(&c, &d) }
                if a == d || c == b || a == c || b == d { continue }
                let ad = key(a, d), cb = key(c, b)
                if present.contains(ad) || present.contains(cb) { continue }
                present.remove(key(a, b)); present.remove(key(from[j], to[j]))
                present.insert(ad); present.insert(cb)
                from[i] = a; to[i] = d
                from[j] = c; to[j] = b
                done += 1
            }
        }
        var edges = loops
        edges.reserveCapacity(m + loops.count)
        for e in 0..<m { edges.append(.init(Int(from[e]), Int(to[e]), weight: g.isWeighted ? weight[e] : nil)) }
        return CompactGraph(nodeCount: g.nodeCount, directed: directed, edges: edges, weightMeaning: g.weightMeaning)
    }

    /// A figure of the graph against the same figure on `samples` rewired graphs. Sample `i`
    /// is rewired with `SeededGenerator(seed: seed, stream: i)`, so the result depends on the
    /// seed alone, never on the number of threads. Progress goes to `AlgorithmProgress.current`.
    ///
    /// - Returns: one comparison per figure (nil where the figure is undefined on the graph or
    ///   on every sample).
    public static func compare(_ g: CompactGraph, samples: Int, seed: UInt64, maxThreads: Int = 0,
                               figures: @escaping @Sendable (CompactGraph) -> [Double?]) throws -> [NullComparison?] {
        guard samples >= 1 else {
            throw AlgorithmError.invalidParameter(name: "samples", reason: "must be at least 1, got \(samples)")
        }
        // The measures inside report their own totals; the line shows the networks done.
        let (observed, values) = AlgorithmProgress.outer(total: samples) {
            (figures(g), parallelMap(samples, maxThreads: maxThreads, work: 20 * (g.nodeCount + g.outNeighbours.count),
                                     finished: AlgorithmProgress.reporter(of: samples)) { i -> [Double?] in
                var rng = SeededGenerator(seed: seed, stream: UInt64(i))
                return figures(rewired(g, rng: &rng))
            })
        }
        let width = observed.count
        return (0..<width).map { k in
            observed[k].flatMap { NullComparison(observed: $0, null: values.map { $0.flatMap { k < $0.count ? $0[k] : nil } }) }
        }
    }
}
