import Foundation
import Testing
import Sim

/// A z = 1 network with the given weights (U = W) and thresholds.
func attractorHandNetwork(_ rows: [[Float]], theta: [Float], z: Int = 1) -> SynapticNetwork {
    let n = rows.count
    let net = SynapticNetwork(n: n, z: z)
    for i in 0..<n {
        for j in 0..<n {
            let e = i * n + j
            // z factors whose product is the weight: w, 1, 1, ...
            for k in 0..<z { net.u[e * z + k] = k == 0 ? rows[i][j] : 1 }
        }
    }
    net.recomputeWeights()
    net.theta = theta
    return net
}

func attractorPatterns(_ columns: [[Float]], f: Double = 0.5) -> PatternSet {
    let n = columns[0].count, m = columns.count
    var x = [Float](repeating: 0, count: n * m)
    for mu in 0..<m { for j in 0..<n { x[j * m + mu] = columns[mu][j] } }
    return PatternSet(n: n, m: m, f: f, x: x)
}

@Suite struct AttractorMetricsTests {
    // N = 3, M = 2, f = 0.5. X columns (1,0,1) and (0,1,1); θ = 1;
    // W rows (0,1,2), (2,0,0), (1,1,0).
    // H = W X − θ: row 0 (1, 2), row 1 (1, −1), row 2 (0, 0).
    // Y rows: (+,−), (−,+), (+,+) → G rows (1,−2), (−1,−1), (0,0).
    let net = attractorHandNetwork([[0, 1, 2], [2, 0, 0], [1, 1, 0]], theta: [1, 1, 1])
    let pats = attractorPatterns([[1, 0, 1], [0, 1, 1]])

    @Test func marginsByHand() {
        let m = AttractorMetrics.measure(net, pats)
        let s5 = 5.0.squareRoot(), s2 = 2.0.squareRoot(), s075 = 0.75.squareRoot()
        func close(_ a: [Double], _ b: [Double]) -> Bool { zip(a, b).allSatisfy { abs($0 - $1) < 1e-6 } }
        #expect(close(m.perNeuron[.minMargin]!, [-2 / s5, -1.0 / 2, 0]))
        #expect(close(m.perNeuron[.avgMargin]!, [-0.5 / s5, -1.0 / 2, 0]))
        // ρ = min G / (mean_j W · sqrt(N f (1−f))), mean W = 1, 2/3, 2/3.
        #expect(close(m.perNeuron[.rho]!, [-2 / (1 * s075), -1 / (2.0 / 3 * s075), 0]))
        // q = 2/3: (1 + 2^(2/3))^(3/2) = 4.161938…; (2^(2/3))^(3/2) = 2.
        #expect(close(m.perNeuron[.normMarginQ2_3]!, [-2 / 4.1619381849, -1.0 / 2, 0]))
        // q = 1/2: (1 + √2)² = 5.828427…; (√2)² = 2.
        #expect(close(m.perNeuron[.normMarginQ1_2]!, [-2 / 5.828427, -1.0 / 2, 0]))
        // z = 1: min G / sqrt(N).
        #expect(close(m.perNeuron[.synMargin]!, [-2 / 3.0.squareRoot(), -1 / 3.0.squareRoot(), 0]))
        #expect(close(m.perNeuron[.l0]!, [2.0 / 3, 1.0 / 3, 2.0 / 3]))
        #expect(close(m.perNeuron[.l1]!, [3, 2, 2]))
        #expect(close(m.perNeuron[.l2]!, [s5, 2, s2]))
        // Errors: row 0 (0, 1), row 1 (1, 1), row 2 (½, ½) → 4/6.
        #expect(abs(m.trainError - 4.0 / 6) < 1e-12)
        // Pairs (0,1): 1/3, (0,2): 1/3, (1,2): 1; diagonal 0/0 ignored → 1 − 5/9.
        #expect(abs(m.symmetry - 4.0 / 9) < 1e-9)
        #expect(abs(m.thetaMean - 1) < 1e-12)
        // f = 0.5: bias = ½ Σ_j W = 1.5, 1, 1.
        #expect(abs(m.biasMean - 3.5 / 3) < 1e-6)
        let s = m.summary(.l1)
        #expect(abs(s.mean - 7.0 / 3) < 1e-12)
        #expect(abs(s.std - (((2.0 / 3) * (2.0 / 3) + 2 * (1.0 / 3) * (1.0 / 3)) / 2).squareRoot()) < 1e-12)
    }

    @Test func synapticMarginUsesTwoMinusTwoOverZ() {
        // z = 2: q' = 1, so the denominator is sqrt(Σ_j W).
        let net2 = attractorHandNetwork([[0, 1, 2], [2, 0, 0], [1, 1, 0]], theta: [1, 1, 1], z: 2)
        let m = AttractorMetrics.measure(net2, pats)
        #expect(abs(m.perNeuron[.synMargin]![0] - (-2 / 3.0.squareRoot())) < 1e-6)
        // z = 4: q' = 3/2: sqrt(1 + 2^1.5).
        let net4 = attractorHandNetwork([[0, 1, 2], [2, 0, 0], [1, 1, 0]], theta: [1, 1, 1], z: 4)
        let m4 = AttractorMetrics.measure(net4, pats)
        #expect(abs(m4.perNeuron[.synMargin]![0] - (-2 / (1 + Foundation.pow(2.0, 1.5)).squareRoot())) < 1e-6)
    }

    @Test func erfinvInvertsErf() {
        for x in [-3.0, -1.2, -0.3, 0, 0.1, 0.7, 2.5, 4.0] {
            #expect(abs(Normal.erfinv(erf(x)) - x) < 1e-9 * max(1, abs(x)))
        }
        #expect(abs(Normal.erfinv(0.5) - 0.4769362762044699) < 1e-14)
        #expect(Normal.erfinv(0) == 0)
    }

    @Test func biasFormulaWithCodingLevel() {
        // θ = f ΣW + sqrt(2 f (1−f) ΣW²) erfinv(1 − 2f); row 0: ΣW = 3, ΣW² = 5, f = 0.1.
        let theta = SynapseOps.biasThresholds(net, f: 0.1)
        let expected = 0.1 * 3 + (2 * 0.1 * 0.9 * 5).squareRoot() * Normal.erfinv(0.8)
        #expect(abs(Double(theta[0]) - expected) < 1e-6)
    }
}
