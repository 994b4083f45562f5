import Testing
import PropertyBased
@testable import PartnerGraphAlgorithms

/// Invariants that hold on any graph, checked on random ones (swift-property-based draws the
/// size, density, direction and a seed; the graph follows from them).
@Suite struct InvariantTests {
    static let size = Gen.int(in: 2...28)
    static let density = Gen.int(in: 0...100)
    static let seed = Gen.uint64(in: 0...UInt64.max)

    /// A G(n, p) graph with p = percent / 100, plus a self-loop on node 0 every third seed.
    static func graph(_ n: Int, _ percent: Int, _ seed: UInt64, directed: Bool = false) -> CompactGraph {
        var rng = SeededGenerator(seed: seed)
        var edges: [CompactGraph.InputEdge] = []
        for u in 0..<n {
            for v in 0..<n where u != v && (directed || u < v) && rng.nextInt(below: 100) < percent { edges.append(.init(u, v)) }
        }
        if seed % 3 == 0 { edges.append(.init(0, 0)) }
        return CompactGraph(nodeCount: n, directed: directed, edges: edges)
    }

    /// Hop distances by a plain breadth-first search, ignoring direction.
    static func distances(_ g: CompactGraph, from s: Int) -> [Int?] {
        try! LinkPredictor(g).hopDistances(from: s)
    }

    /// Σ_v raw betweenness(v) = Σ over connected pairs {s, t} of (d(s, t) − 1) on an undirected
    /// unweighted graph: each shortest path has d − 1 inner nodes, and the pair's paths share 1.
    @Test func betweennessSumsToInnerPathNodes() async {
        await propertyCheck(input: Self.size, Self.density, Self.seed) { n, p, seed in
            let g = Self.graph(n, p, seed)
            let b = try! betweennessCentrality(g, weighted: false, normalized: false, endpoints: false, maxThreads: 1)
            var inner = 0
            for s in 0..<n {
                let d = Self.distances(g, from: s)
                for t in (s + 1)..<n { if let dt = d[t] { inner += dt - 1 } }
            }
            #expect(abs(b.reduce(0, +) - Double(inner)) <= 1e-9 * max(1, Double(inner)))
        }
    }

    /// Closeness lies in [0, 1]; Leiden's communities are connected and cover every node.
    @Test func closenessBoundsAndConnectedCommunities() async {
        await propertyCheck(input: Self.size, Self.density, Self.seed) { n, p, seed in
            let g = Self.graph(n, p, seed)
            #expect(closenessCentrality(g, weighted: false, wfImproved: true, maxThreads: 1).allSatisfy { $0 >= 0 && $0 <= 1 + 1e-12 })
            let partition = try! CommunityAlgorithm.leiden.detect(on: g, resolution: 1, seed: seed, weighted: true)
            #expect(partition.communities.map(\.count).reduce(0, +) == n)
            for members in partition.communities where members.count > 1 {
                let inside = Set(members)
                var seen: Set<Int> = [members[0]], stack = [members[0]]
                while let u = stack.popLast() {
                    for k in g.outRange(u) {
                        let v = Int(g.outNeighbours[k])
                        if inside.contains(v) && seen.insert(v).inserted { stack.append(v) }
                    }
                }
                #expect(seen == inside, "a Leiden community is not connected")
            }
        }
    }

    /// Path lengths, harmonic and closeness centrality against Floyd–Warshall distances, on
    /// directed and undirected graphs, unweighted and with integer lengths 1–4 (sums exact in
    /// doubles). Up to 70 nodes, so the multi-source search runs more than one batch of 64.
    @Test func pathLengthsAgainstFloydWarshall() async {
        await propertyCheck(input: Gen.int(in: 2...70), Self.density, Self.seed) { n, percent, seed in
            for directed in [false, true] {
                for weighted in [false, true] {
                    var rng = SeededGenerator(seed: seed, stream: 2)
                    var edges: [CompactGraph.InputEdge] = []
                    // Sparser as n grows, so that large graphs are not all one hop apart.
                    let p = max(1, percent * 8 / n)
                    for u in 0..<n {
                        for v in 0..<n where u != v && (directed || u < v) && rng.nextInt(below: 100) < p {
                            edges.append(.init(u, v, weight: weighted ? Double(1 + rng.nextInt(below: 4)) : nil))
                        }
                    }
                    let g = CompactGraph(nodeCount: n, directed: directed, edges: edges, weightMeaning: .distance)
                    // d[u][v]: the shortest u → v distance.
                    var d = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: n)
                    for u in 0..<n { d[u][u] = 0 }
                    for e in edges {
                        let length = e.weight ?? 1
                        d[e.source][e.target] = min(d[e.source][e.target], length)
                        if !directed { d[e.target][e.source] = min(d[e.target][e.source], length) }
                    }
                    for k in 0..<n { for u in 0..<n where d[u][k] < .infinity { for v in 0..<n where d[u][k] + d[k][v] < d[u][v] { d[u][v] = d[u][k] + d[k][v] } } }

                    for s in 0..<n {
                        #expect(try! shortestPathLengths(g, from: s, weighted: weighted) == d[s])
                        #expect(try! shortestPathLengths(g, from: s, weighted: weighted, direction: .incoming) == (0..<n).map { d[$0][s] })
                    }
                    let harmonic = harmonicCentrality(g, weighted: weighted, maxThreads: 1)
                    let closeness = closenessCentrality(g, weighted: weighted, wfImproved: true, maxThreads: 1)
                    for u in 0..<n {
                        let into = (0..<n).filter { $0 != u && d[$0][u] < .infinity }.map { d[$0][u] }
                        let h = into.reduce(0) { $0 + 1 / $1 }
                        #expect(abs(harmonic[u] - h) <= 1e-12 * max(1, h), "harmonic(\(u))")
                        let total = into.reduce(0, +)
                        let r = Double(into.count)
                        let c = total > 0 && n > 1 ? (r / total) * (r / Double(n - 1)) : 0
                        #expect(abs(closeness[u] - c) <= 1e-12, "closeness(\(u))")
                    }
                }
            }
        }
    }

    /// Link prediction: never an existing tie, Jaccard within [0, 1], common neighbours at most
    /// the smaller degree, and preferential attachment the product of the degrees.
    @Test func linkPredictionBounds() async {
        await propertyCheck(input: Self.size, Self.density, Self.seed) { n, p, seed in
            let g = Self.graph(n, p, seed)
            let predictor = try! LinkPredictor(g)
            for pair in predictor.rank(.jaccard).pairs {
                #expect(!predictor.areTied(pair.u, pair.v))
                #expect(pair.score > 0 && pair.score <= 1)
            }
            for pair in predictor.rank(.commonNeighbours).pairs {
                #expect(pair.score <= Double(min(g.outRange(pair.u).count, g.outRange(pair.v).count)))
            }
            for pair in predictor.rank(.preferentialAttachment, top: 5).pairs {
                #expect(pair.score == Double(g.degree(pair.u) * g.degree(pair.v)))
            }
        }
    }

    /// Groups: every tie between two nodes is within or across groups; E-I within [−1, 1];
    /// rewiring keeps every degree and the E-I denominators.
    @Test func groupCountsAndRewiring() async {
        await propertyCheck(input: Self.size, Self.density, Self.seed, Gen.int(in: 1...4)) { n, p, seed, k in
            for directed in [false, true] {
                let g = Self.graph(n, p, seed, directed: directed)
                let groups = (0..<n).map { $0 % k }
                let m = try! GroupMixing(g, groups: groups, groupCount: k)
                #expect(m.internalTies + m.externalTies == g.edgeCount - g.selfLoopCount)
                if let ei = m.ei { #expect(ei >= -1 && ei <= 1) }
                var rng = SeededGenerator(seed: seed, stream: 1)
                let h = Rewiring.rewired(g, rng: &rng)
                #expect((0..<n).map { h.outDegree($0) } == (0..<n).map { g.outDegree($0) })
                #expect((0..<n).map { h.inDegree($0) } == (0..<n).map { g.inDegree($0) })
            }
        }
    }
}
