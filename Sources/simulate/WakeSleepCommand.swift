// `simulate wake-sleep`: one load of Figure 3 (docs/methods.md §2), cached; `--bench-epochs K`
// times K sleep epochs instead.

import ArgumentParser
import Experiments
import Foundation
import Sim

struct WakeSleepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wake-sleep",
        abstract: "Wake–sleep consolidation of sparse patterns (f = 0.05, z = 2) for one load; cached result.")

    @Option(help: "Load: high (M = 0.5 N) or low (M = 0.2 N).") var load: WakeSleepLoad = Figure3Sweep.loads[0]
    @Option(help: "Random seed.") var seed: UInt64 = Figure3Sweep.defaultSeed
    @Option(name: .customLong("sleep-epochs"), help: "Override the scale's number of sleep epochs.") var sleepEpochs: Int?
    @OptionGroup var runOptions: RunOptions
    @Option(name: .customLong("bench-epochs"), help: "Benchmark: wake, then time this many sleep epochs; writes nothing.")
    var benchEpochs: Int?
    @Option(name: .customLong("bench-sparse-below"),
            help: "Benchmark: alive fraction below which sleep epochs take the sparse phase (0: always dense).")
    var benchSparseBelow: Double?
    @Option(name: .customLong("bench-tolerance-levels"),
            help: "Benchmark: wake, then time the before-sleep tolerance curves on this many of the scale's levels (0: all); writes nothing.")
    var benchToleranceLevels: Int?

    func parameters() throws -> WakeSleepParameters {
        let sc = runOptions.scale.wakeSleep
        if let sleepEpochs, sleepEpochs < 0 { throw ValidationError("--sleep-epochs: must be >= 0 (got \(sleepEpochs))") }
        let p = sc.parameters(load: load, seed: seed, sleepEpochs: sleepEpochs)
        if let benchToleranceLevels, benchToleranceLevels < 0 {
            throw ValidationError("--bench-tolerance-levels: must be >= 0 (got \(benchToleranceLevels))")
        }
        if let benchEpochs, benchEpochs < 1 { throw ValidationError("--bench-epochs: must be >= 1 (got \(benchEpochs))") }
        do { try p.validate() } catch { throw ValidationError("\(error)") }
        return p
    }

    func run() throws {
        let p = try parameters()
        let label = "wake-sleep \(load) N=\(p.n) \(runOptions.scale.rawValue)"
        if let k = benchToleranceLevels {
            let rows = try WakeSleepModel.benchTolerance(p, levels: k == 0 ? nil : k, threads: runOptions.threads,
                                                         progressLabel: runOptions.quiet ? nil : label)
            for r in rows {
                print(String(format: "%@: tolerance curve %@ (%d levels x %d tests x %d steps, %d threads): %.1f s CPU, %.1f s wall",
                             label, r.type.rawValue, r.levels, p.toleranceTests, p.toleranceSteps, runOptions.threads,
                             r.cpuSeconds, r.wallSeconds))
            }
            return
        }
        if let k = benchEpochs {
            let r = try WakeSleepModel.bench(p, epochs: k, sparseBelow: benchSparseBelow, threads: runOptions.threads,
                                             progressLabel: runOptions.quiet ? nil : label)
            print(String(format: "%@: wake %.1f s (%d presentations), stored %d of %d; sleep %.2f ms per epoch over %d epochs "
                         + "with %d threads (alive %.3f at the end, sparse phase from epoch %@); estimated sleep total %.1f min",
                         label, r.wakeSeconds, p.wakePasses * p.m, r.stored, p.m, r.secondsPerEpoch * 1000, k, runOptions.threads,
                         r.aliveFraction, r.sparseFrom.map(String.init) ?? "never",
                         r.secondsPerEpoch * Double(p.sleepEpochs) / 60))
            print(String(format: "seconds per sleep epoch: %.5f", r.secondsPerEpoch))
            return
        }
        let point = SimulationPoint.wakeSleep(scale: runOptions.scale, load: load, seed: seed)
        let cached = CachedRun(path: runOptions.directory(point), label: label)
        var model = runOptions.apply(to: WakeSleepModel.Options(), checkpoint: cached.checkpoint)
        model.progressLabel = runOptions.quiet ? nil : label
        let result = try cached.produceOrLoad(model: WakeSleepModel.model, version: WakeSleepModel.version,
                                              parameters: JSONValue(encoding: p), force: runOptions.force) {
            // Its threads follow its share of the cores, like an attractor point's: the sleep's
            // workers spin between loops (WorkerPool), so two points each on every core would
            // take cores from each other (docs/benchmarks.md, Threads per point).
            let share = try runOptions.coreShare()
            defer { share?.leave() }
            var options = model
            options.coreShare = share
            return try WakeSleepModel.produce(p, options: options)
        }
        if !runOptions.quiet {
            let v = result.values
            print(String(format: "%@: stored %.0f of %.0f; min margin %.4f -> %.4f; l0 %.3f -> %.3f -> %@",
                         label, v["m_stored"] ?? .nan, v["m_total"] ?? .nan, v["min_margin_mean_before"] ?? .nan,
                         v["min_margin_mean_after"] ?? .nan, v["l0_mean_before"] ?? .nan, v["l0_mean_after"] ?? .nan,
                         cached.dir.path))
        }
    }
}
