import Testing
import PartnerGraphAlgorithms

/// Small graphs embedded for the degree / spectral / structural-hole / brokerage tests, and a
/// tolerance helper. Node indices equal NetworkX's node order for every graph.
enum IterTestGraphs {
    /// `nx.karate_club_graph()` (34 nodes, 78 edges) with its `"weight"` attribute.
    static let karateEdges: [(Int, Int, Double)] = [
        (0, 1, 4.0), (0, 2, 5.0), (0, 3, 3.0), (0, 4, 3.0), (0, 5, 3.0), (0, 6, 3.0), (0, 7, 2.0), (0, 8, 2.0),
        (0, 10, 2.0), (0, 11, 3.0), (0, 12, 1.0), (0, 13, 3.0), (0, 17, 2.0), (0, 19, 2.0), (0, 21, 2.0), (0, 31, 2.0),
        (1, 2, 6.0), (1, 3, 3.0), (1, 7, 4.0), (1, 13, 5.0), (1, 17, 1.0), (1, 19, 2.0), (1, 21, 2.0), (1, 30, 2.0),
        (2, 3, 3.0), (2, 7, 4.0), (2, 8, 5.0), (2, 9, 1.0), (2, 13, 3.0), (2, 27, 2.0), (2, 28, 2.0), (2, 32, 2.0),
        (3, 7, 3.0), (3, 12, 3.0), (3, 13, 3.0), (4, 6, 2.0), (4, 10, 3.0), (5, 6, 5.0), (5, 10, 3.0), (5, 16, 3.0),
        (6, 16, 3.0), (8, 30, 3.0), (8, 32, 3.0), (8, 33, 4.0), (9, 33, 2.0), (13, 33, 3.0), (14, 32, 3.0), (14, 33, 2.0),
        (15, 32, 3.0), (15, 33, 4.0), (18, 32, 1.0), (18, 33, 2.0), (19, 33, 1.0), (20, 32, 3.0), (20, 33, 1.0), (22, 32, 2.0),
        (22, 33, 3.0), (23, 25, 5.0), (23, 27, 4.0), (23, 29, 3.0), (23, 32, 5.0), (23, 33, 4.0), (24, 25, 2.0), (24, 27, 3.0),
        (24, 31, 2.0), (25, 31, 7.0), (26, 29, 4.0), (26, 33, 2.0), (27, 33, 4.0), (28, 31, 2.0), (28, 33, 2.0), (29, 32, 4.0),
        (29, 33, 2.0), (30, 32, 3.0), (30, 33, 3.0), (31, 32, 4.0), (31, 33, 4.0), (32, 33, 5.0),
    ]

    /// `nx.gnp_random_graph(30, 0.1, seed=3, directed=True)` (30 nodes, 93 arcs).
    static let gnpEdges: [(Int, Int)] = [
        (0, 6), (0, 7), (0, 22), (0, 26), (1, 9), (2, 8), (2, 11), (2, 18),
        (2, 20), (2, 28), (3, 0), (3, 6), (3, 27), (4, 0), (4, 3), (4, 11),
        (4, 12), (4, 26), (6, 11), (6, 26), (7, 0), (7, 8), (8, 1), (8, 4),
        (8, 12), (8, 13), (8, 16), (8, 19), (9, 3), (9, 22), (10, 13), (10, 16),
        (10, 17), (10, 18), (10, 21), (11, 0), (11, 7), (11, 22), (12, 6), (12, 28),
        (14, 9), (14, 10), (14, 17), (15, 2), (16, 10), (16, 20), (17, 3), (17, 23),
        (18, 8), (18, 16), (18, 27), (19, 0), (19, 21), (19, 22), (20, 12), (20, 23),
        (20, 27), (20, 28), (21, 2), (21, 5), (21, 8), (21, 14), (21, 27), (22, 1),
        (22, 2), (22, 3), (22, 5), (22, 6), (22, 15), (22, 19), (23, 18), (23, 22),
        (24, 4), (24, 10), (24, 13), (24, 17), (25, 0), (25, 3), (25, 7), (25, 27),
        (26, 0), (26, 11), (27, 4), (27, 9), (27, 20), (28, 13), (28, 18), (28, 25),
        (28, 27), (29, 1), (29, 3), (29, 9), (29, 24),
    ]

    /// `nx.florentine_families_graph()` relabelled by `nx.convert_node_labels_to_integers`
    /// (15 nodes, 20 edges): 0 Acciaiuoli, 1 Medici, 2 Castellani, 3 Peruzzi, 4 Strozzi, 5 Barbadori, 6 Ridolfi, 7 Tornabuoni, 8 Albizzi, 9 Salviati, 10 Pazzi, 11 Bischeri, 12 Guadagni, 13 Ginori, 14 Lamberteschi.
    static let florentineEdges: [(Int, Int)] = [
        (0, 1), (1, 5), (1, 6), (1, 7), (1, 8), (1, 9), (2, 3), (2, 4),
        (2, 5), (3, 4), (3, 11), (4, 6), (4, 11), (6, 7), (7, 12), (8, 13),
        (8, 12), (9, 10), (11, 12), (12, 14),
    ]

    /// Undirected, 9 nodes: triangle 0-1-2, pendant 3 (self-loop), pair 4-5 (self-loop at 5),
    /// isolate 6, node 7 with only a self-loop of weight 1, node 8 with only a self-loop of weight 3.
    static let isolatesEdges: [(Int, Int, Double)] = [
        (0, 1, 2.0), (0, 2, 3.0), (1, 2, 1.0), (2, 3, 0.5), (3, 3, 2.0), (4, 5, 1.5), (5, 5, 1.0), (7, 7, 1.0),
        (8, 8, 3.0),
    ]

    /// Directed, 8 nodes: 0⇄1 (weights 2 and 1), 1→2, 2→0, 2→3, self-loop 3→3, 4→5, isolate 6,
    /// node 7 with only a self-loop.
    static let isolatesDirectedEdges: [(Int, Int, Double)] = [
        (0, 1, 2.0), (1, 0, 1.0), (1, 2, 1.0), (2, 0, 3.0), (2, 3, 0.5), (3, 3, 2.0), (4, 5, 1.5), (7, 7, 1.0),
    ]

    static func karate(weighted: Bool) -> CompactGraph {
        build(34, directed: false, karateEdges, weighted: weighted)
    }
    static func gnp() -> CompactGraph {
        CompactGraph(nodeCount: 30, directed: true, edges: gnpEdges.map { .init($0.0, $0.1) })
    }
    static func florentine() -> CompactGraph {
        CompactGraph(nodeCount: 15, directed: false, edges: florentineEdges.map { .init($0.0, $0.1) })
    }
    static func isolates(weighted: Bool) -> CompactGraph {
        build(9, directed: false, isolatesEdges, weighted: weighted)
    }
    static func isolatesDirected(weighted: Bool) -> CompactGraph {
        build(8, directed: true, isolatesDirectedEdges, weighted: weighted)
    }
    static func build(_ n: Int, directed: Bool, _ edges: [(Int, Int, Double)], weighted: Bool) -> CompactGraph {
        CompactGraph(
            nodeCount: n, directed: directed,
            edges: edges.map { .init($0.0, $0.1, weight: weighted ? $0.2 : nil) })
    }
    static func graph(_ n: Int, directed: Bool, _ edges: [(Int, Int)]) -> CompactGraph {
        CompactGraph(nodeCount: n, directed: directed, edges: edges.map { .init($0.0, $0.1) })
    }

    /// Expects `actual` to match `expected` entry by entry: `|a − b| ≤ max(rel·|b|, abs)` (NaN
    /// matches NaN). `abs` defaults to `rel` times 1e-9 of the largest expected magnitude, for
    /// entries that are zero in theory. Prints and returns the largest relative difference among
    /// entries above that floor.
    @discardableResult
    static func expectClose(
        _ actual: [Double], _ expected: [Double], rel: Double, abs absolute: Double? = nil, _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Double {
        #expect(actual.count == expected.count, "\(label): count", sourceLocation: sourceLocation)
        guard actual.count == expected.count else { return .infinity }
        let scale = expected.reduce(0.0) { $1.isNaN ? $0 : max($0, Swift.abs($1)) }
        let floor = 1e-9 * scale
        let absTol = absolute ?? rel * floor
        var worst = 0.0, worstTiny = 0.0
        for i in 0..<expected.count {
            let a = actual[i], b = expected[i]
            if b.isNaN {
                #expect(a.isNaN, "\(label)[\(i)]: expected NaN, got \(a)", sourceLocation: sourceLocation)
                continue
            }
            let diff = Swift.abs(a - b)
            #expect(diff <= max(rel * Swift.abs(b), absTol), "\(label)[\(i)]: \(a) vs \(b)", sourceLocation: sourceLocation)
            if Swift.abs(b) > floor { worst = max(worst, diff / Swift.abs(b)) } else { worstTiny = max(worstTiny, diff) }
        }
        print("[iter-verify] \(label): max relative difference \(worst)"
              + (worstTiny > 0 ? ", max absolute difference on near-zero entries \(worstTiny)" : ""))
        return worst
    }
}
