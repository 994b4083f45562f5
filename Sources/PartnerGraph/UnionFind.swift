/// Disjoint sets over `0..<count`, joined by smallest element (each set's root is its smallest
/// member, so roots do not depend on the order of unions) with path halving.
///
/// - Complexity: `find` and `union` in amortised O(log n).
public struct UnionFind: Sendable {
    private var parent: [Int]

    public init(count: Int) { parent = Array(0..<count) }

    /// The smallest member of `x`'s set.
    public mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Joins the sets of `a` and `b`; returns whether they were apart.
    @discardableResult
    public mutating func union(_ a: Int, _ b: Int) -> Bool {
        let ra = find(a), rb = find(b)
        guard ra != rb else { return false }
        parent[max(ra, rb)] = min(ra, rb)
        return true
    }
}
