import Foundation

/// Clean stops on Ctrl-C: `installHandlers()` makes SIGINT (and SIGTERM, SIGHUP, SIGQUIT) remove the temporary
/// files that atomic writes have in flight, clear a progress line, and exit with 128 + the
/// signal number (130 for Ctrl-C), so an interrupted command never leaves a half-written output
/// or a stray temporary file. `OutputFile` registers its temporary files here (those a SIGKILL
/// leaves are removed by the next write into the same folder).
///
/// The signal handler only calls async-signal-safe functions (`unlink`, `write`, `_exit`) on
/// memory prepared beforehand.
public enum Interruption {
    private static let slotCount = 16
    nonisolated(unsafe) private static var slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: slotCount)
        p.initialize(repeating: nil, count: slotCount)
        return p
    }()
    /// "\r", then erase to the end of the line.
    nonisolated(unsafe) private static var clearLineBytes: UnsafeMutablePointer<UInt8> = {
        let bytes: [UInt8] = [0x0D, 0x1B, 0x5B, 0x4B]
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        p.initialize(from: bytes, count: bytes.count)
        return p
    }()
    nonisolated(unsafe) private static var lineShown: Int32 = 0
    private static let lock = NSLock()

    /// Installs the SIGINT, SIGTERM, SIGHUP and SIGQUIT handlers. Call once, early in `main`.
    public static func installHandlers() {
        // Touch the lazily initialised storage now, never inside the handler.
        _ = slots
        _ = clearLineBytes
        var handled = sigset_t()
        sigemptyset(&handled)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(s, interruptionHandler)
            sigaddset(&handled, s)
        }
        // A parent may start us with these blocked (the mask is inherited): unblock them, or
        // the handlers would never run.
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    }

    /// Registers a temporary file to delete if the process is interrupted before `release`.
    public static func removeOnInterrupt(_ path: String) {
        guard let copy = strdup(path) else { return }
        lock.lock()
        defer { lock.unlock() }
        for i in 0..<slotCount where slots[i] == nil {
            slots[i] = copy
            return
        }
        free(copy)
    }

    /// Forgets a temporary file registered with `removeOnInterrupt` (it was renamed or removed).
    /// The copy of its name is not freed: the handler may be reading it.
    public static func release(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for i in 0..<slotCount {
            if let p = slots[i], String(cString: p) == path {
                slots[i] = nil
                return
            }
        }
    }

    /// Tells the handler whether a progress line is on the terminal (cleared on interrupt).
    public static func setProgressLineShown(_ shown: Bool) {
        lineShown = shown ? 1 : 0
    }

    nonisolated(unsafe) private static var deferring: Int32 = 0
    nonisolated(unsafe) private static var pendingSignal: Int32 = 0

    /// From now until `resumeSignals`, a signal (on any thread) is only noted: files being
    /// renamed into place all get there. Not nested.
    public static func deferSignals() { deferring = 1 }

    /// Ends `deferSignals`; a signal that came meanwhile is handled now.
    public static func resumeSignals() {
        deferring = 0
        let pending = pendingSignal
        if pending != 0 { handle(pending) }
    }

    fileprivate static func handle(_ signal: Int32) {
        if deferring != 0 {
            pendingSignal = signal
            return
        }
        for i in 0..<slotCount {
            if let p = slots[i] { unlink(p) }
        }
        if lineShown != 0 { _ = write(STDERR_FILENO, clearLineBytes, 4) }
        _exit(128 + signal)
    }
}

private func interruptionHandler(_ signal: Int32) {
    Interruption.handle(signal)
}
