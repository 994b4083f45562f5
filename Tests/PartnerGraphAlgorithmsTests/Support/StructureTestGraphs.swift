// Test graphs for the structural measures, embedded so tests read no files.
// Generated from NetworkX 3.6.1; node i is the i-th node of list(G) (names in comments).

import PartnerGraphAlgorithms
import Testing

enum StructureTestGraphs {
    /// nx.karate_club_graph()
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
    static var karate: CompactGraph {
        CompactGraph(nodeCount: 34, directed: false,
                     edges: karateEdges.map { e in CompactGraph.InputEdge(e.0, e.1, weight: e.2) })
    }

    /// nx.florentine_families_graph()
    /// Nodes: 0=Acciaiuoli, 1=Medici, 2=Castellani, 3=Peruzzi, 4=Strozzi, 5=Barbadori, 6=Ridolfi, 7=Tornabuoni, 8=Albizzi, 9=Salviati, 10=Pazzi, 11=Bischeri, 12=Guadagni, 13=Ginori, 14=Lamberteschi
    static let florentineEdges: [(Int, Int)] = [
        (0, 1), (1, 5), (1, 6), (1, 7), (1, 8), (1, 9), (2, 3), (2, 4),
        (2, 5), (3, 4), (3, 11), (4, 6), (4, 11), (6, 7), (7, 12), (8, 13),
        (8, 12), (9, 10), (11, 12), (12, 14),
    ]
    static var florentine: CompactGraph {
        CompactGraph(nodeCount: 15, directed: false,
                     edges: florentineEdges.map { e in CompactGraph.InputEdge(e.0, e.1, weight: nil) })
    }

    /// nx.davis_southern_women_graph()
    /// Nodes: 0=Evelyn Jefferson, 1=Laura Mandeville, 2=Theresa Anderson, 3=Brenda Rogers, 4=Charlotte McDowd, 5=Frances Anderson, 6=Eleanor Nye, 7=Pearl Oglethorpe, 8=Ruth DeSand, 9=Verne Sanderson, 10=Myra Liddel, 11=Katherina Rogers, 12=Sylvia Avondale, 13=Nora Fayette, 14=Helen Lloyd, 15=Dorothy Murchison, 16=Olivia Carleton, 17=Flora Price, 18=E1, 19=E2, 20=E3, 21=E4, 22=E5, 23=E6, 24=E7, 25=E8, 26=E9, 27=E10, 28=E11, 29=E12, 30=E13, 31=E14
    static let davisEdges: [(Int, Int)] = [
        (0, 18), (0, 19), (0, 20), (0, 21), (0, 22), (0, 23), (0, 25), (0, 26),
        (1, 18), (1, 19), (1, 20), (1, 22), (1, 23), (1, 24), (1, 25), (2, 19),
        (2, 20), (2, 21), (2, 22), (2, 23), (2, 24), (2, 25), (2, 26), (3, 18),
        (3, 20), (3, 21), (3, 22), (3, 23), (3, 24), (3, 25), (4, 20), (4, 21),
        (4, 22), (4, 24), (5, 20), (5, 22), (5, 23), (5, 25), (6, 22), (6, 23),
        (6, 24), (6, 25), (7, 23), (7, 25), (7, 26), (8, 22), (8, 24), (8, 25),
        (8, 26), (9, 24), (9, 25), (9, 26), (9, 29), (10, 25), (10, 26), (10, 27),
        (10, 29), (11, 25), (11, 26), (11, 27), (11, 29), (11, 30), (11, 31), (12, 24),
        (12, 25), (12, 26), (12, 27), (12, 29), (12, 30), (12, 31), (13, 23), (13, 24),
        (13, 26), (13, 27), (13, 28), (13, 29), (13, 30), (13, 31), (14, 24), (14, 25),
        (14, 27), (14, 28), (14, 29), (15, 25), (15, 26), (16, 26), (16, 28), (17, 26),
        (17, 28),
    ]
    static var davis: CompactGraph {
        CompactGraph(nodeCount: 32, directed: false,
                     edges: davisEdges.map { e in CompactGraph.InputEdge(e.0, e.1, weight: nil) })
    }

    /// nx.gnp_random_graph(40, 0.05, seed=3, directed=True)
    static let directedGnpEdges: [(Int, Int)] = [
        (0, 7), (0, 26), (1, 37), (1, 39), (2, 10), (2, 15), (2, 36), (2, 39),
        (3, 10), (3, 25), (4, 29), (5, 9), (5, 16), (5, 39), (6, 2), (6, 10),
        (7, 30), (7, 33), (7, 38), (8, 7), (9, 25), (10, 33), (12, 16), (13, 8),
        (13, 24), (13, 32), (14, 26), (15, 7), (15, 18), (15, 23), (15, 30), (16, 15),
        (16, 17), (16, 20), (16, 30), (17, 23), (18, 7), (18, 11), (18, 27), (20, 12),
        (21, 6), (21, 18), (21, 20), (21, 32), (22, 7), (22, 38), (23, 37), (24, 5),
        (24, 21), (25, 6), (25, 32), (27, 24), (28, 5), (28, 7), (28, 25), (28, 39),
        (29, 38), (31, 29), (33, 24), (33, 35), (34, 14), (34, 23), (34, 27), (35, 11),
        (35, 12), (36, 4), (36, 6), (36, 10), (36, 20), (36, 33), (37, 4), (37, 31),
        (38, 39),
    ]
    static var directedGnp: CompactGraph {
        CompactGraph(nodeCount: 40, directed: true,
                     edges: directedGnpEdges.map { e in CompactGraph.InputEdge(e.0, e.1, weight: nil) })
    }

    /// R = nx.gnp_random_graph(40, 0.05, seed=3, directed=True) with R[u][v]['weight'] = 1 + (7*u + 3*v) % 5
    static let directedGnpWeightedEdges: [(Int, Int, Double)] = [
        (0, 7, 2.0), (0, 26, 4.0), (1, 37, 4.0), (1, 39, 5.0), (2, 10, 5.0), (2, 15, 5.0), (2, 36, 3.0), (2, 39, 2.0),
        (3, 10, 2.0), (3, 25, 2.0), (4, 29, 1.0), (5, 9, 3.0), (5, 16, 4.0), (5, 39, 3.0), (6, 2, 4.0), (6, 10, 3.0),
        (7, 30, 5.0), (7, 33, 4.0), (7, 38, 4.0), (8, 7, 3.0), (9, 25, 4.0), (10, 33, 5.0), (12, 16, 3.0), (13, 8, 1.0),
        (13, 24, 4.0), (13, 32, 3.0), (14, 26, 2.0), (15, 7, 2.0), (15, 18, 5.0), (15, 23, 5.0), (15, 30, 1.0), (16, 15, 3.0),
        (16, 17, 4.0), (16, 20, 3.0), (16, 30, 3.0), (17, 23, 4.0), (18, 7, 3.0), (18, 11, 5.0), (18, 27, 3.0), (20, 12, 2.0),
        (21, 6, 1.0), (21, 18, 2.0), (21, 20, 3.0), (21, 32, 4.0), (22, 7, 1.0), (22, 38, 4.0), (23, 37, 3.0), (24, 5, 4.0),
        (24, 21, 2.0), (25, 6, 4.0), (25, 32, 2.0), (27, 24, 2.0), (28, 5, 2.0), (28, 7, 3.0), (28, 25, 2.0), (28, 39, 4.0),
        (29, 38, 3.0), (31, 29, 5.0), (33, 24, 4.0), (33, 35, 2.0), (34, 14, 1.0), (34, 23, 3.0), (34, 27, 5.0), (35, 11, 4.0),
        (35, 12, 2.0), (36, 4, 5.0), (36, 6, 1.0), (36, 10, 3.0), (36, 20, 3.0), (36, 33, 2.0), (37, 4, 2.0), (37, 31, 3.0),
        (38, 39, 4.0),
    ]
    static var directedGnpWeighted: CompactGraph {
        CompactGraph(nodeCount: 40, directed: true,
                     edges: directedGnpWeightedEdges.map { e in CompactGraph.InputEdge(e.0, e.1, weight: e.2) })
    }

    /// U = nx.disjoint_union_all([nx.complete_graph(2), nx.path_graph(5), nx.complete_graph(5), nx.star_graph(3)]); U.add_nodes_from([16, 17])
    static let disconnectedEdges: [(Int, Int)] = [
        (0, 1), (2, 3), (3, 4), (4, 5), (5, 6), (7, 8), (7, 9), (7, 10),
        (7, 11), (8, 9), (8, 10), (8, 11), (9, 10), (9, 11), (10, 11), (12, 13),
        (12, 14), (12, 15),
    ]
    static var disconnected: CompactGraph {
        CompactGraph(nodeCount: 18, directed: false,
                     edges: disconnectedEdges.map { e in CompactGraph.InputEdge(e.0, e.1, weight: nil) })
    }
}

/// Small hand-made graphs shared by the structural-measure tests.
enum StructureHandGraphs {
    static func undirected(_ n: Int, _ edges: [(Int, Int)]) -> CompactGraph {
        CompactGraph(nodeCount: n, directed: false, edges: edges.map { CompactGraph.InputEdge($0.0, $0.1) })
    }
    static func directed(_ n: Int, _ edges: [(Int, Int)]) -> CompactGraph {
        CompactGraph(nodeCount: n, directed: true, edges: edges.map { CompactGraph.InputEdge($0.0, $0.1) })
    }
    /// 0 – 1 – 2
    static let path3 = undirected(3, [(0, 1), (1, 2)])
    /// Centre 0 with leaves 1...4.
    static let star5 = undirected(5, [(0, 1), (0, 2), (0, 3), (0, 4)])
    /// Triangles {0,1,2} and {3,4,5} joined by the bridge 2 – 3.
    static let twoTriangles = undirected(6, [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
    static let k4 = undirected(4, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)])
    /// 0 → 1 → 2 → 3 → 0
    static let directedCycle4 = directed(4, [(0, 1), (1, 2), (2, 3), (3, 0)])
    /// 0 – 1, 2 – 3 and the isolated node 4.
    static let twoComponents = undirected(5, [(0, 1), (2, 3)])
    static let empty = undirected(0, [])
    static let single = undirected(1, [])
}

/// Expects `actual` and `expected` to agree entry by entry to `tolerance` relative (absolute
/// near zero).
func structureExpectClose(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-12,
                          sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for i in 0..<min(actual.count, expected.count) {
        let scale = max(abs(expected[i]), 1)
        #expect(abs(actual[i] - expected[i]) <= tolerance * scale,
                "node \(i): \(actual[i]) vs \(expected[i])", sourceLocation: sourceLocation)
    }
}
