import Testing
import PartnerGraph

/// Name keys, merging, diffs and duplicate candidates on small networks whose answers are
/// worked out by hand in the comments.
@Suite struct CombiningTests {
    @Test func namesNormalise() {
        #expect(NameKey.normalised("Innovasjon Norge AS") == "innovasjon norge")
        #expect(NameKey.normalised("Nordic Partners A/S") == "nordic partners")
        #expect(NameKey.normalised("Hansel Oy") == "hansel")
        #expect(NameKey.normalised("Acme Ltd.") == "acme")
        #expect(NameKey.normalised("AS") == "as", "a suffix alone is the name")
        #expect(NameKey.normalised("Forskningsrådet") == "forskningsradet")
        #expect(NameKey.normalised("CO-PI") == "co pi")
        #expect(NameKey.keys("Leverandørutviklingsprogrammet (LUP)") == ["leverandorutviklingsprogrammet lup", "leverandorutviklingsprogrammet"])
        #expect(NameKey.bracketedAcronym("Leverandørutviklingsprogrammet (LUP)") == "lup")
        #expect(NameKey.bracketedAcronym("Nordic seminar (late October)") == nil)
        #expect(NameKey.initials("Research Council of Norway") == ["rcn", "rcon"])
        #expect(NameKey.initials("Motiva") == [])
    }

    static func node(_ id: String, _ label: String? = nil, kind: NodeKind = .organisation, country: String? = nil,
                     attributes: Attributes = [:], sources: [String] = []) -> Node {
        Node(id: NodeID(id), kind: kind, label: label, country: country, attributes: attributes, sources: sources)
    }

    /// A: lup, nho, nho → lup founded. B: "LUP" (by name), "Innovasjon Norge AS" (new), "NHO"
    /// stated with another country, the founding tie again with a second source and a date, and
    /// a tie IN → LUP founded.
    @Test func mergeMatchesFillsAndReports() {
        var a = Network(sources: [Source(id: "s1", title: "Article")])
        a.addNode(Self.node("lup", "Supplier Development Programme (LUP)", kind: .programme, sources: ["s1"]))
        a.addNode(Self.node("nho", "NHO", country: "Norway", attributes: ["members": .integer(30000)], sources: ["s1"]))
        a.addEdge(Edge(from: "nho", to: "lup", relation: .founded, sources: ["s1"]))
        var b = Network(sources: [Source(id: "s2", title: "Register")])
        b.addNode(Self.node("P1", "LUP", kind: .programme, country: "Norway", sources: ["s2"]))
        b.addNode(Self.node("P2", "Innovasjon Norge AS", country: "Norway", sources: ["s2"]))
        b.addNode(Self.node("nho", "NHO", country: "Noreg", attributes: ["members": .integer(28000), "founded": .integer(1989)], sources: ["s2"]))
        b.addEdge(Edge(from: "nho", to: "P1", relation: .founded, since: PartialDate("2010"), sources: ["s2"]))
        b.addEdge(Edge(from: "P2", to: "P1", relation: .founded, sources: ["s2"]))
        let (m, r) = NetworkMerge().merge([.init(name: "a", network: a), .init(name: "b", network: b)])
        #expect(m.nodes.map(\.id) == ["lup", "nho", "P2"])
        #expect(m.sources.map(\.id) == ["s1", "s2"])
        // lup: matched through the acronym in its label ("lup" is also its id's key); the
        // label differs, so "LUP" is kept as an alias; the country is filled.
        #expect(m.nodes[0].country == "Norway" && m.nodes[0].aliases == ["LUP"] && m.nodes[0].sources == ["s1", "s2"])
        #expect(m.nodes[1].attributes["members"] == .integer(30000) && m.nodes[1].attributes["founded"] == .integer(1989))
        #expect(m.edges.count == 2)
        #expect(m.edges[0].since == PartialDate("2010") && m.edges[0].sources == ["s1", "s2"], "the tie stated again: date filled, sources united")
        #expect(m.edges[1].from == "P2" && m.edges[1].to == "lup")
        #expect(r.edgesMatched == 1 && r.edgesAdded == 1)
        #expect(r.conflicts.map(\.description) == [
            "node 'lup', label: kept 'Supplier Development Programme (LUP)' (a), not 'LUP' (b); the other is kept as an alias",
            "node 'nho', country: kept 'Norway' (a), not 'Noreg' (b)",
            "node 'nho', attribute 'members': kept 30000 (a), not 28000 (b)",
        ])
        // --prefer b: b's values win, a's are reported.
        let (p, pr) = NetworkMerge(preferred: 1).merge([.init(name: "a", network: a), .init(name: "b", network: b)])
        #expect(p.nodes[1].country == "Noreg" && p.nodes[1].attributes["members"] == .integer(28000))
        #expect(pr.conflicts[1].description == "node 'nho', country: kept 'Noreg' (b), not 'Norway' (a)")
        // By id only: "P1" is a new node.
        let (i, _) = NetworkMerge(matchByName: false).merge([.init(name: "a", network: a), .init(name: "b", network: b)])
        #expect(i.nodes.map(\.id) == ["lup", "nho", "P1", "P2"])
    }

    /// A name two merged nodes share decides nothing; the map always wins; unused map entries
    /// are listed.
    @Test func ambiguityAndTheMap() {
        var a = Network()
        a.addNode(Self.node("vtt-1", "VTT"))
        a.addNode(Self.node("vtt-2", "VTT Oy"))
        var b = Network()
        b.addNode(Self.node("x", "vtt"))
        let inputs: [NetworkMerge.Input] = [.init(name: "a", network: a), .init(name: "b", network: b)]
        let (m, r) = NetworkMerge().merge(inputs)
        #expect(m.nodes.map(\.id) == ["vtt-1", "vtt-2", "x"])
        #expect(r.ambiguous.count == 1 && r.ambiguous[0].candidates == ["vtt-1", "vtt-2"])
        let (mm, mr) = NetworkMerge(map: ["x": "vtt-2", "nobody": "vtt-1"]).merge(inputs)
        #expect(mm.nodes.map(\.id) == ["vtt-1", "vtt-2"])
        #expect(mr.nodeMappings.last == .init(input: 1, id: "x", mergedID: "vtt-2", how: .map))
        #expect(mr.unusedMapEntries == ["nobody"])
    }

    /// Two spells of one tie in one file stay two edges; a third file's spell matches the one
    /// with its dates; a differing date on a single tie is a conflict.
    @Test func edgesMatchByDates() {
        var a = Network()
        a.addNode(Self.node("x"))
        a.addNode(Self.node("y"))
        a.addEdge(Edge(from: "x", to: "y", relation: .partnersWith, since: PartialDate("2010"), until: PartialDate("2012")))
        a.addEdge(Edge(from: "x", to: "y", relation: .partnersWith, since: PartialDate("2015"), until: PartialDate("2018")))
        var b = Network()
        b.addNode(Self.node("x"))
        b.addNode(Self.node("y"))
        b.addEdge(Edge(from: "y", to: "x", relation: .partnersWith, since: PartialDate("2015"), until: PartialDate("2018"), attributes: ["k": .string("v")]))
        b.addEdge(Edge(from: "x", to: "y", relation: .funds, since: PartialDate("2019")))
        var c = Network()
        c.addNode(Self.node("x"))
        c.addNode(Self.node("y"))
        c.addEdge(Edge(from: "x", to: "y", relation: .funds, since: PartialDate("2020")))
        let (m, r) = NetworkMerge().merge([.init(name: "a", network: a), .init(name: "b", network: b), .init(name: "c", network: c)])
        #expect(m.edges.count == 3)
        #expect(m.edges[1].attributes["k"] == .string("v"), "the symmetric tie stated the other way round is the same tie")
        #expect(r.conflicts.map(\.description) == ["edge 3 (x → y, funds), since: kept 2019 (b), not 2020 (c)"])
    }

    @Test func diffFindsEveryChange() {
        var a = Network(name: "v1")
        a.addNode(Self.node("lup", "LUP", kind: .programme, attributes: ["founded": .integer(2010)], sources: ["s"]))
        a.addNode(Self.node("nho", "NHO"))
        a.addNode(Self.node("ks", "KS"))
        a.addEdge(Edge(from: "nho", to: "lup", relation: .founded))
        a.addEdge(Edge(from: "ks", to: "lup", relation: .founded, since: PartialDate("2010")))
        var b = Network(name: "v2")
        b.addNode(Self.node("LUP-1", "lup", kind: .programme, attributes: ["founded": .integer(2011), "city": .string("Oslo")], sources: ["s"]))
        b.addNode(Self.node("nho", "NHO"))
        b.addNode(Self.node("dfo", "DFØ"))
        b.addEdge(Edge(from: "nho", to: "LUP-1", relation: .founded, weight: 2))
        b.addEdge(Edge(from: "dfo", to: "LUP-1", relation: .founded))
        let d = NetworkDiff(old: a, new: b)
        #expect(d.networkChanges == [.init(field: "name", old: "'v1'", new: "'v2'")])
        #expect(d.nodesAdded == [2] && d.nodesRemoved == [2])
        #expect(d.nodesChanged.count == 1 && d.nodesChanged[0].oldID == "lup" && d.nodesChanged[0].how == .name)
        #expect(d.nodesChanged[0].fields.map(\.field) == ["id", "label", "attribute 'founded'", "attribute 'city'"])
        #expect(d.edgesChanged.count == 1 && d.edgesChanged[0].fields == [.init(field: "weight", old: nil, new: "2.0")])
        #expect(d.edgesAdded == [1] && d.edgesRemoved == [1])
        #expect(NetworkDiff(old: a, new: a).isEmpty)
    }

    @Test func duplicatesAreFoundByBlocking() {
        var n = Network()
        n.addNode(Self.node("o1", "Leverandørutviklingsprogrammet (LUP)", kind: .programme, country: "Norway"))
        n.addNode(Self.node("o2", "LUP", kind: .programme, country: "Norway"))
        n.addNode(Self.node("o3", "Business Finland", country: "Finland"))
        n.addNode(Self.node("o4", "Busines Finland", country: "Sweden"))
        n.addNode(Self.node("o5", "Hansel", country: "Finland"))
        n.addNode(Self.node("o6", "Hansel Oy", country: "Finland"))
        n.addNode(Self.node("o7", "KEINO", country: "Finland"))
        n.addEdge(Edge(from: "o5", to: "o7", relation: .memberOf))
        n.addEdge(Edge(from: "o6", to: "o7", relation: .memberOf))
        let pairs = DuplicateFinder(minimumScore: 0).candidates(in: n)
        func pair(_ a: String, _ b: String) -> DuplicateFinder.Candidate? {
            pairs.first { Set([n.nodes[$0.keep].id, n.nodes[$0.duplicate].id]) == Set([NodeID(a), NodeID(b)]) }
        }
        // Hansel: the same name (1) + same kind, same country, k shared (Jaccard 1 → +0.2): capped at 1.
        #expect(pair("o5", "o6")?.score == 1)
        // LUP: an acronym (0.8) + kind + country = 1.0.
        #expect(pair("o1", "o2").map { abs($0.score - 1) < 1e-12 } == true)
        #expect(pair("o1", "o2")?.reasons.contains("'LUP' is an acronym of Leverandørutviklingsprogrammet (LUP)") == true)
        // Business Finland: one edit (0.6) + kind (0.1) − different countries (0.3) = 0.4.
        #expect(pair("o3", "o4").map { abs($0.score - 0.4) < 1e-12 } == true)
        #expect(pair("o7", "o3") == nil)
        #expect(pairs.count == 3)
        #expect(DuplicateFinder().candidates(in: n).count == 2, "the default keeps scores of 0.5 and more")
    }
}
