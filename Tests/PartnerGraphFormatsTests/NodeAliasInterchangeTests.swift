import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphFormats

/// Nodes' aliases in the interchange formats: said to be lost by the formats that cannot hold
/// them, and read from foreign files that list other names under `aliases`.
@Suite struct NodeAliasInterchangeTests {
    /// Two nodes with aliases (one of them a name in another language with a ';' and a comma in
    /// it), one without.
    static func aliased() -> Network {
        var n = Network(name: "aliased")
        n.addNode(Node(id: "lup", kind: .programme, label: "Supplier Development Programme",
                       aliases: ["LUP", "Leverandørutviklingsprogrammet", "Nasjonalt program for leverandørutvikling; NHO, KS"]))
        n.addNode(Node(id: "in", kind: .organisation, label: "Innovation Norway", aliases: ["Innovasjon Norge"]))
        n.addNode(Node(id: "nho", kind: .organisation))
        n.addEdge(Edge(from: "nho", to: "lup", relation: .founded))
        n.addEdge(Edge(from: "in", to: "lup", relation: .partnersWith))
        return n
    }

    @Test func pajekAndTheEdgeListSayAliasesAreLost() throws {
        let n = NodeAliasInterchangeTests.aliased()
        let pajek = try PajekEncoder().encode(n).warnings.joined(separator: "\n")
        #expect(pajek.contains("; aliases of 2 nodes;"), "\(pajek)")
        let list = try EdgeListEncoder().encode(n).warnings.joined(separator: "\n")
        #expect(list.contains("; aliases of 2 nodes;"), "\(list)")
        // One node with aliases is said in the singular; a network without aliases says nothing of them.
        var one = n
        one.updateNode(at: 1) { $0.aliases = [] }
        #expect(try PajekEncoder().encode(one).warnings.joined().contains("aliases of 1 node;"))
        var none = one
        none.updateNode(at: 0) { $0.aliases = [] }
        for text in [try PajekEncoder().encode(none).warnings.joined(), try EdgeListEncoder().encode(none).warnings.joined()] {
            #expect(!text.contains("aliases"), "\(text)")
        }
    }

    /// GraphML: a "pg.aliases" key named aliases holding a JSON list (GraphML has no list type); a
    /// value that is no such list is refused at its data element, with the node's id.
    @Test func graphMLCarriesAliases() throws {
        var n = NodeAliasInterchangeTests.aliased()
        let text = try GraphMLEncoder().encode(n).text
        #expect(text.contains("<key id=\"pg.aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>"))
        #expect(text.contains("<data key=\"pg.label\">Innovation Norway</data>\n      <data key=\"pg.aliases\">[\"Innovasjon Norge\"]</data>"), "\(text)")
        #expect(try GraphMLDecoder().decode(text, file: "t.graphml") == n)
        #expect(errorText { try GraphMLDecoder().decode(text.replacingOccurrences(of: ">[\"Innovasjon Norge\"]<", with: ">Innovasjon Norge<"), file: "t.graphml") }
                == "t.graphml:30:29: node 'in': aliases must be a JSON list of names (strings), found 'Innovasjon Norge'")
        // A file of ours re-written by another tool keeps the header but not the "pg." key ids:
        // aliases come back by name, as sources do.
        n.sources = [Source(id: "nho-2010", title: "LUP founded")]
        n.updateNode(at: 0) { $0.sources = ["nho-2010"] }
        let rewritten = try GraphMLEncoder().encode(n).text.replacingOccurrences(of: "\"pg.", with: "\"d.")
        #expect(try GraphMLDecoder().decode(rewritten, file: "t.graphml") == n)
    }

    /// GEXF: a pg.aliases string attribute holding a JSON list, as pg.sources; a value that is no
    /// such list is refused at the node.
    @Test func gexfCarriesAliases() throws {
        let n = NodeAliasInterchangeTests.aliased()
        let text = try GEXFEncoder().encode(n).text
        #expect(text.contains("<attribute id=\"pg.aliases\" title=\"aliases\" type=\"string\"/>"))
        #expect(text.contains("<attvalue for=\"pg.aliases\" value=\"[&quot;Innovasjon Norge&quot;]\"/>"), "\(text)")
        #expect(try GEXFDecoder().decode(text, file: "t.gexf") == n)
        let bad = text.replacingOccurrences(of: "value=\"[&quot;Innovasjon Norge&quot;]\"", with: "value=\"Innovasjon Norge\"")
        #expect(errorText { try GEXFDecoder().decode(bad, file: "t.gexf") }
                == "t.gexf:29:46: node 'in': aliases must be a JSON list of names (strings), found 'Innovasjon Norge'")
    }

    /// GML: one repeated `aliases` key per name (NetworkX's list spelling, its marker for a list
    /// of one); node-link JSON: a list of strings. Anything else is refused at the value.
    @Test func gmlAndNodeLinkCarryAliases() throws {
        let n = NodeAliasInterchangeTests.aliased()
        let gml = try GMLEncoder().encode(n)
        #expect(gml.text.contains("    name \"Supplier Development Programme\"\n    aliases \"LUP\"\n    aliases \"Leverand&#248;rutviklingsprogrammet\"\n    aliases \"Nasjonalt program for leverand&#248;rutvikling; NHO, KS\"\n  ]\n"), "\(gml.text)")
        #expect(gml.text.contains("    aliases \"_networkx_list_start\"\n    aliases \"Innovasjon Norge\"\n"))
        #expect(!gml.warnings.joined().contains("aliases") && !gml.warnings.joined().contains("record"), "\(gml.warnings)")
        #expect(try GMLDecoder().decode(gml.text, file: "t.gml") == n)
        // One key alone is one name; a name that is NetworkX's list marker goes in a record.
        let one = gml.text.replacingOccurrences(of: "    aliases \"_networkx_list_start\"\n", with: "")
        #expect(try GMLDecoder().decode(one, file: "t.gml") == n)
        var marker = n
        marker.updateNode(at: 2) { $0.aliases = ["_networkx_list_start"] }
        let record = try GMLEncoder().encode(marker).text
        #expect(record.contains("aliases [ list \"[&#34;_networkx_list_start&#34;]\" ]"), "\(record)")
        #expect(try GMLDecoder().decode(record, file: "t.gml") == marker)
        let number = gml.text.replacingOccurrences(of: "    aliases \"LUP\"\n", with: "    aliases 2010\n")
        #expect(errorText { try GMLDecoder().decode(number, file: "t.gml") } == "t.gml:10:5: node 'lup': aliases must be names (strings), found 2010")

        let json = try NodeLinkEncoder().encode(n)
        #expect(json.text.contains(#""aliases": ["Innovasjon Norge"]"#), "\(json.text)")
        #expect(try NodeLinkDecoder().decode(json.text, file: "t.json") == n)
        let text = json.text.replacingOccurrences(of: #"["Innovasjon Norge"]"#, with: #""Innovasjon Norge""#)
        #expect(errorText { try NodeLinkDecoder().decode(text, file: "t.json") } == #"t.json:19:18: node 'in': "aliases" must be a list of names (strings)"#)
    }

    /// Attributes named like the field are written under new names that the header maps back.
    @Test func attributesNamedAliasesAreRenamed() throws {
        var n = NodeAliasInterchangeTests.aliased()
        n.updateNode(at: 0) { $0.attributes["aliases"] = .string("not the field") }
        let gml = try GMLEncoder().encode(n)
        #expect(gml.text.contains("    aliases_2 \"not the field\"\n") && gml.warnings.joined().contains("'aliases' as aliases_2"), "\(gml.warnings)")
        #expect(try GMLDecoder().decode(gml.text, file: "t.gml") == n)
        let json = try NodeLinkEncoder().encode(n)
        #expect(json.text.contains(#""attr.aliases": "not the field""#) && json.warnings.joined().contains("'attr.aliases'"), "\(json.warnings)")
        #expect(try NodeLinkDecoder().decode(json.text, file: "t.json") == n)
        for format in [LosslessFormat.graphml, .gexf] {
            let e = try format.encode(n)
            #expect(e.warnings.contains { $0.contains("1 attribute share") }, "\(format): \(e.warnings)")
            #expect(try format.decode(e.text) == n, "\(format)")
        }
    }

    /// CSV: an aliases column in nodes.csv when any node has aliases, "; "-separated as lists
    /// are, read back split at ';' and trimmed; an attribute named aliases moves aside to
    /// attr.aliases.
    @Test func csvNodeTableCarriesAliases() throws {
        var n = NodeAliasInterchangeTests.aliased()
        n.updateNode(at: 0) { $0.aliases.removeLast() } // the one with a ';', below
        n.addNode(Node(id: "dfø", kind: .organisation, country: "Norway", attributes: ["aliases": .string("not the field")]))
        let csv = try CSVNetworkWriter().encode(n)
        #expect(csv.nodes == """
            id,kind,label,aliases,country,attr.aliases
            lup,programme,Supplier Development Programme,LUP; Leverandørutviklingsprogrammet,,
            in,organisation,Innovation Norway,Innovasjon Norge,,
            nho,organisation,,,,
            dfø,organisation,,,Norway,not the field

            """, "\(csv.nodes)")
        #expect(csv.warnings == ["CSV cannot hold: the network's name; the names of attributes that are reserved columns (written as attr.aliases)"], "CSV keeps these aliases: \(csv.warnings)")
        let back = try CSVNetworkReader(directed: true).read(edgesText: csv.edges, edgesFile: "edges.csv", nodesText: csv.nodes, nodesFile: "nodes.csv")
        #expect(back.nodes.map(\.aliases) == n.nodes.map(\.aliases))
        #expect(back.node("dfø")?.attributes["attr.aliases"] == .string("not the field"))
        #expect(try back.lookupNode("Leverandørutviklingsprogrammet") == "lup")
        // Without aliases there is no aliases column.
        #expect(try CSVNetworkWriter().encode(try loadGraph("karate-club.yaml")).nodes.hasPrefix("id,kind,club\n"))
    }

    /// Aliases the reader would split or trim are written as they are, with a warning counting
    /// them; reading, names are trimmed and empty ones skipped, however the cell is spaced.
    @Test func csvSaysWhichAliasesItCannotKeep() throws {
        let n = NodeAliasInterchangeTests.aliased()
        var spaced = n
        spaced.updateNode(at: 1) { $0.aliases = [" Innovasjon Norge", "IN"] }
        let csv = try CSVNetworkWriter().encode(spaced)
        let warning = csv.warnings.joined(separator: "\n")
        #expect(warning.contains("2 aliases holding ';' or beginning or ending with white space (read back split at ';' and trimmed)"), "\(warning)")
        #expect(csv.nodes.contains("\"LUP; Leverandørutviklingsprogrammet; Nasjonalt program for leverandørutvikling; NHO, KS\""), "\(csv.nodes)")
        let back = try CSVNetworkReader(directed: true).read(edgesText: csv.edges, edgesFile: "edges.csv", nodesText: csv.nodes, nodesFile: "nodes.csv")
        #expect(back.nodes[0].aliases == ["LUP", "Leverandørutviklingsprogrammet", "Nasjonalt program for leverandørutvikling", "NHO, KS"])
        #expect(back.nodes[1].aliases == ["Innovasjon Norge", "IN"])
        #expect(try CSVNetworkWriter().encode(NodeAliasInterchangeTests.aliased()).warnings.joined().contains("1 alias holding ';'"))

        let typed = "id,kind,aliases\nlup,programme,LUP ;Leverandørutviklingsprogrammet;\nin,organisation,\" Innovasjon Norge ;; IN\"\nnho,organisation,; \n"
        let read = try CSVNetworkReader().read(edgesText: "source,target\nnho,lup\n", edgesFile: "edges.csv", nodesText: typed, nodesFile: "nodes.csv")
        #expect(read.nodes.map(\.aliases) == [["LUP", "Leverandørutviklingsprogrammet"], ["Innovasjon Norge", "IN"], []])
        // What validation refuses in an alias is reported at the node's row.
        do {
            _ = try CSVNetworkReader().read(edgesText: "source,target\nnho,lup\n", edgesFile: "edges.csv",
                                            nodesText: "id,kind,aliases\nlup,programme,LUP\nnho,organisation,NHO; N\u{0}HO\n", nodesFile: "nodes.csv")
            Issue.record("a NUL in an alias was accepted")
        } catch let e as NetworkValidationError {
            #expect(e.issues.map(\.description) == ["nodes.csv: row 3: node 'nho': alias 2 contains a NUL character (U+0000)"], "\(e.issues)")
        }
    }

    /// A workbook's nodes sheet reads the aliases column as nodes.csv does (the CSV columns, one
    /// reader): names split at ';' and trimmed; what validation refuses is located at the sheet's row.
    @Test func workbookNodesSheetReadsAliases() throws {
        let edges = SpreadsheetTests.sheet("edges", [(1, [(1, .text("source")), (2, .text("target"))]), (2, [(1, .text("nho")), (2, .text("lup"))])])
        let nodes = SpreadsheetTests.sheet("nodes", [
            (1, [(1, .text("id")), (2, .text("aliases"))]),
            (2, [(1, .text("lup")), (2, .text("LUP; Leverandørutviklingsprogrammet ;"))]),
            (3, [(1, .text("nho"))]),
        ])
        let n = try SpreadsheetTests.read(edges, nodes)
        #expect(n.nodes.map(\.aliases) == [["LUP", "Leverandørutviklingsprogrammet"], []])
        var bad = nodes
        bad.rows[2].cells.append((2, .text("NHO; N\u{0}HO")))
        #expect(SpreadsheetTests.message { try SpreadsheetTests.read(edges, bad) } == "b.xlsx: sheet 'nodes', row 3: node 'nho': alias 2 contains a NUL character (U+0000)")
    }

    /// A foreign file's node `aliases` that is a list of text becomes the node's aliases (GML's
    /// repeated keys as NetworkX writes a list, node-link JSON's list, GEXF's liststring); one text,
    /// or a list holding anything else, stays an attribute.
    @Test func foreignAliasListsAreRead() throws {
        let gml = """
        graph [
          node [ id 0 label "lup" aliases "LUP" aliases "Leverandørutviklingsprogrammet" ]
          node [ id 1 label "in" aliases "_networkx_list_start" aliases "Innovasjon Norge" ]
          node [ id 2 label "nho" aliases "NHO" ]
          node [ id 3 label "ks" aliases 1 aliases "two" ]
        ]
        """
        let g = try GMLDecoder().decode(gml, file: "nx.gml")
        #expect(g.nodes[0].aliases == ["LUP", "Leverandørutviklingsprogrammet"] && g.nodes[0].attributes.isEmpty)
        #expect(g.nodes[1].aliases == ["Innovasjon Norge"], "NetworkX's spelling of a list of one")
        #expect(g.nodes[2].aliases.isEmpty && g.nodes[2].attributes["aliases"] == .string("NHO"), "one text is no list")
        #expect(g.nodes[3].aliases.isEmpty && g.nodes[3].attributes["aliases"] == .list([.integer(1), .string("two")]))
        #expect(try g.lookupNode("Innovasjon Norge") == "in")

        let json = """
        {"nodes": [{"id": "lup", "aliases": ["LUP"]}, {"id": "nho", "aliases": "NHO"}], "links": []}
        """
        let j = try NodeLinkDecoder().decode(json, file: "d3.json")
        #expect(j.nodes[0].aliases == ["LUP"] && j.nodes[0].attributes.isEmpty)
        #expect(j.nodes[1].aliases.isEmpty && j.nodes[1].attributes["aliases"] == .string("NHO"))

        let gexf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" version="1.3">
          <graph defaultedgetype="undirected">
            <attributes class="node"><attribute id="0" title="aliases" type="liststring"/></attributes>
            <nodes>
              <node id="lup" label="Supplier Development Programme"><attvalues><attvalue for="0" value="[LUP, Leverandørutviklingsprogrammet]"/></attvalues></node>
              <node id="in"><attvalues><attvalue for="0" value="Innovasjon Norge|IN"/></attvalues></node>
            </nodes>
            <edges/>
          </graph>
        </gexf>
        """
        let x = try GEXFDecoder().decode(gexf, file: "gephi.gexf")
        #expect(x.nodes[0].aliases == ["LUP", "Leverandørutviklingsprogrammet"] && x.nodes[0].attributes.isEmpty)
        #expect(x.nodes[1].aliases == ["Innovasjon Norge", "IN"])

        // Foreign aliases are validated like any other, at the node.
        do {
            _ = try NodeLinkDecoder().decode(#"{"nodes": [{"id": "lup"}, {"id": "nho", "aliases": ["NHO", " "]}], "links": []}"#, file: "d3.json")
            Issue.record("an empty alias was accepted")
        } catch let e as NetworkValidationError {
            #expect(e.issues.map(\.description) == ["d3.json:1:27: node 'nho': alias 2 is empty"], "\(e.issues)")
        }
    }
}
