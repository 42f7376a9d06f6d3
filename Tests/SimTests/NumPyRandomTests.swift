import XCTest
import Foundation
import Sim

/// NumPySeedSequence, PCG64 and NumPyGenerator against vectors printed by NumPy itself
/// (Fixtures/numpy_random_vectors.json, written by scripts/numpy-random-vectors.py).
final class NumPyRandomTests: XCTestCase {
    struct Fixture: Decodable {
        struct Bounded: Decodable {
            var seed: String?
            var low: String
            var high: String
            var values: [String]
            var raw_draws: Int
            var rejections: Int
        }
        struct Seed: Decodable {
            var seed: String
            var generate_state_4_uint64: [String]
            var random_raw_8: [String]
            var random_8: [String]
            var integers: [Bounded]
        }
        struct LongEntropy: Decodable {
            var entropy_words_uint32: [String]
            var generate_state_4_uint64: [String]
            var generate_state_6_uint32: [String]
        }
        struct Call: Decodable {
            var kind: String
            var low: String?
            var high: String?
            var size: Int
            var values: [String]
        }
        struct Sequence: Decodable {
            var seed: String
            var calls: [Call]
            var final_has_uint32: Int
        }
        var numpy_version: String
        var seeds: [Seed]
        var long_entropy: LongEntropy
        var sequence: Sequence
        var rejection: [Bounded]
    }

    static let fixture: Fixture? = {
        guard let url = Bundle.module.url(forResource: "numpy_random_vectors", withExtension: "json",
                                          subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(Fixture.self, from: data)
    }()

    func loadFixture() throws -> Fixture {
        let f = try XCTUnwrap(Self.fixture, "Fixtures/numpy_random_vectors.json missing or unreadable")
        XCTAssertGreaterThanOrEqual(f.seeds.count, 5)
        return f
    }

    func u64(_ s: String, file: StaticString = #filePath, line: UInt = #line) throws -> UInt64 {
        try XCTUnwrap(UInt64(s), "not a UInt64: \(s)", file: file, line: line)
    }

    func int(_ s: String, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        try XCTUnwrap(Int(s), "not an Int: \(s)", file: file, line: line)
    }

    func double(_ s: String, file: StaticString = #filePath, line: UInt = #line) throws -> Double {
        try XCTUnwrap(Double(s), "not a Double: \(s)", file: file, line: line)
    }

    // MARK: SeedSequence

    func testSeedSequenceGenerateState() throws {
        for entry in try loadFixture().seeds {
            let seq = NumPySeedSequence(entropy: try u64(entry.seed))
            XCTAssertEqual(seq.generateState(uint64Words: 4), try entry.generate_state_4_uint64.map { try u64($0) },
                           "seed \(entry.seed)")
        }
    }

    func testSeedSequenceLongEntropy() throws {
        let long = try loadFixture().long_entropy
        let words = try long.entropy_words_uint32.map { try XCTUnwrap(UInt32($0)) }
        XCTAssertGreaterThan(words.count, NumPySeedSequence.poolSize)
        let seq = NumPySeedSequence(entropyWords: words)
        XCTAssertEqual(seq.generateState(uint64Words: 4), try long.generate_state_4_uint64.map { try u64($0) })
        XCTAssertEqual(seq.generateState(uint32Words: 6),
                       try long.generate_state_6_uint32.map { try XCTUnwrap(UInt32($0)) })
    }

    func testEntropyWordsLittleEndian() {
        XCTAssertEqual(NumPySeedSequence.words(of: 0), [0])
        XCTAssertEqual(NumPySeedSequence.words(of: 123), [123])
        XCTAssertEqual(NumPySeedSequence.words(of: 1 << 32 + 5), [5, 1])
        XCTAssertEqual(NumPySeedSequence.words(of: .max), [.max, .max])
    }

    // MARK: PCG64

    func testPCG64RawOutput() throws {
        for entry in try loadFixture().seeds {
            var pcg = PCG64(seed: try u64(entry.seed))
            let raw = (0..<8).map { _ in pcg.next64() }
            XCTAssertEqual(raw, try entry.random_raw_8.map { try u64($0) }, "seed \(entry.seed)")
        }
    }

    func testNext32SplitsA64BitDrawLowHalfFirst() {
        var a = PCG64(seed: 123), b = PCG64(seed: 123)
        for _ in 0..<10 {
            let x = a.next64()
            XCTAssertEqual(b.next32(), UInt32(truncatingIfNeeded: x))
            XCTAssertEqual(b.next32(), UInt32(truncatingIfNeeded: x >> 32))
        }
        XCTAssertEqual([a.stateHigh, a.stateLow], [b.stateHigh, b.stateLow])
        XCTAssertFalse(b.hasBufferedUInt32)
        _ = b.next32()
        XCTAssertTrue(b.hasBufferedUInt32)
        XCTAssertEqual(b.next32(), UInt32(truncatingIfNeeded: a.next64() >> 32))
    }

    // MARK: Generator

    func testRandomDoubles() throws {
        for entry in try loadFixture().seeds {
            var g = NumPyGenerator(seed: try u64(entry.seed))
            let expected = try entry.random_8.map { try double($0) }
            XCTAssertEqual(g.random(count: 8), expected, "seed \(entry.seed)")
            var h = NumPyGenerator(seed: try u64(entry.seed))
            XCTAssertEqual((0..<8).map { _ in h.random() }, expected)
        }
    }

    /// `integers(low:high:count:)`, single draws, and the buffer forms from a fresh generator
    /// all give `expected` and end in the same state; returns that generator.
    @discardableResult
    func assertAllForms(seed: UInt64, low: Int, high: Int, expected: [Int],
                        file: StaticString = #filePath, line: UInt = #line) throws -> NumPyGenerator {
        let message = "seed \(seed) integers(\(low), \(high))"
        let fresh = NumPyGenerator(seed: seed)
        var array = fresh, single = fresh, filled = fresh
        XCTAssertEqual(array.integers(low: low, high: high, count: expected.count), expected, message,
                       file: file, line: line)
        XCTAssertEqual(expected.map { _ in single.integers(low: low, high: high) }, expected, message,
                       file: file, line: line)
        var buffer = [Int](repeating: 0, count: expected.count)
        buffer.withUnsafeMutableBufferPointer { filled.fillIntegers(low: low, high: high, into: $0) }
        XCTAssertEqual(buffer, expected, message, file: file, line: line)
        XCTAssertEqual(single, array, message, file: file, line: line)
        XCTAssertEqual(filled, array, message, file: file, line: line)
        if low == 0 {
            var below = fresh
            XCTAssertEqual(expected.map { _ in below.integer(below: high) }, expected, message, file: file, line: line)
            XCTAssertEqual(below, array, message, file: file, line: line)
        }
        if low == 0 && high <= 1 << 31 {
            var filled32 = fresh
            var buffer32 = [Int32](repeating: 0, count: expected.count)
            buffer32.withUnsafeMutableBufferPointer { filled32.fillIntegers(below: high, into: $0) }
            XCTAssertEqual(buffer32.map { Int($0) }, expected, message, file: file, line: line)
            XCTAssertEqual(filled32, array, message, file: file, line: line)
        }
        return array
    }

    func testBoundedIntegersFreshGenerators() throws {
        let f = try loadFixture()
        var rejections = 0
        for entry in f.seeds {
            let seed = try u64(entry.seed)
            for c in entry.integers {
                let low = try int(c.low), high = try int(c.high)
                let expected = try c.values.map { try int($0) }
                try assertAllForms(seed: seed, low: low, high: high, expected: expected)
                rejections += c.rejections
            }
        }
        XCTAssertGreaterThan(rejections, 0, "the fixture should exercise the rejection branch")
    }

    /// The cases NumPy's rejection branch handles many times (32- and 64-bit Lemire), and
    /// negative offsets. The draws consumed must match too: after the call the generator
    /// must be exactly `raw_draws` 64-bit outputs further on.
    func testRejectionPathAndOffsets() throws {
        let f = try loadFixture()
        for c in f.rejection {
            let seed = try u64(try XCTUnwrap(c.seed))
            let low = try int(c.low), high = try int(c.high)
            let expected = try c.values.map { try int($0) }
            let g = try assertAllForms(seed: seed, low: low, high: high, expected: expected)
            var pcg = PCG64(seed: seed)
            for _ in 0..<c.raw_draws { _ = pcg.next64() }
            XCTAssertEqual(g.bitGenerator.stateHigh, pcg.stateHigh)
            XCTAssertEqual(g.bitGenerator.stateLow, pcg.stateLow)
        }
        XCTAssertGreaterThanOrEqual(f.rejection.prefix(3).map(\.rejections).min() ?? 0, 5)
    }

    /// One generator, calls of odd sizes and all kinds: NumPy's has_uint32 buffer carries
    /// over between calls and across 64-bit draws.
    func testMixedCallSequenceCarriesTheBuffer() throws {
        let s = try loadFixture().sequence
        var g = NumPyGenerator(seed: try u64(s.seed))
        for (k, call) in s.calls.enumerated() {
            switch call.kind {
            case "random":
                XCTAssertEqual(g.random(count: call.size), try call.values.map { try double($0) }, "call \(k)")
            case "scalar":
                let low = try int(try XCTUnwrap(call.low)), high = try int(try XCTUnwrap(call.high))
                XCTAssertEqual([g.integers(low: low, high: high)], try call.values.map { try int($0) }, "call \(k)")
            default:
                let low = try int(try XCTUnwrap(call.low)), high = try int(try XCTUnwrap(call.high))
                XCTAssertEqual(g.integers(low: low, high: high, count: call.size),
                               try call.values.map { try int($0) }, "call \(k)")
            }
        }
        XCTAssertEqual(g.bitGenerator.hasBufferedUInt32 ? 1 : 0, s.final_has_uint32)
    }

    /// Buffers, single draws and arrays are the same stream.
    func testFillFormsMatchArrays() {
        for n in [1, 7, 1087, 3 << 29 + 1, 1 << 31, 1 << 31 + 1, 1 << 40 + 17] {
            var a = NumPyGenerator(seed: 123), b = a, c = a, d = a
            let expected = a.integers(low: 0, high: n, count: 257)
            var ints = [Int](repeating: -1, count: 257)
            var int32s = [Int32](repeating: -1, count: 257)
            ints.withUnsafeMutableBufferPointer { buf in
                b.fillIntegers(below: n, into: UnsafeMutableBufferPointer(rebasing: buf[0..<3]))
                b.fillIntegers(below: n, into: UnsafeMutableBufferPointer(rebasing: buf[3..<257]))
            }
            let singles = (0..<257).map { _ in d.integer(below: n) }
            XCTAssertEqual(ints, expected, "n = \(n)")
            XCTAssertEqual(singles, expected, "n = \(n)")
            XCTAssertEqual(a, b, "n = \(n)")
            XCTAssertEqual(a, d, "n = \(n)")
            if n <= 1 << 31 {  // the Int32 form takes n ≤ 2³¹
                int32s.withUnsafeMutableBufferPointer { c.fillIntegers(below: n, into: $0) }
                XCTAssertEqual(int32s.map { Int($0) }, expected, "n = \(n)")
                XCTAssertEqual(a, c, "n = \(n)")
            }
        }
    }

    /// Speed of the bootstrap's inner draw (measured, not asserted).
    func testSpeedOfIntegerBelow1087() {
        let n = 100_000_000
        var g = NumPyGenerator(seed: 123)
        var sum = 0
        let t0 = Date()
        for _ in 0..<n { sum &+= g.integer(below: 1087) }
        let single = Date().timeIntervalSince(t0)
        var buffer = [Int32](repeating: 0, count: 100_000)
        var sum32 = 0
        let t1 = Date()
        for _ in 0..<(n / buffer.count) {
            buffer.withUnsafeMutableBufferPointer { g.fillIntegers(below: 1087, into: $0) }
            sum32 &+= Int(buffer[buffer.count - 1])
        }
        let filled = Date().timeIntervalSince(t1)
        print(String(format: "NumPyGenerator: 1e8 integer(below: 1087) in %.3f s (%.2f ns/draw); "
                     + "fillIntegers Int32 %.3f s (%.2f ns/draw) [checksums %ld %ld]",
                     single, single / Double(n) * 1e9, filled, filled / Double(n) * 1e9, sum, sum32))
        XCTAssertEqual(Double(sum) / Double(n), 543, accuracy: 1)
    }
}
