import ArgumentParser
import Foundation
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

/// Exit codes, after BSD's sysexits.h.
enum ExitStatus {
    static let dataError: Int32 = 65   // EX_DATAERR: the input is wrong
    static let noInput: Int32 = 66     // EX_NOINPUT: the input file cannot be read
    static let ioError: Int32 = 74     // EX_IOERR: the output cannot be written
}

func printError(_ text: String) {
    writeError("partnergraph: " + text + "\n")
}

/// Runs a command body, turning our errors into messages on stderr and exit codes (no stack
/// traces, no raw error dumps).
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as NetworkValidationError {
        for issue in e.issues { printError(issue.description) }
        printError("\(e.issues.count) problem\(e.issues.count == 1 ? "" : "s") found")
        throw ExitCode(ExitStatus.dataError)
    } catch let e as FormatError {
        printError(e.description)
        let missing = e.message == "no such file" || e.message.hasPrefix("cannot be read") || e.message.hasPrefix("is a folder")
        throw ExitCode(missing ? ExitStatus.noInput : ExitStatus.dataError)
    } catch let e as ViewError {
        printError(e.description)
        throw ExitCode.validationFailure
    } catch let e as AlgorithmError {
        printError(e.description)
        throw ExitCode(ExitStatus.dataError)
    } catch let e as UsageError {
        printError(e.message)
        throw ExitCode.validationFailure
    }
}

/// A request that does not make sense (reported with exit code 64).
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Writes to standard error, ignoring a failure (there is nowhere left to report it).
func writeError(_ text: String) {
    try? OutputFile.writeAll(Data(text.utf8), to: STDERR_FILENO, path: "standard error")
}

/// Writes to standard output; a failing write (a full disk, a closed pipe) ends the command
/// with one line and exit status 74.
func writeOutput(_ text: String) {
    do {
        try OutputFile.writeAll(Data(text.utf8), to: STDOUT_FILENO, path: "-")
    } catch {
        printError("\(error)")
        exit(ExitStatus.ioError)
    }
}
