import Foundation
import PartnerGraphKernels

/// How an observed figure compares with the same figure on networks drawn from a null model.
public struct NullComparison: Sendable, Equatable {
    /// The figure on the network itself.
    public let observed: Double
    /// Number of null networks on which the figure was defined.
    public let samples: Int
    /// Mean of the figure over the null networks.
    public let mean: Double
    /// Standard deviation (population) over the null networks.
    public let standardDeviation: Double
    /// Share of null values at least the observed one (UCINET's "p ≥").
    public let pGreater: Double
    /// Share of null values at most the observed one (UCINET's "p ≤").
    public let pLess: Double
    /// Share of null values at least as far from the null mean as the observed one, either way.
    public let pTwoSided: Double
    /// Share of null values whose absolute value is at least the observed one's (R's
    /// `sna::netlm` `pgreqabs`, for statistics centred on 0 such as t-values).
    public let pAbsolute: Double

    /// `(observed − mean) / standardDeviation`; nil when the null values do not vary.
    public var z: Double? {
        // A spread at rounding level (a figure the null model keeps fixed) is no spread.
        standardDeviation > 1e-12 * max(1, abs(mean)) ? (observed - mean) / standardDeviation : nil
    }

    /// Summarises null values against an observed one (nil values, where the figure was
    /// undefined on a null network, are left out, as are non-finite ones). Values within 1e-12 of
    /// the observed one count as equal to it. Nil when no null value is defined or the observed
    /// value is not finite.
    public init?(observed: Double, null values: [Double?]) {
        let defined = values.compactMap { $0 }.filter(\.isFinite)
        // An undefined observed figure (a t-value of a perfect fit, say) has no p-value.
        if defined.isEmpty || !observed.isFinite { return nil }
        let n = Double(defined.count)
        let mean = defined.reduce(0, +) / n
        let variance = defined.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let tie = 1e-12
        self.observed = observed
        self.samples = defined.count
        self.mean = mean
        self.standardDeviation = variance.squareRoot()
        self.pGreater = Double(defined.filter { $0 >= observed - tie }.count) / n
        self.pLess = Double(defined.filter { $0 <= observed + tie }.count) / n
        self.pTwoSided = Double(defined.filter { abs($0 - mean) >= abs(observed - mean) - tie }.count) / n
        self.pAbsolute = Double(defined.filter { abs($0) >= abs(observed) - tie }.count) / n
    }
}

/// The permutation test of group mixing: E-I and assortativity against random assignments of
/// the same group labels to the nodes.
///
/// The null model keeps the network and the group sizes and shuffles which node is in which
/// group (each assignment equally likely: a Fisher–Yates shuffle of the labels), the test UCINET
/// reports for E-I. Permutation `i` draws from `SeededGenerator(seed: seed, stream: i)`, so the
/// result depends on the seed alone, never on the number of threads. Progress goes to
/// `AlgorithmProgress.current` (permutations done of `permutations`).
///
/// - Parameters:
///   - g: the graph.
///   - groups: the group of each node, in `0..<groupCount`.
///   - groupCount: the number of groups.
///   - permutations: number of random assignments (at least 1).
///   - seed: the seed.
///   - maxThreads: threads to use (0 = every active core).
/// - Returns: the comparison for the network's E-I and for assortativity; nil for a figure
///   undefined on the network itself or on every permutation.
/// - Complexity: O(permutations × (V + E + k²)).
/// - Reference: D. Krackhardt, R. N. Stern (1988); S. P. Borgatti, M. G. Everett, L. C. Freeman,
///   UCINET for Windows (Analytic Technologies, 2002), "E-I index".
public func groupPermutationTest(_ g: CompactGraph, groups: [Int], groupCount: Int, permutations: Int,
                                 seed: UInt64, maxThreads: Int = 0) throws -> (ei: NullComparison?, assortativity: NullComparison?) {
    guard permutations >= 1 else {
        throw AlgorithmError.invalidParameter(name: "permutations", reason: "must be at least 1, got \(permutations)")
    }
    let observed = try GroupMixing(g, groups: groups, groupCount: groupCount)
    let values = parallelMap(permutations, maxThreads: maxThreads, work: g.nodeCount + g.outNeighbours.count,
                             finished: AlgorithmProgress.reporter(of: permutations)) { i -> (Double?, Double?) in
        var rng = SeededGenerator(seed: seed, stream: UInt64(i))
        var labels = groups
        labels.seededShuffle(using: &rng)
        // The labels are a permutation of valid groups: this cannot throw.
        let m = try! GroupMixing(g, groups: labels, groupCount: groupCount)
        return (m.ei, m.assortativity)
    }
    let eiValues = values.map { $0?.0 ?? nil }, rValues = values.map { $0?.1 ?? nil }
    let ei = observed.ei.flatMap { NullComparison(observed: $0, null: eiValues) }
    let r = observed.assortativity.flatMap { NullComparison(observed: $0, null: rValues) }
    return (ei, r)
}
