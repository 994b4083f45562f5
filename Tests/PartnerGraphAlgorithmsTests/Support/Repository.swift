import Foundation

/// The repository's root: the nearest folder above this file that holds Package.swift (so
/// tests find Graphs/ and their fixtures wherever their own file sits).
let repositoryRoot: URL = {
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) && folder.path != "/" {
        folder = folder.deletingLastPathComponent()
    }
    return folder
}()

/// A network file of the repository, by its path from the root (`Graphs/karate-club.yaml`).
func repositoryFile(_ path: String) -> URL { repositoryRoot.appendingPathComponent(path) }

/// This test target's folder (its Fixtures/ are committed beside the tests).
let algorithmsTestsFolder = repositoryFile("Tests/PartnerGraphAlgorithmsTests")
