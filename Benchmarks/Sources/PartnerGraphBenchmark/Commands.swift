// The benchmark's commands, parsed by swift-argument-parser: list, run, load-csv, render, dot.
// Each prints one JSON object on stdout (an `error` member when it fails), which run.py reads.

import ArgumentParser
import Foundation
import GraphvizRendering
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

@main
struct PartnerGraphBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "PartnerGraphBenchmark",
        abstract: "Times one PartnerGraph algorithm, load or render and prints JSON (driven by Benchmarks/run.py).",
        subcommands: [List.self, Run.self, LoadCSV.self, Render.self, Dot.self]
    )
}

/// How the third column of an edge list is meant.
enum WeightMode: String, ExpressibleByArgument, CaseIterable {
    case none, strength, distance
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The measures this build can time.")
    func run() { print(json(["measures": allMeasureNames()])) }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Times one measure on an edge list (`u v [w]` per line).")

    @Option(help: "The edge list.") var graph: String
    @Option(help: "The measure (see `list`).") var measure: String
    @Option(help: "Threads.") var threads = 1
    @Option(help: "Timed repeats (median reported).") var repeats = 3
    @Option(help: "A run longer than this many seconds is not repeated.") var repeatBelow = 2.0
    @Option(help: "A first run shorter than this many seconds is repeated untimed until that much time passed.") var warmUp = 0.25
    @Option(help: "How the third column is meant: none, strength or distance.") var weighted: WeightMode = .none
    @Flag(help: "Directed edges.") var directed = false
    @Flag(help: "Raw (not normalised) values.") var unnormalized = false
    @Option(help: "Write the values here as little-endian float64.") var values: String?
    @Option(help: "Source node (sssp, k-shortest-paths).") var source = 0
    @Option(help: "Target node (k-shortest-paths; default the last node).") var target: Int?
    @Option(help: "Number of paths (k-shortest-paths).") var k = 10
    @Option(help: "Convergence tolerance (PageRank, eigenvector, Katz, HITS).") var tolerance: Double?
    @Option(help: "Iteration limit.") var maxIterations: Int?
    @Option(help: "Error bound (betweenness-approx).") var epsilon = 0.01
    @Option(help: "Failure probability (betweenness-approx).") var delta = 0.1
    @Option(help: "Seed for randomised algorithms.") var seed: UInt64 = 0

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
    }

    func run() {
        let name = measure
        guard allMeasureNames().contains(name) else {
            fail("unknown measure '\(name)' (this build has: \(allMeasureNames().joined(separator: ", ")))", code: 3)
        }
        let meaning: CompactGraph.WeightMeaning = weighted == .distance ? .distance : .strength

        let rssStart = currentRSS()
        let t0 = now()
        let file = readEdgeList(graph, readWeights: weighted != .none)
        let t1 = now()
        var edges: [CompactGraph.InputEdge] = []
        edges.reserveCapacity(file.sources.count)
        for k in 0..<file.sources.count {
            edges.append(CompactGraph.InputEdge(Int(file.sources[k]), Int(file.targets[k]), weight: file.weights?[k]))
        }
        let g = CompactGraph(nodeCount: file.nodeCount, directed: directed, edges: edges, weightMeaning: meaning)
        edges = []
        let t2 = now()
        let rssAfterLoad = peakRSS()
        let bytes = graphBytes(g)

        var times: [Double] = []
        var outcome = Outcome(values: [])
        do {
            let step = try prepare(name, on: g, file: file, args: self, threads: threads)
            // Warm-up: short runs repeat untimed for `--warm-up` seconds first (as peers.py does).
            var warmed = 0.0
            while warmed < warmUp {
                let s = now()
                outcome = try step()
                let e = now() - s
                if warmed == 0 && e >= warmUp { times.append(e); break }
                warmed += e
            }
            while times.count < repeats && !(times.count == 1 && times[0] > repeatBelow) {
                let s = now()
                outcome = try step()
                times.append(now() - s)
            }
        } catch {
            fail("\(name): \(error)", code: 4)
        }
        var report: [String: Any] = [
            "library": "PartnerGraph",
            "measure": name,
            "graph": graph,
            "threads": threads,
            "nodes": g.nodeCount,
            "edges": g.edgeCount,
            "weighted": g.isWeighted,
            "seconds": median(times),
            "times": times,
            "parse_seconds": t1 - t0,
            "build_seconds": t2 - t1,
            "graph_bytes": bytes,
            "graph_bytes_per_edge": g.edgeCount > 0 ? Double(bytes) / Double(g.edgeCount) : 0,
            "rss_start_bytes": rssStart,
            "peak_rss_after_load_bytes": rssAfterLoad,
            "peak_rss_bytes": peakRSS(),
            "value_count": outcome.values.count,
            "digest": digest(outcome.values),
        ]
        for (k, v) in outcome.extra { report[k] = v }
        if let out = values {
            writeValues(outcome.values, to: out)
            report["values_file"] = out
        }
        print(json(report))
    }
}

/// Times our real CSV reader: text → Network (CSVNetworkReader), → view, → CompactGraph.
struct LoadCSV: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load-csv", abstract: "Times reading a CSV edge file into a graph.")

    @Argument(help: "The CSV file.") var file: String
    @Option(help: "Weight column.") var weight: String?
    @Option(help: "Repeats (median reported).") var repeats = 3
    @Flag(help: "Directed edges.") var directed = false

    func validate() throws {
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
    }

    func run() {
        var read: [Double] = [], viewT: [Double] = [], build: [Double] = [], total: [Double] = []
        var nodes = 0, edges = 0, bytes = 0
        for _ in 0..<repeats {
            do {
                let t0 = now()
                let network = try NetworkFile.load(file, directed: directed)
                let t1 = now()
                var view = View()
                view.weightAttribute = weight
                let viewed = try network.viewed(through: view)
                let t2 = now()
                let g = CompactGraph(viewed, weightIsDistance: false)
                let t3 = now()
                read.append(t1 - t0); viewT.append(t2 - t1); build.append(t3 - t2); total.append(t3 - t0)
                nodes = g.nodeCount; edges = g.edgeCount; bytes = graphBytes(g)
            } catch {
                fail("\(file): \(error)", code: 4)
            }
        }
        print(json([
            "library": "PartnerGraph", "measure": "load-csv", "file": file,
            "seconds": median(total), "times": total,
            "read_seconds": median(read), "view_seconds": median(viewT), "build_seconds": median(build),
            "nodes": nodes, "edges": edges, "graph_bytes": bytes,
            "graph_bytes_per_edge": edges > 0 ? Double(bytes) / Double(edges) : 0,
            "peak_rss_bytes": peakRSS(),
        ] as [String: Any]))
    }
}

extension LayoutEngine: @retroactive ExpressibleByArgument {}
extension RenderFormat: @retroactive ExpressibleByArgument {}

/// Times in-process rendering through libgvc (parse + layout + render), as `dot -T…` does.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Times rendering a DOT file through libgvc.")

    @Argument(help: "The DOT file.") var file: String
    @Option(help: "Layout engine.") var layout: LayoutEngine = .dot
    @Option(help: "Output format.") var format: RenderFormat = .svg
    @Option(help: "Repeats (median reported).") var repeats = 3
    @Option(help: "A first run longer than this many seconds is not repeated.") var repeatBelow = 5.0

    func validate() throws {
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
    }

    func run() {
        guard let dot = try? String(contentsOfFile: file, encoding: .utf8) else { fail("cannot read \(file)") }
        var times: [Double] = []
        var size = 0
        for r in 0..<repeats {
            let s = now()
            do { size = try Graphviz.render(dot: dot, layout: layout, format: format).count } catch { fail("render: \(error)", code: 4) }
            let e = now() - s
            times.append(e)
            if r == 0 && e > repeatBelow { break }
        }
        print(json(["library": "PartnerGraph", "measure": "render", "file": file, "layout": layout.rawValue,
                    "format": format.rawValue, "seconds": median(times), "times": times, "output_bytes": size,
                    "peak_rss_bytes": peakRSS()] as [String: Any]))
    }
}

/// Writes the DOT our `render` command lays out for a network file (YAML, JSON or CSV).
struct Dot: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Writes the DOT `partnergraph render` lays out for a network file.")

    @Argument(help: "The network file.") var file: String
    @Option(name: .short, help: "Write the DOT here instead of stdout.") var output: String?

    func run() {
        do {
            let network = try NetworkFile.load(file)
            let dot = DOTEncoder().encode(network)
            if let out = output {
                guard FileManager.default.createFile(atPath: out, contents: Data(dot.utf8)) else { fail("cannot write \(out)") }
            } else {
                print(dot, terminator: "")
            }
        } catch {
            fail("\(file): \(error)", code: 4)
        }
    }
}
