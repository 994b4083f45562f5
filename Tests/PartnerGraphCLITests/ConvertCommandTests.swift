import Foundation
import Testing

@Suite struct ConvertCommandTests {
    /// native → X → native through the CLI gives the same network for every lossless format.
    @Test(arguments: ["graphml", "gexf", "gml", "json"]) func losslessFormatsRoundTrip(ext: String) throws {
        let dir = try temporaryFolder()
        let out = dir.appendingPathComponent("nordic.\(ext)").path
        let r = try partnergraph(["convert", nordic, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let back = try partnergraph(["convert", out, "--to", "yaml", "-o", "-"])
        let original = try partnergraph(["convert", nordic, "--to", "yaml", "-o", "-"])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout == original.stdout)
    }

    @Test func lossyFormatsSayWhatTheyDrop() throws {
        let dir = try temporaryFolder()
        let r = try partnergraph(["convert", nordic, "-o", dir.appendingPathComponent("n.net").path])
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: Pajek keeps only node ids, edges, direction and weights; dropped:"))
        let csv = try partnergraph(["convert", karate, "--to", "csv", "-o", dir.appendingPathComponent("karate").path + "/"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let info = try partnergraph(["info", dir.appendingPathComponent("karate").path, "--format", "json"])
        #expect(info.stdout.contains("\"nodes\": 34"))
        #expect(info.stdout.contains("\"edges\": 78"))
    }

    /// Gephi opens the GEXF styled: the club Mr. Hi takes the palette's first colour (#E69F00,
    /// values sorted), and node 0, whose betweenness is the largest (NetworkX), the largest size.
    @Test func gexfCarriesSizeAndColour() throws {
        let r = try partnergraph(["convert", karate, "--size-by", "betweenness", "--color-by", "club", "--to", "gexf", "-o", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        let node0 = r.stdout.components(separatedBy: "<node id=\"0\"")[1].components(separatedBy: "</node>")[0]
        #expect(node0.contains("<viz:color r=\"230\" g=\"159\" b=\"0\"/>"))
        #expect(node0.contains("<viz:size value=\"10.0\"/>"))
        #expect(try partnergraph(["convert", karate, "--size-by", "betweenness", "-o", "-", "--to", "graphml"]).status == 64)
    }
}
