// `simulate points` lists the result targets of every figure's sweep (the Makefile includes
// its output), and `simulate run <dir>` produces the point a result directory names. With
// these two the Makefile knows neither the sweeps nor the directory format.

import ArgumentParser
import Experiments
import Foundation

struct PointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "points",
        abstract: "Print the result files of each figure's sweep as Make variables (FIG2_POINTS, FIG3_POINTS, FIG56_POINTS, FINITE_SIZE_POINTS, EVIDENCE_POINTS).")

    @Option(help: "Scale: tiny, default, large or paper.") var scale: Scale = .default
    @Option(parsing: .upToNextOption, help: "Figure 2 seeds (several: mean ± s.e.m.).")
    var seeds: [UInt64] = Figure2Sweep.defaultSeeds
    @Option(name: .customLong("figure3-seed"), help: "Seed of the Figure 3 runs.") var figure3Seed = Figure3Sweep.defaultSeed
    @Option(name: .customLong("figure5-6-seed"), help: "Seed of the Figures 5–6 run.")
    var figure56Seed = Figure56Sweep.defaultSeed

    func validate() throws {
        if seeds.isEmpty { throw ValidationError("--seeds: give at least one seed") }
    }

    func run() throws {
        func targets(_ points: [SimulationPoint]) -> String { points.map { "\($0.directory())/result.json" }.joined(separator: " ") }
        print("FIG2_POINTS := \(targets(Figure2Sweep.points(scale: scale, seeds: seeds)))")
        print("FIG3_POINTS := \(targets(Figure3Sweep.points(scale: scale, seed: figure3Seed)))")
        print("FIG56_POINTS := \(targets([Figure56Sweep.point(scale: scale, seed: figure56Seed)]))")
        print("FINITE_SIZE_POINTS := \(targets(FiniteSizeStudy.points(seeds: seeds)))")
        // The committed evidence set's points: the same at every scale and seed choice.
        print("EVIDENCE_POINTS := \(targets(EvidenceSet.points))")
    }
}

struct RunPointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Produce the simulation point a result directory names, e.g. data/results/tiny/attractor/z1_alpha0.08_seed100.")

    @Argument(help: "The result directory (or its result.json).") var directory: String
    @Flag(help: "Recompute even if a result exists.") var force = false
    @Option(help: "Threads (attractor and wake–sleep points; default: SLURM_CPUS_PER_TASK, else 1).") var threads: Int?
    @Flag(name: .customLong("share-cores"), help: "Attractor and wake–sleep points: see simulate attractor --share-cores.")
    var shareCores = false
    @Option(name: .customLong("checkpoint-seconds"), help: "Wall seconds between checkpoints (attractor and wake–sleep).")
    var checkpointSeconds: Double?
    @Option(name: .customLong("test-delay-ms"), help: ArgumentHelp("Testing only: see simulate attractor --test-delay-ms.", visibility: .hidden))
    var testDelayMs: Double?

    func run() throws {
        let point: SimulationPoint
        do { point = try SimulationPoint(directory: directory) } catch { throw ValidationError("\(error)") }
        let dir = directory.hasSuffix("/result.json") ? String(directory.dropLast("/result.json".count)) : directory
        var extra: [String] = force ? ["--force"] : []
        if case .fluctuations = point {} else {
            extra += threads.map { ["--threads", "\($0)"] } ?? []
            extra += shareCores ? ["--share-cores"] : []
            extra += checkpointSeconds.map { ["--checkpoint-seconds", "\($0)"] } ?? []
            extra += testDelayMs.map { ["--test-delay-ms", "\($0)"] } ?? []
        }
        var command = try Simulate.parseAsRoot(point.simulateArguments(directory: dir) + extra)
        try command.run()
    }
}
