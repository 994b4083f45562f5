import Foundation

/// The repository root.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// What a finished process left.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The folder that holds the built products (the test bundle sits beside them).
var productsDirectory: URL {
    let bundle = Bundle.main.bundleURL
    return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
}

/// Runs a built executable of this package with the repository root as working directory.
func partnergraph(_ arguments: [String], in directory: URL = repositoryRoot) throws -> RunResult {
    try runProduct("partnergraph", arguments, in: directory)
}

/// Runs a built executable of this package with the repository root as working directory.
func runProduct(_ executable: String, _ arguments: [String], in directory: URL = repositoryRoot) throws -> RunResult {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent(executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("partnergraph-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }
