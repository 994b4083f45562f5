import ArgumentParser
import Foundation
import PartnerGraphAlgorithms
import PartnerGraphFormats

/// `--quiet`: no progress line.
struct ProgressOptions: ParsableArguments {
    @Flag(name: .long, help: "No progress line on stderr for long computations.")
    var quiet = false
}

/// A progress line on stderr for long per-source computations (betweenness, closeness,
/// harmonic): `betweenness  42%  ETA 0:13`, shown only when stderr is a terminal, not
/// `--quiet`, and the computation has run for more than 1.5 seconds; erased when it ends.
final class ProgressDisplay: @unchecked Sendable {
    /// Seconds before the line appears (short computations show nothing).
    static let delay = 1.5

    private let label: String
    private let start = ProcessInfo.processInfo.systemUptime
    private let lock = NSLock()
    private var shown = false

    private init(label: String) { self.label = label }

    /// Runs `body` with a progress line labelled `label` when stderr is a terminal and not `quiet`.
    static func run<T>(_ label: String, quiet: Bool, _ body: () throws -> T) rethrows -> T {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return try body() }
        let display = ProgressDisplay(label: label)
        defer { display.erase() }
        return try AlgorithmProgress.observing(every: 0.2, { done, total in display.update(done: done, total: total) }, body)
    }

    private func update(done: Int, total: Int) {
        let elapsed = ProcessInfo.processInfo.systemUptime - start
        guard elapsed >= Self.delay, total > 0, done < total else { return }
        let fraction = Double(done) / Double(total)
        var text = "\r\(label)  \(Int(fraction * 100))%"
        if done > 0 {
            text += "  ETA \(Self.clock(elapsed * (1 - fraction) / fraction))"
        }
        text += "\u{1B}[K"
        lock.lock()
        defer { lock.unlock() }
        shown = true
        Interruption.setProgressLineShown(true)
        writeError(text, terminalSafe: false)
    }

    private func erase() {
        lock.lock()
        defer { lock.unlock() }
        guard shown else { return }
        writeError("\r\u{1B}[K", terminalSafe: false)
        Interruption.setProgressLineShown(false)
        shown = false
    }

    /// `m:ss`, or `h:mm:ss` past an hour.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s >= 3600 { return String(format: "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60) }
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
