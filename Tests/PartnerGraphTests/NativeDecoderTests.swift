import Testing
import PartnerGraph
@testable import PartnerGraphFormats

@Suite struct NativeDecoderTests {
    let minimal = """
    name: Tiny
    sources:
      - {id: s1, title: A source}
    nodes:
      - {id: a, kind: organisation, label: Ålesund Ø, sources: [s1]}
      - {id: b, kind: person}
    edges:
      - {from: a, to: b, relation: partners-with, weight: 2, since: "2020-03", until: 2021}
    """

    @Test func readsEveryField() throws {
        let n = try decodeYAML(minimal)
        #expect(n.name == "Tiny")
        #expect(n.nodes.map(\.id) == ["a", "b"])
        #expect(n.nodes[0].label == "Ålesund Ø")
        #expect(n.nodes[0].sources == ["s1"])
        #expect(n.edges[0].relation == .partnersWith)
        #expect(n.edges[0].weight == 2)
        #expect(n.edges[0].since == PartialDate(year: 2020, month: 3))
        #expect(n.edges[0].until == PartialDate(year: 2021))
    }

    @Test func attributeTypes() throws {
        let n = try decodeYAML("""
        nodes:
          - id: x
            kind: event
            attributes: {s: text, q: "2010", i: 2010, f: 6.0, b: true, d: {date: "2022-10"}, l: [a, 1, false]}
        """)
        let a = n.nodes[0].attributes
        #expect(a["s"] == .string("text"))
        #expect(a["q"] == .string("2010"))
        #expect(a["i"] == .integer(2010))
        #expect(a["f"] == .number(6.0))
        #expect(a["b"] == .boolean(true))
        #expect(a["d"] == .date(PartialDate(year: 2022, month: 10)!))
        #expect(a["l"] == .list([.string("a"), .integer(1), .boolean(false)]))
        #expect(Array(a.keys) == ["s", "q", "i", "f", "b", "d", "l"])
    }

    @Test func jsonReadsTheSameSchema() throws {
        let n = try decodeJSON("""
        {"name": "Tiny", "nodes": [{"id": "a", "kind": "organisation", "label": "K\\u00f8benhavn", "attributes": {"n": 1.5, "d": {"date": "2022"}}},
                                   {"id": "b", "kind": "person"}],
         "edges": [{"from": "a", "to": "b", "relation": "leads", "weight": 3}]}
        """)
        #expect(n.nodes[0].label == "København")
        #expect(n.nodes[0].attributes["n"] == .number(1.5))
        #expect(n.nodes[0].attributes["d"] == .date(PartialDate(year: 2022)!))
        #expect(n.edges[0].relation == .leads)
    }

    @Test func declaredKindsAndRelations() throws {
        let n = try decodeYAML("""
        kinds: [{id: woman, label: Woman}]
        relations: [{id: attended, directed: true, verb: attended}]
        nodes: [{id: w, kind: woman}, {id: e, kind: event}]
        edges: [{from: w, to: e, relation: attended}]
        """)
        #expect(n.nodes[0].kind.id == "woman")
        #expect(n.edges[0].relation.verb == "attended")
        #expect(n.edges[0].relation.isDirected)
    }

    @Test func reportsEveryProblemWithItsLine() {
        let text = """
        sources: [{id: s1, title: T}]
        nodes:
          - {id: a, kind: organisation}
          - {id: a, kind: person}
          - {id: c, kind: organisaton}
        edges:
          - {from: a, to: hansel, relation: founded}
          - {from: a, to: c, relation: funds, weight: 0}
          - {from: a, to: c, relation: funds, weight: -1, since: 2022, until: 2021}
          - {from: a, to: c, relation: fundz}
          - {from: a, to: c, relation: funds, since: 2022-13}
          - {from: a, to: c, relation: funds, weight: heavy}
          - {from: a, to: c, relation: funds, sources: [s2]}
        """
        let p = problems { try decodeYAML(text, file: "bad.yaml") }
        #expect(p.contains("bad.yaml:4:5: duplicate node id 'a' (first defined as node 1)"))
        #expect(p.contains { $0.hasPrefix("bad.yaml:5:19: node 'c': unknown kind 'organisaton'; did you mean 'organisation'?") })
        #expect(p.contains { $0.hasPrefix("bad.yaml:7:5: edge 1 (a → hansel, founded): 'to' names unknown node 'hansel'") })
        #expect(p.contains("bad.yaml:8:5: edge 2 (a → c, funds): weight must be finite and greater than 0, got 0.0"))
        #expect(p.contains("bad.yaml:9:5: edge 3 (a → c, funds): weight must be finite and greater than 0, got -1.0"))
        #expect(p.contains("bad.yaml:9:5: edge 3 (a → c, funds): since 2022 is after until 2021"))
        #expect(p.contains { $0.hasPrefix("bad.yaml:10:32: edge 4: unknown relation 'fundz'; did you mean 'funds'?") })
        #expect(p.contains("bad.yaml:11:46: edge 5: since '2022-13' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)"))
        #expect(p.contains("bad.yaml:12:47: edge 6: weight must be a number, found 'heavy'"))
        #expect(p.contains("bad.yaml:13:5: edge 7 (a → c, funds) cites unknown source 's2'"))
        #expect(p.count == 10)
    }

    /// Nodes may carry their own dates: read, written back, and checked like an edge's.
    @Test func nodesHaveOptionalDates() throws {
        let n = try decodeYAML("""
        nodes:
          - {id: keino, kind: programme, since: "2018-03", until: "2022"}
          - {id: lup, kind: programme, since: "2010"}
          - {id: nho, kind: organisation}
        edges: []
        """)
        #expect(n.nodes[0].since == PartialDate("2018-03") && n.nodes[0].until == PartialDate("2022"))
        #expect(n.nodes[1].since == PartialDate("2010") && n.nodes[1].until == nil)
        #expect(n.nodes[2].since == nil && n.nodes[2].until == nil)
        #expect(n.nodes[0].datesMeet(fromDay: 20220101, toDay: 20221231))
        #expect(!n.nodes[0].datesMeet(fromDay: 20230101, toDay: 20231231))
        #expect(!n.nodes[2].datesMeet(fromDay: 20220101, toDay: 20221231), "a node without dates is active only through its ties")
        let text = NativeEncoder().encode(n)
        #expect(text.contains("since: '2018-03'") || text.contains("since: \"2018-03\"") || text.contains("since: 2018-03"), "\(text)")
        #expect(try decodeYAML(text) == n)
        let p = problems {
            try decodeYAML("""
            nodes:
              - {id: a, kind: organisation, since: 2022, until: 2021}
              - {id: b, kind: organisation, until: 2021-02-30}
            """, file: "dates.yaml")
        }
        #expect(p.contains("dates.yaml:2:5: node 'a': since 2022 is after until 2021"))
        #expect(p.contains { $0.hasPrefix("dates.yaml:3:40: node 'b': until '2021-02-30' is not a date") }, "\(p)")
        #expect(p.count == 2)
    }

    @Test func nodesHaveAliases() throws {
        let n = try decodeYAML("""
        nodes:
          - {id: lup, kind: programme, label: LUP, aliases: [Leverandørutviklingsprogrammet, Supplier Development Programme]}
        """)
        #expect(n.nodes[0].aliases == ["Leverandørutviklingsprogrammet", "Supplier Development Programme"])
        #expect(try decodeYAML(NativeEncoder().encode(n)) == n)
        #expect(try decodeYAML("nodes: [{id: a, kind: organisation, aliases: A}]").nodes[0].aliases == ["A"], "one name needs no list")
        let p = problems { try decodeYAML("nodes: [{id: a, kind: organisation, aliases: {x: y}}]", file: "a.yaml") }
        #expect(p == ["a.yaml:1:46: node 'a': aliases must be a list of names, found a mapping"], "\(p)")
    }

    @Test func danglingReferenceSuggestsTheClosestId() {
        let p = problems {
            try decodeYAML("""
            nodes: [{id: hansel, kind: organisation}, {id: keino, kind: programme}]
            edges: [{from: hansle, to: keino, relation: member-of}]
            """)
        }
        #expect(p == ["test.yaml:2:9: edge 1 (hansle → keino, member-of): 'from' names unknown node 'hansle'; did you mean 'hansel'?"])
    }

    @Test func typeMismatchesAndUnknownFields() {
        let p = problems {
            try decodeYAML("""
            nodes:
              - id: a
                kind: person
                labl: Anna
                sources: {x: 1}
                attributes: [1, 2]
            edges: {}
            """)
        }
        #expect(p.contains { $0.hasPrefix("test.yaml:4:5: node 1: unknown field 'labl'; did you mean 'label'?") })
        #expect(p.contains("test.yaml:5:14: node 'a': sources must be a list of ids, found a mapping"))
        #expect(p.contains("test.yaml:6:17: node 'a': attributes must be a mapping, found a list"))
        #expect(p.contains("test.yaml:7:8: 'edges' must be a list, found a mapping"))
    }

    @Test func malformedYAMLNamesTheLine() {
        #expect(throws: FormatError.self) { try decodeYAML("nodes:\n  - {id: a, kind: person\n  - x") }
        do {
            _ = try decodeYAML("nodes:\n  - id: a\n   kind: person\n")
        } catch let e as FormatError {
            #expect(e.location?.line == 3)
            #expect(e.message.hasPrefix("malformed YAML"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func malformedJSONNamesLineAndColumn() {
        let cases: [(String, Int, Int, String)] = [
            ("{\"nodes\": [\n  {\"id\": \"a\",}\n]}", 2, 14, "malformed JSON: expected a string key"),
            ("{\"nodes\": [1, 2", 1, 16, "malformed JSON: unexpected end of file in an array"),
            ("{\"a\": 1, \"a\": 2}", 1, 10, "malformed JSON: duplicate key \"a\""),
            ("{\"a\": \"x\ty\"}", 1, 9, "malformed JSON: control character in a string (escape it)"),
            ("{\"a\": 01}", 1, 8, "malformed JSON: expected ',' or '}'"),
            ("", 0, 0, "the file is empty"),
        ]
        for (text, line, column, message) in cases {
            do {
                _ = try decodeJSON(text)
                Issue.record("accepted \(text)")
            } catch let e as FormatError {
                #expect(e.message == message, "\(text)")
                if line > 0 {
                    #expect(e.location?.line == line, "\(text)")
                    #expect(e.location?.column == column, "\(text)")
                }
            } catch { Issue.record("unexpected \(error)") }
        }
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: FormatError.self) { try decodeJSON(deep) }
        #expect(throws: (any Error).self) { try decodeYAML(String(repeating: "[", count: 100_000)) }
    }
}
