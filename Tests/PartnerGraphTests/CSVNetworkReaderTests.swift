import Testing
import PartnerGraph
@testable import PartnerGraphFormats

@Suite struct CSVNetworkReaderTests {
    @Test func parsesQuotedFieldsNewlinesAndBOM() throws {
        let text = "\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nplain,,z\n"
        let records = try CSVParser.parse(text, file: "t.csv")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["plain", "", "z"]])
        #expect(records.map(\.line) == [1, 2, 5])
    }

    @Test func lineEndsBlankLinesAndEmptyLastFields() throws {
        // CR alone ends a line; blank lines (LF or CRLF) are skipped; a separator at the very end
        // leaves an empty last field.
        let text = "a,b\r1,\n\n\r\n,\n\"q\",x\n2,3,"
        let records = try CSVParser.parse(text, file: "t.csv")
        #expect(records.map(\.fields) == [["a", "b"], ["1", ""], ["", ""], ["q", "x"], ["2", "3", ""]])
        #expect(records.map(\.line) == [1, 2, 5, 6, 7])
    }

    @Test func unterminatedQuoteIsLocated() {
        do {
            _ = try CSVParser.parse("a,b\n1,\"open\n2,3\n", file: "t.csv")
            Issue.record("accepted")
        } catch let e as FormatError {
            #expect(e.description == "t.csv:2: malformed CSV: a quoted field opened here is never closed")
        } catch { Issue.record("\(error)") }
    }

    @Test func edgesWithNodeTableAndTypedColumns() throws {
        let nodes = """
        id,kind,label,country,size,ratio,public,note
        lup,programme,LUP,Norway,200,0.5,true,since 2010
        keino,programme,KEINO,Finland,5,1,false,
        hansel,organisation,Hansel,Finland,,2.25,TRUE,"state-owned, procurement"
        """
        let edges = """
        source,target,relation,weight,since,until,projects,topic
        hansel,keino,member-of,2,2018,,3,"procurement, joint"
        keino,lup,partners-with,0.5,2022-10,2022-10-31,1,
        """
        let n = try CSVNetworkReader().read(edgesText: edges, edgesFile: "edges.csv", nodesText: nodes, nodesFile: "nodes.csv")
        #expect(n.nodes.count == 3)
        #expect(n.edges.count == 2)
        #expect(n.nodes[0].kind == .programme)
        #expect(n.nodes[0].country == "Norway")
        #expect(n.nodes[0].attributes["size"] == .integer(200))
        #expect(n.nodes[1].attributes["ratio"] == .number(1))
        #expect(n.nodes[2].attributes["public"] == .boolean(true))
        #expect(n.nodes[2].attributes["size"] == nil)
        #expect(n.nodes[2].attributes["note"] == .string("state-owned, procurement"))
        #expect(n.edges[0].relation == .memberOf)
        #expect(n.edges[0].weight == 2)
        #expect(n.edges[0].since == PartialDate(year: 2018))
        #expect(n.edges[0].attributes["projects"] == .integer(3))
        #expect(n.edges[0].attributes["topic"] == .string("procurement, joint"))
        #expect(n.edges[1].until == PartialDate(year: 2022, month: 10, day: 31))
    }

    @Test func withoutNodeTableNodesComeFromEdges() throws {
        let n = try CSVNetworkReader().read(edgesText: "source,target\nb,a\na,c\n", edgesFile: "e.csv")
        #expect(n.nodes.map(\.id) == ["b", "a", "c"])
        #expect(n.edges.allSatisfy { $0.relation.id == "connected-to" && !$0.relation.isDirected })
        let d = try CSVNetworkReader(directed: true).read(edgesText: "source,target,relation\nb,a,cites\n", edgesFile: "e.csv")
        #expect(d.edges[0].relation.isDirected)
        #expect(d.edges[0].relation.id == "cites")
    }

    @Test func everyBadRowIsReported() {
        let nodes = "id,kind\na,person\nb,person\na,person\n"
        let edges = "source,target,weight,since\na,b,x,2020\na,zz,1,\nb,a,0,2020-02-30\na,b\n"
        do {
            _ = try CSVNetworkReader().read(edgesText: edges, edgesFile: "edges.csv", nodesText: nodes, nodesFile: "nodes.csv")
            Issue.record("accepted")
        } catch let e as NetworkValidationError {
            let m = e.issues.map(\.description)
            #expect(m.contains("edges.csv: row 2: weight 'x' is not a number"))
            #expect(m.contains("edges.csv: row 4: since '2020-02-30' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)"))
            #expect(m.contains("edges.csv: row 5: expected 4 fields, found 2 (line 5)"))
            #expect(m.contains("nodes.csv: row 4: duplicate node id 'a' (first defined as node 1)"))
            #expect(m.contains("edges.csv: row 3: edge 2 (a → zz, connected-to): 'to' names unknown node 'zz'"))
            #expect(m.contains("edges.csv: row 4: edge 3 (b → a, connected-to): weight must be finite and greater than 0, got 0.0"))
            #expect(m.count == 6)
        } catch { Issue.record("\(error)") }
    }

    @Test func missingColumnsAreNamed() {
        do {
            _ = try CSVNetworkReader().read(edgesText: "from,target\na,b\n", edgesFile: "e.csv")
            Issue.record("accepted")
        } catch let e as FormatError {
            #expect(e.description.hasPrefix("e.csv: row 1: the header has no 'source' column (found: from, target)"))
        } catch { Issue.record("\(error)") }
    }
}
