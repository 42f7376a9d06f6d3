// `bench attractor`: speed of the attractor model at paper size (N = 1000) against the
// original PyTorch code's per-epoch times (from the project issue).

import ArgumentParser
import Foundation
import Sim

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks of the simulations.", subcommands: [CPUBench.self, AttractorBench.self, ThreadsBench.self, FloorBench.self])
}


struct AttractorBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attractor", abstract: "Seconds per training epoch and per tolerance curve at N = 1000.")

    @Option(help: "Epochs timed per point.") var epochs: Int = 20_000
    @Option(help: "Neurons.") var n: Int = 1000
    @Option(help: "Threads for row-parallel work.") var threads: Int = 1
    @Option(help: "Tests per noise level in the tolerance-curve timing.") var tests: Int = 20
    @Option(help: "Noise levels in the tolerance-curve timing.") var levels: Int = 200
    @Flag(help: "Only time the training epochs (skip the tolerance curve and sgemm).") var trainingOnly = false
    @Option(help: "Which training points to time (indices 0-2, comma separated).") var points: String = "0,1,2"
    @Option(help: "Time these z at alpha = 0.08 instead of the PyTorch points (comma separated).") var z: String?
    @Option(help: "Alive fraction from which rows take the dense update pass (above 1: never).")
    var denseFrom: Double = 0.5

    func run() throws {
        guard epochs > 0, n > 10, threads > 0, tests > 0, levels > 1 else {
            throw ValidationError("--epochs, --n, --threads, --tests, --levels must be positive")
        }
        Blas.ensureSingleThreaded()
        // The original PyTorch code's seconds per epoch at N = 1000 (docs/benchmarks.md): (z, α) -> seconds.
        var reference: [(z: Int, alpha: Double, torch: Double?)] = [(1, 0.08, 0.027), (4, 0.08, 0.266), (4, 0.7, 0.344)]
        if let z { reference = z.split(separator: ",").compactMap { Int($0) }.map { ($0, 0.08, nil) } }
        var trained: AttractorTrainer? = nil
        let chosen = z == nil ? Set(points.split(separator: ",").compactMap { Int($0) }) : Set(reference.indices)
        for (index, point) in reference.enumerated() where chosen.contains(index) {
            let p = AttractorScale.paper.parameters(z: point.z, load: AttractorLoad(point.alpha), n: n, maxEpochs: epochs)
            let trainer = AttractorPoint.makeTrainer(p, threads: threads)
            trainer.denseFromAliveFraction = denseFrom
            let c0 = ProcessCPU.seconds(), t0 = Date()
            trainer.train()
            let cpu = (ProcessCPU.seconds() - c0) / Double(trainer.epoch)
            let wall = Date().timeIntervalSince(t0) / Double(trainer.epoch)
            let probe = trainer.probeConvergence()
            var line = String(format: "z=%d alpha=%.2f M=%d: %.3f ms/epoch CPU (%.3f wall) over %d epochs; l0 %.3f err %.4f",
                              point.z, point.alpha, p.m, cpu * 1e3, wall * 1e3, trainer.epoch, probe.l0, probe.trainError)
            if let torch = point.torch, n == 1000 { line += String(format: "; speed-up vs PyTorch %.0fx", torch / cpu) }
            print(line)
            if point.z == 1 { trained = trainer }
        }
        if trainingOnly { return }
        // One full tolerance curve on the trained z = 1, α = 0.08 network.
        if let t = trained {
            t.finish()
            SynapseOps.rescaleMeanU(t.net)
            let tester = RobustnessTester(net: t.net, patterns: t.patterns, threads: threads)
            let c0 = ProcessCPU.seconds(), t0 = Date()
            var recall = 0.0
            for li in 0..<levels {
                let p = 0.49 * Double(li) / Double(levels - 1)
                recall += tester.tolerance(type: .neuralBalanced, level: p, nTests: tests, stepCounts: [1, 50],
                                           seed: 100, levelIndex: li)[1].recall
            }
            print(String(format: "tolerance curve (neural_balanced, %d levels x %d tests x 50 steps, alpha=0.08, z=1): %.2f s CPU (%.2f wall); mean recall %.3f",
                         levels, tests, ProcessCPU.seconds() - c0, Date().timeIntervalSince(t0), recall / Double(levels)))
        }
        // sgemm on the W·X shapes.
        for m in [80, 700] {
            let a = [Float](repeating: 0.01, count: n * n), b = [Float](repeating: 1, count: n * m)
            var c = [Float](repeating: 0, count: n * m)
            let reps = max(3, 2_000_000_000 / (2 * n * n * m))
            let c0 = ProcessCPU.seconds()
            for _ in 0..<reps {
                Blas.gemm(rows: n, cols: m, inner: n, a: a, lda: n, b: b, ldb: m, transB: false, c: &c, ldc: m)
            }
            let s = (ProcessCPU.seconds() - c0) / Double(reps)
            print(String(format: "cblas_sgemm W·X %dx%d · %dx%d: %.2f ms, %.1f GFLOP/s", n, n, n, m, s * 1e3,
                         2 * Double(n * n * m) / s / 1e9))
        }
    }
}
