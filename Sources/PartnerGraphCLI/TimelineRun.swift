import Foundation
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

/// A network's time slices with what `timeline` says of each: the network figures, a node
/// measure's values and ranks, and what changed since the slice before. `timeline` prints them
/// and the report's time slider shows them; both compute them here, so that the page says what
/// the command prints.
struct TimelineRun {
    /// A network figure of a slice.
    enum Figure: String, CaseIterable {
        case nodes, ties, density, components, largestComponent = "largest-component", clustering, diameter, modularity

        var title: String {
            switch self {
            case .nodes: return "Active actors"
            case .ties: return "Ties"
            case .density: return "Density"
            case .components: return "Components"
            case .largestComponent: return "Largest component"
            case .clustering: return "Average clustering"
            case .diameter: return "Diameter of the largest component"
            case .modularity: return "Modularity (Leiden)"
            }
        }
        /// Whether the figure counts something (written without a fraction).
        var counts: Bool { [.nodes, .ties, .components, .largestComponent, .diameter].contains(self) }
        /// The figure's key in JSON (the timeline's and the report's page data).
        var jsonKey: String {
            switch self {
            case .largestComponent: return "largestComponent"
            case .clustering: return "averageClustering"
            default: return rawValue
            }
        }
    }

    /// One slice's numbers.
    struct Slice {
        var sliced: SlicedNetwork
        /// The figures asked for, in their order; nil where a figure is not defined.
        var figures: [Double?]
        /// What changed since the slice before; nil for the first.
        var changes: SliceChanges?
        /// With a measure: each active actor's value, rank and change of rank, by position in
        /// `sliced.viewed`.
        var values: [Double] = []
        var ranks: [Int] = []
        var rankChanges: [Int?] = []
    }

    /// The view every slice is seen through.
    var view: View
    /// How many ties of the whole view have no dates (they count in every slice), and how
    /// many ties it has.
    var undatedTies: Int
    var ties: Int
    var slices: [Slice] = []

    /// The view slices are seen through, made from a command's view: its time window (from
    /// --from/--until) removed, since the slices replace it, and returned as the range to
    /// slice; its direction fixed to the whole view's, so that every slice keeps it (a slice
    /// whose directed ties all ended would otherwise turn undirected).
    /// - Throws: `ViewError` when the view does not fit the network.
    static func sliceView(_ view: View, of network: Network) throws -> (view: View, fromDay: Int?, untilDay: Int?) {
        var v = view
        let from = v.fromDay, until = v.untilDay
        v.fromDay = nil
        v.untilDay = nil
        if v.direction == .asDeclared { v.direction = try network.viewed(through: v).isDirected ? .directed : .undirected }
        return (v, from, until)
    }

    /// One slice per date of a `--dates` list (comma-separated, YYYY, YYYY-MM or YYYY-MM-DD, in
    /// increasing order), as `timeline` and `convert --timeline-measure` take it.
    /// - Throws: `UsageError` naming --dates.
    static func slices(dates: String) throws -> [TimeSlice] {
        let parts = splitList([dates])
        guard !parts.isEmpty else { throw UsageError("--dates is empty: give at least one date") }
        let parsed = try parts.map { s -> PartialDate in
            guard let d = PartialDate(s) else { throw UsageError("--dates: '\(s)' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)") }
            return d
        }
        do { return try Timeline.slices(at: parsed) } catch let e as TimelineError { throw UsageError("--dates: " + e.message) }
    }

    /// Whole calendar periods of `step` over `fromDay…untilDay`, either end defaulting to the
    /// span of the network's dates (over nodes and the ties of `relations`); nil when an end
    /// is missing and nothing is dated.
    /// - Throws: `TimelineError` when the range is empty or makes too many slices.
    static func periods(every step: TimeStep, of network: Network, relations: Set<String>?, fromDay: Int?, untilDay: Int?) throws -> [TimeSlice]? {
        let span = network.dateSpan(relations: relations)
        guard let first = fromDay ?? span?.firstDay, let last = untilDay ?? span?.lastDay else { return nil }
        return try Timeline.periods(every: step, fromDay: first, untilDay: last)
    }

    /// Computes every slice through `view` (as `sliceView` makes it): its network (`Network.sliced`),
    /// the `figures` of its graph, with `measure` the actors' values (options: `seed`), ranks
    /// and changes of rank, and the changes since the slice before. Reports one unit of
    /// progress per slice to `AlgorithmProgress.current`.
    init(network: Network, view: View, slices: [TimeSlice], figures: [Figure], measure: Measure?, seed: UInt64) throws {
        self.view = view
        let whole = try network.viewed(through: view)
        var undated = Set<Int>()
        for a in whole.arcs where network.edges[a.edgeIndex].since == nil && network.edges[a.edgeIndex].until == nil { undated.insert(a.edgeIndex) }
        undatedTies = undated.count
        ties = Set(whole.arcs.map(\.edgeIndex)).count

        var options = MeasureOptions()
        options.seed = seed
        var results: [Slice] = []
        let reporter = AlgorithmProgress.current
        try AlgorithmProgress.outer(total: slices.count) {
            for slice in slices {
                let sliced = try network.sliced(slice, through: view)
                let g = CompactGraph(sliced.viewed, weightIsDistance: view.weightIsDistance)
                var r = Slice(sliced: sliced, figures: try Self.figures(figures, of: g, seed: seed))
                if let previous = results.last { r.changes = SliceChanges(from: previous.sliced, to: sliced) }
                if let measure {
                    r.values = try measure.compute(on: g, options: options)
                    r.ranks = Self.ranks(r.values)
                    if let previous = results.last {
                        var before: [Int: Int] = [:]
                        for (p, i) in previous.sliced.viewed.networkIndices.enumerated() { before[i] = previous.ranks[p] }
                        r.rankChanges = sliced.viewed.networkIndices.enumerated().map { p, i in before[i].map { $0 - r.ranks[p] } }
                    } else {
                        r.rankChanges = Array(repeating: nil, count: r.values.count)
                    }
                }
                results.append(r)
                reporter?.advance(1, of: slices.count)
            }
        }
        self.slices = results
    }

    // MARK: Figures

    /// The `chosen` figures of a graph, each equal to NetworkX's (the timeline fixtures check):
    /// density needs two actors, modularity (Leiden's partition, `seed`) a tie.
    static func figures(_ chosen: [Figure], of g: CompactGraph, seed: UInt64) throws -> [Double?] {
        let summary = structureSummary(g)
        var modularity: Double?
        if chosen.contains(.modularity), g.edgeCount > 0 {
            let m = try CommunityAlgorithm.leiden.detect(on: g, resolution: 1, seed: seed, weighted: true).modularity
            modularity = m.isNaN ? nil : m
        }
        return chosen.map { f in
            switch f {
            case .nodes: return Double(summary.nodes)
            case .ties: return Double(summary.edges)
            case .density: return g.nodeCount > 1 ? summary.density : nil
            case .components: return Double(summary.components)
            case .largestComponent: return Double(summary.largestComponent)
            case .clustering: return summary.averageClustering
            case .diameter: return summary.diameter.map(Double.init)
            case .modularity: return modularity
            }
        }
    }

    /// Competition ranks, highest value first (1, 2, 2, 4); NaN last. Values within 1e-12 of
    /// the one ranked just before share its rank: the same value reached by two orders of
    /// summation differs in its last bits.
    static func ranks(_ values: [Double]) -> [Int] {
        let key = values.map { $0.isNaN ? -Double.infinity : $0 }
        let order = key.indices.sorted { (key[$0], $1) > (key[$1], $0) }
        var ranks = [Int](repeating: 0, count: values.count)
        for (k, i) in order.enumerated() {
            let tied = k > 0 && (key[order[k - 1]] == key[i] || abs(key[order[k - 1]] - key[i]) <= 1e-12)
            ranks[i] = tied ? ranks[order[k - 1]] : k + 1
        }
        return ranks
    }

    /// Positions of the top `count` actors of a slice, by rank then network order (all when nil).
    static func topPositions(_ r: Slice, _ count: Int?) -> [Int] {
        let order = r.ranks.indices.sorted { (r.ranks[$0], $0) < (r.ranks[$1], $1) }
        return count.map { Array(order.prefix($0)) } ?? order
    }

    // MARK: Words and pictures

    /// Each change in words: `+ tie: ` or `− tie: ` and the tie's sentence as `path` writes it
    /// (with its dates and sources), then `+ actor: ` or `− actor: ` and the actor's name, dates
    /// and sources; ties that appeared, ties that ended, actors that joined, actors that left.
    static func eventLines(_ changes: SliceChanges, network: Network) -> [String] {
        func tie(_ i: Int) -> String {
            let e = network.edges[i]
            return PathExplanation.sentence(PathEdge(from: e.from, to: e.to, edgeIndex: i, traversed: .forward, weight: nil, length: 1, strength: 1), in: network)
        }
        func actor(_ i: Int) -> String {
            let n = network.nodes[i]
            var s = n.displayName
            if let dates = PathExplanation.datePhrase(since: n.since, until: n.until) { s += " (\(dates))" }
            if !n.sources.isEmpty { s += (n.sources.count == 1 ? ". Source: " : ". Sources: ") + n.sources.joined(separator: ", ") }
            return s
        }
        return changes.tiesAppeared.map { "+ tie: " + tie($0) } + changes.tiesEnded.map { "− tie: " + tie($0) }
            + changes.nodesJoined.map { "+ actor: " + actor($0) } + changes.nodesLeft.map { "− actor: " + actor($0) }
    }

    /// The line chart of `timeline --chart`: one panel per figure (`figures`, the order of
    /// each slice's `figures`), or with `measure` one panel of the values of the actors who
    /// reach the `top` most often (at most `LineChart.seriesLimit`). `name` titles it.
    func chart(figures: [Figure], measure: Measure?, top: Int?, network: Network, name: String) -> LineChart {
        let labels = slices.map(\.sliced.slice.label)
        guard let measure else {
            let panels = figures.enumerated().map { k, f in
                LineChart.Panel(title: f.title, series: [.init(name: f.title, values: slices.map { $0.figures[k] })], counts: f.counts)
            }
            return LineChart(title: "\(name): the network over time", slices: labels, panels: panels, columns: 2)
        }
        // The actors who reach the top most often (then by best rank, then network order), at most the palette's size.
        let count = min(top ?? LineChart.seriesLimit, LineChart.seriesLimit)
        var score: [Int: (times: Int, best: Int)] = [:]
        for r in slices {
            for p in Self.topPositions(r, count) {
                let i = r.sliced.viewed.networkIndices[p]
                let s = score[i] ?? (0, Int.max)
                score[i] = (s.times + 1, min(s.best, r.ranks[p]))
            }
        }
        let chosen = score.keys.sorted { (-score[$0]!.times, score[$0]!.best, $0) < (-score[$1]!.times, score[$1]!.best, $1) }.prefix(count)
        let series = chosen.map { i -> LineChart.Series in
            .init(name: network.nodes[i].displayName, values: slices.map { r in
                r.sliced.viewed.networkIndices.firstIndex(of: i).map { r.values[$0] }
            })
        }
        return LineChart(title: "\(name): \(measure.rawValue) of the leading actors over time", slices: labels,
                         panels: [.init(title: measure.rawValue, series: Array(series))], columns: 1)
    }
}
