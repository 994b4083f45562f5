import Foundation

/// The hostile-input corpus: every case is made here, when the tests run (nothing of it is
/// committed as files). A case writes its files into a fresh folder, runs one command there, and
/// says what must come of it. Whatever a case expects, every run must also end within its time
/// limit, by exit and not by a signal, with no stack trace, no "Fatal error", no temporary file
/// left behind and, when refused, no output file (see `HostileCorpusTests`).
struct HostileCase: Sendable, CustomStringConvertible {
    enum Outcome: Sendable {
        /// A non-zero exit with this status whose stderr contains every one of these texts.
        case refused(Int32, [String])
        /// Exit 0, and stdout contains every one of these texts.
        case succeeds([String])
    }

    var name: String
    var files: [String: [UInt8]]
    var arguments: [String]
    var outcome: Outcome
    /// Files the command is asked to write (they must not exist after a refusal).
    var outputs: [String] = []

    var description: String { name }

    init(_ name: String, _ files: [String: [UInt8]], _ arguments: [String], _ outcome: Outcome, outputs: [String] = []) {
        self.name = name
        self.files = files
        self.arguments = arguments
        self.outcome = outcome
        self.outputs = outputs
    }
}

private func text(_ s: String) -> [UInt8] { Array(s.utf8) }

private func repeated(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

/// A small valid native network, with room for one hostile edge or node.
private func native(nodes: String = "", edges: String = "") -> [UInt8] {
    text("""
        name: hostile
        nodes:
          - {id: a, kind: organisation}
          - {id: b, kind: organisation}
          - {id: c, kind: organisation}
        \(nodes)
        edges:
          - {from: a, to: b, relation: partners-with}
          - {from: b, to: c, relation: partners-with}
        \(edges)
        """)
}

enum HostileCorpus {
    static let depth = 100_000

    static var cases: [HostileCase] {
        var c: [HostileCase] = []
        let nordic = ["n.yaml": native()]

        // Deep nesting in every nested syntax.
        c.append(HostileCase("deep JSON", ["n.json": text(repeated("[", depth) + repeated("]", depth))],
                             ["info", "n.json"], .refused(65, ["n.json:1:"])))
        c.append(HostileCase("deep node-link JSON", ["n.json": text("{\"directed\": false, \"links\": " + repeated("[", depth) + repeated("]", depth) + "}")],
                             ["info", "n.json"], .refused(65, ["n.json:1:"])))
        c.append(HostileCase("deep YAML flow", ["n.yaml": text("nodes: " + repeated("[", depth) + repeated("]", depth) + "\n")],
                             ["info", "n.yaml"], .refused(65, ["n.yaml:1:", "nesting deeper than 200 levels"])))
        c.append(HostileCase("GraphML cut off inside a tag", ["n.graphml": text("<graphml><graph edgedefault=\"undirected\"><node id=\"a\"><data")],
                             ["info", "n.graphml"], .refused(65, ["n.graphml:1:", "the document ends too early"])))
        c.append(HostileCase("deep YAML blocks", ["n.yaml": text((0..<400).map { repeated("  ", $0) + "k\($0):\n" }.joined() + repeated("  ", 400) + "v\n")],
                             ["info", "n.yaml"], .refused(65, ["n.yaml:"])))
        c.append(HostileCase("deep GML", ["n.gml": text("graph [ " + repeated("a [ ", depth) + repeated("] ", depth) + "]")],
                             ["info", "n.gml"], .refused(65, ["n.gml:1:"])))
        c.append(HostileCase("deep GraphML", ["n.graphml": text("<graphml><graph>" + repeated("<x>", depth) + repeated("</x>", depth) + "</graph></graphml>")],
                             ["info", "n.graphml"], .refused(65, ["n.graphml:1:"])))
        c.append(HostileCase("deep GEXF", ["n.gexf": text("<gexf><graph>" + repeated("<x>", depth) + repeated("</x>", depth) + "</graph></gexf>")],
                             ["info", "n.gexf"], .refused(65, ["n.gexf:1:"])))
        c.append(HostileCase("deep DOT subgraphs", ["n.dot": text("graph {\n" + repeated("subgraph {\n", 6_000) + "a -- b\n" + repeated("}\n", 6_000) + "}\n")],
                             ["info", "n.dot"], .refused(65, ["n.dot"])))

        // Entity and alias bombs.
        c.append(HostileCase("GraphML entity bomb", ["n.graphml": text("""
            <?xml version="1.0"?>
            <!DOCTYPE g [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <graphml><graph edgedefault="undirected"><node id="&c;"/></graph></graphml>
            """)], ["info", "n.graphml"], .refused(65, ["n.graphml:2:"])))
        c.append(HostileCase("GraphML element with 300,000 attributes", ["n.graphml": text("<graphml><graph edgedefault=\"undirected\">\n<node id=\"n\" " + (0..<300_000).map { "a\($0)=\"x\"" }.joined(separator: " ") + "/></graph></graphml>")],
                             ["info", "n.graphml"], .refused(65, ["n.graphml:2:1: an element with more than 1000 attributes"])))
        c.append(HostileCase("GEXF external entity", ["n.gexf": text("""
            <?xml version="1.0"?>
            <!DOCTYPE gexf [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <gexf><graph><nodes><node id="a" label="&x;"/></nodes></graph></gexf>
            """)], ["info", "n.gexf"], .refused(65, ["n.gexf:2:"])))
        c.append(HostileCase("entity after a processing instruction with a quote", ["n.graphml": text("""
            <?xml version="1.0"?>
            <?pi it's?>
            <!DOCTYPE g [<!ENTITY a "x">]>
            <graphml><graph edgedefault="undirected"><node id="&a;"/></graph></graphml>
            """)], ["info", "n.graphml"], .refused(65, ["n.graphml:3:"])))
        c.append(HostileCase("entity after a processing instruction with a quote inside the DOCTYPE", ["n.graphml": text("""
            <?xml version="1.0"?>
            <!DOCTYPE g [<?pi it's?><!ENTITY a "x">]>
            <graphml><graph edgedefault="undirected"><node id="&a;"/></graph></graphml>
            """)], ["info", "n.graphml"], .refused(65, ["n.graphml:2:25: GraphML declares entities in its DOCTYPE"])))
        // 10,000 edges naming nodes the node table lacks: each used to cost a did-you-mean scan.
        c.append(HostileCase("10,000 dangling edges", ["e.csv": text("source,target\n" + (0..<10_000).map { "x\($0),y\($0)\n" }.joined()), "n.csv": text("id\na\nb\n")],
                             ["info", "e.csv", "--nodes", "n.csv"], .refused(65, ["e.csv: row 2: edge 1 (x0 → y0, connected-to): 'from' names unknown node 'x0'", "20000 problems found"])))
        var bomb = "a0: &a0 [" + Array(repeating: "x", count: 9).joined(separator: ", ") + "]\n"
        for level in 1..<10 { bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n" }
        c.append(HostileCase("YAML alias bomb", ["n.yaml": text(bomb + "nodes: []\nedges: []\n")],
                             ["info", "n.yaml"], .refused(65, ["n.yaml:1:5:", "aliases"])))

        // Huge names and many columns.
        let long = repeated("x", 1_000_000)
        c.append(HostileCase("a 10⁶-character id", ["n.json": text("{\"nodes\": [{\"id\": \"\(long)\", \"kind\": \"organisation\"}], \"edges\": []}")],
                             ["info", "n.json"], .succeeds(["nodes"])))
        c.append(HostileCase("a 10⁶-character attribute", ["n.csv": text("source,target,note\na,b,\(long)\n")],
                             ["edges", "n.csv", "--format", "csv"], .succeeds(["a,b"])))
        c.append(HostileCase("CSV with 10⁶ columns", ["n.csv": text("source,target" + repeated(",c", 1_000_000) + "\na,b\n")],
                             ["info", "n.csv"], .refused(65, ["n.csv"])))
        c.append(HostileCase("CSV with an unbalanced quote", ["n.csv": text("source,target\na,\"b\nc,d\n")],
                             ["info", "n.csv"], .refused(65, ["n.csv:2:", "never closed"])))

        // Bytes that are not text.
        c.append(HostileCase("invalid UTF-8", ["n.yaml": [0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x0a]],
                             ["info", "n.yaml"], .refused(65, ["n.yaml", "UTF-8"])))
        c.append(HostileCase("UTF-16 with a byte-order mark", ["n.csv": [0xff, 0xfe] + Array("source,target\nå,b\n".utf16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] })],
                             ["nodes", "n.csv", "--format", "csv"], .succeeds(["å"])))
        c.append(HostileCase("UTF-16 without a byte-order mark", ["n.csv": Array("source,target\na,b\n".utf16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] })],
                             ["info", "n.csv"], .refused(65, ["n.csv", "UTF-16"])))
        c.append(HostileCase("NUL in a CSV id", ["n.csv": text("source,target\na\u{0},b\n")],
                             ["info", "n.csv"], .refused(65, ["n.csv: row 2: node 1's id contains a NUL character"])))
        c.append(HostileCase("NUL in a JSON id", ["n.json": text("{\"nodes\": [{\"id\": \"a\\u0000b\", \"kind\": \"organisation\"}], \"edges\": []}")],
                             ["info", "n.json"], .refused(65, ["n.json:1:"])))
        c.append(HostileCase("NUL in a GML label", ["n.gml": text("graph [ node [ id 0 label \"a&#0;b\" ] ]")],
                             ["info", "n.gml"], .refused(65, ["n.gml:1:"])))

        // Weights and dates.
        for (w, what) in [(".nan", "NaN"), (".inf", "infinite"), ("-1", "negative"), ("0", "zero")] {
            c.append(HostileCase("\(what) weight in the native format", ["n.yaml": native(edges: "  - {from: a, to: c, relation: partners-with, weight: \(w)}")],
                                 ["info", "n.yaml"], .refused(65, ["n.yaml:", "weight"])))
        }
        for w in ["NaN", "inf", "-1", "0", "1e309"] {
            c.append(HostileCase("weight \(w) in CSV", ["n.csv": text("source,target,weight\na,b,\(w)\n")],
                                 ["info", "n.csv"], .refused(65, ["n.csv", "row 2", "weight"])))
            c.append(HostileCase("weight \(w) in GML", ["n.gml": text("graph [ node [ id 0 ] node [ id 1 ] edge [ source 0 target 1 weight \(w) ] ]")],
                                 ["info", "n.gml"], .refused(65, ["n.gml:1:", "weight"])))
            c.append(HostileCase("weight \(w) in GraphML", ["n.graphml": text("""
                <graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/><graph edgedefault="undirected">
                <node id="a"/><node id="b"/><edge source="a" target="b"><data key="w">\(w)</data></edge></graph></graphml>
                """)], ["info", "n.graphml"], .refused(65, ["n.graphml:2:", "weight"])))
            c.append(HostileCase("weight \(w) in GEXF", ["n.gexf": text("""
                <gexf version="1.3"><graph defaultedgetype="undirected"><nodes><node id="a"/><node id="b"/></nodes>
                <edges><edge id="0" source="a" target="b" weight="\(w)"/></edges></graph></gexf>
                """)], ["info", "n.gexf"], .refused(65, ["n.gexf:2:", "weight"])))
            // JSON has no NaN or Infinity (Python writes them anyway): malformed, located.
            c.append(HostileCase("weight \(w) in node-link JSON", ["n.json": text("{\"directed\": false, \"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"links\": [{\"source\": \"a\", \"target\": \"b\", \"weight\": \(w == "NaN" ? "NaN" : w == "inf" ? "Infinity" : w)}]}")],
                                 ["info", "n.json"], .refused(65, ["n.json:1:", ["NaN", "inf"].contains(w) ? "malformed JSON" : "weight"])))
            c.append(HostileCase("weight \(w) in Pajek", ["n.net": text("*Vertices 2\n1 \"a\"\n2 \"b\"\n*Edges\n1 2 \(w)\n")],
                                 ["info", "n.net"], .refused(65, ["n.net:5:", "weight"])))
        }
        for (weight, meaning) in [("1e-320", "strength"), ("1.7e308", "distance")] {
            c.append(HostileCase("weight \(weight) as a \(meaning) on a chain", ["n.csv": text("source,target,weight\na,b,\(weight)\nb,c,\(weight)\nc,d,\(weight)\n")],
                                 ["path", "n.csv", "a", "d", "--weight", "weight", "--weight-as", meaning], .refused(64, ["edge 1 (a → b): weight \(weight == "1e-320" ? "1e-320 is too small" : "1.7e+308 is too large")"])))
        }
        // Products of two such strengths overflow (modularity found no edges, eigenvector no answer).
        c.append(HostileCase("weights of 1e160", ["n.csv": text("source,target,weight\na,b,1e160\nb,c,1e160\nc,a,1e160\n")],
                             ["communities", "n.csv", "--weight", "weight"], .refused(64, ["weight 1e+160 is too large"])))
        c.append(HostileCase("resolution 1e308", nordic, ["communities", "n.yaml", "--resolution", "1e308"], .refused(64, ["--resolution must be at most 1e100"])))
        c.append(HostileCase("katz --beta 1e308", nordic, ["centrality", "n.yaml", "--measure", "katz", "--beta", "1e308"], .refused(64, ["--beta"])))
        // Codes with leading zeros and numbers too long for an integer stay text, spelt as given.
        c.append(HostileCase("digit codes in a CSV column", ["n.csv": text("source,target,orgno,iban\na,b,12345678901234567890,00012\n")],
                             ["edges", "n.csv", "--format", "csv"], .succeeds([",12345678901234567890,00012\n"])))
        // Two outputs named alike: one table would overwrite the other.
        c.append(HostileCase("edge and node tables to one file", nordic, ["convert", "n.yaml", "--to", "csv", "-o", "t.csv", "--nodes-output", "t.csv"],
                             .refused(74, ["t.csv", "named twice"]), outputs: ["t.csv"]))
        // Nearly valid files that used to lose data silently.
        c.append(HostileCase("GraphML without a graph", ["n.graphml": text("<graphml><key id=\"d0\" for=\"node\"/></graphml>")],
                             ["info", "n.graphml"], .refused(65, ["n.graphml:1:1: no <graph> element"])))
        c.append(HostileCase("GraphML with two graphs", ["n.graphml": text("<graphml>\n<graph edgedefault=\"directed\"><node id=\"a\"/></graph>\n<graph edgedefault=\"undirected\"><node id=\"b\"/></graph></graphml>")],
                             ["info", "n.graphml"], .refused(65, ["n.graphml:3:", "a second top-level <graph>"])))
        c.append(HostileCase("GraphML key declared twice", ["n.graphml": text("<graphml>\n<key id=\"d0\" for=\"node\" attr.name=\"a\"/>\n<key id=\"d0\" for=\"node\" attr.name=\"b\"/><graph/></graphml>")],
                             ["info", "n.graphml"], .refused(65, ["n.graphml:3:", "'d0' is declared twice for node"])))
        c.append(HostileCase("node-link with edges and links", ["n.json": text("{\"directed\": false, \"nodes\": [{\"id\": 1}, {\"id\": 2}], \"edges\": [], \"links\": [{\"source\": 1, \"target\": 2}]}")],
                             ["info", "n.json"], .refused(65, ["n.json:1:", "both \"edges\" and \"links\""])))
        c.append(HostileCase("GEXF with a time that is no date", ["n.gexf": text("<gexf version=\"1.3\"><graph timeformat=\"date\" defaultedgetype=\"undirected\"><nodes><node id=\"a\"/><node id=\"b\"/></nodes>\n<edges><edge id=\"0\" source=\"a\" target=\"b\" start=\"2010-02-30\"/></edges></graph></gexf>")],
                             ["info", "n.gexf"], .refused(65, ["n.gexf:2:", "edge start '2010-02-30' is not a date"])))
        c.append(HostileCase("GEXF with an unknown timeformat", ["n.gexf": text("<gexf version=\"1.3\"><graph timeformat=\"banana\"><nodes/></graph></gexf>")],
                             ["info", "n.gexf"], .refused(65, ["n.gexf:1:", "timeformat must be integer, double, date or dateTime"])))
        c.append(HostileCase("GML of ours with a weight that is text", ["n.gml": text("graph [\n  partnergraph \"{}\"\n  node [ id 0 label \"a\" ]\n  node [ id 1 label \"b\" ]\n  edge [ source 0 target 1 weight \"abc\" ]\n]\n")],
                             ["info", "n.gml"], .refused(65, ["n.gml:5:", "weight must be a finite number greater than 0, got 'abc'"])))
        c.append(HostileCase("CSV header with an empty column name", ["n.csv": text("source,target,\na,b,x\n")],
                             ["info", "n.csv"], .refused(65, ["n.csv: row 1:", "column 3 of the header has no name"])))
        c.append(HostileCase("Pajek with old Mac line ends", ["n.net": text("*Vertices 2\r1 \"a\"\r2 \"b\"\r*Edges\r1 2\r")],
                             ["edges", "n.net", "--format", "csv"], .succeeds(["a,b,"])))
        c.append(HostileCase("YAML read as GraphML", ["n.yaml": text("nodes: []\n")], ["info", "n.yaml", "--input-format", "graphml"],
                             .refused(65, ["n.yaml:1:1: is not GraphML: XML starts with '<'"])))
        c.append(HostileCase("an edge attribute named weight in a listing", ["n.dot": text("digraph { a -> b [weight=-2] }\n")],
                             ["edges", "n.dot", "--format", "csv"], .succeeds(["source,target,relation,weight,since,until,attr.weight\n"])))
        c.append(HostileCase("--kinds ''", nordic, ["centrality", "n.yaml", "--measure", "degree", "--kinds", ""], .refused(64, ["--kinds is empty"])))
        c.append(HostileCase("--samples with --epsilon", nordic, ["centrality", "n.yaml", "--measure", "betweenness", "--samples", "2", "--epsilon", "0.1"],
                             .refused(64, ["--samples and --epsilon exclude each other"])))
        c.append(HostileCase("--through-kind ''", nordic, ["path", "n.yaml", "a", "c", "--through-kind", ""], .refused(64, ["--through-kind is empty"])))
        c.append(HostileCase("unknown weight attribute", ["n.yaml": native()],
                             ["centrality", "n.yaml", "--weight", "nosuch", "--measure", "betweenness"], .refused(64, ["no edge has the attribute 'nosuch' to read weights from"])))
        for d in ["2022-02-30", "2022-13", "20222", "0000-00-00"] {
            c.append(HostileCase("impossible date \(d)", ["n.yaml": native(edges: "  - {from: a, to: c, relation: partners-with, since: \"\(d)\"}")],
                                 ["info", "n.yaml"], .refused(65, ["n.yaml:", d])))
        }
        c.append(HostileCase("until before since", ["n.yaml": native(edges: "  - {from: a, to: c, relation: partners-with, since: 2022, until: 2010}")],
                             ["info", "n.yaml"], .refused(65, ["n.yaml:", "until"])))
        c.append(HostileCase("Pajek with 10¹² vertices", ["n.net": text("*Vertices 1000000000000\n")],
                             ["info", "n.net"], .refused(65, ["n.net:1:"])))
        c.append(HostileCase("Pajek with 10⁷ vertices in 24 bytes", ["n.net": text("*Vertices 10000000\n")],
                             ["info", "n.net"], .refused(65, ["n.net:1:"])))
        c.append(HostileCase("DOT with a NUL and a graph after it", ["n.dot": text("graph { a -- b }\n\u{0}graph { c -- d }\n")],
                             ["info", "n.dot"], .refused(65, ["n.dot:2:", "NUL"])))
        c.append(HostileCase("DOT with trailing garbage", ["n.dot": text("graph { a -- b }\n}}} garbage\n")],
                             ["info", "n.dot"], .refused(65, ["n.dot"])))
        c.append(HostileCase("DOT with a second graph", ["n.dot": text("graph { a -- b }\ngraph { c -- d }\n")],
                             ["info", "n.dot"], .refused(65, ["n.dot", "second graph"])))
        c.append(HostileCase("GraphML declared ISO-8859-1", ["n.graphml": [UInt8]("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml><graph edgedefault=\"undirected\"><node id=\"".utf8) + [0x4d, 0xf8, 0x6c, 0x6c, 0x65] + [UInt8]("\"/></graph></graphml>\n".utf8)],
                             ["nodes", "n.graphml", "--format", "csv"], .succeeds(["Mølle"])))

        // Nonsense options.
        for (arguments, flag) in [
            (["centrality", "n.yaml", "--measure", "degree", "--top", "-1"], "--top"),
            (["centrality", "n.yaml", "--measure", "degree", "--top", "0"], "--top"),
            (["centrality", "n.yaml", "--measure", "katz", "--alpha", "2"], "--alpha"),
            (["centrality", "n.yaml", "--measure", "betweenness", "--epsilon", "0"], "--epsilon"),
            (["centrality", "n.yaml", "--measure", "betweenness", "--samples", "0"], "--samples"),
            (["centrality", "n.yaml", "--measure", "pagerank", "--tolerance", "-1"], "--tolerance"),
            (["centrality", "n.yaml", "--measure", "pagerank", "--max-iterations", "0"], "--max-iterations"),
            (["centrality", "n.yaml", "--measure", "betweenness", "--samples", "2", "--seed=-1"], "--seed"),
            (["path", "n.yaml", "a", "c", "--k", "0"], "--k"),
            (["path", "n.yaml", "a", "c", "--k", "-5"], "--k"),
            (["path", "n.yaml", "a", "c", "--max-hops", "-3"], "--max-hops"),
            (["communities", "n.yaml", "--resolution", "-1"], "--resolution"),
            (["ego", "n.yaml", "a", "--radius", "-1"], "--radius"),
        ] {
            c.append(HostileCase(arguments.dropFirst(2).joined(separator: " "), nordic, arguments, .refused(64, [flag])))
        }
        c.append(HostileCase("--k 1000000000", nordic, ["path", "n.yaml", "a", "c", "--k", "1000000000"], .refused(64, ["--k must be at most 1000"])))
        c.append(HostileCase("--k 1000 where paths are many", ["k.yaml": Array(try! String(contentsOf: repositoryRoot.appendingPathComponent("Graphs/karate-club.yaml"), encoding: .utf8).utf8)],
                             ["path", "k.yaml", "0", "33", "--k", "1000", "--format", "json"], .succeeds(["\"paths\""])))
        // 14 diamonds in a row: 2¹⁴ = 16,384 shortest paths.
        let diamonds = "source,target\n" + (0..<14).map { "s\($0),a\($0)\ns\($0),b\($0)\na\($0),s\($0 + 1)\nb\($0),s\($0 + 1)\n" }.joined()
        c.append(HostileCase("more shortest paths than can be listed", ["d.csv": text(diamonds)], ["path", "d.csv", "s0", "s14", "--all-shortest"],
                             .refused(64, ["there are more than 10000 shortest paths from s0 to s14 (each of 28 hops)"])))
        c.append(HostileCase("a path from a node to itself", nordic, ["path", "n.yaml", "a", "a"], .succeeds(["0 hops"])))
        c.append(HostileCase("a path to an isolate", ["n.yaml": native(nodes: "  - {id: lone, kind: organisation}")],
                             ["path", "n.yaml", "a", "lone"], .refused(1, ["no path from a to lone"])))

        // Labels that try to break the writers: every output must read back.
        let evil = "a\"b\\\"c</script><img onerror=alert(1)>]]>&amp;{x}[y],z ${x} \u{7}\u{1b}[31m"
        let evilNetwork: [String: Any] = [
            "name": evil,
            "nodes": [["id": "e1", "kind": "organisation", "label": evil, "attributes": ["url": "javascript:alert(1)", "tags": ["a,b", "c]", "${x}"]]],
                      ["id": "e2", "kind": "person", "label": "-- b \"}\" [x]"]],
            "edges": [["from": "e1", "to": "e2", "relation": "works-at", "attributes": ["note": evil]]],
        ]
        let evilJSON = try! JSONSerialization.data(withJSONObject: evilNetwork)
        for format in ["yaml", "json", "graphml", "gexf", "gml", "node-link", "pajek", "edgelist", "dot"] {
            let out = "out." + (format == "node-link" ? "nl.json" : format == "pajek" ? "net" : format)
            c.append(HostileCase("hostile labels through \(format)", ["n.json": Array(evilJSON)],
                                 ["convert", "n.json", "--to", format, "-o", out], .succeeds([]), outputs: [out]))
        }
        // Graphviz's polyomino packing of 10,000 components took minutes.
        c.append(HostileCase("10,000 isolated nodes rendered", ["e.csv": text("source,target\nn0,n1\n"), "n.csv": text("id\n" + (0..<10_000).map { "n\($0)\n" }.joined())],
                             ["render", "e.csv", "--nodes", "n.csv", "-o", "out.svg"], .succeeds([]), outputs: ["out.svg"]))
        c.append(HostileCase("hostile labels in SVG", ["n.json": Array(evilJSON)],
                             ["render", "n.json", "-o", "out.svg"], .succeeds([]), outputs: ["out.svg"]))

        // Spreadsheet formulas in the data: written as they are, or neutralised with --safe-csv.
        let formulas = ["n.csv": text("source,target,note\n=cmd|' /C calc'!A0,b,+1+1\n@SUM(A1),-x,-2.5\n")]
        c.append(HostileCase("formulas in CSV output", formulas, ["edges", "n.csv", "--format", "csv"], .succeeds(["\n=cmd|' /C calc'!A0,b,", ",+1+1\n"])))
        c.append(HostileCase("formulas in CSV output with --safe-csv", formulas, ["edges", "n.csv", "--format", "csv", "--safe-csv"],
                             .succeeds(["\n'=cmd|' /C calc'!A0,b,", ",'+1+1\n", "\n'@SUM(A1),'-x,", ",-2.5\n"])))

        // Outputs that cannot be written.
        c.append(HostileCase("output into a missing folder", nordic, ["convert", "n.yaml", "-o", "missing/out.json"],
                             .refused(74, ["missing/out.json: cannot write: the folder missing does not exist"]), outputs: ["missing/out.json"]))
        c.append(HostileCase("a 251-character output name", nordic, ["convert", "n.yaml", "-o", repeated("o", 246) + ".json"],
                             .succeeds([]), outputs: [repeated("o", 246) + ".json"]))
        return c
    }
}
