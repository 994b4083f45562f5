import Foundation
import Testing
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

/// Strongest chains (widest / bottleneck paths) on small networks worked out by hand.

private func widestNetwork(_ ties: [(String, String, Double)], relation: Relation = .partnersWith) -> Network {
    var n = Network()
    for (a, b, _) in ties {
        for id in [a, b] where n.node(NodeID(id)) == nil { n.addNode(Node(id: NodeID(id), kind: .organisation)) }
    }
    for (a, b, w) in ties { n.addEdge(Edge(from: NodeID(a), to: NodeID(b), relation: relation, weight: w)) }
    return n
}

private let widestStrengths = View(weightAttribute: "weight")

@Suite struct WidestPathTests {
    @Test func theWeakestTieDecidesNotTheLength() throws {
        // a-d directly (1); a-c-d (9, 2); a-b-d (5, 5): the weakest ties are 1, 2 and 5.
        let n = widestNetwork([("a", "b", 5), ("b", "d", 5), ("a", "c", 9), ("c", "d", 2), ("a", "d", 1)])
        let f = try PathFinder(network: n, view: widestStrengths)
        let p = try f.strongestPath(from: "a", to: "d")
        #expect(p.nodes == ["a", "b", "d"])
        #expect(p.bottleneck == 5)
        #expect(p.weakestEdge?.edgeIndex == 0)
        // With lengths 1/w, a-b-d is also the shortest: 1/5 + 1/5 against 1 direct, 1/9 + 1/2 via c.
        #expect(try f.shortestPath(from: "a", to: "d").nodes == ["a", "b", "d"])
        // Unweighted, the direct tie is shortest; as strongest every tie counts 1, so fewest hops.
        let plain = try PathFinder(network: n)
        #expect(try plain.strongestPath(from: "a", to: "d").nodes == ["a", "d"])
        #expect(try plain.strongestPath(from: "a", to: "d").bottleneck == 1)
    }

    @Test func equalWeakestTiesGoToTheFewestHops() throws {
        // a-b-c-d: weakest 3 in three hops; a-e-d: weakest 3 in two hops.
        let n = widestNetwork([("a", "b", 3), ("b", "c", 3), ("c", "d", 3), ("a", "e", 4), ("e", "d", 3)])
        let p = try PathFinder(network: n, view: widestStrengths).strongestPath(from: "a", to: "d")
        #expect(p.nodes == ["a", "e", "d"])
        #expect(p.bottleneck == 3)
        #expect(p.hops == 2)
    }

    @Test func aWiderPrefixDoesNotHideAShorterChain() throws {
        // To x: s-a-b-x (weakest 5, three hops) or s-x (weakest 3, one hop). Then x-t (2).
        // Both chains to t have weakest tie 2; the fewest hops is s-x-t. A label-setting
        // search on (bottleneck, hops) would keep only s-a-b-x at x and answer four hops.
        let n = widestNetwork([("s", "a", 5), ("a", "b", 5), ("b", "x", 5), ("s", "x", 3), ("x", "t", 2), ("s", "t", 1)])
        let p = try PathFinder(network: n, view: widestStrengths).strongestPath(from: "s", to: "t")
        #expect(p.nodes == ["s", "x", "t"])
        #expect(p.bottleneck == 2)
    }

    @Test func distancesAreReadAsWeakTies() throws {
        // As distances a long tie is a weak one: a-b-d (10, 10) has weakest 1/10; a-c-d (2, 3)
        // has weakest 1/3.
        let n = widestNetwork([("a", "b", 10), ("b", "d", 10), ("a", "c", 2), ("c", "d", 3)])
        let view = View(weightAttribute: "weight", weightIsDistance: true)
        let p = try PathFinder(network: n, view: view).strongestPath(from: "a", to: "d")
        #expect(p.nodes == ["a", "c", "d"])
        #expect(p.bottleneck == 1.0 / 3)
        #expect(p.weakestEdge?.weight == 3)
    }

    @Test func parallelTiesUseTheStrongest() throws {
        var n = widestNetwork([("a", "b", 1), ("b", "c", 4)])
        n.addEdge(Edge(from: "a", to: "b", relation: .collaboratesWith, weight: 6))
        let p = try PathFinder(network: n, view: widestStrengths).strongestPath(from: "a", to: "c")
        #expect(p.edges.map(\.edgeIndex) == [2, 1])
        #expect(p.bottleneck == 4)
    }

    @Test func constraintsApply() throws {
        let n = widestNetwork([("a", "b", 5), ("b", "c", 5), ("c", "d", 5), ("a", "d", 1), ("a", "e", 2), ("e", "d", 2)])
        // Within two hops the best chain is a-e-d (weakest 2).
        let limited = try PathFinder(network: n, view: widestStrengths, options: PathOptions(maxHops: 2))
        #expect(try limited.strongestPath(from: "a", to: "d").nodes == ["a", "e", "d"])
        // Avoiding c leaves a-e-d too.
        let avoiding = try PathFinder(network: n, view: widestStrengths, options: PathOptions(avoid: ["c"]))
        #expect(try avoiding.strongestPath(from: "a", to: "d").bottleneck == 2)
        // Through e, and at most one hop: nothing.
        let through = try PathFinder(network: n, view: widestStrengths, options: PathOptions(via: ["e"]))
        #expect(try through.strongestPath(from: "a", to: "d").nodes == ["a", "e", "d"])
        let tooShort = try PathFinder(network: n, view: widestStrengths, options: PathOptions(via: ["e"], maxHops: 1))
        #expect(throws: PathError.noPath(from: "a", to: "d", reason: .via(["e"]))) {
            try tooShort.strongestPath(from: "a", to: "d")
        }
    }

    @Test func directionIsFollowedWhenAsked() throws {
        // Strong a→b→c against the weak c→a... walked from a to c.
        let n = widestNetwork([("a", "b", 9), ("b", "c", 9), ("a", "c", 1)], relation: .funds)
        let both = try PathFinder(network: n, view: widestStrengths)
        #expect(try both.strongestPath(from: "c", to: "a").nodes == ["c", "b", "a"])
        let follow = try PathFinder(network: n, view: widestStrengths, options: PathOptions(followDirection: true))
        #expect(try follow.strongestPath(from: "a", to: "c").nodes == ["a", "b", "c"])
        #expect(throws: PathError.noPath(from: "c", to: "a", reason: .direction)) {
            try follow.strongestPath(from: "c", to: "a")
        }
    }

    @Test func karateClubFromTheInstructorToTheAdministrator() throws {
        // Graphs/karate-club.yaml, interaction counts as widestStrengths. Member 33's strongest tie
        // is to 32 (5), and no chain from 0 reaches 32 on ties of 5 or more; its ties of 4 are
        // to 8, 15, 23, 27 and 31. Among ties of 4 or more, 0 reaches 33 only as 0-2 (5),
        // 2-8 (5), 8-33 (4). (NetworkX's maximum spanning tree gives the same chain.)
        let file = repositoryFile("Graphs/karate-club.yaml")
        let n = try NetworkFile.load(file.path)
        let p = try PathFinder(network: n, view: widestStrengths).strongestPath(from: "0", to: "33")
        #expect(p.nodes == ["0", "2", "8", "33"])
        #expect(p.bottleneck == 4)
        #expect(p.edges.map(\.weight) == [5, 5, 4])
    }
}
