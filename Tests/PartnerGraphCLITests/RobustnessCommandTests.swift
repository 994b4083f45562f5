import Foundation
import Testing

/// `partnergraph robustness` against scripts/make_robustness_fixtures.py (NetworkX's measures and
/// scipy's Spearman on 2,000 copies drawn in Python): the means, standard deviations and each
/// actor's share in the top must agree within sampling error (four standard errors).
@Suite struct RobustnessCommandTests {
    @Test(arguments: ["karate-betweenness-ties-10", "karate-degree-ties-30", "lesmis-betweenness-nodes-10"])
    func agreesWithNetworkX(name: String) throws {
        let url = repositoryRoot.appendingPathComponent("Tests/PartnerGraphAlgorithmsTests/Fixtures/robustness/\(name).json")
        let f = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let samples = 1000
        let arguments = ["robustness", f["file"] as! String, "--measure", f["measure"] as! String, "--drop", String(f["drop"] as! Int),
                         "--of", f["of"] as! String, "--top", String(f["top"] as! Int), "--samples", String(samples), "--seed", "1", "--format", "json"]
        let r = try partnergraph(arguments)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        for key in ["spearman", "overlap"] {
            let ours = try #require(doc[key] as? [String: Double]), theirs = try #require(f[key] as? [String: Double])
            let se = ((ours["sd"]! * ours["sd"]!) / Double(samples) + (theirs["sd"]! * theirs["sd"]!) / 2000).squareRoot()
            #expect(abs(ours["mean"]! - theirs["mean"]!) <= 4 * se, "\(name) \(key) mean \(ours["mean"]!), NetworkX \(theirs["mean"]!)")
            #expect(abs(ours["sd"]! - theirs["sd"]!) <= 0.15 * theirs["sd"]!, "\(name) \(key) sd \(ours["sd"]!), NetworkX \(theirs["sd"]!)")
        }
        let inTop = try #require(f["inTop"] as? [String: Double])
        for actor in try #require(doc["actors"] as? [[String: Any]]) {
            let id = try #require(actor["id"] as? String)
            guard let q = inTop[id], let p = actor["inTop"] as? Double else { continue }
            let pooled = (p + q) / 2
            let se = (pooled * (1 - pooled) * (1.0 / Double(samples) + 1.0 / 2000)).squareRoot()
            #expect(abs(p - q) <= 4 * se + 0.01, "\(name) \(id) in top: \(p), NetworkX \(q)")
        }
    }

    @Test func readmeExample() throws {
        let r = try partnergraph(["robustness", "Graphs/karate-club.yaml", "--measure", "betweenness", "--drop", "10"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Robustness of betweenness: 100 copies, each missing 10% of the ties (8 of 78; seed 0)\n"))
        #expect(r.stdout.contains("Spearman correlation with the full network: mean 0.9"))
        #expect(r.stdout.contains("id  label  rank  mean rank  rank sd  in top 10"))
    }

    @Test func badRequestsAreRefused() throws {
        let file = "Graphs/karate-club.yaml"
        for (arguments, message) in [
            (["robustness", file, "--measure", "betweeness", "--drop", "10"], "--measure: unknown measure 'betweeness'; did you mean 'betweenness'?"),
            (["robustness", file, "--measure", "degree", "--drop", "100"], "--drop must be above 0 and below 100 (a percent), not 100"),
            (["robustness", file, "--measure", "degree", "--drop", "0"], "--drop must be above 0 and below 100 (a percent), not 0"),
            (["robustness", file, "--measure", "degree", "--drop", "5", "--samples", "0"], "--samples must be at least 1, not 0"),
            (["robustness", file, "--measure", "degree", "--drop", "5", "--of", "edges"], "edges"),
            (["robustness", file, "--measure", "degree", "--drop", "0.5"], "--drop 0.5: 0.5% of the view's 78 ties is 0; drop at least 1 tie and keep at least 1"),
            (["robustness", file, "--measure", "degree", "--drop", "99", "--of", "nodes"], "--drop 99: 99% of the view's 34 actors is 34; drop at least 1 actor and keep at least 2"),
        ] {
            let r = try partnergraph(arguments)
            #expect(r.status == 64 && r.stderr.contains(message), "\(arguments): \(r.status) \(r.stderr)")
        }
    }
}
