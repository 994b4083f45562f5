import Foundation
import PartnerGraphTestSupport
import Testing

/// `partnergraph timeline` against NetworkX: every slice's figures, values, ranks and changes
/// as `scripts/make_timeline_fixtures.py` computed them on slices it cut itself
/// (Fixtures/timeline/, its README in the script's docstring).
@Suite struct TimelineCommandTests {
    static let cases = ["nordic-by-year", "nordic-at-dates", "nordic-quarters-2022", "coleman-by-year",
                        "dated-random-by-year", "dated-random-window-3", "dated-random-cumulative", "dated-random-months-2004"]

    static func number(_ v: Any?) -> Double? { (v as? NSNumber)?.doubleValue }

    @Test(arguments: cases) func slicesAgreeWithNetworkX(name: String) throws {
        let fixture = try algorithmFixture("timeline", name)
        var arguments = ["timeline", fixture["graphFile"] as! String, "--format", "json"] + (fixture["arguments"] as! [String])
        let measure = fixture["measure"] as? String
        if let measure { arguments += ["--measure", measure] }
        let out = try partnergraphJSON(arguments)
        let got = try #require(out["slices"] as? [[String: Any]])
        let expected = fixture["slices"] as! [[String: Any]]
        #expect(got.count == expected.count)
        for (o, f) in zip(got, expected) {
            let label = f["label"] as! String
            #expect(o["label"] as? String == label)
            #expect(o["from"] as? String == f["from"] as? String, "\(label)")
            #expect(o["until"] as? String == f["until"] as? String, "\(label)")
            let figures = f["figures"] as! [String: Any]
            for key in ["nodes", "ties", "density", "components", "largestComponent", "averageClustering", "diameter"] {
                let a = Self.number(o[key]), b = Self.number(figures[key])
                #expect((a == nil) == (b == nil), "\(name) \(label) \(key): \(String(describing: a)) vs NetworkX \(String(describing: b))")
                if let a, let b { #expect(abs(a - b) <= 1e-9, "\(name) \(label) \(key): \(a) vs NetworkX \(b)") }
            }
            // Modularity: Leiden's with one seed, against NetworkX's Louvain over ten seeds and,
            // on small slices, the exact optimum.
            if let louvain = figures["louvain"] as? [Double] {
                let m = try #require(Self.number(o["modularity"]), "\(name) \(label): no modularity")
                let mean = louvain.reduce(0, +) / Double(louvain.count)
                #expect(m >= mean - 0.03, "\(name) \(label): modularity \(m), NetworkX's Louvain averages \(mean)")
                if let optimum = Self.number(figures["optimum"]) {
                    #expect(m <= optimum + 1e-9 && m >= optimum - 0.03, "\(name) \(label): modularity \(m), optimum \(optimum)")
                }
            } else {
                #expect(o["modularity"] is NSNull, "\(name) \(label): a slice without ties has no modularity")
            }
            if let changes = f["changes"] as? [String: Any] {
                let c = try #require(o["changes"] as? [String: Any])
                func edges(_ key: String) -> [Int] { (c[key] as! [[String: Any]]).map { ($0["edge"] as! Int) - 1 } }
                #expect(edges("tiesAppeared") == changes["tiesAppeared"] as! [Int], "\(name) \(label)")
                #expect(edges("tiesEnded") == changes["tiesEnded"] as! [Int], "\(name) \(label)")
                #expect(c["actorsJoined"] as? [String] == changes["actorsJoined"] as? [String], "\(name) \(label)")
                #expect(c["actorsLeft"] as? [String] == changes["actorsLeft"] as? [String], "\(name) \(label)")
            } else {
                #expect(o["changes"] is NSNull)
            }
            guard measure != nil else { continue }
            let values = f["values"] as! [String: Double], ranks = f["ranks"] as! [String: Int]
            let rankChanges = f["rankChanges"] as? [String: Any]
            let rows = try #require(o["values"] as? [[String: Any]])
            #expect(Set(rows.map { $0["id"] as! String }) == Set(values.keys), "\(name) \(label): the active actors")
            for row in rows {
                let id = row["id"] as! String
                guard let v = values[id] else { continue }
                #expect(abs(Self.number(row["value"])! - v) <= 1e-9, "\(name) \(label) \(id)")
                #expect(row["rank"] as? Int == ranks[id], "\(name) \(label) \(id): rank")
                if let rankChanges {
                    if let change = rankChanges[id] as? Int {
                        #expect(row["rankChange"] as? Int == change, "\(name) \(label) \(id): change of rank")
                    } else {
                        #expect(row["rankChange"] as? String == "new", "\(name) \(label) \(id): new in this slice")
                    }
                }
            }
        }
    }

    /// The seminar of October 2022 appears as new ties and a new actor in 2022, each with its
    /// source; the undated ties are counted.
    @Test func theTableTellsWhatChanged() throws {
        let r = try partnergraph(["timeline", "Graphs/nordic-innovation-procurement.yaml", "--events"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("5 slices by year, 2018-01-01 to 2022-12-31"))
        #expect(r.stdout.contains("12 of 25 ties have no dates and count in every slice."))
        #expect(r.stdout.contains("2021: no change"))
        #expect(r.stdout.contains("  + tie: CO-PI hosted Nordic seminar on innovative procurement, Copenhagen 2022 (in October 2022). Source: copi-seminar-2022."))
        #expect(r.stdout.contains("  + actor: Nordic seminar on innovative procurement, Copenhagen 2022. Source: copi-seminar-2022"))
    }

    /// README's two examples print what README shows.
    @Test func readmeExamples() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let coleman = try partnergraph(["timeline", "Graphs/coleman-high-school.yaml", "--figures", "nodes,ties,components,largest-component,diameter",
                                        "--measure", "betweenness", "--top", "3"])
        #expect(coleman.status == 0, "\(coleman.stderr)")
        #expect(readme.contains(coleman.stdout), "README's Coleman example differs from the output:\n\(coleman.stdout)")
        let nordic = try partnergraph(["timeline", "Graphs/nordic-innovation-procurement.yaml", "--dates", "2018,2022-10", "--figures", "nodes,ties,diameter", "--events"])
        #expect(nordic.status == 0, "\(nordic.stderr)")
        let lines = nordic.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        // README shortens the list of changes after its first line.
        let shown = lines.prefix { !$0.hasPrefix("  + tie: CO-PI took part") }.joined(separator: "\n")
        #expect(readme.contains(shown), "README's Nordic example differs from the output:\n\(nordic.stdout)")
        #expect(readme.contains(String(lines.last { $0.hasPrefix("  + actor") } ?? "missing")))
    }

    /// CSV is tidy: one row per slice, figure (no node) or actor and measure.
    @Test func csvIsTidy() throws {
        let r = try partnergraph(["timeline", "Graphs/coleman-high-school.yaml", "--figures", "nodes,density", "--measure", "degree", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "slice,from,until,node,measure,value")
        // 2 slices × (2 figures + 2 rows for each of 70 and 69 active boys).
        #expect(lines.count == 1 + 2 * 2 + 2 * (70 + 69))
        #expect(lines.contains("1957,1957-01-01,1957-12-31,,nodes,70"))
        #expect(lines.contains("1958,1958-01-01,1958-12-31,,nodes,69"))
        #expect(lines.filter { $0.hasPrefix("1958,") && $0.contains(",degree-rank,") }.count == 69)
    }

    /// The chart: an SVG with the title, every slice's name, one panel per figure; with a
    /// measure, a legend naming the leading actors; PNG and PDF through the same path.
    @Test func chartsAreDrawn() throws {
        let dir = try temporaryFolder()
        let svg = dir.appendingPathComponent("figures.svg")
        let r = try partnergraph(["timeline", "Graphs/nordic-innovation-procurement.yaml", "--cumulative", "--figures", "nodes,ties,density", "--chart", svg.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(isWellFormedXML(svg))
        let text = try String(contentsOf: svg, encoding: .utf8).replacingOccurrences(of: "&#45;", with: "-")
        for s in ["Nordic innovative-procurement network: the network over time", "Active actors", "Ties", "Density", "…2018", "…2022"] {
            #expect(text.contains(">\(s)<"), "the chart lacks '\(s)'")
        }
        #expect(!text.contains(">Average clustering<"), "only the figures asked for")
        let measureChart = dir.appendingPathComponent("betweenness.svg")
        #expect(try partnergraph(["timeline", "Graphs/coleman-high-school.yaml", "--measure", "betweenness", "--chart", measureChart.path]).status == 0)
        let legend = try String(contentsOf: measureChart, encoding: .utf8)
        // Boy 21 leads in 1958 (NetworkX: timeline fixture coleman-by-year).
        #expect(legend.contains(">Boy 21<"))
        #expect(legend.contains("#0072b2") || legend.contains("#0072B2"))
        for (ext, magic) in [("png", [UInt8]([0x89, 0x50, 0x4E, 0x47])), ("pdf", Array("%PDF".utf8))] {
            let file = dir.appendingPathComponent("chart.\(ext)")
            #expect(try partnergraph(["timeline", "Graphs/nordic-innovation-procurement.yaml", "--chart", file.path]).status == 0)
            #expect(Array(try Data(contentsOf: file).prefix(4)) == magic, "\(ext)")
        }
    }

    /// `convert --timeline-measure`: a dynamic GEXF whose node attribute holds the measure per
    /// slice with start/end. NetworkX's read_gexf reads it as (value, start, end) triples equal
    /// to the timeline fixture's NetworkX values; PartnerGraph reads the file back as the network
    /// it was, the derived attribute skipped as viz data is.
    @Test(.needs(.networkx)) func dynamicGEXFCarriesTheMeasureOverTime() throws {
        let dir = try temporaryFolder()
        let gexf = dir.appendingPathComponent("coleman.gexf")
        let r = try partnergraph(["convert", "Graphs/coleman-high-school.yaml", "--timeline-measure", "betweenness", "-o", gexf.path])
        #expect(r.status == 0, "\(r.stderr)")
        let back = try partnergraph(["convert", gexf.path, "--to", "yaml", "-o", "-"])
        let original = try partnergraph(["convert", "Graphs/coleman-high-school.yaml", "--to", "yaml", "-o", "-"])
        #expect(back.status == 0 && back.stdout == original.stdout, "\(back.stderr)")
        let script = """
            import json, sys, networkx as nx
            g = nx.read_gexf(sys.argv[1])
            print(json.dumps({n: d.get("betweenness", []) for n, d in g.nodes(data=True)}))
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, gexf.path]
        let out = Pipe()
        python.standardOutput = out
        try python.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
        let read = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [[Any]]])
        let fixture = try algorithmFixture("timeline", "coleman-by-year")
        var checked = 0
        for slice in fixture["slices"] as! [[String: Any]] {
            let values = slice["values"] as! [String: Double]
            for (id, v) in values {
                let triple = try #require(read[id]?.first { ($0[1] as? String) == slice["from"] as? String }, "node \(id) in \(slice["label"]!)")
                #expect(abs((triple[0] as! NSNumber).doubleValue - v) <= 1e-9)
                #expect(triple[2] as? String == slice["until"] as? String)
                checked += 1
            }
        }
        #expect(checked == 70 + 69)
        #expect(read["25"]?.isEmpty == true, "a boy with no tie in any slice has no value")
    }

    @Test func badRequestsAreRefused() throws {
        let nordic = "Graphs/nordic-innovation-procurement.yaml"
        let cases: [([String], String)] = [
            ([nordic, "--at", "2022"], "--at looks at one date; a timeline slices a range"),
            ([nordic, "--dates", "2022,2018"], "--dates: the dates must be in increasing order without overlapping: 2018 does not come after 2022"),
            ([nordic, "--dates", "2018,20x"], "--dates: '20x' is not a date"),
            ([nordic, "--dates", "2018", "--every", "year"], "--dates and --every exclude each other"),
            ([nordic, "--cumulative", "--window", "2"], "--cumulative and --window exclude each other"),
            ([nordic, "--window", "0"], "--window must be at least 1, not 0"),
            ([nordic, "--figures", "densty"], "unknown figure 'densty'; did you mean 'density'?"),
            ([nordic, "--figures", "betweenness"], "betweenness is a node measure: give it with --measure"),
            ([nordic, "--measure", "density"], "density is a network figure: pick figures with --figures"),
            ([nordic, "--every", "day", "--from", "1900", "--until", "2022"], "makes more than 10000 slices"),
            ([nordic, "--chart", "out.gif"], "--chart 'out.gif': the file name must end in .svg, .png or .pdf"),
            (["Graphs/karate-club.yaml"], "no tie or actor in Graphs/karate-club.yaml has a date"),
        ]
        for (arguments, message) in [
            (["convert", nordic, "--timeline-measure", "betweenness", "-o", "x.graphml"], "--timeline-measure writes a dynamic GEXF attribute (--to gexf)"),
            (["convert", nordic, "--every", "year", "-o", "x.gexf"], "--every slices time for --timeline-measure; give the measure too"),
            (["convert", nordic, "--timeline-measure", "betweeness", "-o", "x.gexf"], "unknown measure 'betweeness'; did you mean 'betweenness'?"),
            (["convert", "Graphs/karate-club.yaml", "--timeline-measure", "degree", "-o", "x.gexf"], "no tie or actor in Graphs/karate-club.yaml has a date"),
        ] {
            let r = try partnergraph(arguments)
            #expect(r.status == 64 && r.stderr.contains(message), "\(arguments): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent("x.gexf").path))
        }
        for (arguments, message) in cases {
            let r = try partnergraph(["timeline"] + arguments)
            #expect(r.status == 64, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
    }
}
