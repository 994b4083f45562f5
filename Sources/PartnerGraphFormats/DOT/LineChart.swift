import Foundation
import PartnerGraph

/// A line chart over time slices, written as DOT with every mark in place (`pos`, points, y
/// upwards), for Graphviz's `nop` engine (`Graphviz.render(positionedDOT:format:)`): so a chart
/// reaches SVG, PNG and PDF as diagrams do, with no second drawing library.
///
/// One or more panels share the slices along x; each panel has its own y axis (ticks at 1, 2
/// or 5 × 10ⁿ), light grid lines, and one line per series with a marker at each value. A
/// missing value (a figure undefined in that slice) breaks the line. When a panel holds several
/// series, they take the colour-blind-safe Okabe–Ito colours and, for readers of a grey print,
/// a different marker shape each, and a legend names them under the panels. Sizes are chosen for an A4 page: panels
/// 250 × 150 points, two per row, text at 9–13 points.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        /// One value per slice; nil where the value is undefined.
        public var values: [Double?]
        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    public struct Panel: Sendable {
        public var title: String
        public var series: [Series]
        /// Whether the values are counts (ticks are whole numbers).
        public var counts: Bool
        public init(title: String, series: [Series], counts: Bool = false) {
            self.title = title
            self.series = series
            self.counts = counts
        }
    }

    public var title: String
    /// The slices' names, along x.
    public var slices: [String]
    public var panels: [Panel]
    /// Panels per row (1 for one wide panel).
    public var columns: Int
    /// Whether every panel has a vertical guide at each slice, for a page to show the one of
    /// the slice it marks: in Graphviz's SVG each guide is an edge group of classes
    /// `slice-guide` and `slice-K` (K the slice's index from 0), drawn behind the lines, and
    /// every guide shows unless the page's style hides it. Off by default.
    public var sliceGuides = false

    public init(title: String, slices: [String], panels: [Panel], columns: Int = 2) {
        self.title = title
        self.slices = slices
        self.panels = panels
        self.columns = max(1, min(columns, panels.count))
    }

    /// Okabe & Ito's colour-blind-safe palette, the yellow last (weak on white).
    public static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
    /// A marker shape per series, so lines differ without colour too.
    static let markers = ["circle", "box", "triangle", "diamond", "invtriangle", "pentagon", "hexagon", "octagon"]

    /// The most series a panel can tell apart.
    public static let seriesLimit = colours.count

    /// Ticks covering `low...high`: about five steps of 1, 2 or 5 × 10ⁿ (whole numbers for counts).
    static func ticks(_ low: Double, _ high: Double, counts: Bool) -> [Double] {
        var lo = low, hi = high
        if lo == hi { lo -= counts ? 1 : max(abs(lo) * 0.1, 0.5); hi += counts ? 1 : max(abs(hi) * 0.1, 0.5) }
        let raw = (hi - lo) / 5
        let magnitude = pow(10, floor(log10(raw)))
        var step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        if counts { step = max(1, step.rounded()) }
        let first = floor(lo / step) * step, last = ceil(hi / step) * step
        return stride(from: first, through: last + step / 2, by: step).map { abs($0) < step * 1e-9 ? 0 : $0 }
    }

    /// A tick's text: whole numbers plainly, others with the digits the step needs.
    static func tickText(_ v: Double, step: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
        let digits = max(0, min(6, Int(ceil(-log10(step)))))
        return String(format: "%.\(digits)f", v)
    }

    /// The chart as DOT.
    public func dot() -> String {
        let panelWidth = columns == 1 ? 520.0 : 250.0, panelHeight = columns == 1 ? 300.0 : 150.0
        let left = 44.0, bottom = 30.0, top = 26.0, gap = 22.0
        let cellWidth = left + panelWidth + gap, cellHeight = bottom + panelHeight + top + gap
        let rows = (panels.count + columns - 1) / columns
        let ordered = panels.flatMap { $0.series.map(\.name) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        // A legend (and a colour per series) only when a panel holds several series; panels of
        // one series each are named by their titles and drawn alike.
        let showLegend = panels.contains { $0.series.count > 1 }
        let legendRows = showLegend ? (ordered.count + 2) / 3 : 0
        let legendHeight = Double(legendRows) * 18 + (showLegend ? 10 : 0)
        let totalHeight = Double(rows) * cellHeight + legendHeight
        let titleY = totalHeight + 18

        var out = "graph chart {\n"
        out += "  graph [splines=line, outputorder=edgesfirst, bgcolor=white, pad=0.25, overlap=true, fontname=\"Helvetica\"]\n"
        out += "  node [shape=plaintext, fontname=\"Helvetica\", fontsize=9, margin=0, width=0, height=0, label=\"\"]\n"
        out += "  edge [arrowhead=none, penwidth=1, color=\"#333333\"]\n"
        var serial = 0
        func name() -> String { serial += 1; return "m\(serial)" }
        func p(_ x: Double, _ y: Double) -> String { String(format: "%.2f,%.2f", x, y) }
        /// An invisible anchor for line ends.
        func anchor(_ x: Double, _ y: Double) -> String {
            let n = name()
            out += "  \(n) [shape=point, width=0, height=0, style=invis, pos=\"\(p(x, y))\"]\n"
            return n
        }
        func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ attrs: String) {
            let a = anchor(x0, y0), b = anchor(x1, y1)
            out += "  \(a) -- \(b) [\(attrs)]\n"
        }
        enum Align { case centre, left, right }
        /// A text at (x, y): centred there, or starting (left) or ending (right) there. Aligned
        /// texts sit in a box of fixed width whose label Graphviz justifies (`\l`, `\r`).
        func text(_ s: String, _ x: Double, _ y: Double, size: Double = 9, bold: Bool = false, align: Align = .centre) {
            let font = bold ? ", fontname=\"Helvetica-Bold\"" : ""
            var label = DOTEscaping.label(s)
            var place = ""
            if align != .centre {
                // The box a little wider than the text (Helvetica averages about 0.55 em), so
                // that it does not stretch the picture.
                let width = Double(s.count) * size * 0.7 + 6
                label = String(label.dropLast()) + (align == .left ? "\\l\"" : "\\r\"")
                place = String(format: ", width=%.3f, height=%.3f, fixedsize=true", width / 72, size * 1.4 / 72)
                let cx = align == .left ? x + width / 2 : x - width / 2
                out += "  \(name()) [label=\(label), fontsize=\(formatNumber(size))\(font)\(place), pos=\"\(p(cx, y))\"]\n"
                return
            }
            out += "  \(name()) [label=\(label), fontsize=\(formatNumber(size))\(font), pos=\"\(p(x, y))\"]\n"
        }

        text(title, (Double(columns) * cellWidth) / 2, titleY, size: 13, bold: true)
        let n = slices.count
        for (k, panel) in panels.enumerated() {
            let row = k / columns, column = k % columns
            let x0 = Double(column) * cellWidth + left
            let y0 = totalHeight - Double(row + 1) * cellHeight + bottom + gap
            let values = panel.series.flatMap { $0.values.compactMap { $0 } }
            let ticks = LineChart.ticks(values.min() ?? 0, values.max() ?? 1, counts: panel.counts)
            let low = ticks.first!, high = ticks.last!
            let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
            func y(_ v: Double) -> Double { y0 + (high == low ? 0.5 : (v - low) / (high - low)) * panelHeight }
            func x(_ i: Int) -> Double { n <= 1 ? x0 + panelWidth / 2 : x0 + Double(i) / Double(n - 1) * panelWidth }
            text(panel.title, x0 + panelWidth / 2, y0 + panelHeight + 12, size: 10, bold: true)
            for t in ticks {
                line(x0, y(t), x0 + panelWidth, y(t), "color=\"#DDDDDD\"")
                let s = LineChart.tickText(t, step: step)
                text(s, x0 - 5, y(t), size: 8, align: .right)
            }
            line(x0, y0, x0 + panelWidth, y0, "")
            line(x0, y0, x0, y0 + panelHeight, "")
            // x labels: as many as fit (about 7 characters each at 8 points).
            let longest = max(1, slices.map(\.count).max() ?? 1)
            let fit = max(1, Int(panelWidth / (Double(longest) * 8 * 0.6 + 8)))
            let every = max(1, Int(ceil(Double(n) / Double(fit))))
            for i in 0..<n where i % every == 0 {
                line(x(i), y0, x(i), y0 - 3, "")
                text(slices[i], x(i), y0 - 12, size: 8)
            }
            if values.isEmpty { text("not defined in any slice", x0 + panelWidth / 2, y0 + panelHeight / 2, size: 9) }
            if sliceGuides {
                for i in 0..<n { line(x(i), y0, x(i), y0 + panelHeight, "color=\"#D55E00\", penwidth=2, class=\"slice-guide slice-\(i)\"") }
            }
            for s in panel.series {
                let index = showLegend ? ordered.firstIndex(of: s.name) ?? 0 : 0
                let colour = LineChart.colours[index % LineChart.colours.count]
                let marker = LineChart.markers[index % LineChart.markers.count]
                var previous: String?
                for (i, v) in s.values.enumerated() {
                    guard let v, i < n else { previous = nil; continue }
                    let m = name()
                    out += "  \(m) [shape=\(marker), width=0.07, height=0.07, fixedsize=true, style=filled, color=\"\(colour)\", fillcolor=\"\(colour)\", pos=\"\(p(x(i), y(v)))\"]\n"
                    if let previous { out += "  \(previous) -- \(m) [color=\"\(colour)\", penwidth=2]\n" }
                    previous = m
                }
            }
        }
        if showLegend {
            let legendTop = legendHeight - 8
            let width = Double(columns) * cellWidth
            for (i, s) in ordered.enumerated() {
                let row = i / 3, column = i % 3
                let x = left + Double(column) * (width - left) / 3, y = legendTop - Double(row) * 18
                let colour = LineChart.colours[i % LineChart.colours.count]
                line(x, y, x + 22, y, "color=\"\(colour)\", penwidth=2")
                let m = name()
                out += "  \(m) [shape=\(LineChart.markers[i % LineChart.markers.count]), width=0.07, height=0.07, fixedsize=true, style=filled, color=\"\(colour)\", fillcolor=\"\(colour)\", pos=\"\(p(x + 11, y))\"]\n"
                let room = Int(((width - left) / 3 - 34) / (9 * 0.6))
                let label = s.count > room ? String(s.prefix(room - 1)) + "…" : s
                text(label, x + 28, y, size: 9, align: .left)
            }
        }
        return out + "}\n"
    }
}
