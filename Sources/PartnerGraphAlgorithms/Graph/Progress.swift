import Foundation

/// Progress of long computations that work source by source (betweenness, closeness, harmonic),
/// for a caller that wants to show it, such as the command line's progress line on stderr.
///
/// An algorithm reports each finished unit of work with `advance(_:of:)` from any worker thread;
/// a caller installs an observer with `observe(every:_:)` before the computation and removes it
/// afterwards. With no observer a report is one uncontended lock, a few nanoseconds, so loops
/// may report once per source (a source costs at least a graph traversal).
///
/// A computation is recognised by its `total`: a report with a different total than the last
/// one starts counting afresh, so a measure that runs two phases (or two measures in a row)
/// shows each phase from 0%.
public enum AlgorithmProgress {
    /// Receives `(done, total)`; called at most once per interval (and once when `done`
    /// reaches `total`), on whichever worker thread reported, one call at a time.
    public typealias Observer = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Installs `observer` (or removes it with nil) and resets the count.
    /// - Parameter interval: the least time between two calls of the observer, in seconds.
    public static func observe(every interval: Double = 0.1, _ observer: Observer?) {
        state.lock.lock()
        defer { state.lock.unlock() }
        state.observer = observer
        state.interval = interval
        state.done = 0
        state.total = 0
        state.lastCall = 0
    }

    /// Reports `units` more units of work finished out of `total` for the current computation.
    /// Thread-safe; cheap when nobody observes.
    @inline(__always)
    public static func advance(_ units: Int, of total: Int) {
        state.advance(units, of: total)
    }

    /// Runs `body`, an outer loop of `total` units whose units run measures that report their
    /// own progress (rewired networks, robustness copies): meanwhile only reports of `total`
    /// count, so the progress line shows the outer loop instead of restarting with each inner
    /// measure.
    public static func outer<T>(total: Int, _ body: () throws -> T) rethrows -> T {
        state.lock.lock()
        let previous = state.pinnedTotal
        state.pinnedTotal = total
        state.lock.unlock()
        defer {
            state.lock.lock()
            state.pinnedTotal = previous
            state.lock.unlock()
        }
        return try body()
    }

    private static let state = ProgressState()
}

/// The shared counter behind `AlgorithmProgress`.
final class ProgressState: @unchecked Sendable {
    let lock = NSLock()
    var observer: AlgorithmProgress.Observer?
    var interval = 0.1
    var done = 0
    var total = 0
    var lastCall = 0.0
    /// While an outer loop runs (`AlgorithmProgress.outer`), the only total that counts.
    var pinnedTotal: Int?

    func advance(_ units: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard let observer else { return }
        if let pinned = pinnedTotal, total != pinned { return }
        if total != self.total {
            self.total = total
            done = 0
        }
        done += units
        let now = ProcessInfo.processInfo.systemUptime
        if now - lastCall >= interval || done >= total {
            lastCall = now
            observer(min(done, total), total)
        }
    }
}
