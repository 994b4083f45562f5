import Foundation
import PartnerGraphKernels

// The iterations of eigenvector and Katz centrality: each step pulls every row of the in-CSR
// (x_next[v] from x[u] over the arcs u → v). A step is cut into parts fixed by the graph; on
// a large graph the parts are shared by a team of threads (`runInLockstep`), on a small one a
// single thread goes through them in order. Per-part sums are added in part order, so the
// result is the same on any number of threads.

/// How the iterations split their steps: below `minimumWork` rows plus arcs in one part on one
/// thread (a step then takes a few microseconds, less than threads meeting costs); above, a
/// part per `partWork` (at most `maxParts`), shared by the threads. Tests lower the bounds to
/// split small graphs.
struct PowerIterationSplit {
    var minimumWork = 100_000
    var partWork = 16_384
    var maxParts = 1024
    /// The longest wait at a phase end before the threads go on as one (`LockstepTeamState`).
    var stallLimit: UInt64 = 1_000_000
    static let standard = PowerIterationSplit()
}

/// What one step of a parted iteration reads and writes: the in-CSR (`w` empty unless
/// `useWeights`), the current and next vectors, the parts' row bounds, and `sumsPerPart` sums
/// per part in `partial` (sum `s` of part `p` at `s * parts + p`).
struct PowerIterationBuffers: @unchecked Sendable {
    let start: UnsafeBufferPointer<Int32>
    let nbr: UnsafeBufferPointer<Int32>
    let w: UnsafeBufferPointer<Double>
    let useWeights: Bool
    let x: UnsafeMutablePointer<Double>
    let y: UnsafeMutablePointer<Double>
    let bounds: UnsafeBufferPointer<Int>
    let partial: UnsafeMutableBufferPointer<Double>
    var parts: Int { bounds.count - 1 }

    /// `Σ_{u → v} x[u]` (weighted by `w` when `useWeights`) over row `v`.
    @inline(__always)
    func pull(_ x: UnsafeMutablePointer<Double>, row v: Int) -> Double {
        let lo = Int(start[v]), hi = Int(start[v + 1])
        return useWeights ? gatherWeightedRowSum(x, nbr, w, lo, hi) : gatherRowSum(x, nbr, lo, hi)
    }

    /// The sums `s` of all parts, added in part order.
    @inline(__always)
    func total(_ s: Int) -> Double {
        var sum = 0.0
        for p in 0..<parts { sum += partial[s * parts + p] }
        return sum
    }
}

/// An iteration whose steps `runPowerIteration` shares out: `run` is what each thread of the team
/// (or the only thread) executes, taking parts from the schedule and ending every phase with
/// `endPhase()`, and returns 1 when the result is in `x`, 2 when in `y`, 0 when it did not
/// converge (or the thread left the team). Every thread must reach the same decisions, so the
/// sums a thread adds after a phase end must not be the ones another may already be writing for
/// the next phase: consecutive phases use different sums.
protocol PowerIterationStep: Sendable {
    /// Sums the step keeps per part.
    var sumsPerPart: Int { get }
    func run<Schedule: PhaseSchedule>(_ schedule: inout Schedule, _ b: PowerIterationBuffers) -> Int
}

/// Runs `step` on `g`'s in-rows from `x = initial` everywhere; returns the converged vector or
/// nil when the step reports no convergence.
func runPowerIteration<Step: PowerIterationStep>(
    _ g: CompactGraph, weighted: Bool, initial: Double, maxThreads: Int, split: PowerIterationSplit, _ step: Step
) -> [Double]? {
    let n = g.nodeCount
    let useWeights = weighted && g.isWeighted
    let weights = useWeights ? g.inStrengths! : []
    var x = [Double](repeating: initial, count: n)
    var next = [Double](repeating: 0, count: n)
    let parts = RowParts(start: g.inStart, minimumWork: split.minimumWork, partWork: split.partWork, maxParts: split.maxParts)
    var threads = 1
    if #available(macOS 15.0, *) {
        let cores = maxThreads > 0 ? maxThreads : ProcessInfo.processInfo.activeProcessorCount
        threads = max(1, min(cores, parts.count))
    }
    var partials = [Double](repeating: 0, count: step.sumsPerPart * parts.count)

    var outcome = 0
    g.inStart.withUnsafeBufferPointer { start in
        g.inNeighbours.withUnsafeBufferPointer { nbr in
            weights.withUnsafeBufferPointer { w in
                x.withUnsafeMutableBufferPointer { xb in
                    next.withUnsafeMutableBufferPointer { yb in
                        parts.bounds.withUnsafeBufferPointer { bounds in
                            partials.withUnsafeMutableBufferPointer { partial in
                                let buffers = PowerIterationBuffers(
                                    start: start, nbr: nbr, w: w, useWeights: useWeights, x: xb.baseAddress!,
                                    y: yb.baseAddress!, bounds: bounds, partial: partial)
                                if threads == 1 {
                                    var serial = SerialSchedule()
                                    outcome = step.run(&serial, buffers)
                                } else if #available(macOS 15.0, *) {
                                    runInLockstep(threads: threads, stallLimit: split.stallLimit) { schedule in
                                        var member = schedule
                                        let result = step.run(&member, buffers)
                                        if schedule.rank == 0 { outcome = result }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    switch outcome {
    case 1: return x
    case 2: return next
    default: return nil
    }
}

/// Rows `0..<n` of a CSR graph cut into `parts` consecutive ranges of about equal work (rows
/// plus arcs). The cut depends on the graph only — never on the number of threads — so sums
/// taken per part and then added in part order are the same on any number of threads.
struct RowParts {
    /// `bounds[p]..<bounds[p + 1]` are the rows of part `p`.
    let bounds: [Int]
    var count: Int { bounds.count - 1 }

    /// One part below `minimumWork` rows plus arcs, else a part per `partWork`, at most
    /// `maxParts`.
    init(start: [Int32], minimumWork: Int, partWork: Int, maxParts: Int) {
        let n = start.count - 1
        let work = n + Int(start[n])
        let count = work < minimumWork ? 1 : max(1, min(work / partWork, maxParts, n))
        var bounds = [0]
        var v = 0
        for p in 1..<count {
            let goal = work * p / count
            while v < n && v + Int(start[v]) < goal { v += 1 }
            bounds.append(v)
        }
        bounds.append(n)
        self.bounds = bounds
    }
}
