// RowParallel's loops on the spinning workers (Sources/Sim/WorkerPool.swift) and the
// ranges of the two-phase sums (SleepPhase, "Two-phase sums").

import Foundation
import Synchronization
import Testing
import Sim

@Suite struct RowParallelTests {
    /// Every index runs exactly once, for many jobs in a row (the workers spinning between
    /// them), after a pause long enough for them to park, and with more indices than threads.
    @Test func everyIndexRunsOnce() {
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 64)
        defer { counts.deallocate() }
        let c = SendablePointer(counts)
        for job in 0..<3000 {
            let ranges = RowParallel.ranges(64, threads: 2 + job % 7)
            counts.initialize(repeating: 0, count: 64)
            RowParallel.forEach(ranges) { k, range in
                #expect(ranges[k] == range)
                for i in range { c[i] += 1 }
            }
            #expect((0..<64).allSatisfy { counts[$0] == 1 })
            if job % 1000 == 999 { usleep(2000) }   // past the spin limit: the workers park
        }
        counts.initialize(repeating: 0, count: 64)
        RowParallel.forEachBlock(64, threads: 3, minBlock: 1) { range in
            for i in range { c[i] += 1 }
        }
        #expect((0..<64).allSatisfy { counts[$0] == 1 })
    }

    /// A loop inside a loop runs on the thread that calls it, and still covers its range.
    @Test func nestedLoopsRunInline() {
        let total = Atomic<Int>(0)
        RowParallel.forEach(RowParallel.ranges(8, threads: 2)) { _, outer in
            RowParallel.forEach(RowParallel.ranges(10, threads: 2)) { _, inner in
                total.add(outer.count * inner.count, ordering: .relaxed)
            }
        }
        #expect(total.load(ordering: .relaxed) == 80)
    }

    @Test func sumPhaseRangesCoverTheUnitsFirstLighter() {
        for count in [1, 2, 7, 60, 428, 1000] {
            for threads in [1, 2, 3, 7] {
                let ranges = RowParallel.sumPhaseRanges(count, threads: threads, firstShare: 0.8)
                #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == count)
                #expect(ranges.count <= threads && ranges.allSatisfy { !$0.isEmpty })
                #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            }
        }
        // 1000 equal units on 2 threads: 0.8 : 1.
        #expect(RowParallel.sumPhaseRanges(1000, threads: 2, firstShare: 0.8) == [0..<444, 444..<1000])
        // Weighted: the boundary follows the weights (units 0..<10 weigh 100 each, the rest 1).
        let weighted = RowParallel.sumPhaseRanges(100, threads: 2, firstShare: 1) { $0 < 10 ? 100 : 1 }
        #expect(weighted == [0..<5, 5..<100])
    }
}
