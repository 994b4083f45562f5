import Foundation
import GraphvizRendering
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

extension Report {
    /// What the report's time slider shows: the view cut into whole calendar periods as
    /// `partnergraph timeline --every STEP` cuts it, and for each slice what the command
    /// computes (`TimelineRun`, the same code): its figures, the size measure of every active
    /// actor, and the ties and actors that came and went since the slice before, in the
    /// command's words. Made only when the network has dates and the view is not one date
    /// (`--at`).
    struct Time {
        /// The most slices the automatic step makes: about as many positions as a slider
        /// across the page tells apart, each a network in the page's data.
        static let stepLimit = 60

        /// The figures of every slice and of the whole view, in this order.
        static let figures = TimelineRun.Figure.allCases

        /// The period of a slice.
        var step: TimeStep
        /// Whether `--every` chose the step (else `Timeline.step`'s rule did).
        var chosen: Bool
        /// The shortest unit the dates are written to (`Network.finestDatePrecision`).
        var finest: TimeStep
        /// The slices and their numbers (figures in the order of `figures`; values of the
        /// size measure).
        var run: TimelineRun
        /// The figures of the whole view, as the slider's last position ("All dates") shows it.
        var whole: [Double?]
        /// Per slice, the size measure's value at each view position; nil for an actor not
        /// active in the slice (and for a value that is not a number).
        var values: [[Double?]]
        /// Per slice, its changes in the words of `timeline --events` (none for the first).
        var events: [[String]]
        /// The timeline chart of the figures (as `timeline --chart`, four panels a row) with a
        /// guide per slice, ready to inline (`ReportSVG.prepareChart`).
        var chart: String

        /// The time data of a report, or nil when there is nothing to slide through: the
        /// network has no dates (over its nodes and the view's relations), or the view is one
        /// date (`--at`; then `every` is refused). The range is the view's `--from`/`--until`,
        /// else the span of the dates; the step is `every`, else the unit the dates are written
        /// to, longer while it makes more than `stepLimit` slices (`Timeline.step`).
        /// - Throws: `UsageError` for `every` on a network without dates or with `--at`, or for
        ///   a range that makes too many slices.
        init?(_ analysis: AnalysisInput, options: ReportOptions, sizeMeasure: Measure, viewPosition: [Int], title: String) throws {
            let network = analysis.network
            let file = options.fileName ?? "the input"
            if options.viewDescription.at != nil {
                if options.every != nil {
                    throw UsageError("--every slices the view's dates for the time slider, and --at shows one date: give --from/--until for a range, or leave out --every")
                }
                return nil
            }
            let (view, fromDay, untilDay) = try TimelineRun.sliceView(analysis.view, of: network)
            guard let span = network.dateSpan(relations: view.relations), let finest = network.finestDatePrecision(relations: view.relations) else {
                if options.every != nil {
                    throw UsageError("--every: no tie or actor in \(file) has a date (since/until), so there is no time to slide through")
                }
                return nil
            }
            let first = fromDay ?? span.firstDay, last = untilDay ?? span.lastDay
            guard first <= last else { return nil }
            step = options.every ?? Timeline.step(finest: finest, fromDay: first, untilDay: last, limit: Self.stepLimit)
            chosen = options.every != nil
            self.finest = finest
            let slices: [TimeSlice]
            do {
                slices = try TimelineRun.periods(every: step, of: network, relations: view.relations, fromDay: first, untilDay: last) ?? []
            } catch let e as TimelineError {
                throw UsageError("--every \(step.rawValue): " + e.message)
            }
            run = try TimelineRun(network: network, view: view, slices: slices, figures: Self.figures, measure: sizeMeasure, seed: 0)
            whole = try TimelineRun.figures(Self.figures, of: analysis.graph, seed: 0)
            values = run.slices.map { r in
                var row = [Double?](repeating: nil, count: analysis.viewed.nodeIDs.count)
                for (p, i) in r.sliced.viewed.networkIndices.enumerated() where viewPosition[i] >= 0 {
                    row[viewPosition[i]] = r.values[p].isFinite ? r.values[p] : nil
                }
                return row
            }
            events = run.slices.map { r in r.changes.map { TimelineRun.eventLines($0, network: network) } ?? [] }
            var lineChart = run.chart(figures: Self.figures, measure: nil, top: nil, network: network, name: title)
            // Four panels a row: the page is wider than A4's column.
            lineChart.columns = min(4, lineChart.panels.count)
            lineChart.sliceGuides = true
            let rendered: [UInt8]
            do {
                rendered = try Graphviz.render(positionedDOT: lineChart.dot(), format: .svg)
            } catch let e as GraphvizError {
                throw FormatError("Graphviz: \(e.message)")
            }
            chart = ReportSVG.prepareChart(String(decoding: rendered, as: UTF8.self), title: lineChart.title)
        }
    }
}

extension ReportSVG {
    /// A chart's SVG made fit to live inside the page, as the diagram is: no XML prolog,
    /// DOCTYPE or comments; the root sized by the page (`id="pg-chart"`, labelled by `title`);
    /// no ids of Graphviz's (they would repeat the diagram's) and no tooltips (the chart's
    /// marks are named m1, m2, …).
    static func prepareChart(_ text: String, title: String) -> String {
        var svg = text
        if let start = svg.range(of: "<svg") { svg = String(svg[start.lowerBound...]) }
        svg = replace(#"<!--.*?-->\n?"#, in: svg, options: [.dotMatchesLineSeparators]) { _ in "" }
        svg = replace(#"^<svg width="([0-9.]+)pt" height="([0-9.]+)pt""#, in: svg) { groups in
            "<svg id=\"pg-chart\" role=\"img\" aria-label=\"\(ReportHTML.escape(title))\" data-width=\"\(groups[1])\" data-height=\"\(groups[2])\""
        }
        svg = replace(#" id="(?:graph|node|edge|clust|a_)[^"]*""#, in: svg) { _ in "" }
        svg = replace(#"<title>[^<]*</title>\n?"#, in: svg) { _ in "" }
        return svg.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
