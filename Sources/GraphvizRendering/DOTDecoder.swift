import PartnerGraph
import PartnerGraphFormats
internal import CGraphviz

/// Reads any DOT file into the model through Graphviz's own parser (cgraph).
///
/// - Nodes keep their DOT names as ids; `label` (with Graphviz's escapes undone) becomes the
///   label, `kind` and `country` attributes become those fields when present; every other
///   attribute set on the node becomes a node attribute (numbers typed as integers or numbers).
/// - Edges get the relation in their `relation` attribute or, by default, `connected-to`
///   (directed in a digraph, symmetric in a graph); other attributes become edge attributes.
///   `weight` stays an attribute (in DOT it is a layout hint and may be 0); use
///   `--weight weight` to analyse with it.
/// - Graph attributes: `label` becomes the network's name; subgraphs named `cluster…` give
///   their members a `cluster` attribute (the cluster's label, or its name).
/// - Names have `\\` read as `\` (Graphviz shows them so, and `DOTEncoder` writes them so).
///
/// Not supported: ports (`a:n -> b`) are kept only as edge attributes `tailport`/`headport`;
/// attribute defaults declared with `node [...]` are applied to every node as Graphviz does.
public struct DOTDecoder: Sendable {
    public init() {}

    /// Parses DOT text.
    /// - Throws: `GraphvizError` with Graphviz's message and line when the DOT is malformed.
    public func decode(_ text: String, file: String) throws -> Network {
        // Graphviz reads C strings: text after a NUL would be silently ignored.
        if let nul = text.utf8.firstIndex(of: 0) {
            let line = text.utf8[..<nul].filter { $0 == 0x0A }.count + 1
            throw GraphvizError("a NUL character (U+0000) in line \(line); DOT text cannot hold one", line: line)
        }
        return try Graphviz.withGraphviz { _ in
            let g = try Graphviz.parse(text)
            defer { agclose(g) }
            return read(g)
        }
    }

    private func attributes(of obj: UnsafeMutableRawPointer, in g: UnsafeMutablePointer<Agraph_t>, kind: Int32) -> [(String, String)] {
        var out: [(String, String)] = []
        var sym = agnxtattr(g, kind, nil)
        while let s = sym {
            let name = String(cString: s.pointee.name)
            if let value = agxget(obj, s) {
                let v = String(cString: value)
                if name == "label" ? v != "\\N" : !v.isEmpty { out.append((name, v)) }
            }
            sym = agnxtattr(g, kind, s)
        }
        return out
    }

    private func typed(_ s: String) -> AttributeValue {
        if let i = Int(s) { return .integer(i) }
        if let d = Double(s), d.isFinite, s.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return .number(d) }
        return .string(s)
    }

    private func read(_ g: UnsafeMutablePointer<Agraph_t>) -> Network {
        var network = Network()
        let directed = agisdirected(g) != 0
        let graphAttrs = attributes(of: UnsafeMutableRawPointer(g), in: g, kind: Int32(AGRAPH))
        if let label = graphAttrs.first(where: { $0.0 == "label" })?.1 { network.name = DOTEscaping.unescapeLabel(label) }
        else if let name = agnameof(UnsafeMutableRawPointer(g)) { network.name = String(cString: name) }
        let defaultRelation = Relation("connected-to", directed: directed, verb: "is connected to")
        let genericKind = NodeKind("node", label: "Node")

        // Cluster membership, outermost cluster first.
        var cluster: [String: String] = [:]
        func visit(_ sub: UnsafeMutablePointer<Agraph_t>) {
            var s = agfstsubg(sub)
            while let sg = s {
                let name = String(cString: agnameof(UnsafeMutableRawPointer(sg)))
                if name.hasPrefix("cluster") {
                    // A subgraph inherits its parent's label; only its own counts.
                    func label(of graph: UnsafeMutablePointer<Agraph_t>) -> String? {
                        attributes(of: UnsafeMutableRawPointer(graph), in: graph, kind: Int32(AGRAPH)).first { $0.0 == "label" }?.1
                    }
                    let own = label(of: sg)
                    let label = own == label(of: sub) ? nil : own
                    let title = label.map { DOTEscaping.unescapeLabel($0) } ?? name
                    var n = agfstnode(sg)
                    while let node = n {
                        let id = DOTEscaping.unescapeID(String(cString: agnameof(UnsafeMutableRawPointer(node))))
                        if cluster[id] == nil { cluster[id] = title }
                        n = agnxtnode(sg, node)
                    }
                }
                visit(sg)
                s = agnxtsubg(sg)
            }
        }
        visit(g)

        var n = agfstnode(g)
        while let node = n {
            let id = DOTEscaping.unescapeID(String(cString: agnameof(UnsafeMutableRawPointer(node))))
            var result = Node(id: NodeID(id), kind: genericKind)
            for (name, value) in attributes(of: UnsafeMutableRawPointer(node), in: g, kind: Int32(AGNODE)) {
                switch name {
                case "label":
                    let text = DOTEscaping.unescapeLabel(value, nodeID: id)
                    if text != id { result.label = text }
                case "kind":
                    if let k = network.kind(value) { result.kind = k } else {
                        let k = NodeKind(value)
                        network.declaredKinds.append(k)
                        result.kind = k
                    }
                case "country": result.country = value
                default: result.attributes[name] = typed(value)
                }
            }
            if let c = cluster[id] { result.attributes["cluster"] = .string(c) }
            if result.kind == genericKind, network.kind(genericKind.id) == nil { network.declaredKinds.append(genericKind) }
            network.addNode(result)
            n = agnxtnode(g, node)
        }

        n = agfstnode(g)
        while let node = n {
            var e = agfstout(g, node)
            while let edge = e {
                let from = DOTEscaping.unescapeID(String(cString: agnameof(UnsafeMutableRawPointer(pg_tail(edge)))))
                let to = DOTEscaping.unescapeID(String(cString: agnameof(UnsafeMutableRawPointer(pg_head(edge)))))
                var relation = defaultRelation
                var attrs = Attributes()
                for (name, value) in attributes(of: UnsafeMutableRawPointer(edge), in: g, kind: Int32(AGEDGE)) {
                    if name == "relation" {
                        if let r = network.relation(value) { relation = r } else {
                            relation = Relation(value, directed: directed, verb: value.replacingOccurrences(of: "-", with: " "))
                            network.declaredRelations.append(relation)
                        }
                    } else if name == "key" {
                        continue
                    } else {
                        attrs[name] = typed(name == "label" ? DOTEscaping.unescapeLabel(value) : value)
                    }
                }
                if relation == defaultRelation, network.relation(relation.id) == nil { network.declaredRelations.append(relation) }
                network.addEdge(Edge(from: NodeID(from), to: NodeID(to), relation: relation, attributes: attrs))
                e = agnxtout(g, edge)
            }
            n = agnxtnode(g, node)
        }
        return network
    }
}
