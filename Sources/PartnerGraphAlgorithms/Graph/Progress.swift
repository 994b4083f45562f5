import Foundation

/// Progress of long computations that work source by source (betweenness, closeness, harmonic)
/// or sample by sample (null models, robustness), for a caller that wants to show it, such as
/// the command line's progress line on stderr.
///
/// The caller passes an observer in for the extent of a computation, as a task-local value:
///
///     let values = try AlgorithmProgress.observing(every: 0.2, { done, total in … }) {
///         try betweennessCentrality(g, weighted: false)
///     }
///
/// An algorithm takes `AlgorithmProgress.current` once, on the thread that called it (where the
/// task-local value is visible), and reports each finished unit of work to that reporter from
/// any of its worker threads. Two computations observed at the same time (two tests, two
/// requests) each see only their own reports. With no observer `current` is nil and reporting
/// costs nothing; with one, a report is one uncontended lock, a few nanoseconds, so loops may
/// report once per source (a source costs at least a graph traversal).
///
/// Within one observed computation a report with a different total than the last one starts
/// counting afresh, so a measure that runs two phases (or two measures in a row) shows each
/// phase from 0%.
public enum AlgorithmProgress {
    /// Receives `(done, total)`; called at most once per interval (and once when `done`
    /// reaches `total`), on whichever worker thread reported, one call at a time.
    public typealias Observer = @Sendable (_ done: Int, _ total: Int) -> Void

    /// The reporter of the computation running in this task (or, outside any task, on this
    /// thread); nil when nobody observes.
    @TaskLocal public static var current: ProgressReporter?

    /// Runs `body` with `observer` receiving the progress of every computation it starts.
    /// - Parameter interval: the least time between two calls of the observer, in seconds.
    public static func observing<T>(every interval: Double = 0.1, _ observer: @escaping Observer, _ body: () throws -> T) rethrows -> T {
        try $current.withValue(ProgressReporter(state: ProgressState(observer: observer, interval: interval), pinnedTotal: nil), operation: body)
    }

    /// Runs `body`, an outer loop of `total` units whose units run measures that report their
    /// own progress (rewired networks, robustness copies): meanwhile only reports of `total`
    /// count, so the progress line shows the outer loop instead of restarting with each inner
    /// measure. The loop reports its units to `current` as taken inside `body`.
    public static func outer<T>(total: Int, _ body: () throws -> T) rethrows -> T {
        guard let reporter = current else { return try body() }
        return try $current.withValue(ProgressReporter(state: reporter.state, pinnedTotal: total), operation: body)
    }

    /// A function that reports finished units out of `total` to `current` as taken now, on the
    /// calling thread; it may be called from any thread (the kernel's `parallelMap` calls it
    /// after each chunk).
    static func reporter(of total: Int) -> @Sendable (Int) -> Void {
        guard let reporter = current else { return { _ in } }
        return { units in reporter.advance(units, of: total) }
    }
}

/// Where one observed computation reports its progress: `AlgorithmProgress.current`.
public struct ProgressReporter: Sendable {
    let state: ProgressState
    /// Inside `AlgorithmProgress.outer`, the only total that counts.
    let pinnedTotal: Int?

    /// Reports `units` more units of work finished out of `total`. Thread-safe.
    @inline(__always)
    public func advance(_ units: Int, of total: Int) {
        if let pinnedTotal, total != pinnedTotal { return }
        state.advance(units, of: total)
    }
}

/// The counter of one observed computation.
final class ProgressState: @unchecked Sendable {
    let lock = NSLock()
    let observer: AlgorithmProgress.Observer
    let interval: Double
    var done = 0
    var total = 0
    var lastCall = 0.0

    init(observer: @escaping AlgorithmProgress.Observer, interval: Double) {
        self.observer = observer
        self.interval = interval
    }

    func advance(_ units: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
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
