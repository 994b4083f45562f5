/// Runs `body(i)` for `i` in 0..<count on the cores, in chunks of 8, and returns the results by
/// index (so they never depend on the number of threads): the loop of every null model and
/// permutation test, whose sample `i` draws from its own seeded stream. One thread when
/// `count × work` (work: a rough cost of one call, in visited entries) is under 200,000.
/// Calls `finished(k)` after each chunk of `k` calls, from the worker that ran it (progress).
public func parallelMap<T: Sendable>(
    _ count: Int, maxThreads: Int, work: Int, finished: @escaping @Sendable (Int) -> Void = { _ in },
    _ body: @escaping @Sendable (Int) -> T
) -> [T?] {
    var out = [T?](repeating: nil, count: count)
    let chunk = 8
    let tasks = (count + chunk - 1) / chunk
    let workers = workerCount(maxThreads: maxThreads, tasks: tasks, work: Double(count) * Double(work))
    out.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        let shared = SharedPointer(pointer: base)
        parallelTasks(workers: workers, tasks: tasks) { _, take in
            while let task = take() {
                let range = task * chunk..<min(count, (task + 1) * chunk)
                for i in range { shared.pointer[i] = body(i) }
                finished(range.count)
            }
        }
    }
    return out
}
