import PartnerGraph

/// A node's neighbourhood: every node within a distance of it, and the ties among them.
public struct EgoNetwork: Sendable, Equatable {
    /// A node of the ego network.
    public struct Member: Sendable, Equatable {
        public var node: NodeID
        /// Distance from the centre: hops on an unweighted view, length on a weighted one.
        public var distance: Double
        /// The ties that bring this member in: every edge from a nearer member that lies on a
        /// shortest path from the centre (parallel edges included), walked towards this member.
        /// Empty for the centre.
        public var ties: [PathEdge]
    }

    public var center: NodeID
    public var radius: Double
    /// The members, nearest first, then in network order; the centre comes first.
    public var members: [Member]
    /// Indices in `Network.edges` of every edge of the view whose two ends are members
    /// (`ego_graph` takes the induced subgraph), in file order.
    public var edgeIndices: [Int]

    /// The ego network as a network of its own: the members and the edges among them, with
    /// every attribute and source, and the original's sources, kinds and relations.
    public func subnetwork(of network: Network) -> Network {
        var out = Network(
            name: "\(network.name ?? "network"): ego network of \(network.node(center)?.displayName ?? center.rawValue), radius \(radius == radius.rounded() && abs(radius) < 1e15 ? String(Int(radius)) : formatNumber(radius))",
            description: network.description, sources: network.sources,
            declaredKinds: network.declaredKinds, declaredRelations: network.declaredRelations)
        let keep = Set(members.map(\.node))
        for (i, n) in network.nodes.enumerated() where keep.contains(n.id) && network.index(of: n.id) == i {
            out.addNode(n)
        }
        for e in edgeIndices { out.addEdge(network.edges[e]) }
        return out
    }
}

/// A node reachable from a starting node.
public struct ReachedNode: Sendable, Equatable {
    public var node: NodeID
    /// Hops on an unweighted view, length on a weighted one.
    public var distance: Double
    /// Hops of the path reported (the fewest among shortest paths without a hop limit).
    public var hops: Int
    /// The first hop of a shortest path: its first node is the start's direct contact that
    /// leads there (the lowest in network order among those on a shortest path).
    public var firstHop: PathEdge
}

extension PathFinder {
    /// The ego network of `center`: every node at distance at most `radius` (hops, or length
    /// on a weighted view), walking edges both ways unless the options follow direction.
    /// The `via`, `avoid`, `maxHops` and `throughKinds` options are not used.
    /// - Reference: members equal `nx.ego_graph(G, center, radius, distance=...)` on the
    ///   view's graph (undirected, or directed with successors when following direction).
    /// - Complexity: O((V + E) log V).
    public func egoNetwork(of center: NodeID, radius: Double) throws -> EgoNetwork {
        guard radius >= 0, !radius.isNaN else { throw PathError.invalidConstraint("the radius must be 0 or more, not \(formatNumber(radius))") }
        guard network.node(center) != nil else { throw PathFinder.unknown(center, in: network) }
        guard let c = position[center] else { throw PathError.noPath(from: center, to: center, reason: .outsideView(center)) }
        let tree = graph.shortestPathTree(from: c, rules: SearchRules(), cutoff: radius)
        let order = (0..<graph.nodeCount).filter { tree.reached($0) }.sorted {
            (tree.distance[$0], $0 == c ? 0 : 1, $0) < (tree.distance[$1], $1 == c ? 0 : 1, $1)
        }
        var members: [EgoNetwork.Member] = []
        for v in order {
            var ties: [PathEdge] = []
            if v != c {
                for k in tree.predecessorArcs[v] {
                    let u = Int(graph.source[Int(k)])
                    for p in graph.parallel[Int(k)] where tree.distance[u] + p.length == tree.distance[v] {
                        ties.append(PathEdge(from: viewed.nodeIDs[u], to: viewed.nodeIDs[v], edgeIndex: p.edgeIndex,
                                             traversed: p.forward ? .forward : .backward, weight: p.weight,
                                             length: p.length, strength: p.strength))
                    }
                }
                ties.sort { ($0.edgeIndex, $0.from) < ($1.edgeIndex, $1.from) }
            }
            members.append(.init(node: viewed.nodeIDs[v], distance: tree.distance[v], ties: ties))
        }
        var inside = [Bool](repeating: false, count: graph.nodeCount)
        for v in order { inside[v] = true }
        let edges = Set(viewed.arcs.filter { inside[$0.source] && inside[$0.target] }.map(\.edgeIndex)).sorted()
        return EgoNetwork(center: center, radius: radius, members: members, edgeIndices: edges)
    }

    /// Everyone `start` can reach, nearest first (then in network order), each with its
    /// distance and the first hop of a shortest path: the "who can introduce us" list. With
    /// `maxHops`, only paths of at most that many hops count (on a weighted view the distance
    /// is then the shortest length over such paths).
    /// The `via`, `avoid`, `maxHops` and `throughKinds` options are not used.
    /// - Complexity: O((V + E) log V); O(maxHops · (V + E)) with a hop limit on a weighted view.
    public func reach(from start: NodeID, maxHops: Int? = nil) throws -> [ReachedNode] {
        if let m = maxHops, m < 0 { throw PathError.invalidConstraint("the hop limit must be 0 or more, not \(m)") }
        guard network.node(start) != nil else { throw PathFinder.unknown(start, in: network) }
        guard let s = position[start] else { throw PathError.noPath(from: start, to: start, reason: .outsideView(start)) }
        var result: [(Double, Int, ReachedNode)] = []
        func edge(_ k: Int) -> PathEdge {
            makePath(Int(graph.source[k]), [k]).edges[0]
        }
        if let m = maxHops, graph.isWeighted {
            let table = graph.hopBoundedTable(from: s, maxHops: m, rules: SearchRules())
            for v in 0..<graph.nodeCount where v != s && table.best[v] < .infinity {
                guard let arcs = table.path(to: v, in: graph), let first = arcs.first else { continue }
                result.append((table.best[v], v, ReachedNode(node: viewed.nodeIDs[v], distance: table.best[v], hops: arcs.count, firstHop: edge(first))))
            }
        } else {
            let cutoff = maxHops.map(Double.init)
            let tree = graph.shortestPathTree(from: s, rules: SearchRules(), cutoff: cutoff)
            let order = (0..<graph.nodeCount).filter { tree.reached($0) }.sorted { (tree.distance[$0], $0) < (tree.distance[$1], $1) }
            // In order of distance, every predecessor is settled first: the lowest first hop
            // over all shortest paths, and the fewest hops, follow from the predecessors.
            var firstArc = [Int](repeating: -1, count: graph.nodeCount)
            var hops = [Int](repeating: 0, count: graph.nodeCount)
            for v in order where v != s {
                var best = -1, fewest = Int.max
                for k in tree.predecessorArcs[v] {
                    let u = Int(graph.source[Int(k)])
                    let candidate = u == s ? Int(k) : firstArc[u]
                    if best < 0 || graph.target[candidate] < graph.target[best] { best = candidate }
                    fewest = min(fewest, (u == s ? 0 : hops[u]) + 1)
                }
                firstArc[v] = best
                hops[v] = fewest
                result.append((tree.distance[v], v, ReachedNode(node: viewed.nodeIDs[v], distance: tree.distance[v], hops: fewest, firstHop: edge(best))))
            }
        }
        return result.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }
}
