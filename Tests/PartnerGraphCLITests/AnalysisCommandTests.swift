import Foundation
import Testing

let karate = "Graphs/karate-club.yaml"

/// One NetworkX case of the committed karate-club fixture (written by scripts/make_fixtures.py).
func karateReference(_ networkx: String) throws -> [String: Double] {
    let url = repositoryRoot.appendingPathComponent("Tests/PartnerGraphAlgorithmsTests/Fixtures/karate-club.json")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    let cases = json["measures"] as! [[String: Any]]
    let c = cases.first { ($0["networkx"] as! String) == networkx }!
    return (c["values"] as! [String: Any]).mapValues { ($0 as! NSNumber).doubleValue }
}

/// Rows of CSV output without quoting (ids here have no commas).
func csvRows(_ text: String) -> [[String]] {
    text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

@Suite struct AnalysisCommandTests {
    @Test func weightedBetweennessCSVEqualsNetworkX() throws {
        let r = try partnergraph(["centrality", karate, "--measure", "betweenness", "--weight", "weight", "--weight-as", "distance", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows[0] == ["id", "betweenness"])
        #expect(rows.count == 35)
        let expected = try karateReference("nx.betweenness_centrality(G, normalized=True, endpoints=False, weight='weight')")
        for row in rows.dropFirst() {
            let got = Double(row[1])!, want = expected[row[0]]!
            #expect(abs(got - want) <= 1e-9 * max(1, abs(want)), "\(row[0])")
        }
    }

    @Test func severalMeasuresGiveOneColumnEach() throws {
        let r = try partnergraph(["centrality", karate, "--measure", "pagerank", "--measure", "degree", "--format", "csv"])
        #expect(r.status == 0)
        let rows = csvRows(r.stdout)
        #expect(rows[0] == ["id", "pagerank", "degree"])
        let pagerank = try karateReference("nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000, weight=None)")
        for row in rows.dropFirst() {
            #expect(abs(Double(row[1])! - pagerank[row[0]]!) <= 1e-6 * pagerank[row[0]]!)
        }
        // Degree centrality of node 33 in Zachary's club: 17 neighbours / 33.
        #expect(rows.first { $0[0] == "33" }?[2] == "\(17.0 / 33.0)")
    }

    @Test func jsonAndTop() throws {
        let r = try partnergraph(["centrality", karate, "--measure", "betweenness", "--top", "3", "--format", "json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(json["measure"] as? String == "betweenness")
        let values = json["values"] as! [String: Double]
        // NetworkX: the three highest unweighted betweenness values are nodes 0, 33 and 32.
        #expect(Set(values.keys) == ["0", "33", "32"])
        let table = try partnergraph(["centrality", karate, "--measure", "betweenness", "--top", "3"])
        let ids = table.stdout.split(separator: "\n").dropFirst(2).map { String($0.split(separator: " ")[0]) }
        #expect(ids == ["0", "33", "32"])
    }

    @Test func rawBetweennessEqualsNetworkX() throws {
        let r = try partnergraph(["centrality", karate, "--measure", "betweenness", "--raw", "--format", "csv"])
        #expect(r.status == 0)
        let expected = try karateReference("nx.betweenness_centrality(G, normalized=False, endpoints=False, weight=None)")
        for row in csvRows(r.stdout).dropFirst() {
            #expect(abs(Double(row[1])! - expected[row[0]]!) <= 1e-9 * max(1, expected[row[0]]!), "\(row[0])")
        }
    }

    @Test func edgeBetweennessRows() throws {
        let r = try partnergraph(["centrality", "Graphs/florentine-families.yaml", "--measure", "edge-betweenness", "--format", "csv"])
        #expect(r.status == 0)
        let rows = csvRows(r.stdout)
        #expect(rows[0] == ["source", "target", "value"])
        #expect(rows.count == 21)
    }

    @Test func structureJSONEqualsNetworkX() throws {
        let r = try partnergraph(["structure", karate, "--format", "json"])
        #expect(r.status == 0)
        let s = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        // From the fixture's structure block (NetworkX 3.6.1 on karate_club_graph()).
        #expect(s["nodes"] as? Int == 34)
        #expect(s["edges"] as? Int == 78)
        #expect(s["components"] as? Int == 1)
        #expect(s["articulationPoints"] as? [String] == ["0"])
        #expect(s["bridges"] as? [[String]] == [["0", "11"]])
        #expect(s["diameter"] as? Int == 5)
        #expect(s["radius"] as? Int == 3)
        #expect(r.stdout.contains("\"transitivity\": 0.2556818181818182,"))
        #expect(r.stdout.contains("\"averageClustering\": 0.5706384782076823,"))
        #expect(abs((s["degreeAssortativity"] as! Double) - -0.47561309768461413) < 1e-12)
    }

    @Test func viewOptionsChangeTheGraph() throws {
        // Only works-at edges between people and organisations: Koivusalo–Motiva and
        // Lykkebo–CO-PI (Harto works at LUP, a programme, which the kinds leave out).
        let r = try partnergraph(["structure", nordic, "--relations", "works-at", "--kinds", "person,organisation", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let s = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(s["edges"] as? Int == 2)
        #expect(s["nodes"] as? Int == 15)   // 12 organisations + 3 people
        // At a date before the seminar only undated and earlier edges count: no seminar ties.
        let before = try partnergraph(["centrality", nordic, "--measure", "degree", "--at", "2020", "--format", "csv"])
        #expect(before.stdout.contains("nordic-seminar-2022,0.0\n"))
    }

    @Test func badRequests() throws {
        let unknown = try partnergraph(["centrality", karate, "--measure", "betweeness"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown measure 'betweeness'; did you mean 'betweenness'?"))
        let strength = try partnergraph(["centrality", karate, "--measure", "strength"])
        #expect(strength.status == 64)
        #expect(strength.stderr.contains("give --weight"))
        let relation = try partnergraph(["centrality", nordic, "--measure", "degree", "--relations", "funded"])
        #expect(relation.status == 64)
        #expect(relation.stderr.contains("unknown relation 'funded'"))
        let dir = try temporaryFolder()
        // A directed path a → b → c: the power iteration of eigenvector centrality cycles.
        try write("source,target\na,b\nb,c\n", to: dir.appendingPathComponent("path.csv"))
        let diverge = try partnergraph(["centrality", "path.csv", "--directed", "--measure", "eigenvector", "--max-iterations", "100"], in: dir)
        #expect(diverge.status == 65)
        #expect(diverge.stderr.contains("did not converge within 100 iterations"))
        let date = try partnergraph(["centrality", nordic, "--measure", "degree", "--at", "2022-13"])
        #expect(date.status == 64)
    }

    /// Gould–Fernandez roles on a small directed network worked by hand.
    /// a(X) → b(X) → c(Y): b is a representative. d(Y) → e(Z) → f(Z): e is a gatekeeper.
    /// g(X) → h(Y) → i(X): h is an itinerant. j(X) → k(Y) → l(Z): k is a liaison.
    /// m(X) → n(X) → o(X): n is a coordinator.
    @Test func brokerageRolesByHand() throws {
        let dir = try temporaryFolder()
        let groups = ["a": "X", "b": "X", "c": "Y", "d": "Y", "e": "Z", "f": "Z", "g": "X", "h": "Y", "i": "X",
                      "j": "X", "k": "Y", "l": "Z", "m": "X", "n": "X", "o": "X"]
        try write("id,sector\n" + groups.keys.sorted().map { "\($0),\(groups[$0]!)" }.joined(separator: "\n") + "\n", to: dir.appendingPathComponent("nodes.csv"))
        try write("source,target\na,b\nb,c\nd,e\ne,f\ng,h\nh,i\nj,k\nk,l\nm,n\nn,o\n", to: dir.appendingPathComponent("edges.csv"))
        let r = try partnergraph(["brokerage", "edges.csv", "--nodes", "nodes.csv", "--directed", "--group-by", "sector", "--format", "csv"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = Dictionary(uniqueKeysWithValues: csvRows(r.stdout).dropFirst().map { ($0[0], Array($0[2...7])) })
        #expect(rows["b"] == ["0", "0", "1", "0", "0", "1"])
        #expect(rows["e"] == ["0", "0", "0", "1", "0", "1"])
        #expect(rows["h"] == ["0", "1", "0", "0", "0", "1"])
        #expect(rows["k"] == ["0", "0", "0", "0", "1", "1"])
        #expect(rows["n"] == ["1", "0", "0", "0", "0", "1"])
        #expect(rows["a"] == ["0", "0", "0", "0", "0", "0"])
    }
}
