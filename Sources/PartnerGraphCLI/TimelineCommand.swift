import ArgumentParser
import Foundation
import GraphvizRendering
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "How the network changes over time: figures per slice, who rose and fell, ties and actors that came and went.",
        discussion: """
        Slices: --every year|quarter|month|day (default year) cuts the range into whole \
        calendar periods; --dates D1,D2,… gives one slice per date (2018 is the year, 2022-10 \
        the month). The range is --from/--until, else the span of the network's dates. \
        --window N makes each slice the last N periods (a sliding window); --cumulative makes \
        each run from the start of the range.

        A tie is in a slice when its since…until meets the slice (as --from/--until in every \
        command); ties without dates are in every slice, and the output says how many there \
        are. An actor is active in a slice when it has a tie there, or when its own \
        since/until meet the slice; the slice's network is the active actors and the ties. \
        The direction of the whole view is kept in every slice.

        Network figures per slice (--figures picks, in this order by default): nodes, ties, \
        density, components, largest-component, clustering (average clustering, undirected \
        views), diameter (of the largest component, ignoring direction), modularity (of \
        Leiden's partition, seed --seed). Each equals NetworkX's on the slice's graph.

        --measure M computes a node measure (any of `centrality --measure`) in every slice: \
        each actor's value and rank (1 = highest; equal values share the best rank) and its \
        change of rank since the previous slice (+2: up two places; new: not active before). \
        The table shows the --top actors (default 10) of each slice.

        Changes between consecutive slices: ties that appeared and ended, actors that joined \
        and left; --events lists each with its dates and sources.

        Output: table; CSV (tidy: slice, from, until, node, measure, value — network figures \
        have no node; with --measure, one row of value and one of rank per active actor); \
        JSON (every slice with its figures, changes and values). --chart OUT.svg|png|pdf \
        draws the network figures (one panel each) or, with --measure, the top actors' values \
        over time, rendered by Graphviz as diagrams are.
        Examples:
          partnergraph timeline Graphs/nordic-innovation-procurement.yaml
          partnergraph timeline Graphs/coleman-high-school.yaml --dates 1957,1958 --measure betweenness --events
          partnergraph timeline Graphs/nordic-innovation-procurement.yaml --every year --cumulative --chart nordic-timeline.svg
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var view: ViewOptions
    @Option(help: "Slice by calendar period: year, quarter, month or day (default year).") var every: TimeStep?
    @Option(help: "One slice per date, comma-separated (YYYY, YYYY-MM or YYYY-MM-DD), in increasing order.") var dates: String?
    @Option(parsing: .unconditional, help: "Each slice covers the last N periods (a sliding window).") var window: Int?
    @Flag(help: "Each slice runs from the start of the range.") var cumulative = false
    @Option(help: "Network figures, comma-separated: \(Figure.allCases.map(\.rawValue).joined(separator: ", ")) (default all).") var figures: String?
    @Option(help: "A node measure computed in every slice (any of `centrality --measure`).") var measure: String?
    @Option(parsing: .unconditional, help: "With --measure: the N actors with the highest value in each slice (table and chart default 10; CSV and JSON: all unless given).") var top: Int?
    @Flag(help: "List every tie that appeared or ended and every actor that joined or left, with dates and sources.") var events = false
    @Option(parsing: .unconditional, help: "Seed of Leiden's partition for the modularity.") var seed: UInt64 = 0
    @Option(help: "Draw the figures (or, with --measure, the top actors' values) over time: .svg, .png or .pdf.") var chart: String?
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var csvOutput: CSVOutputOptions
    @OptionGroup var progress: ProgressOptions

    typealias Figure = TimelineRun.Figure

    func run() throws {
        try reportingErrors {
            csvOutput.apply()
            try Checks.atLeast(window, 1, "--window")
            try Checks.atLeast(top, 1, "--top")
            if view.at != nil {
                throw UsageError("--at looks at one date; a timeline slices a range: give --from/--until, or --dates for chosen dates")
            }
            if dates != nil && every != nil { throw UsageError("--dates and --every exclude each other (chosen dates, or calendar periods)") }
            if cumulative && window != nil { throw UsageError("--cumulative and --window exclude each other (slices from the start, or the last N periods)") }
            if dates != nil && (cumulative || window != nil) {
                throw UsageError("--\(cumulative ? "cumulative" : "window") goes with calendar periods (--every), not with --dates")
            }
            let chosenFigures = try parseFigures()
            let nodeMeasure = try measure.map(parseMeasure)
            if let nodeMeasure, view.weight == nil, nodeMeasure.needsWeights {
                throw UsageError("\(nodeMeasure.rawValue) is the weighted degree: give --weight ATTR (or use --measure degree)")
            }
            var chartFormat: RenderFormat?
            if let chart {
                let ext = (chart as NSString).pathExtension.lowercased()
                guard let f = RenderFormat(rawValue: ext), [.svg, .png, .pdf].contains(f) else {
                    throw UsageError("--chart '\(chart)': the file name must end in .svg, .png or .pdf")
                }
                chartFormat = f
            }

            let network = try input.load()
            let (v, rangeFrom, rangeUntil) = try TimelineRun.sliceView(try view.view(), of: network)
            let slices = try makeSlices(network, relations: v.relations, from: rangeFrom, until: rangeUntil)
            let run = try ProgressDisplay.run("slices", quiet: progress.quiet) {
                try TimelineRun(network: network, view: v, slices: slices, figures: chosenFigures, measure: nodeMeasure, seed: seed)
            }
            let results = run.slices

            if let chart, let chartFormat {
                let lineChart = run.chart(figures: chosenFigures, measure: nodeMeasure, top: top, network: network, name: network.name ?? input.file)
                let bytes = try Graphviz.render(positionedDOT: lineChart.dot(), format: chartFormat)
                try writeBytes(bytes, to: chart)
            }
            let title = network.name ?? input.file
            switch format {
            case .table:
                writeOutput(tableText(results, figures: chosenFigures, measure: nodeMeasure, network: network, title: title,
                                      undated: run.undatedTies, ties: run.ties))
            case .csv:
                writeOutput(csvText(results, figures: chosenFigures, measure: nodeMeasure, network: network))
            case .json:
                writeOutput(JSONWriter.write(json(results, figures: chosenFigures, measure: nodeMeasure, network: network,
                                                  undated: run.undatedTies, ties: run.ties)))
            }
        }
    }

    // MARK: Requests

    func parseFigures() throws -> [Figure] {
        guard let figures else { return Figure.allCases }
        let names = splitList([figures])
        if names.isEmpty { throw UsageError("--figures is empty: name at least one (\(Figure.allCases.map(\.rawValue).joined(separator: ", ")))") }
        return try names.map { name in
            if let f = Figure(rawValue: name) { return f }
            var m = "unknown figure '\(name)'"
            if let g = closestMatch(to: name, among: Figure.allCases.map(\.rawValue)) { m += "; did you mean '\(g)'?" }
            if Measure(rawValue: name) != nil { m += "; \(name) is a node measure: give it with --measure" }
            throw UsageError(m + " (figures: \(Figure.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func parseMeasure(_ name: String) throws -> Measure {
        try nodeMeasure(named: name) { Figure(rawValue: $0) != nil ? "\($0) is a network figure: pick figures with --figures" : nil }
    }

    func makeSlices(_ network: Network, relations: Set<String>?, from: Int?, until: Int?) throws -> [TimeSlice] {
        if let dates { return try TimelineRun.slices(dates: dates) }
        do {
            guard var periods = try TimelineRun.periods(every: every ?? .year, of: network, relations: relations, fromDay: from, untilDay: until) else {
                throw UsageError("no tie or actor in \(input.file) has a date (since/until), so there is no range to slice; give --from and --until, or --dates")
            }
            if let window { periods = Timeline.windows(periods, size: window) }
            if cumulative { periods = Timeline.cumulative(periods) }
            return periods
        } catch let e as TimelineError {
            throw UsageError(e.message)
        }
    }

    // MARK: Output

    func figureText(_ f: Figure, _ value: Double?) -> String {
        guard let value else { return "n/a" }
        return f.counts ? String(Int(value)) : formatNumber(value)
    }

    static func changeText(_ c: Int?) -> String {
        guard let c else { return "new" }
        return c > 0 ? "+\(c)" : c < 0 ? "\(c)" : "="
    }

    func tableText(_ results: [TimelineRun.Slice], figures: [Figure], measure: Measure?, network: Network, title: String,
                   undated: Int, ties: Int) -> String {
        let how = dates != nil ? "at the dates given" : (cumulative ? "cumulative, " : "") + "by \(every?.rawValue ?? "year")" + (window.map { $0 > 1 ? ", windows of \($0) periods" : "" } ?? "")
        var out = "Timeline of \(title): \(results.count) slice\(results.count == 1 ? "" : "s") \(how)"
        if let first = results.first, let last = results.last { out += ", \(first.sliced.slice.firstDate) to \(last.sliced.slice.lastDate)" }
        out += undated == 0 ? "\nAll \(ties) ties are dated.\n\n" : "\n\(undated) of \(ties) ties have no dates and count in every slice.\n\n"
        var t = Table(header: ["slice", "from", "until"] + figures.map(\.rawValue) + ["+ties", "−ties", "+actors", "−actors"],
                      numericColumns: Set(3..<(3 + figures.count + 4)))
        for r in results {
            let c = r.changes
            t.rows.append([r.sliced.slice.label, r.sliced.slice.firstDate, r.sliced.slice.lastDate]
                          + zip(figures, r.figures).map { figureText($0, $1) }
                          + [c.map { String($0.tiesAppeared.count) } ?? "", c.map { String($0.tiesEnded.count) } ?? "",
                             c.map { String($0.nodesJoined.count) } ?? "", c.map { String($0.nodesLeft.count) } ?? ""])
        }
        out += t.text()
        if let measure {
            let count = top ?? 10
            out += "\n\(measure.rawValue), the top \(count) of each slice (change: places gained since the previous slice)\n"
            var m = Table(header: ["slice", "rank", "change", "id", "name", measure.rawValue], numericColumns: [1, 2, 5])
            for r in results {
                for p in TimelineRun.topPositions(r, count) {
                    let node = network.nodes[r.sliced.viewed.networkIndices[p]]
                    m.rows.append([r.sliced.slice.label, String(r.ranks[p]), r.changes == nil ? "" : Self.changeText(r.rankChanges[p]),
                                   node.id.rawValue, node.displayName, formatNumber(r.values[p])])
                }
            }
            out += m.text()
        }
        if events {
            out += "\nChanges from slice to slice\n"
            for r in results {
                guard let c = r.changes else { continue }
                out += "\(r.sliced.slice.label):" + (c.isEmpty ? " no change\n" : "\n" + TimelineRun.eventLines(c, network: network).map { "  " + $0 }.joined(separator: "\n") + "\n")
            }
        }
        return out
    }

    func csvText(_ results: [TimelineRun.Slice], figures: [Figure], measure: Measure?, network: Network) -> String {
        var out = CSVWriter.row(["slice", "from", "until", "node", "measure", "value"])
        for r in results {
            let s = r.sliced.slice
            for (f, value) in zip(figures, r.figures) {
                out += CSVWriter.row([s.label, s.firstDate, s.lastDate, "", f.rawValue, value == nil ? "" : figureText(f, value)])
            }
            if let measure {
                for p in TimelineRun.topPositions(r, top) {
                    let id = r.sliced.viewed.nodeIDs[p].rawValue
                    out += CSVWriter.row([s.label, s.firstDate, s.lastDate, id, measure.rawValue, formatNumber(r.values[p])])
                    out += CSVWriter.row([s.label, s.firstDate, s.lastDate, id, measure.rawValue + "-rank", String(r.ranks[p])])
                }
            }
        }
        return out
    }

    func json(_ results: [TimelineRun.Slice], figures: [Figure], measure: Measure?, network: Network, undated: Int, ties: Int) -> OutputValue {
        func tie(_ i: Int) -> OutputValue {
            let e = network.edges[i]
            var f: [(String, OutputValue)] = [("edge", .integer(i + 1)), ("from", .string(e.from.rawValue)), ("to", .string(e.to.rawValue)),
                                              ("relation", .string(e.relation.id))]
            f.append(("since", e.since.map { .string($0.description) } ?? .null))
            f.append(("until", e.until.map { .string($0.description) } ?? .null))
            f.append(("sources", .list(e.sources.map { .string($0) }, inline: true)))
            return .mapping(f)
        }
        func ids(_ l: [Int]) -> OutputValue { .list(l.map { .string(network.nodes[$0].id.rawValue) }, inline: true) }
        let slices: [OutputValue] = results.map { r in
            var f: [(String, OutputValue)] = [("label", .string(r.sliced.slice.label)), ("from", .string(r.sliced.slice.firstDate)),
                                              ("until", .string(r.sliced.slice.lastDate))]
            for (fig, value) in zip(figures, r.figures) {
                f.append((fig.jsonKey, value.map { fig.counts ? .integer(Int($0)) : .number($0) } ?? .null))
            }
            if let c = r.changes {
                f.append(("changes", .mapping([
                    ("tiesAppeared", .list(c.tiesAppeared.map(tie), inline: false)), ("tiesEnded", .list(c.tiesEnded.map(tie), inline: false)),
                    ("actorsJoined", ids(c.nodesJoined)), ("actorsLeft", ids(c.nodesLeft)),
                ])))
            } else {
                f.append(("changes", .null))
            }
            if measure != nil {
                f.append(("values", .list(TimelineRun.topPositions(r, top).map { p in
                    .mapping([("id", .string(r.sliced.viewed.nodeIDs[p].rawValue)), ("value", .number(r.values[p])),
                              ("rank", .integer(r.ranks[p])), ("rankChange", r.changes == nil ? .null : r.rankChanges[p].map(OutputValue.integer) ?? .string("new"))])
                }, inline: false)))
            }
            return .mapping(f)
        }
        var fields: [(String, OutputValue)] = [
            ("network", network.name.map(OutputValue.string) ?? .null),
            ("slicing", .string(dates != nil ? "dates" : (every ?? .year).rawValue)),
            ("window", window.map(OutputValue.integer) ?? .null), ("cumulative", .boolean(cumulative)),
            ("ties", .integer(ties)), ("undatedTies", .integer(undated)),
            ("figures", .list(figures.map { .string($0.jsonKey) }, inline: true)),
        ]
        fields.append(("measure", measure.map { .string($0.rawValue) } ?? .null))
        fields.append(("slices", .list(slices, inline: false)))
        return .mapping(fields)
    }
}

extension TimeStep: ExpressibleByArgument {}
