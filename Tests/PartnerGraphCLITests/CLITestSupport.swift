import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

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

/// A fixture of the algorithm tests, Tests/PartnerGraphAlgorithmsTests/Fixtures/FAMILY/NAME.json,
/// as a JSON object.
func algorithmFixture(_ family: String, _ name: String) throws -> [String: Any] {
    let url = repositoryRoot.appendingPathComponent("Tests/PartnerGraphAlgorithmsTests/Fixtures/\(family)/\(name).json")
    return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
}

/// Runs partnergraph, expects success, and reads its standard output as a JSON object.
func partnergraphJSON(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let r = try partnergraph(arguments)
    #expect(r.status == 0, "\(r.stderr)", sourceLocation: sourceLocation)
    return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], sourceLocation: sourceLocation)
}

/// What a run of the built binary left, with a time limit.
struct TimedRun {
    var status: Int32
    var signalled: Bool
    var timedOut: Bool
    var stdout: String
    var stderr: String
}

/// Runs the built `partnergraph` in `directory`, killing it after `seconds`; stdout and stderr
/// go to files outside `directory` (so that they are not mistaken for what the command wrote),
/// or stdout to `stdoutPath` when given (e.g. /dev/full); `environment` adds to the inherited one.
func runTimed(_ arguments: [String], in directory: URL, seconds: Double = 20, stdoutPath: String? = nil, executable: String? = nil,
              environment: [String: String] = [:]) throws -> TimedRun {
    let logs = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: logs) }
    let outURL = logs.appendingPathComponent("stdout"), errURL = logs.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let process = Process()
    process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? productsDirectory.appendingPathComponent("partnergraph")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let out = try FileHandle(forWritingTo: stdoutPath.map { URL(fileURLWithPath: $0) } ?? outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    var timedOut = false
    if finished.wait(timeout: .now() + seconds) == .timedOut {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
        finished.wait()
    }
    try out.close()
    try err.close()
    return TimedRun(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, timedOut: timedOut,
                    stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                    stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
}

/// Whether a file is well-formed XML.
func isWellFormedXML(_ url: URL) -> Bool {
    guard let parser = XMLParser(contentsOf: url) else { return false }
    return parser.parse()
}
