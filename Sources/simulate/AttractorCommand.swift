// `simulate attractor`: one (z, α, seed) point of Figure 2 (docs/methods.md §1), cached.

import ArgumentParser
import Experiments
import Foundation
import Sim

struct AttractorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attractor",
        abstract: "Train one attractor network with z-factor synapses, measure it and cache the result.")

    @Option(help: "Factors per synapse (1...4 with scale defaults; larger with explicit --n and --max-epochs).")
    var z: Int
    @Option(help: "Load α = M/N (a number > 0); the text names the result directory.")
    var alpha: AttractorLoad
    @Option(help: "Random seed.") var seed: UInt64 = Figure2Sweep.defaultSeeds[0]
    @Option(help: "Override the scale's number of neurons.") var n: Int?
    @Option(name: .customLong("max-epochs"), help: "Override the scale's epoch bound.") var maxEpochs: Int?
    @Option(name: .customLong("eta-scale"), help: "Override the scale's factor on η and η_θ.") var etaScale: Double?
    @OptionGroup var runOptions: RunOptions

    func parameters() throws -> AttractorParameters {
        let sc = runOptions.scale.attractor
        guard z >= 1 else { throw ValidationError("--z: must be >= 1, got \(z)") }
        if z > 4 && (n == nil || maxEpochs == nil) {
            throw ValidationError("--z: \(z) has no scale defaults (1...4); give --n and --max-epochs explicitly")
        }
        if let n, n < 2 { throw ValidationError("--n: must be >= 2, got \(n)") }
        if let maxEpochs, maxEpochs < 0 { throw ValidationError("--max-epochs: must be >= 0") }
        if let etaScale, !(etaScale > 0) { throw ValidationError("--eta-scale: must be > 0") }
        let p = sc.parameters(z: z, load: alpha, seed: seed, n: n, maxEpochs: maxEpochs, etaScale: etaScale)
        guard p.m >= 1 else { throw ValidationError("--alpha: \(alpha) gives M = 0 patterns at N = \(p.n)") }
        guard p.m < p.n else { throw ValidationError("--alpha: \(alpha) gives M = \(p.m) >= N = \(p.n)") }
        return p
    }

    func run() throws {
        let p = try parameters()
        let label = "attractor z=\(z) α=\(alpha) N=\(p.n)"
        // An explicit --n other than the scale's names the directory (…_N1000), so it never
        // collides with the scale's own point.
        let point = SimulationPoint.attractor(scale: runOptions.scale, z: z, alpha: alpha, seed: seed,
                                              n: n == runOptions.scale.attractor.n ? nil : n)
        let cached = CachedRun(path: runOptions.directory(point), label: label)
        var model = runOptions.apply(to: AttractorPoint.Options(), checkpoint: cached.checkpoint)
        model.progress = Progress(label, enabled: !runOptions.quiet)
        let result = try cached.produceOrLoad(model: AttractorPoint.model, version: AttractorPoint.version,
                                              parameters: JSONValue(encoding: p), force: runOptions.force) {
            var model = model
            model.coreShare = try runOptions.coreShare()
            return try AttractorPoint.produce(p, options: model)
        }
        if !runOptions.quiet {
            let v = result.values
            let summary = String(format: "conv %.0f epochs %.0f l0 %.3f min_margin %.4f rho %.4f err %.4f",
                                 v["conv_epochs"] ?? .nan, v["epochs_run"] ?? .nan, v["l0_mean"] ?? .nan,
                                 v["min_margin_mean"] ?? .nan, v["rho_mean"] ?? .nan, v["train_error"] ?? .nan)
            print("\(label): \(summary) -> \(cached.dir.path)")
        }
    }
}
