import Foundation

// NumPy's default random generator, bit for bit.
//
// The authors' notebooks draw their bootstrap resamples with `numpy.random.default_rng(123)`
// and print the resulting statistics. To reproduce those printed digits exactly (not just in
// distribution) we need the same stream of integers NumPy produces, so this file restates
// the three layers `default_rng(seed)` builds for a non-negative integer seed:
//
//   NumPySeedSequence  numpy.random.SeedSequence(seed): hashes the seed into a 128-bit pool
//                      and expands it into the generator's initial state (generate_state).
//   PCG64              numpy.random.PCG64: 128-bit LCG with the XSL-RR output function, plus
//                      NumPy's one-word buffer that splits a 64-bit draw into two 32-bit ones.
//   NumPyGenerator     numpy.random.Generator: `integers(low, high, size)` for the default
//                      dtype int64 (endpoint=False, Lemire's unbiased bounded method without
//                      masking) and `random()`.
//
// Written from NumPy's documented algorithms (SeedSequence, PCG64 and the bounded-integer
// routines of numpy/random); every path is checked against vectors that NumPy itself printed
// (scripts/numpy-random-vectors.py, Tests/SimTests/NumPyRandomTests.swift).

/// `numpy.random.SeedSequence(entropy)` with no spawn key and the default pool of four
/// 32-bit words: the seeding step of `numpy.random.default_rng(seed)`.
///
/// The entropy is split into 32-bit words, least significant first (0 gives the single word
/// 0), hashed into the pool with `hashmix`/`mix`, and `generateState` expands the pool into
/// as many words as a bit generator needs.
public struct NumPySeedSequence: Sendable, Equatable {
    public static let poolSize = 4

    static let initA: UInt32 = 0x43b0_d7e5
    static let multA: UInt32 = 0x931e_8875
    static let initB: UInt32 = 0x8b51_f9dd
    static let multB: UInt32 = 0x58f3_8ded
    static let mixMultL: UInt32 = 0xca01_f9dd
    static let mixMultR: UInt32 = 0x4973_f715
    static let xShift: UInt32 = 16

    /// The mixed entropy pool (`SeedSequence.pool`), four words.
    public let pool: [UInt32]

    /// `SeedSequence(entropy)` for an integer entropy below 2⁶⁴.
    public init(entropy: UInt64) {
        self.init(entropyWords: NumPySeedSequence.words(of: entropy))
    }

    /// `SeedSequence(entropy)` for an integer entropy given as its 32-bit words, least
    /// significant first — how NumPy coerces a Python int of any size. Must not be empty
    /// (the integer 0 is `[0]`).
    public init(entropyWords entropy: [UInt32]) {
        precondition(!entropy.isEmpty, "SeedSequence entropy needs at least one word (0 is [0])")
        let n = NumPySeedSequence.poolSize
        var hashConst = NumPySeedSequence.initA
        // The multiplier constant advances with every hash, across all loops below.
        func hashmix(_ value: UInt32) -> UInt32 {
            var v = value ^ hashConst
            hashConst &*= NumPySeedSequence.multA
            v &*= hashConst
            return v ^ (v >> NumPySeedSequence.xShift)
        }
        func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
            let r = NumPySeedSequence.mixMultL &* x &- NumPySeedSequence.mixMultR &* y
            return r ^ (r >> NumPySeedSequence.xShift)
        }
        var mixer = [UInt32](repeating: 0, count: n)
        for i in 0..<n { mixer[i] = hashmix(i < entropy.count ? entropy[i] : 0) }
        for src in 0..<n {
            for dst in 0..<n where src != dst {
                mixer[dst] = mix(mixer[dst], hashmix(mixer[src]))
            }
        }
        if entropy.count > n {
            for src in n..<entropy.count {
                for dst in 0..<n { mixer[dst] = mix(mixer[dst], hashmix(entropy[src])) }
            }
        }
        pool = mixer
    }

    /// The 32-bit words of a non-negative integer, least significant first (NumPy's
    /// `_int_to_uint32_array`): 0 → [0], 2³² + 5 → [5, 1].
    public static func words(of value: UInt64) -> [UInt32] {
        if value >> 32 == 0 { return [UInt32(value)] }
        return [UInt32(truncatingIfNeeded: value), UInt32(value >> 32)]
    }

    /// `generate_state(count, np.uint32)`: cycles through the pool, hashing each word with a
    /// running multiplier.
    public func generateState(uint32Words count: Int) -> [UInt32] {
        precondition(count >= 0)
        var hashConst = NumPySeedSequence.initB
        var out = [UInt32](repeating: 0, count: count)
        for i in 0..<count {
            var v = pool[i % pool.count] ^ hashConst
            hashConst &*= NumPySeedSequence.multB
            v &*= hashConst
            out[i] = v ^ (v >> NumPySeedSequence.xShift)
        }
        return out
    }

    /// `generate_state(count, np.uint64)`: twice as many 32-bit words, paired little-endian
    /// (the first word of each pair is the low half).
    public func generateState(uint64Words count: Int) -> [UInt64] {
        let w = generateState(uint32Words: 2 * count)
        return (0..<count).map { UInt64(w[2 * $0]) | UInt64(w[2 * $0 + 1]) << 32 }
    }
}

/// `numpy.random.PCG64`: the 128-bit permuted congruential generator (state ← state·M + inc
/// mod 2¹²⁸, output XSL-RR: the xor of the state's halves rotated right by its top six bits),
/// as NumPy seeds it and including NumPy's 32-bit buffering.
///
/// The 128-bit arithmetic is done on UInt64 halves so that a draw costs one full-width and
/// two plain 64-bit multiplications.
public struct PCG64: Sendable, Equatable {
    public static let multiplierHigh: UInt64 = 0x2360_ED05_1FC6_5DA4
    public static let multiplierLow: UInt64 = 0x4385_DF64_9FCC_F645

    /// The LCG state, high and low 64 bits.
    public var stateHigh: UInt64, stateLow: UInt64
    /// The (odd) LCG increment, high and low 64 bits.
    public var incrementHigh: UInt64, incrementLow: UInt64
    /// NumPy's `has_uint32`/`uinteger`: `next32()` uses the low half of a 64-bit draw and
    /// keeps the high half here for the following `next32()`. The buffer lives in the bit
    /// generator, so it carries over between `Generator` calls and is neither used nor
    /// cleared by `next64()` (64-bit bounded draws, `random()`).
    public var hasBufferedUInt32 = false
    public var bufferedUInt32: UInt32 = 0

    /// `PCG64(seed)`, i.e. the bit generator of `numpy.random.default_rng(seed)`.
    public init(seed: UInt64) {
        self.init(seedSequence: NumPySeedSequence(entropy: seed))
    }

    /// `PCG64(seed_sequence)`: four 64-bit words from `generate_state(4, np.uint64)` are the
    /// initial state (words 0, 1 = high, low) and the stream selector (words 2, 3).
    public init(seedSequence: NumPySeedSequence) {
        let w = seedSequence.generateState(uint64Words: 4)
        self.init(initStateHigh: w[0], initStateLow: w[1], sequenceHigh: w[2], sequenceLow: w[3])
    }

    /// PCG's `srandom`: state = 0, inc = 2·sequence + 1, step, state += initState, step.
    public init(initStateHigh: UInt64, initStateLow: UInt64, sequenceHigh: UInt64, sequenceLow: UInt64) {
        stateHigh = 0
        stateLow = 0
        incrementHigh = sequenceHigh << 1 | sequenceLow >> 63
        incrementLow = sequenceLow << 1 | 1
        step()
        let (low, carry) = stateLow.addingReportingOverflow(initStateLow)
        stateLow = low
        stateHigh = stateHigh &+ initStateHigh &+ (carry ? 1 : 0)
        step()
    }

    /// state ← state · M + inc (mod 2¹²⁸).
    @inlinable @inline(__always)
    mutating func step() {
        let product = stateLow.multipliedFullWidth(by: PCG64.multiplierLow)
        let high = product.high &+ stateLow &* PCG64.multiplierHigh &+ stateHigh &* PCG64.multiplierLow
        let (low, carry) = product.low.addingReportingOverflow(incrementLow)
        stateLow = low
        stateHigh = high &+ incrementHigh &+ (carry ? 1 : 0)
    }

    /// The next 64-bit output (`random_raw`, `next_uint64`): step, then XSL-RR of the new state.
    @inlinable @inline(__always)
    public mutating func next64() -> UInt64 {
        step()
        let x = stateHigh ^ stateLow
        let rotation = stateHigh >> 58
        return x >> rotation | x << ((64 &- rotation) & 63)
    }

    /// NumPy's `next_uint32`: the buffered high half if there is one, otherwise the low half
    /// of a fresh 64-bit draw (whose high half is buffered).
    @inlinable @inline(__always)
    public mutating func next32() -> UInt32 {
        if hasBufferedUInt32 {
            hasBufferedUInt32 = false
            return bufferedUInt32
        }
        let x = next64()
        hasBufferedUInt32 = true
        bufferedUInt32 = UInt32(truncatingIfNeeded: x >> 32)
        return UInt32(truncatingIfNeeded: x)
    }

    /// NumPy's `next_double`: the top 53 bits of a 64-bit draw, scaled into [0, 1).
    @inlinable @inline(__always)
    public mutating func nextDouble() -> Double {
        Double(next64() >> 11) * 0x1.0p-53
    }
}

/// `numpy.random.Generator` over `PCG64` — what `numpy.random.default_rng(seed)` returns —
/// for the calls the reproduction needs: `integers` with the default dtype int64 and
/// `endpoint=False`, and `random`.
///
/// Bounded integers follow NumPy's `random_bounded_uint64_fill` with `use_masked=False`.
/// With r = high − low − 1:
/// - r = 0: every value is `low`, and no random numbers are consumed;
/// - r < 2³² − 1: Lemire's multiply-and-reject on `next32()` (so two values per 64-bit draw);
/// - r = 2³² − 1: `next32()` itself;
/// - larger r: Lemire on `next64()` with a 128-bit product.
/// Lemire: m = x · (r + 1); if the low word of m is below r + 1, compute the threshold
/// 2^bits mod (r + 1) and redraw while the low word is below it; the value is the high word.
/// A call with `count: n` consumes exactly what n single draws would, so arrays, buffers and
/// single draws can be mixed freely and stay on NumPy's stream.
public struct NumPyGenerator: Sendable, Equatable {
    public var bitGenerator: PCG64

    /// `numpy.random.default_rng(seed)`.
    public init(seed: UInt64) { bitGenerator = PCG64(seed: seed) }

    public init(bitGenerator: PCG64) { self.bitGenerator = bitGenerator }

    // MARK: Bounded integers

    /// A uniform value in [0, r] exactly as NumPy draws it for the range r = high − low − 1.
    @inlinable @inline(__always)
    public mutating func bounded(range r: UInt64) -> UInt64 {
        if r == 0 { return 0 }
        if r < 0xFFFF_FFFF { return UInt64(lemire32(UInt32(truncatingIfNeeded: r))) }
        if r == 0xFFFF_FFFF { return UInt64(bitGenerator.next32()) }
        if r == .max { return bitGenerator.next64() }
        return lemire64(r)
    }

    /// Lemire's method on 32-bit draws for r < 2³² − 1 (`buffered_bounded_lemire_uint32`).
    @inlinable @inline(__always)
    mutating func lemire32(_ r: UInt32) -> UInt32 {
        let excl = r &+ 1
        var m = UInt64(bitGenerator.next32()) &* UInt64(excl)
        if UInt32(truncatingIfNeeded: m) < excl {
            let threshold = (UInt32.max &- r) % excl
            while UInt32(truncatingIfNeeded: m) < threshold {
                m = UInt64(bitGenerator.next32()) &* UInt64(excl)
            }
        }
        return UInt32(truncatingIfNeeded: m >> 32)
    }

    /// Lemire's method on 64-bit draws for 2³² − 1 < r < 2⁶⁴ − 1 (`bounded_lemire_uint64`).
    @inlinable @inline(__always)
    mutating func lemire64(_ r: UInt64) -> UInt64 {
        let excl = r &+ 1
        var m = bitGenerator.next64().multipliedFullWidth(by: excl)
        if m.low < excl {
            let threshold = (UInt64.max &- r) % excl
            while m.low < threshold { m = bitGenerator.next64().multipliedFullWidth(by: excl) }
        }
        return m.high
    }

    @inlinable @inline(__always)
    static func range(low: Int, high: Int) -> UInt64 {
        precondition(low < high, "integers: low >= high")
        return UInt64(bitPattern: Int64(high)) &- 1 &- UInt64(bitPattern: Int64(low))
    }

    /// `integers(low, high)` (size=None): one int64 in [low, high).
    @inlinable @inline(__always)
    public mutating func integers(low: Int, high: Int) -> Int {
        let r = NumPyGenerator.range(low: low, high: high)
        return Int(truncatingIfNeeded: UInt64(bitPattern: Int64(low)) &+ bounded(range: r))
    }

    /// `integers(low, high, size=count)`: `count` int64 values in [low, high).
    public mutating func integers(low: Int, high: Int, count: Int) -> [Int] {
        precondition(count >= 0)
        if count == 0 { return [] }
        return [Int](unsafeUninitializedCapacity: count) { buffer, initialized in
            fillIntegers(low: low, high: high, into: UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
            initialized = count
        }
    }

    /// `integers(0, n)` (size=None): one index in [0, n). n ≥ 1.
    @inlinable @inline(__always)
    public mutating func integer(below n: Int) -> Int {
        precondition(n >= 1, "integer(below:) needs n >= 1")
        return Int(truncatingIfNeeded: bounded(range: UInt64(n &- 1)))
    }

    /// `integers(low, high, size=buffer.count)` written into the caller's buffer.
    public mutating func fillIntegers(low: Int, high: Int, into buffer: UnsafeMutableBufferPointer<Int>) {
        let r = NumPyGenerator.range(low: low, high: high)
        let offset = UInt64(bitPattern: Int64(low))
        fill(range: r, count: buffer.count) { i, v in
            buffer[i] = Int(truncatingIfNeeded: offset &+ v)
        }
    }

    /// `integers(0, n, size=buffer.count)` written into the caller's buffer. n ≥ 1.
    public mutating func fillIntegers(below n: Int, into buffer: UnsafeMutableBufferPointer<Int>) {
        fillIntegers(low: 0, high: n, into: buffer)
    }

    /// `integers(0, n, size=buffer.count)` as 32-bit indices (same draws as the Int64 form).
    /// 1 ≤ n ≤ 2³¹.
    public mutating func fillIntegers(below n: Int, into buffer: UnsafeMutableBufferPointer<Int32>) {
        precondition(n >= 1 && n <= 1 << 31, "fillIntegers(below:into: Int32 buffer) needs 1 <= n <= 2^31")
        fill(range: UInt64(n - 1), count: buffer.count) { i, v in
            buffer[i] = Int32(truncatingIfNeeded: v)
        }
    }

    /// `count` bounded draws, the range test hoisted out of the loop.
    @inline(__always)
    mutating func fill(range r: UInt64, count: Int, _ store: (Int, UInt64) -> Void) {
        if r == 0 {
            for i in 0..<count { store(i, 0) }
        } else if r < 0xFFFF_FFFF {
            let r32 = UInt32(truncatingIfNeeded: r)
            for i in 0..<count { store(i, UInt64(lemire32(r32))) }
        } else if r == 0xFFFF_FFFF {
            for i in 0..<count { store(i, UInt64(bitGenerator.next32())) }
        } else if r == .max {
            for i in 0..<count { store(i, bitGenerator.next64()) }
        } else {
            for i in 0..<count { store(i, lemire64(r)) }
        }
    }

    // MARK: Floats

    /// `random()`: a Double in [0, 1) from the top 53 bits of one 64-bit draw.
    @inlinable @inline(__always)
    public mutating func random() -> Double { bitGenerator.nextDouble() }

    /// `random(size=count)`.
    public mutating func random(count: Int) -> [Double] {
        precondition(count >= 0)
        return (0..<count).map { _ in bitGenerator.nextDouble() }
    }
}
