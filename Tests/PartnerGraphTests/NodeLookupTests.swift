import Testing
import PartnerGraph

/// Finding nodes by what a person types.

@Suite struct NodeLookupTests {
    let network: Network = {
        var n = Network()
        n.addNode(Node(id: "ingebjorg-harto", kind: .person, label: "Ingebjørg Harto"))
        n.addNode(Node(id: "lup", kind: .programme, label: "Supplier Development Programme (LUP)", originalName: "Leverandørutviklingsprogrammet"))
        n.addNode(Node(id: "forskningsradet", kind: .organisation, label: "Research Council of Norway", originalName: "Forskningsrådet"))
        n.addNode(Node(id: "hansel", kind: .organisation, label: "Hansel"))
        n.addNode(Node(id: "a1", kind: .person, label: "Åsa Ström"))
        n.addNode(Node(id: "a2", kind: .person, label: "Asa Strom"))
        n.addNode(Node(id: "seminar", kind: .event, label: "Nordic seminar, Copenhagen 2022"))
        n.addNode(Node(id: "Hansel", kind: .organisation, label: "Hansel Oy"))
        return n
    }()

    @Test func exactIdFirst() throws {
        #expect(try network.lookupNode("hansel") == "hansel")
        #expect(try network.lookupNode("Hansel") == "Hansel", "an exact id wins over a label")
        #expect(try network.lookupNode("  lup ") == "lup")
    }

    @Test func labelsIgnoringCaseAndDiacritics() throws {
        #expect(try network.lookupNode("Ingebjørg Harto") == "ingebjorg-harto")
        #expect(try network.lookupNode("Ingebjorg Harto") == "ingebjorg-harto")
        #expect(try network.lookupNode("INGEBJORG  harto") == "ingebjorg-harto")
        #expect(try network.lookupNode("research council of norway") == "forskningsradet")
    }

    @Test func originalNames() throws {
        #expect(try network.lookupNode("Leverandorutviklingsprogrammet") == "lup")
        #expect(try network.lookupNode("forskningsrådet") == "forskningsradet")
    }

    @Test func uniquePartsOfNames() throws {
        #expect(try network.lookupNode("copenhagen") == "seminar")
        #expect(try network.lookupNode("ingebjorg") == "ingebjorg-harto")
        #expect(throws: NodeLookupError.unknown(query: "co", suggestions: [])) { try network.lookupNode("co") }
    }

    @Test func ambiguousNamesListEveryCandidate() throws {
        // "Åsa Ström" and "Asa Strom" fold to the same text.
        let both = [NodeMatch(id: "a1", name: "Åsa Ström"), NodeMatch(id: "a2", name: "Asa Strom")]
        #expect(throws: NodeLookupError.ambiguous(query: "asa strom", candidates: both)) { try network.lookupNode("asa strom") }
        #expect(NodeLookupError.ambiguous(query: "asa strom", candidates: both).description
            == "'asa strom' matches 2 nodes: Åsa Ström ('a1'), Asa Strom ('a2'); give one of the ids")
        // An exact label still decides.
        #expect(try network.lookupNode("Asa Strom") == "a2")
        // Parts of names: "hansel" is an id, but "ansel" is in two labels.
        #expect(throws: NodeLookupError.self) { try network.lookupNode("ansel") }
    }

    @Test func unknownNamesSuggestTheClosest() {
        #expect(throws: NodeLookupError.unknown(query: "Hanzel", suggestions: [NodeMatch(id: "hansel", name: "Hansel"), NodeMatch(id: "Hansel", name: "Hansel Oy")])) {
            try network.lookupNode("Hanzel")
        }
        #expect(throws: NodeLookupError.unknown(query: "Ingeborg Hart", suggestions: [NodeMatch(id: "ingebjorg-harto", name: "Ingebjørg Harto")])) {
            try network.lookupNode("Ingeborg Hart")
        }
        #expect(throws: NodeLookupError.unknown(query: "xyzzy", suggestions: [])) { try network.lookupNode("xyzzy") }
        #expect(NodeLookupError.unknown(query: "xyzzy", suggestions: []).description == "no node has the id or name 'xyzzy'")
    }

    @Test func folding() {
        #expect(foldedForMatching("Ingebjørg") == "ingebjorg")
        #expect(foldedForMatching("Æblegård Øster") == "aeblegard oster")
        #expect(foldedForMatching("Ärlig Öl") == "arlig ol")
        #expect(foldedForMatching("Straße") == "strasse")
        #expect(foldedForMatching("Łódź Þór Œuvre") == "lodz thor oeuvre")
        #expect(foldedForMatching("e\u{301}te\u{301}") == "ete", "combining accents are dropped")
        #expect(foldedForMatching("  two\t words ") == "two words")
        #expect(foldedForMatching("DFØ") == "dfo")
    }

    /// Aliases are names like any other: exact, folded and contained.
    @Test func aliasesFindTheNode() throws {
        var n = network
        n.addNode(Node(id: "in", kind: .organisation, label: "Innovation Norway", originalName: "Innovasjon Norge",
                       aliases: ["Innovation Norge", "IN"]))
        #expect(try n.lookupNode("Innovation Norge") == "in")
        #expect(try n.lookupNode("innovation norge") == "in")
        #expect(n.nodes.last!.names == ["in", "Innovation Norway", "Innovasjon Norge", "Innovation Norge", "IN"])
        var m = Network()
        m.addNode(Node(id: "lup", kind: .programme, label: "Supplier Development Programme", aliases: ["LUP", "Leverandørutviklingsprogrammet"]))
        m.addNode(Node(id: "keino", kind: .programme, label: "KEINO"))
        #expect(try m.lookupNode("LUP") == "lup")
        #expect(try m.lookupNode("leverandorutvikling") == "lup", "contained in a folded alias")
        #expect(m.validate().isEmpty)
        m.updateNode(at: 1) { $0.aliases = [" "] }
        #expect(m.validate().map(\.description) == ["node 'keino': alias 1 is empty"])
    }
}
