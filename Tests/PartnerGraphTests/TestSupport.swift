import Foundation
@testable import PartnerGraphFormats
import PartnerGraph

/// The repository root (tests read `Graphs/` from the checkout).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func graphPath(_ name: String) -> String { repositoryRoot.appendingPathComponent("Graphs/\(name)").path }

func decodeYAML(_ text: String, file: String = "test.yaml") throws -> Network {
    try NativeDecoder().decode(text, syntax: .yaml, file: file)
}

func decodeJSON(_ text: String, file: String = "test.json") throws -> Network {
    try NativeDecoder().decode(text, syntax: .json, file: file)
}

/// The messages of a failed decode, or an empty list when it succeeded.
func problems(_ body: () throws -> Network) -> [String] {
    do {
        _ = try body()
        return []
    } catch let e as NetworkValidationError {
        return e.issues.map(\.description)
    } catch {
        return ["\(error)"]
    }
}
