// `bench floor`, the attractor model (Figure 2): training epochs dense and sparse, and one
// tolerance curve, against their floors (FloorBench.swift says how a floor is counted).

import ArgumentParser
import Foundation
import Sim

enum AttractorFloors {
    static let n = 1000
    static let alpha = 0.08

    /// Alive synapses (W > 1e-10) over the N(N−1) off-diagonal ones.
    static func aliveFraction(_ net: SynapticNetwork) -> Double {
        var c = 0
        for e in 0..<(net.n * net.n) where net.w[e] > pruneThreshold { c += 1 }
        return Double(c) / Double(net.n * (net.n - 1))
    }

    struct Block {
        var seconds = 0.0
        var epochs = 0
        var softMin = 0
    }

    /// A trainer at epoch `warmup` of the paper's point (z, α = 0.08, N = 1000), trained with
    /// the default passes; its epoch bound leaves room for `extra` more epochs.
    static func warmTrainer(z: Int, warmup: Int, extra: Int) -> (AttractorTrainer, AttractorParameters) {
        let p = AttractorScale.paper.parameters(z: z, load: AttractorLoad(alpha), n: n, maxEpochs: warmup + extra + 10)
        let trainer = AttractorPoint.makeTrainer(p, threads: 1)
        progress("training z=\(z) α=\(alpha) (M=\(p.m)): \(warmup) warm-up epochs")
        var last = Clock.now()
        while trainer.epoch < warmup {
            if trainer.runEpoch() { break }
            if Clock.now() - last > 10 {
                last = Clock.now()
                progress(String(format: "  epoch %d, alive %.1f%%, train error %.4f", trainer.epoch,
                                100 * aliveFraction(trainer.net), trainer.trainError))
            }
        }
        return (trainer, p)
    }

    /// A copy of a z = 1 network with each row's smallest weights pruned (set to the factor
    /// floor, as the trainer's clip does) so that a fraction `keep` of the N − 1 stay alive.
    static func prunedCopy(_ net: SynapticNetwork, keep: Double) -> SynapticNetwork {
        precondition(net.z == 1)
        let c = net.copy()
        let n = c.n, k = Int((keep * Double(n - 1)).rounded())
        for i in 0..<n {
            let row = c.w + i * n
            let order = (0..<n).filter { $0 != i && row[$0] > pruneThreshold }.sorted { row[$0] > row[$1] }
            for j in order.dropFirst(k) { row[j] = factorFloor }   // W is U for z = 1
        }
        return c
    }

    /// Times `epochs` epochs per variant (denseFromAliveFraction) and thread count, in
    /// alternating blocks [variants × 1 thread, variants × 2 threads] twice, and returns a row
    /// per variant. `state` describes the network (prefixed to the epochs timed).
    static func timedRows(trainer: AttractorTrainer, m: Int, label: String, state: String,
                          epochs: Int, variants: [(String, Double)]) -> [FloorRow] {
        let z = trainer.net.z
        let defaultDenseFrom = trainer.denseFromAliveFraction
        let startEpoch = trainer.epoch
        let aliveBefore = aliveFraction(trainer.net)
        progress(String(format: "training z=%d %@: timing from epoch %d (alive %.1f%%)", z, label, startEpoch, 100 * aliveBefore))
        var blocks = [[Int: Block]](repeating: [:], count: variants.count)
        for round in 0..<2 {
            for threads in [1, 2] {
                for (vi, v) in variants.enumerated() {
                    trainer.threads = threads
                    trainer.denseFromAliveFraction = v.1
                    let count = round == 0 ? epochs / 2 : epochs - epochs / 2
                    var b = blocks[vi][threads] ?? Block()
                    let t0 = Clock.now()
                    for _ in 0..<count {
                        if trainer.runEpoch() { break }
                        b.epochs += 1
                        // The field of this epoch decided its step: error 0 → soft-min replay.
                        if trainer.trainError == 0 { b.softMin += 1 }
                    }
                    b.seconds += Clock.now() - t0
                    blocks[vi][threads] = b
                }
            }
        }
        trainer.threads = 1
        trainer.denseFromAliveFraction = defaultDenseFrom
        let aliveAfter = aliveFraction(trainer.net)
        let a = (aliveBefore + aliveAfter) / 2
        var rows: [FloorRow] = []
        for (vi, v) in variants.enumerated() {
            let one = blocks[vi][1]!, two = blocks[vi][2]!
            let s = Double(one.softMin) / Double(max(one.epochs, 1))
            let w = epochWork(z: z, m: m, alive: a, softMinShare: s)
            let timed = String(format: "%@epochs %d–%d, alive %.1f→%.1f%%, %.0f%% soft-min epochs", state,
                               startEpoch, trainer.epoch, 100 * aliveBefore, 100 * aliveAfter, 100 * s)
            // denseFromAliveFraction 0: every row takes the masked dense pass; above 1: every
            // row walks its alive list; in between (default ½): rows at least that alive are dense.
            rows.append(FloorRow(phase: "training epoch z=\(z) α=\(alpha) (M=\(m)), \(label), \(v.0)",
                                 work: timed + "; " + w.summary,
                                 measured: one.seconds / Double(max(one.epochs, 1)), load: w,
                                 twoThreads: two.seconds / Double(max(two.epochs, 1))))
        }
        return rows
    }

    /// The unavoidable work of one training epoch (AttractorTrainer.runEpoch) at alive
    /// fraction `alive`, a share `softMinShare` of the epochs taking the soft-min step.
    static func epochWork(z: Int, m: Int, alive a: Double, softMinShare s: Double) -> Work {
        let N = Double(n), M = Double(m), Z = Double(z)
        let alive = a * N * (N - 1)
        var w = Work()
        // The field H = W·X − θ: one dense sgemm every epoch (2·N²·M; the trainer's sparse
        // products start below 10% alive, where a dense product no longer pays).
        w.products.append((2 * N * N * M, "W·X"))
        // Soft-min epochs (training error 0) replay all patterns: g = P·Xᵀ, another 2·N²·M.
        // Perceptron epochs use one column of X per row instead (no product).
        w.products.append((s * 2 * N * N * M, "P·Xᵀ"))
        // The fused update of the alive synapses. z = 1: U + c·g, max, Σ U² (5 ops) and the
        // rescale (1). z = 4: the four products D_k (8), U + c·g·D (8), max (4), Σ U² (8),
        // the rescale (4) and W = ∏U (3).
        w.ops = alive * (z == 1 ? 6 : 35)
        // Per row and pattern: −θ and the row statistics (min, mean |H|, error count: ≈ 6 ops);
        // soft-min epochs also the replay weights P (SoftMinRow.weights: exp and normalisation).
        w.ops += N * M * 6
        w.softMin = s * N * M
        // Bytes between L3 and the core: W read by the field's sgemm (4N²); each alive
        // synapse's factors read and written once (8z: the row's second pass, the rescale,
        // finds its ≤ 16 KB row in L1/L2); W written (4, z > 1; for z = 1 W is U); soft-min
        // epochs: g written by the sgemm and read by the update (8N²); X, H, P (N×M each) once.
        w.bytes = 4 * N * N + alive * (8 * Z + (z > 1 ? 4 : 0)) + s * 8 * N * N + 4 * N * M * 4
        w.workingSet = 4 * N * N * (Z + (z > 1 ? 1 : 0) + 1) + 4 * N * M * 4
        return w
    }

    // MARK: tolerance curves

    /// One tolerance curve of the paper (200 levels × 20 tests × steps 1 and 50) for
    /// neural_balanced and synaptic_all on the z = 1 network the training rows left (finished
    /// and rescaled as a result point is), timed on `levels` of the 200 levels and scaled.
    static func tolerance(trainer: AttractorTrainer, levels k: Int, countLevels kc: Int)
        -> ([FloorRow], [String]) {
        let p = AttractorScale.paper.parameters(z: 1, load: AttractorLoad(alpha), n: n)
        let epoch = trainer.epoch
        trainer.finish()
        SynapseOps.rescaleMeanU(trainer.net)
        let net = trainer.net, patterns = trainer.patterns
        let state = String(format: "network after %d epochs (alive %.0f%%)", epoch, 100 * aliveFraction(net))
        let testers = [1: RobustnessTester(net: net, patterns: patterns, threads: 1),
                       2: RobustnessTester(net: net, patterns: patterns, threads: 2)]
        let base = p.baseLevels
        // Level 0 runs one test (no noise), the others nTests: time and counts are the level-0
        // call plus the mean of the other timed levels times 199.
        let picked = spread(k, of: base.count).filter { $0 > 0 }
        let countedLevels = spread(kc + 1, of: base.count).filter { $0 > 0 }
        let others = Double(base.count - 1)
        let tests = others * Double(p.nTests) + 1
        var rows: [FloorRow] = []
        var notes: [String] = []
        for type in [NoiseType.neuralBalanced, .synapticAll] {
            let factor = p.noiseFactors[type.rawValue] ?? 1
            func call(_ threads: Int, _ li: Int) {
                _ = testers[threads]!.tolerance(type: type, level: base[li] * factor, nTests: p.nTests,
                                                stepCounts: p.nSteps, seed: p.seed, levelIndex: li)
            }
            progress("tolerance \(type.rawValue): \(picked.count + 1) of \(base.count) levels, 1 and 2 threads")
            var seconds: [Int: Double] = [1: 0, 2: 0], zero: [Int: Double] = [1: 0, 2: 0]
            for threads in [1, 2] {
                let t0 = Clock.now()
                call(threads, 0)
                zero[threads]! += Clock.now() - t0
            }
            // Alternate 1 and 2 threads over two halves of the levels.
            let halves = [picked.enumerated().filter { $0.offset % 2 == 0 }.map(\.element),
                          picked.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)]
            for half in halves {
                for threads in [1, 2] {
                    let t0 = Clock.now()
                    for li in half { call(threads, li) }
                    seconds[threads]! += Clock.now() - t0
                }
            }
            let curve = { (t: Int) in zero[t]! + seconds[t]! / Double(picked.count) * others }
            progress("tolerance \(type.rawValue): counting the products on \(countedLevels.count + 1) levels")
            let c0 = productRows(tester: testers[1]!, type: type, level: 0, levelIndex: 0, tests: 1, p: p)
            var rowsOthers = 0.0, productsOthers = 0.0
            for li in countedLevels {
                let c = productRows(tester: testers[1]!, type: type, level: base[li] * factor, levelIndex: li,
                                    tests: p.nTests, p: p)
                rowsOthers += c.rows
                productsOthers += c.products
            }
            let rowsTotal = c0.rows + rowsOthers / Double(countedLevels.count) * others
            let productsTotal = c0.products + productsOthers / Double(countedLevels.count) * others
            let w = curveWork(type: type, m: p.m, z: net.z, tests: tests, rows: rowsTotal, products: productsTotal)
            notes.append(String(format: "tolerance %@: %.1f patterns per product on average (of M = %d), %.1f products per test; %d of %d levels timed, %d counted",
                                type.rawValue, rowsTotal / productsTotal, p.m, productsTotal / tests,
                                picked.count + 1, base.count, countedLevels.count + 1))
            rows.append(FloorRow(phase: "tolerance curve \(type.rawValue), z=1 α=\(alpha): \(base.count) levels × \(p.nTests) tests × \(p.nSteps.max()!) steps",
                                 work: state + "; " + w.summary,
                                 measured: curve(1), load: w, twoThreads: curve(2)))
        }
        return (rows, notes)
    }

    /// The work of one curve: `rows` pattern-steps in `products` sgemm calls over `tests` tests.
    static func curveWork(type: NoiseType, m: Int, z: Int, tests: Double, rows: Double, products: Double) -> Work {
        let N = Double(n), M = Double(m)
        var w = Work()
        // Recall steps: the field of every still-moving pattern is a row of one sgemm S·Wᵀ
        // (2·N² flops per pattern and step); patterns leave the block at a fixed point or a
        // 2-cycle, so the count comes from replaying the dynamics (productRows).
        w.products = [(2 * N * N * rows, "S·Wᵀ")]
        // Per pattern and step: −θ, the next state, its two comparisons, the wrong bits (≈ 6 ops per unit).
        w.ops = 6 * N * rows
        // Each product streams W (4 MB, larger than L2) from L3.
        w.bytes = 4 * N * N * products
        w.workingSet = 4 * N * N + 3 * 4 * N * M
        switch type {
        case .synapticAll:
            // One normal per factor (z·N² per test) with its add, clip and product, at the rate
            // of noisyWeights itself; U read, the noisy W written.
            w.floatNormals = tests * Double(z) * N * N
            w.bytes += tests * 4 * N * N * (Double(z) + 1)
            w.workingSet += 4 * N * N * (Double(z) + 1)
        default:
            // neural_balanced: one uniform per unit and pattern (the flip test).
            w.uniforms = tests * N * M
        }
        return w
    }

    /// Σ_t (patterns in the moving block) and the products of `tests` tests of one level:
    /// RobustnessTester's own dynamics, with the same noise streams, counted as it runs.
    static func productRows(tester: RobustnessTester, type: NoiseType, level: Double, levelIndex: Int, tests: Int,
                            p: AttractorParameters) -> (rows: Double, products: Double) {
        let w = tester.recallWork(type: type, level: level, nTests: tests, stepCounts: p.nSteps, seed: p.seed,
                                  levelIndex: levelIndex)
        return (Double(w.rows), Double(w.products))
    }
}
