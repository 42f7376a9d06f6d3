// Figure 2's claims: attractor networks with z-factor synapses (f = 0.5). Paper values are
// read off the published panels unless the source says otherwise. Claims at one load read
// only that load's four points, so a partial sweep (or the finite-size study's α = 0.08
// points at N = 400 and 1000) is judged on what exists.

import Experiments
import Foundation
import Sim

enum Figure2Claims {
    static let zs = Figure2Sweep.zs
    static let finiteSize = "at N = 200 every tolerance is higher and z = 1 gains most (finite size: the gap narrows at N = 400 and the paper's order appears at N = 1000, see the finite-size table; check with `make finite-size`)"

    static let recallSampling = "the smaller scales test 4 noise draws per level (paper: 20) on fewer patterns (M = 16 at N = 200, paper 80): near recall 0.5 a level's recall has a sampling s.d. of about √(0.25/64) ≈ 0.06 (paper ≈ 0.01), so the curve wiggles across 0.5 several times"

    static func claim(_ id: String, _ panels: [String], _ statement: String, paper: String, source: ClaimSource,
                      test: String, expected: Expectation = .everyScale,
                      requires: @escaping @Sendable (ClaimInputs) -> [Requirement] = { $0.figure2Points },
                      check: ClaimCheck, measure: @escaping @Sendable (ClaimInputs) throws -> Measured) -> Claim {
        Claim(id: id, figure: "figure2", panels: panels, statement: statement, paperValue: paper, source: source,
              test: test, expected: expected, requires: requires, check: check, measure: measure)
    }

    /// The weights W of the saved (α = 0.33) networks, which the committed evidence set leaves out.
    static let savedWeights: @Sendable (ClaimInputs) -> [Requirement] = { inputs in
        inputs.attractorPoints(alphas: [.alpha0_33]).compactMap { if case .point(let p) = $0 { return .array(p, "W") }; return nil }
    }

    /// max(z3, z4) < min(z1, z2) in each group of four (z = 1…4).
    static let z34BelowZ12: ClaimCheck = {
        let passing: [[Double]] = [[0.5, 0.6, 0.2, 0.1], [0.5, 0.6, 0.2, 0.1, 0.4, 0.4, 0.3, 0.2]]
        let failing: [[Double]] = [[0.5, 0.6, 0.5, 0.1], [0.5, 0.6, 0.2, 0.7], [0.5, 0.6, 0.2, 0.1, 0.4, 0.4, 0.4, 0.2], []]
        @Sendable func holds(_ v: [Double]) -> Bool {
            guard !v.isEmpty, v.count % 4 == 0 else { return false }
            for i in stride(from: 0, to: v.count, by: 4) where !(max(v[i + 2], v[i + 3]) < min(v[i], v[i + 1])) { return false }
            return true
        }
        return .custom(.order, passing: passing, failing: failing, holds)
    }()

    /// In each group of four (z = 1…4) every value at most the one before (equal max noise
    /// values lie within one step of the noise grid they are read off), and the first above
    /// the last.
    static let fallingOrTiedInGroups: ClaimCheck = {
        let passing: [[Double]] = [[0.45, 0.26, 0.13, 0.07, 0.27, 0.15, 0.07, 0.07, 0.08, 0.04, 0.02, 0.01]]
        let failing: [[Double]] = [[0.45, 0.26, 0.13, 0.17, 0.27, 0.15, 0.07, 0.04, 0.08, 0.04, 0.02, 0.01],
                                   [0.45, 0.26, 0.13, 0.07, 0.27, 0.15, 0.07, 0.04, 0.08, 0.08, 0.08, 0.08], []]
        @Sendable func holds(_ v: [Double]) -> Bool {
            guard !v.isEmpty, v.count % 4 == 0 else { return false }
            for i in stride(from: 0, to: v.count, by: 4) {
                for k in 1..<4 where !(v[i + k] <= v[i + k - 1]) { return false }
                if !(v[i] > v[i + 3]) { return false }
            }
            return true
        }
        return .custom(.order, passing: passing, failing: failing, holds)
    }()

    /// The largest of four values is the second (z = 2).
    static let z2Largest: ClaimCheck = {
        let passing: [[Double]] = [[0.57, 0.61, 0.28, 0.22]]
        let failing: [[Double]] = [[0.61, 0.57, 0.28, 0.22], [0.61, 0.61, 0.28, 0.22], [0.5, 0.6, 0.7, 0.2], []]
        return .custom(.order, passing: passing, failing: failing) { v in v.count == 4 && Check.argmax(v) == 1 && v[1] > v[0] }
    }()

    static func at(_ alpha: AttractorLoad) -> @Sendable (ClaimInputs) -> [Requirement] { { $0.attractorPoints(alphas: [alpha]) } }

    /// Max tolerated noise (paper's units) per z at one load, mean over seeds.
    static func maxNoise(_ inputs: ClaimInputs, _ type: NoiseType, alpha: AttractorLoad) throws -> [Double] {
        try inputs.perZ(alpha: alpha) { try $0.maxNoise(type) }
    }

    /// A statistic per load with the zs side by side, and (nil when it holds everywhere)
    /// the loads where it does not strictly fall with z.
    static func fallingInZ(_ series: [Figure2Data.Series]) -> (perLoad: [[Double]], note: String?) {
        let perLoad = series[0].mean.indices.map { i in series.map { $0.mean[i] } }
        let bad = perLoad.indices.filter { !Check.decreasing(perLoad[$0]) }
        guard !bad.isEmpty else { return (perLoad, nil) }
        return (perLoad, "not falling at " + bad.map { "α = \(Figure2Sweep.alphas[$0]) (\(Format.list(perLoad[$0])))" }
            .joined(separator: ", "))
    }

    /// The recall curve of (type, z, α), mean over seeds.
    static func meanRecall(_ inputs: ClaimInputs, _ type: NoiseType, z: Int, alpha: AttractorLoad) throws -> [Double] {
        let curves = try inputs.attractor(z: z, alpha: alpha).map { try $0.recallCurve(type).recall }
        return curves[0].indices.map { i in curves.map { $0[i] }.reduce(0, +) / Double(curves.count) }
    }

    /// One step of a point's noise grid in the paper's units (the resolution of its max noise).
    static func noiseStep(_ inputs: ClaimInputs, _ type: NoiseType, alpha: AttractorLoad) throws -> Double {
        let p = try inputs.attractor(z: zs[0], alpha: alpha)[0]
        let levels = try p.recallCurve(type).p
        guard levels.count > 1 else { return .nan }
        return try p.noiseInPaperUnits(type, level: levels[1]) - p.noiseInPaperUnits(type, level: levels[0])
    }

    /// Panels 04 and 07 read by pixel position (±0.003 and ±0.004; docs/report.md, "How the
    /// panel values were read").
    static let toleranceLoads: [(alpha: AttractorLoad, neural: [Double], synaptic: [Double])] = [
        (.alpha0_08, [0.453, 0.265, 0.137, 0.080], [0.568, 0.609, 0.282, 0.217]),
        (.alpha0_1425, [0.274, 0.147, 0.067, 0.039], [0.411, 0.435, 0.225, 0.173]),
        (.alpha0_33, [0.080, 0.039, 0.019, 0.010], [0.221, 0.229, 0.149, 0.117]),
    ]
    static func toleranceReading(_ alpha: AttractorLoad) -> (neural: [Double], synaptic: [Double]) {
        let row = toleranceLoads.first { $0.alpha == alpha }!
        return (row.neural, row.synaptic)
    }
    // Panel values read by pixel position against the ticks (docs/report.md, "How the panel
    // values were read"); `reading` is one s.d. of that reading.
    /// Panel 08 at the tolerance loads α = 0.08, 0.1425, 0.33 (the loads the committed N = 1000
    /// set has; at α = 0.205 … 0.7 the panel reads z = 3: 0.086, 0.115, 0.204, 0.267, 0.329 and
    /// z = 4: 0.069, 0.094, 0.175, 0.238, 0.301).
    static let densityZ3: [Double] = [0.031, 0.057, 0.144]
    static let densityZ4: [Double] = [0.026, 0.045, 0.120]
    static let densityLoads = Figure2Sweep.toleranceLoads
    /// The two highest loads of the sweep (panel 05's z = 2 lead).
    static let highestLoads = Array(Figure2Sweep.alphas.suffix(2))
    /// Where the N = 200 values leave the paper's: measured against the committed N = 1000 set.
    static let finiteSizeValues = "at N = 200 the margins and densities of z = 3 and 4 are larger than at N = 1000 (α = 0.08, seed 100: min margin 0.486 / 0.436 against 0.436 / 0.363; density 0.029 / 0.025 against 0.031 / 0.026); at N = 1000 they match the panel"
    /// Panel 01: normalised bar heights, z = 1…4 for q = 2, 1, 2/3, 1/2.
    static let snrBars: [Double] = [1.00, 0.54, 0.38, 0.31, 0.64, 1.00, 0.89, 0.81, 0.18, 0.81, 1.00, 0.99, 0.04, 0.51, 0.93, 1.00]
    /// Panels 02 and 05 at α = 0.08 (log axes: one pixel is 1.8–1.9 %).
    static let neuralSNRLow: [Double] = [9.37, 5.16, 3.52, 2.99]
    static let synapticSNRLow: [Double] = [10.1, 7.11, 3.57, 2.80]

    static var panelValueClaims: [Claim] {
        [
            claim("F2-density-z34-values", ["08"], "connection density of z = 3 and z = 4 at α = 0.08, 0.1425 and 0.33",
                  paper: "z = 3: \(Format.list(densityZ3, 3)); z = 4: \(Format.list(densityZ4, 3))",
                  source: ClaimSource(.panel, detail: "read by pixel position, ±0.0024 (z = 4: ±0.004, read from its visible edge)"),
                  test: "each within 2·√(reading² + seed s.d.²) (s.d. measured at N = 200)",
                  expected: .networkSize1000(reason: finiteSizeValues),
                  requires: { $0.attractorPoints(alphas: densityLoads, zs: [3, 4]) },
                  check: .panelValues(densityZ3 + densityZ4, reading: densityZ3.map { _ in 0.0024 } + densityZ4.map { _ in 0.004 },
                                      spreadOf: "F2-density-z34-values")) { inputs in
                let v = try [3, 4].flatMap { z in try densityLoads.map { a in MeanSEM(try inputs.attractor(z: z, alpha: a).map { try $0.mean(.l0) }).mean } }
                return Measured(v, ours: "z = 3: \(Format.list(Array(v[0..<3]), 3)); z = 4: \(Format.list(Array(v[3...]), 3))")
            },
            claim("F2-snr-bars-values", ["01"], "the normalised q-norm margins per z at α = 0.08 (bar heights)",
                  paper: "q = 2: 1.00, 0.54, 0.38, 0.31; q = 1: 0.64, 1.00, 0.89, 0.81; q = 2/3: 0.18, 0.81, 1.00, 0.99; q = 1/2: 0.04, 0.51, 0.93, 1.00",
                  source: ClaimSource(.panel, detail: "bar tops by pixel, ±0.007"), test: "each within 2·√(reading² + seed s.d.²) (s.d. measured at N = 200)",
                  expected: .networkSize1000(reason: finiteSizeValues, open: "seed 100 at N = 1000 gives z = 4 at q = 2/3 0.96 (panel 0.99) and z = 3 at q = 1/2 0.96 (0.93), 0.01 beyond the tolerance; its seed spread at N = 1000 is not measured yet (the N = 200 spread stands in)"),
                  requires: at(.alpha0_08), check: .panelValues(snrBars, reading: 0.007, spreadOf: "F2-snr-bars-values")) { inputs in
                let metrics = Figure2Data.normExponentGroups.map(\.metric)
                let heights = try metrics.flatMap { m -> [Double] in
                    let v = try inputs.perZ(alpha: .alpha0_08) { try $0.mean(m) }
                    let top = v.max() ?? 1
                    return v.map { $0 / top }
                }
                return Measured(heights, ours: stride(from: 0, to: 16, by: 4).map { Format.list(Array(heights[$0..<($0 + 4)])) }.joined(separator: "; "))
            },
            claim("F2-neural-snr-values-a0.08", ["02"], "neural SNR per z at α = 0.08",
                  paper: Format.list(neuralSNRLow), source: ClaimSource(.panel, detail: "log axis by pixel, ±1.8 %"),
                  test: "each within 2·√(reading² + seed s.d.²) (s.d. measured at N = 200)",
                  expected: .networkSize1000(reason: finiteSizeValues), requires: at(.alpha0_08),
                  check: .panelValues(neuralSNRLow, reading: neuralSNRLow.map { $0 * 0.018 }, spreadOf: "F2-neural-snr-values-a0.08")) { inputs in
                let v = try Figure2Data.neuralSNRAt(try inputs.sweepAt(alpha: .alpha0_08))
                return Measured(v, ours: Format.perZ(v))
            },
            claim("F2-syn-snr-values-a0.08", ["05"], "synaptic SNR per z at α = 0.08",
                  paper: Format.list(synapticSNRLow), source: ClaimSource(.panel, detail: "log axis by pixel, ±1.9 %"),
                  test: "each within 2·√(reading² + seed s.d.²) (s.d. measured at N = 200)",
                  expected: .networkSize1000(reason: finiteSizeValues, open: "at N = 1000 z = 2 gives 7.55, 7.54, 7.53 at seeds 100–102 (s.d. 0.007) against the panel's 7.11 (6 %, tolerance 0.34): not seed noise. z = 1 (10.15, 10.14, 10.15) and z = 3, 4 (seed 100) agree within 1 %; the cause is not found"),
                  requires: at(.alpha0_08),
                  check: .panelValues(synapticSNRLow, reading: synapticSNRLow.map { $0 * 0.019 }, spreadOf: "F2-syn-snr-values-a0.08")) { inputs in
                let v = try Figure2Data.synapticSNR(try inputs.sweepAt(alpha: .alpha0_08)).series.map { $0.mean[0] }
                return Measured(v, ours: Format.perZ(v))
            },
            claim("F2-syn-snr-z2-over-z1-high-load", ["05"], "at the two highest loads z = 2 has the larger synaptic SNR",
                  paper: "α = 0.577: z = 2 6 % above z = 1; 0.7: 7 % above (they tie at 0.45)", source: ClaimSource(.panel),
                  test: "z2 − z1 > 0 at α = 0.57667 and 0.7", requires: { $0.attractorPoints(alphas: highestLoads, zs: [1, 2]) },
                  check: .allPositive) { inputs in
                let gaps = try highestLoads.map { a -> Double in
                    let v = try Figure2Data.synapticSNR(try inputs.sweepAt(alpha: a, zs: [1, 2])).series.map { $0.mean[0] }
                    return v[1] - v[0]
                }
                return Measured(gaps, ours: "z2 − z1: \(gaps.map { Format.signed($0) }.joined(separator: ", "))")
            },
        ]
    }

    /// The seeds of the headline claim's spread (the committed evidence set has them at N = 1000).
    static let headlineSeeds = EvidenceSet.spreadSeeds
    /// Until the seed spread at N = 1000 is measured (three seeds exist for z = 1, 2 at
    /// α = 0.08 only), a quarter of each panel's tick spacing: 0.1 on panel 04, 0.2 on 07.
    static let neuralToleranceTolerance = 0.025
    static let synapticToleranceTolerance = 0.05

    static var all: [Claim] {
        var claims: [Claim] = [
            claim("F2-density-z1", ["08"], "z = 1 connection density ≈ 0.5 at every load",
                  paper: "0.50 ± 0.03", source: ClaimSource(.panel, detail: "and the theory value 0.5"),
                  test: "every load within 0.03 of 0.5", check: .allNear(0.5, 0.03)) { inputs in
                let d = try inputs.figure2().density.series[0].mean
                return Measured(d, ours: "\(Format.list(d)) (α = 0.08 … 0.7)")
            },
            claim("F2-density-z2-theory", ["08"], "z = 2 density follows the L1 theory p(α)",
                  paper: "l1_capacity.csv: 0.072 at α = 0.08 … 0.41 at 0.7", source: ClaimSource(.table),
                  test: "every load within 0.03 of the L1 connection probability", check: .allNear(0, 0.03)) { inputs in
                let rows = try inputs.figure2().comparison.rows
                let ours = rows.map { $0.l0Z2 ?? .nan }, theory = rows.map(\.pExc)
                return Measured(zip(ours, theory).map { $0 - $1 }, ours: "\(Format.list(ours, 3)) vs theory \(Format.list(theory, 3))")
            },
            claim("F2-density-order", ["08"], "connection density falls with z at every load",
                  paper: "z1 > z2 > z3 > z4 (α = 0.7: ≈ 0.50, 0.42, 0.33, 0.30)", source: ClaimSource(.panel),
                  test: "strictly falling in z at each of the 8 loads", check: .fallingInGroups(of: 4)) { inputs in
                let (perLoad, note) = fallingInZ(try inputs.figure2().density.series)
                return Measured(perLoad.flatMap { $0 }, ours: "α = 0.7: \(Format.list(perLoad.last!))", note: note)
            },
            claim("F2-density-rises", ["08"], "density of z ≥ 2 rises with load",
                  paper: "z = 2: 0.077 → 0.421; z = 3: 0.031 → 0.329", source: ClaimSource(.panel),
                  test: "for z = 2 and 3: density at α = 0.7 above that at α = 0.08 by more than 0.2",
                  check: .custom(.sign, passing: [[0.34, 0.28]], failing: [[0.19, 0.3], [0.3, 0.1], []]) { v in
                      v.count == 2 && v.allSatisfy { $0 > 0.2 }
                  }) { inputs in
                let s = try inputs.figure2().density.series
                let z2 = s[1].mean, z3 = s[2].mean
                return Measured([z2.last! - z2.first!, z3.last! - z3.first!],
                                ours: "z = 2: \(Format.number(z2.first!)) → \(Format.number(z2.last!)); z = 3: \(Format.number(z3.first!)) → \(Format.number(z3.last!))")
            },
            claim("F2-snr-bars", ["01"], "the q-norm margin of q = 2/z is largest for that z",
                  paper: "q = 2 → z = 1, q = 1 → z = 2, q = 2/3 and 1/2 → z = 3 or 4 (nearly tied)",
                  source: ClaimSource(.panel), test: "argmax over z: z1 for q = 2, z2 for q = 1, z3 or z4 for q = 2/3 and 1/2",
                  requires: at(.alpha0_08),
                  check: .custom(.order, passing: [[4, 3, 2, 1, 3, 4, 2, 1, 1, 2, 4, 3, 1, 2, 3, 4]],
                                 failing: [[3, 4, 2, 1, 3, 4, 2, 1, 1, 2, 4, 3, 1, 2, 3, 4], [4, 3, 2, 1, 4, 3, 2, 1, 1, 2, 4, 3, 1, 2, 3, 4],
                                           [4, 3, 2, 1, 3, 4, 2, 1, 1, 4, 2, 3, 1, 2, 3, 4], [4, 3, 2, 1, 3, 4, 2, 1, 1, 2, 4, 3, 4, 2, 3, 1], []]) { v in
                      guard v.count == 16 else { return false }
                      let w = (0..<4).map { Check.argmax(Array(v[4 * $0..<4 * $0 + 4])) + 1 }
                      return w[0] == 1 && w[1] == 2 && [3, 4].contains(w[2]) && [3, 4].contains(w[3])
                  }) { inputs in
                let metrics = Figure2Data.normExponentGroups.map(\.metric)
                let values = try metrics.map { m in try inputs.perZ(alpha: .alpha0_08) { try $0.mean(m) } }
                let winners = values.map { zs[Check.argmax($0)] }
                return Measured(values.flatMap { $0 },
                                ours: "largest: q = 2 → z\(winners[0]), 1 → z\(winners[1]), 2/3 → z\(winners[2]), 1/2 → z\(winners[3])")
            },
            claim("F2-neural-snr-z1-theory", ["02"], "z = 1 neural SNR lies on the κ(α_c)/c theory line",
                  paper: "within 10%", source: ClaimSource(.panel, .table),
                  test: "min margin / κ_max(α) within 10% of 1 at every load", check: .allNear(1, 0.10)) { inputs in
                let rows = try inputs.figure2().comparison.rows
                let ratio = rows.map { ($0.minMarginZ1 ?? .nan) / $0.kappaMax }
                return Measured(ratio, ours: "ratio \(Format.list(ratio))")
            },
            claim("F2-neural-snr-order", ["02"], "neural SNR falls with z at every load",
                  paper: "z1 > z2 > z3 > z4 (α = 0.08: 9.37, 5.16, 3.52, 2.99)", source: ClaimSource(.panel),
                  test: "strictly falling in z at each load", check: .fallingInGroups(of: 4)) { inputs in
                let (perLoad, note) = fallingInZ(try inputs.figure2().neuralSNR.series)
                return Measured(perLoad.flatMap { $0 }, ours: "α = 0.08: \(Format.list(perLoad[0], 1))", note: note)
            },
            claim("F2-neural-snr-falls-with-load", ["02"], "neural SNR of every z falls with load",
                  paper: "z = 1: ≈ 9.5 at α = 0.08 → ≈ 0.9 at 0.7", source: ClaimSource(.panel),
                  test: "strictly falling over the 8 loads for every z", check: .fallingInGroups(of: Figure2Sweep.alphas.count)) { inputs in
                let s = try inputs.figure2().neuralSNR.series
                return Measured(s.flatMap(\.mean), ours: "z = 1: \(Format.number(s[0].mean.first!, 1)) → \(Format.number(s[0].mean.last!, 1))")
            },
            claim("F2-syn-snr-z2-theory", ["05"], "z = 2 synaptic SNR lies on its L1 theory line",
                  paper: "within 10%", source: ClaimSource(.panel, .table),
                  test: "simulated / theory within 10% of 1 at every load", check: .allNear(1, 0.10)) { inputs in
                let d = try inputs.figure2().synapticSNR
                guard let theory = d.theory.first(where: { $0.z == 2 })?.curve else { throw ClaimError.missing("z = 2 theory") }
                let ratio = zip(d.series[1].mean, theory.y).map { $0 / $1 }
                return Measured(ratio, ours: "ratio \(Format.list(ratio))")
            },
            claim("F2-syn-snr-order-low-load", ["05"], "at the lowest load synaptic SNR falls with z",
                  paper: "α = 0.08: 10.1, 7.11, 3.57, 2.80 (z = 1…4)", source: ClaimSource(.panel),
                  test: "strictly falling in z at α = 0.08", requires: at(.alpha0_08), check: .fallingInGroups(of: 4)) { inputs in
                let v = try Figure2Data.synapticSNR(try inputs.sweepAt(alpha: .alpha0_08)).series.map { $0.mean[0] }
                return Measured(v, ours: Format.perZ(v, 1))
            },
            claim("F2-syn-tol-z34-low", ["07"], "z = 3 and 4 tolerate less synaptic noise than z = 1 and 2",
                  paper: "at α = 0.08, 0.1425, 0.33", source: ClaimSource(.panel),
                  test: "max(z3, z4) < min(z1, z2) at each of the three loads",
                  requires: { $0.attractorPoints(alphas: Figure2Sweep.toleranceLoads) }, check: z34BelowZ12) { inputs in
                let v = try Figure2Sweep.toleranceLoads.map { try maxNoise(inputs, .synapticFirstAlive, alpha: $0) }
                return Measured(v.flatMap { $0 }, ours: v.map { Format.list($0) }.joined(separator: " | "))
            },
            claim("F2-neural-tol-order", ["04"], "max tolerated neural noise falls with z at α = 0.08, 0.1425, 0.33",
                  paper: "α = " + toleranceLoads.map { "\($0.alpha): \(Format.list($0.neural, 3))" }.joined(separator: "; "),
                  source: ClaimSource(.panel),
                  test: "at each of the three loads every z below the one before, or equal when they differ by less than one step of the noise grid, and z = 1 above z = 4",
                  requires: { $0.attractorPoints(alphas: Figure2Sweep.toleranceLoads) },
                  check: fallingOrTiedInGroups) { inputs in
                var ties: [String] = [], values: [Double] = [], shown: [String] = []
                for alpha in Figure2Sweep.toleranceLoads {
                    let v = try maxNoise(inputs, .neuralBalanced, alpha: alpha)
                    let step = try noiseStep(inputs, .neuralBalanced, alpha: alpha)
                    values += v
                    shown.append(Format.list(v))
                    for k in 1..<v.count where v[k] == v[k - 1] {
                        ties.append("z\(zs[k - 1]) = z\(zs[k]) at α = \(alpha) (grid step \(Format.number(step, 3)))")
                    }
                }
                let note: String? = ties.isEmpty ? nil : "equal within the noise grid: " + ties.joined(separator: ", ")
                return Measured(values, ours: shown.joined(separator: " | "), note: note)
            },
            claim("F2-syn-tol-peak-z2", ["07"], "max tolerated synaptic noise is highest for z = 2 at α = 0.08 (z = 1 close behind; z = 3, 4 well below)",
                  paper: Format.list(toleranceReading(.alpha0_08).synaptic, 3), source: ClaimSource(.panel), test: "argmax over z is z = 2",
                  expected: .networkSize1000(reason: finiteSize), requires: at(.alpha0_08), check: z2Largest) { inputs in
                let v = try maxNoise(inputs, .synapticFirstAlive, alpha: .alpha0_08)
                return Measured(v, ours: Format.list(v))
            },
            claim("F2-syn-tol-z2-over-z1-seeds", ["07"],
                  "z = 2 tolerates more synaptic noise than z = 1 at α = 0.08, over three seeds (the headline claim with its seed spread)",
                  paper: "\(Format.number(toleranceReading(.alpha0_08).synaptic[1], 3)) against \(Format.number(toleranceReading(.alpha0_08).synaptic[0], 3)) (one run)", source: ClaimSource(.panel),
                  test: "over seeds \(headlineSeeds.map(String.init).joined(separator: ", ")): the mean of z2 − z1 is positive and larger than its standard error",
                  expected: .networkSize1000(reason: finiteSize),
                  requires: { $0.attractorPoints(alpha: .alpha0_08, zs: [1, 2], seeds: headlineSeeds) },
                  check: .custom(.sign, passing: [[0.08, 0.06, 0.02], [0.04]], failing: [[0.02, -0.04, 0.01], [0.1, -0.09, 0.0], [-0.01], []]) { gap in
                      let g = MeanSEM(gap)
                      return !gap.isEmpty && g.mean > 0 && g.mean > g.sem
                  }) { inputs in
                let tolerance = { (z: Int, seed: UInt64) in try inputs.attractor(z: z, alpha: .alpha0_08, seed: seed).maxNoise(.synapticFirstAlive) }
                let z1 = try headlineSeeds.map { try tolerance(1, $0) }, z2 = try headlineSeeds.map { try tolerance(2, $0) }
                let gap = zip(z2, z1).map { $0 - $1 }
                let g = MeanSEM(gap), a = MeanSEM(z1), b = MeanSEM(z2)
                let sd = g.sem * Double(gap.count).squareRoot()
                return Measured(gap, ours: "z2 − z1 per seed \(gap.map { Format.signed($0) }.joined(separator: ", ")): mean \(Format.signed(g.mean)) ± \(Format.number(g.sem, 3)) s.e.m. (s.d. \(Format.number(sd, 3))); "
                                + "z1 \(Format.number(a.mean)) ± \(Format.number(a.sem, 3)), z2 \(Format.number(b.mean)) ± \(Format.number(b.sem, 3))")
            },
            claim("F2-syn-tol-peak-z2-a0.1425", ["07"], "max tolerated synaptic noise is highest for z = 2 at α = 0.1425",
                  paper: Format.list(toleranceReading(.alpha0_1425).synaptic, 3), source: ClaimSource(.panel), test: "argmax over z is z = 2",
                  expected: .networkSize1000(reason: finiteSize), requires: at(.alpha0_1425), check: z2Largest) { inputs in
                let v = try maxNoise(inputs, .synapticFirstAlive, alpha: .alpha0_1425)
                return Measured(v, ours: Format.list(v))
            },
            claim("F2-pruned-floor", ["10"], "pruned weights pile up at 1e-20 (z = 1), 1e-40 (z = 2) and exactly 0 (z ≥ 3): float32 underflow of the factor products",
                  paper: "peaks at 1e-20, 1e-40, 0, 0", source: ClaimSource(.panel),
                  test: "the fullest bin below 1e-10 lies within a factor 100 of 1e-20 (z = 1) and 1e-40 (z = 2); for z ≥ 3 exact zeros outnumber every bin below 1e-10",
                  requires: savedWeights,
                  check: .custom(.value, passing: [[-20, -40, 100, 5]], failing: [[-17, -40, 100, 5], [-20, -43, 100, 5], [-20, -40, 0, 5], [-20, -40, 100, -1], [.nan, -40, 1, 1], []]) { v in
                      // Decades of the fullest tiny bin for z = 1, 2; zeros minus that bin's count for z = 3, 4.
                      v.count == 4 && abs(v[0] + 20) <= 2 && abs(v[1] + 40) <= 2 && v[2] > 0 && v[3] > 0
                  }) { inputs in
                var found: [String] = [], values: [Double] = []
                for z in zs {
                    let all = try inputs.savedWeights(z: z).all
                    let tiny = all.filter { $0 > 0 && $0 < 1e-10 }.map { log10($0).rounded() }
                    let zeros = all.filter { $0 == 0 }.count
                    var counts: [Double: Int] = [:]
                    for e in tiny { counts[e, default: 0] += 1 }
                    let peak = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
                    if z <= 2 {
                        values.append(peak?.key ?? .nan)
                        found.append(peak.map { "z\(z): 1e\(Int($0.key)) (\($0.value))" } ?? "z\(z): no tiny weights")
                    } else {
                        values.append(Double(zeros - (peak?.value ?? 0)))
                        found.append("z\(z): \(zeros) zeros")
                    }
                }
                return Measured(values, ours: found.joined(separator: ", "))
            },
            // Panel 09 by pixel (27.4 px per decade, 1.65 px per bin): modes −0.93 ± 0.03 (z = 1),
            // −0.93 ± 0.06, −1.02 ± 0.05, −1.02 ± 0.05; half-maximum widths 0.79, 0.91, 0.66,
            // 0.62 decades, each ±0.06 (a crossing is ±1 px). Colours follow the legend of panel
            // 08: z = 1 is the darkest.
            claim("F2-surviving-shape", ["09"], "surviving weights (rescaled to mean 0.1) peak just below 0.1 for every z; z = 2's distribution is the widest, z = 3 and 4 the narrowest",
                  paper: "modes (log10 w) −0.93, −0.93, −1.02, −1.02; widths at half maximum 0.79, 0.91, 0.66, 0.62 decades (α = 0.33)",
                  source: ClaimSource(.panel, detail: "stairs by pixel: modes ±0.03–0.06, widths ±0.06 decade"),
                  test: "each within 2·√(reading² + seed s.d.²)",
                  requires: savedWeights,
                  check: .panelValues([-0.93, -0.93, -1.02, -1.02, 0.79, 0.91, 0.66, 0.62],
                                      reading: [0.03, 0.06, 0.05, 0.05, 0.06, 0.06, 0.06, 0.06], spreadOf: "F2-surviving-shape")) { inputs in
                let shapes = Figure2Data.survivingWeights(alpha: AttractorLoad.saved.value, try zs.map { try inputs.savedWeights(z: $0).surviving }).shapes
                let v = shapes.map(\.modeLog10) + shapes.map(\.halfWidthDecades)
                return Measured(v, ours: "modes \(Format.list(Array(v[0..<4]))); widths \(Format.list(Array(v[4..<8])))")
            },
            // Panel 10 by pixel (2.15 px per 10⁴ weights): the pile at 1e-20 (z = 1) 49.2, at
            // 1e-40 (z = 2) 73.9, the exact-zero bars 86.0 (z = 3) and 88.3 (z = 4), each ±0.3
            // (×10⁴), of N(N − 1) = 99.9 × 10⁴ weights at N = 1000.
            claim("F2-pruned-counts", ["10"], "the pruned pile holds half the weights for z = 1 and more for every larger z (α = 0.33)",
                  paper: "49.2, 73.9, 86.0, 88.3 × 10⁴ of 99.9 × 10⁴: fractions 0.493, 0.740, 0.861, 0.884",
                  source: ClaimSource(.panel, detail: "spike and bar tops by pixel, ±0.3 × 10⁴ (±0.003 as a fraction)"),
                  test: "the fraction of off-diagonal weights below the 1e-10 cutoff, each within 2·√(reading² + seed s.d.²) (s.d. measured at N = 200)",
                  expected: .networkSize1000(reason: finiteSizeValues + "; the fractions are one minus the densities of panel 08"),
                  requires: savedWeights,
                  check: .panelValues([0.493, 0.740, 0.861, 0.884], reading: 0.003, spreadOf: "F2-pruned-counts")) { inputs in
                let v = try zs.map { z -> Double in
                    let w = try inputs.savedWeights(z: z)
                    return Double(w.all.count - w.surviving.count) / Double(w.all.count)
                }
                return Measured(v, ours: Format.list(v, 3))
            },
            claim("F2-recall-ends-order", ["03", "06"],
                  "recall curves start at 1, those under neural noise end at 0, and they lie in z order: for neural noise each z below the one before, for synaptic noise z = 3 and 4 below z = 1 and 2",
                  paper: "every z, neural and synaptic noise, α = 0.08", source: ClaimSource(.panel),
                  test: "recall ≥ 0.95 at zero noise for all 8 curves and ≤ 0.05 at the largest level for the neural ones (the synaptic end: F2-recall-synaptic-end); the area under the recall curve (mean recall over the noise grid) strictly falls with z for neural noise, and max(z3, z4) < min(z1, z2) for synaptic noise",
                  requires: at(.alpha0_08),
                  check: .custom(.order, passing: [[1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0.3, 0.2, 0.1, 0.08, 0.8, 0.7, 0.35, 0.3]],
                                 failing: [[0.9, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0.3, 0.2, 0.1, 0.08, 0.8, 0.7, 0.35, 0.3],
                                           [1, 1, 1, 1, 1, 1, 1, 1, 0, 0.06, 0, 0, 0.3, 0.2, 0.1, 0.08, 0.8, 0.7, 0.35, 0.3],
                                           [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0.3, 0.2, 0.2, 0.08, 0.8, 0.7, 0.35, 0.3],
                                           [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0.3, 0.2, 0.1, 0.08, 0.8, 0.3, 0.35, 0.3], []]) { v in
                      // Starts (8: neural z1–4, synaptic z1–4), neural ends (4), neural areas (4), synaptic areas (4).
                      guard v.count == 20 else { return false }
                      return v[0..<8].allSatisfy { $0 >= 0.95 } && v[8..<12].allSatisfy { $0 <= 0.05 }
                          && Check.decreasing(Array(v[12..<16])) && max(v[18], v[19]) < min(v[16], v[17])
                  }) { inputs in
                var starts: [Double] = [], neuralEnds: [Double] = [], areas: [NoiseType: [Double]] = [:]
                for type in [NoiseType.neuralBalanced, .synapticFirstAlive] {
                    for z in zs {
                        let r = try meanRecall(inputs, type, z: z, alpha: .alpha0_08)
                        areas[type, default: []].append(r.reduce(0, +) / Double(r.count))
                        starts.append(r.first!)
                        if type == .neuralBalanced { neuralEnds.append(r.last!) }
                    }
                }
                let neural = areas[.neuralBalanced]!, synaptic = areas[.synapticFirstAlive]!
                return Measured(starts + neuralEnds + neural + synaptic,
                                ours: "starts ≥ \(Format.number(starts.min()!)), neural ends ≤ \(Format.number(neuralEnds.max()!)); "
                                    + "areas neural \(Format.list(neural, 3)); synaptic \(Format.list(synaptic, 3))")
            },
            claim("F2-recall-synaptic-end", ["06"], "recall under synaptic noise reaches 0 within the panel's noise range for every z",
                  paper: "every z ≤ 0.05 at the largest level (α = 0.08)", source: ClaimSource(.panel),
                  test: "recall ≤ 0.05 at the largest synaptic noise level for z = 1…4",
                  expected: .networkSize1000(reason: "the N = 200 networks tolerate more synaptic noise (z = 2 about 0.75 against the paper's 0.61), so with the paper's noise range z = 2's curve ends above 0.05"),
                  requires: at(.alpha0_08),
                  check: .custom(.sign, passing: [[0.02, 0.05, 0, 0]], failing: [[0.02, 0.06, 0, 0], [.nan, 0, 0, 0], []]) { v in
                      !v.isEmpty && v.allSatisfy { $0 <= 0.05 }
                  }) { inputs in
                let ends = try zs.map { try meanRecall(inputs, .synapticFirstAlive, z: $0, alpha: .alpha0_08).last! }
                return Measured(ends, ours: "last level: " + Format.perZ(ends))
            },
            claim("F2-recall-crossing", ["03", "06"], "recall curves cross 0.5 once",
                  paper: "every z, neural and synaptic noise, α = 0.08", source: ClaimSource(.panel),
                  test: "recall ≥ 0.95 at zero noise, ≤ 0.05 at the largest level, one crossing of 0.5",
                  expected: .paperProtocol(reason: recallSampling), requires: at(.alpha0_08),
                  check: .custom(.order, passing: [[1, 0, 1, 0.98, 0.01, 1]], failing: [[1, 0, 3], [1, 0.1, 1], [0.9, 0, 1], []]) { v in
                      // Per curve: start, end, number of crossings of 0.5.
                      !v.isEmpty && v.count % 3 == 0 && stride(from: 0, to: v.count, by: 3).allSatisfy { v[$0] >= 0.95 && v[$0 + 1] <= 0.05 && v[$0 + 2] == 1 }
                  }) { inputs in
                var bad: [String] = [], values: [Double] = []
                for type in [NoiseType.neuralBalanced, .synapticFirstAlive] {
                    for z in zs {
                        let r = try meanRecall(inputs, type, z: z, alpha: .alpha0_08)
                        let crossings = zip(r, r.dropFirst()).filter { ($0 - 0.5) * ($1 - 0.5) < 0 || ($1 == 0.5 && $0 != 0.5) }.count
                        values += [r.first!, r.last!, Double(crossings)]
                        if !(r.first! >= 0.95 && r.last! <= 0.05 && crossings == 1) {
                            bad.append("\(type == .neuralBalanced ? "neural" : "synaptic") z\(z): start \(Format.number(r.first!)), end \(Format.number(r.last!)), \(crossings) crossings")
                        }
                    }
                }
                return Measured(values, ours: bad.isEmpty ? "all 8 curves" : bad.joined(separator: "; "))
            },
        ]
        claims += panelValueClaims
        // The absolute tolerance values per load, neural (04) and synaptic (07).
        for (alpha, neural, synaptic) in toleranceLoads {
            claims.append(claim("F2-neural-tol-values-a\(alpha)", ["04"], "max tolerated neural noise per z at α = \(alpha)",
                                paper: Format.list(neural), source: ClaimSource(.panel),
                                test: "each z within \(neuralToleranceTolerance) (a quarter of the 0.1 tick spacing, until the N = 1000 seed spread is measured)",
                                expected: .networkSize1000(reason: finiteSize), requires: at(alpha),
                                check: .near(neural, neuralToleranceTolerance)) { inputs in
                let v = try maxNoise(inputs, .neuralBalanced, alpha: alpha)
                return Measured(v, ours: Format.list(v))
            })
            claims.append(claim("F2-syn-tol-values-a\(alpha)", ["07"], "max tolerated synaptic noise per z at α = \(alpha)",
                                paper: Format.list(synaptic), source: ClaimSource(.panel),
                                test: "each z within \(synapticToleranceTolerance) (a quarter of the 0.2 tick spacing, until the N = 1000 seed spread is measured)",
                                expected: .networkSize1000(reason: finiteSize), requires: at(alpha),
                                check: .near(synaptic, synapticToleranceTolerance)) { inputs in
                let v = try maxNoise(inputs, .synapticFirstAlive, alpha: alpha)
                return Measured(v, ours: Format.list(v))
            })
        }
        return claims
    }
}
