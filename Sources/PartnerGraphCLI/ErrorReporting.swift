import ArgumentParser
import Foundation
import PartnerGraph
import PartnerGraphAlgorithms
import PartnerGraphFormats

/// Exit codes, after BSD's sysexits.h, the same in every command (README "Exit codes"): 0
/// success; 1 a question with no answer (no path); 64 a bad request (an option, value, node
/// name or constraint that makes no sense); 65 invalid input data; 66 an input that cannot be
/// read; 74 an output that cannot be written; 128 + N stopped by signal N (130 for Ctrl-C).
enum ExitStatus {
    static let usage: Int32 = 64       // EX_USAGE: the request is wrong
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
        if case .didNotConverge = e {
            printError(e.description + "; raise --max-iterations or loosen --tolerance")
        } else {
            printError(e.description)
        }
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

/// Whether standard output and standard error are terminals: there, control characters from
/// the data (an ESC in a name could recolour or clear the screen) are shown as control pictures
/// (␛); files and pipes get the text unchanged.
let outputIsTerminal = isatty(STDOUT_FILENO) == 1
let errorIsTerminal = isatty(STDERR_FILENO) == 1

/// Writes to standard error, ignoring a failure (there is nowhere left to report it).
/// `terminalSafe` is false only for our own control sequences (the progress line's).
func writeError(_ text: String, terminalSafe: Bool = true) {
    let shown = terminalSafe && errorIsTerminal ? ControlCharacters.visible(text, c1: true) : text
    try? OutputFile.writeAll(Data(shown.utf8), to: STDERR_FILENO, path: "standard error")
}

/// Writes to standard output; a failing write (a full disk, a closed pipe) ends the command
/// with one line and exit status 74.
func writeOutput(_ text: String) {
    do {
        let shown = outputIsTerminal ? ControlCharacters.visible(text, c1: true) : text
        try OutputFile.writeAll(Data(shown.utf8), to: STDOUT_FILENO, path: "-")
    } catch {
        printError("\(error)")
        exit(ExitStatus.ioError)
    }
}
