// Gould–Fernandez brokerage roles.

/// Per-node counts of the five Gould–Fernandez brokerage roles
/// (see `brokerageRoles(_:groups:)`). All arrays are indexed by node.
public struct BrokerageResult: Sendable, Equatable {
    /// Coordinator (`w_I`): source, broker and target all in one group.
    public let coordinator: [Int]
    /// Itinerant broker, also called consultant (`w_O`): source and target in one group, the
    /// broker in another.
    public let itinerant: [Int]
    /// Representative: broker in the source's group, target in another group.
    public let representative: [Int]
    /// Gatekeeper: broker in the target's group, source in another group.
    public let gatekeeper: [Int]
    /// Liaison (`b_O`): source, broker and target in three different groups.
    public let liaison: [Int]
    /// Sum of the five roles: the number of open two-paths the node brokers.
    public let total: [Int]

    public init(coordinator: [Int], itinerant: [Int], representative: [Int], gatekeeper: [Int], liaison: [Int], total: [Int]) {
        self.coordinator = coordinator
        self.itinerant = itinerant
        self.representative = representative
        self.gatekeeper = gatekeeper
        self.liaison = liaison
        self.total = total
    }
}

/// Gould–Fernandez brokerage roles: how often each node mediates between others, by group.
///
/// Definition: node `b` brokers every ordered pair `(a, c)` with `a → b`, `b → c`, `a`, `b`, `c`
/// distinct and no direct tie `a → c` (an open two-path; Gould & Fernandez 1989 count only
/// these, as do `sna::brokerage` in R and UCINET). Each such path is classified by the groups
/// `g(a)`, `g(b)`, `g(c)`: coordinator (all equal), itinerant/consultant (`g(a) = g(c) ≠ g(b)`),
/// representative (`g(a) = g(b) ≠ g(c)`), gatekeeper (`g(b) = g(c) ≠ g(a)`), liaison (all
/// different). On an undirected graph each edge is two arcs, so every open path `a – b – c` is
/// counted in both directions (coordinator and itinerant counts are even, and a path counted as
/// representative one way is a gatekeeper path the other way), as `sna::brokerage` does for
/// symmetric networks. Self-loops and weights are ignored. There is no NetworkX equivalent.
///
/// - Parameters:
///   - g: the graph.
///   - groups: the group label of every node (any integers), `groups.count == g.nodeCount`.
/// - Returns: per-node counts of the five roles and their total.
/// - Throws: `AlgorithmError.invalidParameter` when `groups.count != g.nodeCount`.
/// - Complexity: O(V + Σ_v outdeg(v)² + Σ_v indeg(v)·outdeg(v)) time (each in-neighbour `a` of a
///   broker marks its own out-row once, then the broker's out-row is scanned), O(V) extra memory.
///
/// Reference: R. V. Gould, R. M. Fernandez, "Structures of mediation: A formal approach to
/// brokerage in transaction networks", Sociological Methodology 19 (1989) 89–126,
/// doi:10.2307/270949.
public func brokerageRoles(_ g: CompactGraph, groups: [Int]) throws -> BrokerageResult {
    let n = g.nodeCount
    guard groups.count == n else {
        throw AlgorithmError.invalidParameter(
            name: "groups", reason: "needs one group per node (\(n)), got \(groups.count)")
    }
    var coordinator = [Int](repeating: 0, count: n)
    var itinerant = [Int](repeating: 0, count: n)
    var representative = [Int](repeating: 0, count: n)
    var gatekeeper = [Int](repeating: 0, count: n)
    var liaison = [Int](repeating: 0, count: n)
    // mark[c] == stamp ⇔ a → c for the current source a.
    var mark = [Int](repeating: -1, count: n)
    var stamp = 0
    g.outStart.withUnsafeBufferPointer { oStart in
        g.outNeighbours.withUnsafeBufferPointer { oNbr in
            g.inStart.withUnsafeBufferPointer { iStart in
                g.inNeighbours.withUnsafeBufferPointer { iNbr in
                    groups.withUnsafeBufferPointer { grp in
                        mark.withUnsafeMutableBufferPointer { mark in
                            for b in 0..<n {
                                let gb = grp[b]
                                var counts = (0, 0, 0, 0, 0)
                                for ka in Int(iStart[b])..<Int(iStart[b + 1]) {
                                    let a = Int(iNbr[ka])
                                    if a == b { continue }
                                    stamp += 1
                                    for kc in Int(oStart[a])..<Int(oStart[a + 1]) { mark[Int(oNbr[kc])] = stamp }
                                    let ga = grp[a]
                                    for kc in Int(oStart[b])..<Int(oStart[b + 1]) {
                                        let c = Int(oNbr[kc])
                                        if c == b || c == a || mark[c] == stamp { continue }
                                        let gc = grp[c]
                                        if ga == gb {
                                            if gb == gc { counts.0 += 1 } else { counts.2 += 1 }
                                        } else if gb == gc {
                                            counts.3 += 1
                                        } else if ga == gc {
                                            counts.1 += 1
                                        } else {
                                            counts.4 += 1
                                        }
                                    }
                                }
                                coordinator[b] = counts.0
                                itinerant[b] = counts.1
                                representative[b] = counts.2
                                gatekeeper[b] = counts.3
                                liaison[b] = counts.4
                            }
                        }
                    }
                }
            }
        }
    }
    var total = [Int](repeating: 0, count: n)
    for v in 0..<n {
        total[v] = coordinator[v] + itinerant[v] + representative[v] + gatekeeper[v] + liaison[v]
    }
    return BrokerageResult(
        coordinator: coordinator, itinerant: itinerant, representative: representative,
        gatekeeper: gatekeeper, liaison: liaison, total: total)
}
