// The committed evidence set: packing (left-out arrays kept as digests), the byte comparison
// CI runs, staleness, and the report's variant that reads it. Results here are synthetic
// (recall curves with chosen half-recall levels), written with the parameters and model
// version the current code asks for, so only what a test changes makes them differ.

import Claims
import Experiments
import Foundation
import Sim
import Testing

@Suite struct EvidenceSetTests {
    static func temporaryRoot() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("evidence-\(getpid())-\(UInt64.random(in: 0..<UInt64.max))")
    }

    /// Writes `point` under `results` as `simulate` would (current version and parameters, or
    /// `version`), with recall curves whose max tolerated noise is `synaptic` and `neural`
    /// (paper units) and a 3 × 3 W.
    static func write(_ point: SimulationPoint, results: URL, synaptic: Double, neural: Double,
                      version: Int = AttractorPoint.version, w: [Float] = [0, 1, 2, 3, 0, 5, 6, 7, 0], extra: Double = 1) throws {
        let parameters = try EvidenceSet.currentParameters(point)
        let levels = (0..<50).map { Double($0) * 0.01 }
        func curve(_ level: Double) -> [Double] {
            let k = Int((level / 0.01).rounded())
            return levels.indices.map { $0 < k ? 1 : ($0 == k ? 0.5 : 0) }
        }
        let synFactor = parameters["noise_factors"]?["synaptic_first_alive"]?.double ?? .nan
        let neuFactor = parameters["noise_factors"]?["neural_balanced"]?.double ?? .nan
        var values: [String: Double] = ["n": 1000, "m": 80, "f": 0.5, "extra": extra]
        for metric in ["min_margin", "rho", "norm_margin_q2_3", "norm_margin_q1_2", "syn_margin", "l0", "l1", "l2"] {
            values["\(metric)_mean"] = 1
        }
        let arrays: [String: NDArray] = [
            "p": NDArray(levels),
            // maxNoise = factor · level / 0.1 (synaptic), 2 · factor · level / f (neural).
            "recall_synaptic_first_alive_s50": NDArray(curve(synaptic * 0.1 / synFactor)),
            "recall_neural_balanced_s50": NDArray(curve(neural * 0.5 / 2 / neuFactor)),
            "W": NDArray(w, shape: [3, 3]),
        ]
        try ResultStore.save(ResultBundle(arrays: arrays, values: values),
                             to: URL(fileURLWithPath: point.directory(root: results.path)), model: AttractorPoint.model,
                             version: version, parameters: parameters, wallSeconds: 1, command: "test")
    }

    static func lowLoad(z: Int, seed: UInt64 = EvidenceSet.seed) -> SimulationPoint {
        .attractor(scale: EvidenceSet.scale, z: z, alpha: .alpha0_08, seed: seed)
    }

    @Test("the set's points: three loads × four z, and z = 1, 2 at α = 0.08 for two more seeds; the checked point is one")
    func definition() {
        #expect(EvidenceSet.points.count == 16)
        #expect(Set(EvidenceSet.points).count == 16)
        #expect(EvidenceSet.contains(EvidenceSet.checkedPoint))
        #expect(EvidenceSet.alphas == Figure2Data.maxNoiseLoads)
        #expect(EvidenceSet.contains(Self.lowLoad(z: 2, seed: 102)))
        #expect(!EvidenceSet.contains(Self.lowLoad(z: 3, seed: 102)))
    }

    @Test("pack keeps the small arrays, leaves W out with its digest, and a recomputation compares equal")
    func packAndCompare() throws {
        let root = Self.temporaryRoot()
        let results = root.appendingPathComponent("data/results"), set = root.appendingPathComponent("data/evidence")
        let point = Self.lowLoad(z: 4)
        try Self.write(point, results: results, synaptic: 0.22, neural: 0.08)
        let packed = try EvidencePacker.pack(results: results, set: set)
        #expect(packed == [point])
        let manifest = try EvidenceManifest.load(set)
        let entry = try #require(manifest.point("large/attractor/z4_alpha0.08_seed100"))
        #expect(entry.arrays["W"]?.kept == false)
        #expect(entry.arrays["p"]?.kept == true)
        let dir = URL(fileURLWithPath: point.directory(root: set.path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("W.npy").path))
        let stored = try ResultStore.load(dir)     // its result.json lists only what is there
        #expect(stored.sidecar.arrays["W"] == nil && stored.sidecar.arrays["p"] != nil)
        #expect(manifest.bytes > 0)

        let state = EvidenceState.inspect(set: set)
        #expect(state.present == [point] && state.missing.count == 15 && !state.isStale)

        let fresh = URL(fileURLWithPath: point.directory(root: results.path))
        #expect(try EvidenceCheck.compare(fresh: fresh, point: point, set: set).isEmpty)

        // A recomputation whose left-out W differs in one element is caught by the digest,
        // a changed value by its bits.
        try Self.write(point, results: results, synaptic: 0.22, neural: 0.08, w: [0, 1, 2, 3, 0, 5, 6, 7.0000005, 0])
        let wDiff = try EvidenceCheck.compare(fresh: fresh, point: point, set: set)
        #expect(wDiff.count == 1 && wDiff[0].hasPrefix("array W: bytes differ"))
        try Self.write(point, results: results, synaptic: 0.22, neural: 0.08, extra: 1.0000000000000002)
        let vDiff = try EvidenceCheck.compare(fresh: fresh, point: point, set: set)
        #expect(vDiff.count == 1 && vDiff[0].hasPrefix("value extra"))
        // A changed recall curve: the kept array's bytes.
        try Self.write(point, results: results, synaptic: 0.30, neural: 0.08)
        #expect(try EvidenceCheck.compare(fresh: fresh, point: point, set: set).contains { $0.hasPrefix("array recall_synaptic_first_alive_s50") })
    }

    @Test("packing again keeps committed points that are not computed here")
    func repackKeepsCommitted() throws {
        let root = Self.temporaryRoot()
        let results = root.appendingPathComponent("data/results"), set = root.appendingPathComponent("data/evidence")
        try Self.write(Self.lowLoad(z: 4), results: results, synaptic: 0.22, neural: 0.08)
        try EvidencePacker.pack(results: results, set: set)
        try FileManager.default.removeItem(at: results)
        try Self.write(Self.lowLoad(z: 3), results: results, synaptic: 0.28, neural: 0.14)
        try EvidencePacker.pack(results: results, set: set)
        #expect(Set(EvidenceState.inspect(set: set).present) == [Self.lowLoad(z: 3), Self.lowLoad(z: 4)])
        #expect(try EvidenceManifest.load(set).points.count == 2)
    }

    /// The four α = 0.08 points and the headline seeds, packed into `root`'s set.
    static func committedLowLoad(root: URL, version: Int = AttractorPoint.version) throws {
        let results = root.appendingPathComponent("data/results")
        let synaptic = [0.56, 0.64, 0.28, 0.22], neural = [0.46, 0.28, 0.14, 0.08]
        for (k, z) in Figure2Sweep.zs.enumerated() {
            try write(lowLoad(z: z), results: results, synaptic: synaptic[k], neural: neural[k], version: version)
        }
        // Seeds 101 and 102: z = 2 above z = 1 by 0.06 and 0.02.
        for (seed, s1, s2) in [(UInt64(101), 0.58, 0.64), (102, 0.60, 0.62)] {
            try write(lowLoad(z: 1, seed: seed), results: results, synaptic: s1, neural: 0.46, version: version)
            try write(lowLoad(z: 2, seed: seed), results: results, synaptic: s2, neural: 0.28, version: version)
        }
        try EvidencePacker.pack(results: results, set: root.appendingPathComponent(EvidenceSet.root))
        try FileManager.default.removeItem(at: results)
    }

    @Test("a report at any scale judges the N = 1000 claims on the committed set, named with its commit")
    func reportReadsTheSet() throws {
        let root = Self.temporaryRoot()
        try Self.committedLowLoad(root: root)
        let variants = ClaimRegistry.variants(scale: .default, root: root)
        let committed = try #require(variants.last)
        #expect(committed.isCommitted && committed.attractorN == 1000)
        #expect(committed.description.hasPrefix("large, committed at "))
        #expect(ClaimRegistry.variants(scale: .tiny, root: root).last?.isCommitted == true)
        let rows = ClaimRegistry.evaluate(inputs: ClaimInputs(variant: committed, root: root), reportScale: .default)
        func row(_ id: String) -> ClaimRow? { rows.first { $0.id == id } }
        #expect(row("F2-syn-tol-peak-z2")?.status == .holds)
        #expect(row("F2-syn-tol-values-a0.08")?.status == .holds)
        let seeds = try #require(row("F2-syn-tol-z2-over-z1-seeds"))
        #expect(seeds.status == .holds, "\(seeds.ours)")
        #expect(seeds.ours.contains("+0.08, +0.06, +0.02"))
        // Reads the weights, which the set leaves out: not judged on it.
        #expect(row("F2-pruned-floor") == nil)
        // Needs every load: not judged on the set.
        #expect(row("F2-density-z1") == nil)
        // α = 0.1425 is a load of the set, not committed here: not run, naming the target.
        let missing = try #require(row("F2-syn-tol-peak-z2-a0.1425"))
        #expect(missing.status == .notRun && missing.reason.contains(EvidenceSet.makeTarget))
    }

    @Test("the headline seed claim fails when z = 2 is not above z = 1 beyond its standard error")
    func headlineClaimCanFail() throws {
        let root = Self.temporaryRoot()
        let results = root.appendingPathComponent("data/results")
        // z2 − z1 = +0.02, −0.04, +0.01: mean −0.003.
        for (seed, s1, s2) in [(UInt64(100), 0.60, 0.62), (101, 0.62, 0.58), (102, 0.60, 0.61)] {
            try Self.write(Self.lowLoad(z: 1, seed: seed), results: results, synaptic: s1, neural: 0.46)
            try Self.write(Self.lowLoad(z: 2, seed: seed), results: results, synaptic: s2, neural: 0.28)
        }
        try EvidencePacker.pack(results: results, set: root.appendingPathComponent(EvidenceSet.root))
        let claim = try #require(ClaimRegistry.all.first { $0.id == "F2-syn-tol-z2-over-z1-seeds" })
        let row = ClaimRegistry.evaluate(claim, inputs: ClaimInputs(variant: .committed(at: "test"), root: root), reportScale: .default)
        #expect(row.status == .fails, "\(row.ours)")
    }

    @Test("a set made by another model version is stale: not evaluated, and the reason names the target")
    func staleSet() throws {
        let root = Self.temporaryRoot()
        try Self.committedLowLoad(root: root, version: AttractorPoint.version - 1)
        let state = EvidenceState.inspect(set: root.appendingPathComponent(EvidenceSet.root))
        #expect(state.isStale)
        #expect(state.stale[0].contains("model version \(AttractorPoint.version - 1), now \(AttractorPoint.version)"))
        let committed = try #require(ClaimRegistry.variants(scale: .default, root: root).last)
        let rows = ClaimRegistry.evaluate(inputs: ClaimInputs(variant: committed, root: root), reportScale: .default)
        #expect(!rows.isEmpty && rows.allSatisfy { $0.status == .stale })
        #expect(rows[0].reason.contains(EvidenceSet.makeTarget))
    }

    @Test("no set, no variant")
    func noSet() {
        #expect(ClaimRegistry.variants(scale: .default, root: Self.temporaryRoot()).allSatisfy { !$0.isCommitted })
    }
}
