import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphAlgorithms

/// A fixture written by scripts/make_core_periphery_fixtures.py (format in its docstring): the
/// discrete model's best partitions by exhaustive search over all 2^n partitions (numpy's
/// correlation), the continuous model by scipy's least squares.
struct CorePeripheryFixture: FixtureFamily {
    struct Discrete: Decodable {
        var fit: Double
        var cores: [[String]]
        var partitions: Int
    }
    struct Continuous: Decodable {
        var coreness: [String: Double]
        var fit: Double
        var cost: Double
    }
    struct Fit: Decodable {
        var core: [String]
        var fit: Double?
    }
    var name: String
    var nodes: [String]
    var edges: [[String]]
    var discrete: Discrete
    var continuous: Continuous
    var fits: [Fit]

    static let folder = "core-periphery"

    var graph: CompactGraph {
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        return CompactGraph(nodeCount: nodes.count, directed: true, edges: edges.map { .init(index[$0[0]]!, index[$0[1]]!) })
    }

    func mask(_ core: [String]) -> [Bool] { nodes.map { core.contains($0) } }
}

@Suite struct CorePeripheryTests {
    @Test func theFixturesAreThere() {
        #expect(CorePeripheryFixture.names() == ["florentine-families", "nordic-innovation-procurement", "planted-core-16"])
    }

    @Test(arguments: CorePeripheryFixture.names()) func fitsOfFixedPartitionsEqualNumpy(name: String) throws {
        let f = try CorePeripheryFixture.load(name)
        let cp = CorePeriphery(f.graph)
        for p in f.fits {
            let got = cp.fit(core: f.mask(p.core))
            switch (got, p.fit) {
            case (nil, nil): break
            case let (g?, w?): #expect(close(g, w, 1e-12), "\(name) \(p.core): \(g), expected \(w)")
            default: Issue.record("\(name) \(p.core): \(String(describing: got)), expected \(String(describing: p.fit))")
            }
        }
    }

    /// The local search from twenty seeded starts finds a best partition of the exhaustive search.
    @Test(arguments: CorePeripheryFixture.names()) func discreteFindsTheExhaustiveOptimum(name: String) throws {
        let f = try CorePeripheryFixture.load(name)
        let cp = CorePeriphery(f.graph)
        let p = try cp.discrete(starts: 20, seed: 0)
        #expect(close(p.fit, f.discrete.fit, 1e-12), "\(name): fit \(p.fit), optimum \(f.discrete.fit)")
        let core = f.nodes.indices.filter { p.core[$0] }.map { f.nodes[$0] }
        #expect(f.discrete.cores.contains(core), "\(name): core \(core), optimal \(f.discrete.cores)")
        #expect(p.startsReachingBest >= 1)
    }

    @Test(arguments: CorePeripheryFixture.names()) func continuousEqualsLeastSquares(name: String) throws {
        let f = try CorePeripheryFixture.load(name)
        let cp = CorePeriphery(f.graph)
        let r = try cp.continuous()
        for (i, id) in f.nodes.enumerated() {
            let want = try #require(f.continuous.coreness[id])
            #expect(abs(r.coreness[i] - want) <= 1e-10, "\(name) \(id): \(r.coreness[i]), scipy \(want)")
        }
        #expect(close(try #require(r.fit), f.continuous.fit, 1e-10), "\(name): fit")
    }

    /// On a star the least-squares sum falls towards 0 as the hub's coreness grows (hub t,
    /// leaves 1/t): there is no best vector, and the search says so instead of returning one.
    @Test func aStarHasNoContinuousBestFit() throws {
        let star = CompactGraph(nodeCount: 6, directed: false, edges: (1..<6).map { .init(0, $0) })
        #expect(throws: AlgorithmError.self) { try CorePeriphery(star).continuous() }
        let p = try CorePeriphery(star).discrete()
        #expect(p.fit == 1 && p.core.filter { $0 }.count == 2 && p.core[0])
    }

    @Test func tooSmallOrEmptyNetworksAreRefused() {
        let three = CompactGraph(nodeCount: 3, directed: false, edges: [.init(0, 1)])
        #expect(throws: AlgorithmError.self) { try CorePeriphery(three).discrete() }
        let empty = CompactGraph(nodeCount: 5, directed: false, edges: [])
        #expect(throws: AlgorithmError.self) { try CorePeriphery(empty).discrete() }
        #expect(throws: AlgorithmError.self) { try CorePeriphery(empty).continuous() }
    }
}
