// exp over eight Float lanes, for loops that would otherwise call the C library's expf once
// per element (the soft-min replay weights: N·M exponentials every epoch). The C call
// cannot be vectorised and cost about as much as everything else in that loop together.
//
// The method of Cephes expf:
// x = n·ln 2 + r with |r| ≤ ln2/2, a degree-5 polynomial for e^r, then a scale by 2^n
// built from the exponent bits. Error ≤ 1 ulp (tested against Double exp), including the
// subnormal range, where the result is rounded once.

public enum VectorExp {
    public typealias Lanes = SIMD8<Float>

    /// e^x for x ≤ 88 (larger arguments are not supported). Arguments below −110 and NaN
    /// return 0 (expf underflows to 0 below about −103.97 anyway).
    @inline(__always)
    public static func exp(_ x: Lanes) -> Lanes {
        let (n, y, below) = reduce(x)
        // The result is subnormal for n < −126, and for n = −126 when y < 1. Those lanes get
        // their bits as round(y·2^(n+149)), an integer below 2²³: y·2^(n+149) is a normal
        // Float, and adding 2²³ rounds it to an integer (to nearest, ties to even, as the
        // hardware would round) in the low mantissa bits. Arithmetic with subnormal results
        // costs a microcode assist per instruction on x86, and these lanes are common in the
        // soft-min (β = 100), so neither path below ever produces a subnormal: each lane's
        // unused path gets the exponent 0. (Masks come from Float comparisons: integer lane
        // comparisons compile to a scalar loop.)
        let tiny = (n .< -126) .| ((n .== -126) .& (y .< 1))
        let normal = y * powerOfTwo(n.replacing(with: 0, where: tiny))
        let scaled = y * powerOfTwo((n + 149).replacing(with: 0, where: .!tiny)) + 8_388_608
        let subnormal = unsafeBitCast(unsafeBitCast(scaled, to: SIMD8<Int32>.self) &- 0x4B00_0000, to: Lanes.self)
        return normal.replacing(with: subnormal, where: tiny).replacing(with: 0, where: below)
    }

    /// e^x · 2^64 for x ≤ 0: exactly `exp(x)` (its bits, subnormal rounding included) scaled
    /// by 2^64, which is a normal Float for every lane `exp` does not flush to 0. Sums and
    /// quotients of these scaled values never touch the subnormal range (SoftMinRow).
    public static func expTimes2To64(_ x: Lanes) -> Lanes { scaledExp(x) }

    /// `expTimes2To64`, inlined for certain (as SoftMinRow.roundedQuotient).
    @inline(always)
    static func scaledExp(_ x: Lanes) -> Lanes {
        let (n, y, below) = reduce(x)
        // The lanes `exp` returns subnormal: their mantissa M = round(y·2^(n+149)) as `exp`
        // rounds it, here as the exact integer Float M, times 2^(−149+64). The others: y·2^n
        // is exact, so y·2^(n+64) is that value times 2^64.
        let tiny = (n .< -126) .| ((n .== -126) .& (y .< 1))
        if !any(tiny .& .!below) { return (y * powerOfTwo(n + 64)).replacing(with: 0, where: below) }
        let normal = y * powerOfTwo((n + 64).replacing(with: 0, where: tiny))
        let scaled = y * powerOfTwo((n + 149).replacing(with: 0, where: .!tiny)) + 8_388_608
        let mantissa = (scaled - 8_388_608) * 0x1p-85
        return normal.replacing(with: mantissa, where: tiny).replacing(with: 0, where: below)
    }

    /// x = n·ln 2 + r with |r| ≤ ln2/2: n, y = e^r by the polynomial, and the lanes below −110
    /// (or NaN), whose result is 0.
    @inline(always)
    private static func reduce(_ x: Lanes) -> (n: Lanes, y: Lanes, below: SIMDMask<SIMD8<Int32>>) {
        let below = .!(x .>= -110)
        let xc = x.replacing(with: -110, where: below)
        // Round x·log2(e) to the nearest integer with the 1.5·2²³ trick: no vector round
        // instruction on baseline x86-64, and the integer n is left in the low mantissa bits.
        let magic = Lanes(repeating: 12_582_912)
        let t = xc * 1.442_695_04 + magic
        let n = t - magic
        // ln 2 in two parts: n·c1 is exact for |n| < 2^15.
        let r = (xc - n * 0.693_359_375) - n * -2.121_944_4e-4
        var p = Lanes(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        return (n, (p * (r * r) + r) + 1, below)
    }

    /// 2^n for integral n in −126…127, from the exponent bits.
    @inline(always)
    private static func powerOfTwo(_ n: Lanes) -> Lanes {
        let k = unsafeBitCast(n + 12_582_912, to: SIMD8<Int32>.self) &- 0x4B40_0000
        return unsafeBitCast((k &+ 127) &<< 23, to: Lanes.self)
    }
}
