import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphAlgorithms

/// A fixture written by scripts/make_link_prediction_fixtures.py (format in its docstring):
/// NetworkX 3.6.1's scores of every non-edge, and the script's rankings of them.
struct LinkPredictionFixture: FixtureFamily {
    var name: String
    var nodes: [String]
    var edges: [[String]]
    var pairs: [[String]]
    var scores: [String: [Double]]
    var top: [String: [[JSONValue]]]
    var from: [String: JSONValue]

    static let folder = "link-prediction"

    var index: [String: Int] { Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) }) }

    /// The edges as given (some fixtures list directed, repeated ties and a self-loop).
    var graph: CompactGraph {
        let index = self.index
        return CompactGraph(nodeCount: nodes.count, directed: true,
                            edges: edges.map { CompactGraph.InputEdge(index[$0[0]]!, index[$0[1]]!) })
    }

    /// The fixture's method name as a method and α.
    static func method(_ name: String) -> (LinkPredictionMethod, Double) {
        name == "ccpa-0.8" ? (.commonNeighbours, 0.8) : (LinkPredictionMethod(rawValue: name)!, 1)
    }

    func ranking(_ rows: [[JSONValue]]) -> [ScoredPair] {
        let index = self.index
        return rows.map { ScoredPair(u: index[$0[0].string!]!, v: index[$0[1].string!]!, score: $0[2].number!) }
    }
}

private func sameRanking(_ got: [ScoredPair], _ want: [ScoredPair], _ what: String,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(got.count == want.count, "\(what): \(got.count) pairs, expected \(want.count)", sourceLocation: sourceLocation)
    for (g, w) in zip(got, want) {
        #expect(g.u == w.u && g.v == w.v && close(g.score, w.score, 1e-12),
                "\(what): \(g), expected \(w)", sourceLocation: sourceLocation)
    }
}

@Suite struct LinkPredictionTests {
    @Test(arguments: LinkPredictionFixture.names()) func everyPairScoresAsNetworkX(name: String) throws {
        let f = try LinkPredictionFixture.load(name)
        let index = f.index
        let pairs = f.pairs.map { (index[$0[0]]!, index[$0[1]]!) }
        for (methodName, expected) in f.scores {
            let (method, alpha) = LinkPredictionFixture.method(methodName)
            let predictor = try LinkPredictor(f.graph, alpha: alpha)
            for (u, v) in pairs {
                #expect(!predictor.areTied(u, v))
            }
            let got = predictor.scores(method, pairs)
            var wrong = 0
            for (k, value) in got.enumerated() where !close(value, expected[k], 1e-12) {
                wrong += 1
                if wrong <= 3 { Issue.record("\(name) \(methodName) \(f.pairs[k]): \(value), NetworkX \(expected[k])") }
            }
            #expect(wrong == 0, "\(name) \(methodName): \(wrong) of \(pairs.count) pairs differ")
        }
    }

    @Test(arguments: LinkPredictionFixture.names()) func rankingsMatchTheScript(name: String) throws {
        let f = try LinkPredictionFixture.load(name)
        let node = f.index[f.from["node"]!.string!]!
        for (methodName, rows) in f.top {
            let (method, alpha) = LinkPredictionFixture.method(methodName)
            let predictor = try LinkPredictor(f.graph, alpha: alpha)
            sameRanking(predictor.rank(method, top: 10).pairs, f.ranking(rows), "\(name) \(methodName) top 10")
            let fromRows = f.from[methodName]!.list!.map { $0.list! }
            sameRanking(predictor.rank(method, from: node, top: 5).pairs, f.ranking(fromRows), "\(name) \(methodName) from \(node)")
        }
    }

    /// Every candidate counted once: with no limit, the number of pairs ranked equals the
    /// non-edges NetworkX scores above 0.
    @Test(arguments: LinkPredictionFixture.names()) func unlimitedRankingHoldsEveryPositivePair(name: String) throws {
        let f = try LinkPredictionFixture.load(name)
        for (methodName, expected) in f.scores {
            let (method, alpha) = LinkPredictionFixture.method(methodName)
            let r = try LinkPredictor(f.graph, alpha: alpha).rank(method)
            #expect(r.pairs.count == expected.filter { $0 > 0 }.count, "\(name) \(methodName)")
            if let c = r.candidates { #expect(c == r.pairs.count) }
        }
    }

    /// Every node's list at once equals the ranking from that node.
    @Test(arguments: LinkPredictionFixture.names()) func rankEachEqualsRankFromEachNode(name: String) throws {
        let f = try LinkPredictionFixture.load(name)
        for method in [LinkPredictionMethod.adamicAdar, .jaccard, .resourceAllocation, .commonNeighbours] {
            let predictor = try LinkPredictor(f.graph)
            let each = predictor.rankEach(method, top: 3)
            for u in f.nodes.indices {
                #expect(each[u] == predictor.rank(method, from: u, top: 3).pairs, "\(name) \(method) \(u)")
            }
        }
    }

    @Test func theFixturesAreThere() {
        #expect(LinkPredictionFixture.names() == ["gnp-directed-40", "karate-club", "les-miserables", "nordic-innovation-procurement"])
    }

    @Test func alphaOutsideZeroToOneIsRefused() {
        let g = CompactGraph(nodeCount: 3, directed: false, edges: [.init(0, 1), .init(1, 2)])
        #expect(throws: AlgorithmError.self) { try LinkPredictor(g, alpha: 1.5) }
        #expect(throws: AlgorithmError.self) { try LinkPredictor(g, alpha: -0.1) }
    }
}
