import Testing
import PartnerGraph
@testable import PartnerGraphFormats

/// Each fact of the seed article (shared/seed/nordic-seminar-2022.da.txt), looked up in
/// Graphs/nordic-innovation-procurement.yaml. Expected values are read off the article by hand.
@Suite struct NordicNetworkTests {
    let n: Network

    init() throws { n = try NetworkFile.load(graphPath("nordic-innovation-procurement.yaml")) }

    func edge(_ from: NodeID, _ relation: String, _ to: NodeID) -> Edge? {
        n.edges.first { $0.from == from && $0.to == to && $0.relation.id == relation }
    }

    @Test func everyNodeAndEdgeCitesTheArticle() {
        #expect(n.sources.count == 1)
        let id = n.sources[0].id
        #expect(n.sources[0].title == "Inspiration og viden til nordisk seminar om innovative indkøb")
        #expect(n.sources[0].language == "da")
        #expect(n.nodes.allSatisfy { $0.sources == [id] })
        #expect(n.edges.allSatisfy { $0.sources == [id] })
    }

    @Test func lupAndItsFiveBackers() {
        let lup = n.node("lup")!
        #expect(lup.kind == .programme)
        #expect(lup.country == "Norway")
        #expect(lup.originalName == "Leverandørutviklingsprogrammet")
        #expect(lup.attributes["founded"] == .integer(2010))
        #expect(lup.attributes["procurementsAtLeast"] == .integer(200))
        let backers = n.edges.filter { $0.to == "lup" && $0.relation == .founded }.map(\.from)
        #expect(Set(backers) == ["nho", "ks", "dfo", "innovation-norge", "forskningsradet"])
        #expect(n.node("nho")!.originalName == "Næringslivets Hovedorganisasjon")
        #expect(n.node("dfo")!.label == "DFØ")
        #expect(n.node("dfo")!.originalName == "Direktoratet for forvaltning og økonomistyring")
        #expect(n.node("forskningsradet")!.originalName == "Forskningsrådet")
        // NHO has the project management through a secretariat.
        #expect(edge("nho", "manages", "lup") != nil)
    }

    @Test func keinoAndItsFoundingMembers() {
        let keino = n.node("keino")!
        #expect(keino.country == "Finland")
        #expect(keino.attributes["founded"] == .integer(2018))
        let members = n.edges.filter { $0.to == "keino" && $0.relation.id == "founding-member-of" }.map(\.from)
        #expect(Set(members) == ["motiva", "vtt", "business-finland", "syke", "hansel"])
        #expect(n.relation("founding-member-of")?.verb == "is a founding member of")
        #expect(edge("motiva", "part-of", "keino") != nil)
    }

    @Test func coPiAndTheSeminar() {
        #expect(n.node("co-pi")!.country == "Denmark")
        let seminar = n.node("nordic-seminar-2022")!
        #expect(seminar.kind == .event)
        #expect(seminar.attributes["city"] == .string("Copenhagen"))
        #expect(seminar.attributes["date"] == .date(PartialDate(year: 2022, month: 10)!))
        #expect(seminar.attributes["days"] == .integer(2))
        #expect(seminar.attributes["participantsFromNorwayAndFinland"] == .integer(12))
        #expect(edge("co-pi", "hosted", "nordic-seminar-2022") != nil)
        #expect(edge("lup", "participated-in", "nordic-seminar-2022")?.attributes["delegates"] == .integer(6))
        #expect(edge("keino", "participated-in", "nordic-seminar-2022")?.attributes["delegates"] == .integer(6))
    }

    @Test func thePeopleQuotedAndTheirRoles() {
        #expect(n.node("ingebjorg-harto")!.label == "Ingebjørg Harto")
        #expect(edge("ingebjorg-harto", "works-at", "lup")?.attributes["roleOriginal"] == .string("programleder"))
        #expect(edge("salla-koivusalo", "works-at", "motiva")?.attributes["roleOriginal"] == .string("ledende specialist"))
        #expect(edge("ole-bech-lykkebo", "works-at", "co-pi")?.attributes["roleOriginal"] == .string("programchef"))
        #expect(edge("ingebjorg-harto", "participated-in", "nordic-seminar-2022") != nil)
        #expect(edge("salla-koivusalo", "participated-in", "nordic-seminar-2022") != nil)
    }

    @Test func danishInspiration() {
        let norway = edge("co-pi", "inspired-by", "lup")
        let finland = edge("co-pi", "inspired-by", "keino")
        #expect(norway?.attributes["topic"] == .string("financing models for innovative public procurement in Norway"))
        #expect(finland?.attributes["topic"] == .string("Finnish methods for nationwide measurement of the share of innovative public procurement"))
    }
}
