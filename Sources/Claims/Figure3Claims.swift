// Figure 3's claims: wake–sleep consolidation (N = 1000, f = 0.05; high load M = 500, low
// M = 200). Tolerances are a quarter of the published panel's tick spacing unless stated.

import Experiments
import Foundation
import Sim

enum Figure3Claims {
    static let shortSleep = "the paper sleeps 10⁵ epochs; the default scale stops at 10⁴ (docs/methods.md §2.1), before the transient has settled"

    static func claim(_ id: String, _ panels: [String], _ statement: String, paper: String, source: ClaimSource,
                      test: String, expected: Expectation = .everyScale, loads: [WakeSleepLoad] = Figure3Sweep.loads,
                      check: ClaimCheck, measure: @escaping @Sendable (ClaimInputs) throws -> Measured) -> Claim {
        Claim(id: id, figure: "figure3", panels: panels, statement: statement, paperValue: paper, source: source,
              test: test, expected: expected, requires: { $0.wakeSleepPoints(loads) }, check: check, measure: measure)
    }

    /// The first half of the values all positive, the second half strictly rising.
    static let positiveThenRising = ClaimCheck.custom(.order, passing: [[0.5, 0.2, -1, 0.1]],
                                                      failing: [[0.5, -0.2, -1, 0.1], [0.5, 0.2, 0.1, -1], [0.5, 0.2, 0.1], []]) { v in
        v.count >= 2 && v.count % 2 == 0 && v[..<(v.count / 2)].allSatisfy { $0 > 0 } && Check.increasing(Array(v[(v.count / 2)...]))
    }

    /// `value` of the low run's item of `items`, then of the high run's.
    static func lowThenHigh<T, V>(_ items: [T], load: (T) -> WakeSleepLoad, _ value: (T) throws -> V) throws -> [V] {
        try [WakeSleepLoad.low, .high].map { l in
            guard let item = items.first(where: { load($0) == l }) else { throw ClaimError.missing("the \(l) run") }
            return try value(item)
        }
    }

    static func row(_ d: Figure3Data, _ load: WakeSleepLoad) throws -> Figure3Data.SummaryRow {
        guard let r = d.summary.first(where: { $0.load == load }) else { throw ClaimError.missing("the \(load) run") }
        return r
    }

    /// A tolerance before and after sleep: low before, low after, high before, high after.
    static func beforeAfter(_ inputs: ClaimInputs, _ before: KeyPath<Figure3Data.Tolerance, Double>,
                            _ after: KeyPath<Figure3Data.Tolerance, Double>) throws -> [Double] {
        try lowThenHigh(try inputs.figure3().tolerance, load: \.load) { [$0[keyPath: before], $0[keyPath: after]] }.flatMap { $0 }
    }

    static func beforeAfterText(_ v: [Double]) -> String {
        "low \(Format.number(v[0])) → \(Format.number(v[1])), high \(Format.number(v[2])) → \(Format.number(v[3]))"
    }

    static func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }

    static var all: [Claim] {
        [
            claim("F3-stored-high", ["15"], "patterns stored after one-shot wake at high load", paper: "≈ 440 of 500",
                  source: ClaimSource(.panel, detail: "points of panel 15"), test: "within 10% of 440",
                  loads: [.high], check: .near([440], 44)) { inputs in
                let run = try inputs.wakeSleep(.high)
                return Measured([Double(run.kept.count)], ours: "\(run.kept.count) of \(run.m)")
            },
            claim("F3-stored-low", [], "all low-load patterns are stored", paper: "200 of 200",
                  source: ClaimSource(.originalCode), test: "every pattern kept", loads: [.low],
                  check: .custom(.value, passing: [[200, 200]], failing: [[199, 200], [0, 200], []]) { v in v.count == 2 && v[0] == v[1] }) { inputs in
                let run = try inputs.wakeSleep(.low)
                return Measured([Double(run.kept.count), Double(run.m)], ours: "\(run.kept.count) of \(run.m)")
            },
            claim("F3-density-end", ["04"], "connection density after sleep", paper: "high ≈ 0.11, low ≈ 0.05",
                  source: ClaimSource(.panel), test: "each within 0.02", check: .near([0.11, 0.05], 0.02)) { inputs in
                let d = try inputs.figure3()
                let v = try [WakeSleepLoad.high, .low].map { try row(d, $0).l0After }
                return Measured(v, ours: "high \(Format.number(v[0], 3)), low \(Format.number(v[1], 3))",
                                note: inputs.variant.scale == .paper ? nil : "after \(try row(d, .high).sleepEpochs) sleep epochs")
            },
            claim("F3-tol-neural", ["03"], "neural noise tolerance before → after sleep",
                  paper: "low 0.179 → 0.427, high 0.128 → 0.298", source: ClaimSource(.panel, detail: "bar tops by pixel, ±0.003"),
                  test: "each within 2·√(reading² + seed s.d.²)",
                  check: .panelValues([0.179, 0.427, 0.128, 0.298], reading: 0.003, spreadOf: "F3-tol-neural")) { inputs in
                let v = try beforeAfter(inputs, \.neuralBefore, \.neuralAfter)
                return Measured(v, ours: beforeAfterText(v))
            },
            claim("F3-tol-synaptic", ["03"], "synaptic noise tolerance before → after sleep",
                  paper: "low 0.196 → 0.791, high 0.247 → 0.587", source: ClaimSource(.panel, detail: "bar tops by pixel, ±0.005"),
                  test: "each within 2·√(reading² + seed s.d.²)",
                  expected: .openDifference(reason: "after sleep ours is 8–13 % above the panel at seeds 700–702 (low 0.856, 0.853, 0.859; high 0.662, 0.652, 0.663) while before sleep agrees; the default scale sleeps 10⁴ epochs (paper 10⁵) and tests 50 × 5 noise levels × draws (paper 200 × 20): a paper-scale run would tell whether either is the cause"),
                  check: .panelValues([0.196, 0.791, 0.247, 0.587], reading: 0.005, spreadOf: "F3-tol-synaptic")) { inputs in
                let v = try beforeAfter(inputs, \.synapticBefore, \.synapticAfter)
                return Measured(v, ours: beforeAfterText(v))
            },
            // Panels 01/02 by eye, 6× enlarged: before sleep most windows after the noise starts
            // fall silent (white) within a step or explode (black); those from steps 150, 160
            // and 190 keep their dark rows to the window's end, as ours do where the overlap
            // is ≥ 0.9. After sleep all 15 windows show their pattern's rows throughout. Which
            // windows hold is a matter of the noise draws (ours at seeds 700–702: 5, 1, 1).
            claim("F3-raster-recall", ["01", "02"], "under synaptic noise (σ = 0.03 from step 50) the network holds its cued patterns after sleep, and mostly not before",
                  paper: "cue windows after step 50 still holding their pattern: before 3 of 15, after 15 of 15",
                  source: ClaimSource(.panel, detail: "windows whose dark rows last to the window's end, by eye at 6×, ±1 window"),
                  test: "windows whose state at the end correlates ≥ 0.9 with the cued pattern, before and after, each within 2·√(reading² + seed s.d.²)",
                  loads: [.high],
                  check: .panelValues([3, 15], reading: [1, 1], spreadOf: "F3-raster-recall")) { inputs in
                let d = try inputs.figure3()
                let b = d.rasterBefore.recall.held(from: d.rasterBefore.noiseFrom)
                let a = d.rasterAfter.recall.held(from: d.rasterAfter.noiseFrom)
                return Measured([b.held, a.held].map(Double.init),
                                ours: "before \(b.held) of \(b.windows) (from steps \(b.starts.map(String.init).joined(separator: ", "))), after \(a.held) of \(a.windows)")
            },
            claim("F3-snr-gain", ["04"], "sleep raises the neural SNR of both loads: relative SNR when sleep starts and at its end",
                  paper: "low 0.20 → 1.13, high 0.08 → 0.795", source: ClaimSource(.panel, detail: "line centroids by pixel, ±0.024 at the start (10–35 cycles), ±0.02 at the end"),
                  test: "each within 2·√(reading² + seed s.d.²)",
                  check: .panelValues([0.20, 1.13, 0.08, 0.795], reading: [0.024, 0.02, 0.024, 0.02], spreadOf: "F3-snr-gain")) { inputs in
                let d = try inputs.figure3()
                let unit = Figure3Data.SNRAndDensity.relativeSNRUnit
                let r = try [WakeSleepLoad.low, .high].map { try row(d, $0) }
                return Measured(r.flatMap { [$0.marginBefore / unit, $0.marginAfter / unit] },
                                ours: r.map { "\($0.load) \(Format.number($0.marginBefore / unit)) → \(Format.number($0.marginAfter / unit))" }.joined(separator: ", "))
            },
            // The published curves are flat from about 10³ cycles, so the default scale's 10⁴
            // sleep epochs show both the peak (near 10² cycles) and the end value.
            claim("F3-snr-transient", ["04"], "relative SNR overshoots near 10² cycles and settles above its start",
                  paper: "peak / end: low 1.91 / 1.13, high 1.03 / 0.795", source: ClaimSource(.panel, detail: "line centroids by pixel, ±0.03 / ±0.02"),
                  test: "peak and end each within 2·√(reading² + seed s.d.²)",
                  check: .panelValues([1.91, 1.13, 1.03, 0.795], reading: [0.03, 0.02, 0.03, 0.02], spreadOf: "F3-snr-transient")) { inputs in
                let d = try inputs.figure3()
                let unit = Figure3Data.SNRAndDensity.relativeSNRUnit
                let v = try [WakeSleepLoad.low, .high].flatMap { load -> [Double] in
                    let r = try row(d, load)
                    return [r.marginPeak / unit, r.marginAfter / unit]
                }
                return Measured(v, ours: "low \(Format.number(v[0])) / \(Format.number(v[1])), high \(Format.number(v[2])) / \(Format.number(v[3]))")
            },
            claim("F3-factor-corr", ["07"], "factor correlation within a synapse → 1, across synapses ≈ 0",
                  paper: "1 / 0", source: ClaimSource(.panel), test: "within ≥ 0.95 and |across| ≤ 0.05 at the end, both loads",
                  check: .custom(.value, passing: [[0.99, 0.01, 0.96, -0.04]], failing: [[0.94, 0, 1, 0], [1, 0.06, 1, 0], [1, 0, 1, -0.06], []]) { v in
                      v.count == 4 && v[0] >= 0.95 && abs(v[1]) <= 0.05 && v[2] >= 0.95 && abs(v[3]) <= 0.05
                  }) { inputs in
                let d = try inputs.figure3()
                let r = try [WakeSleepLoad.low, .high].map { try row(d, $0) }
                return Measured(r.flatMap { [$0.corrWithinEnd, $0.corrAcrossEnd] },
                                ours: r.map { "\($0.load) \(Format.number($0.corrWithinEnd, 3)) / \(Format.number($0.corrAcrossEnd, 3))" }.joined(separator: ", "))
            },
            claim("F3-factor-corr-times", ["07"], "when the factors of a synapse become correlated: the within-synapse correlation crosses 0.5 and 0.9",
                  paper: "low 42.1 and 61.3 cycles, high 56.8 and 114.7 (replay from ≈ 34)",
                  source: ClaimSource(.panel, detail: "curve crossings by pixel, ±0.8 / ±1.5 (low), ±0.8 / ±2.5 (high) cycles"),
                  test: "each crossing time (linear between records) within 2·√(reading² + seed s.d.²)",
                  check: .panelValues([42.1, 61.3, 56.8, 114.7], reading: [0.8, 1.5, 0.8, 2.5], spreadOf: "F3-factor-corr-times")) { inputs in
                let curves = try inputs.figure3().factorCorrelation.curves
                func crossing(_ c: Figure3Data.FactorCorrelationSeries, _ level: Double) -> Double {
                    guard let i = c.within.firstIndex(where: { $0 >= level }), i > 0 else { return .nan }
                    let (t0, t1, y0, y1) = (c.time[i - 1], c.time[i], c.within[i - 1], c.within[i])
                    return t0 + (level - y0) * (t1 - t0) / (y1 - y0)
                }
                let v = try lowThenHigh(curves, load: \.load) { [crossing($0, 0.5), crossing($0, 0.9)] }.flatMap { $0 }
                return Measured(v, ours: "low \(Format.number(v[0], 1)) and \(Format.number(v[1], 1)), high \(Format.number(v[2], 1)) and \(Format.number(v[3], 1))")
            },
            claim("F3-pruning-shift", ["09"], "pruning probability falls with log-normalised weight; the curve moves right with more cycles",
                  paper: "falls below ½ at −0.92, −0.11, +1.24 (after 100, 500 cycles and at the end)",
                  source: ClaimSource(.panel, detail: "crossings of ½ by pixel, ±0.03"),
                  test: "each crossing of ½ (linear between bins) within 2·√(reading² + seed s.d.²)", loads: [.high],
                  check: .panelValues([-0.92, -0.11, 1.24], reading: 0.03, spreadOf: "F3-pruning-shift")) { inputs in
                let curves = try inputs.figure3().pruning.curves
                let half = curves.map { c -> Double in
                    guard let i = c.y.firstIndex(where: { $0 < 0.5 }), i > 0 else { return .nan }
                    let (x0, x1, y0, y1) = (c.x[i - 1], c.x[i], c.y[i - 1], c.y[i])
                    return x0 + (0.5 - y0) * (x1 - x0) / (y1 - y0)
                }
                return Measured(half, ours: "falls below ½ at " + zip(curves, half).map { "\($0.cycles.map(String.init) ?? "end"): \(Format.number($1))" }.joined(separator: ", "))
            },
            claim("F3-conn-prob", ["10"], "connection probability rises with response correlation",
                  paper: "0.022, 0.132, 0.647, 0.984, 0.998 (bins −0.05 … 0.35); chance line 0.113",
                  source: ClaimSource(.panel, detail: "line corners by pixel, ±0.007; chance line ±0.004"),
                  test: "each bin and the chance line within 2·√(reading² + seed s.d.²)", loads: [.high],
                  check: .panelValues([0.022, 0.132, 0.647, 0.984, 0.998, 0.113], reading: [0.007, 0.007, 0.007, 0.007, 0.007, 0.004],
                                      spreadOf: "F3-conn-prob")) { inputs in
                let b = try inputs.figure3().correlationBins
                return Measured(b.connection + [b.density], ours: "\(Format.list(b.connection, 3)); chance \(Format.number(b.density, 3))")
            },
            claim("F3-conn-strength", ["11"], "connection strength (mean of existing connections / largest weight) rises with response correlation",
                  paper: "0.054, 0.092, 0.167, 0.285, 0.450 (bins −0.05 … 0.35; 8.3× rise)",
                  source: ClaimSource(.panel, detail: "log axis by pixel, ±2 %"),
                  test: "each bin within 2·√(reading² + seed s.d.²)",
                  expected: .openDifference(reason: "the two lowest bins are weaker: 0.039, 0.079 over seeds 700–702 (s.d. 0.002, 0.004) against 0.054, 0.092, so ours rises 11× instead of 8×; the three upper bins agree. Weak connections at low correlation may still be pruned after 10⁴ sleep epochs (paper 10⁵), which would raise the survivors' mean; not established"),
                  loads: [.high],
                  check: .panelValues([0.054, 0.092, 0.167, 0.285, 0.450], reading: [0.054, 0.092, 0.167, 0.285, 0.450].map { $0 * 0.02 },
                                      spreadOf: "F3-conn-strength")) { inputs in
                let r = try inputs.figure3().correlationBins.relativeStrength
                return Measured(r, ours: Format.list(r, 3))
            },
            claim("F3-selectivity", ["13"], "sparseness over stimuli is higher for familiar than novel stimuli at input, soft and hard output",
                  paper: "input 0.21 → 0.24, soft 0.35 → 0.46, hard 0.54 → 0.67", source: ClaimSource(.panel),
                  test: "familiar > novel for all three", loads: [.high], check: .allPositive) { inputs in
                let s = try inputs.figure3().selectivity
                let pairs = [s.input, s.soft, s.hard]
                return Measured(pairs.map { $0.familiar - $0.novel },
                                ours: pairs.map { "\(Format.number($0.novel)) → \(Format.number($0.familiar))" }.joined(separator: ", "))
            },
            claim("F3-selectivity-values", ["13"], "sparseness values of novel and familiar stimuli",
                  paper: "0.21, 0.24, 0.35, 0.46, 0.54, 0.67", source: ClaimSource(.panel),
                  test: "each within 0.05", loads: [.high], check: .near([0.21, 0.24, 0.35, 0.46, 0.54, 0.67], 0.05)) { inputs in
                let s = try inputs.figure3().selectivity
                let v = [s.input, s.soft, s.hard].flatMap { [$0.novel, $0.familiar] }
                return Measured(v, ours: Format.list(v))
            },
            claim("F3-gain-falls", ["14"], "SNR gain falls with initial SNR, and the clouds rise with cycles",
                  paper: "negative slopes; clouds after 2, 6, 15 cycles and at the end in rising order", source: ClaimSource(.panel),
                  test: "every fitted slope < 0 and the mean gain rises with cycles", loads: [.high], check: positiveThenRising) { inputs in
                let clouds = try inputs.figure3().gainsByCycles.clouds
                let centres = clouds.map { mean($0.gain) }
                return Measured(clouds.map { -$0.fit.slope } + centres,
                                ours: "slopes \(Format.list(clouds.map(\.fit.slope))); centres \(Format.list(centres))")
            },
            claim("F3-gain-early-clouds", ["14"], "the fitted lines of the SNR gain after 2, 6 and 15 cycles: value at zero initial SNR and slope",
                  paper: "at 0: 0.47, 1.14, 1.70; slopes −0.48, −0.82, −1.01 (norm.)",
                  source: ClaimSource(.panel, detail: "fitted line pixels, ±0.015 at 0, ±0.04 in slope"),
                  test: "each within 2·√(reading² + seed s.d.²)",
                  expected: .openDifference(reason: "the 15-cycle line lies lower: 1.50, 1.50, 1.49 at zero over seeds 700–702 against the panel's 1.70, while 2 and 6 cycles and the end agree; the default scale runs its first sleep epochs with the paper's parameters (only the number of sleep epochs differs, methods.md §2.1), so the shorter sleep should not be the cause"),
                  loads: [.high],
                  check: .panelValues([0.47, 1.14, 1.70, -0.48, -0.82, -1.01], reading: [0.015, 0.015, 0.015, 0.04, 0.04, 0.04],
                                      spreadOf: "F3-gain-early-clouds")) { inputs in
                let clouds = try inputs.figure3().gainsByCycles.clouds.prefix(3)
                let v = clouds.map(\.fit.intercept) + clouds.map(\.fit.slope)
                return Measured(v, ours: "at 0: \(Format.list(Array(v[0..<3]))); slopes \(Format.list(Array(v[3...])))")
            },
            claim("F3-gain-slope", ["14"], "the fitted line of the SNR gain at the end of sleep (10⁵ cycles): value at zero initial SNR and slope",
                  paper: "2.21, −0.93 (norm.)", source: ClaimSource(.panel, detail: "fitted line pixels, ±0.015 at 0, ±0.04 in slope"),
                  test: "each within 0.05 and 0.1", expected: .paperProtocol(reason: shortSleep), loads: [.high],
                  check: .custom(.value, passing: [[2.21, -0.93], [2.16, -0.84]], failing: [[2.27, -0.93], [2.15, -0.93], [2.21, -1.04], [2.21, -0.82], []]) { v in
                      v.count == 2 && abs(v[0] - 2.21) <= 0.05 && abs(v[1] + 0.93) <= 0.1
                  }) { inputs in
                guard let end = try inputs.figure3().gainsByCycles.clouds.last else { throw ClaimError.missing("the end cloud") }
                return Measured([end.fit.intercept, end.fit.slope], ours: "\(Format.number(end.fit.intercept)), \(Format.number(end.fit.slope))")
            },
            claim("F3-gain-load-slopes", ["15"], "slopes of the final SNR gain against the initial SNR, low and high load",
                  paper: "−0.99, −0.92", source: ClaimSource(.panel, detail: "fitted line pixels, ±0.03 / ±0.04"),
                  test: "each within 2·√(reading² + seed s.d.²)",
                  check: .panelValues([-0.99, -0.92], reading: [0.03, 0.04], spreadOf: "F3-gain-load-slopes")) { inputs in
                let loads = try inputs.figure3().gainsByLoad.loads
                let v = try lowThenHigh(loads, load: \.load) { $0.fit.slope }
                return Measured(v, ours: "low \(Format.number(v[0])), high \(Format.number(v[1]))")
            },
            claim("F3-margin-ends", ["04"], "relative synaptic margin (dashed) at the end of sleep",
                  paper: "low 1.25, high 0.58", source: ClaimSource(.panel, detail: "line centroids by pixel, ±0.02"),
                  test: "each within 2·√(reading² + seed s.d.²)",
                  check: .panelValues([1.25, 0.58], reading: 0.02, spreadOf: "F3-margin-ends")) { inputs in
                let curves = try inputs.figure3().snrAndDensity.curves
                let v = try [WakeSleepLoad.low, .high].map { l -> Double in
                    guard let c = curves.first(where: { $0.load == l }), let end = c.synaptic.last else { throw ClaimError.missing("the \(l) run") }
                    return end
                }
                return Measured(v, ours: "low \(Format.number(v[0])), high \(Format.number(v[1]))")
            },
            claim("F3-tuning-plateau", ["12"], "tuning curve of familiar stimuli: the plateau over the first three ranks",
                  paper: "3.43 (3.47 → 3.38)", source: ClaimSource(.panel, detail: "line centroid by pixel, ±0.03"),
                  test: "mean over ranks 1–3 within 2·√(reading² + seed s.d.²)",
                  expected: .openDifference(reason: "ours falls off earlier: rank 3 is 3.04 (panel ≈ 3.38), the mean over ranks 1–3 3.30, 3.30, 3.29 over seeds 700–702 against 3.43"),
                  loads: [.high],
                  check: .panelValues([3.43], reading: 0.03, spreadOf: "F3-tuning-plateau")) { inputs in
                let f = try inputs.figure3().tuning.familiar
                guard f.count >= 3 else { throw ClaimError.missing("three ranks") }
                let v = f.prefix(3).reduce(0, +) / 3
                return Measured([v], ours: "\(Format.number(v)) (\(Format.list(Array(f.prefix(3)))))")
            },
            claim("F3-gain-load", ["15"], "final SNR gain at zero initial SNR (the fitted lines): low load above high load",
                  paper: "low 3.04, high 2.21 (norm.)", source: ClaimSource(.panel, detail: "fitted line pixels, ±0.02"),
                  test: "each within 2·√(reading² + seed s.d.²)",
                  check: .panelValues([3.04, 2.21], reading: 0.02, spreadOf: "F3-gain-load")) { inputs in
                let loads = try inputs.figure3().gainsByLoad.loads
                let v = try lowThenHigh(loads, load: \.load) { $0.fit.intercept }
                let means = loads.map { "\($0.load) \(Format.number(mean($0.gain)))" }.joined(separator: ", ")
                return Measured(v, ours: "low \(Format.number(v[0])), high \(Format.number(v[1])) (mean gain \(means))")
            },
            // Panel 15 by pixel (307 px per unit of x): both clouds start at 0; the largest
            // marker centre lies at 0.546 (low) and 0.330 (high) ±0.002; the medians of the
            // marker ink, 0.245 ± 0.015 and 0.095 ± 0.025, are rough (the dense left of the
            // high cloud saturates).
            claim("F3-snr-before-ranges", ["15"], "patterns enter sleep with a wider spread of SNR at low load than at high load",
                  paper: "largest SNR_before (norm.) low 0.546, high 0.330; medians 0.245, 0.095",
                  source: ClaimSource(.panel, detail: "marker centres by pixel, ±0.002 (largest), ±0.015 / ±0.025 (medians)"),
                  test: "each within 2·√(reading² + seed s.d.²)",
                  expected: .openDifference(reason: "the medians agree but the extremes do not: at seeds 700–702 our largest SNR_before is 0.615, 0.569, 0.576 at low load (panel 0.546) and 0.288, 0.301, 0.286 at high load (0.330). SNR_before is measured after wake, which every scale runs with the paper's protocol, so the shorter sleep of the default scale is not the cause"),
                  check: .panelValues([0.546, 0.330, 0.245, 0.095], reading: [0.002, 0.002, 0.015, 0.025], spreadOf: "F3-snr-before-ranges")) { inputs in
                let loads = try inputs.figure3().gainsByLoad.loads
                let r0 = try lowThenHigh(loads, load: \.load) { $0.r0.sorted() }
                func median(_ v: [Double]) -> Double { v.count % 2 == 1 ? v[v.count / 2] : (v[v.count / 2 - 1] + v[v.count / 2]) / 2 }
                let v = [r0[0].last ?? .nan, r0[1].last ?? .nan, median(r0[0]), median(r0[1])]
                return Measured(v, ours: "largest low \(Format.number(v[0], 3)), high \(Format.number(v[1], 3)); medians \(Format.number(v[2], 3)), \(Format.number(v[3], 3))")
            },
            claim("F3-pruned-small", ["08"], "synapses pruned during sleep were the weak ones before it",
                  paper: "the pruned distribution lies left of all pre-sleep weights", source: ClaimSource(.panel),
                  test: "mean log10 weight (before sleep) of pruned < of all", loads: [.high], check: .allPositive) { inputs in
                let d = try inputs.figure3().weightDistribution
                let centres = d.edges.indices.dropLast().map { Foundation.log10(d.edges[$0] * d.edges[$0 + 1]) / 2 }
                func meanLog(_ density: [Double]) -> Double {
                    let total = density.reduce(0, +)
                    return zip(centres, density).map { $0 * $1 }.reduce(0, +) / total
                }
                let pruned = meanLog(d.pruned), all = meanLog(d.before)
                return Measured([all - pruned], ours: "pruned \(Format.number(pruned)), all \(Format.number(all)) (log10 w)")
            },
            // The published histograms have 0.059-decade bins (80 over each data range) where
            // ours have 0.027 (80 over the plotted 0.03…4); the reading precision is half a
            // published bin and the pixel error.
            claim("F3-weight-modes", ["08"], "sleep moves the typical surviving weight up about 2.5-fold: modes before and after sleep, and the after median",
                  paper: "before mode 0.335, after mode 0.83, after median 0.56 (log10: −0.475, −0.08, −0.25)",
                  source: ClaimSource(.panel, detail: "step centres by pixel, ±0.03 / ±0.04 decade; median of the area inside 0.03…4, ±0.02"),
                  test: "each log10 within 2·√(reading² + seed s.d.²)", loads: [.high],
                  check: .panelValues([-0.475, -0.08, -0.25], reading: [0.03, 0.04, 0.02], spreadOf: "F3-weight-modes")) { inputs in
                let d = try inputs.figure3().weightDistribution
                let v = [d.modeLog10(d.before), d.modeLog10(d.after), d.medianLog10(d.after)]
                return Measured(v, ours: "before mode \(Format.number(pow(10, v[0]), 3)), after mode \(Format.number(pow(10, v[1]), 3)), after median \(Format.number(pow(10, v[2]), 3)) (log10: \(Format.list(v)))")
            },
        ]
    }
}
