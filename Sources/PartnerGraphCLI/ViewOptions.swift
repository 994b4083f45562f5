import ArgumentParser
import Foundation
import PartnerGraph

/// The view every analysis runs on: which relations, kinds and dates, direction, and weight.
struct ViewOptions: ParsableArguments {
    @Option(help: "Only these relations (comma-separated ids; default: all).")
    var relations: String?

    @Option(help: "Only nodes of these kinds, and the edges between them (comma-separated; default: all).")
    var kinds: String?

    @Option(help: "Only edges valid at this date (YYYY, YYYY-MM or YYYY-MM-DD); edges without dates always count.")
    var at: String?

    @Option(help: "Only edges valid at some time from this date (with --until).")
    var from: String?

    @Option(help: "Only edges valid at some time up to this date (with --from).")
    var until: String?

    @Flag(help: "Treat every edge as symmetric.")
    var undirected = false

    @Option(help: """
        Read edge weights from this attribute ('weight' is the edge's own weight). Default: every \
        edge counts 1 (path --strongest: the edges' own weights, when they have any). Parallel \
        edges between the same pair merge into one: strengths add; distances keep the minimum.
        """)
    var weight: String?

    @Option(help: """
        What a weight means: 'strength' (a stronger tie; a path's length is the sum of 1/weight) \
        or 'distance' (a path's length is the sum of weights; strength is 1/weight).
        """)
    var weightAs: WeightMeaningArgument = .strength

    enum WeightMeaningArgument: String, ExpressibleByArgument, CaseIterable { case strength, distance }

    /// Builds the view. Direction is the file's own (a CSV edge table read with --directed has
    /// directed relations, as a native file may), or symmetric with --undirected.
    func view() throws -> View {
        var view = View()
        func list(_ s: String?) -> Set<String>? {
            s.map { Set($0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }) }
        }
        view.relations = list(relations)
        view.kinds = list(kinds)
        if view.relations?.isEmpty == true { throw UsageError("--relations is empty: name at least one relation") }
        if view.kinds?.isEmpty == true { throw UsageError("--kinds is empty: name at least one kind") }
        func date(_ s: String, _ option: String) throws -> PartialDate {
            guard let d = PartialDate(s) else { throw UsageError("\(option) '\(s)' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)") }
            return d
        }
        if let at {
            if from != nil || until != nil { throw UsageError("--at excludes --from and --until") }
            view.restrict(at: try date(at, "--at"))
        }
        if let from { view.fromDay = try date(from, "--from").firstDay }
        if let until { view.untilDay = try date(until, "--until").lastDay }
        if let f = view.fromDay, let u = view.untilDay, f > u { throw UsageError("--from \(from!) is after --until \(until!)") }
        view.direction = undirected ? .undirected : .asDeclared
        view.weightAttribute = weight
        view.weightIsDistance = weightAs == .distance
        return view
    }
}
