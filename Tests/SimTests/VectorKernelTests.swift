import Foundation
import Testing
import Sim

@Suite struct VectorExpTests {
    /// Distance in units of the last place of the correctly rounded Float, with the
    /// subnormal spacing 2^−149 as the unit below the normal range.
    func ulpError(_ got: Float, _ x: Float) -> Double {
        let exact = Foundation.exp(Double(x))
        let unit = max(Double(Float(exact).ulp), Double(Float.leastNonzeroMagnitude))
        return abs(Double(got) - exact) / unit
    }

    func evaluate(_ xs: [Float]) -> [Float] {
        var out = [Float]()
        var c = 0
        while c < xs.count {
            var v = VectorExp.Lanes()
            for l in 0..<8 { v[l] = c + l < xs.count ? xs[c + l] : 0 }
            let e = VectorExp.exp(v)
            for l in 0..<8 where c + l < xs.count { out.append(e[l]) }
            c += 8
        }
        return out
    }

    @Test func withinOneUlpFromMinus110To88() {
        // A dense grid over the soft-min's range (−110…0, with the subnormal results below
        // −87.3) and some positive arguments.
        let xs = (0...198_000).map { Float(-110 + Double($0) * 0.001) }
        let got = evaluate(xs)
        var worst = 0.0, worstX: Float = 0
        for (x, e) in zip(xs, got) where ulpError(e, x) > worst { worst = ulpError(e, x); worstX = x }
        #expect(worst <= 1.0, "worst error \(worst) ulp at x = \(worstX)")
        #expect(evaluate([0])[0] == 1)
    }

    @Test func underflowAndSpecialArguments() {
        let got = evaluate([-103.98, -104, -109.99, -110, -200, -Float.infinity, .nan, -103.27])
        #expect(got[0..<7].allSatisfy { $0 == 0 }, "\(got)")
        #expect(got[7] > 0 && got[7] < Float.leastNormalMagnitude)
    }

    @Test func softMinWeightsMatchTheScalarFormula() {
        // P = Λ sign(h) / ΣΛ with Λ = exp(−β|h|/m); m = 19 exercises the padded last vector.
        var g = Xoshiro256(seed: 3)
        let m = 19
        let h = (0..<m).map { _ in Float(g.normal()) * (g.uniform() < 0.1 ? 0 : 1) }
        let beta: Float = 100, mi: Float = h.map(abs).reduce(0, +) / Float(m)
        var p = [Float](repeating: .nan, count: m)
        let yhat = SoftMinRow.weights(h: h, p: &p, m: m, beta: beta, meanAbs: mi)
        let lam = h.map { Foundation.exp(Double((-beta * abs($0)) / mi)) }
        let total = lam.reduce(0, +)
        for mu in 0..<m {
            let sign: Double = h[mu] > 0 ? 1 : (h[mu] < 0 ? -1 : 0)
            let want = lam[mu] * sign / total
            #expect(abs(Double(p[mu]) - want) <= 4e-7 * abs(want) + 1e-44, "μ = \(mu): \(p[mu]) vs \(want)")
        }
        #expect(abs(Double(yhat) - zip(lam, h).map { $1 > 0 ? $0 : ($1 < 0 ? -$0 : 0) }.reduce(0, +) / total) < 1e-6)
    }

    @Test func softMinWeightsSurviveTotalUnderflow() {
        // Every Λ underflows when m_i is far below all |h|: the shifted soft-min takes over.
        let h: [Float] = [5, -6, 7, 5.5, -8, 9, 10, 11, 12]
        var p = [Float](repeating: .nan, count: h.count)
        let yhat = SoftMinRow.weights(h: h, p: &p, m: h.count, beta: 100, meanAbs: 0.01)
        #expect(p.allSatisfy { $0.isFinite })
        #expect(abs(p[0] - 1) < 1e-6 && yhat > 0.999)
    }
}

@Suite struct FieldRowStatisticsTests {
    @Test func handComputedRowOfElevenPatterns() {
        // G = (2x − 1)·h: 0.5, -0.25, 0, 2, -0.25, 1, 3, 0, 4, 5, -0.25 (min -0.25 first at μ = 1,
        // again at 4 and 10 — the last one in the partial second vector).
        let x: [Float] = [1, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0]
        let h: [Float] = [0.5, 0.25, 0, 2, -0.25, -1, -3, 0, 4, 5, 0.25]
        let s = FieldRowStatistics(h: h, x: x, m: 11)
        #expect(s.min == -0.25)
        #expect(s.argmin == 1)
        #expect(abs(s.meanAbs - 16.25 / 11) < 1e-6)
        // Three wrong signs, two zero fields.
        #expect(s.errors == 4)
    }

    @Test func minimumInThePartialVector() {
        let h: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, -9]
        let x = [Float](repeating: 1, count: 9)
        let s = FieldRowStatistics(h: h, x: x, m: 9)
        #expect(s.min == -9 && s.argmin == 8 && s.errors == 1)
        #expect(s.meanAbs == 5)
    }
}
