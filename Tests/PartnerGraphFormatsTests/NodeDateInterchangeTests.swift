import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphFormats

/// Nodes' own since/until in the interchange formats: carried by every format that carries an
/// edge's dates, said to be lost by those that cannot hold them, and read from foreign files.
@Suite struct NodeDateInterchangeTests {
    /// Two dated nodes (one with both dates, one with since only), one undated, a dated edge.
    static func dated() -> Network {
        var n = Network(name: "dated")
        n.addNode(Node(id: "keino", kind: .programme, since: PartialDate("2018-03"), until: PartialDate("2022")))
        n.addNode(Node(id: "lup", kind: .programme, since: PartialDate("2010")))
        n.addNode(Node(id: "nho", kind: .organisation))
        n.addEdge(Edge(from: "nho", to: "lup", relation: .founded, since: PartialDate("2010"), until: PartialDate("2022-10-31")))
        n.addEdge(Edge(from: "keino", to: "lup", relation: .partnersWith))
        return n
    }

    @Test func pajekAndTheEdgeListSayNodeDatesAreLost() throws {
        let n = NodeDateInterchangeTests.dated()
        let pajek = try PajekEncoder().encode(n).warnings.joined(separator: "\n")
        #expect(pajek.contains("since/until of 2 nodes"), "\(pajek)")
        #expect(pajek.contains("since/until of 1 edge"), "\(pajek)")
        let list = try EdgeListEncoder().encode(n).warnings.joined(separator: "\n")
        #expect(list.contains("since/until of 2 nodes"), "\(list)")
        #expect(list.contains("since/until of 1 edge"), "\(list)")
        // One dated node is said in the singular; a network without node dates says nothing of them.
        var one = n
        one.updateNode(at: 1) { $0.since = nil }
        #expect(try PajekEncoder().encode(one).warnings.joined().contains("since/until of 1 node;"))
        var none = n
        for i in none.nodes.indices { none.updateNode(at: i) { $0.since = nil; $0.until = nil } }
        for text in [try PajekEncoder().encode(none).warnings.joined(), try EdgeListEncoder().encode(none).warnings.joined()] {
            #expect(text.components(separatedBy: "since/until of").count == 2 && text.contains("since/until of 1 edge"), "\(text)")
        }
    }

    /// A foreign file's node `since`/`until` are read as an edge's are: into the fields when they
    /// are dates (text or an integer year), as attributes otherwise.
    @Test func foreignNodeSinceAndUntilAreRead() throws {
        let gml = """
        graph [
          node [ id 0 label "lup" since 2010 until "2022-10" ]
          node [ id 1 label "nho" since "founded long ago" ]
          edge [ source 1 target 0 since "2010" ]
        ]
        """
        let g = try GMLDecoder().decode(gml, file: "igraph.gml")
        #expect(g.nodes[0].since == PartialDate("2010") && g.nodes[0].until == PartialDate("2022-10"))
        #expect(g.nodes[0].attributes.isEmpty)
        #expect(g.nodes[1].since == nil && g.nodes[1].attributes["since"] == .string("founded long ago"))
        #expect(g.edges[0].since == PartialDate("2010"))
        let json = """
        {"nodes": [{"id": "lup", "since": "2010"}, {"id": "nho", "until": {"date": "2022"}}], "links": []}
        """
        let j = try NodeLinkDecoder().decode(json, file: "d3.json")
        #expect(j.nodes[0].since == PartialDate("2010") && j.nodes[1].until == PartialDate("2022"))
        // A foreign node's dates are validated like any other, at the node.
        do {
            _ = try GMLDecoder().decode(gml.replacingOccurrences(of: "since 2010", with: "since 2023"), file: "igraph.gml")
            Issue.record("since after until was accepted")
        } catch let e as NetworkValidationError {
            #expect(e.issues.map(\.description) == ["igraph.gml:2:3: node 'lup': since 2023 is after until 2022-10"], "\(e.issues)")
        }
    }

    /// GraphML: pg.node.since / pg.node.until keys, named since and until for other tools.
    @Test func graphMLCarriesNodeDates() throws {
        let n = NodeDateInterchangeTests.dated()
        let text = try GraphMLEncoder().encode(n).text
        #expect(text.contains("<key id=\"pg.node.since\" for=\"node\" attr.name=\"since\" attr.type=\"string\"/>"))
        #expect(text.contains("<data key=\"pg.node.since\">2018-03</data>\n      <data key=\"pg.node.until\">2022</data>"))
        #expect(try GraphMLDecoder().decode(text, file: "t.graphml") == n)
        do {
            _ = try GraphMLDecoder().decode(text.replacingOccurrences(of: ">2018-03</data>", with: ">2018-13</data>"), file: "t.graphml")
            Issue.record("a bad node date was accepted")
        } catch let e as FormatError {
            #expect(e.description.contains("t.graphml:") && e.description.contains("node 'keino': since '2018-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"), "\(e)")
        }
    }

    /// GEXF: start/end on the node (Gephi's timeline) and the exact dates in pg.since/pg.until;
    /// node dates alone make the graph dynamic.
    @Test func gexfCarriesNodeDates() throws {
        let n = NodeDateInterchangeTests.dated()
        let text = try GEXFEncoder().encode(n).text
        #expect(text.contains("<node id=\"keino\" start=\"2018-03-01\" end=\"2022-12-31\">"), "\(text)")
        #expect(text.contains("<node id=\"lup\" start=\"2010-01-01\">"))
        #expect(text.contains("<node id=\"nho\">"))
        #expect(text.contains("<attvalue for=\"pg.since\" value=\"2018-03\"/>\n          <attvalue for=\"pg.until\" value=\"2022\"/>"))
        #expect(try GEXFDecoder().decode(text, file: "t.gexf") == n)
        var undatedEdges = Network()
        undatedEdges.addNode(Node(id: "a", kind: .organisation, until: PartialDate("2020-02")))
        let only = try GEXFEncoder().encode(undatedEdges).text
        #expect(only.contains("mode=\"dynamic\" timeformat=\"date\""), "\(only)")
        #expect(only.contains("<node id=\"a\" end=\"2020-02-29\">"))
        #expect(try GEXFDecoder().decode(only, file: "t.gexf") == undatedEdges)
        let none = try GEXFEncoder().encode(try loadGraph("karate-club.yaml")).text
        #expect(none.contains("mode=\"static\""))
        // The exact dates win over start/end; a bad one is refused at the node.
        let edited = text.replacingOccurrences(of: "start=\"2018-03-01\"", with: "start=\"2017-01-01\"")
        #expect(try GEXFDecoder().decode(edited, file: "t.gexf").node("keino")?.since == PartialDate("2018-03"))
        let bad = errorText { try GEXFDecoder().decode(text.replacingOccurrences(of: "value=\"2018-03\"", with: "value=\"2018-3\""), file: "t.gexf") }
        #expect(bad?.contains("node 'keino': since '2018-3' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") == true, "\(String(describing: bad))")
        #expect(bad?.hasPrefix("t.gexf:") == true)
    }

    /// GML and node-link JSON: since/until beside the node's other fields, as an edge's; a node
    /// attribute named since is written under another name, as field names are.
    @Test func gmlAndNodeLinkCarryNodeDates() throws {
        var n = NodeDateInterchangeTests.dated()
        n.addNode(Node(id: "dfø", kind: .organisation, attributes: ["since": .string("always"), "until": .date(PartialDate("2030")!)]))
        let gml = try GMLEncoder().encode(n)
        #expect(gml.text.contains("    label \"keino\"\n    kind \"programme\"\n    since \"2018-03\"\n    until \"2022\"\n"), "\(gml.text)")
        #expect(gml.warnings.contains { $0.contains("'since' as since_2") }, "\(gml.warnings)")
        #expect(try GMLDecoder().decode(gml.text, file: "t.gml") == n)
        let json = try NodeLinkEncoder().encode(n)
        #expect(json.text.contains("\"id\": \"keino\",\n      \"kind\": \"programme\",\n      \"since\": \"2018-03\",\n      \"until\": \"2022\""), "\(json.text)")
        #expect(json.text.contains("\"attr.since\": \"always\""))
        #expect(try NodeLinkDecoder().decode(json.text, file: "t.json") == n)

        let badGML = errorText { try GMLDecoder().decode(gml.text.replacingOccurrences(of: "until \"2022\"", with: "until \"2022-00\""), file: "t.gml") }
        #expect(badGML?.contains("node 'keino': until '2022-00' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") == true, "\(String(describing: badGML))")
        #expect(badGML?.hasPrefix("t.gml:") == true)
        let badJSON = errorText { try NodeLinkDecoder().decode(json.text.replacingOccurrences(of: "\"since\": \"2018-03\"", with: "\"since\": 2018"), file: "t.json") }
        #expect(badJSON?.contains("node 'keino': \"since\" must be a date (YYYY, YYYY-MM or YYYY-MM-DD)") == true, "\(String(describing: badJSON))")
        #expect(badJSON?.hasPrefix("t.json:") == true)
    }

    /// CSV: since/until columns in nodes.csv, written when any node has one and read like the
    /// edge table's; an attribute named since moves aside to attr.since.
    @Test func csvNodeTableCarriesNodeDates() throws {
        var n = NodeDateInterchangeTests.dated()
        n.addNode(Node(id: "dfø", kind: .organisation, attributes: ["since": .string("always")]))
        let csv = try CSVNetworkWriter().encode(n)
        #expect(csv.nodes == "id,kind,since,until,attr.since\nkeino,programme,2018-03,2022,\nlup,programme,2010,,\nnho,organisation,,,\ndfø,organisation,,,always\n", "\(csv.nodes)")
        #expect(!csv.warnings.joined().contains("since/until"), "CSV keeps node dates: \(csv.warnings)")
        let back = try CSVNetworkReader(directed: true).read(edgesText: csv.edges, edgesFile: "edges.csv", nodesText: csv.nodes, nodesFile: "nodes.csv")
        #expect(back.nodes.map(\.since) == n.nodes.map(\.since))
        #expect(back.nodes.map(\.until) == n.nodes.map(\.until))
        #expect(back.node("dfø")?.attributes["attr.since"] == .string("always"))
        #expect(back.edges.map(\.since) == n.edges.map(\.since) && back.edges.map(\.until) == n.edges.map(\.until))
        // Without dated nodes there are no date columns.
        #expect(try CSVNetworkWriter().encode(try loadGraph("karate-club.yaml")).nodes.hasPrefix("id,kind,club\n"))
    }

    /// A bad node date in nodes.csv is reported at its row, naming the column, with every other
    /// bad row; since after until is reported at the row too.
    @Test func csvBadNodeDatesAreLocated() {
        let nodes = "id,kind,since,until\nkeino,programme,2018-03,2022\nlup,programme,2010-13,\nnho,organisation,,22\ndfø,organisation,2020,2019\n"
        do {
            _ = try CSVNetworkReader().read(edgesText: "source,target\nnho,lup\n", edgesFile: "edges.csv", nodesText: nodes, nodesFile: "nodes.csv")
            Issue.record("bad node dates were accepted")
        } catch let e as NetworkValidationError {
            #expect(e.issues.map(\.description) == [
                "nodes.csv: row 3: since '2010-13' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)",
                "nodes.csv: row 4: until '22' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)",
                "nodes.csv: row 5: node 'dfø': since 2020 is after until 2019",
            ], "\(e.issues)")
        } catch { Issue.record("\(error)") }
    }
}
