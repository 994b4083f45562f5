import Foundation
import Testing

/// `partnergraph core-periphery` against scripts/make_core_periphery_fixtures.py: the discrete
/// model's best core by exhaustive search, the continuous coreness by scipy.
@Suite struct CorePeripheryCommandTests {
    private func fixture(_ name: String) throws -> [String: Any] { try algorithmFixture("core-periphery", name) }

    @Test func nordicCoreAndCorenessEqualTheFixture() throws {
        let f = try fixture("nordic-innovation-procurement")
        let r = try partnergraph(["core-periphery", "Graphs/nordic-innovation-procurement.yaml", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let discrete = try #require(doc["discrete"] as? [String: Any]), want = try #require(f["discrete"] as? [String: Any])
        #expect(abs(try #require(discrete["fit"] as? Double) - (try #require(want["fit"] as? Double))) <= 1e-12)
        let cores = try #require(want["cores"] as? [[String]])
        #expect(cores.contains(try #require(discrete["core"] as? [String])))
        // LUP, KEINO, CO-PI and the seminar: 5 of the 6 core pairs tied (by hand from the file).
        #expect(discrete["core"] as? [String] == ["lup", "keino", "co-pi", "nordic-seminar-2022"])
        let densities = try #require(discrete["densities"] as? [String: Double])
        #expect(abs(densities["core"]! - 5.0 / 6) <= 1e-12)
        let continuous = try #require(doc["continuous"] as? [String: Any])
        let got = try #require(continuous["coreness"] as? [String: Double])
        let expected = try #require((f["continuous"] as? [String: Any])?["coreness"] as? [String: Double])
        #expect(got.count == expected.count)
        for (id, value) in expected { #expect(abs((got[id] ?? .nan) - value) <= 1e-10, "\(id)") }
    }

    @Test func tableAndCSV() throws {
        let t = try partnergraph(["core-periphery", "Graphs/nordic-innovation-procurement.yaml"])
        #expect(t.status == 0)
        #expect(t.stdout.contains("Discrete model: a core of 4 and a periphery of 13, fit 0.8205"))
        let c = try partnergraph(["core-periphery", "Graphs/nordic-innovation-procurement.yaml", "--format", "csv"])
        let lines = c.stdout.split(separator: "\n")
        #expect(lines.first == "id,label,block,coreness")
        #expect(lines.count == 18)
        #expect(lines.dropFirst().first?.hasPrefix("lup,Supplier Development Programme (LUP),core,") == true)
    }

    /// A star: the discrete model still answers (hub and one leaf, fit 1), the continuous one
    /// says it has no best fit.
    @Test func aStarKeepsItsDiscreteAnswer() throws {
        let dir = try temporaryFolder()
        try write("source,target\nh,a\nh,b\nh,c\nh,d\nh,e\n", to: dir.appendingPathComponent("star.csv"))
        let r = try partnergraph(["core-periphery", "star.csv"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Discrete model: a core of 2 and a periphery of 4, fit 1.0000"))
        #expect(r.stdout.contains("Continuous model: no best fit exists"))
    }

    @Test func badRequestsAreRefused() throws {
        let zero = try partnergraph(["core-periphery", "Graphs/nordic-innovation-procurement.yaml", "--starts", "0"])
        #expect(zero.status == 64 && zero.stderr.contains("--starts must be at least 1, not 0"))
        let small = try partnergraph(["core-periphery", "Graphs/nordic-innovation-procurement.yaml", "--kinds", "person"])
        #expect(small.status == 64 && small.stderr.contains("need 4 actors; the view has 3"), "\(small.stderr)")
    }
}
