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
        withoutActuallyEscaping(body) { b in
            let box = UncheckedBox(b)
            DispatchQueue.concurrentPerform(iterations: blocks) { k in
                let lo = k * size, hi = min(count, lo + size)
                if lo < hi { box.value(lo..<hi) }
            }
        }
    }
}

struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
