// Float32 numbers below the normal range (|x| < 1.18e-38, not 0) in the hot loops
// (docs/methods.md, Conventions: "No subnormal numbers in the hot loops").
//
// Pruned factors sit at 1e-20, so the weight of a pruned z = 2 synapse is 1e-40, a
// subnormal Float32. On Intel cores every arithmetic operation that reads or produces one
// takes a microcode assist of about a hundred cycles: one sgemm with half its weights at
// 1e-40 ran 78× slower on an Intel Xeon (docs/benchmarks.md, "CPU kinds"). The models
// therefore keep such weights out of their products and element-wise passes, as exact
// zeros, and write the stored values only where a result records them.
//
// Why zeros give the same bits: every weight is ≥ 0 and an alive weight is > 1e-10, so a
// sum that holds an alive weight is ≥ 1e-10, whose half ulp (≥ 3e-18) is far above what N
// subnormals can add (< N · 1.2e-38). Sums without any alive term (a neuron with no alive
// synapse, or a field over none) are the exception; the models that can meet it handle it
// where they sum (SleepPhase).

import Foundation

public enum Subnormal {
    /// Whether `x` is subnormal (0 is not).
    @inline(__always)
    public static func isSubnormal(_ x: Float) -> Bool {
        // Exponent bits 0 and a mantissa: read as integers, so the test itself never touches
        // the floating-point unit's slow path.
        let bits = x.bitPattern
        return bits & 0x7F80_0000 == 0 && bits & 0x007F_FFFF != 0
    }

    @inline(__always)
    public static func isSubnormal(_ x: Double) -> Bool { x != 0 && x.isSubnormal }

    /// How many of the `count` values at `p` are subnormal.
    public static func count(_ p: UnsafePointer<Float>, _ count: Int) -> Int {
        var c = 0
        for e in 0..<count where isSubnormal(p[e]) { c += 1 }
        return c
    }

    public static func count(_ values: [Float]) -> Int {
        values.withUnsafeBufferPointer { count($0.baseAddress!, $0.count) }
    }

    public static func count(_ values: [Double]) -> Int {
        values.reduce(0) { $0 + (isSubnormal($1) ? 1 : 0) }
    }

    /// Sets every subnormal value at `p` to 0 (integer operations only); returns how many.
    @discardableResult
    public static func flush(_ p: UnsafeMutablePointer<Float>, _ count: Int) -> Int {
        var c = 0
        for e in 0..<count where isSubnormal(p[e]) {
            p[e] = 0
            c += 1
        }
        return c
    }

    /// a·b for a, b ≥ 0, or 0 where the product is below the normal range; it never forms a
    /// subnormal number. The product of two Floats is exact in Double, so a normal result
    /// has the bits of the Float product (one rounding of the exact value).
    @inline(__always)
    public static func product(_ a: Float, _ b: Float) -> Float {
        let d = Double(a) * Double(b)
        return d < Double(Float.leastNormalMagnitude) ? 0 : Float(d)
    }
}

/// Counts of subnormal operands by the place that would feed them to a product or an
/// element-wise pass; the models report to one when a test hands it over (Tests:
/// SubnormalGuardTests). Thread-safe.
public final class SubnormalAudit: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var seen: [String: Int] = [:]

    public init() {}

    /// Counts the subnormal values of one operand `site`.
    public func record(_ site: String, _ p: UnsafePointer<Float>, _ count: Int) {
        let c = Subnormal.count(p, count)
        lock.lock(); defer { lock.unlock() }
        counts[site, default: 0] += c
        seen[site, default: 0] += count
    }

    /// Subnormal values found per site.
    public var subnormals: [String: Int] { lock.lock(); defer { lock.unlock() }; return counts }
    /// Values looked at per site.
    public var examined: [String: Int] { lock.lock(); defer { lock.unlock() }; return seen }
    public var total: Int { subnormals.values.reduce(0, +) }
}
