import Foundation
import GraphvizRendering
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

/// Everything the HTML report shows, computed on the view: measures and their ranks, brokerage
/// roles, the diagram, and the lookups the page's script needs.
struct Report {
    /// One measure column of the actors table.
    struct Column {
        var id: String
        var title: String
        /// What the number means, in one line (the column header's tooltip and the card).
        var help: String
        /// One value per view position.
        var values: [Double]
        /// Rank 1 is the lowest value (constraint: the least constrained broker).
        var lowerIsBetter: Bool
        /// Competition ranks ("1, 2, 2, 4") per view position; nil for a value that is not a number.
        var ranks: [Int?]
    }

    /// Gould–Fernandez roles with the group of every view position.
    struct Brokerage {
        var groupBy: String
        var groups: [String]
        var result: BrokerageResult
    }

    var network: Network
    var viewed: ViewedNetwork
    var view: View
    var options: ReportOptions
    var title: String
    var columns: [Column]
    /// The column that sizes the nodes and sorts the table first.
    var sizeColumn: Int
    var brokerage: Brokerage?
    /// Mixing between the --group-by groups, with the permutation test of E-I (1,000
    /// permutations, seed 0), as `partnergraph groups --null 1000`.
    var groups: Groups?
    /// Per view position: up to three suggested introductions (Adamic–Adar, as `partnergraph
    /// suggest NODE --top 3`), each the other actor's view position, its score and the sentence.
    var suggestions: [[(position: Int, score: Double, sentence: String)]]

    struct Groups {
        var groupBy: String
        var names: [String]
        var mixing: GroupMixing
        var eiTest: NullComparison?
    }
    /// Communities by Leiden with seed 0 and resolution 1 (as `partnergraph communities` by default).
    var communities: CommunityPartition
    /// The inline SVG, its nodes and edges tagged with their network positions.
    var svg: String
    /// The diagram's size in points (its viewBox).
    var svgSize: (width: Double, height: Double)
    /// The field the diagram clusters by (nil: no clusters).
    var clusterBy: String?
    /// The field that colours the nodes instead, when the layout cannot draw clusters (nil: kinds colour them).
    var colorBy: String?
    /// The most actors the default layout draws with dot (beyond: sfdp).
    var layout: LayoutEngine
    /// Per network node: its view position, or -1.
    var viewPosition: [Int]
    /// Per network edge: the weight the view read (nil when the edge is outside the view or the
    /// view is unweighted), and whether the view keeps it.
    var viewWeight: [Double?]
    var inView: [Bool]
    /// Per network node: its component in the whole network, direction ignored (for "no path" reasons).
    var component: [Int]
    /// The time slider's slices and their numbers; nil when the network has no dates or the
    /// view is one date.
    var time: Time?

    init(_ analysis: AnalysisInput, options: ReportOptions) throws {
        let network = analysis.network, viewed = analysis.viewed
        self.network = network
        self.viewed = viewed
        view = analysis.view
        self.options = options
        title = options.title ?? network.name ?? options.fileName ?? "Network report"
        let graph = analysis.graph
        let n = viewed.nodeIDs.count

        // Measures.
        guard let sizeMeasure = Measure(rawValue: options.sizeBy) else {
            var m = "--size-by: unknown measure '\(options.sizeBy)'"
            if let g = closestMatch(to: options.sizeBy, among: Measure.allCases.map(\.rawValue)) { m += "; did you mean '\(g)'?" }
            throw UsageError(m + " (measures: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var wanted: [(Measure, String, String)] = [
            (.degree, "Degree", "Degree centrality: the share of the other actors tied directly to this one."),
            (.betweenness, "Betweenness", "Betweenness centrality: the share of shortest paths between other actors that pass through this one."),
            (.pagerank, "PageRank", "PageRank: how much the actor is tied to by actors who are themselves tied to."),
            (.constraint, "Constraint", "Burt's constraint: how much the actor's ties lead to one another; low means the actor bridges otherwise separate contacts."),
        ]
        if !wanted.contains(where: { $0.0 == sizeMeasure }) {
            wanted.append((sizeMeasure, Report.titleOf(sizeMeasure), "The \(sizeMeasure.rawValue) measure, as `partnergraph centrality --measure \(sizeMeasure.rawValue)` (\(sizeMeasure.networkXReference) in NetworkX)."))
        }
        let columns = try wanted.map { measure, title, help in
            let values = try measure.compute(on: graph)
            let lower = measure == .constraint
            return Column(id: measure.rawValue, title: title, help: help, values: values, lowerIsBetter: lower, ranks: Report.ranks(values, lowerIsBetter: lower))
        }
        self.columns = columns
        let sizeColumn = columns.firstIndex { $0.id == sizeMeasure.rawValue }!
        self.sizeColumn = sizeColumn

        // Brokerage.
        let included = viewed.networkIndices.map { network.nodes[$0] }
        if let groupBy = options.groupBy {
            let grouping = try NodeGrouping(included, by: groupBy)
            let result = try brokerageRoles(graph, groups: grouping.groups)
            brokerage = Brokerage(groupBy: groupBy, groups: grouping.names, result: result)
            let mixing = try GroupMixing(graph, groups: grouping.groups, groupCount: grouping.groupNames.count)
            let test = try groupPermutationTest(graph, groups: grouping.groups, groupCount: grouping.groupNames.count,
                                                permutations: 1000, seed: 0)
            groups = Groups(groupBy: groupBy, names: grouping.groupNames, mixing: mixing, eiTest: test.ei)
        }

        // Suggested introductions.
        let predictor = try LinkPredictor(graph)
        let tied = tiedPairs(network, viewed)
        let explainer = SuggestionExplainer(network: network, viewed: viewed, predictor: predictor, method: .adamicAdar)
        suggestions = predictor.rankEach(.adamicAdar, top: 3) { u, v in !tied.contains(min(u, v) * n + max(u, v)) }
            .map { $0.map { pair in (pair.v, pair.score, explainer.explain(pair).sentence) } }

        // Communities, as `communities` finds them by default.
        communities = try CommunityAlgorithm.leiden.detect(on: graph, resolution: 1, seed: 0, weighted: true)

        // The diagram.
        var encoder = DOTEncoder()
        encoder.caption = false
        encoder.legend = false
        let cluster: String?
        switch options.clusterBy {
        case "none"?: cluster = nil
        case let field?:
            guard included.contains(where: { encoder.fieldValue($0, field) != nil }) else {
                throw UsageError("--cluster-by \(field): no node has a '\(field)' field or attribute")
            }
            cluster = field
        case nil: cluster = included.contains { $0.country != nil } ? "country" : nil
        }
        let edgeIndices = Array(Set(viewed.arcs.map(\.edgeIndex))).sorted()
        // dot draws clusters but its time grows fast with size (minutes for a few hundred
        // tangled actors); sfdp stays under a second there but draws no clusters, so the field
        // colours the nodes instead, and edges are straight (spline routing around every node
        // is what makes the force-directed engines slow).
        let engine = options.layout ?? LayoutEngine.automatic(nodeCount: n)
        layout = engine
        var extra: [String] = []
        if engine != .dot && (options.layout == nil || edgeIndices.count > 300) { extra.append("splines=line") }
        if engine == .dot || engine == .fdp {
            clusterBy = cluster
            encoder.clusterBy = cluster
            colorBy = nil
        } else {
            clusterBy = nil
            colorBy = cluster
            if let cluster { encoder.colorBy = .attribute(cluster) }
        }
        encoder.sizes = NodeStyling.scaled(columns[sizeColumn].values, ids: viewed.nodeIDs)
        encoder.sizeMeaning = "\(sizeMeasure.rawValue) (larger is higher)"
        encoder.layout = options.layout
        var dot = encoder.encode(network, nodes: viewed.networkIndices, edges: edgeIndices)
        if !extra.isEmpty {
            // After the encoder's own graph attributes, so that these win.
            let line = "  graph [" + extra.joined(separator: ", ") + "];\n"
            if let r = dot.range(of: "\n  graph [") , let end = dot[r.upperBound...].firstIndex(of: "\n") {
                dot.insert(contentsOf: line, at: dot.index(after: end))
            } else if let first = dot.firstIndex(of: "\n") {
                dot.insert(contentsOf: line, at: dot.index(after: first))
            }
        }
        let rendered: [UInt8]
        do {
            rendered = try Graphviz.render(dot: dot, layout: engine, format: .svg)
        } catch let e as GraphvizError {
            throw FormatError("Graphviz: \(e.message)")
        }
        let prepared = ReportSVG.prepare(String(decoding: rendered, as: UTF8.self), network: network, drawnEdges: edgeIndices, title: title)
        svg = prepared.svg
        svgSize = prepared.size

        // Lookups for the script.
        var position = [Int](repeating: -1, count: network.nodes.count)
        for (p, i) in viewed.networkIndices.enumerated() { position[i] = p }
        viewPosition = position
        var weights = [Double?](repeating: nil, count: network.edges.count)
        var kept = [Bool](repeating: false, count: network.edges.count)
        for arc in viewed.arcs {
            kept[arc.edgeIndex] = true
            if let w = arc.weight { weights[arc.edgeIndex] = w }
        }
        viewWeight = weights
        inView = kept
        var sets = UnionFind(count: network.nodes.count)
        for e in network.edges {
            if let a = network.index(of: e.from), let b = network.index(of: e.to) { sets.union(a, b) }
        }
        component = (0..<network.nodes.count).map { sets.find($0) }

        // The time slider.
        time = try Time(analysis, options: options, sizeMeasure: sizeMeasure, viewPosition: position, title: title)
    }

    /// Whether the view reads weights (paths then measure lengths, as `path --weight`).
    var isWeighted: Bool { viewed.arcs.contains { $0.weight != nil } }

    static func titleOf(_ m: Measure) -> String {
        switch m {
        case .pagerank: return "PageRank"
        case .inDegree: return "In-degree"
        case .outDegree: return "Out-degree"
        case .effectiveSize: return "Effective size"
        case .coreNumber: return "Core number"
        case .hubs: return "Hub score"
        case .authorities: return "Authority score"
        default: return m.rawValue.prefix(1).uppercased() + m.rawValue.dropFirst()
        }
    }

    /// Competition ranks: equal values share a rank, the next rank skips ("1, 2, 2, 4").
    static func ranks(_ values: [Double], lowerIsBetter: Bool) -> [Int?] {
        let order = values.indices.filter { !values[$0].isNaN }.sorted {
            let a = values[$0], b = values[$1]
            if a != b { return lowerIsBetter ? a < b : a > b }
            return $0 < $1
        }
        var ranks = [Int?](repeating: nil, count: values.count)
        for (k, i) in order.enumerated() {
            if k > 0, values[order[k - 1]] == values[i] { ranks[i] = ranks[order[k - 1]] } else { ranks[i] = k + 1 }
        }
        return ranks
    }
}

/// Graphviz's SVG made fit to live inside the page: no XML prolog, DOCTYPE or comments; the
/// root sized by the page; node and edge groups tagged with network positions
/// (`data-n`, `data-e`) so the script can find them.
enum ReportSVG {
    static func prepare(_ text: String, network: Network, drawnEdges: [Int], title: String) -> (svg: String, size: (width: Double, height: Double)) {
        var svg = text
        var size = (width: 0.0, height: 0.0)
        if let start = svg.range(of: "<svg") { svg = String(svg[start.lowerBound...]) }
        svg = replace(#"<!--.*?-->\n?"#, in: svg, options: [.dotMatchesLineSeparators]) { _ in "" }
        // The root element: drop the fixed size in points; the page sizes it.
        svg = replace(#"^<svg width="([0-9.]+)pt" height="([0-9.]+)pt""#, in: svg) { groups in
            size = (Double(groups[1]) ?? 0, Double(groups[2]) ?? 0)
            return "<svg id=\"pg-svg\" role=\"img\" aria-label=\"\(ReportHTML.escape("Diagram: " + title))\" data-width=\"\(groups[1])\" data-height=\"\(groups[2])\""
        }
        // Edges by the order they were written (Graphviz numbers them so), checked by title.
        var byTitle: [String: [Int]] = [:]
        for e in drawnEdges {
            let edge = network.edges[e]
            for arrow in ["->", "--"] { byTitle[edge.from.rawValue + arrow + edge.to.rawValue, default: []].append(e) }
        }
        var used = Set<Int>()
        svg = replace(#"<g id="(node|edge)(\d+)" class="(?:node|edge)">\n<title>([^<]*)</title>"#, in: svg) { groups in
            let title = unescapeXML(groups[3])
            if groups[1] == "node" {
                if title == "partnergraph:legend" { return "<g id=\"pg-legend\" class=\"legend\">\n<title>Legend</title>" }
                let id = NodeID(title)
                guard let i = network.index(of: id) ?? network.index(of: NodeID(title.replacingOccurrences(of: "\u{A0}", with: " "))) else {
                    return "<g class=\"node\">\n<title>\(groups[3])</title>"
                }
                return "<g id=\"pg-n-\(i)\" class=\"node\" data-n=\"\(i)\">\n<title>\(groups[3])</title>"
            }
            var edgeIndex: Int?
            if let seq = Int(groups[2]), seq >= 1, seq <= drawnEdges.count {
                let e = drawnEdges[seq - 1]
                let edge = network.edges[e]
                if !used.contains(e), title == edge.from.rawValue + "->" + edge.to.rawValue || title == edge.from.rawValue + "--" + edge.to.rawValue {
                    edgeIndex = e
                }
            }
            if edgeIndex == nil { edgeIndex = byTitle[title]?.first { !used.contains($0) } }
            guard let e = edgeIndex else { return "<g class=\"edge\">\n<title>\(groups[3])</title>" }
            used.insert(e)
            return "<g id=\"pg-e-\(e)\" class=\"edge\" data-e=\"\(e)\">\n<title>\(groups[3])</title>"
        }
        return (svg.trimmingCharacters(in: .whitespacesAndNewlines), size)
    }

    /// Replaces every match of `pattern`; `body` gets the match and its groups ("" for a group that did not take part).
    static func replace(_ pattern: String, in text: String, options: NSRegularExpression.Options = [], _ body: ([String]) -> String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: options.union(.anchorsMatchLines)) else { return text }
        var out = ""
        var last = text.startIndex
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(match.range, in: text) else { continue }
            var groups: [String] = []
            for g in 0..<match.numberOfRanges {
                groups.append(Range(match.range(at: g), in: text).map { String(text[$0]) } ?? "")
            }
            out += text[last..<whole.lowerBound]
            out += body(groups)
            last = whole.upperBound
        }
        out += text[last...]
        return out
    }

    /// The text of XML character data: the five named entities and numeric references.
    static func unescapeXML(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].firstIndex(of: ";"), s.distance(from: i, to: semi) <= 10 {
                let entity = s[s.index(after: i)..<semi]
                var scalar: Unicode.Scalar?
                switch entity {
                case "amp": scalar = "&"
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                        scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    } else if entity.hasPrefix("#") {
                        scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                    }
                }
                if let scalar {
                    out.unicodeScalars.append(scalar)
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }
}
