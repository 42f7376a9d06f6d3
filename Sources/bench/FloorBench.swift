// `bench floor`: every hot phase of the three models against the floor this machine sets
// for it, with 1 and 2 threads. Prints one Markdown table (docs/benchmarks.md, "Floors").
//
// How a floor is counted (each phase's count is explained where it is built: FloorAttractor.swift,
// FloorSleep.swift, FloorFluctuations.swift; the machine's rates in FloorMachine.swift):
// - compute: the dense products' flops at the sgemm rate measured on the same shape;
//   element-wise float operations (add, multiply, compare, max, divide: one op each) at
//   half the sgemm rate of the W·X shape — sgemm counts an FMA as two flops and an
//   element-wise op occupies one FMA lane; soft-min weights (an exp and the normalisation)
//   at the rate of SoftMinRow.weights, other exponentials at that of VectorExp.exp; random
//   numbers at the rate of the library's own loops that draw them (uniform draws in
//   Xoshiro256.permutation, ziggurat normals in SharedNoise.fill and
//   RobustnessTester.noisyWeights: inside the Sim module, where the generator inlines);
//   double-precision element-wise ops at half the dgemm rate. All of these share one core,
//   so they add up. (Soft-min, exp and random numbers are this code base's own rates,
//   measured here, not hardware limits.)
// - memory: the bytes the phase must move between the core and the cache level its working
//   set lives in (reads + writes, STREAM counting), at the triad bandwidth measured on a
//   buffer of about that size (L2, L3 or DRAM; which one is printed per phase).
// - floor = max(compute, memory); "bound by" names the larger and its main part.
// A floor is a lower bound for the phase's algorithm (the same products, and the passes a
// data dependency forces), counted on the alive synapses of the state timed: it is what a
// perfect implementation of this algorithm would take, not what any algorithm would.
//
// "measured (1 thread)" and "2 threads" are wall seconds per call with the model's
// `threads:` parameter at 1 and 2 (OpenBLAS stays single-threaded, as in every run).
// The 1- and 2-thread timings alternate in blocks so that drift on a shared machine hits
// both alike. Sleep has no `threads:` (— in the table); the fluctuation simulation always
// spreads over every core, so its "1 thread" is CPU seconds summed over threads.

import ArgumentParser
import Foundation
import Sim

struct FloorBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "floor",
        abstract: "Every hot phase (attractor training, sleep, tolerance curve, fluctuations) against its floor.")

    @Flag(help: "Smoke run (under a minute): fewer epochs, levels and samples.") var quick = false
    @Option(help: "Phases to run (comma separated): train, sleep, tolerance, fluctuation.")
    var phases: String = "train,sleep,tolerance,fluctuation"
    @Option(help: "Timed training epochs per case and thread count (default 1000; quick 100).") var epochs: Int?
    @Option(help: "Training epochs before the z = 1 timing (default 6000; quick 300).") var warmup: Int?
    @Option(name: .customLong("warmup-z4"), help: "Training epochs before the z = 4 timing (default 500; quick 50).")
    var warmupZ4: Int?
    @Option(help: "Sleep epochs before the sleep timing (default 1000; quick 100).") var sleepWarmup: Int?
    @Option(help: "Timed sleep epochs per case (default 200; quick 20).") var sleepEpochs: Int?
    @Option(help: "Tolerance levels timed per curve, of the 200 (default 40; quick 6); time scaled to 200.")
    var levels: Int?
    @Option(help: "Tolerance levels whose products are counted (default 10; quick 3).") var countLevels: Int?
    @Option(help: "Fluctuation duration T in time units (paper 999; quick 100); time scaled to T = 999.")
    var duration: Int?

    func run() throws {
        let timedEpochs = epochs ?? (quick ? 100 : 1000)
        let warm = warmup ?? (quick ? 300 : 6000)
        let warm4 = warmupZ4 ?? (quick ? 50 : 500)
        let sleepWarm = sleepWarmup ?? (quick ? 100 : 1000)
        let sleepTimed = sleepEpochs ?? (quick ? 20 : 200)
        let levelCount = levels ?? (quick ? 6 : 40)
        let counted = countLevels ?? (quick ? 3 : 10)
        let fluctT = duration ?? (quick ? 100 : 999)
        guard timedEpochs >= 2, warm >= 0, warm4 >= 0, sleepWarm >= 0, sleepTimed >= 2, levelCount >= 2,
              counted >= 1, fluctT >= 1 else {
            throw ValidationError("epoch, level and duration counts must be positive (timed counts at least 2)")
        }
        let chosen = Set(phases.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let known: Set<String> = ["train", "sleep", "tolerance", "fluctuation"]
        guard chosen.isSubset(of: known), !chosen.isEmpty else {
            throw ValidationError("--phases: some of \(known.sorted().joined(separator: ","))")
        }
        Blas.ensureSingleThreaded()
        let started = Clock.now()
        // The floors are measured at the start and again at the end; each rate is the better
        // of the two, so a burst of other work on the machine does not lower a floor.
        let first = Machine.measure(quick: quick)
        var rows: [FloorRow] = []
        var notes: [String] = []
        var trainedZ1: AttractorTrainer? = nil
        if chosen.contains("train") || chosen.contains("tolerance") {
            let timeIt = chosen.contains("train")
            let (trainer, p) = AttractorFloors.warmTrainer(z: 1, warmup: warm, extra: timeIt ? 2 * timedEpochs : 0)
            if timeIt {
                rows += AttractorFloors.timedRows(trainer: trainer, m: p.m, label: "epoch-\(trainer.epoch) state",
                                                  state: "", epochs: timedEpochs, variants: [("dense row pass", 0)])
                // Pruned: z = 1 ends at density ½ (methods.md §1.10), ~10⁵ epochs away at the
                // paper's rates; the trained network with each row's smallest half pruned stands in.
                let pruned = AttractorTrainer(net: AttractorFloors.prunedCopy(trainer.net, keep: 0.5),
                                              patterns: trainer.patterns, config: p.trainingConfig, threads: 1,
                                              prepare: false)
                rows += AttractorFloors.timedRows(trainer: pruned, m: p.m, label: "pruned to ½",
                                                  state: "epoch-\(trainer.epoch) network, smallest half of each row pruned by hand; ",
                                                  epochs: timedEpochs,
                                                  variants: [("dense row pass", 0), ("alive-list row pass", 2)])
            }
            trainedZ1 = trainer
        }
        if chosen.contains("train") {
            let (trainer, p) = AttractorFloors.warmTrainer(z: 4, warmup: warm4, extra: 2 * timedEpochs)
            rows += AttractorFloors.timedRows(trainer: trainer, m: p.m, label: "epoch-\(trainer.epoch) state",
                                              state: "", epochs: timedEpochs,
                                              variants: [("default row passes", trainer.denseFromAliveFraction)])
        }
        if chosen.contains("sleep") {
            let (r, n) = try SleepFloors.rows(first, warmup: sleepWarm, epochs: sleepTimed)
            rows += r; notes += n
        }
        if chosen.contains("tolerance"), let t = trainedZ1 {
            let (r, n) = AttractorFloors.tolerance(trainer: t, levels: levelCount, countLevels: counted)
            rows += r; notes += n
        }
        trainedZ1 = nil
        if chosen.contains("fluctuation") {
            let (r, n) = try FluctuationFloors.rows(duration: fluctT)
            rows += r; notes += n
        }
        let machine = first.best(with: Machine.measure(quick: quick))

        print("## bench floor (\(quick ? "--quick" : "defaults"); \(machine.description))\n")
        print("| phase | work per call | measured (1 thread) | floor | bound by | ratio | 2 threads | speed-up |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for r in rows { print(r.markdown(machine)) }
        print("\nFloors measured in this run (1 thread unless said):\n")
        for line in machine.lines { print("- " + line) }
        if !notes.isEmpty {
            print("\nNotes:\n")
            for line in notes { print("- " + line) }
        }
        print(String(format: "\nbench floor took %.0f s.", Clock.now() - started))
    }
}

// MARK: - table rows and the floor arithmetic

struct FloorRow {
    var phase: String
    var work: String
    var measured: Double
    /// The unavoidable work, priced when the table is printed (floors measured twice).
    var load: Work
    var twoThreads: Double?
    func markdown(_ machine: Machine) -> String {
        let floor = machine.floor(load)
        let ratio = String(format: "%.1f×", measured / floor.seconds)
        let two = twoThreads.map { Fmt.time($0) } ?? "—"
        let speedUp = twoThreads.map { String(format: "%.2f×", measured / $0) } ?? "—"
        return "| \(phase) | \(work) | \(Fmt.time(measured)) | \(Fmt.time(floor.seconds)) | \(floor.boundBy) | \(ratio) | \(two) | \(speedUp) |"
    }
}

/// The unavoidable work of one call, in the units the machine's floors are measured in.
struct Work {
    /// Dense products: flops at the named sgemm shape's rate.
    var products: [(flops: Double, shape: String)] = []
    /// Element-wise single-precision ops (one op each).
    var ops: Double = 0
    /// Soft-min weights (one exp and its normalisation per element), and bare exponentials.
    var softMin: Double = 0
    var exps: Double = 0
    var uniforms: Double = 0
    /// Ziggurat normals in Float pairs (normalFloatPair) and Double (normal()).
    var floatNormals: Double = 0
    var doubleNormals: Double = 0
    /// Element-wise double-precision ops.
    var doubleOps: Double = 0
    /// Bytes moved, and the working set that picks the bandwidth.
    var bytes: Double = 0
    var workingSet: Double = 0
}

struct Floor {
    var seconds: Double
    var boundBy: String
}

extension Machine {
    func floor(_ w: Work) -> Floor {
        var parts: [(String, Double)] = []
        var sgemmSeconds = 0.0
        for p in w.products { sgemmSeconds += p.flops / (sgemm[p.shape]!.one * 1e9) }
        parts.append(("sgemm", sgemmSeconds))
        parts.append(("element-wise ops", w.ops / (sgemm["W·X"]!.one * 1e9 / 2)))
        parts.append(("exp", w.exps / expRate + w.softMin / softMinRate))
        parts.append(("RNG", w.uniforms / uniformRate + w.floatNormals / floatNormalRate + w.doubleNormals / doubleNormalRate))
        parts.append(("double ops", w.doubleOps / (dgemm * 1e9 / 2)))
        let compute = parts.reduce(0) { $0 + $1.1 }
        let level = bandwidthLevel(workingSet: w.workingSet)
        let memory = w.bytes / (level.triad * 1e9)
        let ranked = parts.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
        var computeName = ranked.first?.0 ?? "compute"
        if ranked.count > 1, ranked[1].1 > 0.25 * compute { computeName += " + " + ranked[1].0 }
        if memory > compute {
            return Floor(seconds: memory, boundBy: "memory (\(level.label) triad); compute \(Fmt.pct(compute / memory)) of it")
        }
        return Floor(seconds: compute, boundBy: "\(computeName); memory \(Fmt.pct(memory / compute)) of it (\(level.label))")
    }

    /// The smallest measured buffer at least as large as the working set (DRAM beyond).
    func bandwidthLevel(workingSet: Double) -> BandwidthLevel {
        bandwidth.first { Double($0.bytes) >= workingSet } ?? bandwidth.last!
    }
}

enum Fmt {
    static func time(_ s: Double) -> String {
        if s >= 100 { return String(format: "%.0f s", s) }
        if s >= 1 { return String(format: "%.2f s", s) }
        let ms = s * 1e3
        if ms >= 100 { return String(format: "%.0f ms", ms) }
        if ms >= 10 { return String(format: "%.1f ms", ms) }
        return String(format: "%.2f ms", ms)
    }
    static func pct(_ x: Double) -> String { String(format: "%.0f%%", 100 * x) }
    static func mb(_ bytes: Double) -> String {
        bytes >= 1e10 ? String(format: "%.0f GB", bytes / 1e9) : String(format: "%.1f MB", bytes / 1e6)
    }
    static func big(_ x: Double) -> String {
        if x >= 1e9 { return String(format: "%.2f G", x / 1e9) }
        if x >= 1e6 { return String(format: "%.1f M", x / 1e6) }
        if x >= 1e3 { return String(format: "%.1f k", x / 1e3) }
        return String(format: "%.0f", x)
    }
}

enum Clock {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}

func progress(_ s: String) {
    FileHandle.standardError.write(Data(("floor: " + s + "\n").utf8))
}

/// Keeps measured loops from being optimised away.
nonisolated(unsafe) var floorSink: Double = 0
