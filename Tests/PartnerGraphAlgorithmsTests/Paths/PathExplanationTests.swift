import Foundation
import Testing
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

/// The Nordic network's cooperation paths told in plain language: snapshots, read for sense.

private let nordicNetwork: Network = {
    let file = repositoryFile("Graphs/nordic-innovation-procurement.yaml")
    return try! NetworkFile.load(file.path)
}()

private func explainNordicPath(_ from: String, _ to: String, _ options: PathOptions = PathOptions()) throws -> String {
    let finder = try PathFinder(network: nordicNetwork, options: options)
    let path = try finder.shortestPath(from: finder.resolve(from), to: finder.resolve(to))
    return PathExplanation.text([path], in: nordicNetwork, weightAttribute: nil)
}

@Suite struct PathExplanationTests {
    @Test func coPiToHansel() throws {
        #expect(try explainNordicPath("co-pi", "hansel") == """
            CO-PI → KEINO → Hansel
              1. CO-PI is a sister organisation of KEINO. Source: copi-seminar-2022.
              2. Hansel is a founding member of KEINO (since 2018). Source: copi-seminar-2022.
              2 hops · length 2 · weakest tie: every tie counts 1 (unweighted)

            Sources:
              copi-seminar-2022: Inspiration og viden til nordisk seminar om innovative indkøb

            """)
    }

    @Test func oleBechLykkeboToHansel() throws {
        #expect(try explainNordicPath("Ole Bech Lykkebo", "Hansel") == """
            Ole Bech Lykkebo → CO-PI → KEINO → Hansel
              1. Ole Bech Lykkebo works at CO-PI (programme chief). Source: copi-seminar-2022.
              2. CO-PI is a sister organisation of KEINO. Source: copi-seminar-2022.
              3. Hansel is a founding member of KEINO (since 2018). Source: copi-seminar-2022.
              3 hops · length 3 · weakest tie: every tie counts 1 (unweighted)

            Sources:
              copi-seminar-2022: Inspiration og viden til nordisk seminar om innovative indkøb

            """)
    }

    @Test func oleBechLykkeboToHanselThroughTheSeminar() throws {
        // The chain of issue 4: programme chief → host → fellow participant → founding member.
        #expect(try explainNordicPath("ole-bech-lykkebo", "hansel", PathOptions(via: ["nordic-seminar-2022"])) == """
            Ole Bech Lykkebo → CO-PI → Nordic seminar on innovative procurement, Copenhagen 2022 → KEINO → Hansel
              1. Ole Bech Lykkebo works at CO-PI (programme chief). Source: copi-seminar-2022.
              2. CO-PI hosted Nordic seminar on innovative procurement, Copenhagen 2022 (in October 2022). Source: copi-seminar-2022.
              3. KEINO took part in Nordic seminar on innovative procurement, Copenhagen 2022 (in October 2022). Source: copi-seminar-2022.
              4. Hansel is a founding member of KEINO (since 2018). Source: copi-seminar-2022.
              4 hops · length 4 · weakest tie: every tie counts 1 (unweighted)

            Sources:
              copi-seminar-2022: Inspiration og viden til nordisk seminar om innovative indkøb

            """)
    }

    @Test func theTwoSpeakersMetAtTheSeminar() throws {
        // Typed without the ø; the roles come from the edges.
        #expect(try explainNordicPath("Ingebjorg Harto", "salla koivusalo") == """
            Ingebjørg Harto → Nordic seminar on innovative procurement, Copenhagen 2022 → Salla Koivusalo
              1. Ingebjørg Harto took part in Nordic seminar on innovative procurement, Copenhagen 2022 (spoke at the opening; in October 2022). Source: copi-seminar-2022.
              2. Salla Koivusalo took part in Nordic seminar on innovative procurement, Copenhagen 2022 (one of the participants from Finland; in October 2022). Source: copi-seminar-2022.
              2 hops · length 2 · weakest tie: every tie counts 1 (unweighted)

            Sources:
              copi-seminar-2022: Inspiration og viden til nordisk seminar om innovative indkøb

            """)
    }

    @Test func aBackerOfLupToKeinoUsesTheFirstOfParallelTies() throws {
        // NHO both founded and manages LUP; the hop uses the first edge in the file (founded).
        // LUP–CO-PI: sister organisation (edge 22) comes before inspired-by (edge 24).
        let text = try explainNordicPath("nho", "keino")
        #expect(text.hasPrefix("""
            NHO → Supplier Development Programme (LUP) → CO-PI → KEINO
              1. NHO founded Supplier Development Programme (LUP). Source: copi-seminar-2022.
              2. Supplier Development Programme (LUP) is a sister organisation of CO-PI. Source: copi-seminar-2022.
              3. CO-PI is a sister organisation of KEINO. Source: copi-seminar-2022.
            """))
    }

    @Test func symmetricTiesAreToldInWalkingOrderDirectedOnesAsStated() throws {
        let finder = try PathFinder(network: nordicNetwork)
        let p = try finder.shortestPath(from: "keino", to: "co-pi")
        #expect(p.edges[0].traversed == .backward)
        #expect(PathExplanation.clause(p.edges[0], in: nordicNetwork) == "KEINO is a sister organisation of CO-PI")
        let q = try finder.shortestPath(from: "keino", to: "hansel")
        #expect(q.edges[0].traversed == .backward)
        #expect(PathExplanation.clause(q.edges[0], in: nordicNetwork) == "Hansel is a founding member of KEINO")
    }

    @Test func severalPathsAreNumbered() throws {
        let finder = try PathFinder(network: nordicNetwork)
        let paths = try finder.shortestSimplePaths(from: "ingebjorg-harto", to: "keino", count: 2)
        let text = PathExplanation.text(paths, in: nordicNetwork, weightAttribute: nil)
        #expect(text.hasPrefix("Path 1 of 2: Ingebjørg Harto → Nordic seminar on innovative procurement, Copenhagen 2022 → KEINO\n"))
        #expect(text.contains("\nPath 2 of 2: Ingebjørg Harto → Supplier Development Programme (LUP) → CO-PI → KEINO\n"))
        #expect(text.components(separatedBy: "Sources:").count == 2, "sources are listed once")
    }

    @Test func weightedPathsNameTheirWeakestTie() throws {
        var n = Network(sources: [Source(id: "s", title: "Register")])
        n.addNode(Node(id: "a", kind: .organisation, label: "Alfa"))
        n.addNode(Node(id: "b", kind: .organisation, label: "Beta"))
        n.addNode(Node(id: "c", kind: .person, label: "Cé"))
        n.addEdge(Edge(from: "a", to: "b", relation: .funds, weight: 3, since: PartialDate("2019-03"), until: PartialDate("2021"), sources: ["s"]))
        n.addEdge(Edge(from: "c", to: "b", relation: .worksAt, weight: 1.5, attributes: ["role": .string("adviser")]))
        let finder = try PathFinder(network: n, view: View(weightAttribute: "weight"))
        let p = try finder.strongestPath(from: "a", to: "c")
        #expect(PathExplanation.text([p], in: n, weightAttribute: "weight") == """
            Alfa → Beta → Cé
              1. Alfa funds Beta (from March 2019 to 2021; weight 3.0). Source: s.
              2. Cé works at Beta (adviser; weight 1.5).
              2 hops · length 1 · weakest tie: weight 1.5, Cé works at Beta

            Sources:
              s: Register

            """)
    }

    @Test func datesInWords() {
        #expect(PathExplanation.words(PartialDate("2022-10-27")!) == "27 October 2022")
        #expect(PathExplanation.datePhrase(since: PartialDate("2022-10"), until: PartialDate("2022-10")) == "in October 2022")
        #expect(PathExplanation.datePhrase(since: nil, until: PartialDate("2020")) == "until 2020")
        #expect(PathExplanation.datePhrase(since: nil, until: nil) == nil)
    }

    @Test func reasonsNameTheNodes() {
        #expect(PathExplanation.reason(.differentComponents, from: "co-pi", to: "hansel", in: nordicNetwork)
            == "CO-PI and Hansel lie in different components of the network: no chain of ties joins them")
        #expect(PathExplanation.reason(.outsideView("ingebjorg-harto"), from: "ingebjorg-harto", to: "hansel", in: nordicNetwork)
            == "Ingebjørg Harto is not in the view: its kind (person) is filtered out")
        #expect(PathExplanation.reason(.tooManyHops(fewest: 3, limit: 2), from: "ole-bech-lykkebo", to: "hansel", in: nordicNetwork)
            == "the shortest chain from Ole Bech Lykkebo to Hansel has 3 hops, more than the limit of 2")
    }
}
