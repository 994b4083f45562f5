import Foundation
import Testing
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

/// Cooperation paths against NetworkX: the fixtures of `scripts/make_path_fixtures.py`
/// (see `Fixtures/paths/README.md`).


struct PathFixture: Decodable, Sendable, CustomTestStringConvertible {
    struct GeneratedEdge: Decodable, Sendable {
        var from: String, to: String, directed: Bool, weight: Double?
        init(from decoder: Decoder) throws {
            var c = try decoder.unkeyedContainer()
            from = try c.decode(String.self)
            to = try c.decode(String.self)
            directed = try c.decode(Bool.self)
            weight = try c.decodeIfPresent(Double.self)
        }
    }
    struct Pair: Decodable, Sendable { var from: String; var to: String; var paths: [[String]] }
    struct Simple: Decodable, Sendable { var from: String; var to: String; var lengths: [Double] }
    struct Widest: Decodable, Sendable { var from: String; var to: String; var bottleneck: Double; var hops: Int }
    struct Ego: Decodable, Sendable { var center: String; var radius: Double; var members: [String] }
    struct Case: Decodable, Sendable {
        var traversal: String
        var weight: String?
        var weightAs: String?
        var lengths: [String: [String: Double]]
        var allShortest: [Pair]
        var simplePaths: [Simple]
        var strongest: [Widest]
        var ego: [Ego]
    }

    var name: String
    var graphFile: String?
    var nodes: [String]?
    var edges: [GeneratedEdge]?
    var nodeCount: Int
    var edgeCount: Int
    var cases: [Case]

    var testDescription: String { name }

    static func all() throws -> [PathFixture] {
        let folder = algorithmsTestsFolder.appendingPathComponent("Fixtures/paths")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try files.map { try JSONDecoder().decode(PathFixture.self, from: Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    func network() throws -> Network {
        if let graphFile {
            return try NetworkFile.load(repositoryFile(graphFile).path)
        }
        var n = Network(name: name)
        for id in nodes ?? [] { n.addNode(Node(id: NodeID(id), kind: .organisation)) }
        for e in edges ?? [] {
            n.addEdge(Edge(from: NodeID(e.from), to: NodeID(e.to), relation: e.directed ? .funds : .partnersWith, weight: e.weight))
        }
        return n
    }

    func finder(_ c: Case, network: Network) throws -> PathFinder {
        let view = View(weightAttribute: c.weight, weightIsDistance: c.weightAs == "distance")
        return try PathFinder(network: network, view: view, options: PathOptions(followDirection: c.traversal == "follow-direction"))
    }
}

private let pathFixtures: [PathFixture] = (try? PathFixture.all()) ?? []

private func pathClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// Checks that a path is a real walk in the network under the view: each hop uses an edge
/// joining its two nodes, the right way round, and length and hops add up.
private func checkPathWalk(_ p: Path, in network: Network, followDirection: Bool) {
    #expect(p.edges.count == p.nodes.count - 1)
    #expect(Set(p.nodes).count == p.nodes.count, "a path repeats no node")
    var total = 0.0
    for (i, hop) in p.edges.enumerated() {
        let e = network.edges[hop.edgeIndex]
        #expect(hop.from == p.nodes[i] && hop.to == p.nodes[i + 1])
        if hop.traversed == .forward {
            #expect(e.from == hop.from && e.to == hop.to)
        } else {
            #expect(e.from == hop.to && e.to == hop.from)
            if followDirection { #expect(!e.relation.isDirected, "a directed relation walked backwards") }
        }
        total += hop.length
    }
    #expect(total == p.length)
}

@Suite struct PathFixtureTests {
    @Test func fixturesArePresent() {
        #expect(pathFixtures.count == 8)
    }

    @Test(arguments: pathFixtures)
    func networkMatchesFixture(_ f: PathFixture) throws {
        let n = try f.network()
        #expect(n.nodes.count == f.nodeCount)
        #expect(n.edges.count == f.edgeCount)
    }

    @Test(arguments: pathFixtures)
    func shortestPathLengthsMatchNetworkX(_ f: PathFixture) throws {
        let network = try f.network()
        for c in f.cases {
            let finder = try f.finder(c, network: network)
            for (s, expected) in c.lengths {
                for node in network.nodes {
                    let t = node.id
                    if let length = expected[t.rawValue] {
                        let p = try finder.shortestPath(from: NodeID(s), to: t)
                        #expect(pathClose(p.length, length), "\(f.name) \(c.traversal)/\(c.weightAs ?? "-") \(s)→\(t): \(p.length) vs \(length)")
                        if c.weight == nil { #expect(Double(p.hops) == length) }
                        #expect(p.nodes.first == NodeID(s) && p.nodes.last == t)
                        checkPathWalk(p, in: network, followDirection: c.traversal == "follow-direction")
                    } else {
                        #expect(throws: PathError.self, "\(f.name) \(s)→\(t) is unreachable in NetworkX") {
                            try finder.shortestPath(from: NodeID(s), to: t)
                        }
                    }
                }
                // reach: the same distances from the same source.
                let reached = try finder.reach(from: NodeID(s))
                #expect(Set(reached.map(\.node.rawValue)) == Set(expected.keys).subtracting([s]))
                for r in reached { #expect(pathClose(r.distance, expected[r.node.rawValue] ?? -1)) }
            }
        }
    }

    @Test(arguments: pathFixtures)
    func allShortestPathsMatchNetworkX(_ f: PathFixture) throws {
        let network = try f.network()
        for c in f.cases {
            let finder = try f.finder(c, network: network)
            #expect(!c.allShortest.isEmpty)
            for pair in c.allShortest {
                let paths = try finder.allShortestPaths(from: NodeID(pair.from), to: NodeID(pair.to))
                let got = paths.map { $0.nodes.map(\.rawValue) }
                #expect(got == pair.paths, "\(f.name) \(c.traversal)/\(c.weightAs ?? "-") \(pair.from)→\(pair.to)")
                // The single shortest path is the first of them.
                let one = try finder.shortestPath(from: NodeID(pair.from), to: NodeID(pair.to))
                #expect(one.nodes.map(\.rawValue) == pair.paths.first)
                // So is the first of the k shortest simple paths.
                let yen = try finder.shortestSimplePaths(from: NodeID(pair.from), to: NodeID(pair.to), count: 1)
                #expect(yen.first?.nodes.map(\.rawValue) == pair.paths.first)
            }
        }
    }

    @Test(arguments: pathFixtures)
    func kShortestSimplePathLengthsMatchNetworkX(_ f: PathFixture) throws {
        let network = try f.network()
        for c in f.cases {
            let finder = try f.finder(c, network: network)
            for pair in c.simplePaths {
                let paths = try finder.shortestSimplePaths(from: NodeID(pair.from), to: NodeID(pair.to), count: pair.lengths.count + 0)
                #expect(paths.count == pair.lengths.count)
                for (p, l) in zip(paths, pair.lengths) {
                    #expect(pathClose(p.length, l, 1e-9), "\(f.name) \(c.traversal)/\(c.weightAs ?? "-") \(pair.from)→\(pair.to): \(paths.map(\.length)) vs \(pair.lengths)")
                    checkPathWalk(p, in: network, followDirection: c.traversal == "follow-direction")
                }
                #expect(Set(paths.map(\.nodes)).count == paths.count, "no path twice")
            }
        }
    }

    @Test(arguments: pathFixtures)
    func strongestChainsMatchTheSpanningTreeReference(_ f: PathFixture) throws {
        let network = try f.network()
        for c in f.cases {
            let finder = try f.finder(c, network: network)
            for w in c.strongest {
                let p = try finder.strongestPath(from: NodeID(w.from), to: NodeID(w.to))
                #expect(p.bottleneck == w.bottleneck, "\(f.name) \(c.traversal)/\(c.weightAs ?? "-") \(w.from)→\(w.to)")
                #expect(p.hops == w.hops, "\(f.name) \(c.traversal)/\(c.weightAs ?? "-") \(w.from)→\(w.to)")
                checkPathWalk(p, in: network, followDirection: c.traversal == "follow-direction")
            }
        }
    }

    @Test(arguments: pathFixtures)
    func egoNetworkMembersMatchNetworkX(_ f: PathFixture) throws {
        let network = try f.network()
        for c in f.cases {
            let finder = try f.finder(c, network: network)
            for e in c.ego {
                let ego = try finder.egoNetwork(of: NodeID(e.center), radius: e.radius)
                #expect(Set(ego.members.map(\.node.rawValue)) == Set(e.members), "\(f.name) \(c.traversal)/\(c.weightAs ?? "-") ego \(e.center) r=\(e.radius)")
                #expect(ego.members.first?.node == NodeID(e.center))
                for m in ego.members.dropFirst() {
                    #expect(m.distance <= e.radius)
                    #expect(!m.ties.isEmpty, "every member but the centre is tied in")
                }
            }
        }
    }

    @Test func fixturesCoverWeightedDirectedAndTies() {
        let cases = pathFixtures.flatMap(\.cases)
        #expect(cases.contains { $0.traversal == "follow-direction" && $0.weightAs == "distance" })
        #expect(cases.contains { $0.weightAs == "strength" })
        // Weighted pairs with several shortest paths (equal sums found with ==).
        #expect(cases.contains { $0.weightAs != nil && $0.allShortest.contains { $0.paths.count > 2 } })
        #expect(cases.reduce(0) { $0 + $1.lengths.values.reduce(0) { $0 + $1.count } } > 3000)
    }
}
