// Four Float exponentials at once with the bits of this machine's libm `expf` (glibc's
// FMA variant, selected on CPUs with FMA), for the sleep soft-min (docs/methods.md §2.5),
// which calls expf M·N times per epoch: 1.4–2.0 ns per element against 4.4–4.5 ns for
// the libm call. (VectorExp, the trainer's exp, has other bits.)
//
// glibc's expf (since 2.27): with N = 32, k = round(x·N/ln2), r = x·N/ln2 − k (one FMA),
// exp(x) ≈ 2^(k/N) · (C0 r³ + C1 r² + C2 r + 1), 2^(k/N) from a 32-entry table of
// 2^(i/N) with k/N's integer part added to the exponent; the polynomial is three FMAs, the
// result rounded once to Float. Arguments with |x| ≥ 88 (overflow, underflow, NaN) take
// libm itself. `LibmExactExpTests` compares with `Foundation.exp` every 13th Float in
// [−110, 0] (every one with TEST_LONG=1: all 1.17·10⁹ matched on 2026-12-02) and samples
// elsewhere, so a libm with other arithmetic (a CPU without FMA takes glibc's SSE2
// variant) shows up there rather than as silently different results. Without
// `-target-cpu` (Makefile SWIFT_CPU=) the FMAs are library calls: the same bits, slower.

import Foundation

public enum LibmExactExp {
    /// N/ln 2, the polynomial coefficients scaled by N⁻³, N⁻², N⁻¹, and the rounding shift
    /// 1.5·2⁵² (glibc's __exp2f_data: invln2_scaled, poly_scaled, shift).
    static let invLn2N = Double(bitPattern: 0x4047_1547_652B_82FE)
    static let c0 = Double(bitPattern: 0x3EBC_6AF8_4B91_2394)
    static let c1 = Double(bitPattern: 0x3F2E_BFCE_50FA_C4F3)
    static let c2 = Double(bitPattern: 0x3F96_2E42_FF0C_52D6)
    static let shift = Double(bitPattern: 0x4338_0000_0000_0000)
    /// 2^(i/32) with i·2⁴⁷ subtracted from its bits, so that adding k·2⁴⁷ (k = 32q + i)
    /// gives 2^(k/32).
    static let table: [UInt64] = (0..<32).map { i in
        Foundation.exp2(Double(i) / 32).bitPattern &- (UInt64(i) << 47)
    }

    typealias D4 = SIMD4<Double>

    /// expf of each lane.
    public static func exp(_ x: SIMD4<Float>) -> SIMD4<Float> {
        table.withUnsafeBufferPointer { exp(x, table: $0.baseAddress!) }
    }

    /// expf of each lane, with `table`'s storage.
    @inline(__always)
    static func exp(_ x: SIMD4<Float>, table t: UnsafePointer<UInt64>) -> SIMD4<Float> {
        // |x| ≥ 88 (top bits of |x| at or above those of 88.0): libm's special cases.
        let top = (unsafeBitCast(x, to: SIMD4<UInt32>.self) &>> 20) & 0x7FF
        if any(top .>= 0x42B) {
            return SIMD4(Foundation.exp(x[0]), Foundation.exp(x[1]), Foundation.exp(x[2]), Foundation.exp(x[3]))
        }
        let xd = D4(Double(x[0]), Double(x[1]), Double(x[2]), Double(x[3]))
        let n = D4(repeating: invLn2N)
        let kd = D4(repeating: shift).addingProduct(n, xd)
        let ki = unsafeBitCast(kd, to: SIMD4<UInt64>.self)
        let k = kd - D4(repeating: shift)
        let r = (-k).addingProduct(n, xd)
        let idx = ki & 31
        let bits = SIMD4<UInt64>(t[Int(idx[0])], t[Int(idx[1])], t[Int(idx[2])], t[Int(idx[3])]) &+ (ki &<< 47)
        let s = unsafeBitCast(bits, to: D4.self)
        let z = D4(repeating: c1).addingProduct(D4(repeating: c0), r)
        let r2 = r * r
        var y = D4(repeating: 1).addingProduct(r, D4(repeating: c2))
        y = y.addingProduct(z, r2)
        y = y * s
        return SIMD4(Float(y[0]), Float(y[1]), Float(y[2]), Float(y[3]))
    }
}
