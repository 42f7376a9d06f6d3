// `simulate wake-sleep`: one load of Figure 3 (docs/methods.md §2), cached; `--bench-epochs K`
// times K sleep epochs instead.

import ArgumentParser
import Foundation
import Sim

struct WakeSleepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wake-sleep",
        abstract: "Wake–sleep consolidation of sparse patterns (f = 0.05, z = 2) for one load; cached result.")

    @Option(help: "Load: high (M = 0.5 N) or low (M = 0.2 N).") var load: String = "high"
    @Option(help: "Scale: paper, default or tiny.") var scale: String = "default"
    @Option(help: "Random seed.") var seed: UInt64 = 700
    @Option(name: .customLong("sleep-epochs"), help: "Override the scale's number of sleep epochs.") var sleepEpochs: Int?
    @Option(help: "Result directory (default data/results/<scale>/wake-sleep/<load>_seed<seed>).") var out: String?
    @Flag(help: "Recompute even if a result exists.") var force = false
    @Option(help: "Threads for the robustness tests (results are identical for any value).") var threads: Int = 1
    @Flag(help: "No progress output.") var quiet = false
    @Option(name: .customLong("checkpoint-seconds"), help: "Wall seconds between sleep checkpoints.")
    var checkpointSeconds: Double = 120
    @Option(name: .customLong("interrupt-after"), help: "Testing: stop after this many sleep epochs, leaving a checkpoint.")
    var interruptAfter: Int?
    @Option(name: .customLong("bench-epochs"), help: "Benchmark: wake, then time this many sleep epochs; writes nothing.")
    var benchEpochs: Int?
    @Option(name: .customLong("bench-tolerance-levels"),
            help: "Benchmark: wake, then time the before-sleep tolerance curves on this many of the scale's levels (0: all); writes nothing.")
    var benchToleranceLevels: Int?

    func parameters() throws -> WakeSleepParameters {
        guard let sc = WakeSleepScale.named(scale) else {
            throw ValidationError("--scale: unknown scale '\(scale)' (use paper, default or tiny)")
        }
        if let sleepEpochs, sleepEpochs < 0 { throw ValidationError("--sleep-epochs: must be >= 0 (got \(sleepEpochs))") }
        guard let p = sc.parameters(load: load, seed: seed, sleepEpochs: sleepEpochs) else {
            throw ValidationError("--load: unknown load '\(load)' (use high or low)")
        }
        guard threads >= 1 else { throw ValidationError("--threads: must be >= 1 (got \(threads))") }
        if let benchToleranceLevels, benchToleranceLevels < 0 {
            throw ValidationError("--bench-tolerance-levels: must be >= 0 (got \(benchToleranceLevels))")
        }
        if let benchEpochs, benchEpochs < 1 { throw ValidationError("--bench-epochs: must be >= 1 (got \(benchEpochs))") }
        do { try p.validate() } catch { throw ValidationError("\(error)") }
        return p
    }

    func run() throws {
        let p = try parameters()
        let label = "wake-sleep \(load) N=\(p.n) \(scale)"
        if let k = benchToleranceLevels {
            let rows = try WakeSleepModel.benchTolerance(p, levels: k == 0 ? nil : k, threads: threads,
                                                         progressLabel: quiet ? nil : label)
            for r in rows {
                print(String(format: "%@: tolerance curve %@ (%d levels x %d tests x %d steps, %d threads): %.1f s CPU, %.1f s wall",
                             label, r.type.rawValue, r.levels, p.toleranceTests, p.toleranceSteps, threads,
                             r.cpuSeconds, r.wallSeconds))
            }
            return
        }
        if let k = benchEpochs {
            let r = try WakeSleepModel.bench(p, epochs: k, progressLabel: quiet ? nil : label)
            print(String(format: "%@: wake %.1f s (%d presentations), stored %d of %d; sleep %.2f ms per epoch over %d epochs; "
                         + "estimated sleep total %.1f min",
                         label, r.wakeSeconds, p.wakePasses * p.m, r.stored, p.m, r.secondsPerEpoch * 1000, k,
                         r.secondsPerEpoch * Double(p.sleepEpochs) / 60))
            print(String(format: "seconds per sleep epoch: %.5f", r.secondsPerEpoch))
            return
        }
        let run = CachedRun(path: out ?? "data/results/\(p.scale)/wake-sleep/\(load)_seed\(seed)", label: label)
        var options = WakeSleepModel.Options()
        options.threads = threads
        options.checkpoint = run.checkpoint
        options.checkpointSeconds = checkpointSeconds
        options.interruptAfterEpochs = interruptAfter
        options.progressLabel = quiet ? nil : label
        let result = try run.produceOrLoad(model: WakeSleepModel.model, version: WakeSleepModel.version,
                                           parameters: JSONValue(encoding: p), force: force) {
            try WakeSleepModel.produce(p, options: options)
        }
        if !quiet {
            let v = result.values
            print(String(format: "%@: stored %.0f of %.0f; min margin %.4f -> %.4f; l0 %.3f -> %.3f -> %@",
                         label, v["m_stored"] ?? .nan, v["m_total"] ?? .nan, v["min_margin_mean_before"] ?? .nan,
                         v["min_margin_mean_after"] ?? .nan, v["l0_mean_before"] ?? .nan, v["l0_mean_after"] ?? .nan,
                         run.dir.path))
        }
    }
}
