import Dispatch

/// Diameter and radius of the largest connected component: the result of `diameterAndRadius(_:)`.
public struct DiameterRadius: Sendable, Equatable, Codable {
    /// Largest eccentricity in the component (hops).
    public let diameter: Int
    /// Smallest eccentricity in the component (hops).
    public let radius: Int
    /// Number of nodes in the component.
    public let componentSize: Int
    /// Number of single-source breadth-first searches run by the bounding phase.
    public let searches: Int
    /// Number of nodes whose eccentricity the bit-parallel phase computed (256 per sweep).
    public let batchedSources: Int

    /// Creates a result.
    public init(diameter: Int, radius: Int, componentSize: Int, searches: Int = 0, batchedSources: Int = 0) {
        self.diameter = diameter
        self.radius = radius
        self.componentSize = componentSize
        self.searches = searches
        self.batchedSources = batchedSources
    }
}

/// Exact diameter and radius (in hops) of the largest connected component, with edge direction
/// and weights ignored.
///
/// The eccentricity of a node is its largest hop distance to another node of its component; the
/// diameter is the largest and the radius the smallest eccentricity. The largest component is the
/// one with most nodes, ties going to the component with the smallest node index (as
/// `max(nx.connected_components(G), key=len)`). Direction is ignored on directed graphs (weakly
/// connected component of `G.to_undirected()`). A one-node component has diameter and radius 0.
///
/// Two exact phases. (1) Eccentricity bounding: breadth-first searches from selected nodes
/// tighten per-node bounds `max(d(v,w), e(v) − d(v,w)) ≤ e(w) ≤ e(v) + d(v,w)`, and nodes that
/// can no longer change either extreme are dropped. Two direction-optimizing searches run in
/// parallel per round: the node with the largest upper bound (peripheral, to raise the diameter
/// bound) and the one with the smallest lower bound (central, for the radius); once a side stops
/// improving, the highest-degree unsearched nodes take its slot, since `e(hub) + d(hub, w)` closes
/// the upper bounds of a hub's whole neighbourhood. (2) When three rounds in a row settle fewer
/// than 8 nodes per search, the eccentricities of the remaining candidates are computed 256 at a
/// time by bit-parallel multi-source breadth-first search (a 256-bit set of visited sources per
/// node), two sweeps in parallel, in priority order, dropping candidates as the bounds close.
/// Small-world graphs with peripheral tendrils usually finish in phase 1 after a few dozen
/// searches; homogeneous random graphs (Erdős–Rényi, some preferential-attachment variants) can
/// need thousands of searches plus sweeps; the worst case computes every eccentricity.
///
/// - Parameter g: the graph.
/// - Returns: diameter, radius and size of the largest component, or nil for the empty graph.
/// - Complexity: O(k (V + E)) time for k single searches plus O(⌈c/256⌉ · D · (V + E)) for c
///   swept candidates and diameter D (worst case O(V/256 · D · (V + E))); O(V + E) memory
///   (about 110 bytes per node for each of the two sweep threads).
/// - Reference: F. W. Takes, W. A. Kosters, "Computing the eccentricity distribution of large
///   graphs", Algorithms 6(1):100–118 (2013), doi:10.3390/a6010100; S. Beamer, K. Asanović,
///   D. Patterson, "Direction-optimizing breadth-first search", SC 2012, doi:10.1109/SC.2012.50;
///   M. Then et al., "The more the merrier: efficient multi-source graph traversal", PVLDB 8(4)
///   (2014), doi:10.14778/2735496.2735507. Equals `nx.diameter(C)` and `nx.radius(C)` with
///   `C = H.subgraph(max(nx.connected_components(H), key=len))`, `H = G.to_undirected()`.
public func diameterAndRadius(_ g: CompactGraph) -> DiameterRadius? {
    let n = g.nodeCount
    if n == 0 { return nil }
    let comps = connectedComponents(g)
    guard let big = comps.largestComponent else { return nil }
    let size = comps.sizes[big]
    if size == 1 { return DiameterRadius(diameter: 0, radius: 0, componentSize: 1) }
    let view = g.isDirected ? CompactGraph.UndirectedRows(g) : nil
    var state = EccentricityState(
        start: view?.start ?? g.outStart, neighbours: view?.neighbours ?? g.outNeighbours,
        componentLabel: comps.label, component: Int32(big), size: size)
    state.run()
    return DiameterRadius(diameter: Int(state.diamLow), radius: Int(state.radUp), componentSize: size,
                          searches: state.searches, batchedSources: state.batched)
}

/// Working state of `diameterAndRadius`: the candidates and their eccentricity bounds.
private struct EccentricityState {
    let start: [Int32]
    let neighbours: [Int32]
    let size: Int
    /// Nodes of the component.
    let members: [Int32]
    /// Candidates: component nodes that can still change the diameter or the radius.
    var cand: [Int32]
    var lower: [Int32]
    var upper: [Int32]
    /// Largest lower bound seen (≤ diameter) and smallest upper bound seen (≥ radius).
    var diamLow: Int32 = 0
    var radUp: Int32 = .max
    var searches = 0
    var batched = 0
    /// Sum of distances from the phase-1 sources, to prefer peripheral nodes.
    var farnessHint: [Int64] = []

    init(start: [Int32], neighbours: [Int32], componentLabel: [Int32], component: Int32, size: Int) {
        self.start = start
        self.neighbours = neighbours
        self.size = size
        let n = componentLabel.count
        var m = [Int32]()
        m.reserveCapacity(size)
        for v in 0..<n where componentLabel[v] == component { m.append(Int32(v)) }
        members = m
        cand = m
        lower = [Int32](repeating: 0, count: n)
        upper = [Int32](repeating: .max, count: n)
        farnessHint = [Int64](repeating: 0, count: n)
    }

    @inline(__always) func degree(_ v: Int) -> Int32 { start[v + 1] - start[v] }

    /// Whether node `v` can no longer change either extreme.
    @inline(__always) func done(_ v: Int) -> Bool {
        lower[v] == upper[v] || (upper[v] <= diamLow && lower[v] >= radUp)
    }

    mutating func prune() {
        var keep = 0
        for i in 0..<cand.count where !done(Int(cand[i])) { cand[keep] = cand[i]; keep += 1 }
        cand.removeLast(cand.count - keep)
    }

    mutating func run() {
        boundingPhase()
        if !cand.isEmpty { batchPhase() }
    }

    // MARK: phase 1

    mutating func boundingPhase() {
        let n = lower.count
        var dist0 = [Int32](repeating: -1, count: n), dist1 = dist0
        var queue0 = [Int32](repeating: 0, count: size), queue1 = queue0
        var unvisited0 = [Int32](repeating: 0, count: size), unvisited1 = unvisited0
        var degreeSum = 0
        for v in members { degreeSum += Int(degree(Int(v))) }
        let memberDegreeSum = degreeSum
        var ecc: [Int32] = [0, 0]
        var searched = [Bool](repeating: false, count: n)
        let hubs = members.sorted { degree(Int($0)) > degree(Int($1)) }
        var hubNext = 0
        var rounds = 0, recent = [Int](repeating: Int.max, count: 3)
        var stalePeripheral = 0
        while !cand.isEmpty {
            // Diameter side: the largest upper bound (ties: larger lower bound, then farther from
            // the sources so far — peripheral nodes raise the lower bound). Radius side: the
            // smallest lower bound (ties: larger degree). When the radius is settled the second
            // search goes to the highest-degree node not searched yet: hubs have small
            // eccentricity, so `e(hub) + d(hub, w)` lowers the upper bounds of their wide
            // neighbourhoods.
            var u1 = -1, l1 = -1, l2 = -1
            var diameterOpen = false, radiusOpen = false
            for c in cand {
                let v = Int(c)
                if upper[v] > diamLow { diameterOpen = true }
                if lower[v] < radUp { radiusOpen = true }
                if u1 < 0 || upperFirst(v, u1) { u1 = v }
                if l1 < 0 || lowerFirst(v, l1) { l2 = l1; l1 = v } else if l2 < 0 || lowerFirst(v, l2) { l2 = v }
            }
            // A peripheral pick that does not raise the diameter bound only settles itself; after two
            // such picks in a row, hubs take its slot (retrying the peripheral pick every 8 rounds).
            func nextHub() -> Int? {
                while hubNext < hubs.count && searched[Int(hubs[hubNext])] { hubNext += 1 }
                guard hubNext < hubs.count else { return nil }
                hubNext += 1
                return Int(hubs[hubNext - 1])
            }
            var sources: [Int] = []
            var peripheral = -1
            if diameterOpen && (stalePeripheral < 2 || rounds % 8 == 0) { sources.append(u1); peripheral = u1 }
            if radiusOpen {
                if l1 != u1 { sources.append(l1) } else if l2 >= 0 { sources.append(l2) }
            }
            while sources.count < 2, let h = nextHub() { if !sources.contains(h) { sources.append(h) } }
            if sources.isEmpty { sources.append(diameterOpen ? u1 : l1) }
            for v in sources { searched[v] = true }
            let before = cand.count
            let srcs = sources
            start.withUnsafeBufferPointer { st in
            neighbours.withUnsafeBufferPointer { nb in
            dist0.withUnsafeMutableBufferPointer { d0 in
            dist1.withUnsafeMutableBufferPointer { d1 in
            members.withUnsafeBufferPointer { mb in
            unvisited0.withUnsafeMutableBufferPointer { u0 in
            unvisited1.withUnsafeMutableBufferPointer { u1 in
            queue0.withUnsafeMutableBufferPointer { q0 in
            queue1.withUnsafeMutableBufferPointer { q1 in
            ecc.withUnsafeMutableBufferPointer { ec in
                let ptrs = BFSPointers(start: st.baseAddress!, neighbours: nb.baseAddress!,
                                                members: mb.baseAddress!, memberCount: mb.count,
                                                memberDegreeSum: memberDegreeSum,
                                                dist: [d0.baseAddress!, d1.baseAddress!],
                                                queue: [q0.baseAddress!, q1.baseAddress!],
                                                unvisited: [u0.baseAddress!, u1.baseAddress!], ecc: ec.baseAddress!)
                if srcs.count == 2 && size >= 4096 {
                    DispatchQueue.concurrentPerform(iterations: 2) { i in ptrs.search(i, from: srcs[i]) }
                } else {
                    for i in 0..<srcs.count { ptrs.search(i, from: srcs[i]) }
                }
            }}}}}}}}}}
            searches += srcs.count
            if peripheral >= 0 {
                let e = ecc[srcs.firstIndex(of: peripheral)!]
                stalePeripheral = e > diamLow ? 0 : stalePeripheral + 1
            }
            for i in 0..<srcs.count {
                let e = ecc[i]
                if e > diamLow { diamLow = e }
                if e < radUp { radUp = e }
                (i == 0 ? dist0 : dist1).withUnsafeBufferPointer { d in
                farnessHint.withUnsafeMutableBufferPointer { far in
                lower.withUnsafeMutableBufferPointer { lo in
                upper.withUnsafeMutableBufferPointer { up in
                    for c in cand {
                        let v = Int(c)
                        let dv = d[v]
                        far[v] += Int64(dv)
                        let l = max(dv, e - dv), u = e + dv
                        if l > lo[v] { lo[v] = l }
                        if u < up[v] { up[v] = u }
                        if lo[v] > diamLow { diamLow = lo[v] }
                        if up[v] < radUp { radUp = up[v] }
                    }
                }}}}
                // Reset the distances (only component nodes were touched).
                if i == 0 { for k in 0..<size { dist0[Int(queue0[k])] = -1 } }
                else { for k in 0..<size { dist1[Int(queue1[k])] = -1 } }
            }
            prune()
            // A bit-parallel sweep settles 256 candidates for the price of about 30 searches:
            // switch once the last three rounds settled fewer than 8 per search.
            rounds += 1
            recent[rounds % 3] = (before - cand.count) / srcs.count
            if rounds >= 3 && recent.max()! < 8 { return }
        }
    }

    @inline(__always) func upperFirst(_ a: Int, _ b: Int) -> Bool {
        if upper[a] != upper[b] { return upper[a] > upper[b] }
        if lower[a] != lower[b] { return lower[a] > lower[b] }
        if farnessHint[a] != farnessHint[b] { return farnessHint[a] > farnessHint[b] }
        return degree(a) < degree(b)
    }

    @inline(__always) func lowerFirst(_ a: Int, _ b: Int) -> Bool {
        lower[a] != lower[b] ? lower[a] < lower[b] : degree(a) > degree(b)
    }

    // MARK: phase 2

    mutating func batchPhase() {
        let n = lower.count
        // Process candidates in priority order: alternately the next diameter-side candidate
        // (largest upper bound) and the next radius-side one (smallest lower bound), 256 per sweep.
        let byUpper = cand.sorted { upperFirst(Int($0), Int($1)) }
        let byLower = cand.sorted { lowerFirst(Int($0), Int($1)) }
        var taken = [Bool](repeating: false, count: n)
        var iu = 0, il = 0
        var worker0 = BatchWorker(n: n, size: size)
        var worker1 = BatchWorker(n: n, size: size)
        while !cand.isEmpty {
            var batches: [[Int32]] = [[], []]
            for b in 0..<2 {
                while batches[b].count < sweepWidth && (iu < byUpper.count || il < byLower.count) {
                    let useUpper = (batches[b].count % 2 == 0 && iu < byUpper.count) || il >= byLower.count
                    let v = useUpper ? byUpper[iu] : byLower[il]
                    if useUpper { iu += 1 } else { il += 1 }
                    if taken[Int(v)] || done(Int(v)) { continue }
                    taken[Int(v)] = true
                    batches[b].append(v)
                }
            }
            let count = batches[1].isEmpty ? 1 : 2
            if batches[0].isEmpty { break }
            start.withUnsafeBufferPointer { st in
            neighbours.withUnsafeBufferPointer { nb in
            members.withUnsafeBufferPointer { mb in
            worker0.withPointers { w0 in
            worker1.withPointers { w1 in
                let graph = BatchGraph(start: st.baseAddress!, neighbours: nb.baseAddress!,
                                                members: mb.baseAddress!, memberCount: mb.count)
                let ws = [w0, w1]
                let bs = batches
                if count == 2 {
                    DispatchQueue.concurrentPerform(iterations: 2) { i in ws[i].sweep(graph, sources: bs[i]) }
                } else {
                    ws[0].sweep(graph, sources: bs[0])
                }
            }}}}}
            for b in 0..<count {
                let worker = b == 0 ? worker0 : worker1
                batched += batches[b].count
                for (i, s) in batches[b].enumerated() {
                    let e = worker.ecc[i]
                    lower[Int(s)] = e; upper[Int(s)] = e
                    if e > diamLow { diamLow = e }
                    if e < radUp { radUp = e }
                }
                // Every node is at least as eccentric as its distance to any source.
                for c in cand {
                    let v = Int(c)
                    let l = worker.lastLevel[v]
                    if l > lower[v] { lower[v] = l }
                    if lower[v] > diamLow { diamLow = lower[v] }
                }
            }
            prune()
        }
    }
}

/// Raw pointers for the two concurrent single-source searches of phase 1.
private struct BFSPointers: @unchecked Sendable {
    let start: UnsafePointer<Int32>
    let neighbours: UnsafePointer<Int32>
    let members: UnsafePointer<Int32>
    let memberCount: Int
    /// Sum of the degrees of the component's nodes.
    let memberDegreeSum: Int
    let dist: [UnsafeMutablePointer<Int32>]
    let queue: [UnsafeMutablePointer<Int32>]
    let unvisited: [UnsafeMutablePointer<Int32>]
    let ecc: UnsafeMutablePointer<Int32>

    /// Direction-optimizing breadth-first search (Beamer, Asanović, Patterson, SC 2012,
    /// doi:10.1109/SC.2012.50) from `source` into slot `slot`: top-down levels while the frontier
    /// is small, bottom-up levels (each unvisited node looks for any parent on the frontier) while
    /// it is large. `dist` must be −1 everywhere on entry; `queue` receives every component node.
    func search(_ slot: Int, from source: Int) {
        let dist = self.dist[slot], queue = self.queue[slot], unvisited = self.unvisited[slot]
        dist[source] = 0
        queue[0] = Int32(source)
        var levelStart = 0, tail = 1
        var level: Int32 = 0
        var frontierEdges = Int(start[source + 1] - start[source])
        var unexploredEdges = memberDegreeSum - frontierEdges
        var unvisitedCount = -1  // list not built yet
        var bottomUp = false
        while levelStart < tail {
            let levelEnd = tail
            let frontierSize = levelEnd - levelStart
            if !bottomUp && frontierEdges > unexploredEdges / 14 {
                bottomUp = true
            } else if bottomUp && frontierSize < memberCount / 24 {
                bottomUp = false
            }
            let dn = level + 1
            var nextEdges = 0
            if bottomUp {
                if unvisitedCount < 0 {
                    unvisitedCount = 0
                    for j in 0..<memberCount where dist[Int(members[j])] < 0 {
                        unvisited[unvisitedCount] = members[j]; unvisitedCount += 1
                    }
                }
                var keep = 0
                for j in 0..<unvisitedCount {
                    let v32 = unvisited[j]
                    let v = Int(v32)
                    var found = false
                    for k in Int(start[v])..<Int(start[v + 1]) where dist[Int(neighbours[k])] == level {
                        found = true
                        break
                    }
                    if found {
                        dist[v] = dn; queue[tail] = v32; tail += 1
                        nextEdges += Int(start[v + 1] - start[v])
                    } else {
                        unvisited[keep] = v32; keep += 1
                    }
                }
                unvisitedCount = keep
            } else {
                for h in levelStart..<levelEnd {
                    let v = Int(queue[h])
                    for k in Int(start[v])..<Int(start[v + 1]) {
                        let w = Int(neighbours[k])
                        if dist[w] < 0 {
                            dist[w] = dn; queue[tail] = Int32(w); tail += 1
                            nextEdges += Int(start[w + 1] - start[w])
                        }
                    }
                }
                if unvisitedCount >= 0 {
                    // Keep the bottom-up list current for a later switch back.
                    var keep = 0
                    for j in 0..<unvisitedCount where dist[Int(unvisited[j])] < 0 { unvisited[keep] = unvisited[j]; keep += 1 }
                    unvisitedCount = keep
                }
            }
            if tail > levelEnd { level = dn }
            levelStart = levelEnd
            frontierEdges = nextEdges
            unexploredEdges -= nextEdges
        }
        ecc[slot] = level
    }
}

/// Read-only graph pointers for the bit-parallel sweeps.
private struct BatchGraph: @unchecked Sendable {
    let start: UnsafePointer<Int32>
    let neighbours: UnsafePointer<Int32>
    let members: UnsafePointer<Int32>
    let memberCount: Int
}

/// Bit set of the sources of one sweep (256 sources).
private typealias Lanes = SIMD4<UInt64>

/// Number of sources per bit-parallel sweep.
private let sweepWidth = 256

/// Per-thread scratch of a bit-parallel multi-source breadth-first sweep.
private struct BatchWorker {
    var visit: [Lanes]
    var frontier: [Lanes]
    var next: [Lanes]
    var lastLevel: [Int32]
    var pending: [Int32]
    var saturated: [Int32]
    var ecc: [Int32]

    init(n: Int, size: Int) {
        visit = [Lanes](repeating: .zero, count: n)
        frontier = [Lanes](repeating: .zero, count: n)
        next = [Lanes](repeating: .zero, count: n)
        lastLevel = [Int32](repeating: 0, count: n)
        pending = [Int32](repeating: 0, count: size)
        saturated = [Int32](repeating: 0, count: size)
        ecc = [Int32](repeating: 0, count: sweepWidth)
    }

    mutating func withPointers<R>(_ body: (BatchPointers) -> R) -> R {
        visit.withUnsafeMutableBufferPointer { vi in
        frontier.withUnsafeMutableBufferPointer { fr in
        next.withUnsafeMutableBufferPointer { nx in
        lastLevel.withUnsafeMutableBufferPointer { ll in
        pending.withUnsafeMutableBufferPointer { pe in
        saturated.withUnsafeMutableBufferPointer { sa in
        ecc.withUnsafeMutableBufferPointer { ec in
            body(BatchPointers(visit: vi.baseAddress!, frontier: fr.baseAddress!, next: nx.baseAddress!,
                                        lastLevel: ll.baseAddress!, pending: pe.baseAddress!,
                                        saturated: sa.baseAddress!, ecc: ec.baseAddress!))
        }}}}}}}
    }
}

private struct BatchPointers: @unchecked Sendable {
    let visit: UnsafeMutablePointer<Lanes>
    let frontier: UnsafeMutablePointer<Lanes>
    let next: UnsafeMutablePointer<Lanes>
    let lastLevel: UnsafeMutablePointer<Int32>
    let pending: UnsafeMutablePointer<Int32>
    let saturated: UnsafeMutablePointer<Int32>
    let ecc: UnsafeMutablePointer<Int32>

    /// Runs breadth-first searches from up to 256 sources at once over the component: bit `i` of
    /// `visit[v]` says source `i` has reached `v`. Writes each source's eccentricity to `ecc` and,
    /// for every component node, the largest distance from any source to `lastLevel`.
    func sweep(_ g: BatchGraph, sources: [Int32]) {
        let k = sources.count
        var full = Lanes.zero
        for i in 0..<k { full[i >> 6] |= 1 << UInt64(i & 63) }
        for j in 0..<g.memberCount {
            let v = Int(g.members[j])
            visit[v] = .zero; frontier[v] = .zero; lastLevel[v] = 0
        }
        for i in 0..<k { ecc[i] = 0 }
        for (i, s) in sources.enumerated() {
            visit[Int(s)][i >> 6] |= 1 << UInt64(i & 63)
            frontier[Int(s)][i >> 6] |= 1 << UInt64(i & 63)
        }
        // Nodes still missing some source, and nodes that became saturated last level (their
        // frontier is read once more, then cleared).
        var pendingCount = 0, saturatedCount = 0
        for j in 0..<g.memberCount {
            let v = g.members[j]
            if visit[Int(v)] == full { saturated[saturatedCount] = v; saturatedCount += 1 }
            else { pending[pendingCount] = v; pendingCount += 1 }
        }
        var level: Int32 = 0
        while pendingCount > 0 {
            level += 1
            var any = Lanes.zero
            for j in 0..<pendingCount {
                let v = Int(pending[j])
                var acc = Lanes.zero
                for e in Int(g.start[v])..<Int(g.start[v + 1]) { acc |= frontier[Int(g.neighbours[e])] }
                let fresh = acc & ~visit[v]
                next[v] = fresh
                any |= fresh
            }
            if any == .zero { break }
            for lane in 0..<4 {
                var bits = any[lane]
                while bits != 0 {
                    ecc[lane << 6 | bits.trailingZeroBitCount] = level
                    bits &= bits - 1
                }
            }
            for j in 0..<saturatedCount { frontier[Int(saturated[j])] = .zero }
            saturatedCount = 0
            var keep = 0
            for j in 0..<pendingCount {
                let v32 = pending[j]
                let v = Int(v32)
                let fresh = next[v]
                frontier[v] = fresh
                if fresh != .zero {
                    lastLevel[v] = level
                    let seen = visit[v] | fresh
                    visit[v] = seen
                    if seen == full { saturated[saturatedCount] = v32; saturatedCount += 1; continue }
                }
                pending[keep] = v32; keep += 1
            }
            pendingCount = keep
        }
    }
}
