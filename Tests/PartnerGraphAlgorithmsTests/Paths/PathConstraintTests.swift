import Testing
import PartnerGraph
import PartnerGraphAlgorithms

/// Constrained paths (`via`, `avoid`, `maxHops`, `throughKinds`) in every mode, checked
/// against brute force: every simple path of small random networks, enumerated directly from
/// the edge list.

/// A small deterministic random generator (64-bit LCG, Knuth's MMIX constants).
private struct PathTestRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
}

struct PathRandomCase: CustomTestStringConvertible, Sendable {
    var seed: UInt64
    var testDescription: String { "seed \(seed)" }
}

/// Every simple path from `s` to `t`, with the lengths and strengths of each hop, walking the
/// network's edges as PathFinder should (parallel edges: the shortest).
private func bruteForcePaths(_ n: Network, from s: NodeID, to t: NodeID, followDirection: Bool,
                             weighted: Bool) -> [(nodes: [NodeID], length: Double, bottleneck: Double)] {
    var best: [NodeID: [NodeID: (Double, Double)]] = [:]
    for e in n.edges where e.from != e.to {
        let w = weighted ? e.weight ?? 1 : 1
        let l = 1 / w
        func add(_ a: NodeID, _ b: NodeID) {
            if l < best[a]?[b]?.0 ?? .infinity { best[a, default: [:]][b] = (l, w) }
        }
        add(e.from, e.to)
        if !followDirection || !e.relation.isDirected { add(e.to, e.from) }
    }
    var out: [(nodes: [NodeID], length: Double, bottleneck: Double)] = []
    var path = [s]
    func walk(_ v: NodeID, _ length: Double, _ bottleneck: Double) {
        if v == t { out.append((path, length, bottleneck)); return }
        for (u, ls) in (best[v] ?? [:]).sorted(by: { $0.key < $1.key }) where !path.contains(u) {
            path.append(u)
            walk(u, length + ls.0, min(bottleneck, ls.1))
            path.removeLast()
        }
    }
    walk(s, 0, .infinity)
    return out
}

private func pathRandomNetwork(_ rng: inout PathTestRandom, directed: Bool) -> Network {
    var n = Network(name: "random")
    let count = 7 + rng.below(3)
    for i in 0..<count {
        n.addNode(Node(id: NodeID("n\(i)"), kind: rng.chance(0.7) ? .organisation : .person))
    }
    for a in 0..<count {
        for b in 0..<count where a != b && (directed || a < b) && rng.chance(0.3) {
            n.addEdge(Edge(from: NodeID("n\(a)"), to: NodeID("n\(b)"), relation: directed ? .funds : .partnersWith,
                           weight: Double(1 + rng.below(3))))
        }
    }
    // A parallel edge now and then.
    if let e = n.edges.first, rng.chance(0.5) {
        n.addEdge(Edge(from: e.from, to: e.to, relation: .collaboratesWith, weight: 4))
    }
    return n
}

@Suite struct PathConstraintTests {
    @Test(arguments: (1...150).map { PathRandomCase(seed: UInt64($0)) })
    func constrainedSearchesAgreeWithBruteForce(_ rc: PathRandomCase) throws {
        var rng = PathTestRandom(state: rc.seed &* 0x9E3779B97F4A7C15)
        let directed = rng.chance(0.4)
        let network = pathRandomNetwork(&rng, directed: directed)
        let ids = network.nodes.map(\.id)
        let weighted = rng.chance(0.6)
        let follow = directed && rng.chance(0.5)
        let s = ids[0], t = ids[ids.count - 1]
        var options = PathOptions(followDirection: follow)
        let inner = Array(ids.dropFirst().dropLast())
        switch rng.below(5) {
        case 0: options.via = [inner[rng.below(inner.count)]]
        case 1: options.via = Array(Set([inner[rng.below(inner.count)], inner[rng.below(inner.count)]])).sorted()
        case 2: options.avoid = [inner[rng.below(inner.count)]]
        case 3: options.throughKinds = ["organisation"]
        default: break
        }
        if rng.chance(0.5) { options.maxHops = 2 + rng.below(4) }
        if !options.via.isEmpty, let kinds = options.throughKinds,
           options.via.contains(where: { !kinds.contains(network.node($0)!.kind.id) }) { options.throughKinds = nil }
        let view = View(weightAttribute: weighted ? "weight" : nil)
        let finder = try PathFinder(network: network, view: view, options: options)

        let valid = bruteForcePaths(network, from: s, to: t, followDirection: follow, weighted: weighted).filter { p in
            if let m = options.maxHops, p.nodes.count - 1 > m { return false }
            if options.via.contains(where: { !p.nodes.contains($0) }) { return false }
            if options.avoid.contains(where: { p.nodes.contains($0) }) { return false }
            if let kinds = options.throughKinds,
               p.nodes.dropFirst().dropLast().contains(where: { !kinds.contains(network.node($0)!.kind.id) }) { return false }
            return true
        }
        let label = "seed \(rc.seed): \(options)"
        guard let shortest = valid.map(\.length).min() else {
            #expect(throws: PathError.self, "\(label)") { try finder.shortestPath(from: s, to: t) }
            #expect(throws: PathError.self, "\(label)") { try finder.allShortestPaths(from: s, to: t) }
            #expect(throws: PathError.self, "\(label)") { try finder.shortestSimplePaths(from: s, to: t, count: 3) }
            #expect(throws: PathError.self, "\(label)") { try finder.strongestPath(from: s, to: t) }
            return
        }
        func equal(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(a)) }

        let one = try finder.shortestPath(from: s, to: t)
        #expect(equal(one.length, shortest), "\(label)")
        #expect(valid.contains { $0.nodes == one.nodes }, "\(label): the path meets the constraints")

        let all = try finder.allShortestPaths(from: s, to: t)
        #expect(Set(all.map(\.nodes)) == Set(valid.filter { equal($0.length, shortest) }.map(\.nodes)), "\(label)")

        let k = 1 + rng.below(6)
        let ks = try finder.shortestSimplePaths(from: s, to: t, count: k)
        let expectedLengths = Array(valid.map(\.length).sorted().prefix(k))
        #expect(ks.count == expectedLengths.count, "\(label)")
        for (p, l) in zip(ks, expectedLengths) { #expect(equal(p.length, l), "\(label): \(ks.map(\.length)) vs \(expectedLengths)") }
        #expect(ks.allSatisfy { p in valid.contains { $0.nodes == p.nodes } })

        let widest = valid.map(\.bottleneck).max()!
        let fewest = valid.filter { $0.bottleneck == widest }.map { $0.nodes.count - 1 }.min()!
        let strong = try finder.strongestPath(from: s, to: t)
        #expect(strong.bottleneck == widest, "\(label)")
        #expect(strong.hops == fewest, "\(label)")
        #expect(valid.contains { $0.nodes == strong.nodes })
    }

    @Test func viaUsesTheShortestSimplePathNotAWalk() throws {
        // a - x is a dead end: the shortest walk a → x → a → … is not a path. Through x there is
        // only b - x - c.
        var n = Network()
        for id in ["a", "b", "c", "x", "t"] { n.addNode(Node(id: NodeID(id), kind: .organisation)) }
        for (u, v) in [("a", "x"), ("a", "b"), ("b", "x"), ("x", "c"), ("c", "t"), ("a", "t")] {
            n.addEdge(Edge(from: NodeID(u), to: NodeID(v), relation: .partnersWith))
        }
        let f = try PathFinder(network: n, options: PathOptions(via: ["x"]))
        #expect(try f.shortestPath(from: "a", to: "t").nodes == ["a", "x", "c", "t"])
        let g = try PathFinder(network: n, options: PathOptions(via: ["b"]))
        #expect(try g.shortestPath(from: "a", to: "t").nodes == ["a", "b", "x", "c", "t"])
        #expect(try g.allShortestPaths(from: "a", to: "t").map(\.nodes) == [["a", "b", "x", "c", "t"]])
    }

    @Test func weightedHopLimitTakesTheShortestPathWithinTheLimit() throws {
        // Light chain a-b-c-d (3 hops, 3.0) against the heavy direct tie a-d (10.0).
        var n = Network()
        for id in ["a", "b", "c", "d"] { n.addNode(Node(id: NodeID(id), kind: .organisation)) }
        n.addEdge(Edge(from: "a", to: "b", relation: .partnersWith, weight: 1))
        n.addEdge(Edge(from: "b", to: "c", relation: .partnersWith, weight: 1))
        n.addEdge(Edge(from: "c", to: "d", relation: .partnersWith, weight: 1))
        n.addEdge(Edge(from: "a", to: "d", relation: .partnersWith, weight: 10))
        let view = View(weightAttribute: "weight", weightIsDistance: true)
        #expect(try PathFinder(network: n, view: view).shortestPath(from: "a", to: "d").nodes == ["a", "b", "c", "d"])
        let limited = try PathFinder(network: n, view: view, options: PathOptions(maxHops: 2))
        let p = try limited.shortestPath(from: "a", to: "d")
        #expect(p.nodes == ["a", "d"])
        #expect(p.length == 10)
        #expect(try limited.shortestSimplePaths(from: "a", to: "d", count: 5).map(\.nodes) == [["a", "d"]])
    }
}
