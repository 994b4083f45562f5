import Foundation
import Testing

/// `-o` never replaces what is not ours to replace, never leaves half a file or a temporary
/// file, and reports every failing write with exit status 74.
@Suite struct OutputSafetyTests {
    let karate = repositoryRoot.appendingPathComponent("Graphs/karate-club.yaml").path

    func convert(_ output: String, in dir: URL, extra: [String] = []) throws -> TimedRun {
        try runTimed(["convert", karate, "--to", "json", "-o", output] + extra, in: dir)
    }

    func leftovers(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".pg-") }
    }

    /// A file holding "old" with the given permission bits.
    func file(_ name: String, in dir: URL, mode: mode_t) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try write("old", to: url)
        chmod(url.path, mode)
        return url
    }

    /// Sets a file's modification time `seconds` into the past.
    func backdate(_ url: URL, seconds: TimeInterval) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -seconds)], ofItemAtPath: url.path)
    }

    func fileType(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : 0
    }

    /// A character device of our own (root can make one; others use the machine's).
    func device(_ name: String, minor: UInt32, in dir: URL) -> String {
        let path = dir.appendingPathComponent(name).path
        if getuid() == 0 && mknod(path, S_IFCHR | 0o666, dev_t((1 << 8) | minor)) == 0 { return path }
        return minor == 7 ? "/dev/full" : "/dev/null"
    }

    @Test func devicesAreWrittenThroughNotReplaced() throws {
        let dir = try temporaryFolder()
        let full = device("full", minor: 7, in: dir)
        let r = try convert(full, in: dir)
        #expect(r.status == 74, "\(r.stderr)")
        #expect(r.stderr == "partnergraph: \(full): cannot write: No space left on device\n")
        #expect(fileType(full) == S_IFCHR, "the device is still a device")
        let null = device("null", minor: 3, in: dir)
        let ok = try convert(null, in: dir)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(fileType(null) == S_IFCHR)
        #expect(try leftovers(dir).isEmpty)
    }

    @Test func ourOwnDescriptorsAreWrittenAsTheyStand() throws {
        let dir = try temporaryFolder()
        // -o /dev/stdout into a pipe (runTimed's stdout is a file: the shell's `>> log` case).
        let log = dir.appendingPathComponent("log.txt")
        try write("earlier lines\n", to: log)
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("partnergraph")
        process.arguments = ["convert", karate, "--to", "json", "-o", "/dev/stdout"]
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.hasPrefix("earlier lines\n{"), "appended, not replaced: \(text.prefix(40))")
        let piped = try partnergraph(["convert", karate, "--to", "json", "-o", "/dev/stdout"])
        #expect(piped.status == 0 && piped.stdout.hasPrefix("{"), "\(piped.stderr)")
        #expect(try leftovers(dir).isEmpty)
    }

    @Test func aSymbolicLinkIsFollowed() throws {
        let dir = try temporaryFolder()
        let real = dir.appendingPathComponent("real.json")
        try write("old", to: real)
        let link = dir.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.json")
        let r = try convert("link.json", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(fileType(link.path) == S_IFLNK, "the link stays a link")
        #expect(try String(contentsOf: real, encoding: .utf8).hasPrefix("{"), "the file it points to is new")
        #expect(try leftovers(dir).isEmpty)
    }

    @Test func hardLinksAndReadOnlyFilesAreRefused() throws {
        let dir = try temporaryFolder()
        let a = dir.appendingPathComponent("a.json"), b = dir.appendingPathComponent("b.json")
        try write("old", to: a)
        #expect(link(a.path, b.path) == 0)
        let r = try convert("a.json", in: dir)
        #expect(r.status == 74)
        #expect(r.stderr.hasPrefix("partnergraph: a.json: cannot write: the file has 2 names (hard links)"), "\(r.stderr)")
        #expect(try String(contentsOf: b, encoding: .utf8) == "old")
        let ro = try file("ro.json", in: dir, mode: 0o444)
        let r2 = try convert("ro.json", in: dir)
        #expect(r2.status == 74)
        #expect(r2.stderr == "partnergraph: ro.json: cannot write: the file is read-only\n")
        #expect(try String(contentsOf: ro, encoding: .utf8) == "old")
        #expect(try leftovers(dir).isEmpty)
    }

    @Test func aReplacedFileKeepsItsPermissions() throws {
        let dir = try temporaryFolder()
        let f = try file("private.json", in: dir, mode: 0o600)
        #expect(try convert("private.json", in: dir).status == 0)
        var st = stat()
        stat(f.path, &st)
        #expect(st.st_mode & 0o777 == 0o600)
    }

    @Test func staleTemporaryFilesOfDeadProcessesAreRemoved() throws {
        let dir = try temporaryFolder()
        var dead: pid_t = 999_999
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        let stale = dir.appendingPathComponent(".pg-\(dead)-1.tmp")
        try write("half a file", to: stale)
        let fresh = dir.appendingPathComponent(".pg-\(dead)-2.tmp")
        try write("being written in another PID namespace", to: fresh)
        let foreign = dir.appendingPathComponent(".pg-notours.tmp")
        try write("keep", to: foreign)
        try backdate(stale, seconds: 3_600)
        try backdate(foreign, seconds: 3_600)
        #expect(try convert("out.json", in: dir).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale.path), "what a SIGKILL left an hour ago is removed")
        #expect(FileManager.default.fileExists(atPath: fresh.path), "a file written a moment ago may belong to a live writer")
        #expect(FileManager.default.fileExists(atPath: foreign.path), "only our own pattern")
    }

    @Test func twoProcessesWritingOneFileLeaveOneWholeFile() throws {
        let dir = try temporaryFolder()
        let big = try temporaryFolder().appendingPathComponent("big.csv")
        var csv = "source,target\n"
        for i in 0..<20_000 { csv += "n\(i),n\(i + 1)\n" }
        try write(csv, to: big)
        let runs = [Int](repeating: 0, count: 4)
        nonisolated(unsafe) var statuses = [Int32](repeating: -1, count: runs.count)
        DispatchQueue.concurrentPerform(iterations: runs.count) { i in
            let format = i % 2 == 0 ? "graphml" : "gexf"
            statuses[i] = (try? runTimed(["convert", big.path, "--to", format, "-o", "out.xml"], in: dir))?.status ?? -1
        }
        #expect(statuses.allSatisfy { $0 == 0 }, "\(statuses)")
        #expect(isWellFormedXML(dir.appendingPathComponent("out.xml")), "one writer's whole file, never a mix")
        #expect(try leftovers(dir).isEmpty)
    }

    @Test func csvTablesAreRefusedTogether() throws {
        let dir = try temporaryFolder()
        _ = try file("nodes.csv", in: dir, mode: 0o444)
        let r = try runTimed(["convert", karate, "--to", "csv", "-o", "edges.csv", "--nodes-output", "nodes.csv"], in: dir)
        #expect(r.status == 74)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("edges.csv").path), "no edge table without its node table")
        #expect(try leftovers(dir).isEmpty)
    }
}

/// A command stopped at any moment leaves the output whole or absent: SIGINT removes the
/// temporary file at once; after SIGKILL one may remain, and the next write into the folder
/// removes it. Signals arrive at several moments of a conversion that takes a second or two.
@Suite(.serialized) struct InterruptedWriteTests {
    @Test(arguments: [SIGINT, SIGKILL])
    func aStoppedWriteLeavesNoHalfFile(_ signal: Int32) throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var csv = "source,target,weight\n"
        for i in 0..<150_000 { csv += "n\(i),n\((i * 7919) % 150_000),\(i % 9 + 1)\n" }
        try write(csv, to: dir.appendingPathComponent("big.csv"))
        let whole = try runTimed(["convert", "big.csv", "--to", "graphml", "-o", "whole.graphml"], in: dir, seconds: 120)
        #expect(whole.status == 0, "\(whole.stderr)")
        let expected = try Data(contentsOf: dir.appendingPathComponent("whole.graphml"))
        for delay in [0.2, 0.6, 1.0, 1.5, 2.5] {
            let process = Process()
            process.executableURL = productsDirectory.appendingPathComponent("partnergraph")
            process.arguments = ["convert", "big.csv", "--to", "graphml", "-o", "out.graphml"]
            process.currentDirectoryURL = dir
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            let out = dir.appendingPathComponent("out.graphml")
            if let data = FileManager.default.contents(atPath: out.path) {
                #expect(data == expected, "signal \(signal) after \(delay) s left a partial output")
            }
            let temporaries = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".pg-") }
            if signal == SIGINT {
                #expect(temporaries.isEmpty, "SIGINT after \(delay) s left \(temporaries)")
                #expect(process.terminationStatus == 0 || process.terminationStatus == 130)
            }
            try? FileManager.default.removeItem(at: out)
        }
        // Whatever SIGKILL left, the next write into the folder removes once it is a minute old.
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasPrefix(".pg-") {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3_600)], ofItemAtPath: dir.appendingPathComponent(name).path)
        }
        #expect(try runTimed(["convert", "big.csv", "--to", "json", "-o", "next.json"], in: dir, seconds: 120).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".pg-") }.isEmpty)
    }
}
