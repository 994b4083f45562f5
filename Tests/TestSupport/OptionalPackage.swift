import Foundation
import Testing

/// A package that some tests need and a plain `swift test` may not have: each such test skips
/// with one line naming the package to install, unless `PARTNERGRAPH_REQUIRE_OPTIONAL=1` (set by
/// `scripts/test` after it installed them, and so in CI), where a missing package fails the test.
public enum OptionalPackage: String, CaseIterable, Sendable {
    /// Debian's graphviz-doc: Graphviz's own example graphs, read by the DOT reader's test.
    case graphvizDoc = "graphviz-doc"
    /// Headless Chromium: runs the HTML report's script in the browser tests.
    case chromium
    /// Python 3 with NetworkX: the interop tests read and write files with NetworkX itself.
    case networkx
    /// Node.js 18 or later: `node --test` runs the report script's own tests (Tests/ReportScript/).
    case node

    /// Graphviz's example folder.
    public static let graphvizExamples = "/usr/share/doc/graphviz/examples"

    /// How to install it, in one line.
    public var installHint: String {
        switch self {
        case .graphvizDoc: return "apt-get install graphviz-doc"
        case .chromium: return "apt-get install chromium, or set PARTNERGRAPH_BROWSER"
        case .networkx: return "pip install networkx"
        case .node: return "apt-get install nodejs, version 18 or later"
        }
    }

    /// What the tests that need it check.
    public var purpose: String {
        switch self {
        case .graphvizDoc: return "the DOT reader against Graphviz's example graphs"
        case .chromium: return "the HTML report's script in a browser"
        case .networkx: return "files exchanged with NetworkX"
        case .node: return "the HTML report's path search against NetworkX with node --test"
        }
    }

    /// Whether the package is there.
    public var isInstalled: Bool {
        switch self {
        case .graphvizDoc:
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: OptionalPackage.graphvizExamples, isDirectory: &folder) && folder.boolValue
        case .chromium: return OptionalPackage.browser != nil
        case .networkx: return OptionalPackage.pythonHasNetworkX
        case .node: return OptionalPackage.nodeExecutable != nil
        }
    }

    /// Whether a missing package fails the tests that need it instead of skipping them.
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["PARTNERGRAPH_REQUIRE_OPTIONAL"] == "1" }

    /// Whether the tests that need it run: it is installed, or it is required (and they fail).
    public var testsRun: Bool { isInstalled || OptionalPackage.isRequired }

    /// The one line a skipped test prints.
    public var skipComment: Comment {
        Comment(rawValue: "\(rawValue) is not installed: skipped testing \(purpose) (\(installHint))")
    }

    /// Fails the running test, naming the package, when it is required but missing.
    public func require(sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard !isInstalled else { return }
        Issue.record(Comment(rawValue: "\(rawValue) is required (PARTNERGRAPH_REQUIRE_OPTIONAL=1) but not installed (\(installHint))"),
                     sourceLocation: sourceLocation)
        throw MissingPackage(package: rawValue)
    }

    /// Headless Chromium: `PARTNERGRAPH_BROWSER` names it (a path; anything not executable means
    /// none), otherwise the first of Chromium's usual names on PATH.
    public static let browser: URL? = {
        if let chosen = ProcessInfo.processInfo.environment["PARTNERGRAPH_BROWSER"] {
            return FileManager.default.isExecutableFile(atPath: chosen) ? URL(fileURLWithPath: chosen) : nil
        }
        let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for dir in path.split(separator: ":") {
                let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }()

    /// Node.js: the first `node` or `nodejs` on PATH that is version 18 or later (`node --test`
    /// and `node:test` as the report script's tests use them).
    public static let nodeExecutable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["node", "nodejs"] {
            for dir in path.split(separator: ":") {
                let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
                guard FileManager.default.isExecutableFile(atPath: url.path) else { continue }
                let p = Process()
                p.executableURL = url
                p.arguments = ["-e", "process.exit(Number(process.versions.node.split('.')[0]) >= 18 ? 0 : 1)"]
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                p.standardInput = FileHandle.nullDevice
                do { try p.run() } catch { continue }
                p.waitUntilExit()
                if p.terminationStatus == 0 { return url }
            }
        }
        return nil
    }()

    /// Whether `python3 -c "import networkx"` succeeds.
    static let pythonHasNetworkX: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import networkx"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()
}

/// Thrown by `OptionalPackage.require()` after it recorded the failure.
public struct MissingPackage: Error, CustomStringConvertible {
    public var package: String
    public var description: String { "\(package) is not installed" }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only where `package` is installed or required; otherwise it is skipped
    /// with one line naming the package.
    public static func needs(_ package: OptionalPackage) -> Self {
        .enabled(if: package.testsRun, package.skipComment)
    }
}
