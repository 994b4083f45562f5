import Foundation
import GraphvizRendering
import PartnerGraph
import PartnerGraphFormats
import PartnerGraphAlgorithms

/// Writes the report as one HTML page, with its style, script and data inlined.
///
/// The markup is also well-formed XML (void elements closed, attributes quoted, numeric
/// character references only, script and style inside CDATA sections) so that tests can parse
/// it. Text goes through `escape`; the embedded data is JSON with `<`, `>`, `&`, U+2028 and
/// U+2029 written as `\u` escapes, so no value can close its `<script>` element or a CDATA
/// section.
struct ReportHTML {
    var report: Report

    init(_ report: Report) { self.report = report }

    private var network: Network { report.network }
    private var viewed: ViewedNetwork { report.viewed }

    func render() throws -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="partnergraph report"/>
        <title>\(Self.escape(report.title))</title>
        <style>/*<![CDATA[*/
        \(ReportAssets.css)
        /*]]>*/</style>
        </head>
        <body>
        <a class="skip" href="#reach">Skip to “How do we reach …?”</a>

        """
        out += header()
        out += "<main>\n"
        out += diagram()
        out += timeSection()
        out += pathBox()
        out += "</main>\n"
        out += actorsTable()
        out += communitiesSection()
        out += groupsSection()
        out += networkSection()
        out += footer()
        out += datalist()
        out += "<script type=\"application/json\" id=\"pg-data\">" + data() + "</script>\n"
        out += "<script>//<![CDATA[\n" + ReportAssets.core + "\n" + ReportAssets.script + "\n//]]></script>\n"
        out += "</body>\n</html>\n"
        return out
    }

    // MARK: - Sections

    private func header() -> String {
        var out = "<header class=\"top\">\n<h1>\(Self.escape(report.title))</h1>\n"
        if report.title != network.name, let name = network.name {
            out += "<p class=\"subtitle\">\(Self.escape(name))</p>\n"
        }
        if let d = network.description, !d.isEmpty { out += "<p class=\"description\">\(Self.escape(d))</p>\n" }
        var facts = ["\(network.nodes.count) actor\(network.nodes.count == 1 ? "" : "s")",
                     "\(network.edges.count) tie\(network.edges.count == 1 ? "" : "s")"]
        if let range = dateRange() { facts.append("dated " + range) }
        if !network.sources.isEmpty {
            facts.append("\(network.sources.count) source\(network.sources.count == 1 ? "" : "s")")
        }
        out += "<p class=\"facts\">" + facts.map(Self.escape).joined(separator: " · ") + " · <a href=\"#network\">details</a></p>\n"
        out += "<p class=\"view\" id=\"view-statement\"><strong>View:</strong> \(Self.escape(viewStatement()))</p>\n"
        out += "</header>\n"
        return out
    }

    /// The view in words: what is kept, how direction and weights are read.
    func viewStatement() -> String {
        let v = report.options.viewDescription
        var parts: [String] = []
        let keptNodes = viewed.nodeIDs.count, keptEdges = Set(viewed.arcs.map(\.edgeIndex)).count
        if v.relations == nil && v.kinds == nil && v.at == nil && v.from == nil && v.until == nil {
            parts.append("the whole network (\(keptNodes) actors, \(keptEdges) ties)")
        } else {
            parts.append("\(keptNodes) of \(network.nodes.count) actors and \(keptEdges) of \(network.edges.count) ties")
        }
        if let r = v.relations { parts.append("relations " + r.joined(separator: ", ")) }
        if let k = v.kinds { parts.append("kinds " + k.joined(separator: ", ")) }
        if let at = v.at { parts.append("ties valid at " + (PartialDate(at).map(PathExplanation.words) ?? at) + " (undated ties always count)") }
        if v.from != nil || v.until != nil {
            var s = "ties valid"
            if let f = v.from { s += " from " + (PartialDate(f).map(PathExplanation.words) ?? f) }
            if let u = v.until { s += " until " + (PartialDate(u).map(PathExplanation.words) ?? u) }
            parts.append(s + " (undated ties always count)")
        }
        if v.undirected {
            parts.append("every tie symmetric (--undirected)")
        } else if viewed.isDirected {
            parts.append("directed relations as declared, symmetric ones both ways")
        } else {
            parts.append("undirected (every relation symmetric)")
        }
        if let w = v.weight {
            parts.append(v.weightIsDistance
                ? "'\(w)' read as a distance (a path's length is the sum of weights)"
                : "'\(w)' read as a strength (a path's length is the sum of 1/weight)")
        } else {
            parts.append("unweighted (every tie counts 1)")
        }
        parts.append(v.followDirection && viewed.isDirected ? "paths follow edge direction (--follow-direction)" : "paths walk ties both ways")
        return parts.joined(separator: "; ") + "."
    }

    private func dateRange() -> String? {
        var dates: [PartialDate] = []
        for e in network.edges {
            if let d = e.since { dates.append(d) }
            if let d = e.until { dates.append(d) }
        }
        guard let first = dates.min(by: { $0.firstDay < $1.firstDay }), let last = dates.max(by: { $0.lastDay < $1.lastDay }) else { return nil }
        return first == last ? PathExplanation.words(first) : PathExplanation.words(first) + " to " + PathExplanation.words(last)
    }

    private func diagram() -> String {
        let size = report.columns[report.sizeColumn]
        var caption = "Node size shows \(size.id) (larger is higher)"
        if let c = report.clusterBy { caption += "; shaded boxes group actors by \(c)" }
        if let c = report.colorBy { caption += "; fill colour shows \(c) (the layout draws no boxes at this size), shape shows kind" }
        else { caption += "; shape and fill colour show kind" }
        caption += ". Laid out by Graphviz (\(report.layout.rawValue))."
        let width = Double(report.svgSize.width), height = Double(report.svgSize.height)
        let aspect = width > 0 && height > 0 ? " style=\"aspect-ratio: \(Int(width.rounded())) / \(Int(height.rounded()))\"" : ""
        return """
        <section class="diagram-area" aria-labelledby="diagram-h">
        <div class="toolbar">
        <h2 id="diagram-h">Diagram</h2>
        <form id="search-form" class="find" role="search" autocomplete="off">
        <label for="search">Find an actor</label>
        <input id="search" name="search" type="search" list="node-names" spellcheck="false" placeholder="name or id; case and accents ignored"/>
        <button type="submit">Show</button>
        </form>
        <span class="zoom">
        <button type="button" id="zoom-out" title="Zoom out (−)" aria-label="Zoom out">−</button>
        <button type="button" id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
        <button type="button" id="zoom-fit" title="Fit the whole diagram (0)">Fit</button>
        </span>
        </div>
        <div id="search-msg" class="msg" aria-live="polite"></div>
        <div id="diagram-frame">
        <div id="diagram" tabindex="0" role="group" aria-label="Diagram. Plus and minus zoom, arrow keys move, 0 fits."\(aspect)>
        \(report.svg)
        </div>
        <section id="card" class="empty" hidden="hidden" tabindex="-1" aria-live="polite" aria-label="Actor card"></section>
        </div>
        <p class="hint">Drag to move · wheel or <kbd>+</kbd> <kbd>−</kbd> to zoom · <kbd>0</kbd> to fit · click an actor for its card, <kbd>Esc</kbd> closes it</p>
        \(legend())
        <p class="caption">\(Self.escape(caption))</p>
        </section>

        """
    }

    /// With dates, the time slider: one position per slice and a last one for all dates (the
    /// diagram as drawn), labelled ticks, the figures of the position, its changes and the
    /// timeline chart; report.js fills the figures and changes from the page's data as the
    /// slider moves. Nothing without dates.
    private func timeSection() -> String {
        guard let time = report.time else { return "" }
        let slices = time.run.slices.map(\.sliced.slice)
        let last = slices.count
        let measure = report.columns[report.sizeColumn]
        let unit = time.step.rawValue
        var note = "Each position is a \(unit)"
        if time.chosen {
            note += " (<code>--every \(unit)</code>)"
        } else {
            note += time.step == time.finest ? " (the unit the dates are written to)"
                : " (the dates are written to the \(time.finest.rawValue), but that would make more than \(Report.Time.stepLimit) positions)"
        }
        if let first = slices.first, let end = slices.last { note += ", from \(first.firstDate) to \(end.lastDate)" }
        note += ", as <code>partnergraph timeline --every \(unit)</code> cuts them; the last, “All dates”, shows the network as the diagram draws it. "
        note += "At a \(unit), the ties not valid then are dashed and faint, the actors not active are faint, and each active actor is drawn larger or smaller by its \(Self.escape(measure.id)) then, ranked among that \(unit)’s actors as the diagram ranks the whole view (the layout stays the whole view’s). "
        note += "A tie counts at a \(unit) when its dates meet it"
        note += time.run.undatedTies == 0 ? " (every tie is dated)" : "; the \(time.run.undatedTies) of \(time.run.ties) ties without dates count at every one"
        note += "; an actor is active when it has a tie then or its own dates meet it."
        var out = "<section id=\"time\" aria-labelledby=\"time-h\">\n<h2 id=\"time-h\">Time</h2>\n"
        out += "<div class=\"time-control\">\n<label for=\"time-slider\">Show the network at</label>\n<div class=\"time-track\">\n"
        out += "<input id=\"time-slider\" type=\"range\" min=\"0\" max=\"\(last)\" step=\"1\" value=\"\(last)\" list=\"time-ticks\" aria-valuetext=\"All dates\" aria-describedby=\"time-readout\"/>\n"
        out += "<div class=\"time-ticks\" aria-hidden=\"true\">"
        func place(_ k: Int) -> String {
            String(format: "left: calc(0.5rem + (100%% - 1rem) * %.4f)", last > 0 ? Double(k) / Double(last) : 0)
        }
        for (k, text) in Self.tickLabels(slices, step: time.step) {
            out += "<span style=\"\(place(k))\">\(Self.escape(text))</span>"
        }
        out += "<span class=\"all\" style=\"\(place(last))\">All dates</span></div>\n</div>\n"
        out += "<output id=\"time-readout\" for=\"time-slider\">All dates</output>\n</div>\n"
        out += "<datalist id=\"time-ticks\">"
        for (k, slice) in slices.enumerated() { out += "<option value=\"\(k)\" label=\"\(Self.escape(slice.label))\"></option>" }
        out += "<option value=\"\(last)\" label=\"All dates\"></option></datalist>\n"
        out += "<p class=\"note\">\(note)</p>\n"
        out += "<div class=\"time-cols\">\n<div class=\"time-figures\">\n<table id=\"time-figures\" class=\"mini\"><caption>Figures as <code>partnergraph timeline</code> gives them</caption>"
        out += "<thead><tr><th scope=\"col\">Figure</th><th scope=\"col\" class=\"num\" id=\"time-figures-at\">All dates</th></tr></thead><tbody>\n"
        for (f, v) in zip(Report.Time.figures, time.whole) {
            let text = v.map { f.counts ? String(Int($0)) : Self.display($0) } ?? "n/a"
            out += "<tr><th scope=\"row\">\(Self.escape(f.title))</th><td class=\"num\" data-figure=\"\(f.jsonKey)\" data-v=\"\(v.map { "\($0)" } ?? "")\">\(text)</td></tr>\n"
        }
        out += "</tbody></table>\n<p class=\"note\">Ties are counted as the measures read them: ties between the same two actors in the same direction count once, and in a directed view a symmetric tie counts once each way.</p>\n"
        out += "</div>\n<div class=\"time-changes\">\n<h3 id=\"time-events-h\">Changes from step to step</h3>\n<div id=\"time-events\" aria-live=\"polite\"></div>\n</div>\n</div>\n"
        out += "<figure class=\"time-chart\">\n\(time.chart)\n<figcaption>The figures at every \(unit), as <code>partnergraph timeline --every \(unit) --chart</code> draws them; the orange line marks the slider’s \(unit).</figcaption>\n</figure>\n"
        out += "</section>\n"
        return out
    }

    /// The slider's tick labels, as (slice index, text): the first slice of each year (of each
    /// month when slicing by day), named by the year (the month), thinned to at most 12 by
    /// taking every 2nd, 5th, 10th, … of them.
    static func tickLabels(_ slices: [TimeSlice], step: TimeStep) -> [(Int, String)] {
        var candidates: [(Int, String)] = []
        var previous: String?
        for (k, s) in slices.enumerated() {
            let first = s.firstDate
            let key = step == .day ? String(first.prefix(7)) : String(first.prefix(4))
            if key != previous { candidates.append((k, key)) }
            previous = key
        }
        var stride = 1
        for m in [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] {
            stride = m
            if (candidates.count + m - 1) / m <= 12 { break }
        }
        return candidates.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
    }

    /// Kinds (shape and fill), relations (line style and colour, arrowhead when directed), as
    /// the diagram draws them.
    private func legend() -> String {
        let nodes = viewed.networkIndices.map { network.nodes[$0] }
        var kinds: [NodeKind] = []
        for n in nodes where !kinds.contains(n.kind) { kinds.append(n.kind) }
        let edgeSet = Set(viewed.arcs.map(\.edgeIndex))
        let all = network.knownRelations
        let relations = all.filter { r in edgeSet.contains { network.edges[$0].relation == r } }
        var out = "<div class=\"legend\" aria-label=\"Legend\"><span class=\"legend-title\">Legend</span><ul>"
        for (i, kind) in kinds.enumerated() {
            let fill = report.colorBy == nil ? DiagramStyle.palette[min(i, DiagramStyle.palette.count - 1)] : "#FFFFFF"
            let kindIndex = network.knownKinds.firstIndex(of: kind) ?? 0
            let shape: String
            switch DiagramStyle.shape(for: kind, index: kindIndex) {
            case "ellipse": shape = "<ellipse cx=\"14\" cy=\"9\" rx=\"12\" ry=\"7\"/>"
            case "hexagon": shape = "<polygon points=\"2,9 7,2 21,2 26,9 21,16 7,16\"/>"
            case "octagon": shape = "<polygon points=\"2,6 6,2 22,2 26,6 26,12 22,16 6,16 2,12\"/>"
            case "diamond": shape = "<polygon points=\"14,1 27,9 14,17 1,9\"/>"
            default: shape = "<rect x=\"2\" y=\"2\" width=\"24\" height=\"14\" rx=\"4\"/>"
            }
            out += "<li><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"28\" height=\"18\" viewBox=\"0 0 28 18\" aria-hidden=\"true\"><g fill=\"\(fill)\" stroke=\"#333333\" stroke-width=\"1.2\">\(shape)</g></svg>\(Self.escape(kind.displayName))</li>"
        }
        if let field = report.colorBy {
            let encoder = DOTEncoder()
            let keys = Set(nodes.compactMap { encoder.fieldValue($0, field) }).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            let palette = DiagramStyle.palette
            for (i, key) in keys.prefix(palette.count - 1).enumerated() {
                out += "<li><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"18\" height=\"18\" viewBox=\"0 0 18 18\" aria-hidden=\"true\"><rect x=\"2\" y=\"2\" width=\"14\" height=\"14\" fill=\"\(palette[i])\" stroke=\"#333333\"/></svg>\(Self.escape(key))</li>"
            }
            if keys.count >= palette.count {
                let rest = keys.count - palette.count + 1
                out += "<li><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"18\" height=\"18\" viewBox=\"0 0 18 18\" aria-hidden=\"true\"><rect x=\"2\" y=\"2\" width=\"14\" height=\"14\" fill=\"\(palette[palette.count - 1])\" stroke=\"#333333\"/></svg>\(rest == 1 ? Self.escape(keys[keys.count - 1]) : "\(rest) more \(Self.escape(field)) values")</li>"
            }
        }
        for r in relations {
            let i = all.firstIndex(of: r) ?? 0
            let color = DiagramStyle.lineColor(index: i)
            var stroke = "stroke=\"\(color)\" stroke-width=\"1.6\""
            switch DiagramStyle.lineStyle(index: i) {
            case "dashed": stroke += " stroke-dasharray=\"5,2\""
            case "dotted": stroke += " stroke-dasharray=\"1.5,3\""
            case "bold": stroke = "stroke=\"\(color)\" stroke-width=\"3\""
            default: break
            }
            let head = r.isDirected ? "<polygon points=\"30,9 23,5 23,13\" fill=\"\(color)\"/>" : ""
            out += "<li><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"18\" viewBox=\"0 0 32 18\" aria-hidden=\"true\"><line x1=\"1\" y1=\"9\" x2=\"\(r.isDirected ? 24 : 31)\" y2=\"9\" \(stroke)/>\(head)</svg>\(Self.escape(r.verb))</li>"
        }
        out += "<li><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"18\" viewBox=\"0 0 32 18\" aria-hidden=\"true\"><line x1=\"1\" y1=\"9\" x2=\"31\" y2=\"9\" stroke=\"#d55e00\" stroke-width=\"4.5\"/></svg>highlighted path or community</li>"
        return out + "</ul></div>"
    }

    private func pathBox() -> String {
        """
        <section id="reach" aria-labelledby="reach-h">
        <h2 id="reach-h">How do we reach …?</h2>
        <p class="note">Name two actors: the page finds the shortest chain of ties between them in this view, explains every step with its source, and highlights it in the diagram — the same answer as <code>partnergraph path</code>.</p>
        <form id="path-form" class="pathform" autocomplete="off">
        <span class="field"><label for="path-from">From</label><input id="path-from" name="from" type="search" list="node-names" spellcheck="false"/></span>
        <button type="button" id="path-swap" title="Swap from and to" aria-label="Swap from and to">⇄</button>
        <span class="field"><label for="path-to">To</label><input id="path-to" name="to" type="search" list="node-names" spellcheck="false"/></span>
        <span class="go"><button type="submit">Explain the path</button><button type="button" id="path-clear">Clear</button></span>
        </form>
        <div id="path-result" aria-live="polite"></div>
        </section>

        """
    }

    private func actorsTable() -> String {
        let columns = report.columns
        let positions = Array(0..<viewed.nodeIDs.count)
        let first = columns[report.sizeColumn]
        let order = positions.sorted {
            let a = first.values[$0], b = first.values[$1]
            if a.isNaN != b.isNaN { return !a.isNaN }
            if a != b { return first.lowerIsBetter ? a < b : a > b }
            return $0 < $1
        }
        let nodes = viewed.networkIndices.map { network.nodes[$0] }
        let hasCountry = nodes.contains { $0.country != nil }
        var out = "<section id=\"actors\" aria-labelledby=\"actors-h\">\n<h2 id=\"actors-h\">Top actors</h2>\n"
        var note = "Every actor in the view with its centrality; click a column header to sort by it (again to reverse), a name to open its card. "
        note += "Values equal NetworkX's (degree_centrality, betweenness_centrality, pagerank, constraint)"
        if report.isWeighted { note += ", computed with the view's weights" }
        note += ". Low constraint marks a broker between otherwise separate contacts."
        if let b = report.brokerage {
            note += " Brokerage: Gould–Fernandez roles for groups by \(b.groupBy) — how often the actor stands between two others who have no direct tie."
        }
        out += "<p class=\"note\">\(Self.escape(note))</p>\n"
        out += "<div class=\"table-wrap\"><table id=\"actors-table\" class=\"\(order.count > report.options.top ? "collapsed" : "")\" data-top=\"\(report.options.top)\">\n"
        out += "<caption class=\"visually-hidden\">Actors by centrality; the column buttons sort.</caption>\n<thead><tr>"
        var col = 0
        func header(_ title: String, _ help: String?, numeric: Bool, sort: String? = nil) {
            let sortAttr = sort.map { " aria-sort=\"\($0)\"" } ?? ""
            let tip = help.map { " title=\"\(Self.escape($0))\"" } ?? ""
            out += "<th scope=\"col\"\(numeric ? " class=\"num\"" : "")\(sortAttr)><button type=\"button\" data-col=\"\(col)\"\(tip)>\(Self.escape(title))</button></th>"
            col += 1
        }
        header("#", "Rank in the current order", numeric: true)
        header("Name", nil, numeric: false)
        header("Kind", nil, numeric: false)
        if hasCountry { header("Country", nil, numeric: false) }
        header("Community", "The actor's community (Leiden, seed 0; see Communities below)", numeric: true)
        for (k, c) in columns.enumerated() {
            header(c.title, c.help, numeric: true, sort: k == report.sizeColumn ? (c.lowerIsBetter ? "ascending" : "descending") : nil)
        }
        let roles = ["Coordinator", "Itinerant", "Representative", "Gatekeeper", "Liaison", "Total"]
        let roleHelp = ["all three in one group", "broker outside the group of the other two", "broker in the source's group",
                        "broker in the target's group", "all three in different groups", "open two-step paths the actor brokers"]
        if let b = report.brokerage {
            header(b.groupBy.prefix(1).uppercased() + b.groupBy.dropFirst(), "The group (\(b.groupBy)) brokerage is counted by", numeric: false)
            for (r, h) in zip(roles, roleHelp) { header(r, "Brokerage, \(r.lowercased()): \(h)", numeric: true) }
        }
        out += "</tr></thead>\n<tbody>\n"
        for (rank, p) in order.enumerated() {
            let i = viewed.networkIndices[p]
            let node = network.nodes[i]
            out += "<tr data-n=\"\(i)\"\(rank >= report.options.top ? " class=\"extra\"" : "")>"
            out += "<td class=\"num rank\" data-v=\"\(rank + 1)\">\(rank + 1)</td>"
            out += "<th scope=\"row\" data-v=\"\(Self.escape(node.displayName))\">\(Self.nodeLink(node, i))</th>"
            out += "<td data-v=\"\(Self.escape(node.kind.displayName))\">\(Self.escape(node.kind.displayName))</td>"
            if hasCountry { out += "<td data-v=\"\(Self.escape(node.country ?? ""))\">\(Self.escape(node.country ?? "–"))</td>" }
            let community = report.communities.community[p] + 1
            out += "<td class=\"num\" data-v=\"\(community)\">\(community)</td>"
            for c in columns {
                let v = c.values[p]
                out += "<td class=\"num\" data-v=\"\(v.isNaN ? "" : "\(v)")\" title=\"\(Self.escape(formatNumber(v)))\">\(Self.display(v))</td>"
            }
            if let b = report.brokerage {
                let r = b.result
                out += "<td data-v=\"\(Self.escape(b.groups[p]))\">\(Self.escape(b.groups[p]))</td>"
                for v in [r.coordinator[p], r.itinerant[p], r.representative[p], r.gatekeeper[p], r.liaison[p], r.total[p]] {
                    out += "<td class=\"num\" data-v=\"\(v)\">\(v)</td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        if order.count > report.options.top {
            out += "<p class=\"more\"><button type=\"button\" id=\"show-all\" aria-controls=\"actors-table\" aria-expanded=\"false\">Show all \(order.count) actors</button> <span class=\"print-note\">Showing the top \(report.options.top) of \(order.count).</span></p>\n"
        }
        out += "</section>\n"
        return out
    }

    /// The communities `partnergraph communities` finds by default, each with its members
    /// (the most central by the size measure first).
    private func communitiesSection() -> String {
        let partition = report.communities
        let size = report.columns[report.sizeColumn]
        var out = "<section id=\"communities\" aria-labelledby=\"communities-h\">\n<h2 id=\"communities-h\">Communities</h2>\n"
        var note = "Groups of actors more tied to one another than to the rest, found by Leiden (V. A. Traag, L. Waltman, N. J. van Eck, 2019) with seed 0 and resolution 1 on this view"
        note += report.isWeighted ? ", with its weights" : ""
        note += " — as <code>partnergraph communities</code> finds them. "
        if partition.modularity.isNaN {
            note += "The view has no ties, so every actor is a community of its own."
        } else {
            note += "\(partition.count) communit\(partition.count == 1 ? "y" : "ies"); modularity \(Self.escape(String(format: "%.3f", partition.modularity))) "
            note += "(values above about 0.3 usually mark clear groups). Members are listed by \(size.id), \(size.lowerIsBetter ? "lowest" : "highest") first."
        }
        out += "<p class=\"note\">\(note)</p>\n<ol class=\"communities\">\n"
        let shown = 24
        for (c, members) in partition.communities.enumerated() {
            if c == shown {
                out += "</ol>\n<details class=\"more-communities\"><summary>\(partition.count - shown) more communities (\(partition.sizes[shown...].reduce(0, +)) actors)</summary>\n<ol class=\"communities\" start=\"\(shown + 1)\">\n"
            }
            let sorted = members.sorted {
                let a = size.values[$0], b = size.values[$1]
                if a.isNaN != b.isNaN { return !a.isNaN }
                if a != b { return size.lowerIsBetter ? a < b : a > b }
                return $0 < $1
            }
            out += "<li data-community=\"\(c)\"><h3>Community \(c + 1) <span class=\"muted\">(\(members.count) actor\(members.count == 1 ? "" : "s"))</span></h3><p>"
            out += sorted.map { p -> String in
                let i = viewed.networkIndices[p]
                return Self.nodeLink(network.nodes[i], i)
            }.joined(separator: ", ")
            out += "</p><button type=\"button\" class=\"show-community\" data-community=\"\(c)\">Show in the diagram</button></li>\n"
        }
        out += partition.count > shown ? "</ol>\n</details>\n</section>\n" : "</ol>\n</section>\n"
        return out
    }

    /// With --group-by: ties within and between the groups as a heat map (shade by density),
    /// each group's E-I, and the network's E-I against 1,000 permutations of the labels.
    private func groupsSection() -> String {
        guard let g = report.groups else { return "" }
        let m = g.mixing, names = g.names
        func f(_ d: Double?) -> String { d.map { String(format: "%.2f", $0) } ?? "\u{2013}" }
        var out = "<section id=\"groups\" aria-labelledby=\"groups-h\">\n<h2 id=\"groups-h\">Groups and borders</h2>\n"
        var note = "Ties within and between the groups of <code>\(Self.escape(g.groupBy))</code> (actors without one form “(none)”), as <code>partnergraph groups --by \(Self.escape(g.groupBy))</code> counts them. "
        if let ei = m.ei {
            note += "E-I index \(Self.escape(String(format: "%.2f", ei))) (−1: every tie inside a group, +1: every tie across)"
            if let t = g.eiTest {
                note += "; shuffling the groups over the same actors 1,000 times gives \(Self.escape(String(format: "%.2f", t.mean))) on average, "
                note += t.pLess <= 0.05 ? "and only \(Self.escape(String(format: "%.1f", t.pLess * 100)))% of shuffles are as inward: the groups keep to themselves more than chance."
                    : (t.pGreater <= 0.05 ? "and only \(Self.escape(String(format: "%.1f", t.pGreater * 100)))% are as outward: the groups reach across more than chance."
                       : "and \(Self.escape(String(format: "%.0f", min(t.pLess, t.pGreater) * 100)))% are as extreme: no clear preference either way.")
            } else {
                note += "."
            }
        }
        out += "<p class=\"note\">\(note)</p>\n"
        let maxDensity = names.indices.flatMap { a in names.indices.compactMap { m.density(a, $0) } }.max() ?? 0
        out += "<table class=\"mixing\"><caption>Ties from row to column group (shade: density)</caption><thead><tr><th scope=\"col\"></th>"
        for b in names { out += "<th scope=\"col\" class=\"num\">\(Self.escape(b))</th>" }
        out += "<th scope=\"col\" class=\"num\">E-I</th></tr></thead><tbody>\n"
        for (a, name) in names.enumerated() {
            out += "<tr><th scope=\"row\">\(Self.escape(name))</th>"
            for b in names.indices {
                let d = m.density(a, b)
                let alpha = maxDensity > 0 ? (d ?? 0) / maxDensity * 0.6 : 0
                out += "<td class=\"num\" style=\"background: rgba(0, 114, 178, \(String(format: "%.3f", alpha)))\" title=\"density \(f(d))\">\(m.ties[a][b])</td>"
            }
            out += "<td class=\"num\">\(f(m.groupEI[a]))</td></tr>\n"
        }
        out += "</tbody></table>\n</section>\n"
        return out
    }

    private func networkSection() -> String {
        var out = "<section id=\"network\" aria-labelledby=\"network-h\">\n<h2 id=\"network-h\">The network</h2>\n<div class=\"cols\">\n"
        let keptNodes = Set(viewed.networkIndices)
        let keptEdges = Set(viewed.arcs.map(\.edgeIndex))
        out += "<table class=\"counts\"><caption>Actors by kind</caption><thead><tr><th scope=\"col\">Kind</th><th scope=\"col\" class=\"num\">All</th><th scope=\"col\" class=\"num\">In view</th></tr></thead><tbody>\n"
        for k in network.knownKinds {
            let all = network.nodes.indices.filter { network.nodes[$0].kind == k }
            if all.isEmpty { continue }
            out += "<tr><th scope=\"row\">\(Self.escape(k.displayName))</th><td class=\"num\">\(all.count)</td><td class=\"num\">\(all.filter(keptNodes.contains).count)</td></tr>\n"
        }
        out += "</tbody></table>\n"
        out += "<table class=\"counts\"><caption>Ties by relation</caption><thead><tr><th scope=\"col\">Relation</th><th scope=\"col\">Reads</th><th scope=\"col\" class=\"num\">All</th><th scope=\"col\" class=\"num\">In view</th></tr></thead><tbody>\n"
        for r in network.knownRelations {
            let all = network.edges.indices.filter { network.edges[$0].relation == r }
            if all.isEmpty { continue }
            let reads = "A " + r.verb + " B" + (r.isDirected ? "" : " (symmetric)")
            out += "<tr><th scope=\"row\">\(Self.escape(r.id))</th><td>\(Self.escape(reads))</td><td class=\"num\">\(all.count)</td><td class=\"num\">\(all.filter(keptEdges.contains).count)</td></tr>\n"
        }
        out += "</tbody></table>\n</div>\n"
        if let range = dateRange() { out += "<p>Dated ties run from \(Self.escape(range)).</p>\n" }
        out += "<h3>Sources</h3>\n"
        if network.sources.isEmpty {
            out += "<p>The file names no sources.</p>\n"
        } else {
            out += "<ul class=\"sources\">\n"
            for s in network.sources {
                out += "<li id=\"source-\(Self.escapeID(s.id))\"><strong>\(Self.escape(s.title))</strong> <span class=\"muted\">(\(Self.escape(s.id)))</span>"
                var extra: [String] = []
                if let p = s.publisher { extra.append(p) }
                if let d = s.date { extra.append(d.description) }
                if let l = s.language { extra.append("language: " + l) }
                if !extra.isEmpty { out += " — " + Self.escape(extra.joined(separator: ", ")) }
                if let u = s.url { out += "<br/><span class=\"url\">\(Self.escape(u))</span>" }
                if let n = s.note { out += "<br/><span class=\"muted\">\(Self.escape(n))</span>" }
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        out += "</section>\n"
        return out
    }

    private func footer() -> String {
        """
        <footer>
        <p>Made by <code>partnergraph report</code>. Everything on this page is inside this one file: it opens without a network connection. The path box and cards work from the data embedded in the page; paths are those <code>partnergraph path</code> gives for the same view.</p>
        </footer>

        """
    }

    private func datalist() -> String {
        var counts: [String: Int] = [:]
        for i in viewed.networkIndices { counts[network.nodes[i].displayName, default: 0] += 1 }
        var out = "<datalist id=\"node-names\">\n"
        for i in viewed.networkIndices {
            let node = network.nodes[i]
            // A name shared by several actors is offered as its ids.
            let value = counts[node.displayName]! > 1 ? node.id.rawValue : node.displayName
            out += "<option value=\"\(Self.escape(value))\">\(Self.escape(node.kind.displayName + (node.country.map { ", " + $0 } ?? "")))</option>\n"
        }
        return out + "</datalist>\n"
    }

    // MARK: - Data

    /// The network, the view and the measures as JSON for the page's script.
    func data() -> String {
        let relations = network.knownRelations
        let relationIndex = Dictionary(uniqueKeysWithValues: relations.enumerated().map { ($1.id, $0) })
        let weightAttribute = report.isWeighted ? report.view.weightAttribute : nil
        var nodes: [OutputValue] = []
        for (i, node) in network.nodes.enumerated() {
            var o: [(String, OutputValue)] = [("id", .string(node.id.rawValue)), ("name", .string(node.displayName)),
                                       ("kind", .string(node.kind.displayName)), ("k", .string(node.kind.id))]
            if let c = node.country { o.append(("country", .string(c))) }
            if let n = node.originalName { o.append(("orig", .string(n))) }
            if !node.aliases.isEmpty { o.append(("aka", .array(node.aliases.map(OutputValue.string)))) }
            if !node.attributes.isEmpty { o.append(("attrs", .array(node.attributes.map { .array([.string($0.key), .string($0.value.description)]) }))) }
            if !node.sources.isEmpty { o.append(("src", .array(node.sources.map(OutputValue.string)))) }
            o.append(("p", .integer(report.viewPosition[i])))
            o.append(("f", .array(node.names.map { .string(foldedForMatching($0)) })))
            o.append(("c", .integer(report.component[i])))
            nodes.append(.mapping(o))
        }
        var edges: [OutputValue] = []
        for (k, edge) in network.edges.enumerated() {
            var o: [(String, OutputValue)] = [("a", .integer(network.index(of: edge.from) ?? -1)), ("b", .integer(network.index(of: edge.to) ?? -1)),
                                       ("r", .integer(relationIndex[edge.relation.id] ?? 0))]
            if let s = edge.since { o.append(("since", .string(s.description))) }
            if let u = edge.until { o.append(("until", .string(u.description))) }
            if case .string(let role)? = edge.attributes["role"] { o.append(("role", .string(role))) }
            if let w = edge.weight ?? edge.attributes["weight"]?.doubleValue { o.append(("wt", .number(w))) }
            if let a = weightAttribute, a != "weight", let w = edge.attributes[a]?.doubleValue { o.append(("wa", .number(w))) }
            if report.inView[k] {
                o.append(("in", .integer(1)))
                if let w = report.viewWeight[k] { o.append(("vw", .number(w))) }
            }
            let other = edge.attributes.filter { $0.key != "role" && $0.key != "weight" }
            if !other.isEmpty { o.append(("attrs", .array(other.map { .array([.string($0.key), .string($0.value.description)]) }))) }
            if !edge.sources.isEmpty { o.append(("src", .array(edge.sources.map(OutputValue.string)))) }
            edges.append(.mapping(o))
        }
        let rels: [OutputValue] = relations.map { .mapping([("id", .string($0.id)), ("verb", .string($0.verb)), ("d", .boolean($0.isDirected))]) }
        let sources: [OutputValue] = network.sources.map { s in
            var o: [(String, OutputValue)] = [("id", .string(s.id)), ("title", .string(s.title))]
            if let p = s.publisher { o.append(("publisher", .string(p))) }
            if let d = s.date { o.append(("date", .string(d.description))) }
            if let u = s.url { o.append(("url", .string(u))) }
            return .mapping(o)
        }
        let columns: [OutputValue] = report.columns.map { c in
            .mapping([("id", .string(c.id)), ("title", .string(c.title)), ("help", .string(c.help)), ("low", .boolean(c.lowerIsBetter)),
                     ("values", .array(c.values.map(OutputValue.number))), ("ranks", .array(c.ranks.map { $0.map(OutputValue.integer) ?? .null }))])
        }
        var brokerage = OutputValue.null
        if let b = report.brokerage {
            let r = b.result
            brokerage = .mapping([
                ("groupBy", .string(b.groupBy)), ("groups", .array(b.groups.map(OutputValue.string))),
                ("roles", .array([("Coordinator", r.coordinator), ("Itinerant", r.itinerant), ("Representative", r.representative),
                                  ("Gatekeeper", r.gatekeeper), ("Liaison", r.liaison), ("Total", r.total)].map { name, values in
                    .mapping([("name", .string(name)), ("values", .array(values.map(OutputValue.integer)))])
                })),
            ])
        }
        let partition = report.communities
        let communities: OutputValue = .mapping([
            ("algorithm", .string("leiden")), ("seed", .integer(0)), ("resolution", .number(1)),
            ("modularity", .number(partition.modularity)), ("count", .integer(partition.count)),
            ("of", .array(partition.community.map(OutputValue.integer))),
        ])
        let v = report.options.viewDescription
        let view: OutputValue = .mapping([
            ("weighted", .boolean(report.isWeighted)),
            ("attribute", weightAttribute.map(OutputValue.string) ?? .null),
            ("distance", .boolean(report.view.weightIsDistance)),
            ("follow", .boolean(v.followDirection && viewed.isDirected)),
            ("active", .string(v.active)),
        ])
        let root: OutputValue = .mapping([
            ("title", .string(report.title)),
            ("count", .integer(viewed.nodeIDs.count)),
            ("nodes", .array(nodes)), ("edges", .array(edges)), ("relations", .array(rels)), ("sources", .array(sources)),
            ("columns", .array(columns)), ("sizeColumn", .integer(report.sizeColumn)), ("brokerage", brokerage), ("communities", communities), ("view", view),
            ("suggest", .array(report.suggestions.map { list in
                .array(list.map { .array([.integer($0.position), .number($0.score), .string($0.sentence)]) })
            })),
            ("time", timeData()),
        ])
        return JSONWriter.compact(root, scriptSafe: true)
    }

    /// The time slider's data (null without one): the step, the size measure, the view's tie
    /// counts, the figures' names, the whole view's figures, and per slice its name and days, its figures, the size measure's value
    /// at every view position (null where the actor is not active), and its members: the first
    /// slice lists its ties (`edges`, indices in the network's edges) and active actors
    /// (`actors`, node indices), every later one its changes from the one before (the ties
    /// that appeared and ended, the actors that joined and left), which are exact set
    /// differences, with the changes in the words of `timeline --events`.
    func timeData() -> OutputValue {
        guard let time = report.time else { return .null }
        func figureValues(_ values: [Double?]) -> OutputValue {
            .array(zip(Report.Time.figures, values).map { f, v in v.map { f.counts ? .integer(Int($0)) : .number($0) } ?? .null })
        }
        func indices(_ l: [Int]) -> OutputValue { .array(l.map(OutputValue.integer)) }
        let slices: [OutputValue] = time.run.slices.enumerated().map { k, r in
            var o: [(String, OutputValue)] = [("label", .string(r.sliced.slice.label)), ("from", .string(r.sliced.slice.firstDate)),
                                              ("until", .string(r.sliced.slice.lastDate)), ("fig", figureValues(r.figures)),
                                              ("v", .array(time.values[k].map { $0.map(OutputValue.number) ?? .null }))]
            if let c = r.changes {
                o.append(("changes", .mapping([("tiesAppeared", indices(c.tiesAppeared)), ("tiesEnded", indices(c.tiesEnded)),
                                               ("actorsJoined", indices(c.nodesJoined)), ("actorsLeft", indices(c.nodesLeft))])))
                o.append(("events", .array(time.events[k].map(OutputValue.string))))
            } else {
                o.append(("edges", indices(r.sliced.edgeIndices)))
                o.append(("actors", indices(r.sliced.viewed.networkIndices)))
            }
            return .mapping(o)
        }
        let measure = report.columns[report.sizeColumn]
        return .mapping([
            ("step", .string(time.step.rawValue)), ("chosen", .boolean(time.chosen)),
            ("measure", .string(measure.id)),
            ("ties", .integer(time.run.ties)), ("undated", .integer(time.run.undatedTies)),
            ("figures", .array(Report.Time.figures.map { f in
                .mapping([("key", .string(f.jsonKey)), ("title", .string(f.title)), ("counts", .boolean(f.counts))])
            })),
            ("whole", figureValues(time.whole)),
            ("slices", .array(slices)),
        ])
    }

    /// A node's name as a link that opens its card (`#node=ID`; the script opens it in place).
    static func nodeLink(_ node: Node, _ index: Int) -> String {
        let fragment = node.id.rawValue.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? node.id.rawValue
        return "<a class=\"node-link\" href=\"#node=\(escape(fragment))\" data-n=\"\(index)\">\(escape(node.displayName))</a>"
    }

    // MARK: - Escaping

    /// Text for HTML (and XML) content or a quoted attribute value.
    static func escape<S: StringProtocol>(_ s: S) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in XML.
                if ch.value < 0x20 && ch != "\n" && ch != "\t" { out += " " } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }

    /// A value usable in an id attribute (letters, digits, - and _; others as _XX).
    static func escapeID(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            if ch.isASCII && (ch.properties.isAlphabetic || ("0"..."9").contains(ch) || ch == "-" || ch == "_") {
                out.unicodeScalars.append(ch)
            } else {
                out += "_" + String(ch.value, radix: 16)
            }
        }
        return out
    }

    /// A value for a table cell: about three significant digits.
    static func display(_ v: Double) -> String {
        if v.isNaN { return "–" }
        if v.isInfinite { return v > 0 ? "∞" : "−∞" }
        if v == 0 { return "0" }
        let a = abs(v)
        let digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.001 ? 3 : 5
        return String(format: "%.\(digits)f", v)
    }
}

extension OutputValue {
    /// A list for the page's data (JSON written on one line, so "inline" changes nothing).
    static func array(_ items: [OutputValue]) -> OutputValue { .list(items, inline: true) }
}
