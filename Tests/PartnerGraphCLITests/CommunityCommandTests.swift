import Foundation
import Testing

/// A committed community fixture (scripts/make_community_fixtures.py) as JSON.
func communityFixture(_ name: String) throws -> [String: Any] {
    let url = repositoryRoot.appendingPathComponent("Tests/PartnerGraphAlgorithmsTests/Fixtures/communities/\(name).json")
    return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
}

/// NetworkX's mean Louvain modularity over seeds 0-9 for a fixture case.
func networkXLouvainMean(_ name: String, weight: String?, resolution: Double = 1) throws -> Double {
    let cases = try communityFixture(name)["louvain"] as! [[String: Any]]
    let c = cases.first { ($0["weight"] as? String) == weight && ($0["resolution"] as! NSNumber).doubleValue == resolution }!
    return (c["mean"] as! NSNumber).doubleValue
}

/// Undirected modularity (NetworkX's definition) of a partition of a fixture's graph, computed
/// here independently of the library.
func undirectedModularity(_ name: String, weighted: Bool, community: [String: Int], resolution: Double = 1) throws -> Double {
    let edges = try communityFixture(name)["edges"] as! [[Any]]
    var degree: [String: Double] = [:], inside: [Int: Double] = [:], total = 0.0
    for e in edges {
        let u = e[0] as! String, v = e[1] as! String
        let w = weighted ? (e[2] as! NSNumber).doubleValue : 1
        degree[u, default: 0] += w
        degree[v, default: 0] += w
        total += w
        if community[u] == community[v] { inside[community[u]!, default: 0] += w }
    }
    var sums: [Int: Double] = [:]
    for (id, d) in degree { sums[community[id]!, default: 0] += d }
    var q = 0.0
    for (c, k) in sums { q += (inside[c] ?? 0) / total - resolution * (k / (2 * total)) * (k / (2 * total)) }
    return q
}

@Suite struct CommunityCommandTests {
    @Test func csvIsOneRowPerNode() throws {
        let r = try partnergraph(["communities", karate, "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows[0] == ["id", "community"])
        #expect(rows.count == 35)
        #expect(rows.dropFirst().allSatisfy { Int($0[1]) != nil })
    }

    /// JSON: the modularity is that of the partition it lists (NetworkX's definition), at
    /// least NetworkX Louvain's mean, and the numbering follows size then first node.
    @Test(arguments: ["leiden", "louvain", "label-propagation"]) func jsonReportsThePartitionAndItsModularity(algorithm: String) throws {
        for (weighted, resolution) in [(true, 1.0), (false, 1.0), (true, 2.0)] {
            func arguments(seed: Int) -> [String] {
                ["communities", karate, "--algorithm", algorithm, "--seed", "\(seed)", "--resolution", "\(resolution)",
                 "--format", "json"] + (weighted ? ["--weight", "weight"] : [])
            }
            let r = try partnergraph(arguments(seed: 3))
            #expect(r.status == 0, "\(r.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
            #expect(json["algorithm"] as? String == algorithm)
            let community = json["communities"] as! [String: Int]
            let sizes = json["sizes"] as! [Int]
            let members = json["members"] as! [[String]]
            #expect(community.count == 34)
            #expect(json["count"] as? Int == sizes.count)
            #expect(sizes.reduce(0, +) == 34)
            #expect(sizes == sizes.sorted(by: >))
            #expect(members.map(\.count) == sizes)
            for (c, ids) in members.enumerated() { #expect(ids.allSatisfy { community[$0] == c }) }
            // Equal sizes: ordered by first node (karate ids are the node order).
            for c in 1..<sizes.count where sizes[c] == sizes[c - 1] {
                #expect(Int(members[c - 1][0])! < Int(members[c][0])!)
            }
            let reported = (json["modularity"] as! NSNumber).doubleValue
            let q = try undirectedModularity("karate-club", weighted: weighted, community: community, resolution: resolution)
            #expect(abs(reported - q) <= 1e-9, "\(algorithm): reported \(reported), recomputed \(q)")
            if algorithm != "label-propagation" {
                // The mean over seeds 0-9 against NetworkX Louvain's mean over its seeds 0-9
                // (single seeds of either land on different local optima).
                let cases = try communityFixture("karate-club")["louvain"] as! [[String: Any]]
                let c = cases.first { ($0["weight"] as? String) == (weighted ? "weight" : nil) && ($0["resolution"] as! NSNumber).doubleValue == resolution }!
                let networkx = (c["modularities"] as! [NSNumber]).map(\.doubleValue)
                var total = 0.0
                for seed in 0..<10 {
                    let run = try partnergraph(arguments(seed: seed))
                    let output = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
                    total += (output["modularity"] as! NSNumber).doubleValue
                }
                let mean = networkx.reduce(0, +) / Double(networkx.count)
                #expect(total / 10 >= mean - 0.005, "\(algorithm) weighted=\(weighted) γ=\(resolution): \(total / 10) < \(mean)")
            }
        }
    }

    @Test func leidenMeanOverSeedsBeatsNetworkXLouvain() throws {
        var total = 0.0
        for seed in 0..<10 {
            let r = try partnergraph(["communities", "Graphs/les-miserables.yaml", "--weight", "weight", "--seed", "\(seed)", "--format", "json"])
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
            total += (json["modularity"] as! NSNumber).doubleValue
        }
        #expect(total / 10 >= (try networkXLouvainMean("les-miserables", weight: "weight")) - 0.005)
    }

    @Test func tableHasASummaryThenTheNodes() throws {
        let r = try partnergraph(["communities", "Graphs/florentine-families.yaml"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "algorithm    leiden")
        #expect(lines[1] == "resolution   1.0")
        #expect(lines[2] == "seed         0")
        #expect(lines[3].hasPrefix("modularity   0.39"))
        #expect(lines[4].hasPrefix("communities  "))
        #expect(lines[5].hasPrefix("sizes        "))
        #expect(lines[6] == "")
        #expect(lines[7].hasPrefix("id "))
        #expect(lines.count == 8 + 1 + 15 + 1)
    }

    @Test func sameSeedSameOutput() throws {
        for algorithm in ["leiden", "louvain", "label-propagation"] {
            let a = try partnergraph(["communities", "Graphs/les-miserables.yaml", "--algorithm", algorithm, "--seed", "42", "--format", "csv"])
            let b = try partnergraph(["communities", "Graphs/les-miserables.yaml", "--algorithm", algorithm, "--seed", "42", "--format", "csv"])
            #expect(a.status == 0)
            #expect(a.stdout == b.stdout, "\(algorithm)")
        }
    }

    @Test func writeAttributeWritesTheNetworkBack() throws {
        let dir = try temporaryFolder()
        let out = dir.appendingPathComponent("karate.yaml").path
        let r = try partnergraph(["communities", karate, "--format", "csv", "--write-attribute", "community", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let assigned = Dictionary(uniqueKeysWithValues: csvRows(r.stdout).dropFirst().map { ($0[0], $0[1]) })
        let nodes = try partnergraph(["nodes", out, "--format", "csv"])
        let rows = csvRows(nodes.stdout)
        let column = rows[0].firstIndex(of: "community")!
        #expect(rows.count == 35)
        for row in rows.dropFirst() { #expect(row[column] == assigned[row[0]]) }
        #expect(rows[0].contains("club"), "existing attributes are kept")
        // The written network is valid, and JSON to standard output replaces the table.
        #expect(try partnergraph(["validate", out]).status == 0)
        let json = try partnergraph(["communities", karate, "--write-attribute", "group", "-o", "-", "--to", "json"])
        #expect(json.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let first = (doc["nodes"] as! [[String: Any]])[0]["attributes"] as! [String: Any]
        #expect(first["group"] is Int)
    }

    @Test func helpHasExamples() throws {
        for command in ["communities", "project"] {
            let r = try partnergraph([command, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("Examples:\n  partnergraph \(command) Graphs/"))
        }
    }

    @Test func requestsThatMakeNoSenseAreRefused() throws {
        #expect(try partnergraph(["communities", karate, "--write-attribute", "community"]).status == 64)
        #expect(try partnergraph(["communities", karate, "-o", "x.yaml"]).status == 64)
        #expect(try partnergraph(["communities", karate, "--write-attribute", "c", "-o", "-"]).status == 64)
        #expect(try partnergraph(["communities", karate, "--write-attribute", "c", "-o", "x.txt"]).status == 64)
        #expect(try partnergraph(["communities", karate, "--resolution=-1"]).status == 64)
        #expect(try partnergraph(["communities", karate, "--algorithm", "walktrap"]).status == 64)
        let unwritable = try partnergraph(["communities", karate, "--write-attribute", "c", "-o", "/nonexistent/x.yaml"])
        #expect(unwritable.status == 74)
    }
}

@Suite struct ProjectCommandTests {
    /// The projection onto the women, for every weighting, equals NetworkX edge by edge.
    @Test(arguments: ["count", "newman", "jaccard", "overlap"]) func projectionEqualsNetworkX(weighting: String) throws {
        let dir = try temporaryFolder()
        let out = dir.appendingPathComponent("women.json").path
        let r = try partnergraph(["project", "Graphs/davis-southern-women.yaml", "--onto", "woman", "--weighting", weighting, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [String: Any]
        let projections = try communityFixture("davis-projections")["projections"] as! [[String: Any]]
        let expected = projections.first { $0["onto"] as? String == "women" && $0["weighting"] as? String == weighting }!
        let nodes = (doc["nodes"] as! [[String: Any]]).map { $0["id"] as! String }
        #expect(nodes == expected["nodes"] as! [String])
        var want: [String: Double] = [:]
        for e in expected["edges"] as! [[Any]] {
            let u = e[0] as! String, v = e[1] as! String
            want[u < v ? u + "|" + v : v + "|" + u] = (e[2] as! NSNumber).doubleValue
        }
        let edges = doc["edges"] as! [[String: Any]]
        #expect(edges.count == want.count)
        for e in edges {
            let u = e["from"] as! String, v = e["to"] as! String
            let w = (e["weight"] as! NSNumber).doubleValue
            let x = want[u < v ? u + "|" + v : v + "|" + u]
            #expect(x.map { abs($0 - w) <= 1e-12 } == true, "\(u) – \(v): \(w) vs \(String(describing: x))")
            #expect(e["relation"] as? String == "co-affiliated")
        }
    }

    @Test func minWeightAndStandardOutput() throws {
        let davis = "Graphs/davis-southern-women.yaml"
        let r = try partnergraph(["project", davis, "--onto", "social-event", "--min-weight", "5", "-o", "-", "--to", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        // All 14 events stay; only the pairs NetworkX's count projection gives ≥ 5 shared women.
        let projections = try communityFixture("davis-projections")["projections"] as! [[String: Any]]
        let events = projections.first { $0["onto"] as? String == "events" && $0["weighting"] as? String == "count" }!
        let strong = (events["edges"] as! [[Any]]).filter { ($0[2] as! NSNumber).doubleValue >= 5 }.count
        #expect((doc["nodes"] as! [Any]).count == 14)
        #expect((doc["edges"] as! [Any]).count == strong)
        #expect(strong > 0 && strong < (events["edges"] as! [Any]).count)
        let yaml = try partnergraph(["project", davis, "--onto", "woman", "-o", "-", "--to", "yaml"])
        #expect(yaml.stdout.hasPrefix("partnergraph: 1\n"))
    }

    /// Any format convert writes: GraphML, a CSV folder, GEXF with the community attribute.
    @Test func otherOutputFormats() throws {
        let dir = try temporaryFolder()
        let davis = "Graphs/davis-southern-women.yaml"
        let graphml = dir.appendingPathComponent("women.graphml").path
        #expect(try partnergraph(["project", davis, "--onto", "woman", "-o", graphml]).status == 0)
        let back = try partnergraph(["info", graphml, "--format", "json"])
        let info = try JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as! [String: Any]
        #expect(info["nodes"] as? Int == 18)
        #expect(info["edges"] as? Int == 139)
        let folder = dir.appendingPathComponent("women-csv").path + "/"
        let csv = try partnergraph(["project", davis, "--onto", "woman", "--weighting", "jaccard", "-o", folder])
        #expect(csv.status == 0, "\(csv.stderr)")
        let edges = try String(contentsOfFile: folder + "edges.csv", encoding: .utf8)
        #expect(edges.hasPrefix("source,target,relation,weight,shared\n"))
        #expect(try partnergraph(["project", davis, "--onto", "woman", "-o", dir.appendingPathComponent("e.csv").path]).status == 64)
        let gexf = dir.appendingPathComponent("karate.gexf").path
        #expect(try partnergraph(["communities", karate, "--write-attribute", "community", "-o", gexf]).status == 0)
        #expect(try String(contentsOfFile: gexf, encoding: .utf8).contains("community"))
    }

    /// The projection feeds the other commands.
    @Test func projectionThenCommunities() throws {
        let dir = try temporaryFolder()
        let out = dir.appendingPathComponent("women.yaml").path
        #expect(try partnergraph(["project", "Graphs/davis-southern-women.yaml", "--onto", "woman", "--weighting", "newman", "-o", out]).status == 0)
        #expect(try partnergraph(["validate", out]).status == 0)
        let r = try partnergraph(["communities", out, "--weight", "weight", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        // The two groups of Davis et al.: Evelyn's and Sylvia's.
        let community = json["communities"] as! [String: Int]
        #expect(community["Evelyn Jefferson"] == community["Laura Mandeville"])
        #expect(community["Sylvia Avondale"] == community["Nora Fayette"])
        #expect(community["Evelyn Jefferson"] != community["Nora Fayette"])
    }

    @Test func badRequests() throws {
        let davis = "Graphs/davis-southern-women.yaml"
        let unknown = try partnergraph(["project", davis, "--onto", "women", "-o", "x.yaml"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean 'woman'?"))
        #expect(try partnergraph(["project", davis, "--onto", "woman", "-o", "-"]).status == 64)
        #expect(try partnergraph(["project", davis, "--onto", "woman", "--through", "woman", "-o", "x.yaml"]).status == 64)
        #expect(try partnergraph(["project", davis, "--onto", "woman", "--kinds", "woman", "-o", "x.yaml"]).status == 64)
        #expect(try partnergraph(["project", davis, "--onto", "woman", "--weighting", "cosine", "-o", "x.yaml"]).status == 64)
        #expect(try partnergraph(["project", davis, "--onto", "woman", "--min-weight=-1", "-o", "x.yaml"]).status == 64)
        #expect(try partnergraph(["project", davis, "--onto", "woman", "-o", "/nonexistent/x.yaml"]).status == 74)
        #expect(try partnergraph(["project", "missing.yaml", "--onto", "woman", "-o", "x.yaml"]).status == 66)
    }
}
