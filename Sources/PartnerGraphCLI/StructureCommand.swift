import ArgumentParser
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

struct StructureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "structure",
        abstract: "Size, density, components, cut points, bridges, clustering, diameter and assortativity.",
        discussion: """
        Each value equals its NetworkX counterpart: density, number_connected_components (weak
        on directed views), number_strongly_connected_components, isolates,
        articulation_points and bridges (ignoring direction), average_clustering and
        transitivity (undirected views), diameter and radius (of the largest weakly connected
        component, ignoring direction and weights), degree_assortativity_coefficient.
        Examples:
          partnergraph structure Graphs/nordic-innovation-procurement.yaml
          partnergraph structure Graphs/karate-club.yaml --format json
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var view: ViewOptions
    @Option(help: "Output format: table or json.") var format: Format = .table

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    func run() throws {
        try reportingErrors {
            let analysis = try AnalysisInput(input: input, view: view)
            let s = structureSummary(analysis.graph)
            let ids = analysis.viewed.nodeIDs.map(\.rawValue)
            func number(_ d: Double?) -> String { d.map(JSONText.number) ?? "null" }
            func int(_ i: Int?) -> String { i.map(String.init) ?? "null" }
            func list(_ l: [Int]) -> String { "[" + l.map { JSONText.quote(ids[$0]) }.joined(separator: ", ") + "]" }
            switch format {
            case .json:
                let fields = [
                    "\"nodes\": \(s.nodes)", "\"edges\": \(s.edges)", "\"density\": \(JSONText.number(s.density))",
                    "\"components\": \(s.components)", "\"strongComponents\": \(int(s.strongComponents))",
                    "\"largestComponent\": \(s.largestComponent)", "\"isolates\": \(list(s.isolates))",
                    "\"articulationPoints\": \(list(s.articulationPoints))",
                    "\"bridges\": [" + s.bridges.map { "[\(JSONText.quote(ids[$0[0]])), \(JSONText.quote(ids[$0[1]]))]" }.joined(separator: ", ") + "]",
                    "\"averageClustering\": \(number(s.averageClustering))", "\"transitivity\": \(number(s.transitivity))",
                    "\"diameter\": \(int(s.diameter))", "\"radius\": \(int(s.radius))",
                    "\"degreeAssortativity\": \(number(s.degreeAssortativity))",
                ]
                writeOutput("{\n  " + fields.joined(separator: ",\n  ") + "\n}\n")
            case .table:
                func opt(_ d: Double?) -> String { d.map(formatNumber) ?? "n/a" }
                let rows: [(String, String)] = [
                    ("nodes", "\(s.nodes)"), ("edges", "\(s.edges)"), ("density", formatNumber(s.density)),
                    ("components", "\(s.components)"), ("strong components", s.strongComponents.map(String.init) ?? "n/a (undirected)"),
                    ("largest component", "\(s.largestComponent)"),
                    ("isolates", s.isolates.isEmpty ? "none" : s.isolates.map { ids[$0] }.joined(separator: ", ")),
                    ("articulation points", s.articulationPoints.isEmpty ? "none" : s.articulationPoints.map { ids[$0] }.joined(separator: ", ")),
                    ("bridges", s.bridges.isEmpty ? "none" : s.bridges.map { "\(ids[$0[0]])–\(ids[$0[1]])" }.joined(separator: ", ")),
                    ("average clustering", opt(s.averageClustering)), ("transitivity", opt(s.transitivity)),
                    ("diameter", s.diameter.map(String.init) ?? "n/a"), ("radius", s.radius.map(String.init) ?? "n/a"),
                    ("degree assortativity", opt(s.degreeAssortativity)),
                ]
                let width = rows.map { $0.0.count }.max()!
                writeOutput(rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n") + "\n")
            }
        }
    }
}
