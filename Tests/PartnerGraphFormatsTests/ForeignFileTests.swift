import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphFormats

/// Files as yEd, Gephi and Cytoscape write them.
@Suite struct ForeignFileTests {
    @Test func yEdGraphML() throws {
        let text = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:java="http://www.yworks.com/xml/yfiles-common/1.0/java" xmlns:sys="http://www.yworks.com/xml/yfiles-common/markup/primitives/2.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
          <!--Created by yEd 3.22-->
          <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
          <key for="port" id="d1" yfiles.type="portgraphics"/>
          <key attr.name="url" attr.type="string" for="node" id="d3"/>
          <key attr.name="description" attr.type="string" for="node" id="d4"/>
          <key for="node" id="d5" yfiles.type="nodegraphics"/>
          <key for="graphml" id="d6" yfiles.type="resources"/>
          <key attr.name="url" attr.type="string" for="edge" id="d7"/>
          <key for="edge" id="d9" yfiles.type="edgegraphics"/>
          <graph edgedefault="directed" id="G">
            <data key="d0"/>
            <node id="n0">
              <data key="d4"><![CDATA[Norway's programme & <more>]]></data>
              <data key="d5">
                <y:ShapeNode>
                  <y:Geometry height="30.0" width="30.0" x="100.0" y="100.0"/>
                  <y:Fill color="#FFCC00" transparent="false"/>
                  <y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" visible="true">LUP</y:NodeLabel>
                  <y:Shape type="rectangle"/>
                </y:ShapeNode>
              </data>
            </node>
            <node id="n1">
              <data key="d5"><y:ShapeNode><y:NodeLabel>Hansel Øy</y:NodeLabel></y:ShapeNode></data>
            </node>
            <edge id="e0" source="n1" target="n0">
              <data key="d9">
                <y:PolyLineEdge>
                  <y:Path sx="0.0" sy="0.0" tx="0.0" ty="0.0"/>
                  <y:Arrows source="none" target="standard"/>
                  <y:EdgeLabel alignment="center">founded</y:EdgeLabel>
                </y:PolyLineEdge>
              </data>
            </edge>
            <edge id="e1" source="n0" target="n1" directed="false"/>
          </graph>
          <data key="d6"><y:Resources/></data>
        </graphml>
        """
        let r = try GraphMLDecoder().read(text, file: "yed.graphml")
        let n = r.network
        #expect(n.nodes.map(\.id) == ["n0", "n1"])
        #expect(n.nodes.map(\.label) == ["LUP", "Hansel Øy"])
        #expect(n.nodes[0].attributes["description"] == .string("Norway's programme & <more>"))
        #expect(n.nodes[0].kind.id == "node")
        #expect(n.edges[0].attributes["label"] == .string("founded"))
        #expect(n.edges[0].relation.id == "connected-to" && n.edges[0].relation.isDirected)
        #expect(n.edges[1].relation.id == "connected-with" && !n.edges[1].relation.isDirected)
        #expect(n.description == nil)
    }

    @Test func gephiGraphML() throws {
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key attr.name="label" attr.type="string" for="node" id="label"/>
        <key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>
        <key attr.name="weight" attr.type="double" for="edge" id="weight"/>
        <key attr.name="r" attr.type="int" for="node" id="r"/>
        <key attr.name="x" attr.type="float" for="node" id="x"/>
        <key attr.name="Modularity Class" attr.type="integer" for="node" id="modularity_class"><default>0</default></key>
        <graph edgedefault="undirected">
        <node id="0"><data key="label">Myriel</data><data key="r">235</data><data key="x">-60.35</data><data key="modularity_class">3</data></node>
        <node id="1"><data key="label">Napoleon</data><data key="r">236</data><data key="x">1e2</data></node>
        <edge id="0" source="1" target="0"><data key="weight">1.0</data><data key="edgelabel">co</data></edge>
        <edge id="1" source="1" target="0"><data key="weight">2</data></edge>
        </graph>
        </graphml>
        """
        let n = try GraphMLDecoder().decode(text, file: "gephi.graphml")
        #expect(n.nodes[0].label == "Myriel")
        #expect(n.nodes[0].attributes["r"] == .integer(235))
        #expect(n.nodes[0].attributes["x"] == .number(-60.35))
        #expect(n.nodes[1].attributes["x"] == .number(100))
        #expect(n.nodes[1].attributes["Modularity Class"] == .integer(0), "key defaults apply")
        #expect(n.edges[0].weight == 1.0 && n.edges[0].attributes["Edge Label"] == .string("co"))
        #expect(n.edges[1].weight == 2 && n.edges[1].attributes["weight"] == nil)
        // A weight of 0 is refused where it stands, never kept as an attribute that would
        // silently unweight the edge.
        do {
            _ = try GraphMLDecoder().decode(text.replacingOccurrences(of: "<data key=\"weight\">2</data>", with: "<data key=\"weight\">0</data>"), file: "gephi.graphml")
            Issue.record("a weight of 0 was accepted")
        } catch let e as NetworkValidationError {
            #expect(e.issues.map(\.description) == ["gephi.graphml:13:35: edge 2 (1 → 0, connected-to): weight must be finite and greater than 0, got 0.0"], "\(e.issues)")
        }
        #expect(!n.edges[0].relation.isDirected)
        #expect(n.edges.count == 2, "parallel edges are kept")
    }

    /// A dynamic network as NetworkX writes it to GraphML after reading it from GEXF: the GEXF
    /// bounds are plain keys named start and end (text under timeformat date or dateTime, numbers
    /// under double); other tools name them since and until.
    @Test func graphMLWithStartAndEndKeys() throws {
        let text = """
        <?xml version='1.0' encoding='utf-8'?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="d0" for="node" attr.name="label" attr.type="string" />
          <key id="d1" for="node" attr.name="start" attr.type="string" />
          <key id="d2" for="node" attr.name="end" attr.type="string" />
          <key id="d3" for="node" attr.name="since" attr.type="string" />
          <key id="d4" for="edge" attr.name="start" attr.type="string" />
          <key id="d5" for="edge" attr.name="end" attr.type="string" />
          <key id="d6" for="edge" attr.name="since" attr.type="string" />
          <key id="d7" for="edge" attr.name="until" attr.type="string" />
          <key id="d8" for="edge" attr.name="step" attr.type="double" />
          <key id="d9" for="node" attr.name="end" attr.type="double" />
          <graph edgedefault="directed">
            <node id="keino"><data key="d0">KEINO</data><data key="d1">2018-03-01</data><data key="d2">2022-12-31</data></node>
            <node id="lup"><data key="d1">2010</data><data key="d3">2009</data></node>
            <node id="nho"><data key="d1">founded long ago</data></node>
            <edge source="nho" target="lup"><data key="d4">2010-01-01T09:30:00</data><data key="d5">2022-10</data></edge>
            <edge source="keino" target="lup"><data key="d4">2018-01-01</data><data key="d6">2018</data><data key="d7">2022-10-31</data><data key="d5">2022-10-31</data></edge>
            <edge source="lup" target="keino"><data key="d4">1.5</data><data key="d5">2021-02-30</data></edge>
          </graph>
        </graphml>
        """
        let n = try GraphMLDecoder().decode(text, file: "nx.graphml")
        #expect(n.nodes[0].label == "KEINO")
        #expect(n.nodes[0].since == PartialDate("2018-03-01") && n.nodes[0].until == PartialDate("2022-12-31"))
        #expect(n.nodes[0].attributes.isEmpty, "\(n.nodes[0].attributes)")
        // A since key wins over start; a start on another day is kept rather than lost.
        #expect(n.nodes[1].since == PartialDate("2009") && n.nodes[1].attributes["start"] == .string("2010"))
        #expect(n.nodes[2].since == nil && n.nodes[2].attributes["start"] == .string("founded long ago"))
        #expect(n.edges[0].since == PartialDate("2010-01-01") && n.edges[0].until == PartialDate("2022-10"), "the day of a dateTime")
        #expect(n.edges[0].attributes.isEmpty)
        // since/until and start/end that say the same days (our GEXF re-written by NetworkX): one period, no attributes.
        #expect(n.edges[1].since == PartialDate("2018") && n.edges[1].until == PartialDate("2022-10-31"))
        #expect(n.edges[1].attributes.isEmpty, "\(n.edges[1].attributes)")
        // Numeric times and text that is no date stay attributes.
        #expect(n.edges[2].since == nil && n.edges[2].until == nil)
        #expect(n.edges[2].attributes["start"] == .string("1.5") && n.edges[2].attributes["end"] == .string("2021-02-30"))
        // A number under a key named end is a time, not a date.
        let numeric = try GraphMLDecoder().decode(text.replacingOccurrences(of: "<data key=\"d2\">2022-12-31</data>", with: "<data key=\"d9\">3.5</data>"), file: "nx.graphml")
        #expect(numeric.nodes[0].until == nil && numeric.nodes[0].attributes["end"] == .number(3.5))
        // The dates are checked as our own are, at the element.
        do {
            _ = try GraphMLDecoder().decode(text.replacingOccurrences(of: "<data key=\"d2\">2022-12-31</data>", with: "<data key=\"d2\">2017</data>"), file: "nx.graphml")
            Issue.record("start after end was accepted")
        } catch let e as NetworkValidationError {
            #expect(e.issues.map(\.description) == ["nx.graphml:14:21: node 'keino': since 2018-03-01 is after until 2017"], "\(e.issues)")
        }
    }

    @Test func cytoscapeGraphML() throws {
        let text = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
            <key attr.type="string" attr.name="name" for="graph" id="name"/>
            <key attr.type="string" attr.name="shared name" for="node" id="shared name"/>
            <key attr.type="string" attr.name="name" for="node" id="name"/>
            <key attr.type="boolean" attr.name="selected" for="node" id="selected"/>
            <key attr.type="long" attr.name="SUID" for="node" id="SUID"/>
            <key attr.type="string" attr.name="interaction" for="edge" id="interaction"/>
            <key attr.type="list" attr.name="aliases" for="node" id="aliases"/>
            <graph edgedefault="directed">
                <data key="name">Nordic</data>
                <node id="105">
                    <data key="shared name">LUP</data>
                    <data key="name">LUP</data>
                    <data key="SUID">105</data>
                    <data key="selected">FALSE</data>
                    <data key="aliases">a, b</data>
                </node>
                <node id="106"><data key="name">NHO</data><data key="selected">true</data></node>
                <edge source="106" target="105"><data key="interaction">pp</data></edge>
            </graph>
        </graphml>
        """
        let n = try GraphMLDecoder().decode(text, file: "cy.graphml")
        #expect(n.name == "Nordic")
        #expect(n.nodes[0].attributes["SUID"] == .integer(105))
        #expect(n.nodes[0].attributes["selected"] == .boolean(false))
        #expect(n.nodes[1].attributes["selected"] == .boolean(true))
        #expect(n.nodes[0].attributes["shared name"] == .string("LUP"))
        #expect(n.nodes[0].attributes["aliases"] == .string("a, b"), "unknown types read as text")
        #expect(n.edges[0].attributes["interaction"] == .string("pp"))
    }

    @Test func gephiGEXF12() throws {
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
          <meta lastmodifieddate="2014-01-30">
            <creator>Gephi 0.8.1</creator>
            <description>Les Mis</description>
          </meta>
          <graph defaultedgetype="undirected" mode="static">
            <attributes class="node" mode="static">
              <attribute id="modularity_class" title="Modularity Class" type="integer"></attribute>
              <attribute id="tags" title="tags" type="liststring"></attribute>
              <attribute id="flag" title="flag" type="boolean"><default>true</default></attribute>
            </attributes>
            <nodes>
              <node id="11.0" label="Valjean">
                <attvalues>
                  <attvalue for="modularity_class" value="1"></attvalue>
                  <attvalue for="tags" value="hero|convict"></attvalue>
                </attvalues>
                <viz:size value="100.0"></viz:size>
                <viz:position x="-87.93029" y="6.8120565" z="0.0"></viz:position>
                <viz:color r="245" g="91" b="91"></viz:color>
              </node>
              <node id="0.0" label="Myriel"/>
            </nodes>
            <edges>
              <edge id="0" source="11.0" target="0.0" weight="5.0" label="knows"/>
            </edges>
          </graph>
        </gexf>
        """
        let n = try GEXFDecoder().decode(text, file: "lesmis.gexf")
        #expect(n.description == "Les Mis")
        #expect(n.nodes.map(\.label) == ["Valjean", "Myriel"])
        #expect(n.nodes[0].attributes["Modularity Class"] == .integer(1))
        #expect(n.nodes[0].attributes["tags"] == .list([.string("hero"), .string("convict")]))
        #expect(n.nodes[1].attributes["flag"] == .boolean(true))
        #expect(n.edges[0].weight == 5 && n.edges[0].attributes["label"] == .string("knows"))
        #expect(!n.edges[0].relation.isDirected)
    }

    @Test func dynamicGEXFWithSpells() throws {
        let text = """
        <gexf xmlns="http://gexf.net/1.3" version="1.3">
          <graph mode="dynamic" defaultedgetype="directed" timeformat="date">
            <attributes class="node" mode="dynamic"><attribute id="score" title="score" type="float"/></attributes>
            <nodes>
              <node id="a" label="A"><attvalues><attvalue for="score" value="1.5" start="2010-01-01" end="2011-01-01"/><attvalue for="score" value="2.5" start="2011-01-01"/></attvalues><spells><spell start="2009-01-01"/></spells></node>
              <node id="b" label="B"/>
            </nodes>
            <edges>
              <edge id="0" source="a" target="b" kind="funds"><spells><spell start="2010-03-01" end="2012-12-31"/></spells></edge>
              <edge id="1" source="b" target="a" type="undirected" start="2015" end="2016-05-05T10:00:00"/>
            </edges>
          </graph>
        </gexf>
        """
        let r = try GEXFDecoder().read(text, file: "dyn.gexf")
        let n = r.network
        #expect(n.nodes[0].attributes["score"] == .number(2.5))
        #expect(n.nodes[0].since == PartialDate("2009-01-01") && n.nodes[0].until == nil, "a node's one spell is its since/until")
        #expect(n.nodes[0].attributes["start"] == nil)
        #expect(n.edges[0].since == PartialDate("2010-03-01") && n.edges[0].until == PartialDate("2012-12-31"))
        #expect(n.edges[0].relation.id == "funds" && n.edges[0].relation.isDirected)
        #expect(n.edges[1].since == PartialDate("2015") && n.edges[1].until == PartialDate("2016-05-05"))
        #expect(!n.edges[1].relation.isDirected)
        #expect(r.warnings.contains { $0.contains("last one") })
        #expect(!r.warnings.contains { $0.contains("spells") }, "\(r.warnings)")
    }

    /// A dynamic network as Gephi 0.10 exports it: node lifetimes as start/end or as spells, edges
    /// with several spells (a partnership that lapsed and resumed).
    @Test func gephiDynamicGEXF() throws {
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">
          <meta lastmodifieddate="2024-05-02">
            <creator>Gephi 0.10.1</creator>
            <title></title>
            <description></description>
          </meta>
          <graph defaultedgetype="undirected" timeformat="date" timerepresentation="interval" timezone="UTC" mode="dynamic">
            <attributes class="node" mode="static">
              <attribute id="country" title="country" type="string"></attribute>
            </attributes>
            <nodes>
              <node id="keino" label="KEINO" start="2018-03-01" end="2022-12-31">
                <attvalues><attvalue for="country" value="Norway"></attvalue></attvalues>
                <viz:size value="10.0"></viz:size>
              </node>
              <node id="lup" label="LUP">
                <spells>
                  <spell start="2010-01-01" end="2014-12-31"></spell>
                  <spell start="2016-01-01" end="2022-06-30"></spell>
                </spells>
              </node>
              <node id="nho" label="NHO">
                <spells>
                  <spell end="2009-03-01"></spell>
                  <spell start="2009-03-05" end="2009-03-10"></spell>
                </spells>
              </node>
              <node id="dfø" label="DFØ" start="2008-01-01T00:00:00"></node>
            </nodes>
            <edges>
              <edge id="0" source="keino" target="lup" weight="1.0">
                <spells>
                  <spell start="2019-01-01" end="2019-12-31"></spell>
                  <spell start="2018-05-01" end="2018-09-30"></spell>
                  <spell start="2021-01-01" end="2022-06-30"></spell>
                </spells>
              </edge>
              <edge id="1" source="nho" target="lup" weight="1.0">
                <spells><spell start="2010-01-01"></spell><spell start="2012-01-01" end="2013-01-01"></spell></spells>
              </edge>
              <edge id="2" source="dfø" target="keino" weight="2.0" start="2018-03-01"></edge>
            </edges>
          </graph>
        </gexf>
        """
        let r = try GEXFDecoder().read(text, file: "gephi-dynamic.gexf")
        let n = r.network
        func dates(_ id: NodeID) -> [PartialDate?] { let x = n.node(id)!; return [x.since, x.until] }
        #expect(dates("keino") == [PartialDate("2018-03-01"), PartialDate("2022-12-31")])
        #expect(n.node("keino")?.country == "Norway" && n.node("keino")?.attributes.isEmpty == true, "start and end are no longer attributes")
        #expect(dates("lup") == [PartialDate("2010-01-01"), PartialDate("2022-06-30")], "two spells: earliest start, latest end")
        #expect(dates("nho") == [nil, PartialDate("2009-03-10")], "a spell open at the start leaves the period open")
        #expect(dates("dfø") == [PartialDate("2008-01-01"), nil], "the day of a dateTime")
        #expect(n.nodes.allSatisfy { $0.attributes["start"] == nil && $0.attributes["end"] == nil })
        // The spells need not be in order: the earliest start and the latest end are found.
        #expect(n.edges[0].since == PartialDate("2018-05-01") && n.edges[0].until == PartialDate("2022-06-30"))
        #expect(n.edges[1].since == PartialDate("2010-01-01") && n.edges[1].until == nil, "a spell open at the end leaves the period open")
        #expect(n.edges[2].since == PartialDate("2018-03-01") && n.edges[2].until == nil)
        #expect(r.warnings.contains("GEXF: 2 nodes and 2 edges with several spells are each read as one period, from the earliest start to the latest end (the gaps between spells are not kept)"), "\(r.warnings)")
        // Written back, the lifetimes are start/end, which Gephi reads.
        let back = try GEXFEncoder().encode(n).text
        #expect(back.contains("<node id=\"lup\" label=\"LUP\" start=\"2010-01-01\" end=\"2022-06-30\">"))
        #expect(back.contains("<node id=\"nho\" label=\"NHO\" end=\"2009-03-10\">"))

        // Under timeformat date a time that is no date is refused at the spell that holds it.
        let bad = text.replacingOccurrences(of: "<spell start=\"2016-01-01\"", with: "<spell start=\"2016-02-30\"")
        let spellError = errorText { try GEXFDecoder().read(bad, file: "gephi-dynamic.gexf") }
        #expect(spellError?.hasPrefix("gephi-dynamic.gexf:20:") == true, "\(String(describing: spellError))")
        #expect(spellError?.contains("node start '2016-02-30' is not a date (the graph's timeformat is date): write YYYY-MM-DD") == true)
        let badNode = text.replacingOccurrences(of: "start=\"2018-03-01\" end=\"2022-12-31\"", with: "start=\"March 2018\"")
        let nodeError = errorText { try GEXFDecoder().read(badNode, file: "gephi-dynamic.gexf") }
        #expect(nodeError?.hasPrefix("gephi-dynamic.gexf:13:") == true && nodeError?.contains("node start 'March 2018' is not a date") == true, "\(String(describing: nodeError))")
        // Numeric times (timeformat double) are kept as attributes, merged spells by their numbers.
        let numeric = """
        <gexf xmlns="http://gexf.net/1.3" version="1.3">
          <graph mode="dynamic" timeformat="double">
            <nodes>
              <node id="a" start="1.5" end="4.0"/>
              <node id="b"><spells><spell start="10.0" end="12.0"/><spell start="2.0" end="3.0"/></spells></node>
            </nodes>
            <edges/>
          </graph>
        </gexf>
        """
        let m = try GEXFDecoder().decode(numeric, file: "numeric.gexf")
        #expect(m.nodes[0].since == nil && m.nodes[0].attributes["start"] == .string("1.5") && m.nodes[0].attributes["end"] == .string("4.0"))
        #expect(m.nodes[1].attributes["start"] == .string("2.0") && m.nodes[1].attributes["end"] == .string("12.0"))
        // Spells that mix dates and other times have no earliest start: refused at the element.
        let mixed = errorText { try GEXFDecoder().decode(numeric.replacingOccurrences(of: "start=\"2.0\"", with: "start=\"2010\"").replacingOccurrences(of: "start=\"10.0\"", with: "start=\"soon\""), file: "numeric.gexf") }
        #expect(mixed?.hasPrefix("numeric.gexf:5:") == true && mixed?.contains("the spells of this node mix dates and other times ('soon', '2010'), so which start is the earliest is unclear") == true, "\(String(describing: mixed))")
    }

    @Test func igraphStyleGML() throws {
        let text = """
        Creator "igraph version 0.10"
        Version 1
        graph
        [
          directed 0
          node
          [
            id 0
            name "Acciaiuoli"
            label "Acciaiuoli"
            wealth 10
          ]
          node
          [
            id 1
            label "Medici"
            wealth 103.5
            graphics [ x 1.0 y 2.0 ]
          ]
          edge
          [
            source 0
            target 1
            weight 2
          ]
        ]
        """
        let r = try GMLDecoder().read(text, file: "fl.gml")
        #expect(r.network.nodes.map(\.id) == ["Acciaiuoli", "Medici"])
        #expect(r.network.nodes[0].attributes["name"] == .string("Acciaiuoli"))
        #expect(r.network.nodes[0].attributes["wealth"] == .integer(10))
        #expect(r.network.nodes[1].attributes["wealth"] == .number(103.5))
        #expect(r.network.nodes[1].attributes["graphics"] == nil)
        #expect(r.network.edges[0].weight == 2)
        #expect(r.warnings.contains { $0.contains("graphics") })
    }

    @Test func d3NodeLink() throws {
        let text = """
        {"nodes": [{"name": "Myriel", "group": 1}, {"name": "Napoleon", "group": 1}],
         "links": [{"source": 1, "target": 0, "value": 1}]}
        """
        let n = try NodeLinkDecoder().decode(text, file: "d3.json")
        #expect(n.nodes.map(\.id) == ["0", "1"])
        #expect(n.nodes[0].attributes["name"] == .string("Myriel"))
        #expect(n.edges[0].from == "1" && n.edges[0].to == "0")
        #expect(n.edges[0].attributes["value"] == .integer(1))
    }
}
