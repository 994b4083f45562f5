import Foundation
import Testing

/// `partnergraph roles` against scripts/make_roles_fixtures.py (numpy, from Wasserman & Faust's
/// and Breiger, Boorman & Arabie's definitions).
@Suite struct RolesCommandTests {
    private func fixture(_ name: String) throws -> [String: Any] { try algorithmFixture("roles", name) }

    @Test(arguments: ["florentine-families", "emon-texas"]) func blocksImageAndNearestEqualTheFixture(name: String) throws {
        let f = try fixture(name)
        let nodes = try #require(f["nodes"] as? [String])
        let correlation = try #require(f["correlation"] as? [[Double]]), euclidean = try #require(f["euclidean"] as? [[Double]])
        for depth in [1, 2, 3] {
            let r = try partnergraph(["roles", "Graphs/\(name).yaml", "--depth", String(depth), "--format", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let want = try #require((f["concor"] as? [String: Any])?[String(depth)] as? [String: Any])
            #expect(doc["blocks"] as? [[String]] == want["blocks"] as? [[String]], "\(name) depth \(depth)")
            let image = try #require(doc["image"] as? [[Any]]), wantImage = try #require(want["image"] as? [[Any]])
            for (a, b) in zip(image.joined(), wantImage.joined()) {
                if let x = a as? Double, let y = b as? Double { #expect(abs(x - y) <= 1e-12) } else { #expect(a is NSNull && b is NSNull) }
            }
            // Nearest: highest correlation, then smallest distance, then file order.
            for actor in try #require(doc["actors"] as? [[String: Any]]) {
                let i = try #require(nodes.firstIndex(of: actor["id"] as! String))
                let best = nodes.indices.filter { $0 != i }.min { a, b in
                    correlation[i][a] != correlation[i][b] ? correlation[i][a] > correlation[i][b]
                        : (euclidean[i][a] != euclidean[i][b] ? euclidean[i][a] < euclidean[i][b] : a < b)
                }!
                #expect(actor["nearest"] as? String == nodes[best], "\(name) \(nodes[i])")
            }
        }
    }

    @Test func readmeExample() throws {
        let r = try partnergraph(["roles", "Graphs/florentine-families.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Roles in Florentine families: 4 CONCOR blocks (depth 2; ties read unweighted)\n"))
        #expect(r.stdout.contains("Block 1 (5 actors): Acciaiuoli, Medici, Barbadori, Ridolfi, Salviati\n"))
        #expect(r.stdout.contains("2      0.1000   0.8333*  0.0000   0.0833"))
    }

    @Test func badRequestsAreRefused() throws {
        for (arguments, message) in [
            (["roles", "Graphs/florentine-families.yaml", "--depth", "0"], "--depth must be at least 1, not 0"),
            (["roles", "Graphs/florentine-families.yaml", "--depth", "11"], "--depth must be at most 10"),
            (["roles", "Graphs/florentine-families.yaml", "--matrix"], "--matrix goes with --format csv or json"),
        ] {
            let r = try partnergraph(arguments)
            #expect(r.status == 64 && r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
        let m = try partnergraph(["roles", "Graphs/florentine-families.yaml", "--matrix", "--format", "csv"])
        #expect(m.status == 0 && m.stdout.split(separator: "\n").count == 1 + 15 * 14)
    }
}
