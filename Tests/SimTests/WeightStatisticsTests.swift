import Foundation
import Sim
import Testing

@Suite struct WeightStatisticsTests {
    // MARK: regression and moving average

    @Test func lineFitRecoversLineAndSkipsNaN() {
        let x: [Double] = [0, 1, 2, .nan, 3, 4]
        let y: [Double] = [1, 3, 5, 100, 7, .nan]
        let fit = LinearRegression.fit(x: x, y: y)
        #expect(fit.count == 4)
        #expect(abs(fit.slope - 2) < 1e-12)
        #expect(abs(fit.intercept - 1) < 1e-12)
        // Noisy points: compare with the textbook formula.
        let xs: [Double] = [1, 2, 3, 4], ys: [Double] = [1, 1, 2, 4]
        let f = LinearRegression.fit(x: xs, y: ys)
        #expect(abs(f.slope - 1.0) < 1e-12)      // Σdxdy = 5, Σdx² = 5
        #expect(abs(f.intercept - (-0.5)) < 1e-12)
        #expect(LinearRegression.fit(x: [1, 1, 1], y: [1, 2, 3]).slope.isNaN)
        #expect(LinearRegression.fit(x: [1], y: [1]).slope.isNaN)
        #expect(abs(LinearRegression.slopeThroughOrigin(x: [1, 2, .nan], y: [2, 4, 1]) - 2) < 1e-12)
    }

    @Test func movingAverageKeepsOnlyFullWindowsLikeNumPySame() {
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7]
        let odd = MovingAverage.centred(x, window: 3)
        #expect(odd.centers == [1, 2, 3, 4, 5])
        #expect(odd.means == [2, 3, 4, 5, 6])
        // Even window: NumPy's 'same' output i averages x[i-2…i+1].
        let even = MovingAverage.centred(x, window: 4)
        #expect(even.centers == [2, 3, 4, 5])
        #expect(even.means == [2.5, 3.5, 4.5, 5.5])
        #expect(MovingAverage.centred(x, window: 8).means.isEmpty)
        #expect(MovingAverage.centred(x, window: 7).means == [4])
        // Long input: the running sum stays accurate.
        let long = (0..<10_000).map { Double($0 % 7) + 1e6 }
        let ma = MovingAverage.centred(long, window: 7)
        #expect(ma.means.allSatisfy { abs($0 - (1e6 + 3)) < 1e-6 })
    }

    // MARK: docs/methods.md §4.1 pairs

    @Test func lagPairsFollowChainsAndDropMissing() {
        let d = WeightMatrix([[1, 2, .nan, 1.5],
                              [2, 1, 1, 3],
                              [1, 0.5, 0, 0]])      // a synapse that dies
        let p1 = LagPairs(d, lag: 1)
        #expect(p1.potentiation.w == [1, 1])
        #expect(p1.potentiation.size == [1, 2])
        #expect(p1.depression.w == [2, 1, 0.5])
        #expect(p1.depression.size == [1, 0.5, 0.5])
        // Lag 2: starts a = 0 (columns 0, 2) and a = 1 (columns 1, 3).
        let p2 = LagPairs(d, lag: 2)
        #expect(p2.depression.w == [2, 1, 2, 0.5])
        #expect(p2.depression.size == [1, 1, 0.5, 0.5])
        #expect(p2.potentiation.w == [1])
        #expect(p2.potentiation.size == [2])
        // Lag 3 on 4 columns: only a = 0 (columns 0, 3).
        let p3 = LagPairs(d, lag: 3)
        #expect(p3.potentiation.w == [1, 2])
        #expect(p3.potentiation.size == [0.5, 1])
        #expect(p3.depression.w == [1])
        #expect(p3.depression.size == [1])
        #expect(p3.all.count == 3)
    }

    // MARK: docs/methods.md §4.2 slopes

    @Test func slopeWindowRoundsHalfToEven() {
        #expect(ChangeSlope.window(pairs: 30) == 10)
        #expect(ChangeSlope.window(pairs: 250) == 12)
        #expect(ChangeSlope.window(pairs: 270) == 14)
        #expect(ChangeSlope.window(pairs: 1000) == 50)
    }

    @Test func slopeIsOneForProportionalAndZeroForConstantChanges() {
        // 220 pairs → odd window 11: a centred average of a linear sequence is exact.
        var g = Xoshiro256(seed: 42)
        let w = (1...220).map { Double($0) }.shuffled(using: &g)
        let proportional = ChangeSlope(WeightChanges(w: w, size: w.map { 0.3 * $0 }), averaging: .exact)
        #expect(abs(proportional.slope - 1) < 1e-9)
        // The original's running sum over −1e10 padding is off in the eighth decimal here.
        let original = ChangeSlope(WeightChanges(w: w, size: w.map { 0.3 * $0 }))
        #expect(abs(original.slope - 1) < 1e-6 && original.slope != proportional.slope)
        #expect(abs(proportional.fit.intercept - log10(0.3)) < 1e-9)
        #expect(proportional.w.count == 210)
        #expect(proportional.w == proportional.w.sorted())
        let constant = ChangeSlope(WeightChanges(w: w, size: w.map { _ in 0.05 }), averaging: .exact)
        #expect(abs(constant.slope) < 1e-9)
        // Pairs at w = 0 (dying synapses cannot sit on a log axis) and NaN are ignored.
        let withDead = ChangeSlope(WeightChanges(w: w + [0, .nan], size: w.map { 0.3 * $0 } + [1, 1]), averaging: .exact)
        #expect(withDead.pairCount == 220)
        #expect(abs(withDead.slope - 1) < 1e-9)
        // Too few pairs for one window: no slope.
        #expect(ChangeSlope(WeightChanges(w: [1, 2, 3], size: [1, 1, 1])).slope.isNaN)
    }

    @Test func slopesAtAllLagsMatchOneByOne() {
        var g = Xoshiro256(seed: 5)
        let d = WeightMatrix(rows: 40, cols: 12, values: (0..<480).map { _ in g.uniform(0.2, 2) })
        let all = LagSlopes.all(d, curveLags: [2])
        #expect(all.map(\.lag) == Array(1..<12))
        for s in all {
            let single = LagSlopes(LagPairs(d, lag: s.lag))
            #expect(s.potentiation.slope.bitPattern == single.potentiation.slope.bitPattern)
            #expect(s.depression.slope.bitPattern == single.depression.slope.bitPattern)
        }
        #expect(!all[1].potentiation.w.isEmpty)
        #expect(all[0].potentiation.w.isEmpty)      // curve dropped
    }

    // MARK: docs/methods.md §4.3 norm CV and q_min

    @Test func conservedL1NormGivesQMinOne() {
        // Two synapses trading weight: Σw = 2 at every time point, so the q = 1 norm has CV 0.
        let d = WeightMatrix([[0.5, 1, 1.5, 0.2, 1],
                              [1.5, 1, 0.5, 1.8, 1]])
        let opts = NormVariabilityOptions(exponents: [0.5, 1, 2], resamples: 1, seed: 1)
        let nv = NormVariability(d, window: 0..<4, presentAt: 4, options: opts)
        #expect(nv.synapses == 2 && nv.timePoints == 4)
        #expect(nv.cv[1] < 1e-12)
        #expect(nv.qMinPerResample == [1])
        #expect(nv.rankCurve(0)[1] < 1e-12)
        #expect(abs(nv.rankCurve(0).max()! - 1) < 1e-12)
        // CV of the q = 2 norm by hand.
        let norms = [[0.5, 1.5], [1, 1], [1.5, 0.5], [0.2, 1.8]].map { ($0[0] * $0[0] + $0[1] * $0[1]).squareRoot() }
        let m = norms.reduce(0, +) / 4
        let sd = (norms.map { ($0 - m) * ($0 - m) }.reduce(0, +) / 4).squareRoot()
        #expect(abs(nv.cv[2] - sd / m) < 1e-12)
    }

    @Test func normIgnoresMissingCellsAndAbsentSynapses() {
        var g = Xoshiro256(seed: 9)
        var rows = (0..<6).map { _ in (0..<7).map { _ in g.uniform(0.1, 3) } }
        rows[1][2] = .nan          // missing cell: left out of that time point's sum
        rows[2][3] = 0             // a zero contributes nothing
        rows[4][6] = 0             // absent at the reference column: synapse dropped
        rows[5][6] = .nan          // missing at the reference column: dropped too
        let d = WeightMatrix(rows)
        let qs: [Double] = [0.3, 1, 2.5]
        let nv = NormVariability(d, window: 0..<6, presentAt: 6,
                                 options: NormVariabilityOptions(exponents: qs, resamples: 1, seed: 1))
        #expect(nv.synapses == 4)
        for (qi, q) in qs.enumerated() {
            let norms = (0..<6).map { t -> Double in
                let s = (0..<4).map { rows[$0][t] }.filter { $0.isFinite }.map { pow($0, q) }.reduce(0, +)
                return pow(s, 1 / q)
            }
            let m = norms.reduce(0, +) / 6
            let sd = (norms.map { ($0 - m) * ($0 - m) }.reduce(0, +) / 6).squareRoot()
            #expect(abs(nv.cv[qi] - sd / m) < 1e-12)
        }
    }

    @Test func bootstrapOfIdenticalSynapsesReproducesTheData() {
        // Every synapse has the same trajectory: any resample equals the data. (The CV is
        // then the same for every q, so only the CV itself is compared, not its rank.)
        let traj: [Double] = [1, 1.3, 0.8, 1.1, 0.9, 1.2]
        let d = WeightMatrix(Array(repeating: traj, count: 5))
        let nv = NormVariability(d, window: 0..<5, presentAt: 5,
                                 options: NormVariabilityOptions(exponents: [0.5, 1, 1.5, 2], resamples: 20, seed: 3))
        for r in 1..<20 { for q in 0..<4 { #expect(abs(nv.cv[r * 4 + q] - nv.cv[q]) < 1e-12) } }
    }

    @Test func bootstrapIsSeededAndVaries() {
        var g = Xoshiro256(seed: 11)
        let d = WeightMatrix(rows: 30, cols: 9, values: (0..<270).map { _ in g.uniform(0.1, 2) })
        let o = NormVariabilityOptions(exponents: NormVariabilityOptions.paperExponents, resamples: 50, seed: 7)
        let a = NormVariability(d, window: 0..<8, presentAt: 8, options: o)
        let b = NormVariability(d, window: 0..<8, presentAt: 8, options: o)
        #expect(a == b)
        var o2 = o; o2.seed = 8
        let c = NormVariability(d, window: 0..<8, presentAt: 8, options: o2)
        #expect(a.cv != c.cv)
        #expect(a.cv[0..<44] == c.cv[0..<44])        // resample 0 is the data in both
        #expect(a.cv[44..<88] != a.cv[0..<44])          // resamples differ from the data
        #expect(a.rankMean.count == 44 && a.rankStd.count == 44)
    }

    @Test func rSquaredAgainstDataResamples() {
        let d = WeightMatrix([[0.5, 1, 1.5, 0.2, 1], [1.5, 1, 0.5, 1.8, 1]])
        let nv = NormVariability(d, window: 0..<4, presentAt: 4,
                                 options: NormVariabilityOptions(exponents: [0.5, 1, 2], resamples: 1, seed: 1))
        #expect(abs(rSquared(data: nv, simulatedRank: nv.rankCurve(0)) - 1) < 1e-12)
        // A flat curve at the data mean explains nothing.
        let curve = nv.rankCurve(0)
        let mean = curve.reduce(0, +) / 3
        #expect(abs(rSquared(data: nv, simulatedRank: [mean, mean, mean])) < 1e-12)
        // By hand for another curve.
        let sim: [Double] = [0, 0.5, 1]
        let ssRes = zip(curve, sim).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        let ssTot = curve.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
        #expect(abs(rSquared(data: nv, simulatedRank: sim) - (1 - ssRes / ssTot)) < 1e-12)
    }
}
