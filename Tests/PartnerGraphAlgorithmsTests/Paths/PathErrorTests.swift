import Foundation
import Testing
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

/// Every way a path search can fail, each with its own error.

private let pathNordic: Network = {
    let file = repositoryFile("Graphs/nordic-innovation-procurement.yaml")
    return try! NetworkFile.load(file.path)
}()

/// Two pathIslands: a–b–c and d–e, plus f on its own.
private let pathIslands: Network = {
    var n = Network()
    for id in ["a", "b", "c", "d", "e", "f"] { n.addNode(Node(id: NodeID(id), kind: .organisation)) }
    n.addEdge(Edge(from: "a", to: "b", relation: .partnersWith))
    n.addEdge(Edge(from: "b", to: "c", relation: .funds))
    n.addEdge(Edge(from: "d", to: "e", relation: .partnersWith))
    return n
}()

@Suite struct PathErrorTests {
    // MARK: Unknown and ambiguous nodes

    @Test func unknownNodeSuggestsTheClosest() throws {
        let f = try PathFinder(network: pathNordic)
        #expect(throws: PathError.unknownNode(query: "hansl", suggestions: [NodeMatch(id: "hansel", name: "Hansel")])) {
            try f.resolve("hansl")
        }
        #expect(throws: PathError.unknownNode(query: "hansl", suggestions: [NodeMatch(id: "hansel", name: "Hansel")])) {
            try f.shortestPath(from: "co-pi", to: "hansl")
        }
        #expect(throws: PathError.unknownNode(query: "zzzzzz", suggestions: [])) { try f.resolve("zzzzzz") }
        #expect(PathError.unknownNode(query: "hansl", suggestions: [NodeMatch(id: "hansel", name: "Hansel")]).description
            == "no node has the id or name 'hansl'; did you mean Hansel ('hansel')?")
    }

    @Test func ambiguousNameListsTheCandidates() throws {
        var n = Network()
        n.addNode(Node(id: "anna-1", kind: .person, label: "Anna Berg"))
        n.addNode(Node(id: "anna-2", kind: .person, label: "Anna Berg"))
        n.addNode(Node(id: "x", kind: .organisation))
        let f = try PathFinder(network: n)
        let both = [NodeMatch(id: "anna-1", name: "Anna Berg"), NodeMatch(id: "anna-2", name: "Anna Berg")]
        #expect(throws: PathError.ambiguousNode(query: "anna berg", candidates: both)) { try f.resolve("anna berg") }
        #expect(throws: PathError.ambiguousNode(query: "Anna Berg", candidates: both)) { try f.resolve("Anna Berg") }
        #expect(try f.resolve("anna-2") == "anna-2")
    }

    @Test func unknownViaOrAvoid() {
        #expect(throws: PathError.unknownNode(query: "kieno", suggestions: [NodeMatch(id: "keino", name: "KEINO")])) {
            try PathFinder(network: pathNordic, options: PathOptions(via: ["kieno"]))
        }
        #expect(throws: PathError.unknownNode(query: "nobody", suggestions: [])) { try PathFinder(network: pathNordic, options: PathOptions(avoid: ["nobody"])) }
        // The library takes ids; a name is answered with the id it names.
        #expect(throws: PathError.unknownNode(query: "KEINO", suggestions: [NodeMatch(id: "keino", name: "KEINO")])) {
            try PathFinder(network: pathNordic, options: PathOptions(via: ["KEINO"]))
        }
    }

    // MARK: No path, and why

    @Test func differentComponents() throws {
        let f = try PathFinder(network: pathIslands)
        #expect(throws: PathError.noPath(from: "a", to: "e", reason: .differentComponents)) { try f.shortestPath(from: "a", to: "e") }
        #expect(throws: PathError.noPath(from: "f", to: "a", reason: .differentComponents)) { try f.allShortestPaths(from: "f", to: "a") }
        #expect(throws: PathError.noPath(from: "a", to: "d", reason: .differentComponents)) { try f.shortestSimplePaths(from: "a", to: "d", count: 3) }
        #expect(throws: PathError.noPath(from: "a", to: "d", reason: .differentComponents)) { try f.strongestPath(from: "a", to: "d") }
    }

    @Test func endOutsideTheView() throws {
        let f = try PathFinder(network: pathNordic, view: View(kinds: ["organisation"]))
        #expect(throws: PathError.noPath(from: "ole-bech-lykkebo", to: "hansel", reason: .outsideView("ole-bech-lykkebo"))) {
            try f.shortestPath(from: "ole-bech-lykkebo", to: "hansel")
        }
        #expect(throws: PathError.noPath(from: "co-pi", to: "co-pi", reason: .outsideView("co-pi"))) {
            try PathFinder(network: pathNordic, view: View(kinds: ["person"])).egoNetwork(of: "co-pi", radius: 1)
        }
    }

    @Test func theViewCutsEveryPath() throws {
        // Founders and founding members only: LUP's side and KEINO's side do not meet.
        let f = try PathFinder(network: pathNordic, view: View(relations: ["founded", "founding-member-of"]))
        #expect(throws: PathError.noPath(from: "nho", to: "hansel", reason: .viewSeparates)) { try f.shortestPath(from: "nho", to: "hansel") }
        // Before the seminar, the seminar's ties do not count; only organisations: the sister
        // ties still join CO-PI and KEINO.
        var before = View(kinds: ["organisation", "programme"])
        before.restrict(at: PartialDate("2021")!)
        #expect(try PathFinder(network: pathNordic, view: before).shortestPath(from: "co-pi", to: "hansel").hops == 2)
    }

    @Test func directionCutsEveryPath() throws {
        let f = try PathFinder(network: pathIslands, options: PathOptions(followDirection: true))
        #expect(try f.shortestPath(from: "a", to: "c").nodes == ["a", "b", "c"])
        #expect(throws: PathError.noPath(from: "c", to: "a", reason: .direction)) { try f.shortestPath(from: "c", to: "a") }
        // Nordic: nobody founds their way to a founder.
        let g = try PathFinder(network: pathNordic, options: PathOptions(followDirection: true))
        #expect(throws: PathError.noPath(from: "lup", to: "nho", reason: .direction)) { try g.shortestPath(from: "lup", to: "nho") }
    }

    @Test func avoidedNodesAndKindsCutEveryPath() throws {
        let f = try PathFinder(network: pathNordic, options: PathOptions(avoid: ["keino"]))
        #expect(throws: PathError.noPath(from: "co-pi", to: "hansel", reason: .nodeConstraints)) { try f.shortestPath(from: "co-pi", to: "hansel") }
        let g = try PathFinder(network: pathNordic, options: PathOptions(throughKinds: ["person"]))
        #expect(throws: PathError.noPath(from: "co-pi", to: "hansel", reason: .nodeConstraints)) { try g.strongestPath(from: "co-pi", to: "hansel") }
        // Only events between: CO-PI → seminar → KEINO is no good (KEINO is an organisation)…
        let h = try PathFinder(network: pathNordic, options: PathOptions(throughKinds: ["event"]))
        #expect(throws: PathError.noPath(from: "co-pi", to: "hansel", reason: .nodeConstraints)) { try h.shortestPath(from: "co-pi", to: "hansel") }
        // …but the seminar joins CO-PI and KEINO directly.
        #expect(try h.shortestPath(from: "co-pi", to: "keino").nodes == ["co-pi", "keino"])
    }

    @Test func tooManyHops() throws {
        let f = try PathFinder(network: pathNordic, options: PathOptions(maxHops: 2))
        #expect(throws: PathError.noPath(from: "ole-bech-lykkebo", to: "hansel", reason: .tooManyHops(fewest: 3, limit: 2))) {
            try f.shortestPath(from: "ole-bech-lykkebo", to: "hansel")
        }
        #expect(throws: PathError.noPath(from: "ole-bech-lykkebo", to: "hansel", reason: .tooManyHops(fewest: 3, limit: 2))) {
            try f.allShortestPaths(from: "ole-bech-lykkebo", to: "hansel")
        }
        #expect(throws: PathError.noPath(from: "ole-bech-lykkebo", to: "hansel", reason: .tooManyHops(fewest: 3, limit: 2))) {
            try f.shortestSimplePaths(from: "ole-bech-lykkebo", to: "hansel", count: 2)
        }
        #expect(try f.shortestPath(from: "co-pi", to: "hansel").hops == 2)
    }

    @Test func noSimplePathThroughTheRequiredNode() throws {
        // KS hangs off LUP alone: a path cannot pass through it and go on.
        let f = try PathFinder(network: pathNordic, options: PathOptions(via: ["ks"]))
        #expect(throws: PathError.noPath(from: "co-pi", to: "hansel", reason: .via(["ks"]))) { try f.shortestPath(from: "co-pi", to: "hansel") }
        #expect(throws: PathError.noPath(from: "co-pi", to: "hansel", reason: .via(["ks"]))) { try f.shortestSimplePaths(from: "co-pi", to: "hansel", count: 2) }
        #expect(throws: PathError.noPath(from: "co-pi", to: "hansel", reason: .via(["ks"]))) { try f.allShortestPaths(from: "co-pi", to: "hansel") }
        // Through the seminar within three hops: the shortest such chain has three.
        let g = try PathFinder(network: pathNordic, options: PathOptions(via: ["nordic-seminar-2022"], maxHops: 2))
        #expect(throws: PathError.noPath(from: "co-pi", to: "hansel", reason: .via(["nordic-seminar-2022"]))) { try g.shortestPath(from: "co-pi", to: "hansel") }
    }

    // MARK: Invalid constraints

    @Test func invalidConstraints() throws {
        #expect(throws: PathError.invalidConstraint("the hop limit must be 0 or more, not -1")) {
            try PathFinder(network: pathNordic, options: PathOptions(maxHops: -1))
        }
        #expect(throws: PathError.invalidConstraint("unknown kind 'persn'; did you mean 'person'? (known: organisation, programme, person, event)")) {
            try PathFinder(network: pathNordic, options: PathOptions(throughKinds: ["persn"]))
        }
        #expect(throws: PathError.invalidConstraint("'keino' cannot be both required and avoided")) {
            try PathFinder(network: pathNordic, options: PathOptions(via: ["keino"], avoid: ["keino"]))
        }
        #expect(throws: PathError.invalidConstraint("'keino' is of kind organisation, which the allowed intermediary kinds (event, person) rule out")) {
            try PathFinder(network: pathNordic, options: PathOptions(via: ["keino"], throughKinds: ["person", "event"]))
        }
        let avoidEnd = try PathFinder(network: pathNordic, options: PathOptions(avoid: ["hansel"]))
        #expect(throws: PathError.invalidConstraint("'hansel' is an end of the path and cannot be avoided")) {
            try avoidEnd.shortestPath(from: "co-pi", to: "hansel")
        }
        let viaEnd = try PathFinder(network: pathNordic, options: PathOptions(via: ["co-pi"]))
        #expect(throws: PathError.invalidConstraint("'co-pi' is an end of the path; a node to pass through must lie between the ends")) {
            try viaEnd.shortestPath(from: "co-pi", to: "hansel")
        }
        let plain = try PathFinder(network: pathNordic)
        #expect(throws: PathError.invalidConstraint("the number of paths must be 1 or more, not 0")) {
            try plain.shortestSimplePaths(from: "co-pi", to: "hansel", count: 0)
        }
        #expect(throws: PathError.invalidConstraint("the radius must be 0 or more, not -1.0")) {
            try plain.egoNetwork(of: "co-pi", radius: -1)
        }
        #expect(throws: PathError.invalidConstraint("the hop limit must be 0 or more, not -2")) {
            try plain.reach(from: "co-pi", maxHops: -2)
        }
    }

    @Test func searchLimit() throws {
        // A ladder: many simple paths are shorter than any through the far rung's end.
        var n = Network()
        let rungs = 9
        for i in 0..<rungs { for side in ["l", "r"] { n.addNode(Node(id: NodeID("\(side)\(i)"), kind: .organisation)) } }
        n.addNode(Node(id: "z", kind: .organisation))
        for i in 0..<rungs {
            n.addEdge(Edge(from: NodeID("l\(i)"), to: NodeID("r\(i)"), relation: .partnersWith))
            if i + 1 < rungs {
                n.addEdge(Edge(from: NodeID("l\(i)"), to: NodeID("l\(i + 1)"), relation: .partnersWith))
                n.addEdge(Edge(from: NodeID("r\(i)"), to: NodeID("r\(i + 1)"), relation: .partnersWith))
            }
        }
        n.addEdge(Edge(from: "z", to: "l8", relation: .partnersWith))
        n.addEdge(Edge(from: "z", to: "r8", relation: .partnersWith))
        let limited = try PathFinder(network: n, options: PathOptions(via: ["z", "l4"], searchLimit: 5))
        #expect(throws: PathError.searchLimitReached(examined: 5)) { try limited.shortestPath(from: "l0", to: "r0") }
        let enough = try PathFinder(network: n, options: PathOptions(via: ["z", "l4"]))
        let p = try enough.shortestPath(from: "l0", to: "r0")
        #expect(p.nodes.contains("z") && p.nodes.contains("l4"))
        #expect(p.hops == 18)
    }

    // MARK: Degenerate but valid

    @Test func fromANodeToItself() throws {
        let f = try PathFinder(network: pathNordic)
        let p = try f.shortestPath(from: "keino", to: "keino")
        #expect(p.nodes == ["keino"])
        #expect(p.hops == 0 && p.length == 0 && p.bottleneck == nil)
        #expect(try f.allShortestPaths(from: "keino", to: "keino").count == 1)
        #expect(try f.strongestPath(from: "keino", to: "keino").hops == 0)
    }
}
