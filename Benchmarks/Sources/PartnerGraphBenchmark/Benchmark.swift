// PartnerGraphBenchmark: times one PartnerGraph algorithm on one graph and prints JSON.
//
// Driven by Benchmarks/run.py, which runs the same measure with NetworkX, igraph and NetworKit
// and prints the side-by-side table. Loading is timed separately and never counted in the
// algorithm's seconds.
//
//   PartnerGraphBenchmark list
//   PartnerGraphBenchmark run --graph FILE --measure NAME [--threads T] [--repeats R]
//       [--weighted strength|distance] [--values OUT] [--source S] [--target T] [--k K]
//       [--tolerance TOL] [--epsilon E] [--delta D] [--seed S] [--repeat-below SECONDS]
//       [--warm-up SECONDS]
//       (measures: `list`; the registry's, plus components, sssp, betweenness-approx,
//       edge-betweenness, k-shortest-paths and the community algorithms)
//   PartnerGraphBenchmark load-csv FILE.csv [--weight ATTR] [--repeats R]
//   PartnerGraphBenchmark render FILE.dot [--layout dot|neato|fdp|sfdp|circo|twopi] [--format svg] [--repeats R]
//   PartnerGraphBenchmark dot NETWORK [-o OUT.dot]   (our DOT for a network file, as `render` draws it)
//
// FILE for `run` is an edge list: one edge per line, two integer node ids from 0 and an optional
// weight, separated by spaces, tabs or commas; lines starting with '#' are comments, and a
// comment `# nodes=N` gives the node count (otherwise the largest id + 1). Undirected unless
// `--directed`. Weights are read only with `--weighted strength|distance` (how the number is
// meant: a tie strength, or a length as NetworkX's `weight=` in path measures).
//
// Output: one JSON object on stdout. `seconds` is the median of the repeats (a run taking
// longer than `--repeat-below`, default 2 s, is not repeated). A first run shorter than
// `--warm-up` (default 0.25 s) is a warm-up: the algorithm runs untimed until that much time
// has passed, then the timed repeats follow; a longer first run is the first timed repeat.
// Values go to `--values` as little-endian float64, one per node (or per edge / per path),
// with a digest in the JSON.

import Foundation
import GraphvizRendering
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

// MARK: - Small helpers

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Peak resident set size of this process so far, in bytes.
func peakRSS() -> Int {
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss * 1024
    #else
    getrusage(RUSAGE_SELF, &usage)
    return usage.ru_maxrss
    #endif
}

/// Current resident set size in bytes (Linux: /proc/self/statm; elsewhere the peak).
func currentRSS() -> Int {
    #if os(Linux)
    if let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) {
        let parts = text.split(separator: " ")
        if parts.count > 1, let pages = Int(parts[1]) { return pages * Int(sysconf(Int32(_SC_PAGESIZE))) }
    }
    #endif
    return peakRSS()
}

func fail(_ message: String, code: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data(("PartnerGraphBenchmark: " + message + "\n").utf8))
    print(json(["error": message]))
    exit(code)
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    if s.isEmpty { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// The report as one line of JSON (keys sorted for stable output), by the package's JSONWriter.
func json(_ value: Any) -> String { JSONWriter.compact(outputValue(value)) }

/// A report value (strings, numbers, booleans, arrays, string-keyed dictionaries) as an
/// `OutputValue`; anything else is null.
func outputValue(_ value: Any) -> OutputValue {
    switch value {
    case let s as String: return .string(s)
    case let b as Bool: return .boolean(b)
    case let i as Int: return .integer(i)
    case let d as Double: return .number(d)
    case let a as [Any]: return .list(a.map(outputValue), inline: true)
    case let o as [String: Any]: return .mapping(o.keys.sorted().map { ($0, outputValue(o[$0]!)) })
    default: return .null
    }
}

// MARK: - The edge-list fast path

struct EdgeListFile {
    var nodeCount: Int
    var sources: [Int32]
    var targets: [Int32]
    var weights: [Double]?
}

/// Reads an edge list of integer ids (see the header comment) straight from bytes.
func readEdgeList(_ path: String, readWeights: Bool) -> EdgeListFile {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    var sources: [Int32] = [], targets: [Int32] = []
    var weights: [Double] = []
    sources.reserveCapacity(data.count / 12)
    targets.reserveCapacity(data.count / 12)
    var declaredNodes: Int?
    var maxID: Int32 = -1
    var sawWeight = false
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
        // A NUL-terminated copy so that strtod can read a weight in place.
        let n = raw.count
        let buf = UnsafeMutablePointer<UInt8>.allocate(capacity: n + 1)
        defer { buf.deallocate() }
        raw.copyBytes(to: UnsafeMutableRawBufferPointer(start: buf, count: n))
        buf[n] = 0
        var i = 0
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x2C || b == 0x0D }
        var line = 1
        while i < n {
            // Skip blank space at the start of a line.
            while i < n && isSpace(buf[i]) { i += 1 }
            if i >= n { break }
            if buf[i] == 0x0A { i += 1; line += 1; continue }
            if buf[i] == UInt8(ascii: "#") {
                let lineStart = i
                while i < n && buf[i] != 0x0A { i += 1 }
                let text = String(decoding: UnsafeBufferPointer(start: buf + lineStart, count: i - lineStart), as: UTF8.self)
                if let r = text.range(of: "nodes=") {
                    declaredNodes = Int(text[r.upperBound...].prefix { $0.isNumber })
                }
                continue
            }
            var ids: [Int32] = [0, 0]
            for f in 0..<2 {
                while i < n && isSpace(buf[i]) { i += 1 }
                var v = 0
                var digits = 0
                while i < n, buf[i] >= 0x30, buf[i] <= 0x39 { v = v * 10 + Int(buf[i] - 0x30); i += 1; digits += 1 }
                if digits == 0 || v > Int(Int32.max) - 1 { fail("\(path):\(line): expected two integer node ids") }
                ids[f] = Int32(v)
            }
            while i < n && isSpace(buf[i]) { i += 1 }
            if i < n && buf[i] != 0x0A {
                if readWeights {
                    var end: UnsafeMutablePointer<CChar>? = nil
                    let start = UnsafeMutableRawPointer(buf + i).assumingMemoryBound(to: CChar.self)
                    let w = strtod(start, &end)
                    guard let end, end != start else { fail("\(path):\(line): weight is not a number") }
                    weights.append(w)
                    sawWeight = true
                    i += end - start
                }
                while i < n && buf[i] != 0x0A { i += 1 }
            } else if readWeights {
                weights.append(1)
            }
            sources.append(ids[0]); targets.append(ids[1])
            maxID = max(maxID, ids[0], ids[1])
        }
    }
    let nodeCount = declaredNodes ?? Int(maxID + 1)
    if Int(maxID) >= nodeCount { fail("\(path): node id \(maxID) but nodes=\(nodeCount)") }
    return EdgeListFile(nodeCount: nodeCount, sources: sources, targets: targets,
                        weights: readWeights && sawWeight ? weights : nil)
}

/// Bytes held by the graph's arrays, each distinct buffer counted once.
func graphBytes(_ g: CompactGraph) -> Int {
    var seen = Set<UInt>()
    var total = 0
    func add<T>(_ a: [T]?) {
        guard let a else { return }
        a.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            if seen.insert(UInt(bitPattern: base)).inserted { total += a.count * MemoryLayout<T>.stride }
        }
    }
    add(g.outStart); add(g.outNeighbours); add(g.inStart); add(g.inNeighbours)
    add(g.outWeights); add(g.inWeights)
    return total
}

/// FNV-1a over the bit patterns of the values rounded to 9 significant digits.
func digest(_ values: [Double]) -> String {
    var h: UInt64 = 0xcbf29ce484222325
    for v in values {
        let r = v.isFinite && v != 0 ? Double(String(format: "%.9g", v))! : v
        var bits = r.bitPattern
        for _ in 0..<8 { h = (h ^ (bits & 0xff)) &* 0x100000001b3; bits >>= 8 }
    }
    return String(h, radix: 16)
}

func writeValues(_ values: [Double], to path: String) {
    let data = values.withUnsafeBufferPointer { Data(buffer: $0) }
    guard FileManager.default.createFile(atPath: path, contents: data) else { fail("cannot write \(path)") }
}

// MARK: - Measures

/// Measures this build runs beyond the registry (`Measure.allCases`). Community detection comes
/// from Communities.swift (`CommunityAlgorithm`: louvain, leiden, label-propagation); run.py
/// skips any name the binary does not list, with a message.
let specialMeasures = ["components", "sssp", "betweenness-approx", "edge-betweenness", "k-shortest-paths"]

func allMeasureNames() -> [String] { Measure.allCases.map(\.rawValue) + specialMeasures + communityMeasureNames }

struct Outcome {
    var values: [Double]
    var extra: [String: Any] = [:]
}

/// Prepares one measure: the returned closure is what is timed (set-up such as building a
/// path finder's own graph happens here, like loading).
func prepare(_ name: String, on g: CompactGraph, file: EdgeListFile, args: Run, threads: Int) throws -> () throws -> Outcome {
    var options = MeasureOptions()
    options.maxThreads = threads
    options.tolerance = args.tolerance ?? options.tolerance
    options.maxIterations = args.maxIterations ?? options.maxIterations
    options.seed = args.seed
    options.normalized = !args.unnormalized
    let seed = options.seed
    if let community = communityMeasure(name) {
        return { try community(g, seed) }
    }
    switch name {
    case "components":
        return {
            let c = connectedComponents(g)
            return Outcome(values: c.label.map(Double.init), extra: ["components": c.count, "largest": c.largestSize])
        }
    case "sssp":
        let source = args.source
        return { Outcome(values: try shortestPathLengths(g, from: source, weighted: g.isWeighted)) }
    case "betweenness-approx":
        let epsilon = args.epsilon, delta = args.delta
        return {
            let r = try approximateBetweenness(g, epsilon: epsilon, delta: delta, seed: seed, weighted: false, maxThreads: threads)
            return Outcome(values: r.values, extra: ["sample_size": r.sampleSize, "vertex_diameter_bound": r.vertexDiameterBound,
                                                     "epsilon": r.epsilon, "delta": r.delta])
        }
    case "edge-betweenness":
        return {
            let r = edgeBetweennessCentrality(g, weighted: g.isWeighted, normalized: options.normalized, maxThreads: threads)
            return Outcome(values: r.edges.map(\.value), extra: ["edges": r.edges.count])
        }
    case "k-shortest-paths":
        // Yen's algorithm through the path finder, which works on a network: build one with
        // node ids "0", "1", ... and the file's edges (weights read as lengths when given).
        let source = args.source, target = args.target ?? g.nodeCount - 1, k = args.k
        var network = Network()
        let kind = NodeKind("node", label: "Node")
        network.declaredKinds.append(kind)
        let relation = Relation("connected-to", directed: args.directed, verb: "is connected to")
        network.declaredRelations.append(relation)
        for v in 0..<file.nodeCount { network.addNode(Node(id: NodeID(String(v)), kind: kind)) }
        for e in 0..<file.sources.count {
            network.addEdge(Edge(from: NodeID(String(file.sources[e])), to: NodeID(String(file.targets[e])),
                                 relation: relation, weight: g.isWeighted ? file.weights?[e] : nil))
        }
        var view = View()
        if g.isWeighted {
            view.weightAttribute = "weight"
            view.weightIsDistance = true
        }
        let finder = try PathFinder(network: network, view: view)
        return {
            let paths = try finder.shortestSimplePaths(from: NodeID(String(source)), to: NodeID(String(target)), count: k)
            return Outcome(values: paths.map(\.length), extra: ["paths": paths.count])
        }
    default:
        guard let m = Measure(rawValue: name) else {
            fail("unknown measure '\(name)' (this build has: \(allMeasureNames().joined(separator: ", ")))", code: 3)
        }
        return { Outcome(values: try m.compute(on: g, options: options)) }
    }
}

