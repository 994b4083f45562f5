import Foundation
import Testing

/// Every case of the hostile corpus ends with a clear, located message and a non-zero exit (or
/// the right answer): never a signal, a hang, a stack trace, a partial output or a stray
/// temporary file.
@Suite struct HostileCorpusTests {
    @Test(arguments: HostileCorpus.cases)
    func hostileInput(_ c: HostileCase) throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, bytes) in c.files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        let r = try runTimed(c.arguments, in: dir)
        #expect(!r.timedOut, "\(c.name): still running after 20 s")
        #expect(!r.signalled, "\(c.name): killed by signal \(r.status)\n\(r.stderr.prefix(2000))")
        for trace in ["Fatal error", "Stack dump", "Program crashed", "backtrace", "Thread 0", "💣"] {
            #expect(!r.stderr.contains(trace), "\(c.name): \(r.stderr.prefix(2000))")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { c.files[$0] == nil }
        switch c.outcome {
        case let .refused(status, texts):
            #expect(r.status == status, "\(c.name): exit \(r.status), expected \(status)\n\(r.stderr.prefix(2000))")
            // Our messages, or swift-argument-parser's for options it cannot parse.
            #expect(r.stderr.hasPrefix("partnergraph: ") || r.stderr.hasPrefix("Error: "), "\(c.name): \(r.stderr.prefix(2000))")
            for t in texts { #expect(r.stderr.contains(t), "\(c.name): no '\(t)' in \(r.stderr.prefix(2000))") }
            #expect(!r.stderr.contains("Missing value"), "\(c.name): a negative number read as an option: \(r.stderr.prefix(500))")
            #expect(left.isEmpty, "\(c.name): left \(left)")
        case let .succeeds(texts):
            #expect(r.status == 0, "\(c.name): exit \(r.status)\n\(r.stderr.prefix(2000))")
            for t in texts { #expect(r.stdout.contains(t), "\(c.name): no '\(t)' in \(r.stdout.prefix(2000))") }
            #expect(Set(left) == Set(c.outputs.filter { !$0.hasPrefix("/") }), "\(c.name): left \(left)")
            for output in c.outputs where !output.hasPrefix("/") {
                let url = dir.appendingPathComponent(output)
                if output.hasSuffix(".svg") || output.hasSuffix(".graphml") || output.hasSuffix(".gexf") {
                    #expect(isWellFormedXML(url), "\(c.name): \(output) is not well-formed XML")
                }
                if !output.hasSuffix(".svg") {
                    // What we wrote reads back.
                    let back = try runTimed(["info", output], in: dir)
                    #expect(back.status == 0, "\(c.name): \(output) does not read back: \(back.stderr.prefix(2000))")
                }
            }
        }
    }

    /// A 5 GB input (sparse: no disk is used) is refused at once, saying why.
    @Test func aFileTooLargeToReadIsRefused() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = dir.appendingPathComponent("big.csv")
        #expect(FileManager.default.createFile(atPath: big.path, contents: Data("source,target\n".utf8)))
        #expect(truncate(big.path, 5 << 30) == 0)
        let r = try runTimed(["info", "big.csv"], in: dir)
        #expect(!r.signalled && !r.timedOut)
        #expect(r.status == 65)
        #expect(r.stderr == "partnergraph: big.csv: is 5.0 GB, larger than the 2.0 GB a file may have here (its text is read into memory, and the network takes several times more); split it or keep fewer attributes\n")
    }

    /// SIGHUP and SIGQUIT stop a command as Ctrl-C does: exit 128 + N, no crash report.
    @Test(arguments: [SIGHUP, SIGQUIT, SIGINT, SIGTERM])
    func signalsStopCleanly(_ signal: Int32) throws {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("partnergraph")
        // Reading standard input from a pipe nobody writes to: the command waits.
        process.arguments = ["info", "-", "--input-format", "yaml"]
        let input = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        Thread.sleep(forTimeInterval: 0.5)
        kill(process.processIdentifier, signal)
        if finished.wait(timeout: .now() + 10) == .timedOut {
            Issue.record("signal \(signal): still running 10 s later")
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + signal, "signal \(signal): \(process.terminationReason) \(process.terminationStatus) \(stderr)")
        #expect(!stderr.contains("crashed") && !stderr.contains("Backtrac"), "\(stderr)")
        try? input.fileHandleForWriting.close()
    }

    /// On a terminal, control characters from the data are shown as control pictures; in a
    /// file or pipe the bytes stay as they are. (`script` gives the command a terminal.)
    @Test func terminalsSeeNoRawEscapeCodes() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("source,target\nred\u{1B}[31m,b\n", to: dir.appendingPathComponent("e.csv"))
        let binary = productsDirectory.appendingPathComponent("partnergraph").path
        let onTerminal = try runTimed(["-qec", "\(binary) nodes e.csv", "/dev/null"], in: dir, executable: "/usr/bin/script")
        #expect(onTerminal.stdout.contains("red␛[31m"), "\(onTerminal.stdout.debugDescription)")
        #expect(!onTerminal.stdout.contains("\u{1B}[31m"))
        let piped = try runTimed(["nodes", "e.csv", "--format", "csv"], in: dir)
        #expect(piped.stdout.contains("red\u{1B}[31m,"), "a file gets the data as it is")
    }

    /// A node without a usable id is one problem, not also a NUL one (its placeholder's).
    @Test func anEmptyIdIsOneProblem() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("nodes:\n  - {id: \"\", kind: person}\n  - {id: ~, kind: person}\nedges: []\n", to: dir.appendingPathComponent("n.yaml"))
        let r = try runTimed(["info", "n.yaml"], in: dir)
        #expect(r.status == 65)
        #expect(!r.stderr.contains("NUL"), "\(r.stderr)")
        #expect(r.stderr.hasSuffix("partnergraph: 2 problems found\n"), "\(r.stderr)")
    }

    /// A pipe (`<(command)`, a FIFO) is read to its end like a file.
    @Test func aPipeIsReadToItsEnd() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("in.yaml")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let text = try Data(contentsOf: repositoryRoot.appendingPathComponent("Graphs/karate-club.yaml"))
        DispatchQueue.global().async {
            if let h = FileHandle(forWritingAtPath: fifo.path) { h.write(text); try? h.close() }
        }
        let r = try runTimed(["info", "in.yaml"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Zachary's karate club"))
    }

    /// A failing standard output (a full disk, a closed pipe) is exit 74 and one line.
    @Test func standardOutputOnAFullDisk() throws {
        let r = try runTimed(["info", repositoryRoot.appendingPathComponent("Graphs/karate-club.yaml").path], in: repositoryRoot, stdoutPath: "/dev/full")
        #expect(!r.signalled, "killed by signal \(r.status)")
        #expect(r.status == 74, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("partnergraph: ") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
}

/// The fuzzing target replays inputs without the fuzzer (README "Fuzzing"): every reader reads
/// the networks of Graphs/ in its format, and a hostile input from the corpus, without a crash.
@Suite struct FuzzReplayTests {
    @Test func everyReaderReplaysInputs() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let readers = ["yaml", "json", "graphml", "gexf", "gml", "node-link", "pajek", "edgelist", "dot"]
        for reader in readers {
            let file = dir.appendingPathComponent("karate.\(reader)")
            if reader == "yaml" {
                try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Graphs/karate-club.yaml"), to: file)
            } else {
                let r = try partnergraph(["convert", "Graphs/karate-club.yaml", "--to", reader, "-o", file.path])
                #expect(r.status == 0, "\(reader): \(r.stderr)")
            }
            let hostile = dir.appendingPathComponent("hostile.\(reader)")
            try write(String(repeating: "[{<", count: 5_000), to: hostile)
            let replay = try runProduct("PartnerGraphFuzz", [reader, file.path, hostile.path])
            #expect(replay.status == 0, "\(reader): \(replay.stdout)")
            #expect(replay.stdout == "2 inputs read by the \(reader) reader without a crash\n")
        }
    }

    /// The workbook readers replay committed workbooks, a damaged one among them.
    @Test func workbookReadersReplayInputs() throws {
        let fixtures = "Tests/PartnerGraphFormatsTests/Fixtures/spreadsheets/"
        for (reader, files) in [("xlsx", ["Examples/nordic-innovation-procurement.xlsx", fixtures + "damaged-endless-deflate.xlsx"]),
                                ("ods", [fixtures + "libreoffice-types.ods", fixtures + "damaged-not-a-zip.xlsx"])] {
            let replay = try runProduct("PartnerGraphFuzz", [reader] + files.map { repositoryRoot.appendingPathComponent($0).path })
            #expect(replay.status == 0, "\(reader): \(replay.stdout)")
            #expect(replay.stdout == "2 inputs read by the \(reader) reader without a crash\n")
        }
    }
}
