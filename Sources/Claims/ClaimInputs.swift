// The typed results one variant's claims read, loaded on first use and kept: the Figure 2
// points (any subset), the Figure 3 runs, the Figures 5–6 statistics. Claims never read
// files themselves; what they need is declared by `Requirement` and checked before they run.

import Experiments
import Foundation
import Sim

public final class ClaimInputs: @unchecked Sendable {
    public let variant: Variant
    /// data/results
    public let resultsRoot: URL
    /// The package root: input files (Kaufman data, theory tables) are relative to it.
    public let root: URL
    public let seeds: [UInt64]
    public let figure3Seed: UInt64
    public let fluctuationSeed: UInt64

    public init(variant: Variant, root: URL, resultsRoot: URL? = nil, seeds: [UInt64] = Figure2Sweep.defaultSeeds,
                figure3Seed: UInt64 = Figure3Sweep.defaultSeed, fluctuationSeed: UInt64 = Figure56Sweep.defaultSeed) {
        self.variant = variant
        self.root = root
        // The committed evidence set has its own root and its own seed.
        self.resultsRoot = resultsRoot ?? root.appendingPathComponent(variant.isCommitted ? EvidenceSet.root : SimulationPoint.resultsRoot)
        self.seeds = variant.isCommitted ? [EvidenceSet.seed] : seeds
        self.figure3Seed = figure3Seed
        self.fluctuationSeed = fluctuationSeed
    }

    var scale: Scale { variant.scale }
    var scaleRoot: URL { resultsRoot.appendingPathComponent(scale.rawValue) }

    // MARK: What claims need

    /// The Figure 2 points of these loads and zs (every seed) at this variant.
    public func attractorPoints(alphas: [AttractorLoad], zs: [Int] = Figure2Sweep.zs) -> [Requirement] {
        seeds.flatMap { seed in
            alphas.flatMap { a in
                zs.map { .point(.attractor(scale: scale, z: $0, alpha: a, seed: seed, n: variant.attractorNOverride)) }
            }
        }
    }
    /// Every point of the Figure 2 sweep.
    public var figure2Points: [Requirement] { attractorPoints(alphas: Figure2Sweep.alphas) }
    public func wakeSleepPoints(_ loads: [WakeSleepLoad] = Figure3Sweep.loads) -> [Requirement] {
        loads.map { .point(.wakeSleep(scale: scale, load: $0, seed: figure3Seed)) }
    }
    public var fluctuationPoint: SimulationPoint { Figure56Sweep.point(scale: scale, seed: fluctuationSeed) }

    /// The points of these zs at one load for the given seeds (whatever the inputs' seeds).
    public func attractorPoints(alpha: AttractorLoad, zs: [Int], seeds: [UInt64]) -> [Requirement] {
        seeds.flatMap { seed in zs.map { .point(.attractor(scale: scale, z: $0, alpha: alpha, seed: seed, n: variant.attractorNOverride)) } }
    }

    /// Where a requirement lives on disk (a result directory's result.json, or the file).
    public func path(_ r: Requirement) -> URL {
        switch r {
        case .point(let p), .array(let p, _):
            return URL(fileURLWithPath: p.directory(root: resultsRoot.path)).appendingPathComponent(ResultStore.sidecarName)
        case .file(let f): return root.appendingPathComponent(f)
        }
    }
    public func exists(_ r: Requirement) -> Bool {
        let url = path(r)
        guard FileManager.default.fileExists(atPath: url.path) else { return false }
        guard case .array(_, let name) = r else { return true }
        let sidecar = (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(ResultSidecar.self, from: $0) }
        return sidecar?.arrays[name] != nil
    }

    /// Where the committed evidence set stands (read once; nil for other variants).
    public lazy var evidence: EvidenceState? = variant.isCommitted
        ? EvidenceState.inspect(set: root.appendingPathComponent(EvidenceSet.root)) : nil

    // MARK: Figure 2

    private var attractorCache: [PointKey: AttractorResult] = [:]
    private struct PointKey: Hashable { let z: Int, alpha: AttractorLoad, seed: UInt64 }

    /// One point per seed at (z, α).
    public func attractor(z: Int, alpha: AttractorLoad) throws -> [AttractorResult] {
        try seeds.map { try attractor(z: z, alpha: alpha, seed: $0) }
    }

    /// The point (z, α) of one seed (any seed, not only the inputs' own).
    public func attractor(z: Int, alpha: AttractorLoad, seed: UInt64) throws -> AttractorResult {
        let key = PointKey(z: z, alpha: alpha, seed: seed)
        if let r = attractorCache[key] { return r }
        let r = try AttractorResult.load(results: scaleRoot, scale: scale, z: z, alpha: alpha, seed: seed,
                                         n: variant.attractorNOverride)
        attractorCache[key] = r
        return r
    }

    /// A statistic per z at one load, mean over seeds.
    public func perZ(alpha: AttractorLoad, zs: [Int] = Figure2Sweep.zs, _ stat: (AttractorResult) throws -> Double) throws -> [Double] {
        try zs.map { z in MeanSEM(try attractor(z: z, alpha: alpha).map(stat)).mean }
    }

    private var sweepCache: AttractorSweep?
    private var figure2Cache: Figure2Data?

    /// The whole sweep (all loads and zs).
    public func sweep() throws -> AttractorSweep {
        if let s = sweepCache { return s }
        var points: [Int: [[AttractorResult]]] = [:]
        for z in Figure2Sweep.zs { points[z] = try Figure2Sweep.alphas.map { try attractor(z: z, alpha: $0) } }
        let s = AttractorSweep(zs: Figure2Sweep.zs, loads: Figure2Sweep.alphas, seeds: seeds,
                               points: points)
        sweepCache = s
        return s
    }

    /// The sweep restricted to one load (what single-load builders such as the weight
    /// distributions need).
    public func sweepAt(alpha: AttractorLoad, zs: [Int] = Figure2Sweep.zs) throws -> AttractorSweep {
        var points: [Int: [[AttractorResult]]] = [:]
        for z in zs { points[z] = [try attractor(z: z, alpha: alpha)] }
        return AttractorSweep(zs: zs, loads: [alpha], seeds: seeds, points: points)
    }

    private var savedWeightsCache: [Int: (all: [Double], surviving: [Double])] = [:]

    /// The saved weights of z at α = 0.33 (first seed), rescaled as panels 09 and 10 draw
    /// them (`Figure2Data.scaledWeights`); read once however many claims ask.
    public func savedWeights(z: Int) throws -> (all: [Double], surviving: [Double]) {
        if let w = savedWeightsCache[z] { return w }
        let w = try Figure2Data.scaledWeights(try sweepAt(alpha: .saved, zs: [z]), z: z)
        savedWeightsCache[z] = w
        return w
    }

    /// What Figure 2's panels draw (the whole sweep).
    public func figure2() throws -> Figure2Data {
        if let d = figure2Cache { return d }
        let d = try Figure2Data.build(try sweep())
        figure2Cache = d
        return d
    }

    // MARK: Figure 3

    private var wakeSleepCache: [WakeSleepLoad: WakeSleepResult] = [:]
    private var figure3Cache: Figure3Data?

    public func wakeSleep(_ load: WakeSleepLoad) throws -> WakeSleepResult {
        if let r = wakeSleepCache[load] { return r }
        let r = try WakeSleepResult.load(results: scaleRoot, scale: scale, load: load, seed: figure3Seed)
        wakeSleepCache[load] = r
        return r
    }

    /// What Figure 3's panels draw (both loads).
    public func figure3() throws -> Figure3Data {
        if let d = figure3Cache { return d }
        let d = try Figure3Data(runs: try Figure3Sweep.loads.map(wakeSleep))
        figure3Cache = d
        return d
    }

    // MARK: Figures 5–6

    private var kaufmanCache: (matrix: WeightMatrix, analysis: DataAnalysis)?
    private var populationsCache: [PopulationAnalysis]?
    public static let kaufmanFile = KaufmanData.defaultPath

    /// The Kaufman et al. 2012 data and its statistics with the notebook's settings, as
    /// `figure5-6` computes them by default (`FluctuationStudy`; no simulation needed).
    public func kaufman() throws -> (matrix: WeightMatrix, analysis: DataAnalysis) {
        if let k = kaufmanCache { return k }
        let m = try KaufmanData.load(path(.file(Self.kaufmanFile)))
        let k = (m, try FluctuationStudy.analyseData(m))
        kaufmanCache = k
        return k
    }

    /// The simulated populations z = 1…5, analysed against the data.
    public func populations() throws -> [PopulationAnalysis] {
        if let p = populationsCache { return p }
        let p = FluctuationParameters(scale: scale.fluctuations, seed: fluctuationSeed)
        let dir = URL(fileURLWithPath: fluctuationPoint.directory(root: resultsRoot.path))
        let run = try FluctuationStore.load(dir, parameters: p)
        let k = try kaufman()
        let pops = try FluctuationStudy(run: run, kaufman: k.matrix, data: k.analysis).populations
        populationsCache = pops
        return pops
    }

    public func population(z: Int) throws -> PopulationAnalysis {
        guard let p = try populations().first(where: { $0.z == z }) else {
            throw ResultError.corrupt(path: fluctuationPoint.directory(root: resultsRoot.path), reason: "no population z = \(z)")
        }
        return p
    }
}
