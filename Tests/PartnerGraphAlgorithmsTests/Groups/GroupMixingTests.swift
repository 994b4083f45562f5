import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphAlgorithms

/// A fixture written by scripts/make_group_fixtures.py (format in its docstring): values from
/// NetworkX 3.6.1 and from the script's own brute force.
struct GroupFixture: FixtureFamily {
    struct Summary: Decodable {
        var observed: Double
        var mean: Double
        var sd: Double
        var samples: Int
        var pGreater: Double
        var pLess: Double
        var pTwoSided: Double
    }
    struct Permutation: Decodable {
        var count: Int
        var ei: Summary
        var assortativity: Summary
    }
    struct EI: Decodable {
        var network: Double?
        var groups: [String: Double?]
        var nodes: [String: Double?]
    }
    struct Centrality: Decodable {
        var degree: Double
        var closeness: Double
        var closenessWeighted: Double?
        var betweenness: Double
        var betweennessRaw: Double
        var betweennessWeighted: Double?
        var networkxBetweenness: Double?
    }

    var name: String
    var directed: Bool
    var nodes: [String]
    var edges: [[JSONValue]]
    var group: [String: String?]
    var number: [String: Double?]
    var mixing: [[JSONValue]]
    var ties: [[JSONValue]]
    var density: [[JSONValue]]
    var ei: EI
    var assortativity: Double?
    var numericAssortativity: Double?
    var groupCentrality: [String: Centrality]
    var permutation: Permutation?

    static let folder = "groups"

    /// Group names in the script's order: no value ("") first, then sorted.
    var groupNames: [String] { Array(Set(nodes.map { group[$0]! ?? "" })).sorted() }

    /// The group number of each node.
    var groups: [Int] {
        let index = Dictionary(uniqueKeysWithValues: groupNames.enumerated().map { ($1, $0) })
        return nodes.map { index[group[$0]! ?? ""]! }
    }

    /// The graph; weights (when `weighted`) read as `meaning`: the script adds them up as tie
    /// strengths and uses them as lengths in closeness and betweenness.
    func graph(weighted: Bool, meaning: CompactGraph.WeightMeaning = .distance) -> CompactGraph {
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        let input = edges.map { e in
            CompactGraph.InputEdge(index[e[0].string!]!, index[e[1].string!]!, weight: weighted ? e[2].number : nil)
        }
        return CompactGraph(nodeCount: nodes.count, directed: directed, edges: input, weightMeaning: meaning)
    }

    var isWeighted: Bool { edges.contains { $0[2].number != nil } }

    /// The group index of a fixture group name (null → "").
    func groupIndex(_ value: JSONValue) -> Int { groupNames.firstIndex(of: value.string ?? "")! }
}

private func expectClose(_ actual: Double?, _ expected: Double?, _ what: String, tolerance: Double = 1e-9,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    switch (actual, expected) {
    case (nil, nil): return
    case let (a?, e?):
        #expect(close(a, e, tolerance), "\(what): \(a), expected \(e)", sourceLocation: sourceLocation)
    default:
        Issue.record("\(what): \(String(describing: actual)), expected \(String(describing: expected))", sourceLocation: sourceLocation)
    }
}

@Suite struct GroupMixingTests {
    @Test(arguments: GroupFixture.names()) func mixingEIAndAssortativityEqualTheReferences(name: String) throws {
        let f = try GroupFixture.load(name)
        let g = f.graph(weighted: f.isWeighted, meaning: .strength)
        let k = f.groupNames.count
        let m = try GroupMixing(g, groups: f.groups, groupCount: k)
        // NetworkX's attribute_mixing_dict.
        var pairs = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for row in f.mixing { pairs[f.groupIndex(row[0])][f.groupIndex(row[1])] = Int(row[2].number!) }
        #expect(m.pairs == pairs, "\(name): mixing counts")
        // Ties, weights and densities from the script's brute force.
        for row in f.ties {
            let a = f.groupIndex(row[0]), b = f.groupIndex(row[1])
            #expect(m.ties[a][b] == Int(row[2].number!), "\(name): ties \(a)–\(b)")
            expectClose(m.weights[a][b], f.isWeighted ? row[3].number! : Double(m.ties[a][b]), "\(name): weights \(a)–\(b)")
            if !f.directed { #expect(m.ties[b][a] == m.ties[a][b]) }
        }
        for row in f.density {
            expectClose(m.density(f.groupIndex(row[0]), f.groupIndex(row[1])), row[2].number, "\(name): density")
        }
        expectClose(m.ei, f.ei.network, "\(name): E-I")
        for (i, value) in m.groupEI.enumerated() {
            expectClose(value, f.ei.groups[f.groupNames[i]]!, "\(name): E-I of \(f.groupNames[i])")
        }
        for (i, value) in m.nodeEI.enumerated() {
            expectClose(value, f.ei.nodes[f.nodes[i]]!, "\(name): E-I of node \(f.nodes[i])")
        }
        expectClose(m.assortativity, f.assortativity, "\(name): attribute assortativity")
        let values = f.nodes.map { f.number[$0]! }
        if values.contains(where: { $0 != nil }) {
            expectClose(try numericAssortativity(g, values: values), f.numericAssortativity, "\(name): numeric assortativity")
        }
    }

    @Test(arguments: GroupFixture.names()) func groupCentralityEqualsTheReferences(name: String) throws {
        let f = try GroupFixture.load(name)
        let g = f.graph(weighted: f.isWeighted)
        let groups = f.groups
        for (i, groupName) in f.groupNames.enumerated() {
            let members = groups.indices.filter { groups[$0] == i }
            let want = f.groupCentrality[groupName]!
            expectClose(try groupDegreeCentrality(g, members: members), want.degree, "\(name) \(groupName): degree")
            expectClose(try groupClosenessCentrality(g, members: members, weighted: false), want.closeness, "\(name) \(groupName): closeness")
            expectClose(try groupBetweennessCentrality(g, members: members, weighted: false), want.betweenness,
                        "\(name) \(groupName): betweenness")
            expectClose(try groupBetweennessCentrality(g, members: members, weighted: false, normalized: false),
                        want.betweennessRaw, "\(name) \(groupName): raw betweenness")
            if let w = want.closenessWeighted {
                expectClose(try groupClosenessCentrality(g, members: members, weighted: true), w, "\(name) \(groupName): weighted closeness")
            }
            if let w = want.betweennessWeighted {
                expectClose(try groupBetweennessCentrality(g, members: members, weighted: true), w,
                            "\(name) \(groupName): weighted betweenness")
            }
            // Where NetworkX 3.6.1 is right (groups of one or two nodes), ours equals it too.
            if let theirs = want.networkxBetweenness, members.count <= 2 {
                expectClose(try groupBetweennessCentrality(g, members: members, weighted: false), theirs, "\(name) \(groupName): NetworkX")
            }
        }
    }

    /// Against the exact permutation distribution (every distinct assignment enumerated by the
    /// script): 20,000 random permutations must agree within sampling error (four standard
    /// errors of a proportion or a mean).
    @Test func permutationTestAgreesWithTheExactDistribution() throws {
        let f = try GroupFixture.load("two-components")
        let exact = try #require(f.permutation)
        let g = f.graph(weighted: false)
        let n = 20_000
        let r = try groupPermutationTest(g, groups: f.groups, groupCount: f.groupNames.count, permutations: n, seed: 7)
        for (ours, want) in [(try #require(r.ei), exact.ei), (try #require(r.assortativity), exact.assortativity)] {
            expectClose(ours.observed, want.observed, "observed")
            #expect(ours.samples == n)
            #expect(abs(ours.mean - want.mean) <= 4 * want.sd / Double(n).squareRoot(), "mean \(ours.mean) vs \(want.mean)")
            #expect(abs(ours.standardDeviation - want.sd) <= 0.02 * want.sd, "sd \(ours.standardDeviation) vs \(want.sd)")
            for (p, q) in [(ours.pGreater, want.pGreater), (ours.pLess, want.pLess), (ours.pTwoSided, want.pTwoSided)] {
                #expect(abs(p - q) <= 4 * (q * (1 - q) / Double(n)).squareRoot() + 1e-9, "p \(p) vs \(q)")
            }
        }
    }

    @Test func permutationTestIsReproducibleAndIndependentOfThreads() throws {
        let f = try GroupFixture.load("karate-club")
        let g = f.graph(weighted: false)
        let one = try groupPermutationTest(g, groups: f.groups, groupCount: 2, permutations: 500, seed: 3, maxThreads: 1)
        let two = try groupPermutationTest(g, groups: f.groups, groupCount: 2, permutations: 500, seed: 3, maxThreads: 2)
        #expect(one.ei == two.ei)
        #expect(one.assortativity == two.assortativity)
        let other = try groupPermutationTest(g, groups: f.groups, groupCount: 2, permutations: 500, seed: 4, maxThreads: 1)
        #expect(other.ei != one.ei)
    }

    @Test func badGroupsAreRejected() throws {
        let g = CompactGraph(nodeCount: 3, directed: false, edges: [.init(0, 1), .init(1, 2)])
        #expect(throws: AlgorithmError.self) { try GroupMixing(g, groups: [0, 1], groupCount: 2) }
        #expect(throws: AlgorithmError.self) { try GroupMixing(g, groups: [0, 1, 2], groupCount: 2) }
        #expect(throws: AlgorithmError.self) { try groupDegreeCentrality(g, members: [5]) }
        #expect(throws: AlgorithmError.self) {
            try groupPermutationTest(g, groups: [0, 1, 0], groupCount: 2, permutations: 0, seed: 1)
        }
        // A group holding every node: degree undefined (NetworkX divides by zero).
        #expect(try groupDegreeCentrality(g, members: [0, 1, 2]) == nil)
    }
}
