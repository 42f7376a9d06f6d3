// The claims registry: its contents, and what a claim reports when its results are missing,
// corrupt, partial, or present at another network size.

import Claims
import Experiments
import Foundation
import Sim
import Testing

@Suite struct ClaimRegistryTests {
    /// The ids of the paper's claims list the registry started from; they must never change.
    static let originalIDs = [
        "F2-density-z1", "F2-density-z2-theory", "F2-density-order", "F2-density-rises", "F2-density-above-l0",
        "F2-snr-bars", "F2-neural-snr-z1-theory", "F2-neural-tol-order", "F2-syn-tol-peak-z2", "F2-syn-tol-z34-low",
        "F2-syn-snr-z2-theory", "F2-pruned-floor", "F2-recall-crossing",
        "F3-stored-high", "F3-stored-low", "F3-density-end", "F3-tol-neural", "F3-tol-synaptic", "F3-snr-transient",
        "F3-factor-corr", "F3-pruning-shift", "F3-conn-prob", "F3-conn-strength", "F3-selectivity", "F3-gain-slope",
        "F3-gain-load",
        "F56-kaufman-slopes", "F56-kaufman-qmin", "F56-kaufman-cv-floor", "F56-z1-additive", "F56-z2-sublinear",
        "F56-z5-near-multiplicative", "F56-qmin-2-over-z", "F56-r2",
        "TH-tables", "TH-alpha-c",
    ]
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func temporaryRoot() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("claims-\(getpid())-\(UInt64.random(in: 0..<UInt64.max))")
    }

    @Test func registryHoldsEveryClaimOnceWithItsSource() {
        let all = ClaimRegistry.all
        #expect(all.count >= 40)
        #expect(ClaimRegistry.duplicateIDs.isEmpty)
        let ids = Set(all.map(\.id))
        for id in Self.originalIDs where ClaimRegistry.retired[id] == nil { #expect(ids.contains(id), "claim \(id) is missing") }
        for id in ClaimRegistry.retired.keys { #expect(!ids.contains(id), "retired id \(id) is in use again") }
        for c in all {
            #expect(!c.statement.isEmpty && !c.paperValue.isEmpty && !c.test.isEmpty, "\(c.id)")
            #expect(!c.source.kinds.isEmpty, "\(c.id) has no source")
            #expect(["figure2", "figure3", "figure5-6", "theory"].contains(c.figure), "\(c.id)")
        }
    }

    @Test func missingResultsAreNotRunAndNameTheTarget() {
        let inputs = ClaimInputs(variant: Variant(scale: .default), root: Self.temporaryRoot())
        let rows = ClaimRegistry.evaluate(inputs: inputs)
        #expect(rows.allSatisfy { $0.status == .notRun })
        let density = rows.first { $0.id == "F2-density-z1" }!
        #expect(density.reason.contains("32 of 32 results missing"))
        #expect(density.reason.contains("make figure2 SCALE=default"))
        let stored = rows.first { $0.id == "F3-stored-high" }!
        #expect(stored.reason.contains("make figure3 SCALE=default"))
        #expect(stored.reason.contains("make data/results/default/wake-sleep/high_seed700/result.json"))
        let theory = rows.first { $0.id == "TH-tables" }!
        #expect(theory.reason.hasPrefix("input file missing: data/theory/l2_capacity.csv"))
    }

    @Test func corruptResultIsAnErrorNamingTheFile() throws {
        let root = Self.temporaryRoot()
        let dir = root.appendingPathComponent("data/results/default/wake-sleep/high_seed700")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: dir.appendingPathComponent("result.json"))
        let row = ClaimRegistry.evaluate(ClaimRegistry.all.first { $0.id == "F3-stored-high" }!,
                                         inputs: ClaimInputs(variant: Variant(scale: .default), root: root))
        #expect(row.status == .error)
        #expect(row.reason.contains("data/results/default/wake-sleep/high_seed700/result.json"))
        #expect(row.reason.contains("bad JSON"))
    }

    /// A claim whose published value comes from a run the released code does not reproduce:
    /// computed at every scale but tiny; agreeing holds, disagreeing "differs" with the cause.
    @Test func publishedRunClaimsDifferWithTheirCause() {
        func claim(holds: Bool) -> Claim {
            Claim(id: "X-published", figure: "figure5-6", panels: ["05"], statement: "s", paperValue: "1.0",
                  source: ClaimSource(.panel), test: "t", expected: .publishedRunOnly(reason: "the cause"),
                  requires: { _ in [] }, check: .near([1.0], 0.1), measure: { _ in Measured([holds ? 1.0 : 0.6], ours: "0.6") })
        }
        let inputs = ClaimInputs(variant: Variant(scale: .default), root: Self.temporaryRoot())
        let differs = ClaimRegistry.evaluate(claim(holds: false), inputs: inputs)
        #expect(differs.status == .differs && differs.reason == "the cause" && differs.ours == "0.6")
        #expect(ClaimRegistry.evaluate(claim(holds: true), inputs: inputs).status == .holds)
        let tiny = ClaimRegistry.evaluate(claim(holds: false), inputs: ClaimInputs(variant: Variant(scale: .tiny), root: Self.temporaryRoot()))
        #expect(tiny.status == .notExpected)
    }

    @Test func theoryClaimsHoldOnThePublishedTables() {
        let inputs = ClaimInputs(variant: Variant(scale: .tiny), root: Self.packageRoot)
        for id in ["TH-tables", "TH-alpha-c"] {
            let row = ClaimRegistry.evaluate(ClaimRegistry.all.first { $0.id == id }!, inputs: inputs)
            #expect(row.status == .holds, "\(id): \(row.ours) \(row.reason)")
        }
    }

    /// Writes the four α = 0.08 points of one network size with recall curves whose
    /// half-recall levels are given per z (synaptic and neural).
    static func writeLowLoadPoints(root: URL, scale: Experiments.Scale, n: Int?, synaptic: [Double], neural: [Double]) throws {
        let levels = (0..<50).map { Double($0) * 0.01 }
        // Recall 1 below the level nearest `half`, 0.5 at it, 0 above.
        func curve(_ half: Double) -> [Double] {
            let k = Int((half / 0.01).rounded())
            return levels.indices.map { $0 < k ? 1 : ($0 == k ? 0.5 : 0) }
        }
        for (k, z) in Figure2Sweep.zs.enumerated() {
            let point = SimulationPoint.attractor(scale: scale, z: z, alpha: .alpha0_08, seed: 100, n: n)
            let dir = URL(fileURLWithPath: point.directory(root: root.appendingPathComponent("data/results").path))
            var values: [String: Double] = ["n": Double(n ?? 200), "m": 16, "f": 0.5]
            for metric in ["min_margin", "rho", "norm_margin_q2_3", "norm_margin_q1_2", "syn_margin", "l0", "l1", "l2"] {
                values["\(metric)_mean"] = 1
            }
            let arrays: [String: NDArray] = [
                "p": NDArray(levels),
                // maxNoise = level × factor / 0.1 (synaptic), 2 × level / f (neural).
                "recall_synaptic_first_alive_s50": NDArray(curve(synaptic[k] * 0.1 / 0.2)),
                "recall_neural_balanced_s50": NDArray(curve(neural[k] * 0.5 / 2)),
            ]
            let parameters = JSONValue.object([
                "noise_factors": .object(["neural_balanced": .number(1), "synaptic_first_alive": .number(0.2)]),
            ])
            try ResultStore.save(ResultBundle(arrays: arrays, values: values), to: dir, model: "attractor", version: 1,
                                 parameters: parameters, wallSeconds: 0, command: "test")
        }
    }

    /// Partial sweep: only the α = 0.08 points exist. Claims reading only them are judged; the
    /// others say which target makes their results. At N = 1000 the N = 1000 claims are expected.
    @Test func partialSweepAndNetworkSizeVariants() throws {
        let root = Self.temporaryRoot()
        try Self.writeLowLoadPoints(root: root, scale: .default, n: nil, synaptic: [0.80, 0.74, 0.30, 0.28],
                                    neural: [0.52, 0.40, 0.22, 0.16])
        try Self.writeLowLoadPoints(root: root, scale: .large, n: nil, synaptic: [0.56, 0.64, 0.28, 0.22],
                                    neural: [0.44, 0.28, 0.12, 0.08])
        let atDefault = ClaimRegistry.evaluate(inputs: ClaimInputs(variant: Variant(scale: .default), root: root))
        func row(_ rows: [ClaimRow], _ id: String) -> ClaimRow { rows.first { $0.id == id }! }
        let peak = row(atDefault, "F2-syn-tol-peak-z2")
        #expect(peak.status == .notExpected)
        #expect(peak.wouldHold == false)
        #expect(peak.ours == "0.80, 0.74, 0.30, 0.28")
        #expect(peak.reason.hasPrefix("N = 200:"))
        #expect(row(atDefault, "F2-density-z1").status == .notRun)
        #expect(row(atDefault, "F2-syn-tol-z34-low").reason.contains("8 of 12 results missing"))

        // The large scale (N = 1000) as a variant of a default-scale report: only the α = 0.08 claims.
        #expect(ClaimRegistry.variants(scale: .default).map(\.description) == ["default", "default N=400", "large"])
        let atPaperSize = ClaimRegistry.evaluate(inputs: ClaimInputs(variant: Variant(scale: .large), root: root),
                                                 reportScale: .default)
        #expect(Set(atPaperSize.map(\.scale)) == ["large"])
        #expect(!atPaperSize.contains { $0.id == "F2-density-z1" })    // needs every load: not judged here
        let n400 = ClaimRegistry.evaluate(inputs: ClaimInputs(variant: Variant(scale: .default, attractorN: 400), root: root),
                                          reportScale: .default)
        #expect(row(n400, "F2-syn-tol-peak-z2").status == .notRun)
        #expect(row(n400, "F2-syn-tol-peak-z2").reason.contains("make finite-size"))
        #expect(row(atPaperSize, "F2-syn-tol-peak-z2").status == .holds)
        #expect(row(atPaperSize, "F2-syn-tol-values-a0.08").status == .holds)
        #expect(row(atPaperSize, "F2-neural-tol-values-a0.08").status == .holds)
    }
}
