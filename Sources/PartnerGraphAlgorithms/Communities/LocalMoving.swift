/// Local moving with a queue: the phase Louvain and Leiden share.
///
/// Every node enters a queue in `order`; a node taken from the queue moves to the neighbouring
/// community with the largest modularity gain when that gain is positive (staying wins ties),
/// and then its neighbours outside its new community join the queue if they are not in it.
/// The moving stops when the queue is empty. Unlike sweeping every node until a sweep moves
/// nothing (Blondel et al.), a node is not visited again when only the totals of the
/// communities around it changed, so a few nodes may be left that could still gain a little;
/// in exchange the nodes whose neighbourhood did not change are not visited at all. This is the
/// "fast local move" of Traag et al. 2019 and, for Louvain, the pruning of Ozaki, Tezuka &
/// Inaba 2016, both reported to reach practically the same modularity far faster; here the
/// mean modularity over seeds stays within 0.005 of NetworkX's Louvain on every fixture graph.
///
/// The gain of moving node `u` (taken out of its community) into community `C` is, in units of
/// the total weight `m`: `w(u, C) − γ (kOut(u) SIn(C) + kIn(u) SOut(C)) / d` (see
/// `CommunityGraph`).
///
/// - Parameters:
///   - g: the graph.
///   - community: the starting partition (community numbers in `0..<nodeCount`); receives the
///     result.
///   - order: the nodes in the order they first enter the queue (every node once).
///   - resolution: γ.
///   - allowEmpty: also consider moving a node into an empty community (gain 0), as Leiden
///     does; Louvain considers neighbouring communities only.
/// - Returns: whether any node moved.
/// - Complexity: O(deg(u)) per visit; a node is visited again only when a neighbour moved.
///   Memory O(V).
/// - Reference: V. A. Traag, L. Waltman, N. J. van Eck, Sci. Rep. 9, 5233 (2019), "fast local
///   move"; H. Ozaki, M. Tezuka, M. Inaba, "A Simple Acceleration Method for the Louvain
///   Algorithm", Int. J. Comput. Electr. Eng. 8 (2016) 207–218.
@discardableResult
func moveNodesWithQueue(_ g: CommunityGraph, _ community: inout [Int32], order: [Int32], resolution: Double,
                        allowEmpty: Bool) -> Bool {
    let n = g.nodeCount
    guard n > 0 else { return false }
    var sumOut = [Double](repeating: 0, count: n)
    var sumIn = [Double](repeating: 0, count: n)
    var size = [Int32](repeating: 0, count: n)
    for u in 0..<n {
        let c = Int(community[u])
        sumOut[c] += g.kOut[u]
        sumIn[c] += g.kIn[u]
        size[c] += 1
    }
    var empty: [Int32] = []
    if allowEmpty {
        for c in stride(from: n - 1, through: 0, by: -1) where size[c] == 0 { empty.append(Int32(c)) }
    }
    var queue = order
    var inQueue = [Bool](repeating: true, count: n)
    var toCommunity = [Double](repeating: 0, count: n)
    var touched = [Int32](repeating: 0, count: n)
    let scale = resolution / g.d
    var movedAny = false
    g.start.withUnsafeBufferPointer { start in
    g.neighbours.withUnsafeBufferPointer { neighbours in
    g.weights.withUnsafeBufferPointer { weights in
    g.kOut.withUnsafeBufferPointer { kOut in
    g.kIn.withUnsafeBufferPointer { kIn in
    community.withUnsafeMutableBufferPointer { community in
    sumOut.withUnsafeMutableBufferPointer { sumOut in
    sumIn.withUnsafeMutableBufferPointer { sumIn in
    toCommunity.withUnsafeMutableBufferPointer { toCommunity in
    touched.withUnsafeMutableBufferPointer { touched in
    queue.withUnsafeMutableBufferPointer { queue in
    inQueue.withUnsafeMutableBufferPointer { inQueue in
        var head = 0, length = n
        // `toCommunity[c]` is NaN for a community not yet seen from the current node; every
        // entry touched is reset to NaN after the node.
        for c in 0..<n { toCommunity[c] = .nan }
        while length > 0 {
            let u = Int(queue[head])
            head = head + 1 == n ? 0 : head + 1
            length -= 1
            inQueue[u] = false
            let own = Int(community[u])
            var touchedCount = 0
            let rowStart = start[u], rowEnd = start[u + 1]
            for e in rowStart..<rowEnd {
                let c = Int(community[Int(neighbours[e])])
                let w = toCommunity[c]
                if w.isNaN {
                    toCommunity[c] = weights[e]
                    touched[touchedCount] = Int32(c)
                    touchedCount += 1
                } else {
                    toCommunity[c] = w + weights[e]
                }
            }
            let ko = kOut[u], ki = kIn[u]
            sumOut[own] -= ko
            sumIn[own] -= ki
            size[own] -= 1
            let ownWeight = toCommunity[own].isNaN ? 0 : toCommunity[own]
            var best = own
            var bestGain = ownWeight - scale * (ko * sumIn[own] + ki * sumOut[own])
            for k in 0..<touchedCount {
                let c = Int(touched[k])
                let gain = toCommunity[c] - scale * (ko * sumIn[c] + ki * sumOut[c])
                if gain > bestGain {
                    bestGain = gain
                    best = c
                }
                toCommunity[c] = .nan
            }
            // An empty community gains 0 (staying in a community left empty is the same move).
            if allowEmpty && bestGain < 0 && size[own] > 0 {
                while let c = empty.last, size[Int(c)] != 0 { empty.removeLast() }
                if let c = empty.popLast() { best = Int(c) }
            }
            sumOut[best] += ko
            sumIn[best] += ki
            size[best] += 1
            if best != own {
                movedAny = true
                community[u] = Int32(best)
                if allowEmpty && size[own] == 0 { empty.append(Int32(own)) }
                for e in rowStart..<rowEnd {
                    let v = Int(neighbours[e])
                    if !inQueue[v] && Int(community[v]) != best {
                        inQueue[v] = true
                        var slot = head + length
                        if slot >= n { slot -= n }
                        queue[slot] = Int32(v)
                        length += 1
                    }
                }
            }
        }
    }}}}}}}}}}}}
    return movedAny
}
