// `bench threads`: one thread against two for N = 1000 training at α = 0.08 and 0.7 (what a
// point gains from `--threads 2` / `--cpus-per-task=2`), and a check that the trained state
// is the same bytes for both (row-parallel work never changes a result).

import ArgumentParser
import Foundation
import Sim

struct ThreadsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threads", abstract: "Wall ms per training epoch with 1 and 2 threads at N = 1000 (α = 0.08 and 0.7).")

    @Option(help: "Epochs timed per run.") var epochs: Int = 3000
    @Option(help: "Neurons.") var n: Int = 1000
    @Option(help: "z values (comma separated).") var z: String = "1,4"

    func run() throws {
        guard epochs > 0, n > 10 else { throw ValidationError("--epochs and --n must be positive") }
        Blas.ensureSingleThreaded()
        for alpha in [0.08, 0.7] {
            for zv in z.split(separator: ",").compactMap({ Int($0) }) {
                var wall: [Int: Double] = [:]
                var states: [Int: Data] = [:]
                for threads in [1, 2] {
                    let p = AttractorScale.paper.parameters(z: zv, load: AttractorLoad(alpha), n: n, maxEpochs: epochs)
                    let trainer = AttractorPoint.makeTrainer(p, threads: threads)
                    let t0 = Date()
                    trainer.train()
                    wall[threads] = Date().timeIntervalSince(t0) / Double(max(trainer.epoch, 1))
                    // The state a result is made of: factors, weights, thresholds (the alive
                    // lists' unused tails are scratch and may differ).
                    let net = trainer.net
                    var state = Data(bytes: net.u, count: 4 * n * n * zv)
                    state.append(Data(bytes: net.w, count: 4 * n * n))
                    net.theta.withUnsafeBytes { state.append(contentsOf: $0) }
                    states[threads] = state
                }
                print(String(format: "z=%d alpha=%.2f N=%d: %.2f ms/epoch with 1 thread, %.2f with 2 (speed-up %.2fx); trained U, W, θ %@",
                             zv, alpha, n, wall[1]! * 1e3, wall[2]! * 1e3, wall[1]! / wall[2]!,
                             states[1] == states[2] ? "identical" : "DIFFERS"))
            }
        }
    }
}
