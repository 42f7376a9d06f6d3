// The model work behind Figure 3's rasters and response panels (RecallRaster, Responses).

import Foundation
import Sim
import Testing

@Suite struct Figure3AnalysisTests {
    /// A small random network: n neurons, weights uniform in [0, 0.2) with a few pruned,
    /// zero diagonal, θ = 0.3, and m exact patterns.
    static func network(n: Int = 60, m: Int = 8) -> (w: [Float], theta: [Float], stored: SparsePatterns) {
        var rng = Xoshiro256(seed: 5, stream: 9)
        var w = (0..<(n * n)).map { _ in Float(rng.uniform(0, 0.2)) }
        for i in 0..<n { w[i * n + i] = 0 }
        for e in stride(from: 3, to: n * n, by: 7) { w[e] = 0 }
        let stored = SparsePatterns.exact(n: n, m: m, f: 0.1, rng: &rng)
        return (w, [Float](repeating: 0.3, count: n), stored)
    }

    @Test func recallRasterShapeRangeAndSeededNoise() {
        let (w, theta, stored) = Self.network()
        for factors in [RecallRaster.Factors.scaledByU0, .squareRoot] {
            let a = RecallRaster.run(weights: w, theta: theta, n: 60, stored: stored, factors: factors,
                                     steps: 80, noiseFrom: 30, rows: 20, seed: 127).currents
            #expect(a.count == 20 && a.allSatisfy { $0.count == 80 })
            #expect(a.allSatisfy { $0.allSatisfy { $0 >= -1 && $0 <= 1 } })
            // Normalised by the extremes before the noise: ±1 is reached there.
            let early = a.flatMap { $0.prefix(30) }
            #expect(early.max() == 1 || early.allSatisfy { $0 <= 0 })
            #expect(early.min() == -1 || early.allSatisfy { $0 >= 0 })
            // Same seed, same raster; another seed changes only the noisy steps.
            let same = RecallRaster.run(weights: w, theta: theta, n: 60, stored: stored, factors: factors,
                                        steps: 80, noiseFrom: 30, rows: 20, seed: 127).currents
            #expect(same == a)
            let other = RecallRaster.run(weights: w, theta: theta, n: 60, stored: stored, factors: factors,
                                         steps: 80, noiseFrom: 30, rows: 20, seed: 128).currents
            #expect(other.map { Array($0.prefix(30)) } == a.map { Array($0.prefix(30)) })
            #expect(other.map { Array($0.suffix(50)) } != a.map { Array($0.suffix(50)) })
        }
    }

    /// The cue overlaps: a network wired to hold its patterns holds every one of them; a
    /// silent one (θ above every current) holds none; the overlap is a Pearson correlation.
    @Test func recallOverlapPerCueWindow() {
        let n = 60
        var rng = Xoshiro256(seed: 3, stream: 4)
        let stored = SparsePatterns.exact(n: n, m: 4, f: 0.1, rng: &rng)
        // Clipped Hebbian weights: w_ij = 0.1 when i and j are active together in some pattern.
        var w = [Float](repeating: 0, count: n * n)
        for mu in 0..<stored.m { for i in stored.active[mu] { for j in stored.active[mu] where i != j { w[Int(i) * n + Int(j)] = 0.1 } } }
        let holds = RecallRaster.run(weights: w, theta: [Float](repeating: 0.25, count: n), n: n, stored: stored,
                                     factors: .squareRoot, steps: 80, noiseFrom: 80, rows: 10, seed: 1)
        #expect(holds.cueOverlap.count == 8)
        #expect(holds.cueOverlap.allSatisfy { abs($0 - 1) < 1e-12 })
        #expect(holds.held(from: 30) == (held: 5, windows: 5, starts: [30, 40, 50, 60, 70]))
        let silent = RecallRaster.run(weights: w, theta: [Float](repeating: 100, count: n), n: n, stored: stored,
                                      factors: .squareRoot, steps: 80, noiseFrom: 80, rows: 10, seed: 1)
        #expect(silent.cueOverlap.allSatisfy { $0 == 0 })
        #expect(silent.held(from: 0) == (held: 0, windows: 8, starts: []))
        // Half the active units right, two wrong: (n·s_ab − s_a·s_b)/√(s_a(n−s_a)·s_b(n−s_b)).
        var a = [Float](repeating: 0, count: 20), b = a
        for i in 0..<4 { b[i] = 1 }
        a[0] = 1; a[1] = 1; a[10] = 1; a[11] = 1
        #expect(abs(RecallRaster.correlation(a, b) - (20.0 * 2 - 4 * 4) / (4.0 * 16 * 4 * 16).squareRoot()) < 1e-12)
        #expect(RecallRaster.correlation(a, a) == 1 && RecallRaster.correlation([Float](repeating: 0, count: 20), b) == 0)
    }

    @Test func responsesAndTheirCorrelations() {
        let n = 60
        let (w, _, stored) = Self.network(n: n, m: 12)
        let r = Responses.currents(weights: w, n: n, patterns: stored)
        #expect(r.count == n * stored.m)
        // W ξ by hand for one neuron and pattern.
        let x = stored.dense(3)
        var h: Float = 0
        for j in 0..<n where x[j] != 0 { h += w[7 * n + j] }
        #expect(r[7 * stored.m + 3] == Double(h))
        // Pearson correlations against a direct computation in Double.
        let c = Responses.correlations(r, n: n, m: stored.m)
        func pearson(_ i: Int, _ j: Int) -> Double {
            let a = Array(r[(i * stored.m)..<((i + 1) * stored.m)]), b = Array(r[(j * stored.m)..<((j + 1) * stored.m)])
            let ma = a.reduce(0, +) / Double(a.count), mb = b.reduce(0, +) / Double(b.count)
            var sab = 0.0, saa = 0.0, sbb = 0.0
            for k in a.indices { sab += (a[k] - ma) * (b[k] - mb); saa += (a[k] - ma) * (a[k] - ma); sbb += (b[k] - mb) * (b[k] - mb) }
            return sab / (saa * sbb).squareRoot()
        }
        for (i, j) in [(0, 1), (5, 40), (17, 17), (59, 2)] {
            #expect(abs(Double(c[i * n + j]) - pearson(i, j)) < 1e-5, "corr(\(i), \(j))")
        }
        #expect(c[3 * n + 9] == c[9 * n + 3])
    }

    @Test func familiarAndNovelStimuli() {
        let (_, _, stored) = Self.network(m: 12)
        let a = Responses.stimuli(stored, count: 5, seed: 700), b = Responses.stimuli(stored, count: 5, seed: 700)
        #expect(a.familiar == stored.subset(Array(0..<5)))
        #expect(a.novel == b.novel)
        #expect(a.novel.m == 5 && a.novel.active.map(\.count) == a.familiar.active.map(\.count))
        #expect(a.novel != a.familiar)
        #expect(Responses.stimuli(stored, count: 50, seed: 700).familiar.m == 12)
    }
}
