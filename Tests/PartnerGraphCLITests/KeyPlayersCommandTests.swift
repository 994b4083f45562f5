import Foundation
import Testing

/// `partnergraph keyplayers` against scripts/make_keyplayer_fixtures.py: the best sets found by
/// scoring every set of k nodes.
@Suite struct KeyPlayersCommandTests {
    private func optimum(_ name: String, _ objective: String, k: Int) throws -> (score: Double, sets: [[String]]) {
        let url = repositoryRoot.appendingPathComponent("Tests/PartnerGraphAlgorithmsTests/Fixtures/keyplayers/\(name).json")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let best = try #require(((doc["optimum"] as? [String: Any])?[objective] as? [String: Any])?[String(k)] as? [String: Any])
        return (try #require(best["score"] as? Double), try #require(best["sets"] as? [[String]]))
    }

    private func json(_ arguments: [String]) throws -> [String: Any] { try partnergraphJSON(arguments) }

    @Test(arguments: [
        ("nordic-innovation-procurement", ["--k", "2"], ["distance-fragmentation", "distance-reach"], 2),
        ("nordic-innovation-procurement", ["--k", "3", "--fragmentation", "components", "--max-hops", "1"], ["fragmentation", "reach-1"], 3),
        ("karate-club", ["--k", "3", "--goal", "fragment"], ["distance-fragmentation"], 3),
        ("karate-club", ["--k", "2", "--goal", "reach", "--max-hops", "2"], ["reach-2"], 2),
    ]) func setsAreOptimal(name: String, options: [String], objectives: [String], k: Int) throws {
        let doc = try json(["keyplayers", "Graphs/\(name).yaml"] + options + ["--format", "json"])
        let results = try #require(doc["results"] as? [[String: Any]])
        #expect(results.count == objectives.count)
        for (r, objective) in zip(results, objectives) {
            let best = try optimum(name, objective, k: k)
            let score = try #require(r["score"] as? Double)
            #expect(abs(score - best.score) <= 1e-12, "\(name) \(objective): \(score), optimum \(best.score)")
            let ids = try #require(r["members"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            #expect(best.sets.contains(ids), "\(name) \(objective): \(ids)")
        }
    }

    /// README's command: LUP and KEINO, the two programmes that tie the Norwegian and Finnish
    /// halves together (the only optimal pair by exhaustive search, for both goals).
    @Test func readmeExample() throws {
        let r = try partnergraph(["keyplayers", "Graphs/nordic-innovation-procurement.yaml", "--k", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        let frag = try optimum("nordic-innovation-procurement", "distance-fragmentation", k: 2)
        let reach = try optimum("nordic-innovation-procurement", "distance-reach", k: 2)
        #expect(frag.sets == [["lup", "keino"]] && reach.sets == [["lup", "keino"]])
        #expect(r.stdout.contains("To fragment the network (KPP-Neg, distance-weighted fragmentation): "))
        #expect(r.stdout.contains(String(format: "%.4f without the set", frag.score)))
        #expect(r.stdout.contains(String(format: "To reach the network (KPP-Pos, distance-weighted reach): %.4f", reach.score)))
        #expect(r.stdout.contains("lup    Supplier Development Programme (LUP)"))
    }

    @Test func sameSeedSameOutput() throws {
        let arguments = ["keyplayers", "Graphs/karate-club.yaml", "--k", "3", "--starts", "3", "--seed", "5", "--format", "csv"]
        let a = try partnergraph(arguments), b = try partnergraph(arguments)
        #expect(a.status == 0 && a.stdout == b.stdout)
        #expect(a.stdout.hasPrefix("goal,measure,id,label,alone,contribution,set score\n"))
    }

    @Test func badRequestsAreRefused() throws {
        let file = "Graphs/nordic-innovation-procurement.yaml"
        for (arguments, message) in [
            (["keyplayers", file, "--k", "0"], "--k must be at least 1, not 0"),
            (["keyplayers", file, "--k", "16"], "--k 16 is too large to fragment a network of 17 nodes: at most 15 (two must remain)"),
            (["keyplayers", file, "--k", "17", "--goal", "reach"], "--k 17 is too large: the network has 17 nodes, so at most 16"),
            (["keyplayers", file, "--k", "2", "--starts", "0"], "--starts must be at least 1, not 0"),
            (["keyplayers", file, "--k", "2", "--max-hops", "0"], "--max-hops must be at least 1, not 0"),
            (["keyplayers", file, "--k", "2", "--goal", "fragment", "--max-hops", "2"], "--max-hops sets the reach measure; it does nothing with --goal fragment"),
            (["keyplayers", file, "--k", "2", "--goal", "reach", "--fragmentation", "components"], "--fragmentation sets the fragment measure; it does nothing with --goal reach"),
            (["keyplayers", file], "--k"),
        ] {
            let r = try partnergraph(arguments)
            #expect(r.status == 64, "\(arguments): \(r.status)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
    }
}
