import Foundation

/// Runs `body(i)` for `i` in 0..<count on the cores, in chunks of 8, and returns the results by
/// index (so they never depend on the number of threads): the loop of every null model and
/// permutation test, whose sample `i` draws from its own seeded stream. One thread when
/// `count × work` (work: a rough cost of one call, in visited entries) is under 200,000.
/// Reports each finished chunk to `AlgorithmProgress.current` with total `count`.
func parallelMap<T: Sendable>(_ count: Int, maxThreads: Int, work: Int, _ body: @escaping @Sendable (Int) -> T) -> [T?] {
    let progress = AlgorithmProgress.current
    var out = [T?](repeating: nil, count: count)
    let chunk = 8
    let tasks = (count + chunk - 1) / chunk
    let cores = maxThreads > 0 ? maxThreads : ProcessInfo.processInfo.activeProcessorCount
    let workers = count * work < 200_000 ? 1 : max(1, min(cores, tasks))
    out.withUnsafeMutableBufferPointer { buffer in
        let shared = PathsShared(pointer: buffer.baseAddress!)
        pathsParallelTasks(workers: workers, tasks: tasks) { _, take in
            while let task = take() {
                let range = task * chunk..<min(count, (task + 1) * chunk)
                for i in range { shared.pointer[i] = body(i) }
                progress?.advance(range.count, of: count)
            }
        }
    }
    return out
}
