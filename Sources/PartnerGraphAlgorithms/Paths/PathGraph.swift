import PartnerGraph
import PartnerGraphKernels

/// The edge-aware adjacency that cooperation paths run on: for every ordered pair of nodes
/// that a hop can join, one arc that remembers the network edge it stands for.
///
/// Built from a `ViewedNetwork`: when hops follow direction, each arc of the view is one arc
/// here; otherwise every arc can be walked both ways. Self-loops are dropped (no shortest or
/// simple path uses them). Parallel edges between the same ordered pair become one arc that
/// uses the shortest edge (the strongest tie), ties going to the lowest edge index; the other
/// edges are kept in `parallel` for explanations. Rows are sorted by neighbour position, so
/// every search is deterministic.
struct PathGraph: Sendable {
    struct Parallel: Sendable, Equatable {
        var edgeIndex: Int
        var forward: Bool
        var weight: Double?
        var length: Double
        var strength: Double
    }

    let nodeCount: Int
    /// Whether arcs keep edge direction.
    let isDirected: Bool
    /// Whether the view reads weights.
    let isWeighted: Bool
    /// Row offsets, `nodeCount + 1` entries.
    let start: [Int]
    let source: [Int32]
    let target: [Int32]
    /// Index into `Network.edges` of the edge each arc uses.
    let edgeIndex: [Int]
    /// Whether the arc walks its edge from `from` to `to`.
    let forward: [Bool]
    let weight: [Double?]
    let length: [Double]
    let strength: [Double]
    /// Every edge joining the arc's pair in the arc's direction, by edge index (the used one
    /// included).
    let parallel: [[Parallel]]
    /// Offsets into `inArcs`, `nodeCount + 1` entries.
    let inStart: [Int]
    /// The arcs into each node, row after row (for searches that walk backwards).
    let inArcs: [Int32]

    init(_ viewed: ViewedNetwork, network: Network, weightIsDistance: Bool, followDirection: Bool) {
        let n = viewed.nodeIDs.count
        nodeCount = n
        isDirected = followDirection && viewed.isDirected
        isWeighted = viewed.arcs.contains { $0.weight != nil }
        var positionOfNetworkIndex: [Int: Int] = [:]
        for (p, i) in viewed.networkIndices.enumerated() { positionOfNetworkIndex[i] = p }

        struct Candidate { var u: Int; var v: Int; var p: Parallel }
        var candidates: [Candidate] = []
        candidates.reserveCapacity(viewed.arcs.count * (isDirected ? 1 : 2))
        for arc in viewed.arcs where arc.source != arc.target {
            let edge = network.edges[arc.edgeIndex]
            let fromPosition = network.index(of: edge.from).flatMap { positionOfNetworkIndex[$0] }
            let w = arc.weight
            let length: Double, strength: Double
            if let w {
                length = weightIsDistance ? w : 1 / w
                strength = weightIsDistance ? 1 / w : w
            } else {
                length = 1
                strength = 1
            }
            func add(_ u: Int, _ v: Int) {
                candidates.append(Candidate(u: u, v: v, p: Parallel(
                    edgeIndex: arc.edgeIndex, forward: fromPosition == u, weight: w, length: length, strength: strength)))
            }
            add(arc.source, arc.target)
            if !isDirected { add(arc.target, arc.source) }
        }
        candidates.sort { a, b in
            if a.u != b.u { return a.u < b.u }
            if a.v != b.v { return a.v < b.v }
            if a.p.edgeIndex != b.p.edgeIndex { return a.p.edgeIndex < b.p.edgeIndex }
            return a.p.forward && !b.p.forward
        }
        var start = [Int](repeating: 0, count: n + 1)
        var src: [Int32] = [], tgt: [Int32] = [], idx: [Int] = [], fwd: [Bool] = []
        var wts: [Double?] = [], lens: [Double] = [], strs: [Double] = [], par: [[Parallel]] = []
        var i = 0
        while i < candidates.count {
            var j = i
            var group: [Parallel] = []
            while j < candidates.count, candidates[j].u == candidates[i].u, candidates[j].v == candidates[i].v {
                if group.last?.edgeIndex != candidates[j].p.edgeIndex { group.append(candidates[j].p) }
                j += 1
            }
            // The shortest edge; ties to the lowest edge index (the group is in index order).
            var best = group[0]
            for p in group.dropFirst() where p.length < best.length { best = p }
            src.append(Int32(candidates[i].u)); tgt.append(Int32(candidates[i].v))
            idx.append(best.edgeIndex); fwd.append(best.forward); wts.append(best.weight)
            lens.append(best.length); strs.append(best.strength); par.append(group)
            start[candidates[i].u + 1] += 1
            i = j
        }
        for r in 0..<n { start[r + 1] += start[r] }
        self.start = start
        source = src; target = tgt; edgeIndex = idx; forward = fwd
        weight = wts; length = lens; strength = strs; parallel = par
        var inStart = [Int](repeating: 0, count: n + 1)
        for v in tgt { inStart[Int(v) + 1] += 1 }
        for r in 0..<n { inStart[r + 1] += inStart[r] }
        var fill = inStart
        var inArcs = [Int32](repeating: 0, count: tgt.count)
        for k in 0..<tgt.count {
            inArcs[fill[Int(tgt[k])]] = Int32(k)
            fill[Int(tgt[k])] += 1
        }
        self.inStart = inStart
        self.inArcs = inArcs
    }

    @inline(__always) func arcs(from u: Int) -> Range<Int> { start[u]..<start[u + 1] }

    /// The arc from `u` to `v`, if any.
    func arc(from u: Int, to v: Int) -> Int? {
        let r = arcs(from: u)
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(target[mid]) < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < r.upperBound && Int(target[lo]) == v ? lo : nil
    }
}

/// What a search may use, and how it measures.
struct SearchRules {
    /// Nodes a path may enter (nil: all).
    var nodeAllowed: [Bool]?
    /// Arcs a path may not use (Yen's removed edges), by arc position.
    var blockedArcs: Set<Int> = []
    /// Arcs weaker than this are unusable (widest paths).
    var minStrength: Double?
    /// Count every hop as 1 instead of its length.
    var countHops = false

    @inline(__always) func allows(node v: Int) -> Bool { nodeAllowed?[v] ?? true }

    @inline(__always) func allows(arc k: Int, in g: PathGraph) -> Bool {
        if let m = minStrength, g.strength[k] < m { return false }
        return blockedArcs.isEmpty || !blockedArcs.contains(k)
    }

    @inline(__always) func cost(_ k: Int, in g: PathGraph) -> Double { countHops ? 1 : g.length[k] }

    /// Whether every hop costs 1 on `g` (hops counted, or no weights), so that breadth-first
    /// order is distance order.
    func hopsCostOne(in g: PathGraph) -> Bool { countHops || !g.isWeighted }
}

/// The result of a single-source search: distances and, for every reached node, the arcs
/// into it that lie on a shortest path (NetworkX's predecessor lists).
struct ShortestPathTree {
    var distance: [Double]
    var predecessorArcs: [[Int32]]

    func reached(_ v: Int) -> Bool { distance[v] < .infinity }
}

extension PathGraph {
    /// Dijkstra from `s` (breadth-first in effect when every cost is 1), recording every
    /// predecessor arc on a shortest path as NetworkX does: lengths are summed outward from
    /// the source and equal lengths are found with `==`. Stops once `stop` is settled.
    /// `s` itself is always allowed.
    /// - Complexity: O((V + E) log V).
    func shortestPathTree(from s: Int, stoppingAt stop: Int? = nil, rules: SearchRules, cutoff: Double? = nil) -> ShortestPathTree {
        var dist = [Double](repeating: .infinity, count: nodeCount)
        var seen = [Double](repeating: .infinity, count: nodeCount)
        var settled = [Bool](repeating: false, count: nodeCount)
        var pred = [[Int32]](repeating: [], count: nodeCount)
        var heap = InsertionOrderHeap()
        seen[s] = 0
        heap.push(0, s)
        while let (d, v) = heap.pop() {
            if settled[v] { continue }
            settled[v] = true
            dist[v] = d
            if v == stop { break }
            for k in arcs(from: v) {
                let u = Int(target[k])
                guard rules.allows(node: u), rules.allows(arc: k, in: self) else { continue }
                let alt = d + rules.cost(k, in: self)
                if let cutoff, alt > cutoff { continue }
                if settled[u] {
                    if alt == dist[u] { pred[u].append(Int32(k)) }
                } else if alt < seen[u] {
                    seen[u] = alt
                    pred[u] = [Int32(k)]
                    heap.push(alt, u)
                } else if alt == seen[u] {
                    pred[u].append(Int32(k))
                }
            }
        }
        return ShortestPathTree(distance: dist, predecessorArcs: pred)
    }

    /// Every shortest path from `s` to `t` (as `nx.all_shortest_paths`), in order of their
    /// node sequences by position. Throws `PathError.searchLimitReached` past `limit` paths.
    func allShortestPaths(_ tree: ShortestPathTree, from s: Int, to t: Int, limit: Int) throws(PathError) -> [[Int]] {
        guard tree.reached(t) else { return [] }
        if s == t { return [[]] }
        var out: [[Int]] = []
        var stack: [Int] = []  // arcs, from t backwards
        func walk(_ v: Int) throws(PathError) {
            if v == s {
                out.append(stack.reversed())
                if out.count > limit { throw PathError.searchLimitReached(examined: limit) }
                return
            }
            for k in tree.predecessorArcs[v] {
                stack.append(Int(k))
                try walk(Int(source[Int(k)]))
                stack.removeLast()
            }
        }
        try walk(t)
        let keyed = out.map { arcs in (arcs.map { Int(target[$0]) }, arcs) }
        return keyed.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }

    /// The shortest path from `s` to `t` with at most `maxHops` hops (Bellman–Ford in rounds,
    /// one hop per round). With positive lengths the best such walk repeats no node. nil when
    /// there is none.
    /// - Complexity: O(maxHops · (V + E)).
    func shortestPath(from s: Int, to t: Int, maxHops: Int, rules: SearchRules) -> [Int]? {
        let table = hopBoundedTable(from: s, maxHops: maxHops, rules: rules)
        return table.path(to: t, in: self)
    }

    /// Single-source shortest lengths over walks of at most `maxHops` hops.
    func hopBoundedTable(from s: Int, maxHops: Int, rules: SearchRules) -> HopBoundedTable {
        var dist = [[Double]](repeating: [Double](repeating: .infinity, count: nodeCount), count: maxHops + 1)
        var via = [[Int]](repeating: [Int](repeating: -1, count: nodeCount), count: maxHops + 1)  // -1: as in the round before; -2: start
        dist[0][s] = 0
        via[0][s] = -2
        if maxHops > 0 {
            for h in 1...maxHops {
                dist[h] = dist[h - 1]
                var changed = false
                for v in 0..<nodeCount where dist[h - 1][v] < .infinity {
                    for k in arcs(from: v) {
                        let u = Int(target[k])
                        guard u != s, rules.allows(node: u), rules.allows(arc: k, in: self) else { continue }
                        let alt = dist[h - 1][v] + rules.cost(k, in: self)
                        if alt < dist[h][u] { dist[h][u] = alt; via[h][u] = k; changed = true }
                    }
                }
                if !changed {
                    dist.removeLast(maxHops - h)
                    via.removeLast(maxHops - h)
                    break
                }
            }
        }
        return HopBoundedTable(source: s, distance: dist, via: via)
    }
}

/// Shortest lengths over walks of at most so many hops, by round.
struct HopBoundedTable {
    var source: Int
    var distance: [[Double]]
    var via: [[Int]]

    var best: [Double] { distance.last! }

    /// The arcs of the best walk to `t`; nil when unreached or when it would repeat a node.
    func path(to t: Int, in g: PathGraph) -> [Int]? {
        var h = distance.count - 1
        guard distance[h][t] < .infinity else { return nil }
        var arcs: [Int] = []
        var v = t
        while v != source {
            let k = via[h][v]
            if k == -1 { h -= 1; continue }
            arcs.append(k)
            v = Int(g.source[k])
            h -= 1
        }
        arcs.reverse()
        var seen: Set<Int> = [source]
        for k in arcs where !seen.insert(Int(g.target[k])).inserted { return nil }
        return arcs
    }
}

/// Reusable state for many shortest-path searches on one graph (the first path and the spur
/// searches of Yen's algorithm): arrays stamped per search, so a search costs what it explores,
/// not O(V).
struct PathSearchWorkspace {
    private var stamp = 0
    private var seenStamp: [[Int]]      // per direction: stamp when the node was reached
    private var doneStamp: [[Int]]      // per direction: stamp when the node was settled
    private var seen: [[Double]]        // per direction: best length found so far
    private var via: [[Int32]]          // per direction: the arc that reached the node
    private var excludedStamp: [Int]
    private var markStamp: [Int]
    private var heaps = [InsertionOrderHeap(), InsertionOrderHeap()]
    private var fringe: [[Int32]] = [[], []]
    private var nextFringe: [Int32] = []

    init(nodeCount n: Int) {
        seenStamp = [[Int]](repeating: [Int](repeating: 0, count: n), count: 2)
        doneStamp = seenStamp
        seen = [[Double]](repeating: [Double](repeating: 0, count: n), count: 2)
        via = [[Int32]](repeating: [Int32](repeating: -1, count: n), count: 2)
        excludedStamp = [Int](repeating: 0, count: n)
        markStamp = excludedStamp
    }

    /// The shortest path from `s` to `t` whose node sequence (by position) comes first:
    /// Dijkstra from `s` (breadth-first when every hop costs 1) until `t` is settled, then the
    /// nodes that reach `t` along arcs with `dist[x] + cost == dist[u]` (the predecessors
    /// NetworkX records, lengths summed outward from `s` and compared exactly), then from `s`
    /// always the lowest-positioned next node among them. Returns the arcs; nil when `t`
    /// cannot be reached.
    /// - Complexity: O((V' + E') log V') for the part of the graph closer to `s` than `t`.
    mutating func firstShortestPath(in g: PathGraph, from s: Int, to t: Int, rules: SearchRules) -> [Int]? {
        stamp += 1
        if s == t { return [] }
        seenStamp[0][s] = stamp
        seen[0][s] = 0
        // Every hop costing 1, a first-in-first-out queue settles nodes in order of distance too.
        let unit = rules.hopsCostOne(in: g)
        if unit {
            fringe[0].removeAll(keepingCapacity: true)
            fringe[0].append(Int32(s))
        } else {
            heaps[0].removeAll()
            heaps[0].push(0, s)
        }
        var head = 0
        var reached = false
        while true {
            let d: Double, v: Int
            if unit {
                guard head < fringe[0].count else { break }
                v = Int(fringe[0][head]); head += 1
                d = seen[0][v]
            } else {
                guard let top = heaps[0].pop() else { break }
                (d, v) = top
            }
            if doneStamp[0][v] == stamp { continue }
            doneStamp[0][v] = stamp
            if v == t { reached = true; break }
            for k in g.start[v]..<g.start[v + 1] {
                let w = Int(g.target[k])
                guard rules.allows(node: w), rules.allows(arc: k, in: g), doneStamp[0][w] != stamp else { continue }
                let length = d + rules.cost(k, in: g)
                if seenStamp[0][w] != stamp || length < seen[0][w] {
                    seenStamp[0][w] = stamp
                    seen[0][w] = length
                    if unit { fringe[0].append(Int32(w)) } else { heaps[0].push(length, w) }
                }
            }
        }
        guard reached else { return nil }
        // An arc x → u lies on a shortest path from s when x was settled and its length adds up.
        func onShortestPath(_ k: Int) -> Bool {
            let x = Int(g.source[k]), u = Int(g.target[k])
            return doneStamp[0][x] == stamp && doneStamp[0][u] == stamp && rules.allows(arc: k, in: g)
                && (u == t || rules.allows(node: u)) && seen[0][x] + rules.cost(k, in: g) == seen[0][u]
        }
        // The nodes from which t is reached along such arcs.
        markStamp[t] = stamp
        var stack = [t]
        while let u = stack.popLast() {
            for i in g.inStart[u]..<g.inStart[u + 1] {
                let k = Int(g.inArcs[i])
                let x = Int(g.source[k])
                if markStamp[x] != stamp && onShortestPath(k) {
                    markStamp[x] = stamp
                    stack.append(x)
                }
            }
        }
        // From s, the first arc (rows are sorted by target position) into a marked node.
        var arcs: [Int] = []
        var v = s
        while v != t {
            guard let k = (g.start[v]..<g.start[v + 1]).first(where: { markStamp[Int(g.target[$0])] == stamp && onShortestPath($0) }) else {
                preconditionFailure("the shortest-path arcs lead to the target")
            }
            arcs.append(k)
            v = Int(g.target[k])
        }
        return arcs
    }

    /// A shortest path from `s` to `t` (its arcs) that enters no node of `excluded` and only
    /// nodes and arcs `rules` allow (`s` and `t` always); nil when there is none.
    ///
    /// As NetworkX's `nx.shortest_simple_paths` does for each spur: when every hop costs 1, a
    /// bidirectional breadth-first search that expands the smaller side a whole level at a time
    /// and stops at the first node both sides have reached (`_bidirectional_pred_succ`);
    /// otherwise bidirectional Dijkstra (`_bidirectional_dijkstra`): the two sides take turns
    /// settling a node and stop when one settles a node the other has settled, the best meeting
    /// seen so far being the answer. Among equally short paths, the first met wins
    /// (deterministic).
    /// - Complexity: O((V' + E') log V') for the V' nodes and E' arcs it explores.
    mutating func shortestPath(in g: PathGraph, from s: Int, to t: Int, rules: SearchRules, excluded: ArraySlice<Int>) -> [Int]? {
        stamp += 1
        for v in excluded { excludedStamp[v] = stamp }
        if s == t { return [] }
        for (dir, v) in [(0, s), (1, t)] {
            seenStamp[dir][v] = stamp
            seen[dir][v] = 0
            via[dir][v] = -1
        }
        let meet = rules.hopsCostOne(in: g)
            ? breadthFirstMeeting(g, s, t, rules)
            : dijkstraMeeting(g, s, t, rules)
        guard let meet else { return nil }
        var front: [Int] = []
        var v = meet
        while v != s {
            let k = Int(via[0][v])
            front.append(k)
            v = Int(g.source[k])
        }
        var path = Array(front.reversed())
        v = meet
        while v != t {
            let k = Int(via[1][v])
            path.append(k)
            v = Int(g.target[k])
        }
        return path
    }

    /// The next node over arc slot `i` of `v`'s row in direction `dir` (0: out-arcs, 1: in-arcs),
    /// with the arc; nil when the rules or the exclusions forbid it.
    @inline(__always)
    private func step(_ g: PathGraph, _ dir: Int, _ i: Int, _ s: Int, _ t: Int, _ rules: SearchRules) -> (w: Int, k: Int)? {
        let k = dir == 0 ? i : Int(g.inArcs[i])
        let w = Int(dir == 0 ? g.target[k] : g.source[k])
        if w != s && w != t && (excludedStamp[w] == stamp || !rules.allows(node: w)) { return nil }
        guard rules.allows(arc: k, in: g) else { return nil }
        return (w, k)
    }

    private func row(_ g: PathGraph, _ dir: Int, _ v: Int) -> Range<Int> {
        dir == 0 ? g.start[v]..<g.start[v + 1] : g.inStart[v]..<g.inStart[v + 1]
    }

    private mutating func breadthFirstMeeting(_ g: PathGraph, _ s: Int, _ t: Int, _ rules: SearchRules) -> Int? {
        fringe[0].removeAll(keepingCapacity: true); fringe[0].append(Int32(s))
        fringe[1].removeAll(keepingCapacity: true); fringe[1].append(Int32(t))
        while !fringe[0].isEmpty && !fringe[1].isEmpty {
            let dir = fringe[0].count <= fringe[1].count ? 0 : 1
            nextFringe.removeAll(keepingCapacity: true)
            for v32 in fringe[dir] {
                let v = Int(v32)
                for i in row(g, dir, v) {
                    guard let (w, k) = step(g, dir, i, s, t, rules), seenStamp[dir][w] != stamp else { continue }
                    seenStamp[dir][w] = stamp
                    via[dir][w] = Int32(k)
                    if seenStamp[1 - dir][w] == stamp { return w }
                    nextFringe.append(Int32(w))
                }
            }
            swap(&fringe[dir], &nextFringe)
        }
        return nil
    }

    private mutating func dijkstraMeeting(_ g: PathGraph, _ s: Int, _ t: Int, _ rules: SearchRules) -> Int? {
        heaps[0].removeAll(); heaps[1].removeAll()
        heaps[0].push(0, s); heaps[1].push(0, t)
        var best = Double.infinity, meet = -1
        var dir = 1
        while !heaps[0].isEmpty && !heaps[1].isEmpty {
            dir = 1 - dir
            guard let (d, v) = heaps[dir].pop() else { break }
            if doneStamp[dir][v] == stamp { continue }
            doneStamp[dir][v] = stamp
            if doneStamp[1 - dir][v] == stamp { break }
            for i in row(g, dir, v) {
                guard let (w, k) = step(g, dir, i, s, t, rules), doneStamp[dir][w] != stamp else { continue }
                let length = d + rules.cost(k, in: g)
                if seenStamp[dir][w] != stamp || length < seen[dir][w] {
                    seenStamp[dir][w] = stamp
                    seen[dir][w] = length
                    via[dir][w] = Int32(k)
                    heaps[dir].push(length, w)
                    if seenStamp[1 - dir][w] == stamp {
                        let total = seen[0][w] + seen[1][w]
                        if meet < 0 || total < best { best = total; meet = w }
                    }
                }
            }
        }
        return meet >= 0 ? meet : nil
    }
}
