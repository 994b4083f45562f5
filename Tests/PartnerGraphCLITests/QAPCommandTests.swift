import Foundation
import Testing

/// `partnergraph qap` against R's sna 2.7.1 (scripts/make_qap_fixtures.R): gcor, qaptest and
/// netlm. Estimates, standard errors, t-values and R² are exact; p-values are Monte Carlo on
/// both sides (4,000 permutations in R, 1,000 here) and must agree within sampling error.
@Suite struct QAPCommandTests {
    static let cases: [(String, [String])] = [
        ("emon-texas-sponsorship", []),
        ("emon-texas-weight", []),
        ("nordic-multiplex", ["--undirected"]),
    ]

    private func fixture(_ name: String) throws -> [String: Any] { try algorithmFixture("qap", name) }

    private func sameP(_ ours: Any?, _ theirs: Any?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let p = ours as? Double, let q = theirs as? Double else {
            Issue.record("\(what): \(String(describing: ours)) vs \(String(describing: theirs))", sourceLocation: sourceLocation)
            return
        }
        let pooled = (p + q) / 2
        let se = (pooled * (1 - pooled) * (1.0 / 1000 + 1.0 / 4000)).squareRoot()
        #expect(abs(p - q) <= 4 * se + 2.0 / 1000, "\(what): \(p), sna \(q)", sourceLocation: sourceLocation)
    }

    private func sameValue(_ ours: Any?, _ theirs: Any?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let a = ours as? Double, let b = theirs as? Double else {
            Issue.record("\(what): \(String(describing: ours)) vs \(String(describing: theirs))", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(a - b) <= 1e-11 * max(1, abs(b)), "\(what): \(a), sna \(b)", sourceLocation: sourceLocation)
    }

    @Test(arguments: QAPCommandTests.cases) func equalsSna(name: String, options: [String]) throws {
        let f = try fixture(name)
        let file = try #require(f["file"] as? String), y = try #require(f["y"] as? String), x = try #require(f["x"] as? [String])
        let r = try partnergraph(["qap", file, "--y", y] + x.flatMap { ["--x", $0] } + options + ["--null", "1000", "--seed", "3", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["mode"] as? String == f["mode"] as? String)
        #expect(doc["pairs"] as? Int == f["pairs"] as? Int)
        let ours = try #require(doc["correlations"] as? [[String: Any]]), theirs = try #require(f["correlations"] as? [[String: Any]])
        #expect(ours.count == theirs.count)
        for (a, b) in zip(ours, theirs) {
            sameValue(a["r"], b["r"], "\(name) r(\(b["x"] ?? ""))")
            sameP(a["pGreater"], b["pGreater"], "\(name) r p≥")
            sameP(a["pLess"], b["pLess"], "\(name) r p≤")
        }
        let reg = try #require(doc["regression"] as? [String: Any]), want = try #require(f["regression"] as? [String: Any])
        sameValue(reg["rSquared"], want["rSquared"], "\(name) R²")
        sameValue(reg["adjustedRSquared"], want["adjustedRSquared"], "\(name) adjusted R²")
        let oc = try #require(reg["coefficients"] as? [[String: Any]]), wc = try #require(want["coefficients"] as? [[String: Any]])
        #expect(oc.count == wc.count)
        for (a, b) in zip(oc, wc) {
            let term = b["term"] as? String ?? ""
            #expect(a["term"] as? String == term)
            for key in ["estimate", "se", "t"] { sameValue(a[key], b[key], "\(name) \(term) \(key)") }
            sameP(a["pGreater"], b["pGreater"], "\(name) \(term) p≥")
            sameP(a["pLess"], b["pLess"], "\(name) \(term) p≤")
            sameP(a["pTwoSided"], b["pAbsolute"], "\(name) \(term) p |t|")
        }
    }

    /// diff:FIELD by hand: staff 1, 2 and 4, ties a–b and b–c; over the three pairs the
    /// differences are 1, 3, 2 and the ties 1, 0, 1, so r = −1 / √(4/3) = −0.8660.
    @Test func differenceTermByHand() throws {
        let dir = try temporaryFolder()
        try write("source,target\na,b\nb,c\n", to: dir.appendingPathComponent("edges.csv"))
        try write("id,staff\na,1\nb,2\nc,4\n", to: dir.appendingPathComponent("nodes.csv"))
        let r = try partnergraph(["qap", "edges.csv", "--nodes", "nodes.csv", "--y", "ties", "--x", "diff:staff", "--null", "0", "--format", "json"],
                                 in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let c = try #require((doc["correlations"] as? [[String: Any]])?.first)
        #expect(abs((c["r"] as? Double ?? 0) + 1 / (4.0 / 3).squareRoot()) < 1e-12)
        #expect(doc["mode"] as? String == "graph" && doc["pairs"] as? Int == 3)
    }

    /// A term explained by itself: R² 1, and no p-values (a t of a perfect fit is not a number).
    @Test func perfectFitHasNoPValues() throws {
        let doc = try partnergraphJSON(["qap", "Graphs/emon-texas.yaml", "--y", "ties", "--x", "ties", "--null", "20", "--format", "json"])
        let reg = try #require(doc["regression"] as? [String: Any])
        #expect(abs((reg["rSquared"] as? Double ?? 0) - 1) < 1e-12)
        for c in try #require(reg["coefficients"] as? [[String: Any]]) { #expect(c["pTwoSided"] is NSNull) }
    }

    @Test func readmeExample() throws {
        let r = try partnergraph(["qap", "Graphs/emon-texas.yaml", "--y", "ties", "--x", "same:Sponsorship", "--x", "same:Location"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("QAP of ties on same:Sponsorship, same:Location: 600 ordered pairs of 25 actors, 1000 permutations, seed 0\n"))
        #expect(r.stdout.contains("same:Sponsorship       0.0606"))
        #expect(r.stdout.contains("(intercept)         0.2859     0.0261  10.9392"))
    }

    @Test func badRequestsAreRefused() throws {
        let file = "Graphs/emon-texas.yaml"
        for (arguments, message) in [
            (["qap", file, "--y", "ties"], "--x: name at least one term that may explain --y ties"),
            (["qap", file, "--y", "tie", "--x", "same:Location"], "--y tie: not a term; use ties, weight, relation:NAME, same:FIELD or diff:FIELD"),
            (["qap", file, "--y", "ties", "--x", "relation:interacted-wth"], "--x relation:interacted-wth: no relation 'interacted-wth' in the network; did you mean 'interacted-with'?"),
            (["qap", file, "--y", "ties", "--x", "same:Sector"], "--x same:Sector: no actor has a 'Sector' field or attribute"),
            (["qap", file, "--y", "ties", "--x", "diff:Paid.Staff"], "--x diff:Paid.Staff: 4 of 25 actors have no number 'Paid.Staff'"),
            (["qap", file, "--y", "ties", "--x", "same:Location", "--x", "same:Location"], "collinear"),
            (["qap", file, "--y", "ties", "--x", "same:Location", "--null", "-1"], "--null must be at least 0, not -1"),
        ] {
            let r = try partnergraph(arguments)
            #expect(r.status == 64, "\(arguments): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
    }
}
