import Foundation

// The kernel layer's work on the cores: shared buffers, worker counts, a parallel for with
// dynamic scheduling, and the fixed accumulation lanes that keep sums independent of the
// number of threads. (`Lockstep.swift` holds the team that runs phases in lockstep;
// `ParallelMap.swift` the map of independent samples.)

/// A raw pointer that may be shared by the workers of `parallelFor` (each writes its own part).
public struct SharedPointer<T>: @unchecked Sendable {
    public let pointer: UnsafeMutablePointer<T>
    @inlinable public init(pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

/// A read-only buffer that may be shared by the workers of `parallelFor`.
public struct SharedReadOnlyBuffer<T>: @unchecked Sendable {
    public let buffer: UnsafeBufferPointer<T>
    @inlinable public init(buffer: UnsafeBufferPointer<T>) { self.buffer = buffer }
}

/// How many workers to use: `maxThreads` (0 = every active core), never more than `tasks`, and
/// 1 when the work — roughly the number of entries all tasks visit together — is under 200,000
/// and so too small to be worth a thread.
public func workerCount(maxThreads: Int, tasks: Int, work: Double) -> Int {
    let cores = maxThreads > 0 ? maxThreads : ProcessInfo.processInfo.activeProcessorCount
    if work < 200_000 { return 1 }
    return max(1, min(cores, tasks))
}

/// Runs `body(worker)` for `worker` in `0..<workers`, in parallel when `workers > 1`.
public func parallelFor(workers: Int, _ body: @Sendable (Int) -> Void) {
    if workers <= 1 {
        body(0)
    } else {
        DispatchQueue.concurrentPerform(iterations: workers, execute: body)
    }
}

/// Hands out task numbers `0..<count` to the workers of `parallelTasks`, one at a time.
public final class TaskCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    public init(count: Int) { self.count = count }

    public func take() -> Int? {
        lock.lock()
        if next >= count { lock.unlock(); return nil }
        next += 1
        let task = next - 1
        lock.unlock()
        return task
    }
}

/// Runs `tasks` independent tasks on `workers` threads with dynamic scheduling (a worker that
/// finishes early takes the next task, so a core slowed by other load does not hold up the
/// rest). `body(worker, take)` runs once per worker: it sets up its scratch and loops over
/// `while let task = take()`. Which worker runs which task varies from run to run, so each task
/// must write only its own outputs.
public func parallelTasks(workers: Int, tasks: Int, _ body: @Sendable (Int, () -> Int?) -> Void) {
    let counter = TaskCounter(count: tasks)
    parallelFor(workers: max(1, min(workers, tasks))) { worker in
        body(worker, counter.take)
    }
}

/// The number of accumulation lanes for a sum over sources into `width` doubles per lane:
/// 16, fewer for very wide sums (at most about 2^23 doubles = 64 MB in all, at least 2 lanes) and
/// never more than the number of sources. Source `i` always goes to lane `i % lanes` and lanes
/// are summed in a fixed order, so the floating-point result depends only on the input, never
/// on the number of threads or on scheduling.
public func accumulationLaneCount(width: Int, sources: Int) -> Int {
    let byMemory = (1 << 23) / max(width, 1)
    return max(1, min(sources, max(2, min(16, byMemory))))
}
