import Foundation
import Testing
import Sim

/// Normal distribution, Gaussian ramp integrals and the 1-D solvers behind the theory curves.
@Suite struct TheoryNumericsTests {
    @Test func normalValuesAndTails() {
        #expect(abs(Normal.pdf(0) - 0.398_942_280_401_432_7) < 1e-16)
        #expect(abs(Normal.cdf(1.959_963_984_540_054) - 0.975) < 1e-15)
        // Deep tails keep relative precision (1 − Φ would be 0 here).
        #expect(theoryRelativeError(Normal.q(10), 7.619_853_024_160_527e-24) < 1e-13)
        #expect(theoryRelativeError(Normal.cdf(-10), 7.619_853_024_160_527e-24) < 1e-13)
        #expect(theoryRelativeError(Normal.q(-3), 0.998_650_101_968_369_9) < 1e-15)
    }

    @Test func inverseNormalRoundTrips() {
        for p in [1e-300, 1e-20, 1e-8, 0.001, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.97, 0.999] {
            let x = Normal.inverseCDF(p)
            // Rounding x to a Double alone moves Φ(x) by ~|x|² ε relative in the tail.
            let tolerance = 4e-15 * max(1, x * x)
            let back = p <= 0.5 ? Normal.cdf(x) : 1 - Normal.q(x)
            #expect(theoryRelativeError(back, p) < tolerance, "inverseCDF(\(p)) = \(x)")
            let y = Normal.inverseQ(p)
            #expect(theoryRelativeError(Normal.q(y), p) < tolerance, "inverseQ(\(p)) = \(y)")
            #expect(y == -x)
        }
        #expect(Normal.inverseCDF(0.5) == 0)
        #expect(abs(Normal.inverseQ(0.025) - 1.959_963_984_540_054) < 1e-14)
        #expect(Normal.inverseCDF(0) == -.infinity)
        #expect(Normal.inverseCDF(1.5).isNaN)
    }

    @Test func erfinvInvertsErf() {
        for y in [-0.999_999_999, -0.9, -0.5, -1e-10, 1e-10, 0.01, 0.3, 0.49, 0.5, 0.8, 0.999_999] {
            let x = Normal.erfinv(y)
            #expect(theoryRelativeError(erf(x), y) < 1e-14, "erfinv(\(y)) = \(x)")
        }
        #expect(Normal.erfinv(0) == 0)
        #expect(Normal.erfinv(1) == .infinity)
        #expect(Normal.erfinv(-1.5).isNaN)
        // erfinv(1 − 2f) sets the attractor threshold (docs/methods.md §1.5): known values.
        #expect(abs(Normal.erfinv(0.8) - 0.9061938024368233) < 1e-14)
        #expect(abs(Normal.erfinv(0.98) - 1.644976357133188) < 1e-13)
    }

    @Test func gaussianRampMatchesDefinitions() {
        // A1(0) = φ(0), A2(0) = ½; I(x) = A2(−x); F = I'/2 (central difference).
        #expect(abs(GaussianRamp.firstMoment(threshold: 0) - Normal.pdf(0)) < 1e-16)
        #expect(abs(GaussianRamp.secondMoment(threshold: 0) - 0.5) < 1e-16)
        for x in [-2.0, -0.3, 0.0, 0.7, 3.0] {
            let h = 1e-5
            let derivative = (GaussianRamp.integralI(x + h) - GaussianRamp.integralI(x - h)) / (2 * h)
            #expect(abs(derivative / 2 - GaussianRamp.integralF(x)) < 1e-9)
            let closed = (1 + x * x) * Normal.cdf(x) + x * Normal.pdf(x)
            #expect(abs(GaussianRamp.integralI(x) - closed) < 1e-14)
        }
    }

    @Test func patternTermOptimalBias() throws {
        // Spec: at k → 0, u* = 0, −0.86159, −1.14017, −1.33205, −1.71744.
        let expected: [(Double, Double)] = [(0.5, 0), (0.1, -0.86159), (0.05, -1.14017),
                                            (0.03, -1.33205), (0.01, -1.71744)]
        for (f, u) in expected {
            let m = try PatternTerm.minimum(k: 0, f: f)
            #expect(abs(m.bias - u) < 6e-6, "f = \(f): u* = \(m.bias)")
            // It is a minimum over u.
            #expect(m.value <= PatternTerm.value(k: 0, bias: m.bias + 1e-3, f: f))
            #expect(m.value <= PatternTerm.value(k: 0, bias: m.bias - 1e-3, f: f))
        }
        #expect(throws: TheoryError.self) { try PatternTerm.minimum(k: 0, f: 1) }
    }

    @Test func brentRootAndMaximum() throws {
        let root = try Solver1D.root(in: 0, 2) { x in x * x * x - 2 }
        #expect(abs(root - pow(2, 1.0 / 3)) < 1e-14)
        let cosRoot = try Solver1D.root(in: 1, 2) { cos($0) }
        #expect(abs(cosRoot - Double.pi / 2) < 1e-14)
        #expect(throws: TheoryError.self) { try Solver1D.root(in: 0, 1) { $0 + 1 } }
        let peak = Solver1D.maximum(in: -3, 5) { x in x * exp(-x) }
        #expect(abs(peak.x - 1) < 1e-7)
        #expect(abs(peak.value - exp(-1)) < 1e-14)
        let logPeak = Solver1D.maximum(in: 0.1, 10) { x in log(x) - x / 3 }
        #expect(abs(logPeak.x - 3) < 1e-7)
    }

    @Test func neuralNoiseScaleFormula() {
        #expect(abs(neuralNoiseScale(f: 0.5, fNoise: 0.015) - 0.015.squareRoot()) < 1e-15)
        let f = 0.1, fn = 0.03 * 0.1
        #expect(abs(neuralNoiseScale(f: f, fNoise: fn) - (fn + 0.25 * 0.8 / 0.09 * fn * fn).squareRoot()) < 1e-15)
    }
}
