// Loads the Nordic network and lists who founded LUP and who belongs to KEINO.
//
// Run from the repository root:
//   swift run NordicFounders [path/to/nordic-innovation-procurement.yaml]
import PartnerGraph
import PartnerGraphFormats
import Foundation

let path = CommandLine.arguments.dropFirst().first ?? "Graphs/nordic-innovation-procurement.yaml"
do {
    let network = try NetworkFile.load(path)

    func name(_ id: NodeID) -> String { network.node(id)?.displayName ?? id.rawValue }

    print("Founded LUP:")
    for edge in network.edges where edge.to == "lup" && edge.relation == .founded {
        print("  \(name(edge.from))")
    }
    print("Belong to KEINO:")
    for edge in network.edges where edge.to == "keino" && ["founding-member-of", "member-of", "part-of"].contains(edge.relation.id) {
        print("  \(name(edge.from)) (\(edge.relation.verb))")
    }
} catch {
    print("cannot load \(path): \(error)")
    exit(1)
}
