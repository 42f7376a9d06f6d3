// Pinned outputs: the random streams against their published reference values, our seeding
// and normal sampler against values recorded once, and one tiny point per model against the
// SHA-256 of its result. Byte identity is the project's promise (the same parameters give
// the same bytes on every x86 CPU): any change to a stream, a sampler or a model's arithmetic
// fails here, on purpose. A change that is meant to move results updates the pins in the same
// commit and raises the model's version (`AttractorPoint.version` and its siblings, which key the result cache).

import Foundation
import Sim
import Testing

@Suite struct PinnedOutputTests {
    /// SHA-256 over a result's arrays (their .npy bytes, by name) and values (bit patterns, by name).
    static func digest(_ r: ResultBundle) -> String {
        var bytes = Data()
        for name in r.arrays.keys.sorted() {
            bytes.append(contentsOf: Array(name.utf8)); bytes.append(NPY.encode(r.arrays[name]!))
        }
        for name in r.values.keys.sorted() {
            bytes.append(contentsOf: Array(name.utf8))
            withUnsafeBytes(of: r.values[name]!.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return SHA256.hex(bytes)
    }

    static func digest(_ v: [Double]) -> String {
        var bytes = Data(capacity: v.count * 8)
        for x in v { withUnsafeBytes(of: x.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        return SHA256.hex(bytes)
    }

    /// SplitMix64 from state 0: the reference values of Vigna's splitmix64.c.
    @Test func splitMix64ReferenceStream() {
        var g = SplitMix64(seed: 0)
        #expect((0..<3).map { _ in g.next() } == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    /// xoshiro256** from the state (1, 2, 3, 4): the reference values of Vigna's
    /// xoshiro256starstar.c (as in the test vectors of Rust's rand_xoshiro).
    @Test func xoshiro256StarStarReferenceStream() {
        var g = Xoshiro256(seed: 0)
        g.s = (1, 2, 3, 4)
        #expect((0..<6).map { _ in g.next() } == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240,
                                                  1_216_172_134_540_287_360, 607_988_272_756_665_600])
    }

    /// Our seeding (SplitMix64 of seed and stream) and the ziggurat normals, recorded once.
    @Test func seededStreamsAndNormals() {
        var g = Xoshiro256(seed: 1, stream: 2)
        #expect((0..<3).map { _ in g.next() } == Self.seededStream)
        var n = Xoshiro256(seed: 7, stream: 0)
        #expect((0..<5).map { _ in n.normal().bitPattern } == Self.normals)
        var f = Xoshiro256(seed: 7, stream: 1)
        #expect((0..<3).flatMap { _ -> [UInt32] in let p = f.normalFloatPair(); return [p.0.bitPattern, p.1.bitPattern] } == Self.floatNormals)
    }

    static let seededStream: [UInt64] = [16_589_114_284_178_901_673, 4_110_158_319_984_001_488, 4_663_317_355_287_717_773]
    static let normals: [UInt64] = [13_828_508_479_209_761_853, 4_609_704_705_599_309_597, 4_607_960_762_681_742_262,
                                    4_605_319_042_882_497_963, 4_606_542_281_745_722_512]
    static let floatNormals: [UInt32] = [1_052_199_311, 1_053_468_352, 3_196_831_618, 1_055_490_787, 1_067_085_472, 1_070_264_035]

    @Test func tinyAttractorPoint() throws {
        let r = try AttractorPoint.produce(AttractorScale.tiny.parameters(z: 2, load: AttractorLoad(0.33), maxEpochs: 3000))
        #expect(Self.digest(r) == "360ee202acec3a939ce763fade1c32e923e3eef222b2efe9de12fb912d124161", "tiny attractor point")
    }

    @Test func tinyWakeSleepRun() throws {
        var p = WakeSleepScale.tiny.parameters(load: .low)
        p.sleepEpochs = 60
        let r = try WakeSleepModel.produce(p)
        #expect(Self.digest(r) == "589a6f8c440079be3366bb3a78939413bda13ad9bb79e8ec84c6ac7e1f5c18a4", "tiny wake-sleep run")
    }

    @Test func tinyFluctuationRun() throws {
        var p = FluctuationParameters(synapses: 100, duration: 20, seed: 1)
        p.zValues = [1, 2, 5]
        let run = try FluctuationSimulation.run(p)
        #expect(run.populations.map { Self.digest($0.w.values) } == ["8566e321591c6457bffef695abf9ad8cd30b37013255e16b3113e27a1ca75d10",
                                                                   "23dc505b19df593e34d3e94bb48bcb983e071fc5be3176b416a6e3b2944b423f",
                                                                   "1cf3fc71c9ca87b7c4c29371c5d860e89ae003f722ad1623e695cb78fb8b2fb0"], "tiny fluctuation run")
    }
}
