/// The node measures, by the names the CLI and the fixtures use.
///
/// `compute(on:options:)` is the one entry point that dispatches to each measure's function;
/// each function documents its definition, complexity and the NetworkX function it equals.
public enum Measure: String, Sendable, CaseIterable {
    case degree
    case inDegree = "in-degree"
    case outDegree = "out-degree"
    case strength
    case closeness
    case harmonic
    case betweenness
    case eigenvector
    case pagerank
    case katz
    case hubs
    case authorities
    case constraint
    case effectiveSize = "effective-size"
    case clustering
    case coreNumber = "core-number"

    /// The NetworkX function the measure equals.
    public var networkXReference: String {
        switch self {
        case .degree: return "degree_centrality"
        case .inDegree: return "in_degree_centrality"
        case .outDegree: return "out_degree_centrality"
        case .strength: return "G.degree(weight=...)"
        case .closeness: return "closeness_centrality (wf_improved=True)"
        case .harmonic: return "harmonic_centrality"
        case .betweenness: return "betweenness_centrality"
        case .eigenvector: return "eigenvector_centrality"
        case .pagerank: return "pagerank"
        case .katz: return "katz_centrality"
        case .hubs, .authorities: return "hits"
        case .constraint: return "constraint"
        case .effectiveSize: return "effective_size"
        case .clustering: return "clustering"
        case .coreNumber: return "core_number"
        }
    }

    /// Whether the measure only means something with weights (strength is the weighted degree;
    /// without weights it equals the degree, as NetworkX's `G.degree(weight=None)`).
    public var needsWeights: Bool { self == .strength }

    /// Whether the measure reads weights as lengths (path-based) rather than strengths.
    public var usesLengths: Bool { [.closeness, .harmonic, .betweenness].contains(self) }

    /// Computes the measure for every node.
    /// - Parameters:
    ///   - graph: the analysis graph; its weights (if any) are used.
    ///   - options: parameters; each measure reads the ones it has.
    /// - Returns: one value per node, in node order.
    /// - Throws: `AlgorithmError` for non-convergence or bad parameters.
    public func compute(on graph: CompactGraph, options: MeasureOptions = MeasureOptions()) throws -> [Double] {
        let weighted = graph.isWeighted
        switch self {
        case .degree: return degreeCentrality(graph)
        case .inDegree: return inDegreeCentrality(graph)
        case .outDegree: return outDegreeCentrality(graph)
        case .strength: return PartnerGraphAlgorithms.strength(graph)
        case .closeness:
            return closenessCentrality(graph, weighted: weighted, wfImproved: options.wfImproved, maxThreads: options.maxThreads)
        case .harmonic:
            return harmonicCentrality(graph, weighted: weighted, maxThreads: options.maxThreads)
        case .betweenness:
            if let epsilon = options.epsilon {
                let r = try approximateBetweenness(graph, epsilon: epsilon, delta: options.delta, seed: options.seed, weighted: weighted, maxThreads: options.maxThreads)
                return r.values
            }
            if let samples = options.samples {
                return try sampledBetweenness(graph, weighted: weighted, samples: samples, seed: options.seed,
                                              normalized: options.normalized, maxThreads: options.maxThreads)
            }
            return try betweennessCentrality(graph, weighted: weighted, normalized: options.normalized,
                                             endpoints: options.endpoints, maxThreads: options.maxThreads)
        case .eigenvector:
            return try eigenvectorCentrality(graph, weighted: weighted, maxIterations: options.maxIterations, tolerance: options.tolerance, maxThreads: options.maxThreads)
        case .pagerank:
            var personalization: [Double]?
            if let p = options.personalization {
                var v = [Double](repeating: 0, count: graph.nodeCount)
                for i in p { v[i] = 1 }
                personalization = v
            }
            return try pageRank(graph, alpha: options.alpha ?? 0.85, personalization: personalization, weighted: weighted,
                                maxIterations: options.maxIterations, tolerance: options.tolerance)
        case .katz:
            return try katzCentrality(graph, alpha: options.alpha ?? 0.1, beta: options.beta, weighted: weighted,
                                      normalized: options.normalized, maxIterations: options.maxIterations, tolerance: options.tolerance,
                                      maxThreads: options.maxThreads)
        case .hubs, .authorities:
            let r = try hits(graph, weighted: weighted, maxIterations: options.maxIterations, tolerance: options.tolerance,
                             normalized: options.normalized)
            return self == .hubs ? r.hubs : r.authorities
        case .constraint: return PartnerGraphAlgorithms.constraint(graph, weighted: weighted)
        case .effectiveSize: return PartnerGraphAlgorithms.effectiveSize(graph, weighted: weighted)
        case .clustering: return PartnerGraphAlgorithms.clustering(graph, weighted: weighted)
        case .coreNumber: return try PartnerGraphAlgorithms.coreNumber(graph).map(Double.init)
        }
    }
}

/// Parameters of the measures; each measure reads the ones it has.
public struct MeasureOptions: Sendable, Equatable {
    /// Betweenness, edge betweenness, Katz, HITS: normalise as NetworkX does (default true).
    public var normalized = true
    /// Betweenness: count the endpoints of each path.
    public var endpoints = false
    /// Closeness: Wasserman–Faust scaling for disconnected graphs (NetworkX's `wf_improved`).
    public var wfImproved = true
    /// PageRank damping (default 0.85) or Katz attenuation (default 0.1).
    public var alpha: Double?
    /// Katz: the weight every node gets.
    public var beta = 1.0
    /// PageRank: node positions that receive the teleport (uniformly); nil is every node.
    public var personalization: [Int]?
    /// Iterative measures: stop when the L1 change per node falls below this (NetworkX's `tol`).
    public var tolerance = 1e-12
    public var maxIterations = 10_000
    /// Betweenness: exact Brandes from this many sampled sources (NetworkX's `k`).
    public var samples: Int?
    /// Betweenness: the Riondato–Kornaropoulos error bound ε (with `delta`).
    public var epsilon: Double?
    public var delta = 0.1
    /// Seed for sampling.
    public var seed: UInt64 = 0
    /// Threads for per-source algorithms and for eigenvector and Katz centrality's steps
    /// (0: every core).
    public var maxThreads = 0

    public init() {}
}
