import Foundation

/// Structural equivalence and CONCOR blockmodels (S. Wasserman, K. Faust, Social Network
/// Analysis, 1994, ch. 9 and 10): how alike two actors' ties are, and blocks of actors with
/// alike ties. Ties are read unweighted (a tie is there or not).
///
/// An actor's profile is its row of the adjacency matrix (ties sent) and, when directed, its
/// column (ties received). Two actors are compared over the other actors k ≠ i, j only (their
/// ties to each other and the diagonal are left out, as Wasserman and Faust's eq. 9.2 does).
public struct StructuralEquivalence: Sendable {
    public let nodeCount: Int
    public let directed: Bool
    /// Row-major adjacency: 1 when i sends a tie to j (both ways when undirected).
    private let adjacency: [UInt8]
    private let graph: CompactGraph

    public init(_ g: CompactGraph) {
        graph = g
        nodeCount = g.nodeCount
        directed = g.isDirected
        var a = [UInt8](repeating: 0, count: g.nodeCount * g.nodeCount)
        for u in 0..<g.nodeCount {
            for k in g.outRange(u) {
                let v = Int(g.outNeighbours[k])
                a[u * g.nodeCount + v] = 1
                if !g.isDirected { a[v * g.nodeCount + u] = 1 }
            }
        }
        adjacency = a
    }

    @inline(__always) private func x(_ i: Int, _ j: Int) -> Double { Double(adjacency[i * nodeCount + j]) }

    /// The two profiles of i and j over k ≠ i, j: out-ties, then in-ties when directed.
    private func profiles(_ i: Int, _ j: Int) -> ([Double], [Double]) {
        var a: [Double] = [], b: [Double] = []
        for k in 0..<nodeCount where k != i && k != j {
            a.append(x(i, k)); b.append(x(j, k))
            if directed { a.append(x(k, i)); b.append(x(k, j)) }
        }
        return (a, b)
    }

    /// Euclidean distance between the profiles of i and j (Wasserman & Faust eq. 9.2):
    /// `sqrt(Σ_{k ≠ i,j} (x_ik − x_jk)² + (x_ki − x_kj)²)`, the second term only when directed.
    public func euclidean(_ i: Int, _ j: Int) -> Double {
        if i == j { return 0 }
        let (a, b) = profiles(i, j)
        return zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    }

    /// Pearson correlation between the profiles of i and j (Wasserman & Faust eq. 9.3, over
    /// k ≠ i, j); nil when a profile does not vary (all ties or none); 1 for i = j.
    public func correlation(_ i: Int, _ j: Int) -> Double? {
        if i == j { return 1 }
        let (a, b) = profiles(i, j)
        return pearson(a, b)
    }

    /// The matrix of `euclidean` (or of `correlation`, undefined as 0) for every pair.
    public func matrix(correlation useCorrelation: Bool) -> [[Double]] {
        (0..<nodeCount).map { i in (0..<nodeCount).map { j in useCorrelation ? (correlation(i, j) ?? 0) : euclidean(i, j) } }
    }

    // MARK: CONCOR

    /// CONCOR (R. L. Breiger, S. A. Boorman, P. Arabie, J. Math. Psych. 12, 1975): the matrix of
    /// profile correlations is correlated again and again (each entry the Pearson correlation of
    /// two columns, over all rows) until every entry is within 1e-6 of ±1, or 100 rounds; the
    /// actors correlated positively with the first actor of the set form one block, the others
    /// the second. Each block is split again, down to `depth` levels (up to 2^depth blocks);
    /// a set of one actor, or one that does not split, stays whole. Blocks come out in the order
    /// of their first actor.
    public func concor(depth: Int) throws -> [[Int]] {
        guard depth >= 1 else { throw AlgorithmError.invalidParameter(name: "depth", reason: "must be at least 1, got \(depth)") }
        let base = matrix(correlation: true)
        var blocks = [Array(0..<nodeCount)]
        for _ in 0..<depth {
            var next: [[Int]] = []
            for b in blocks {
                let (first, second) = split(b, base)
                next.append(first)
                if !second.isEmpty { next.append(second) }
            }
            blocks = next
        }
        return blocks.sorted { $0[0] < $1[0] }
    }

    private func split(_ members: [Int], _ base: [[Double]]) -> ([Int], [Int]) {
        let m = members.count
        guard m >= 2 else { return (members, []) }
        var c = members.map { i in members.map { j in base[i][j] } }
        for _ in 0..<100 {
            if c.allSatisfy({ $0.allSatisfy { abs(abs($0) - 1) <= 1e-6 } }) { break }
            let columns = (0..<m).map { j in c.map { $0[j] } }
            var next = c
            for i in 0..<m {
                for j in 0..<m { next[i][j] = i == j ? 1 : (pearson(columns[i], columns[j]) ?? 0) }
            }
            c = next
        }
        var first: [Int] = [], second: [Int] = []
        for (k, i) in members.enumerated() {
            if k == 0 || c[0][k] > 0 { first.append(i) } else { second.append(i) }
        }
        return (first, second)
    }

    /// The blockmodel image: the density of ties from each block to each other (within a
    /// block: over its ordered pairs of distinct actors when directed, unordered when not).
    public func image(_ blocks: [[Int]]) -> [[Double?]] {
        // The blocks as groups (actors in no block a group of their own, left out); valid
        // groups, so GroupMixing cannot throw.
        var group = [Int](repeating: blocks.count, count: nodeCount)
        for (b, members) in blocks.enumerated() { for i in members { group[i] = b } }
        let mixing = try! GroupMixing(graph, groups: group, groupCount: blocks.count + 1)
        return blocks.indices.map { a in blocks.indices.map { b in mixing.density(a, b) } }
    }

    /// The network's density over pairs of distinct actors (the image's usual cut-off, UCINET's
    /// α): one group holding every actor.
    public var density: Double {
        (try! GroupMixing(graph, groups: [Int](repeating: 0, count: nodeCount), groupCount: 1)).density(0, 0) ?? 0
    }
}
