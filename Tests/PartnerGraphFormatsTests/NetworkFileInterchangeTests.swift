import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphFormats

/// NetworkFile reads and writes every format by extension, folder or content.
@Suite struct NetworkFileInterchangeTests {
    func folder() -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("pg-networkfile-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test(arguments: ["g.graphml", "g.gexf", "g.gml", "g.json", "g.yaml"])
    func savesAndLoadsByExtension(name: String) throws {
        let nordic = try loadGraph("nordic-innovation-procurement.yaml")
        let path = folder().appendingPathComponent(name).path
        _ = try NetworkFile.save(nordic, to: path)
        #expect(try NetworkFile.load(path) == nordic)
    }

    @Test func nodeLinkJSONIsRecognisedByItsContent() throws {
        let karate = try loadGraph("karate-club.yaml")
        let path = folder().appendingPathComponent("karate.json").path
        let warnings = try NetworkFile.save(karate, to: path, format: .nodeLink)
        #expect(warnings.isEmpty)
        #expect(try NetworkFile.load(path) == karate)
        // The same extension with the native format still reads natively.
        _ = try NetworkFile.save(karate, to: path)
        #expect(try NetworkFile.load(path) == karate)
    }

    @Test func csvGoesToAFolderOrTwoNamedFiles() throws {
        let lesmis = try loadGraph("les-miserables.yaml")
        let dir = folder().appendingPathComponent("lesmis").path + "/"
        let warnings = try NetworkFile.save(lesmis, to: dir)
        #expect(warnings.contains { $0.contains("CSV cannot hold") })
        let back = try NetworkFile.load(dir)
        #expect(back.nodes.map(\.id) == lesmis.nodes.map(\.id))
        #expect(back.edges.map(\.weight) == lesmis.edges.map(\.weight))
        let d = folder()
        _ = try NetworkFile.save(lesmis, to: d.appendingPathComponent("e.csv").path, nodesPath: d.appendingPathComponent("n.csv").path)
        let again = try NetworkFile.load(d.appendingPathComponent("e.csv").path, nodesPath: d.appendingPathComponent("n.csv").path)
        #expect(again.nodes.map(\.label) == lesmis.nodes.map(\.label))
        #expect(throws: FormatError.self) { try NetworkFile.save(lesmis, to: d.appendingPathComponent("only.csv").path) }
    }

    @Test func lossyFormatsReturnTheirWarnings() throws {
        let nordic = try loadGraph("nordic-innovation-procurement.yaml")
        let d = folder()
        let pajek = try NetworkFile.save(nordic, to: d.appendingPathComponent("n.net").path)
        #expect(pajek.contains { $0.contains("Pajek keeps only") })
        let list = try NetworkFile.save(nordic, to: d.appendingPathComponent("n.edgelist").path)
        #expect(list.contains { $0.contains("edge list") || $0.contains("The edge list") })
        let back = try NetworkFile.load(d.appendingPathComponent("n.net").path)
        #expect(back.nodes.count == nordic.nodes.count && back.edges.count == nordic.edges.count)
    }

    @Test func readersPassOnTheirWarnings() throws {
        let path = folder().appendingPathComponent("y.gml").path
        try "graph [ node [ id 0 label \"a\" graphics [ x 1 ] ] ]".write(toFile: path, atomically: true, encoding: .utf8)
        var said: [String] = []
        _ = try NetworkFile.load(path, warn: { said.append($0) })
        #expect(said.contains { $0.contains("graphics") })
    }
}
