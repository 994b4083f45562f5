import PartnerGraph

/// Simple paths from one node to another in order of length, by Yen's algorithm, one at a
/// time: `next()` returns the arcs of the next path, or nil when there are no more.
///
/// The first path is the search's shortest path (first in network order among equals). Each
/// further path is the best of the candidates made by deviating from the last path found at
/// each of its nodes (the spur node): the root (the last path up to the spur node) followed by
/// a shortest path from the spur node that avoids the root's other nodes and the next arc of
/// every found path sharing that root, found by bidirectional Dijkstra as NetworkX does (a
/// spur search explores the neighbourhoods of its two ends, not the whole graph). Candidates
/// are ordered by length, then hops, then node sequence, so the order is stable.
///
/// - Reference: J. Y. Yen, "Finding the k shortest loopless paths in a network", Management
///   Science 17(11):712–716 (1971), doi:10.1287/mnsc.17.11.712. Lengths in the order of
///   `nx.shortest_simple_paths`.
/// - Complexity: each `next()` runs at most one shortest-path search per node of the last
///   path: O(V · (V + E) log V) at worst; memory O(V) once per stream.
struct SimplePathStream {
    let graph: PathGraph
    let s: Int
    let t: Int
    let rules: SearchRules
    private var found: [[Int]] = []
    private var foundNodes: [[Int]] = []
    private var candidates: [(length: Double, nodes: [Int], arcs: [Int])] = []
    private var known: Set<[Int]> = []
    private var started = false
    private var search: PathSearchWorkspace

    init(graph: PathGraph, from s: Int, to t: Int, rules: SearchRules) {
        self.graph = graph
        self.s = s
        self.t = t
        self.rules = rules
        search = PathSearchWorkspace(nodeCount: graph.nodeCount)
    }

    private func nodes(of arcs: [Int]) -> [Int] { [s] + arcs.map { Int(graph.target[$0]) } }

    private func length(of arcs: [Int]) -> Double { arcs.reduce(0) { $0 + rules.cost($1, in: graph) } }

    private static func precedes(_ a: (length: Double, nodes: [Int], arcs: [Int]), _ b: (length: Double, nodes: [Int], arcs: [Int])) -> Bool {
        if a.length != b.length { return a.length < b.length }
        if a.nodes.count != b.nodes.count { return a.nodes.count < b.nodes.count }
        return a.nodes.lexicographicallyPrecedes(b.nodes)
    }

    private mutating func record(_ arcs: [Int]) -> [Int] {
        let n = nodes(of: arcs)
        found.append(arcs)
        foundNodes.append(n)
        known.insert(n)
        return arcs
    }

    mutating func next() -> [Int]? {
        if !started {
            started = true
            guard rules.allows(node: t) || s == t else { return nil }
            guard let first = search.firstShortestPath(in: graph, from: s, to: t, rules: rules) else { return nil }
            return record(first)
        }
        guard let last = found.last, let lastNodes = foundNodes.last else { return nil }
        for i in 0..<max(0, lastNodes.count - 1) {
            let spur = lastNodes[i]
            let root = lastNodes[0...i]
            var spurRules = rules
            for (j, p) in foundNodes.enumerated() where p.count > i + 1 && p[0...i] == root {
                spurRules.blockedArcs.insert(found[j][i])
            }
            guard let spurArcs = search.shortestPath(in: graph, from: spur, to: t, rules: spurRules,
                                                     excluded: lastNodes[0..<i]) else { continue }
            let arcs = Array(last[0..<i]) + spurArcs
            let n = nodes(of: arcs)
            guard known.insert(n).inserted else { continue }
            let candidate = (length: length(of: arcs), nodes: n, arcs: arcs)
            var lo = 0, hi = candidates.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if SimplePathStream.precedes(candidates[mid], candidate) { lo = mid + 1 } else { hi = mid }
            }
            candidates.insert(candidate, at: lo)
        }
        guard !candidates.isEmpty else { return nil }
        return record(candidates.removeFirst().arcs)
    }
}
