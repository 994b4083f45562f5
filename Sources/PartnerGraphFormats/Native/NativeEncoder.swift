import PartnerGraph

/// Writes the native network format as YAML or JSON (see docs/FORMAT.md).
///
/// Every field of the model is written; reading the output gives back an equal `Network`.
/// Dates in attributes are written `{date: …}` so they keep their type.
public struct NativeEncoder: Sendable {
    public var syntax: NativeDecoder.Syntax

    public init(syntax: NativeDecoder.Syntax = .yaml) { self.syntax = syntax }

    /// Encodes a network as text.
    public func encode(_ network: Network) -> String {
        let tree = NativeEncoder.tree(network)
        switch syntax {
        case .yaml: return YAMLWriter.write(tree)
        case .json: return JSONWriter.write(tree)
        }
    }

    static func value(_ v: AttributeValue) -> OutputValue {
        switch v {
        case .string(let s): return .string(s)
        case .integer(let i): return .integer(i)
        case .number(let d): return .number(d)
        case .boolean(let b): return .boolean(b)
        case .date(let d): return .mapping([("date", .string(d.description))])
        case .list(let items): return .list(items.map(value), inline: true)
        }
    }

    static func attributes(_ a: Attributes) -> OutputValue {
        .mapping(a.map { ($0.key, value($0.value)) })
    }

    static func tree(_ network: Network) -> OutputValue {
        var top: [(String, OutputValue)] = [("partnergraph", .integer(1))]
        if let n = network.name { top.append(("name", .string(n))) }
        if let d = network.description { top.append(("description", .string(d))) }
        if !network.sources.isEmpty {
            top.append(("sources", .list(network.sources.map { s in
                var f: [(String, OutputValue)] = [("id", .string(s.id)), ("title", .string(s.title))]
                if let v = s.publisher { f.append(("publisher", .string(v))) }
                if let v = s.date { f.append(("date", .string(v.description))) }
                if let v = s.language { f.append(("language", .string(v))) }
                if let v = s.url { f.append(("url", .string(v))) }
                if let v = s.note { f.append(("note", .string(v))) }
                return .mapping(f)
            }, inline: false)))
        }
        if !network.declaredKinds.isEmpty {
            top.append(("kinds", .list(network.declaredKinds.map { k in
                var f: [(String, OutputValue)] = [("id", .string(k.id))]
                if let l = k.label { f.append(("label", .string(l))) }
                return .mapping(f)
            }, inline: false)))
        }
        if !network.declaredRelations.isEmpty {
            top.append(("relations", .list(network.declaredRelations.map { r in
                .mapping([("id", .string(r.id)), ("directed", .boolean(r.isDirected)), ("verb", .string(r.verb))])
            }, inline: false)))
        }
        top.append(("nodes", .list(network.nodes.map { n in
            var f: [(String, OutputValue)] = [("id", .string(n.id.rawValue)), ("kind", .string(n.kind.id))]
            if let v = n.label { f.append(("label", .string(v))) }
            if let v = n.originalName { f.append(("originalName", .string(v))) }
            if !n.aliases.isEmpty { f.append(("aliases", .list(n.aliases.map { .string($0) }, inline: true))) }
            if let v = n.country { f.append(("country", .string(v))) }
            if let d = n.since { f.append(("since", .string(d.description))) }
            if let d = n.until { f.append(("until", .string(d.description))) }
            if !n.attributes.isEmpty { f.append(("attributes", attributes(n.attributes))) }
            if !n.sources.isEmpty { f.append(("sources", .list(n.sources.map { .string($0) }, inline: true))) }
            return .mapping(f)
        }, inline: false)))
        top.append(("edges", .list(network.edges.map { e in
            var f: [(String, OutputValue)] = [
                ("from", .string(e.from.rawValue)), ("to", .string(e.to.rawValue)), ("relation", .string(e.relation.id)),
            ]
            if let w = e.weight { f.append(("weight", .number(w))) }
            if let d = e.since { f.append(("since", .string(d.description))) }
            if let d = e.until { f.append(("until", .string(d.description))) }
            if !e.attributes.isEmpty { f.append(("attributes", attributes(e.attributes))) }
            if !e.sources.isEmpty { f.append(("sources", .list(e.sources.map { .string($0) }, inline: true))) }
            return .mapping(f)
        }, inline: false)))
        return .mapping(top)
    }
}
