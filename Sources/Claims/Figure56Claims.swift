// Figures 5 and 6's claims: intrinsic synaptic fluctuations for z = 1…5 and the spine data
// of Kaufman et al. (2012). The data claims need only the data file; the simulation claims
// need the fluctuation run. "Published run only": the released simulation script, re-run
// unchanged with its own seed (T = 999), does not give the published numbers for z ≥ 2
// (alive fractions 0.90, 0.90, 0.06, 0.08, 0.19; z = 2 slopes 0.66 / 0.70): those are shown,
// never expected; the re-run's numbers are the claims for the faithful model.

import Experiments
import Foundation
import Sim

enum Figure56Claims {
    static let publishedRun = "the published panel comes from a run the released script does not reproduce: re-run unchanged with its seed it gives other numbers (for z ≥ 3 the populations collapse before T = 999); for z = 1 and 2 our faithful model agrees with the re-run, see the claims marked original code"

    static func claim(_ id: String, _ panels: [String], _ statement: String, paper: String, source: ClaimSource,
                      test: String, expected: Expectation = .everyScale, needsSimulation: Bool = true,
                      check: ClaimCheck, measure: @escaping @Sendable (ClaimInputs) throws -> Measured) -> Claim {
        Claim(id: id, figure: "figure5-6", panels: panels, statement: statement, paperValue: paper, source: source,
              test: test, expected: needsSimulation ? expected : .independentOfScale,
              requires: { inputs in
                  [.file(ClaimInputs.kaufmanFile)] + (needsSimulation ? [.point(inputs.fluctuationPoint)] : [])
              }, check: check, measure: measure)
    }

    static func slopes(_ s: LagSlopes?) throws -> (ltp: Double, ltd: Double, pairs: (Int, Int)) {
        guard let s else { throw ClaimError.missing("slopes at this lag") }
        return (s.potentiation.slope, s.depression.slope, (s.potentiation.pairCount, s.depression.pairCount))
    }

    /// Slopes of the simulated population z at the panel's lag (2 samples).
    static func simulationSlopes(_ inputs: ClaimInputs, z: Int) throws -> (ltp: Double, ltd: Double) {
        let s = try slopes(try inputs.population(z: z).slopes(lag: 2))
        return (s.ltp, s.ltd)
    }

    static var all: [Claim] {
        [
            claim("F56-kaufman-slopes", ["02"], "slope of log |Δw| on log w at lag 1 (0.5 h), potentiation / depression",
                  paper: "0.57 / 0.72 (original code: 0.572669 / 0.715767)", source: ClaimSource(.printed, .originalCode),
                  test: "within 1e-3 of the original code's slopes", needsSimulation: false, check: .near([0.572669, 0.715767], 1e-3)) { inputs in
                let s = try slopes(try inputs.kaufman().analysis.slopes(lag: 1))
                return Measured([s.ltp, s.ltd], ours: String(format: "%.6f / %.6f", s.ltp, s.ltd),
                                note: "the remaining 4e-5 / 6e-5 is the order of equal weights in the sort (docs/methods.md §7.4)")
            },
            claim("F56-kaufman-pairs", ["02"], "pairs of consecutive observations at lag 1, potentiation / depression",
                  paper: "25 847 / 25 845", source: ClaimSource(.originalCode, detail: "all 49 time points"),
                  test: "equal (counts: within 0.5)", needsSimulation: false, check: .near([25_847, 25_845], 0.5)) { inputs in
                let s = try slopes(try inputs.kaufman().analysis.slopes(lag: 1))
                return Measured([Double(s.pairs.0), Double(s.pairs.1)], ours: "\(s.pairs.0) / \(s.pairs.1)")
            },
            claim("F56-kaufman-qmin", ["05"], "q_min of the data, bootstrap mean ± std (1000 resamples, seed 123, first 48 time points)",
                  paper: "1.0854 ± 0.4301 (notebook: 1.0854000000000001 (0.4301474630867885))", source: ClaimSource(.printed),
                  test: "NumPy's generator: equal to 1e-9", needsSimulation: false, check: .near([1.0854000000000001, 0.4301474630867885], 1e-9)) { inputs in
                let n = try inputs.kaufman().analysis.norm
                return Measured([n.qMinMean, n.qMinStd], ours: String(format: "%.4f ± %.4f", n.qMinMean, n.qMinStd))
            },
            claim("F56-kaufman-cv-floor", ["03"], "the data's mean CV rank never reaches 0 (fresh bootstrap draws per q)",
                  paper: "minimum ≈ 0.13 at q ≈ 1", source: ClaimSource(.originalCode, .panel),
                  test: "minimum within 0.01 of 0.127, at q within 0.2 of 1", needsSimulation: false,
                  check: .custom(.value, passing: [[0.127, 1.0], [0.136, 0.81]], failing: [[0.138, 1], [0.115, 1], [0.127, 1.21], [0.127, 0.79], []]) { v in
                      v.count == 2 && abs(v[0] - 0.127) <= 0.01 && abs(v[1] - 1) <= 0.2
                  }) { inputs in
                let n = try inputs.kaufman().analysis.norm
                let r = n.rankMean
                let i = r.indices.min { r[$0] < r[$1] }!
                return Measured([r[i], n.exponents[i]], ours: "\(Format.number(r[i], 3)) at q = \(Format.number(n.exponents[i], 1))")
            },
            claim("F56-z1-additive", ["01"], "z = 1: |Δw| is independent of w (additive)", paper: "slopes −0.08 / 0.08",
                  source: ClaimSource(.printed, detail: "on the panel"), test: "each within 0.05", check: .near([-0.08, 0.08], 0.05)) { inputs in
                let s = try simulationSlopes(inputs, z: 1)
                return Measured([s.ltp, s.ltd], ours: "\(Format.number(s.ltp)) / \(Format.number(s.ltd))")
            },
            claim("F56-z2-sublinear", ["01"], "z = 2: sublinear", paper: "0.44 / 0.48", source: ClaimSource(.printed, detail: "on the panel"),
                  test: "each within 0.05", expected: .publishedRunOnly(reason: publishedRun), check: .near([0.44, 0.48], 0.05)) { inputs in
                let s = try simulationSlopes(inputs, z: 2)
                return Measured([s.ltp, s.ltd], ours: "\(Format.number(s.ltp)) / \(Format.number(s.ltd))")
            },
            claim("F56-z2-slopes-rerun", ["01"], "z = 2 slopes as the released script gives them", paper: "0.66 / 0.70",
                  source: ClaimSource(.originalCode, detail: "released script re-run with its seed"), test: "each within 0.05",
                  check: .near([0.66, 0.70], 0.05)) { inputs in
                let s = try simulationSlopes(inputs, z: 2)
                return Measured([s.ltp, s.ltd], ours: "\(Format.number(s.ltp)) / \(Format.number(s.ltd))")
            },
            claim("F56-z5-near-multiplicative", ["01"], "z = 5: close to multiplicative", paper: "0.79 / 0.79",
                  source: ClaimSource(.printed, detail: "on the panel"), test: "each within 0.05",
                  expected: .publishedRunOnly(reason: publishedRun), check: .near([0.79, 0.79], 0.05)) { inputs in
                let s = try simulationSlopes(inputs, z: 5)
                return Measured([s.ltp, s.ltd], ours: "\(Format.number(s.ltp)) / \(Format.number(s.ltd))")
            },
            claim("F56-z5-slopes-rerun", ["01"], "z = 5 slopes as the released script gives them (near multiplicative)", paper: "0.89 / 0.97",
                  source: ClaimSource(.originalCode, detail: "released script re-run with its seed, two decimals"),
                  test: "each within 2·√(reading² + seed s.d.²)",
                  expected: .openDifference(reason: "ours are steeper at every seed (1–3: LTP 0.96, 0.97, 1.03; LTD 1.01, 1.00, 1.01). The z = 5 population collapses partly before T = 999, by an amount that depends on the seed and the noise stream (docs/methods.md §3.3): at seed 1 ours keeps 0.40 of its synapses alive, the re-run 0.19. Whether the collapse explains the gap is not established"),
                  check: .panelValues([0.89, 0.97], reading: 0.005, spreadOf: "F56-z5-slopes-rerun")) { inputs in
                let s = try simulationSlopes(inputs, z: 5)
                return Measured([s.ltp, s.ltd], ours: "\(Format.number(s.ltp)) / \(Format.number(s.ltd))")
            },
            claim("F56-alive-z12", ["01"], "z = 1 and 2 populations stay alive to T = 999", paper: "alive fractions 0.90, 0.90",
                  source: ClaimSource(.originalCode, detail: "released script re-run with its seed"), test: "each within 0.05",
                  check: .near([0.90, 0.90], 0.05)) { inputs in
                let a = try [1, 2].map { try inputs.population(z: $0).finalAliveFraction }
                return Measured(a, ours: Format.list(a))
            },
            claim("F56-qmin-2-over-z", ["05"], "simulated q_min ≈ 2/z", paper: "2.99, 1.13, 0.69, 0.50, 0.46 (z = 1…5)",
                  source: ClaimSource(.panel, detail: "ring centres by pixel, ±0.01; no error bars drawn"), test: "each within 0.2",
                  expected: .publishedRunOnly(reason: publishedRun), check: .near([2.99, 1.13, 0.69, 0.50, 0.46], 0.2)) { inputs in
                let q = try (1...5).map { try inputs.population(z: $0).norm?.qMinMean ?? .nan }
                return Measured(q, ours: Format.list(q))
            },
            claim("F56-qmin-z12-rerun", ["05"], "q_min of the z = 1 and 2 populations as the released script gives them",
                  paper: "3.05, 0.58", source: ClaimSource(.originalCode, detail: "released script re-run with its seed"),
                  test: "each within one bootstrap s.d. of ours",
                  check: .custom(.value, passing: [[2.75, 0.74, 0.64, 0.24]], failing: [[2.75, 0.2, 0.64, 0.24], [3.05, 0.74, 0.30, 0.24], [.nan, 1, 0.58, 1], []]) { v in
                      // Mean and s.d. of z = 1, then of z = 2.
                      v.count == 4 && abs(v[0] - 3.05) <= v[1] && abs(v[2] - 0.58) <= v[3]
                  }) { inputs in
                let n = try [1, 2].map { z -> NormVariability in
                    guard let norm = try inputs.population(z: z).norm else { throw ClaimError.missing("z = \(z) statistics") }
                    return norm
                }
                return Measured(n.flatMap { [$0.qMinMean, $0.qMinStd] },
                                ours: n.map { "\(Format.number($0.qMinMean)) ± \(Format.number($0.qMinStd))" }.joined(separator: ", "))
            },
            claim("F56-cv-min-z2", ["03"], "z = 2's mean CV rank has its minimum near q = 1",
                  paper: "0.25 at q ≈ 1.0–1.2 (flat over 0.8–1.25)", source: ClaimSource(.panel, detail: "ring positions by pixel, ±0.005"),
                  test: "the minimum within 2·√(reading² + seed s.d.²) of 0.25; its q shown",
                  expected: .publishedRunOnly(reason: publishedRun + " (our z = 2 resamples agree on q_min ≈ 0.64, so their mean CV-rank curve dips nearly to 0)"),
                  check: .panelValues([0.25], reading: 0.005, spreadOf: "F56-cv-min-z2")) { inputs in
                guard let n = try inputs.population(z: 2).norm else { throw ClaimError.missing("z = 2 statistics") }
                let r = n.rankMean
                guard let i = r.indices.filter({ r[$0].isFinite }).min(by: { r[$0] < r[$1] }) else { throw ClaimError.missing("z = 2 CV ranks") }
                return Measured([r[i]], ours: "\(Format.number(r[i], 3)) at q = \(Format.number(n.exponents[i], 2))")
            },
            claim("F56-r2", ["03"], "R² of each z's CV curve against the data; z = 2 fits best",
                  paper: "−0.93, 0.67, 0.64, 0.45, 0.25", source: ClaimSource(.printed),
                  test: "each within 0.1", expected: .publishedRunOnly(reason: publishedRun), check: .near([-0.93, 0.67, 0.64, 0.45, 0.25], 0.1)) { inputs in
                let r = try (1...5).map { try inputs.population(z: $0).rSquared }
                return Measured(r, ours: Format.list(r))
            },
            // z = 1's R² is a property of the seed more than of the model: over fluctuation
            // seeds 1–7 it ranged from −1.33 to −0.43 (SD 0.36), z = 2's from 0.57 to 0.69
            // (docs/report.md, "Seed spread of the fluctuation claims"). One run can only say
            // that z = 1 fits worse than a constant; z = 2's value is compared.
            claim("F56-r2-z12", ["03"], "R² of the CV curves against the data: z = 1 fits worse than a constant, z = 2 fits",
                  paper: "−0.93, 0.67", source: ClaimSource(.printed),
                  test: "z = 1 below 0 (its value varies from −1.33 to −0.43 over seeds 1–7); z = 2 within 0.1",
                  check: .custom(.value, passing: [[-0.76, 0.68]], failing: [[0.01, 0.68], [-0.76, 0.56], [-0.76, 0.78], []]) { v in
                      v.count == 2 && v[0] < 0 && Check.near([v[1]], [0.67], 0.1)
                  }) { inputs in
                let r = try [1, 2].map { try inputs.population(z: $0).rSquared }
                return Measured(r, ours: Format.list(r))
            },
        ]
    }
}
