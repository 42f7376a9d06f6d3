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

    @Test func scaledExpIsExpTimes2To64() {
        // Both of expTimes2To64's branches: vectors of neighbouring arguments (all lanes
        // normal, or all subnormal), and shuffled ones that mix normal, subnormal and
        // underflowed (below −110) lanes. exp(x)·2^64 is exact in Float.
        var g = Xoshiro256(seed: 11)
        var xs = (0...125_000).map { Float(-120 + Double($0) * 0.001) }
        xs += (0..<80_000).map { _ in Float(-125 * g.uniform()) }
        var mismatches = 0
        for c in stride(from: 0, to: xs.count - 8, by: 8) {
            let v = VectorExp.Lanes((0..<8).map { xs[c + $0] })
            let got = VectorExp.expTimes2To64(v), want = VectorExp.exp(v) * 0x1p32 * 0x1p32
            for l in 0..<8 where got[l].bitPattern != want[l].bitPattern { mismatches += 1 }
        }
        #expect(mismatches == 0)
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

    /// The soft-min as plain Float arithmetic (the formula's own rounding, subnormals
    /// included): what `SoftMinRow.weights` must reproduce bit for bit.
    static func plainSoftMin(_ h: [Float], beta: Float, meanAbs mi: Float) -> (p: [Float], yhat: Float) {
        let m = h.count
        var p = [Float](repeating: 0, count: m)
        var acc = SIMD8<Float>()
        for start in stride(from: 0, to: m, by: 8) {
            var lam = SIMD8<Float>()
            for k in 0..<min(8, m - start) {
                var x = SIMD8<Float>(repeating: 0)
                x[0] = (-beta * abs(h[start + k])) / mi
                lam[k] = VectorExp.exp(x)[0]
                p[start + k] = lam[k]
            }
            acc += lam
        }
        var total = acc.sum()
        if !(total > 0) {
            var top = -Float.infinity
            for mu in 0..<m { top = max(top, (-beta * abs(h[mu])) / mi) }
            total = 0
            for mu in 0..<m {
                p[mu] = Foundation.exp((-beta * abs(h[mu])) / mi - top)
                total += p[mu]
            }
        }
        var s = SIMD8<Float>()
        for start in stride(from: 0, to: m, by: 8) {
            var v = SIMD8<Float>()
            for k in 0..<min(8, m - start) {
                let x = h[start + k]
                let sign: Float = x > 0 ? 1 : (x < 0 ? -1 : 0)
                v[k] = (p[start + k] * sign) / total
                p[start + k] = v[k]
            }
            s += v
        }
        return (p, s.sum())
    }

    @Test func softMinWeightsHaveThePlainFormulasBits() {
        // Rows whose Λ, totals and P fall in the subnormal range, exact zeros of both signs,
        // widths that leave a partial vector, and totals that underflow.
        var g = Xoshiro256(seed: 11)
        var rows = 0, subnormalWeights = 0
        for m in [1, 3, 8, 13, 64, 140, 333] {
            for spread in [0.2, 1, 3] as [Float] {
                for meanScale in [0.02, 0.3, 1, 4] as [Float] {
                    let h: [Float] = (0..<m).map { _ in
                        let u = g.uniform()
                        if u < 0.05 { return 0 }
                        if u < 0.08 { return -0.0 }
                        return Float(g.normal()) * spread
                    }
                    let mi = h.map(abs).reduce(0, +) / Float(m) * meanScale
                    let want = Self.plainSoftMin(h, beta: 100, meanAbs: mi)
                    var p = [Float](repeating: .nan, count: m)
                    let yhat = SoftMinRow.weights(h: h, p: &p, m: m, beta: 100, meanAbs: mi)
                    let differ = (0..<m).filter { p[$0].bitPattern != want.p[$0].bitPattern }
                    #expect(differ.isEmpty, "m = \(m), spread \(spread), scale \(meanScale): \(differ.count) weights differ, first at μ = \(differ.first ?? -1)")
                    #expect(yhat.bitPattern == want.yhat.bitPattern, "ŷ \(yhat) against \(want.yhat)")
                    subnormalWeights += want.p.filter { $0 != 0 && abs($0) < Float.leastNormalMagnitude }.count
                    rows += 1
                }
            }
        }
        // The comparison reached the subnormal range it is about.
        #expect(rows == 84 && subnormalWeights > 150, "\(subnormalWeights) subnormal weights")
    }

    @Test func quotientsHaveTheDivisionsBitsBelowTheNormalRange() {
        // Against the hardware's own Float division, on quotients from the normal range down
        // to below the smallest subnormal, ties of the integer mantissa included.
        var g = Xoshiro256(seed: 5)
        var compared = 0, subnormal = 0, ties = 0, divisionOnly = 0
        for round in 0..<40_000 {
            // Every other total a power of two, so that exact ties exist.
            let exponent = Int(g.uniform() * 60) - 20
            let total = (round % 2 == 0 ? 1 : Float(g.uniform() + 0.5)) * Foundation.pow(2, Float(exponent))
            var num = SoftMinRow.Lanes()
            for k in 0..<8 {
                let e = Float(Int(g.uniform() * 180) - 170)
                var v = Float(g.uniform() + 0.5) * total * Foundation.pow(2, e)
                if !v.isNormal { v = 0 }
                // With a power-of-two total, every third lane an exact tie: num/total =
                // (k + ½)·2^−149, halfway between two subnormals.
                if round % 2 == 0, k % 3 == 0 {
                    let t = Float(2 * Int(g.uniform() * 4_000_000) + 1) * Foundation.pow(2, Float(exponent - 150 + 75)) * 0x1p-75
                    if t.isNormal { v = t; ties += 1 }
                }
                num[k] = g.uniform() < 0.5 ? -v : v
            }
            let (got, scaled) = SoftMinRow.quotient(num, SoftMinRow.Lanes(repeating: total))
            // Vectors without a subnormal quotient take the division-only branch.
            if (0..<8).allSatisfy({ (num[$0] / total).isNormal || num[$0] == 0 }) { divisionOnly += 1 }
            for k in 0..<8 {
                let want = num[k] / total
                #expect(got[k].bitPattern == want.bitPattern, "\(num[k]) / \(total): \(got[k]) against \(want)")
                #expect(scaled[k] == want * 0x1p32 * 0x1p32 || (want == 0 && scaled[k] == 0))
                if want != 0 && !want.isNormal { subnormal += 1 }
                compared += 1
            }
        }
        #expect(subnormal > 50_000 && ties > 10_000, "\(subnormal) subnormal quotients, \(ties) ties")
        #expect(divisionOnly > 1_000 && divisionOnly < 30_000, "\(divisionOnly) vectors without a subnormal quotient")
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
