import PartnerGraph

/// Writes a network as Graphviz DOT, styled from the model.
///
/// Nodes are shaped and filled by kind (or coloured by community or an attribute), edges are
/// styled by relation with arrowheads only for directed relations, optional clusters group
/// nodes by an attribute, node sizes can show a measure, a path can be highlighted, and a
/// legend and caption explain it all. The output is deterministic: the same input gives the
/// same bytes.
///
/// Any text is safe: ids are quoted so that cgraph reads them back exactly; labels are
/// escaped for Graphviz's escString or HTML-like syntax.
public struct DOTEncoder: Sendable {
    /// How nodes are coloured.
    public enum ColorBy: Sendable, Equatable {
        /// By kind (the default).
        case kind
        /// By the value of a node field (`country`, `kind`) or attribute.
        case attribute(String)
        /// By a group number per node id (for example a community); the name says what the
        /// groups are in the legend.
        case groups([NodeID: Int], name: String)
    }

    public var title: String?
    /// Add a caption naming the data's sources (default on).
    public var caption = true
    /// Group nodes into one labelled cluster per value of this field (`country`, `kind`) or attribute.
    public var clusterBy: String?
    public var colorBy: ColorBy = .kind
    /// Node sizes between 0 and 1 (scaled to a readable range) and what they show.
    public var sizes: [NodeID: Double]?
    public var sizeMeaning: String?
    /// Nodes and network edge indices to highlight (a path).
    public var highlightedNodes: Set<NodeID> = []
    public var highlightedEdges: Set<Int> = []
    public var legend = false
    /// Add the country to each node's label.
    public var showCountry = false
    /// Use HTML-like labels: a small table with name, kind and role/country.
    public var htmlLabels = false
    /// (Force-directed layouts start from seed 1, so every run places nodes the same way.)
    /// The layout engine the DOT is meant for (written as the `layout` graph attribute so the
    /// file renders the same with the `dot` command); nil leaves it out.
    public var layout: LayoutEngine?

    public init() {}

    /// Past this many connected components, Graphviz packs them in a grid (`packmode=array_u`).
    public static let gridPackingComponents = 100

    /// The connected components among the drawn nodes and edges (direction ignored).
    private func componentCount(_ network: Network, _ nodeIndices: [Int], _ edgeIndices: [Int]) -> Int {
        var position: [NodeID: Int] = [:]
        position.reserveCapacity(nodeIndices.count)
        for (k, i) in nodeIndices.enumerated() { position[network.nodes[i].id] = k }
        var sets = UnionFind(count: nodeIndices.count)
        var count = nodeIndices.count
        for e in edgeIndices {
            guard let a = position[network.edges[e].from], let b = position[network.edges[e].to] else { continue }
            if sets.union(a, b) { count -= 1 }
        }
        return count
    }

    /// Encodes the network (or the part of it a view keeps).
    /// - Parameters:
    ///   - network: the network.
    ///   - nodes: positions in `network.nodes` to draw (default: all).
    ///   - edges: positions in `network.edges` to draw (default: all whose ends are drawn).
    /// - Complexity: O(V + E) plus sorting of cluster and colour values.
    public func encode(_ network: Network, nodes: [Int]? = nil, edges: [Int]? = nil) -> String {
        let nodeIndices = nodes ?? Array(network.nodes.indices).filter { network.index(of: network.nodes[$0].id) == $0 }
        let drawn = Set(nodeIndices.map { network.nodes[$0].id })
        let edgeIndices = (edges ?? Array(network.edges.indices)).filter {
            drawn.contains(network.edges[$0].from) && drawn.contains(network.edges[$0].to)
        }
        let directed = edgeIndices.contains { network.edges[$0].relation.isDirected }
        let kinds = network.knownKinds.filter { k in nodeIndices.contains { network.nodes[$0].kind == k } }
        let relations = network.knownRelations.filter { r in edgeIndices.contains { network.edges[$0].relation == r } }
        let allRelations = network.knownRelations

        // Colour classes.
        var colorKeys: [String] = []
        func colorKey(_ node: Node) -> String? {
            switch colorBy {
            case .kind: return node.kind.displayName
            case .attribute(let a): return fieldValue(node, a)
            case .groups(let g, let name): return g[node.id].map { "\(name) \($0 + 1)" }
            }
        }
        for i in nodeIndices {
            if let k = colorKey(network.nodes[i]), !colorKeys.contains(k) { colorKeys.append(k) }
        }
        if case .attribute = colorBy { colorKeys.sort { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) } }
        if case .groups(let g, let name) = colorBy {
            colorKeys = Set(g.values).sorted().map { "\(name) \($0 + 1)" }.filter { colorKeys.contains($0) }
        }
        func fill(_ key: String?) -> String {
            guard let key, let i = colorKeys.firstIndex(of: key) else { return "#FFFFFF" }
            return i < DiagramStyle.palette.count ? DiagramStyle.palette[i] : DiagramStyle.palette[DiagramStyle.palette.count - 1]
        }

        var out = "\(directed ? "digraph" : "graph") \(DOTEscaping.id(network.name ?? "network")) {\n"
        var graphAttrs = ["fontname=\"Helvetica\"", "fontsize=12", "newrank=true", "pad=0.3", "nodesep=0.35", "ranksep=0.6",
                          "outputorder=edgesfirst", "overlap=false", "splines=true", "start=1"]
        if let layout { graphAttrs.append("layout=\(layout.rawValue)") }
        // Graphviz packs components with polyominoes, which grows far faster than the graph:
        // 10,000 isolated nodes took minutes. Past 100 components they go in a grid, largest first.
        if componentCount(network, nodeIndices, edgeIndices) > DOTEncoder.gridPackingComponents {
            graphAttrs.append("packmode=\"array_u\"")
        }
        if title != nil || caption {
            graphAttrs.append("labelloc=t")
            graphAttrs.append("label=<\(graphLabel(network))>")
        }
        out += "  graph [\(graphAttrs.joined(separator: ", "))];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=11, style=\"filled,rounded\", penwidth=1.2, color=\"#333333\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#444444\", arrowsize=0.7];\n"

        func nodeLine(_ i: Int, indent: String) -> String {
            let node = network.nodes[i]
            let kindIndex = network.knownKinds.firstIndex(of: node.kind) ?? 0
            let f = fill(colorKey(node))
            var attrs = ["shape=\(DiagramStyle.shape(for: node.kind, index: kindIndex))",
                         "fillcolor=\"\(f)\"", "fontcolor=\(DiagramStyle.textColor(on: f))"]
            if htmlLabels {
                attrs.append("label=<\(htmlLabel(node, network))>")
            } else {
                var text = node.displayName
                if showCountry, let c = node.country { text += "\n(\(c))" }
                attrs.append("label=\(DOTEscaping.label(text))")
            }
            if let sizes, let s = sizes[node.id] {
                let clamped = max(0, min(1, s.isFinite ? s : 0))
                let scale = 0.5 + 1.5 * clamped.squareRoot()
                attrs.append("width=\(format(1.2 * scale))")
                attrs.append("height=\(format(0.5 * scale))")
                attrs.append("fontsize=\(format(10 + 6 * clamped.squareRoot()))")
            }
            if highlightedNodes.contains(node.id) { attrs += ["penwidth=3.5", "color=\"#D55E00\""] }
            if let tip = node.originalName { attrs.append("tooltip=\(DOTEscaping.label(tip))") }
            return "\(indent)\(DOTEscaping.id(node.id.rawValue)) [\(attrs.joined(separator: ", "))];\n"
        }

        if let clusterBy {
            var groups: [String: [Int]] = [:]
            var loose: [Int] = []
            for i in nodeIndices {
                if let v = fieldValue(network.nodes[i], clusterBy) { groups[v, default: []].append(i) } else { loose.append(i) }
            }
            let keys = groups.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (c, key) in keys.enumerated() {
                out += "  subgraph \(DOTEscaping.id("cluster_\(c)")) {\n"
                out += "    label=\(DOTEscaping.label(key)); style=\"rounded,filled\"; fillcolor=\"\(DiagramStyle.tints[c % DiagramStyle.tints.count])\"; color=\"#999999\"; fontsize=14; fontname=\"Helvetica-Bold\";\n"
                for i in groups[key]! { out += nodeLine(i, indent: "    ") }
                out += "  }\n"
            }
            for i in loose { out += nodeLine(i, indent: "  ") }
        } else {
            for i in nodeIndices { out += nodeLine(i, indent: "  ") }
        }

        let arrow = directed ? "->" : "--"
        for e in edgeIndices {
            let edge = network.edges[e]
            let r = allRelations.firstIndex(of: edge.relation) ?? 0
            var attrs = ["style=\(DiagramStyle.lineStyle(index: r))", "color=\"\(DiagramStyle.lineColor(index: r))\""]
            if directed && !edge.relation.isDirected { attrs.append("dir=none") }
            if let w = edge.weight { attrs.append("penwidth=\(format(min(6, 0.8 + w.squareRoot())))") }
            attrs.append("tooltip=\(DOTEscaping.label("\(network.node(edge.from)?.displayName ?? edge.from.rawValue) \(edge.relation.verb) \(network.node(edge.to)?.displayName ?? edge.to.rawValue)"))")
            if highlightedEdges.contains(e) {
                attrs = attrs.filter { !$0.hasPrefix("penwidth") && !$0.hasPrefix("color") }
                attrs += ["penwidth=4", "color=\"#D55E00\""]
            }
            out += "  \(DOTEscaping.id(edge.from.rawValue)) \(arrow) \(DOTEscaping.id(edge.to.rawValue)) [\(attrs.joined(separator: ", "))];\n"
        }

        if legend { out += legendNode(kinds: kinds, relations: relations, allRelations: allRelations, colorKeys: colorKeys, fill: fill, directed: directed) }
        out += "}\n"
        return out
    }

    private func format(_ d: Double) -> String {
        let r = (d * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// A node's field (`country`, `kind`, `label`) or attribute value as text.
    public func fieldValue(_ node: Node, _ name: String) -> String? {
        switch name {
        case "country": return node.country
        case "kind": return node.kind.displayName
        case "label": return node.label
        default: return node.attributes[name]?.description
        }
    }

    private func graphLabel(_ network: Network) -> String {
        var parts: [String] = []
        if let title { parts.append("<FONT POINT-SIZE=\"18\"><B>\(DOTEscaping.html(title))</B></FONT>") }
        if caption, !network.sources.isEmpty {
            let list = network.sources.map { s -> String in
                var t = s.title
                if let p = s.publisher { t += ", \(p)" }
                if let d = s.date { t += " (\(d))" }
                return t
            }
            parts.append("<FONT POINT-SIZE=\"10\" COLOR=\"#555555\">Source\(list.count == 1 ? "" : "s"): \(DOTEscaping.html(list.joined(separator: "; ")))</FONT>")
        }
        return parts.isEmpty ? "" : parts.joined(separator: "<BR/>")
    }

    private func htmlLabel(_ node: Node, _ network: Network) -> String {
        var rows = ["<TR><TD><B>\(DOTEscaping.html(node.displayName))</B></TD></TR>"]
        var detail = node.kind.displayName
        if let c = node.country { detail += " · \(c)" }
        rows.append("<TR><TD><FONT POINT-SIZE=\"9\">\(DOTEscaping.html(detail))</FONT></TD></TR>")
        let roles = network.edges.filter { $0.from == node.id }.compactMap { $0.attributes["role"]?.description }
        if let role = roles.first {
            rows.append("<TR><TD><FONT POINT-SIZE=\"9\"><I>\(DOTEscaping.html(role))</I></FONT></TD></TR>")
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">\(rows.joined())</TABLE>"
    }

    private func legendNode(kinds: [NodeKind], relations: [Relation], allRelations: [Relation], colorKeys: [String],
                            fill: (String?) -> String, directed: Bool) -> String {
        var rows: [String] = ["<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>"]
        switch colorBy {
        case .kind:
            for k in kinds {
                let f = fill(k.displayName)
                rows.append("<TR><TD BGCOLOR=\"\(f)\" WIDTH=\"24\"> </TD><TD ALIGN=\"LEFT\">\(DOTEscaping.html(k.displayName)) (\(DiagramStyle.shape(for: k, index: 0 )))</TD></TR>")
            }
        default:
            for key in colorKeys.prefix(DiagramStyle.palette.count) {
                rows.append("<TR><TD BGCOLOR=\"\(fill(key))\" WIDTH=\"24\"> </TD><TD ALIGN=\"LEFT\">\(DOTEscaping.html(key))</TD></TR>")
            }
            if colorKeys.count > DiagramStyle.palette.count {
                rows.append("<TR><TD BGCOLOR=\"\(DiagramStyle.palette.last!)\" WIDTH=\"24\"> </TD><TD ALIGN=\"LEFT\">\(colorKeys.count - DiagramStyle.palette.count + 1) more groups</TD></TR>")
            }
        }
        for r in relations {
            let i = allRelations.firstIndex(of: r) ?? 0
            let arrow = r.isDirected ? "→" : "—"
            rows.append("<TR><TD><FONT COLOR=\"\(DiagramStyle.lineColor(index: i))\"><B>\(arrow)</B></FONT></TD><TD ALIGN=\"LEFT\">\(DOTEscaping.html(r.verb)) (\(DiagramStyle.lineStyle(index: i)) line)</TD></TR>")
        }
        if let sizeMeaning, sizes != nil {
            rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Node size: \(DOTEscaping.html(sizeMeaning))</TD></TR>")
        }
        if !highlightedEdges.isEmpty {
            rows.append("<TR><TD><FONT COLOR=\"#D55E00\"><B>━</B></FONT></TD><TD ALIGN=\"LEFT\">highlighted path</TD></TR>")
        }
        let table = "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\" COLOR=\"#999999\">\(rows.joined())</TABLE>"
        return "  \"partnergraph:legend\" [shape=plaintext, style=\"\", label=<\(table)>];\n"
    }
}
