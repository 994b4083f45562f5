import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphAlgorithms

/// A fixture written by scripts/make_keyplayer_fixtures.py (format in its docstring): Borgatti's
/// measures from the paper's definitions with NetworkX's distances, and the best set of every
/// size found by scoring every set.
struct KeyPlayerFixture: FixtureFamily {
    struct Optimum: Decodable {
        var score: Double
        var sets: [[String]]
    }
    var name: String
    var nodes: [String]
    var edges: [[String]]
    var optimum: [String: [String: Optimum]]
    var sets: [[String: JSONValue]]

    static let folder = "keyplayers"

    var index: [String: Int] { Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) }) }

    var graph: CompactGraph {
        let index = self.index
        return CompactGraph(nodeCount: nodes.count, directed: true, edges: edges.map { .init(index[$0[0]]!, index[$0[1]]!) })
    }

    static func objective(_ name: String) -> KeyPlayerObjective {
        switch name {
        case "fragmentation": return .fragmentation
        case "distance-fragmentation": return .distanceFragmentation
        case "reach-1": return .reach(maxHops: 1)
        case "reach-2": return .reach(maxHops: 2)
        default: return .distanceReach
        }
    }
}

@Suite struct KeyPlayerTests {
    @Test func theFixturesAreThere() {
        #expect(KeyPlayerFixture.names() == ["florentine-families", "gnp-22", "karate-club", "nordic-innovation-procurement"])
    }

    /// The measures of fixed sets of one to four nodes equal the script's.
    @Test(arguments: KeyPlayerFixture.names()) func scoresOfFixedSetsEqualTheDefinitions(name: String) throws {
        let f = try KeyPlayerFixture.load(name)
        let kp = KeyPlayers(f.graph)
        let index = f.index
        for entry in f.sets {
            let members = try #require(entry["members"]?.list).map { index[$0.string!]! }
            for (objective, value) in entry where objective != "members" {
                let got = try kp.score(KeyPlayerFixture.objective(objective), of: members)
                let want = try #require(value.number)
                #expect(close(got, want, 1e-12), "\(name) \(objective) \(members): \(got), expected \(want)")
            }
        }
    }

    /// Borgatti's swap search, from ten seeded starts, finds a best set of every size the
    /// script searched exhaustively; the set's score and each member's part are consistent.
    @Test(arguments: KeyPlayerFixture.names()) func searchFindsTheExhaustiveOptimum(name: String) throws {
        let f = try KeyPlayerFixture.load(name)
        let kp = KeyPlayers(f.graph)
        for (objective, byK) in f.optimum {
            for (kText, best) in byK {
                let k = Int(kText)!
                let o = KeyPlayerFixture.objective(objective)
                let found = try kp.search(o, k: k, starts: 10, seed: 1)
                #expect(close(found.score, best.score, 1e-12), "\(name) \(objective) k=\(k): \(found.score), optimum \(best.score)")
                let ids = found.members.map { f.nodes[$0] }
                #expect(best.sets.contains(ids), "\(name) \(objective) k=\(k): \(ids) is not among the optimal sets")
                #expect(found.startsReachingBest >= 1 && found.startsReachingBest <= 10)
                for (i, u) in found.members.enumerated() {
                    #expect(close(found.alone[i], try kp.score(o, of: [u]), 1e-12))
                }
                if o.removesSet { #expect(found.baseline != nil) } else { #expect(found.baseline == nil) }
            }
        }
    }

    @Test func sameSeedSameSetOnAnyNumberOfThreads() throws {
        let f = try KeyPlayerFixture.load("karate-club")
        let kp = KeyPlayers(f.graph)
        let one = try kp.search(.distanceFragmentation, k: 3, starts: 4, seed: 9, maxThreads: 1)
        let two = try kp.search(.distanceFragmentation, k: 3, starts: 4, seed: 9, maxThreads: 2)
        #expect(one == two)
    }

    @Test func impossibleSizesAreRefused() throws {
        let g = CompactGraph(nodeCount: 4, directed: false, edges: [.init(0, 1), .init(1, 2), .init(2, 3)])
        let kp = KeyPlayers(g)
        #expect(throws: AlgorithmError.self) { try kp.search(.fragmentation, k: 3) }
        #expect(throws: AlgorithmError.self) { try kp.search(.distanceReach, k: 4) }
        #expect(throws: AlgorithmError.self) { try kp.search(.distanceReach, k: 0) }
        #expect(throws: AlgorithmError.self) { try kp.search(.reach(maxHops: 0), k: 1) }
        #expect(throws: AlgorithmError.self) { try kp.search(.fragmentation, k: 1, starts: 0) }
    }
}
