import Foundation
import Testing
import PartnerGraphTestSupport

/// The report script's own tests, in Node: `node --test` on Tests/ReportScript/, which checks
/// the page's path search and explanations (report-core.js) against the NetworkX path fixtures
/// and its time slices against the timeline fixtures, on the page data that this build's
/// `partnergraph report` writes (see the tops of Tests/ReportScript/paths.test.mjs and
/// time.test.mjs).
@Suite struct ReportScriptTests {
    @Test(.needs(.node))
    func reportScriptPassesItsNodeTests() throws {
        try OptionalPackage.node.require()
        let node = try #require(OptionalPackage.nodeExecutable)
        let folder = "Tests/ReportScript"
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".test.mjs") }.sorted().map { folder + "/" + $0 }
        #expect(!files.isEmpty, "no test files in \(folder)")
        // The files by name, not the folder: Node 21 and later no longer search a folder given
        // to --test (they read it as a pattern that matches the folder itself).
        let r = try runTimed(["--test"] + files, in: repositoryRoot, seconds: 300, executable: node.path,
                             environment: ["PARTNERGRAPH_BINARY": productsDirectory.appendingPathComponent("partnergraph").path])
        let output = r.stdout + r.stderr
        #expect(!r.timedOut, "node --test \(folder) took more than 300 s:\n\(output)")
        #expect(r.status == 0, "node --test \(folder) failed (exit \(r.status)):\n\(output)")
        // What ran, a line per file (each file's own count of checks).
        for summary in output.split(separator: "\n") where summary.hasPrefix("# ") && summary.contains(" checks in ") {
            print("node --test \(folder): \(summary.dropFirst(2))")
        }
    }
}
