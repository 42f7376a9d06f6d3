// Worker threads for RowParallel's short loops. A sleep epoch at N = 1000 runs about ten
// parallel loops of 50–500 µs each; `DispatchQueue.concurrentPerform` woke its sleeping
// thread 10–300 µs late on the machines measured (a KVM guest: an idle vCPU must be woken
// by the host), which cost as much as the loops shared (docs/benchmarks.md). These workers
// spin for a short while after each job, so the next job of the same epoch starts within a
// microsecond, and park on a condition variable once nothing came for `spinLimit`.
//
// Which thread runs an index never matters: callers' loops depend only on the index
// (RowParallel's contract), so the bits are those of one thread.

import Foundation
import Synchronization

final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool()

    /// Spinning longer than this between jobs parks a worker (nanoseconds).
    static let spinLimit: UInt64 = 200_000

    /// The job being run: generation (bits 32–63), index count (16–31), next index (0–15).
    /// One word, so a worker claims an index of exactly the job it read.
    private let ticket = Atomic<UInt64>(0)
    /// Indices of the current job finished.
    private let finished = Atomic<Int>(0)
    /// The current job's body, `(Int) -> Void` on the caller's stack; read only by a worker
    /// that claimed an index of the job, which keeps the caller (and the body) waiting.
    private var body: UnsafeRawPointer?
    private let parking = NSCondition()
    /// Parked workers (under `parking`).
    private var parked = 0
    private var workerCount = 0
    /// One job at a time (a parallel loop inside a parallel loop runs inline).
    private let callerLock = NSLock()

    static let maxIndices = 1 << 16

    /// Runs body(0..<count) on the caller and up to `threads − 1` workers; returns when all
    /// are done. Falls back to the caller alone when another job is running.
    func run(_ count: Int, threads: Int, _ body: (Int) -> Void) {
        precondition(count < WorkerPool.maxIndices)
        guard threads > 1, count > 1, callerLock.try() else {
            for k in 0..<count { body(k) }
            return
        }
        defer { callerLock.unlock() }
        startWorkers(upTo: threads - 1)
        withoutActuallyEscaping(body) { escapable in
            var closure = escapable
            withUnsafePointer(to: &closure) { pointer in
                self.body = UnsafeRawPointer(pointer)
                finished.store(0, ordering: .relaxed)
                let generation = (ticket.load(ordering: .relaxed) >> 32) &+ 1
                ticket.store(generation << 32 | UInt64(count) << 16, ordering: .releasing)
                parking.lock()
                if parked > 0 { parking.broadcast() }
                parking.unlock()
                while let k = claim(generation) { pointer.pointee(k); finished.add(1, ordering: .releasing) }
                // Wait for the workers' indices; yield now and then in case a worker lost its core.
                var spins = 0
                while finished.load(ordering: .acquiring) < count {
                    spins &+= 1
                    if spins & 1023 == 0 { sched_yield() }
                }
                self.body = nil
            }
        }
    }

    /// The next index of job `generation`, or nil when it has none left (or is over).
    private func claim(_ generation: UInt64) -> Int? {
        var t = ticket.load(ordering: .acquiring)
        while true {
            guard t >> 32 == generation else { return nil }
            let index = Int(t & 0xFFFF), count = Int((t >> 16) & 0xFFFF)
            guard index < count else { return nil }
            let (exchanged, original) = ticket.compareExchange(expected: t, desired: t &+ 1,
                                                               ordering: .acquiringAndReleasing)
            if exchanged { return index }
            t = original
        }
    }

    private func startWorkers(upTo wanted: Int) {
        parking.lock()
        defer { parking.unlock() }
        while workerCount < wanted {
            workerCount += 1
            let seen = ticket.load(ordering: .acquiring) >> 32
            let thread = Thread { [unowned self] in self.work(from: seen) }
            thread.name = "WorkerPool"
            thread.start()
        }
    }

    private func work(from start: UInt64) {
        var seen = start
        while true {
            let generation = waitForJob(after: seen)
            seen = generation
            while let k = claim(generation) {
                body!.assumingMemoryBound(to: ((Int) -> Void).self).pointee(k)
                finished.add(1, ordering: .releasing)
            }
        }
    }

    /// Spins until a job newer than `seen` is published, parking after `spinLimit`.
    private func waitForJob(after seen: UInt64) -> UInt64 {
        var since = DispatchTime.now().uptimeNanoseconds
        var spins = 0
        while true {
            let generation = ticket.load(ordering: .acquiring) >> 32
            if generation != seen { return generation }
            spins &+= 1
            if spins & 255 == 0, DispatchTime.now().uptimeNanoseconds &- since > WorkerPool.spinLimit {
                parking.lock()
                parked += 1
                while ticket.load(ordering: .acquiring) >> 32 == seen { parking.wait() }
                parked -= 1
                parking.unlock()
                since = DispatchTime.now().uptimeNanoseconds
            }
        }
    }
}
