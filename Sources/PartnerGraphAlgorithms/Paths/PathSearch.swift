import PartnerGraph

/// Constraints and traversal rules for cooperation paths.
public struct PathOptions: Sendable, Equatable {
    /// Whether hops follow edge direction. Off by default: cooperation runs both ways, so
    /// every edge can be walked either way. On, a directed relation is walked only from its
    /// `from` to its `to` (symmetric relations still both ways).
    public var followDirection: Bool
    /// Nodes every path must pass through (in any order).
    public var via: [NodeID]
    /// Nodes no path may pass through.
    public var avoid: [NodeID]
    /// The most hops a path may have.
    public var maxHops: Int?
    /// Kinds the intermediaries (every node but the two ends) must have; nil allows all.
    public var throughKinds: Set<String>?
    /// How many candidate paths a constrained search (`via`, or `maxHops` on a weighted view)
    /// examines before giving up with `PathError.searchLimitReached`; also the most paths
    /// `allShortestPaths` returns.
    public var searchLimit: Int

    public init(followDirection: Bool = false, via: [NodeID] = [], avoid: [NodeID] = [], maxHops: Int? = nil,
                throughKinds: Set<String>? = nil, searchLimit: Int = 10_000) {
        self.followDirection = followDirection
        self.via = via
        self.avoid = avoid
        self.maxHops = maxHops
        self.throughKinds = throughKinds
        self.searchLimit = searchLimit
    }
}

/// Finds cooperation paths in a network seen through a view: one shortest path, all shortest
/// paths, the k shortest simple paths (Yen), the strongest chain (widest path), each under
/// the constraints of `PathOptions`; also ego networks and reachability (`EgoNetwork.swift`).
///
/// Lengths: every hop counts 1 on an unweighted view; on a weighted view a hop's length is
/// 1/weight when weights are strengths and the weight when they are distances (the view
/// says which). Parallel edges: a hop uses the shortest (strongest) of them, ties to the
/// first in the file. Ties between equally short paths go to the path whose node sequence
/// comes first in network order, so answers are stable across runs.
///
/// Every method throws only `PathError`.
public struct PathFinder: Sendable {
    public let network: Network
    public let view: View
    public let viewed: ViewedNetwork
    public let options: PathOptions
    let graph: PathGraph
    let position: [NodeID: Int]
    let viaPositions: [Int]
    let avoidPositions: Set<Int>

    /// Prepares the search.
    /// - Throws: `ViewError` when the view does not fit the network; `PathError.unknownNode`
    ///   for a `via` or `avoid` id that is not in the network; `PathError.invalidConstraint`
    ///   for a negative hop limit, an unknown kind, a node both required and avoided, or a
    ///   required node of a kind that `throughKinds` rules out.
    /// - Complexity: O(V + E log E).
    public init(network: Network, view: View = .all, options: PathOptions = PathOptions()) throws {
        self.network = network
        self.view = view
        self.options = options
        viewed = try network.viewed(through: view)
        graph = PathGraph(viewed, network: network, weightIsDistance: view.weightIsDistance, followDirection: options.followDirection)
        var position: [NodeID: Int] = [:]
        for (p, id) in viewed.nodeIDs.enumerated() { position[id] = p }
        self.position = position
        if let m = options.maxHops, m < 0 {
            throw PathError.invalidConstraint("the hop limit must be 0 or more, not \(m)")
        }
        if let kinds = options.throughKinds {
            for k in kinds.sorted() where network.kind(k) == nil {
                var m = "unknown kind '\(k)'"
                if let g = closestMatch(to: k, among: network.knownKinds.map(\.id)) { m += "; did you mean '\(g)'?" }
                throw PathError.invalidConstraint(m + " (known: " + network.knownKinds.map(\.id).joined(separator: ", ") + ")")
            }
        }
        for id in options.via + options.avoid where network.node(id) == nil {
            throw PathFinder.unknown(id, in: network)
        }
        for id in options.via where options.avoid.contains(id) {
            throw PathError.invalidConstraint("'\(id)' cannot be both required and avoided")
        }
        if let kinds = options.throughKinds {
            for id in options.via {
                let kind = network.node(id)!.kind.id
                if !kinds.contains(kind) {
                    throw PathError.invalidConstraint("'\(id)' is of kind \(kind), which the allowed intermediary kinds (\(kinds.sorted().joined(separator: ", "))) rule out")
                }
            }
        }
        var vias: [Int] = []
        for id in options.via { if let p = position[id], !vias.contains(p) { vias.append(p) } }
        viaPositions = vias
        avoidPositions = Set(options.avoid.compactMap { position[$0] })
    }

    /// The error for an id that is not in the network, with the closest names.
    static func unknown(_ id: NodeID, in network: Network) -> PathError {
        do {
            // A name rather than an id: suggest the node it names.
            let found = try network.lookupNode(id.rawValue)
            return .unknownNode(query: id.rawValue, suggestions: [NodeMatch(id: found, name: network.node(found)!.displayName)])
        } catch {
            switch error {
            case let .unknown(_, s): return .unknownNode(query: id.rawValue, suggestions: s)
            case let .ambiguous(_, c): return .unknownNode(query: id.rawValue, suggestions: c)
            }
        }
    }

    /// The node a person means: by id, label or original name, case and diacritics ignored
    /// (see `Network.lookupNode(_:)`).
    /// - Throws: `PathError.unknownNode` (with the closest names) or `.ambiguousNode`.
    public func resolve(_ query: String) throws -> NodeID {
        do { return try network.lookupNode(query) } catch { throw PathError(error) }
    }

    /// Whether the path's weights come from the view (false: every hop counts 1).
    public var isWeighted: Bool { graph.isWeighted }

    /// Whether hops follow edge direction (the option is on and the view has directed edges).
    public var followsDirection: Bool { graph.isDirected }

    // MARK: - The four modes

    /// One shortest path: fewest hops, or least length on a weighted view; among equals, the
    /// one whose node sequence comes first in network order.
    /// - Reference: NetworkX `nx.shortest_path` gives a path of the same length.
    /// - Complexity: O((V + E) log V) without constraints; with `via` or a hop limit on a
    ///   weighted view, see `PathOptions.searchLimit`.
    public func shortestPath(from: NodeID, to: NodeID) throws -> Path {
        let q = try prepare(from, to)
        if q.s == q.t { return makePath(q.s, []) }
        if let arcs = try firstConstrained(q, rules: q.rules) { return makePath(q.s, arcs) }
        throw noPath(q)
    }

    /// Every shortest path, in order of their node sequences (network order).
    /// - Reference: equals the set of `nx.all_shortest_paths(G, from, to, weight)` (lengths
    ///   summed from the source; equal lengths found with `==`, as NetworkX does).
    /// - Throws: `.searchLimitReached` when there are more than `options.searchLimit` paths.
    public func allShortestPaths(from: NodeID, to: NodeID) throws -> [Path] {
        let q = try prepare(from, to)
        if q.s == q.t { return [makePath(q.s, [])] }
        let hopMetric = !graph.isWeighted
        if viaPositions.isEmpty && (options.maxHops == nil || hopMetric) {
            let tree = graph.shortestPathTree(from: q.s, stoppingAt: q.t, rules: q.rules)
            let all = try graph.allShortestPaths(tree, from: q.s, to: q.t, limit: options.searchLimit)
            guard let first = all.first else { throw noPath(q) }
            if let m = options.maxHops, first.count > m { throw PathError.noPath(from: from, to: to, reason: .tooManyHops(fewest: first.count, limit: m)) }
            return all.map { makePath(q.s, $0) }
        }
        let found = try streamSearch(q, rules: q.rules, count: nil, sameLengthOnly: true)
        if found.isEmpty { throw noPath(q) }
        return found.map { makePath(q.s, $0) }
    }

    /// The `count` shortest simple paths (no node twice), shortest first, by Yen's algorithm;
    /// fewer when fewer exist. Paths of equal length come in a stable order.
    /// - Reference: J. Y. Yen, "Finding the k shortest loopless paths in a network",
    ///   Management Science 17(11):712–716 (1971), doi:10.1287/mnsc.17.11.712. The lengths
    ///   equal the first `count` of `nx.shortest_simple_paths(G, from, to, weight)`, in order.
    /// - Complexity: O(count · V · (V + E) log V) without constraints.
    public func shortestSimplePaths(from: NodeID, to: NodeID, count: Int) throws -> [Path] {
        guard count >= 1 else { throw PathError.invalidConstraint("the number of paths must be 1 or more, not \(count)") }
        let q = try prepare(from, to)
        if q.s == q.t { return [makePath(q.s, [])] }
        let found: [[Int]]
        if viaPositions.isEmpty && options.maxHops == nil {
            var stream = SimplePathStream(graph: graph, from: q.s, to: q.t, rules: q.rules)
            var out: [[Int]] = []
            while out.count < count, let p = stream.next() { out.append(p) }
            found = out
        } else {
            found = try streamSearch(q, rules: q.rules, count: count, sameLengthOnly: false)
        }
        if found.isEmpty { throw noPath(q) }
        return found.map { makePath(q.s, $0) }
    }

    // MARK: - Query preparation

    struct Query {
        var from: NodeID
        var to: NodeID
        var s: Int
        var t: Int
        var rules: SearchRules
    }

    func prepare(_ from: NodeID, _ to: NodeID) throws -> Query {
        for id in [from, to] where network.node(id) == nil { throw PathFinder.unknown(id, in: network) }
        for id in [from, to] where options.avoid.contains(id) {
            throw PathError.invalidConstraint("'\(id)' is an end of the path and cannot be avoided")
        }
        for id in [from, to] where options.via.contains(id) {
            throw PathError.invalidConstraint("'\(id)' is an end of the path; a node to pass through must lie between the ends")
        }
        for id in [from, to] + options.via where position[id] == nil {
            throw PathError.noPath(from: from, to: to, reason: .outsideView(id))
        }
        let s = position[from]!, t = position[to]!
        var rules = SearchRules()
        if !avoidPositions.isEmpty || options.throughKinds != nil {
            var allowed = [Bool](repeating: true, count: graph.nodeCount)
            for p in avoidPositions { allowed[p] = false }
            if let kinds = options.throughKinds {
                for p in 0..<graph.nodeCount where p != s && p != t {
                    if !kinds.contains(network.nodes[viewed.networkIndices[p]].kind.id) { allowed[p] = false }
                }
            }
            rules.nodeAllowed = allowed
        }
        return Query(from: from, to: to, s: s, t: t, rules: rules)
    }

    func makePath(_ s: Int, _ arcs: [Int]) -> Path {
        let ids = viewed.nodeIDs
        var nodes = [ids[s]]
        var edges: [PathEdge] = []
        for k in arcs {
            let u = Int(graph.source[k]), v = Int(graph.target[k])
            nodes.append(ids[v])
            edges.append(PathEdge(from: ids[u], to: ids[v], edgeIndex: graph.edgeIndex[k],
                                  traversed: graph.forward[k] ? .forward : .backward,
                                  weight: graph.weight[k], length: graph.length[k], strength: graph.strength[k]))
        }
        return Path(nodes: nodes, edges: edges)
    }

    // MARK: - Constrained search

    func length(_ arcs: [Int], _ rules: SearchRules) -> Double {
        arcs.reduce(0) { $0 + rules.cost($1, in: graph) }
    }

    func meetsConstraints(_ arcs: [Int]) -> Bool {
        if let m = options.maxHops, arcs.count > m { return false }
        if viaPositions.isEmpty { return true }
        var on = Set<Int>()
        for k in arcs { on.insert(Int(graph.target[k])) }
        return viaPositions.allSatisfy { on.contains($0) }
    }

    /// The first path (in the order of `shortestPath`) that meets every constraint under
    /// `rules`; nil when none exists.
    func firstConstrained(_ q: Query, rules: SearchRules) throws -> [Int]? {
        let hopMetric = rules.hopsCostOne(in: graph)
        var search = PathSearchWorkspace(nodeCount: graph.nodeCount)
        if viaPositions.isEmpty {
            guard let arcs = search.firstShortestPath(in: graph, from: q.s, to: q.t, rules: rules) else { return nil }
            guard let m = options.maxHops, arcs.count > m else { return arcs }
            if hopMetric { return nil }
            let table = graph.hopBoundedTable(from: q.s, maxHops: m, rules: rules)
            if !(table.best[q.t] < .infinity) { return nil }
            if let bounded = table.path(to: q.t, in: graph) { return bounded }
            return try streamSearch(q, rules: rules, count: 1, sameLengthOnly: false).first
        }
        if viaPositions.count == 1 {
            // Shortest s → x avoiding t, then shortest x → t avoiding s. Their lengths bound
            // every simple path through x from below; when the two join into a simple path,
            // it is a shortest one.
            let x = viaPositions[0]
            var r1 = rules
            var allowed1 = rules.nodeAllowed ?? [Bool](repeating: true, count: graph.nodeCount)
            allowed1[q.t] = false
            r1.nodeAllowed = allowed1
            guard let seg1 = search.firstShortestPath(in: graph, from: q.s, to: x, rules: r1) else { return nil }
            var r2 = rules
            var allowed2 = rules.nodeAllowed ?? [Bool](repeating: true, count: graph.nodeCount)
            allowed2[q.s] = false
            r2.nodeAllowed = allowed2
            guard let seg2 = search.firstShortestPath(in: graph, from: x, to: q.t, rules: r2) else { return nil }
            let joined = seg1 + seg2
            var seen: Set<Int> = [q.s]
            let simple = joined.allSatisfy { seen.insert(Int(graph.target[$0])).inserted }
            if simple && (options.maxHops == nil || joined.count <= options.maxHops!) { return joined }
            if hopMetric, let m = options.maxHops, joined.count > m { return nil }
        }
        return try streamSearch(q, rules: rules, count: 1, sameLengthOnly: false).first
    }

    /// Simple paths in order of length (Yen) that meet the constraints: the first `count`, or
    /// (`sameLengthOnly`) all that are as short as the first. Stops early once paths exceed
    /// the hop limit under a hop metric.
    /// - Throws: `.searchLimitReached` when `options.searchLimit` candidate paths did not settle it.
    func streamSearch(_ q: Query, rules: SearchRules, count: Int?, sameLengthOnly: Bool) throws -> [[Int]] {
        let hopMetric = rules.hopsCostOne(in: graph)
        var stream = SimplePathStream(graph: graph, from: q.s, to: q.t, rules: rules)
        var out: [[Int]] = []
        var firstLength: Double?
        var examined = 0
        while let arcs = stream.next() {
            examined += 1
            if hopMetric, let m = options.maxHops, arcs.count > m { return out }
            if let f = firstLength, sameLengthOnly {
                let l = length(arcs, rules)
                if l > f && !(abs(l - f) <= 1e-12 * max(1, abs(f))) { return out }
            }
            if meetsConstraints(arcs) {
                if firstLength == nil { firstLength = length(arcs, rules) }
                out.append(arcs)
                if let count, out.count >= count { return out }
            }
            if examined >= options.searchLimit { throw PathError.searchLimitReached(examined: examined) }
        }
        return out
    }

    // MARK: - Why no path

    func noPath(_ q: Query) -> PathError {
        .noPath(from: q.from, to: q.to, reason: diagnose(q))
    }

    /// The most telling reason the search found nothing, tried from the widest cause inwards.
    func diagnose(_ q: Query) -> NoPathReason {
        // 1. The whole network, direction ignored.
        var sets = UnionFind(count: network.nodes.count)
        for e in network.edges {
            if let a = network.index(of: e.from), let b = network.index(of: e.to) { sets.union(a, b) }
        }
        if sets.find(network.index(of: q.from)!) != sets.find(network.index(of: q.to)!) { return .differentComponents }
        // 2. The view, direction ignored.
        var reached = [Bool](repeating: false, count: graph.nodeCount)
        var adjacency = [[Int]](repeating: [], count: graph.nodeCount)
        for arc in viewed.arcs { adjacency[arc.source].append(arc.target); adjacency[arc.target].append(arc.source) }
        reached[q.s] = true
        var stack = [q.s]
        while let v = stack.popLast() {
            for u in adjacency[v] where !reached[u] { reached[u] = true; stack.append(u) }
        }
        if !reached[q.t] { return .viewSeparates }
        // 3. Direction.
        if graph.isDirected && !graph.shortestPathTree(from: q.s, stoppingAt: q.t, rules: SearchRules()).reached(q.t) {
            return .direction
        }
        // 4. Avoided nodes and intermediary kinds.
        var hopRules = q.rules
        hopRules.countHops = true
        let tree = graph.shortestPathTree(from: q.s, stoppingAt: q.t, rules: hopRules)
        if !tree.reached(q.t) { return .nodeConstraints }
        // 5. The hop limit, then the nodes to pass through.
        if viaPositions.isEmpty, let m = options.maxHops {
            return .tooManyHops(fewest: Int(tree.distance[q.t]), limit: m)
        }
        return .via(viaPositions.map { viewed.nodeIDs[$0] })
    }
}
