import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphFormats

/// Malformed and hostile files give a located `FormatError` (or a located
/// `NetworkValidationError`), never a crash.
@Suite struct HostileInputTests {
    /// The error's location, or nil when decoding did not fail with a located error.
    func failure(_ body: () throws -> Network) -> (message: String, line: Int?, column: Int?)? {
        do {
            _ = try body()
            return nil
        } catch let e as FormatError {
            return (e.description, e.location?.line, e.location?.column)
        } catch let e as NetworkValidationError {
            return (e.description, e.issues.first?.location?.line, e.issues.first?.location?.column)
        } catch {
            return ("\(error)", nil, nil)
        }
    }

    static let billionLaughs = """
    <?xml version="1.0"?>
    <!DOCTYPE lolz [
     <!ENTITY lol "lol">
     <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
     <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
    ]>
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="&lol3;"/></graph></graphml>
    """

    static let xxe = """
    <?xml version="1.0"?>
    <!DOCTYPE gexf [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
    <gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="&xxe;"/></nodes></graph></gexf>
    """

    static let parameterEntity = """
    <?xml version="1.0"?>
    <!DOCTYPE graphml [
      <!-- a comment with ]> inside -->
      <!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd">
      %remote;
    ]>
    <graphml/>
    """

    @Test func billionLaughsIsRefusedWhereTheEntityIsDeclared() {
        let f = failure { try GraphMLDecoder().decode(HostileInputTests.billionLaughs, file: "lol.graphml") }
        #expect(f?.message.contains("lol.graphml:3:2") == true, "\(String(describing: f))")
        #expect(f?.message.contains("entit") == true)
    }

    @Test func externalEntitiesAreRefused() {
        let f = failure { try GEXFDecoder().decode(HostileInputTests.xxe, file: "x.gexf") }
        #expect(f?.line == 2 && f?.column == 18, "\(String(describing: f))")
        #expect(f?.message.contains("passwd") == false)
        let p = failure { try GraphMLDecoder().decode(HostileInputTests.parameterEntity, file: "p.graphml") }
        #expect(p?.line == 4, "\(String(describing: p))")
    }

    @Test func aDoctypeWithoutEntitiesIsFine() throws {
        let text = """
        <?xml version="1.0"?>
        <!DOCTYPE graphml SYSTEM "http://127.0.0.1:1/graphml.dtd">
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"/></graph></graphml>
        """
        #expect(try GraphMLDecoder().decode(text, file: "t").nodes.map(\.id) == ["a"])
    }

    @Test func undeclaredEntityReferencesAreErrors() {
        let text = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph><node id=\"&nope;\"/></graph></graphml>"
        let f = failure { try GraphMLDecoder().decode(text, file: "t.graphml") }
        #expect(f?.line == 2, "\(String(describing: f))")
    }

    @Test(arguments: [
        ("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n  <graph edgedefault=\"directed\">\n    <node id=\"a\">\n", 3),
        ("<graphml>\n<graph>\n<node id=\"a\"></edge>\n</graph></graphml>", 4),
        ("<graphml><graph><node id=\"a\" id=\"b\"/></graph></graphml>", 1),
        ("", 1),
        ("<?xml version=\"1.0\"?>\n<notgraphml/>", 2),
    ]) func truncatedAndBrokenGraphML(text: String, line: Int) {
        let f = failure { try GraphMLDecoder().decode(text, file: "t.graphml") }
        #expect(f != nil && f?.line == line, "\(String(describing: f))")
    }

    @Test func xmlErrorsSayWhereTheLastGoodElementWas() {
        let f = failure { try GraphMLDecoder().decode("<graphml>\n<graph>\n<node id=\"a\"></edge>\n</graph></graphml>", file: "t.graphml") }
        #expect(f?.message.contains("after <node> at line 3") == true, "\(String(describing: f))")
    }

    @Test func graphMLDataProblemsAreLocated() {
        let badType = """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="d0" for="node" attr.name="n" attr.type="long"/>
          <graph edgedefault="directed">
            <node id="a"><data key="d0">twelve</data></node>
          </graph>
        </graphml>
        """
        let f = failure { try GraphMLDecoder().decode(badType, file: "t.graphml") }
        #expect(f?.line == 4 && f?.message.contains("not an integer") == true, "\(String(describing: f))")
        let unknownKey = badType.replacingOccurrences(of: "key=\"d0\">twelve", with: "key=\"d9\">1")
        #expect(failure { try GraphMLDecoder().decode(unknownKey, file: "t.graphml") }?.message.contains("d9") == true)
        let dangling = badType.replacingOccurrences(of: "<data key=\"d0\">twelve</data></node>", with: "</node>\n    <edge source=\"a\" target=\"b\"/>")
        let d = failure { try GraphMLDecoder().decode(dangling, file: "t.graphml") }
        #expect(d?.line == 5 && d?.message.contains("unknown node 'b'") == true, "\(String(describing: d))")
        let hyper = badType.replacingOccurrences(of: "<data key=\"d0\">twelve</data></node>", with: "</node><hyperedge><endpoint node=\"a\"/></hyperedge>")
        #expect(failure { try GraphMLDecoder().decode(hyper, file: "t.graphml") }?.message.contains("hyperedges") == true)
    }

    @Test func truncatedGEXF() {
        let text = "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph>\n<nodes>\n<node id=\"a\" label=\"A\">"
        let f = failure { try GEXFDecoder().decode(text, file: "t.gexf") }
        #expect(f?.line == 5, "\(String(describing: f))")
        let undeclared = "<gexf xmlns=\"http://gexf.net/1.3\"><graph><nodes><node id=\"a\"><attvalues>\n<attvalue for=\"9\" value=\"1\"/></attvalues></node></nodes></graph></gexf>"
        let u = failure { try GEXFDecoder().decode(undeclared, file: "t.gexf") }
        #expect(u?.line == 2 && u?.message.contains("'9'") == true, "\(String(describing: u))")
    }

    @Test(arguments: [
        ("graph [\n  node [\n    id 0\n    label \"a\"\n", 2, "never closed"),
        ("graph [\n  node [ id 0 ]\n]\n]\n", 4, "without a matching"),
        ("graph [\n  node [ id 0 label \"a ]\n]\n", 2, "never closed"),
        ("graph [\n  node [ id 0 label ]\n]\n", 2, "needs a value"),
        ("graph [\n  node [ id 0 3 ]\n]\n", 2, "expected a key"),
        ("graph [ node [ id 0 ] node [ id 0 ] ]", 1, "used twice"),
        ("graph [ node [ id 0 ] edge [ source 0 target 7 ] ]", 1, "not the id of any node"),
        ("creator \"me\"\n", 1, "no 'graph"),
        ("graph [ partnergraph \"{not json\" ]", 1, "header"),
        ("graph [ x 99999999999999999999999 ]", 1, "out of range"),
    ]) func badGML(text: String, line: Int, words: String) {
        let f = failure { try GMLDecoder().decode(text, file: "t.gml") }
        #expect(f?.line == line && f?.message.contains(words) == true, "\(String(describing: f))")
    }

    @Test func deeplyNestedGMLIsRefusedNotOverflowed() {
        let text = "graph [ " + String(repeating: "x [ ", count: 5000) + String(repeating: "] ", count: 5000) + "]"
        #expect(failure { try GMLDecoder().decode(text, file: "t.gml") }?.message.contains("deeper") == true)
    }

    @Test(arguments: [
        ("*Vertices 2\n1 \"a\"\n2 \"b\"\n3 \"c\"\n", 4, "more vertex lines"),
        ("*Vertices 2\n1 \"a\"\n2 \"b\"\n*Arcs\n1 3\n", 5, "out of range"),
        ("*Vertices two\n", 1, "number of vertices"),
        ("*Vertices 2\n1 \"a\n", 2, "never closed"),
        ("*Vertices 2\n1 \"a\"\n1 \"b\"\n", 3, "listed twice"),
        ("*Arcs\n1 2\n", 1, "before *Vertices"),
        ("*Vertices 2\n*Matrix\n0 1\n1 0\n", 2, "not supported"),
        ("*Vertices 2\n1 a\n2 b\n*Edges\n1 x\n", 5, "not a vertex number"),
        ("*Vertices 2\n1 a\n2 a\n", 3, "duplicate node id"),
        ("hello\n", 1, "before *Vertices"),
        ("% only a comment\n", 1, "no *Vertices"),
    ]) func badPajek(text: String, line: Int, words: String) {
        let f = failure { try PajekDecoder().decode(text, file: "t.net") }
        #expect(f?.line == line && f?.message.contains(words) == true, "\(String(describing: f))")
    }

    @Test(arguments: [
        ("a b\nc\n", 2, "expected 'u v [weight]'"),
        ("a b heavy\n", 1, "not a number"),
        ("a b {'w': }\n", 1, "malformed data dict"),
        ("a b {'w': 1\n", 1, "malformed data dict"),
    ]) func badEdgeList(text: String, line: Int, words: String) {
        let f = failure { try EdgeListDecoder().decode(text, file: "t.edgelist") }
        #expect(f?.line == line && f?.message.contains(words) == true, "\(String(describing: f))")
    }

    @Test(arguments: [
        ("{\"nodes\": [{\"id\": \"a\"}], \"edges\": [{\"source\": \"a\"}]}", 1, "no \"target\""),
        ("{\"nodes\": [{\"id\": \"a\"},\n {\"id\": \"a\"}]}", 2, "duplicate node id"),
        ("{\"nodes\": [\n", 2, "malformed JSON"),
        ("[1, 2]", 1, "must be an object"),
        ("{\"directed\": \"yes\", \"nodes\": []}", 1, "true or false"),
        ("{\"nodes\": [{\"id\": null}]}", 1, "string or a number"),
    ]) func badNodeLink(text: String, line: Int, words: String) {
        let f = failure { try NodeLinkDecoder().decode(text, file: "t.json") }
        #expect(f?.line == line && f?.message.contains(words) == true, "\(String(describing: f))")
    }

    @Test func garbageNeverCrashesAnyReader() {
        var rng = SeededGenerator(seed: 7)
        let seeds = [
            try! GraphMLEncoder().encode(try! loadGraph("florentine-families.yaml")).text,
            try! GEXFEncoder().encode(try! loadGraph("florentine-families.yaml")).text,
            try! GMLEncoder().encode(try! loadGraph("florentine-families.yaml")).text,
            try! NodeLinkEncoder().encode(try! loadGraph("florentine-families.yaml")).text,
            try! PajekEncoder().encode(try! loadGraph("florentine-families.yaml")).text,
            try! EdgeListEncoder().encode(try! loadGraph("florentine-families.yaml")).text,
        ]
        let readers: [(String) throws -> Network] = [
            { try GraphMLDecoder().decode($0, file: "f") }, { try GEXFDecoder().decode($0, file: "f") },
            { try GMLDecoder().decode($0, file: "f") }, { try NodeLinkDecoder().decode($0, file: "f") },
            { try PajekDecoder().decode($0, file: "f") }, { try EdgeListDecoder().decode($0, file: "f") },
        ]
        for (k, seed) in seeds.enumerated() {
            var scalars = Array(seed.unicodeScalars)
            for _ in 0..<150 {
                var mutated = scalars
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    let i = Int.random(in: 0..<mutated.count, using: &rng)
                    switch Int.random(in: 0...3, using: &rng) {
                    case 0: mutated.remove(at: i)
                    case 1: mutated.insert(["<", ">", "\"", "[", "]", "&", "\n", "*", "{", "}", "#", "é"].randomElement(using: &rng)!, at: i)
                    case 2: mutated = Array(mutated[..<i])
                    default: mutated[i] = "x"
                    }
                    if mutated.isEmpty { break }
                }
                // Every outcome is fine except a crash; errors must say where.
                do { _ = try readers[k](String(String.UnicodeScalarView(mutated))) } catch let e as FormatError {
                    #expect(e.location != nil, "\(e)")
                } catch let e as NetworkValidationError {
                    #expect(e.issues.allSatisfy { $0.location != nil }, "\(e)")
                } catch {
                    Issue.record("unexpected error type: \(error)")
                }
                scalars = Array(seed.unicodeScalars)
            }
        }
    }

    /// An alias bomb: level 0 is nine scalars, each further level nine aliases of the one
    /// before (9¹⁰ scalars if expanded), then a valid network. Refused at the first anchor,
    /// at once (it took more than 30 s and 8 GB when aliases were expanded first).
    static func aliasBomb(levels: Int) -> String {
        var text = "a0: &a0 [" + Array(repeating: "x", count: 9).joined(separator: ", ") + "]\n"
        for level in 1..<levels {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return text + "nodes:\n  - {id: a, kind: organisation}\nedges: []\n"
    }

    @Test func aliasBombIsRefusedAtTheFirstAnchor() {
        let start = Date()
        let f = failure { try NativeDecoder().decode(HostileInputTests.aliasBomb(levels: 10), syntax: .yaml, file: "bomb.yaml") }
        #expect(f?.message == "bomb.yaml:1:5: YAML anchors and aliases (&a0, *a0) are not supported; write the value out", "\(String(describing: f))")
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test(arguments: [
        ("nodes:\n  - &n {id: a, kind: organisation}\n  - *n\n", 2, 5),
        ("name: &x Nordic\nnodes: []\nedges: []\n", 1, 7),
        ("name: *nowhere\nnodes: []\n", 1, 7),
    ])
    func anchorsAndAliasesAreLocatedErrors(text: String, line: Int, column: Int) {
        let f = failure { try NativeDecoder().decode(text, syntax: .yaml, file: "a.yaml") }
        #expect(f?.line == line && f?.column == column, "\(String(describing: f))")
        #expect(f?.message.contains("alias") == true, "\(String(describing: f))")
    }
}
