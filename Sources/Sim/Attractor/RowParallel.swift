// Row-partitioned parallel loops. Neurons (rows of W) learn independently, so running
// disjoint row blocks on different threads gives the same bits for any thread count.

import Foundation

/// A pointer wrapper that may cross threads; callers guarantee disjoint writes.
public struct SendablePointer<T>: @unchecked Sendable {
    public let base: UnsafeMutablePointer<T>
    public init(_ base: UnsafeMutablePointer<T>) { self.base = base }
    @inline(__always) public subscript(i: Int) -> T {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }
}

public enum RowParallel {
    /// Calls `body(range)` for disjoint ranges covering 0..<count, on up to `threads`
    /// threads. Results must depend only on the index, never on the partition.
    public static func forEachBlock(_ count: Int, threads: Int, minBlock: Int = 8,
                                    _ body: (Range<Int>) -> Void) {
        if threads <= 1 || count <= minBlock {
            body(0..<count)
            return
        }
        // A few blocks per thread for load balance (rows differ in alive counts).
        let blocks = min(max(threads * 4, 1), (count + minBlock - 1) / minBlock)
        let size = (count + blocks - 1) / blocks
        WorkerPool.shared.run(blocks, threads: threads) { k in
            let lo = k * size, hi = min(count, lo + size)
            if lo < hi { body(lo..<hi) }
        }
    }
}

public extension RowParallel {
    /// At most `threads` contiguous ranges covering 0..<count, each starting at a multiple
    /// of `alignment` (so vector loops keep their lanes), as equal as that allows.
    static func ranges(_ count: Int, threads: Int, alignment: Int = 1) -> [Range<Int>] {
        let units = (count + alignment - 1) / alignment
        let blocks = max(1, min(threads, units))
        var out = [Range<Int>]()
        var start = 0
        for k in 0..<blocks {
            let end = min(count, (units * (k + 1) / blocks) * alignment)
            if start < end { out.append(start..<end) }
            start = end
        }
        return out
    }

    /// Ranges of 0..<count for the first phase of a two-phase sum (SleepPhase): the first
    /// range adds its terms to the sums as it goes, the others only store theirs, so the first
    /// gets `firstShare` of a thread's work. `weight(k)` is the work of unit k (1 by default).
    static func sumPhaseRanges(_ count: Int, threads: Int, firstShare: Double,
                               weight: (Int) -> Int = { _ in 1 }) -> [Range<Int>] {
        guard threads > 1, count > 1 else { return count > 0 ? [0..<count] : [] }
        var total = 0
        for k in 0..<count { total += weight(k) }
        // Boundaries at the cumulative shares (firstShare + t − 1) / (firstShare + threads − 1).
        let shares = firstShare + Double(threads - 1)
        var out = [Range<Int>](), start = 0, done = 0, k = 0
        for t in 1..<threads {
            let target = Double(total) * (firstShare + Double(t - 1)) / shares
            while k < count, Double(done + weight(k)) <= target { done += weight(k); k += 1 }
            if k > start { out.append(start..<k) }
            start = k
        }
        if start < count { out.append(start..<count) }
        return out
    }

    /// Calls `body(k, ranges[k])` for every range, on up to `ranges.count` threads.
    static func forEach(_ ranges: [Range<Int>], _ body: (Int, Range<Int>) -> Void) {
        if ranges.count <= 1 {
            for (k, r) in ranges.enumerated() { body(k, r) }
            return
        }
        // On the spinning workers (WorkerPool): these loops are too short for dispatch's wake-ups.
        WorkerPool.shared.run(ranges.count, threads: ranges.count) { k in body(k, ranges[k]) }
    }
}

struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
