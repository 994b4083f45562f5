// Community detection for the benchmark: every `CommunityAlgorithm` (louvain, leiden,
// label-propagation) by its CLI name, timed with its modularity.
//
// Kept apart from main.swift so that a tree without the communities module builds the
// benchmark with this file replaced by:
//     let communityMeasureNames: [String] = []
//     func communityMeasure(_ name: String) -> ((CompactGraph, UInt64) throws -> Outcome)? { nil }
// and run.py then reports Louvain/Leiden as "not in this build".

import PartnerGraphAlgorithms

let communityMeasureNames = CommunityAlgorithm.allCases.map(\.rawValue)

/// The community algorithm called `name`, as a timed step: the partition (community of each
/// node) as values, with its modularity and number of communities.
func communityMeasure(_ name: String) -> ((CompactGraph, UInt64) throws -> Outcome)? {
    guard let algorithm = CommunityAlgorithm(rawValue: name) else { return nil }
    return { g, seed in
        let p = try algorithm.detect(on: g, resolution: 1, seed: seed, weighted: g.isWeighted)
        return Outcome(values: p.community.map(Double.init),
                       extra: ["modularity": p.modularity, "communities": p.sizes.count])
    }
}
