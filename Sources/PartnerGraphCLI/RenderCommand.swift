import ArgumentParser
import Foundation
import GraphvizRendering
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a network with Graphviz (in-process, through libgvc): SVG, PNG, PDF or DOT.",
        discussion: """
        Nodes are shaped and coloured by kind (a colour-blind-safe palette), edges styled by
        relation, with arrowheads only for directed relations. The output format comes from the
        -o extension or --format: svg, png, pdf, dot (our DOT, before layout), gv (Graphviz's
        DOT with positions) or json (Graphviz's JSON). The default layout is dot up to 150 nodes
        and sfdp beyond. The same input and options give byte-identical output (except with the
        fdp layout, which Graphviz makes depend on memory addresses).
        Examples:
          partnergraph render Graphs/nordic-innovation-procurement.yaml --cluster-by country --legend -o nordic.svg
          partnergraph render Graphs/karate-club.yaml --color-by club --size-by betweenness --layout neato -o karate.png
          partnergraph render Graphs/nordic-innovation-procurement.yaml --highlight-path "Ole Bech Lykkebo" Hansel --legend -o path.svg
          partnergraph render Graphs/nordic-innovation-procurement.yaml --format dot -o -
        """)

    enum OutputKind: String, ExpressibleByArgument, CaseIterable { case svg, png, pdf, dot, gv, json }

    @OptionGroup var input: InputOptions
    @OptionGroup var view: ViewOptions
    @Option(name: .shortAndLong, help: "Output file, or - for standard output (then --format is needed).") var output: String
    @Option(help: "Output format: svg, png, pdf, dot, gv or json (default: from the -o extension).") var format: OutputKind?
    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi (default: dot up to 150 nodes, sfdp beyond, as report).") var layout: LayoutChoice?
    @Option(help: "One labelled cluster per value of this field (country, kind) or attribute ('none', the default here, for no clusters).") var clusterBy: String?
    @Option(help: "Colour nodes by kind (default), community (the nodes' 'community' attribute, or else Leiden communities found with seed 0), or a field (country) or attribute.") var colorBy: String = "kind"
    @Option(help: "Size nodes by a centrality measure (any node measure of `centrality --measure`, not edge-betweenness), scaled to a readable range.") var sizeBy: String?
    @Option(name: .long, parsing: .upToNextOption, help: """
        Highlight the shortest cooperation path between two nodes (ids or names, as `path` \
        takes them; ties walked both ways; with --weight, the least total length).
        """)
    var highlightPath: [String] = []
    @Flag(help: "Add a legend: kinds, relations, and what size and colour mean.") var legend = false
    @Option(help: "A title above the diagram.") var title: String?
    @Flag(help: "Leave out the caption that names the data's sources.") var noCaption = false
    @Flag(help: "Show each node's country under its name.") var showCountry = false
    @Flag(help: "Use HTML-like labels: a small table with name, kind and role.") var htmlLabels = false

    enum LayoutChoice: String, ExpressibleByArgument, CaseIterable { case dot, neato, fdp, sfdp, circo, twopi }

    func run() throws {
        try reportingErrors {
            let kind: OutputKind
            if let format { kind = format } else {
                guard let k = OutputKind(rawValue: (output as NSString).pathExtension.lowercased()) else {
                    throw UsageError("cannot tell the output format from '\(output)'; add --format svg|png|pdf|dot|gv|json")
                }
                kind = k
            }
            let network = try input.load()
            let chosenView = try view.view()
            let viewed = try network.viewed(through: chosenView)
            var encoder = DOTEncoder()
            encoder.title = title
            encoder.caption = !noCaption
            encoder.legend = legend
            encoder.showCountry = showCountry
            encoder.htmlLabels = htmlLabels
            let included = viewed.networkIndices.map { network.nodes[$0] }
            if let clusterBy, clusterBy != "none" {
                guard included.contains(where: { encoder.fieldValue($0, clusterBy) != nil }) else {
                    throw UsageError("--cluster-by \(clusterBy): no node has a '\(clusterBy)' field or attribute")
                }
                encoder.clusterBy = clusterBy
            }
            if colorBy == "community" && !included.contains(where: { encoder.fieldValue($0, colorBy) != nil }) {
                // No stored communities: find them (Leiden, seed 0) on the view.
                let graph = CompactGraph(viewed, weightIsDistance: view.weightAs == .distance)
                let partition = try CommunityAlgorithm.leiden.detect(on: graph, seed: 0, weighted: graph.isWeighted)
                var groups: [NodeID: Int] = [:]
                for (i, c) in partition.community.enumerated() { groups[viewed.nodeIDs[i]] = c }
                encoder.colorBy = .groups(groups, name: "Community")
            } else if colorBy != "kind" {
                guard included.contains(where: { encoder.fieldValue($0, colorBy) != nil }) else {
                    throw UsageError("--color-by \(colorBy): no node has a '\(colorBy)' field or attribute")
                }
                encoder.colorBy = .attribute(colorBy)
            }
            if let sizeBy {
                encoder.sizes = try NodeStyling.sizes(measure: sizeBy, viewed: viewed, weightIsDistance: view.weightAs == .distance)
                encoder.sizeMeaning = "\(sizeBy) (larger is higher)"
            }
            if !highlightPath.isEmpty {
                guard highlightPath.count == 2 else { throw UsageError("--highlight-path takes two nodes: FROM TO") }
                var pathView = chosenView
                pathView.direction = .undirected
                var path: Path?
                try reportingPathErrors(network, view: view) {
                    let finder = try PathFinder(network: network, view: pathView)
                    path = try finder.shortestPath(from: try finder.resolve(highlightPath[0]), to: try finder.resolve(highlightPath[1]))
                }
                if let path {
                    encoder.highlightedNodes = Set(path.nodes)
                    encoder.highlightedEdges = Set(path.edges.map(\.edgeIndex))
                }
            }
            let engine = layout.flatMap { LayoutEngine(rawValue: $0.rawValue) } ?? .automatic(nodeCount: viewed.nodeIDs.count)
            encoder.layout = layout == nil ? nil : engine
            let edgeIndices = Array(Set(viewed.arcs.map(\.edgeIndex))).sorted()
            let dot = encoder.encode(network, nodes: viewed.networkIndices, edges: edgeIndices)
            let bytes: [UInt8]
            switch kind {
            case .dot: bytes = Array(dot.utf8)
            case .svg: bytes = try render(dot, engine, .svg)
            case .png: bytes = try render(dot, engine, .png)
            case .pdf: bytes = try render(dot, engine, .pdf)
            case .gv: bytes = try render(dot, engine, .gv)
            case .json: bytes = try render(dot, engine, .json)
            }
            try writeBytes(bytes, to: output)
        }
    }

    private func render(_ dot: String, _ engine: LayoutEngine, _ format: RenderFormat) throws -> [UInt8] {
        do {
            return try Graphviz.render(dot: dot, layout: engine, format: format)
        } catch let e as GraphvizError {
            throw FormatError("Graphviz: \(e.message)")
        }
    }
}

/// Writes bytes atomically (temporary file, then rename); `-` writes to standard output.
func writeBytes(_ bytes: [UInt8], to path: String) throws {
    do {
        try NetworkFile.write(Data(bytes), to: path)
    } catch let e as FormatError {
        printError(e.description)
        throw ExitCode(ExitStatus.ioError)
    }
}
