import Foundation

/// A family of JSON fixtures in one folder of Fixtures/ (one file per graph, written by one
/// script under scripts/): the names of its files and each decoded.
protocol FixtureFamily: Decodable {
    /// The folder below Fixtures/.
    static var folder: String { get }
}

extension FixtureFamily {
    static var directory: URL { NetworkXFixture.directory.appendingPathComponent(folder) }

    /// The fixture names (file names without .json), sorted.
    static func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func load(_ name: String) throws -> Self {
        try JSONDecoder().decode(Self.self, from: Data(contentsOf: directory.appendingPathComponent("\(name).json")))
    }
}
