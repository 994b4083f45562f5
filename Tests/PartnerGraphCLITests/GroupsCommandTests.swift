import Foundation
import Testing

/// `partnergraph groups` against the fixtures of scripts/make_group_fixtures.py (NetworkX
/// 3.6.1 and the script's brute force): the Nordic network by country, the karate club by club.
@Suite struct GroupsCommandTests {
    private func fixture(_ name: String) throws -> [String: Any] { try algorithmFixture("groups", name) }

    private func json(_ arguments: [String]) throws -> [String: Any] { try partnergraphJSON(arguments) }

    private func same(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil), (nil, is NSNull), (is NSNull, nil), (is NSNull, is NSNull): return true
        case let (x as Double, y as Double): return abs(x - y) <= 1e-9 * max(1, abs(y))
        default: return false
        }
    }

    /// The fixture's name of a group ("" for nodes without a value) as the command names it.
    private func shown(_ name: String) -> String { name.isEmpty ? "(none)" : name }

    @Test(arguments: [
        ("nordic-innovation-procurement", ["groups", "Graphs/nordic-innovation-procurement.yaml", "--group-by", "country", "--undirected"]),
        ("karate-club", ["groups", "Graphs/karate-club.yaml", "--group-by", "club"]),
    ])
    func figuresEqualTheReference(name: String, arguments: [String]) throws {
        let want = try fixture(name)
        let got = try json(arguments + ["--format", "json"])
        let network = try #require(got["network"] as? [String: Any])
        let ei = try #require(want["ei"] as? [String: Any])
        #expect(same(network["ei"], ei["network"]), "E-I \(String(describing: network["ei"]))")
        #expect(same(network["assortativity"], want["assortativity"]))
        let groups = try #require(got["groups"] as? [[String: Any]])
        let wantEI = try #require(ei["groups"] as? [String: Any])
        let central = try #require(want["groupCentrality"] as? [String: [String: Any]])
        #expect(groups.count == central.count)
        for (key, c) in central {
            let g = try #require(groups.first { $0["group"] as? String == shown(key) }, "group \(key)")
            #expect(same(g["ei"], wantEI[key]), "\(key) E-I")
            #expect(same(g["degreeCentrality"], c["degree"]), "\(key) degree")
            #expect(same(g["closenessCentrality"], c["closeness"]), "\(key) closeness")
            #expect(same(g["betweennessCentrality"], c["betweenness"]), "\(key) betweenness")
        }
        // Ties and densities between every two groups.
        let pairs = try #require(got["pairs"] as? [[String: Any]])
        for case let row as [Any] in try #require(want["ties"] as? [Any]) {
            let a = shown(row[0] as? String ?? ""), b = shown(row[1] as? String ?? "")
            let p = try #require(pairs.first { $0["from"] as? String == a && $0["to"] as? String == b }
                                    ?? pairs.first { $0["from"] as? String == b && $0["to"] as? String == a }, "\(a)–\(b)")
            #expect(p["ties"] as? Int == row[2] as? Int, "\(a)–\(b) ties")
        }
        for case let row as [Any] in try #require(want["density"] as? [Any]) {
            let a = shown(row[0] as? String ?? ""), b = shown(row[1] as? String ?? "")
            let p = try #require(pairs.first { $0["from"] as? String == a && $0["to"] as? String == b }
                                    ?? pairs.first { $0["from"] as? String == b && $0["to"] as? String == a })
            #expect(same(p["density"], row[2]), "\(a)–\(b) density")
        }
        // Every node's E-I.
        let nodes = try #require(got["nodes"] as? [[String: Any]])
        let wantNodes = try #require(ei["nodes"] as? [String: Any])
        #expect(nodes.count == wantNodes.count)
        for n in nodes {
            let id = try #require(n["id"] as? String)
            #expect(same(n["ei"], wantNodes[id]), "node \(id)")
        }
    }

    /// The karate club's two factions: E-I far below the permutations' (a known result: the
    /// club split along its friendship ties), same figures for the same seed, tidy CSV.
    @Test func permutationTestIsReportedAndReproducible() throws {
        let arguments = ["groups", "Graphs/karate-club.yaml", "--group-by", "club", "--null", "500", "--seed", "3", "--format", "json"]
        let run = try partnergraph(arguments)
        let first = try json(arguments)
        let test = try #require((first["network"] as? [String: Any])?["eiTest"] as? [String: Any])
        #expect(test["permutations"] as? Int == 500)
        #expect(test["pLess"] as? Double == 1.0 / 500 || (test["pLess"] as? Double ?? 1) < 0.01)
        #expect(try #require(test["z"] as? Double) < -5)
        #expect(try partnergraph(arguments).stdout == run.stdout, "same seed, same output")

        let csv = try partnergraph(["groups", "Graphs/karate-club.yaml", "--group-by", "club", "--null", "200", "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "scope,name,other,measure,value")
        #expect(lines.contains("network,,,ties-within,67"))
        #expect(lines.contains("network,,,ties-across,11"))
        #expect(lines.contains { $0.hasPrefix("network,,,ei-p-two-sided,") })
        #expect(lines.contains { $0.hasPrefix("node,0,Mr. Hi,ei,") })
    }

    @Test func tableNamesEverySection() throws {
        let r = try partnergraph(["groups", "Graphs/nordic-innovation-procurement.yaml", "--group-by", "country", "--undirected", "--per-node"])
        #expect(r.status == 0, "\(r.stderr)")
        for heading in ["Groups by country: 4 groups, 17 nodes", "Ties within and between groups", "Density within and between groups",
                        "Network", "E-I index", "assortativity", "Nodes", "(none)"] {
            #expect(r.stdout.contains(heading), "missing \(heading)")
        }
    }

    /// README's "Groups and borders" command: 13 of 20 ties inside a country, E-I = −0.3 by hand,
    /// assortativity 0.4909 (NetworkX, the fixture); the 1,000 shuffles' mean, standard deviation
    /// and p ≤ within four standard errors of the exact distribution over all 7,001,280
    /// assignments (the fixture's `eiPermutation`).
    @Test func readmeExample() throws {
        let r = try partnergraph(["groups", "Graphs/nordic-innovation-procurement.yaml", "--by", "country", "--undirected",
                                  "--null", "1000", "--seed", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Groups by country: 4 groups, 17 nodes, 20 ties (7 across groups, 13 within; undirected)"))
        #expect(r.stdout.contains("assortativity   0.4909"))
        #expect(r.stdout.contains("(null: 1000 random assignments of the group labels to the nodes, seed 1)"))
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("E-I index") })
        let f = line.split(separator: " ").dropFirst(2).compactMap { Double($0) }
        #expect(f.count == 7, "\(line)")
        guard f.count == 7 else { return }
        let exact = try #require(try fixture("nordic-innovation-procurement")["eiPermutation"] as? [String: Any])
        let mean = try #require(exact["mean"] as? Double), sd = try #require(exact["sd"] as? Double)
        let pLess = try #require(exact["pLess"] as? Double)
        #expect(exact["count"] as? Int == 7_001_280)
        #expect(f[0] == -0.3)
        #expect(abs(f[1] - mean) < 4 * sd / 1000.0.squareRoot() + 5e-5, "null mean \(f[1]), exact \(mean)")
        #expect(abs(f[2] - sd) < 0.02, "null sd \(f[2]), exact \(sd)")
        #expect(abs(f[5] - pLess) < 4 * (pLess / 1000).squareRoot() + 5e-5, "p ≤ \(f[5]), exact \(pLess)")
    }

    /// `--by` (the issue's spelling) is the same option as `--group-by`, here and in `brokerage`.
    @Test func byIsGroupBy() throws {
        for command in ["groups", "brokerage"] {
            let long = try partnergraph([command, "Graphs/nordic-innovation-procurement.yaml", "--group-by", "country"])
            let short = try partnergraph([command, "Graphs/nordic-innovation-procurement.yaml", "--by", "country"])
            #expect(long.status == 0 && short.status == 0)
            #expect(long.stdout == short.stdout, "\(command)")
        }
    }

    /// Any UInt64 seed comes back as typed, so a run can be repeated from its JSON.
    @Test func theLargestSeedIsEchoed() throws {
        let r = try partnergraph(["groups", "Graphs/karate-club.yaml", "--by", "club", "--null", "10", "--seed", "18446744073709551615", "--format", "json"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"seed\": 18446744073709551615"))
    }

    @Test func badRequestsAreRefused() throws {
        let unknown = try partnergraph(["groups", "Graphs/karate-club.yaml", "--group-by", "sector"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("cannot group by 'sector': no node has a 'sector' field or attribute"))
        let zero = try partnergraph(["groups", "Graphs/karate-club.yaml", "--group-by", "club", "--null", "0"])
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("--null must be at least 1, not 0"))
        let missing = try partnergraph(["groups", "Graphs/karate-club.yaml"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("--group-by"))
    }
}
