import Foundation

// Seeded random numbers: xoshiro256** seeded through SplitMix64.
//
// Every independent stream (sweep point, neuron block, noise test) gets its own generator
// derived from (seed, stream), so results never depend on thread count or scheduling.

/// SplitMix64, used only to expand seeds into xoshiro state.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman & Vigna). Fast, 256-bit state, passes BigCrush.
public struct Xoshiro256: RandomNumberGenerator, Sendable {
    public var s: (UInt64, UInt64, UInt64, UInt64)

    /// A generator for stream `stream` of seed `seed`. Different streams of the same seed
    /// are statistically independent.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var sm = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        // Mix the stream in twice so that (seed, stream) pairs do not collide trivially.
        _ = sm.next()
        sm.state ^= stream &* 0x9E37_79B9_7F4A_7C15
        s = (sm.next(), sm.next(), sm.next(), sm.next())
        if s == (0, 0, 0, 0) { s.0 = 1 }
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Xoshiro256.rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = Xoshiro256.rotl(s.3, 45)
        return result
    }

    /// Uniform Double in [0, 1) with 53 random bits.
    @inline(__always)
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform Float in [0, 1) with 24 random bits.
    @inline(__always)
    public mutating func uniformFloat() -> Float {
        Float(next() >> 40) * 0x1.0p-24
    }

    /// Uniform Double in [a, b).
    @inline(__always)
    public mutating func uniform(_ a: Double, _ b: Double) -> Double {
        a + (b - a) * uniform()
    }

    /// Bernoulli(p) draw.
    @inline(__always)
    public mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

    // Standard normals: `normal()` and `normalFloatPair()` in Ziggurat.swift.

    /// Uniform integer in 0..<n without modulo bias (Lemire's method).
    @inline(__always)
    public mutating func index(below n: Int) -> Int {
        precondition(n > 0, "index(below:) needs n > 0")
        let bound = UInt64(n)
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
        }
        return Int(m.high)
    }

    /// Fisher–Yates shuffle of an array in place.
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = index(below: i + 1)
            if i != j { a.swapAt(i, j) }
        }
    }

    /// A random permutation of 0..<n.
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        shuffle(&p)
        return p
    }
}

