// Loads, stores and masks for loops over Float buffers in SIMD8 steps whose last step may
// be partial (pattern counts M are not multiples of eight).

enum EightLanes {
    typealias Lanes = SIMD8<Float>

    /// Lanes at or beyond `lanes` (the padding of a partial vector).
    @inline(__always)
    static func padding(_ lanes: Int) -> SIMDMask<SIMD8<Int32>> {
        SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) .>= SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: lanes))
    }

    /// The first `lanes` (1…8) floats at `q`, zeros after them.
    @inline(__always)
    static func load(_ q: UnsafePointer<Float>, _ lanes: Int) -> Lanes {
        if lanes == 8 { return UnsafeRawPointer(q).loadUnaligned(as: Lanes.self) }
        var v = Lanes()
        for l in 0..<lanes { v[l] = q[l] }
        return v
    }

    /// Stores the first `lanes` (1…8) lanes of `v` at `q`.
    @inline(__always)
    static func store(_ v: Lanes, _ q: UnsafeMutablePointer<Float>, _ lanes: Int) {
        if lanes == 8 { UnsafeMutableRawPointer(q).storeBytes(of: v, as: Lanes.self); return }
        for l in 0..<lanes { q[l] = v[l] }
    }

    /// |v| per lane (clears the sign bits).
    @inline(__always)
    static func magnitude(_ v: Lanes) -> Lanes {
        unsafeBitCast(unsafeBitCast(v, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: Lanes.self)
    }
}
