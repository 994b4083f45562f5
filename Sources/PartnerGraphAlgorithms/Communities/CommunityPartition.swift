import PartnerGraph

/// A partition of a graph's nodes into communities: the result of every community algorithm.
///
/// Communities are numbered `0..<count` by size, the largest first; communities of equal size
/// are ordered by their smallest member (node index, i.e. the order of the nodes in the
/// network). The numbering therefore depends only on the partition, not on the algorithm's
/// internal labels, and community 0 is always a largest one.
///
/// - Complexity: memory O(V).
public struct CommunityPartition: Sendable, Equatable {
    /// The community of each node, indexed by node.
    public let community: [Int]
    /// Number of nodes in each community, indexed by community (non-increasing).
    public let sizes: [Int]
    /// Modularity of the partition at `resolution`, with the weights the algorithm used
    /// (`modularity(_:community:resolution:weighted:)`); NaN when the graph has no edges.
    public let modularity: Double
    /// The resolution γ the modularity (and the algorithm) used.
    public let resolution: Double

    /// Number of communities.
    public var count: Int { sizes.count }

    /// Numbers the communities of `labels` canonically and computes the modularity.
    /// - Parameters:
    ///   - labels: any community label per node, each in `0..<g.nodeCount`.
    ///   - g: the graph the partition is of.
    ///   - resolution: γ for the modularity.
    ///   - weighted: whether the modularity reads the graph's strengths.
    /// - Complexity: O(V log V + E).
    public init(labels: [Int], of g: CompactGraph, resolution: Double = 1, weighted: Bool = true) {
        let n = g.nodeCount
        precondition(labels.count == n, "one label per node")
        // Size and smallest member of each label.
        var size = [Int](repeating: 0, count: n)
        var first = [Int](repeating: Int.max, count: n)
        for (u, l) in labels.enumerated() {
            precondition(l >= 0 && l < n, "labels must lie in 0..<nodeCount")
            size[l] += 1
            if first[l] == Int.max { first[l] = u }
        }
        var used = (0..<n).filter { size[$0] > 0 }
        used.sort { (size[$0], first[$1]) > (size[$1], first[$0]) }
        var number = [Int](repeating: -1, count: n)
        for (k, l) in used.enumerated() { number[l] = k }
        community = labels.map { number[$0] }
        sizes = used.map { size[$0] }
        self.resolution = resolution
        modularity = PartnerGraphAlgorithms.modularity(g, community: community, resolution: resolution, weighted: weighted)
    }

    /// The nodes of a community, in increasing index order.
    /// - Complexity: O(V).
    public func members(of c: Int) -> [Int] {
        community.indices.filter { community[$0] == c }
    }

    /// The members of every community, indexed by community, each in increasing node order.
    /// - Complexity: O(V).
    public var communities: [[Int]] {
        var out = sizes.map { s -> [Int] in
            var a: [Int] = []
            a.reserveCapacity(s)
            return a
        }
        for (u, c) in community.enumerated() { out[c].append(u) }
        return out
    }
}

/// The community detection algorithms, by the names the CLI uses.
public enum CommunityAlgorithm: String, Sendable, CaseIterable {
    case louvain
    case leiden
    case labelPropagation = "label-propagation"

    /// The closest NetworkX function (Leiden has none in NetworkX's default backend; its
    /// reference is the paper and leidenalg/igraph).
    public var networkXReference: String {
        switch self {
        case .louvain: return "community.louvain_communities"
        case .leiden: return "community.leiden_communities (Traag et al. 2019)"
        case .labelPropagation: return "community.asyn_lpa_communities"
        }
    }

    /// Whether the algorithm optimises modularity at a resolution (label propagation does not).
    public var usesResolution: Bool { self != .labelPropagation }

    /// Runs the algorithm.
    /// - Parameters:
    ///   - g: the graph (directed graphs use directed modularity; label propagation ignores
    ///     direction).
    ///   - resolution: γ (also the resolution of the reported modularity).
    ///   - seed: the seed of every random choice; the same seed gives the same partition.
    ///   - weighted: whether to read the graph's strengths.
    /// - Throws: `AlgorithmError.invalidParameter` for a resolution that is negative or not
    ///   finite; `AlgorithmError.unsupported` when label propagation does not settle.
    public func detect(on g: CompactGraph, resolution: Double = 1, seed: UInt64 = 0, weighted: Bool = true) throws -> CommunityPartition {
        switch self {
        case .louvain: return try louvainCommunities(g, resolution: resolution, seed: seed, weighted: weighted)
        case .leiden: return try leidenCommunities(g, resolution: resolution, seed: seed, weighted: weighted)
        case .labelPropagation:
            return try labelPropagationCommunities(g, seed: seed, weighted: weighted, resolution: resolution)
        }
    }
}

/// Throws unless γ is finite and ≥ 0.
func checkResolution(_ resolution: Double) throws {
    guard resolution.isFinite && resolution >= 0 else {
        throw AlgorithmError.invalidParameter(name: "resolution", reason: "must be a finite number ≥ 0, got \(formatNumber(resolution))")
    }
}
