import Testing
import PartnerGraphAlgorithms

// Gould & Fernandez (1989), doi:10.2307/270949: b brokers the ordered pair (a, c) when a → b → c,
// a, b, c distinct and a ↛ c (R's sna::brokerage uses the same rule: "v is a broker for distinct
// a and b iff a → v → b and a ↛ b").
@Suite("Gould–Fernandez brokerage roles")
struct BrokerageTests {
    private func roles(_ r: BrokerageResult, _ node: Int) -> [Int] {
        [r.coordinator[node], r.itinerant[node], r.representative[node], r.gatekeeper[node], r.liaison[node], r.total[node]]
    }

    @Test("Each role alone on the path a → b → c")
    func singleRoles() throws {
        let path = IterTestGraphs.graph(3, directed: true, [(0, 1), (1, 2)])
        // groups (a, b, c) → expected (coordinator, itinerant, representative, gatekeeper, liaison, total) at b
        let cases: [([Int], [Int])] = [
            ([0, 0, 0], [1, 0, 0, 0, 0, 1]),  // coordinator: all in one group
            ([0, 1, 0], [0, 1, 0, 0, 0, 1]),  // itinerant: a and c together, b outside
            ([0, 0, 1], [0, 0, 1, 0, 0, 1]),  // representative: b with a, c outside
            ([1, 0, 0], [0, 0, 0, 1, 0, 1]),  // gatekeeper: b with c, a outside
            ([0, 1, 2], [0, 0, 0, 0, 1, 1]),  // liaison: three groups
        ]
        for (groups, expected) in cases {
            let r = try brokerageRoles(path, groups: groups)
            #expect(roles(r, 1) == expected, "groups \(groups)")
            #expect(roles(r, 0) == [0, 0, 0, 0, 0, 0] && roles(r, 2) == [0, 0, 0, 0, 0, 0])
        }
        // A direct tie a → c closes the two-path: nothing is brokered.
        let closed = IterTestGraphs.graph(3, directed: true, [(0, 1), (1, 2), (0, 2)])
        #expect(try brokerageRoles(closed, groups: [0, 0, 0]).total == [0, 0, 0])
        // c → a does not close a → b → c; it opens c → a → b (a brokers (c, b)) and b → c → a.
        let back = IterTestGraphs.graph(3, directed: true, [(0, 1), (1, 2), (2, 0)])
        #expect(try brokerageRoles(back, groups: [0, 0, 0]).coordinator == [1, 1, 1])
    }

    @Test("Undirected path: both directions counted")
    func undirected() throws {
        // a – b – c with groups (0, 0, 1): (a, c) is representative, (c, a) is gatekeeper.
        let r = try brokerageRoles(IterTestGraphs.graph(3, directed: false, [(0, 1), (1, 2)]), groups: [0, 0, 1])
        #expect(roles(r, 1) == [0, 0, 1, 1, 0, 2])
        // Star with centre 0 and three leaves in one group: 3·2 ordered pairs, all coordinator.
        let star = try brokerageRoles(IterTestGraphs.graph(4, directed: false, [(0, 1), (0, 2), (0, 3)]), groups: [5, 5, 5, 5])
        #expect(star.coordinator == [6, 0, 0, 0])
    }

    @Test("Five-node example worked by hand")
    func fiveNodes() throws {
        // Arcs 0→1, 1→2, 1→4, 2→0, 2→3, 3→1, 4→2; groups A A B C A = [0, 0, 1, 2, 0].
        // b = 0 (A): (2, 1) open, B→A→A → gatekeeper.
        // b = 1 (A): in {0, 3}, out {2, 4}:
        //   (0, 2) open A→A→B representative; (0, 4) open A→A→A coordinator;
        //   (3, 2) open C→A→B liaison; (3, 4) open C→A→A gatekeeper.
        // b = 2 (B): in {1, 4}, out {0, 3}:
        //   (1, 0) open A→B→A itinerant; (1, 3) open A→B→C liaison;
        //   (4, 0) open A→B→A itinerant; (4, 3) open A→B→C liaison.
        // b = 3 (C): (2, 1) open B→C→A liaison.
        // b = 4 (A): (1, 2) closed by the arc 1→2.
        let g = IterTestGraphs.graph(5, directed: true, [(0, 1), (1, 2), (1, 4), (2, 0), (2, 3), (3, 1), (4, 2)])
        let r = try brokerageRoles(g, groups: [0, 0, 1, 2, 0])
        #expect(r.coordinator == [0, 1, 0, 0, 0])
        #expect(r.itinerant == [0, 0, 2, 0, 0])
        #expect(r.representative == [0, 1, 0, 0, 0])
        #expect(r.gatekeeper == [1, 1, 0, 0, 0])
        #expect(r.liaison == [0, 1, 2, 1, 0])
        #expect(r.total == [1, 4, 4, 1, 0])
    }

    @Test("Directed gnp and florentine against a direct enumeration of the definition")
    func enumerated() throws {
        // Expected counts: a direct Python enumeration over all (a, b, c) of the definition above
        // (independent of this code), on nx.gnp_random_graph(30, 0.1, seed=3, directed=True)
        // with groups v % 3.
        let gnpCoordinator = [0, 0, 0, 3, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 3, 0, 0]
        let gnpItinerant = [6, 0, 3, 0, 8, 0, 0, 1, 7, 1, 2, 3, 1, 0, 1, 0, 1, 1, 2, 0, 2, 0, 8, 0, 1, 0, 1, 2, 2, 0]
        let gnpRepresentative = [3, 1, 0, 0, 0, 0, 5, 1, 6, 1, 3, 5, 0, 0, 0, 0, 1, 1, 0, 2, 2, 0, 5, 4, 0, 2, 0, 6, 0, 0]
        let gnpGatekeeper = [6, 0, 8, 11, 0, 0, 0, 0, 0, 2, 3, 0, 3, 0, 1, 0, 2, 2, 3, 1, 2, 2, 8, 0, 0, 0, 1, 3, 6, 0]
        let gnpLiaison = [5, 1, 3, 0, 6, 0, 2, 1, 10, 2, 2, 2, 1, 0, 1, 0, 1, 1, 4, 2, 3, 8, 10, 0, 3, 0, 0, 3, 2, 0]
        let r = try brokerageRoles(IterTestGraphs.gnp(), groups: (0..<30).map { $0 % 3 })
        #expect(r.coordinator == gnpCoordinator)
        #expect(r.itinerant == gnpItinerant)
        #expect(r.representative == gnpRepresentative)
        #expect(r.gatekeeper == gnpGatekeeper)
        #expect(r.liaison == gnpLiaison)
        // Same enumeration on nx.florentine_families_graph() (integer-labelled, each edge two
        // arcs) with groups v % 2.
        let florentineCoordinator = [0, 6, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0]
        let florentineItinerant = [0, 6, 2, 0, 0, 0, 0, 2, 2, 0, 0, 2, 2, 0, 0]
        let florentineRepresentative = [0, 8, 1, 1, 3, 1, 2, 1, 2, 1, 0, 1, 4, 0, 0]
        let florentineGatekeeper = [0, 8, 1, 1, 3, 1, 2, 1, 2, 1, 0, 1, 4, 0, 0]
        let florentineLiaison = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        let f = try brokerageRoles(IterTestGraphs.florentine(), groups: (0..<15).map { $0 % 2 })
        #expect(f.coordinator == florentineCoordinator)
        #expect(f.itinerant == florentineItinerant)
        #expect(f.representative == florentineRepresentative)
        #expect(f.gatekeeper == florentineGatekeeper)
        #expect(f.liaison == florentineLiaison)
        #expect(f.representative.reduce(0, +) == f.gatekeeper.reduce(0, +))
    }

    @Test("Edge cases: empty graph, self-loops, wrong group count")
    func edgeCases() throws {
        #expect(try brokerageRoles(IterTestGraphs.graph(0, directed: true, []), groups: []).total == [])
        // Self-loops never broker: 0 → 0 → 1 and 0 → 1 → 1 are not two-paths between distinct nodes.
        let loops = IterTestGraphs.graph(2, directed: true, [(0, 0), (0, 1), (1, 1)])
        #expect(try brokerageRoles(loops, groups: [0, 0]).total == [0, 0])
        #expect(throws: AlgorithmError.self) { try brokerageRoles(loops, groups: [0]) }
    }
}
