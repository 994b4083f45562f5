import Foundation
import Testing

/// `partnergraph suggest` against scripts/make_link_prediction_fixtures.py: NetworkX 3.6.1's
/// scores, ranked and restricted by the script.
@Suite struct SuggestCommandTests {
    private func fixture(_ name: String) throws -> [String: Any] { try algorithmFixture("link-prediction", name) }

    private func json(_ arguments: [String]) throws -> [String: Any] { try partnergraphJSON(arguments) }

    /// Every ranking the fixture scripts: pairs in order, scores to 1e-12.
    @Test(arguments: ["nordic-innovation-procurement", "karate-club"]) func rankingsEqualTheFixture(name: String) throws {
        let cases = try #require(try fixture(name)["cli"] as? [[String: Any]])
        #expect(!cases.isEmpty)
        for c in cases {
            let arguments = try #require(c["arguments"] as? [String])
            let expected = try #require(c["expected"] as? [[Any]])
            let got = try #require(try json(arguments)["suggestions"] as? [[String: Any]])
            #expect(got.count == expected.count, "\(arguments.joined(separator: " ")): \(got.count) pairs, expected \(expected.count)")
            for (g, e) in zip(got, expected) {
                let score = try #require(g["score"] as? Double), want = try #require(e[2] as? Double)
                #expect(g["from"] as? String == e[0] as? String && g["to"] as? String == e[1] as? String
                        && abs(score - want) <= 1e-12 * max(1, abs(want)),
                        "\(arguments.joined(separator: " ")): \(g["from"] ?? "")–\(g["to"] ?? "") \(score), expected \(e)")
            }
        }
    }

    /// The issue's example, checked by hand against Graphs/nordic-innovation-procurement.yaml:
    /// LUP and KEINO share CO-PI (sister organisations) and the Copenhagen seminar.
    @Test func explanationsNameTheSharedPartnersAndSources() throws {
        let r = try partnergraph(["suggest", "Graphs/nordic-innovation-procurement.yaml", "--pair-kinds", "organisation,programme", "--top", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Suggested ties by adamic-adar, both of kind organisation or programme\n"))
        let lup = "Supplier Development Programme (LUP)", seminar = "Nordic seminar on innovative procurement, Copenhagen 2022"
        let sentence: String = "1. \(lup) and KEINO share 2 partners, CO-PI and \(seminar): \(lup) is a sister organisation of CO-PI (+1 tie), "
            + "KEINO is a sister organisation of CO-PI (+1 tie); \(lup) took part in \(seminar), KEINO took part in \(seminar). "
            + "Source: copi-seminar-2022."
        #expect(r.stdout.contains(sentence), "\(r.stdout)")
        // KS has one partner (LUP, which it founded), KEINO seven: no shared partner.
        let pa = try partnergraph(["suggest", "Graphs/nordic-innovation-procurement.yaml", "ks", "--method", "preferential-attachment",
                                   "--top", "1", "--format", "csv"])
        #expect(pa.status == 0, "\(pa.stderr)")
        let csv: String = "rank,from,from label,to,to label,method,score,shared,explanation\n"
            + "1,ks,KS,keino,KEINO,preferential-attachment,7.0,0,KS and KEINO share no partner; KS has 1 partner and KEINO 7.\n"
        #expect(pa.stdout == csv)
        let json = try self.json(["suggest", "Graphs/nordic-innovation-procurement.yaml", "lup", "--method", "common-neighbours",
                                  "--top", "1", "--format", "json"])
        #expect(json["method"] as? String == "common-neighbours")
        #expect(json["alpha"] as? Double == 1)
        #expect(json["node"] as? String == "lup")
        let first = try #require((json["suggestions"] as? [[String: Any]])?.first)
        let shared = try #require(first["shared"] as? [[String: Any]])
        #expect(shared.map { $0["id"] as? String } == ["co-pi", "nordic-seminar-2022"])
        #expect(shared.allSatisfy { $0["sources"] as? [String] == ["copi-seminar-2022"] })
    }

    /// README's "Introductions" command as text: the ranking of the fixture (NetworkX's
    /// scores), the header naming the limits, the first explanation checked by hand.
    @Test func readmeExample() throws {
        let r = try partnergraph(["suggest", "Graphs/nordic-innovation-procurement.yaml", "--across", "country",
                                  "--pair-kinds", "organisation,programme", "--top", "5"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Suggested ties by adamic-adar, both of kind organisation or programme, across country")
        let rows = lines.filter { $0.first?.isNumber == true && !$0.contains(". ") }
        #expect(rows.count == 5)
        let cases = try #require(try fixture("nordic-innovation-procurement")["cli"] as? [[String: Any]])
        let json = try #require(cases.first { ($0["arguments"] as? [String])?.contains("organisation,programme") == true })
        let expected = try #require(json["expected"] as? [[Any]])
        let names = ["lup": "Supplier Development Programme (LUP)", "keino": "KEINO", "motiva": "Motiva", "co-pi": "CO-PI",
                     "vtt": "VTT", "business-finland": "Business Finland", "syke": "SYKE"]
        for (row, e) in zip(rows, expected) {
            let score = String(format: "%.4f", try #require(e[2] as? Double))
            let from = try #require(names[e[0] as? String ?? ""]), to = try #require(names[e[1] as? String ?? ""])
            #expect(row.contains(from) && row.contains(to) && row.contains(score), "\(row), expected \(e)")
        }
        #expect(r.stdout.contains("\n1. Supplier Development Programme (LUP) and KEINO share 2 partners, CO-PI and Nordic seminar"))
    }

    /// With a view that drops relations, pairs tied by a dropped relation are still never
    /// suggested: every pair listed is a non-edge of the whole file.
    @Test func tiesOutsideTheViewAreNeverSuggested() throws {
        let nonEdges = try #require(try fixture("nordic-innovation-procurement")["pairs"] as? [[String]])
        let open = Set(nonEdges.map { $0.sorted().joined(separator: "|") })
        for method in ["adamic-adar", "preferential-attachment"] {
            let got = try #require(try json(["suggest", "Graphs/nordic-innovation-procurement.yaml", "--relations", "participated-in,hosted",
                                             "--method", method, "--top", "0", "--format", "json"])["suggestions"] as? [[String: Any]])
            #expect(!got.isEmpty)
            for g in got {
                let key = [g["from"] as? String ?? "", g["to"] as? String ?? ""].sorted().joined(separator: "|")
                #expect(open.contains(key), "\(method): \(key) is tied in the file")
            }
        }
    }

    @Test func badRequestsAreRefused() throws {
        let file = "Graphs/nordic-innovation-procurement.yaml"
        for (arguments, message) in [
            (["suggest", file, "--method", "jaccard", "--alpha", "0.5"], "--alpha applies to --method common-neighbours only, not jaccard"),
            (["suggest", file, "--method", "common-neighbours", "--alpha", "1.5"], "--alpha must be between 0 and 1, not 1.5"),
            (["suggest", file, "--top", "-1"], "--top must be at least 0, not -1"),
            (["suggest", file, "--pair-kinds", "organization"], "--pair-kinds: no kind 'organization' in the network; did you mean 'organisation'?"),
            (["suggest", file, "--across", "sector"], "cannot group by 'sector': no node has a 'sector' field or attribute"),
            (["suggest", file, "Hanzel"], "no node has the id or name 'Hanzel'"),
            (["suggest", file, "keino", "--kinds", "person"], "KEINO is not in the view"),
            (["suggest", file, "--method", "katz"], "katz"),
        ] {
            let r = try partnergraph(arguments)
            #expect(r.status == 64, "\(arguments): \(r.status)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }
}
