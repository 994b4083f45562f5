import Foundation
import Synchronization

// A small team of threads for iterative methods whose steps take tens of microseconds
// (eigenvector and Katz centrality, PartnerGraphAlgorithms' PowerIteration.swift): a thread pool's wake-up per step would cost as
// much as the step, so the team's threads stay running for the whole computation and meet at a
// barrier between phases. Work within a phase is cut into parts fixed by the input; threads
// claim parts one at a time, and per-part sums are added in part order, so results do not depend
// on the number of threads or on which thread took which part.

/// How the threads of one computation share its phases: `nextPart()` hands out the parts of the
/// current phase (`0, 1, 2, …`; a value at or past the part count means none are left) and
/// `endPhase()` returns once every thread has finished the phase — false when the calling
/// thread is to leave the computation (never for the first thread, which carries it to the end).
public protocol PhaseSchedule {
    mutating func nextPart() -> Int
    mutating func endPhase() -> Bool
}

/// The schedule of a computation on one thread: parts in order, no synchronisation.
public struct SerialSchedule: PhaseSchedule {
    @usableFromInline var next = 0
    @inlinable public init() {}
    @inlinable @inline(__always) public mutating func nextPart() -> Int { defer { next += 1 }; return next }
    @inlinable @inline(__always) public mutating func endPhase() -> Bool { next = 0; return true }
}

/// The state the threads of one `runInLockstep` call share: parts claimed with an atomic
/// counter, phases ended by a barrier.
///
/// A waiting thread spins (waits are expected to be microseconds), yielding the processor now
/// and then. A thread that waits longer than `stallLimit` (1 ms; 0, for tests, makes any wait a
/// stall) — its partner was not running, as happens for milliseconds at a time to a virtual
/// machine's processors — asks the team to break up: at the next phase end every thread but the
/// first leaves and the first goes on alone, so a stalled processor costs one stall rather than
/// one per phase. Parts and their sums do not depend on who computes them, so neither does the
/// result.
@available(macOS 15.0, *)
public final class LockstepTeamState: @unchecked Sendable {
    private let claimed = Atomic<Int>(0)
    private let arrived = Atomic<Int>(0)
    private let generation = Atomic<Int>(0)
    /// Threads still in the computation; changed only by the first thread, between phases.
    private let members: Atomic<Int>
    /// Set by a thread that waited too long; read by the thread that ends the phase.
    private let stalled = Atomic<Bool>(false)
    /// Whether the team breaks up at the phase end just passed; written before it opens.
    private let breakUp = Atomic<Bool>(false)
    /// The longest wait that is not a stall, in nanoseconds.
    private let stallLimit: UInt64

    public init(threads: Int, stallLimit: UInt64) {
        members = Atomic(threads)
        self.stallLimit = stallLimit
    }

    /// The schedule thread `rank` uses.
    public func member(_ rank: Int) -> LockstepSchedule { LockstepSchedule(team: self, rank: rank) }

    @inline(__always) fileprivate func nextPart() -> Int {
        claimed.wrappingAdd(1, ordering: .relaxed).oldValue
    }

    fileprivate func endPhase(rank: Int) -> Bool {
        let count = members.load(ordering: .relaxed)
        if count == 1 {
            claimed.store(0, ordering: .relaxed)
            return true
        }
        let current = generation.load(ordering: .acquiring)
        if arrived.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue == count {
            // The last to arrive opens the next phase; the others are all waiting.
            arrived.store(0, ordering: .relaxed)
            claimed.store(0, ordering: .relaxed)
            breakUp.store(stalled.load(ordering: .relaxed), ordering: .relaxed)
            generation.store(current &+ 1, ordering: .releasing)
        } else {
            if stallLimit == 0 { stalled.store(true, ordering: .relaxed) }
            var spins = 0
            var since: UInt64 = 0
            while generation.load(ordering: .acquiring) == current {
                spins += 1
                if spins & 1023 == 0 {
                    sched_yield()
                    let now = DispatchTime.now().uptimeNanoseconds
                    if since == 0 {
                        since = now
                    } else if now - since > stallLimit {
                        stalled.store(true, ordering: .relaxed)
                    }
                }
            }
        }
        guard breakUp.load(ordering: .relaxed) else { return true }
        if rank == 0 { members.store(1, ordering: .relaxed) }
        return rank == 0
    }
}

/// One thread's view of a `LockstepTeamState`.
@available(macOS 15.0, *)
public struct LockstepSchedule: PhaseSchedule {
    public let team: LockstepTeamState
    public let rank: Int
    @inline(__always) public func nextPart() -> Int { team.nextPart() }
    public func endPhase() -> Bool { team.endPhase(rank: rank) }
}

/// Runs `body(schedule)` on up to `threads` threads at once and returns when every one has
/// returned. The first (`schedule.rank == 0`) runs on the calling thread, the others on the
/// shared team's parked threads; just one thread runs it when the team is busy with another
/// call. Each thread ends each phase with `schedule.endPhase()` and returns once that says false.
@available(macOS 15.0, *)
public func runInLockstep(threads: Int, stallLimit: UInt64 = 1_000_000, _ body: (_ schedule: LockstepSchedule) -> Void) {
    if threads > 1, LockstepTeam.shared.run(threads: threads, stallLimit: stallLimit, body) { return }
    body(LockstepTeamState(threads: 1, stallLimit: stallLimit).member(0))
}

/// Threads started once and parked between calls (a thread per call would cost its start-up
/// on every call).
@available(macOS 15.0, *)
private final class LockstepTeam: @unchecked Sendable {
    static let shared = LockstepTeam()

    /// Held for a whole call: one call uses the team at a time.
    private let busy = NSLock()
    private var members: [Member] = []
    private let finished = DispatchSemaphore(value: 0)

    /// One parked thread: it waits on `wake`, runs `job` and signals `finished`.
    private final class Member: @unchecked Sendable {
        let wake = DispatchSemaphore(value: 0)
        var job: (body: UnsafeMutablePointer<(LockstepSchedule) -> Void>, team: LockstepTeamState)?
    }

    /// Runs `body` on `threads` threads (this one included); false, without running it, when
    /// another call holds the team.
    func run(threads: Int, stallLimit: UInt64, _ body: (LockstepSchedule) -> Void) -> Bool {
        guard busy.try() else { return false }
        defer { busy.unlock() }
        while members.count < threads - 1 { start(rank: members.count + 1) }
        let team = LockstepTeamState(threads: threads, stallLimit: stallLimit)
        withoutActuallyEscaping(body) { escapable in
            // The members see the body through a pointer, released once they have all finished.
            let box = UnsafeMutablePointer<(LockstepSchedule) -> Void>.allocate(capacity: 1)
            box.initialize(to: escapable)
            defer { box.deinitialize(count: 1); box.deallocate() }
            for member in members.prefix(threads - 1) {
                member.job = (box, team)
                member.wake.signal()
            }
            escapable(team.member(0))
            for _ in 1..<threads { finished.wait() }
        }
        return true
    }

    private func start(rank: Int) {
        let member = Member()
        members.append(member)
        let finished = finished
        let thread = Thread {
            while true {
                member.wake.wait()
                if let job = member.job {
                    job.body.pointee(job.team.member(rank))
                    member.job = nil
                }
                finished.signal()
            }
        }
        thread.name = "PartnerGraph lockstep \(rank)"
        thread.start()
    }
}
