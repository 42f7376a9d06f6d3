// The statistics of Figures 5–6 against NumPy and SciPy themselves: the CV-rank bootstrap
// with NumPy's generator, the fresh draws per q, and the original's moving average.
// Fixture: Fixtures/numpy_statistics_reference.json, made by
// scripts/numpy-statistics-reference.py fixture.

import Foundation
import Sim
import Testing

@Suite struct BootstrapFidelityTests {
    struct MovingAverageCase: Decodable {
        var x: [Double]
        var window: Int
        var kept: Int
        var first_kept: Int
        var centers: [Int]
        var means: [Double]
    }
    struct Reference: Decodable {
        var seed: UInt64
        var resamples: Int
        var rows: Int
        var cols: Int
        var w: [Double?]
        var exponents: [Double]
        var cv: [Double]
        var q_min: [Double]
        var q_min_mean: Double
        var q_min_std: Double
        var moving_average: MovingAverageCase
    }

    static func reference() throws -> Reference {
        let url = try #require(Bundle.module.url(forResource: "numpy_statistics_reference", withExtension: "json",
                                                 subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    @Test func numpyGeneratorReproducesTheOriginalBootstrap() throws {
        let ref = try Self.reference()
        let w = WeightMatrix(rows: ref.rows, cols: ref.cols, values: ref.w.map { $0 ?? .nan })
        let nv = NormVariability(window: w, options: NormVariabilityOptions(
            exponents: ref.exponents, resamples: ref.resamples, seed: ref.seed, generator: .numpy))
        #expect(nv.exponents == NormVariabilityOptions.paperExponents)
        #expect(nv.qMinPerResample == ref.q_min)
        #expect(nv.qMinMean == ref.q_min_mean)
        #expect(nv.qMinStd == ref.q_min_std)
        #expect(nv.cv.count == ref.cv.count)
        // NumPy's vectorised pow may differ from the C library's in the last bit.
        for (ours, theirs) in zip(nv.cv, ref.cv) { #expect(abs(ours - theirs) <= 1e-13 * abs(theirs)) }
    }

    /// The original draws fresh resamples for every q: with the same exponent twice, the
    /// data (resample 0) gives the same CV, every other resample two different ones.
    @Test(arguments: BootstrapGenerator.allCases)
    func everyExponentGetsFreshResamples(_ generator: BootstrapGenerator) {
        var g = Xoshiro256(seed: 5)
        let d = WeightMatrix(rows: 40, cols: 6, values: (0..<240).map { _ in g.uniform(0.1, 2) })
        let nv = NormVariability(window: d, options: NormVariabilityOptions(
            exponents: [1, 1], resamples: 30, seed: 9, generator: generator))
        #expect(nv.cv[0] == nv.cv[1])
        for r in 1..<30 { #expect(nv.cv[2 * r] != nv.cv[2 * r + 1], "resample \(r) shares its draws across q") }
    }

    @Test func xoshiroBootstrapIsSeeded() {
        // The q loop runs in parallel; each (q, resample) has its own stream, so runs agree.
        var g = Xoshiro256(seed: 6)
        let d = WeightMatrix(rows: 25, cols: 7, values: (0..<175).map { _ in g.uniform(0.1, 2) })
        let o = NormVariabilityOptions(resamples: 40, seed: 2, generator: .xoshiro)
        let a = NormVariability(window: d, options: o), b = NormVariability(window: d, options: o)
        #expect(a.cv == b.cv)
        var other = o; other.seed = 3
        #expect(NormVariability(window: d, options: other).cv != a.cv)
    }

    @Test func originalMovingAverageMatchesSciPy() throws {
        let c = try Self.reference().moving_average
        let ma = MovingAverage.originalArithmetic(c.x, window: c.window)
        #expect(ma.centers.count == c.kept)
        #expect(ma.centers.first == c.first_kept)
        let byCenter = Dictionary(uniqueKeysWithValues: zip(ma.centers, ma.means))
        for (center, mean) in zip(c.centers, c.means) { #expect(byCenter[center] == mean, "window at \(center)") }
        // The padding's rounding error is real: the exact average differs beyond rounding.
        let exact = MovingAverage.centred(c.x, window: c.window)
        #expect(exact.centers == ma.centers)
        let worst = zip(exact.means, ma.means).map { abs($0 - $1) }.max() ?? 0
        #expect(worst > 1e-9)
    }
}
