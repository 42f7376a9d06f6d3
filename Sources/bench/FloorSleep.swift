// `bench floor`, the wake–sleep model (Figure 3): sleep epochs dense and in the sparse phase
// against their floors (FloorBench.swift says how a floor is counted).

import ArgumentParser
import Foundation
import Sim

enum SleepFloors {
    /// Wake at paper scale (load high), `warmup` dense sleep epochs, then `epochs` timed dense
    /// epochs (sparseBelowAliveFraction = 0) and `epochs` timed sparse-phase epochs (1.01).
    static func rows(_ machine: Machine, warmup: Int, epochs: Int) throws -> ([FloorRow], [String]) {
        let p = WakeSleepScale.paper.parameters(load: .high)
        progress("wake–sleep (paper, load high): wake phase, \(p.wakePasses) passes over \(p.m) patterns")
        let tw = Clock.now()
        // WakeSleepModel's wake and selection without its recordings.
        var patternRng = Xoshiro256(seed: p.seed, stream: 1)
        let patterns = SparsePatterns.exact(n: p.n, m: p.m, f: p.f, rng: &patternRng)
        let net = WakeSleepNetwork(n: p.n)
        WakePhase.start(net, u0: Float(p.u0), f: p.f)
        var orderRng = Xoshiro256(seed: p.seed, stream: 2)
        for _ in 0..<p.wakePasses {
            for mu in orderRng.permutation(p.m) {
                WakePhase.present(net, active: patterns.active[mu], eta: Float(p.etaWake), f: p.f)
            }
        }
        let kept = WakePhase.storedPatterns(net, patterns)
        guard !kept.isEmpty else { throw ValidationError("the wake phase stored no pattern") }
        let stored = patterns.subset(kept)
        let wakeSeconds = Clock.now() - tw
        let sleep = SleepPhase(net: net, patterns: stored, beta: Float(p.beta), length: p.length)
        sleep.sparseBelowAliveFraction = 0
        let n = p.n
        func aliveFraction() -> Double { Double(sleep.alive.reduce(0, +)) / Double(n * (n - 1)) }
        func step() { sleep.step(eta: p.sleepRate(epoch: sleep.epoch)) }
        progress(String(format: "sleep: %d stored patterns (wake %.0f s); %d dense warm-up epochs", stored.m, wakeSeconds, warmup))
        var last = Clock.now()
        while sleep.epoch < warmup {
            step()
            if Clock.now() - last > 10 {
                last = Clock.now()
                progress(String(format: "  sleep epoch %d, alive %.1f%%", sleep.epoch, 100 * aliveFraction()))
            }
        }
        var split: [String] = []
        // The field (computeField) and the rest of the epoch (soft-min replay, gradient,
        // update, normalisation) timed apart: step() reuses the field computed just before.
        func timed(_ count: Int) -> (seconds: Double, aliveBefore: Double, aliveAfter: Double, from: Int) {
            let a0 = aliveFraction(), e0 = sleep.epoch
            var field = 0.0, rest = 0.0
            for _ in 0..<count {
                let t0 = Clock.now()
                sleep.computeField()
                let t1 = Clock.now()
                step()
                rest += Clock.now() - t1
                field += t1 - t0
            }
            split.append(String(format: "%@ %.2f ms field + %.2f ms the rest", sleep.isSparse ? "sparse" : "dense",
                                field / Double(count) * 1e3, rest / Double(count) * 1e3))
            return ((field + rest) / Double(count), a0, aliveFraction(), e0)
        }
        progress("sleep: \(epochs) dense epochs")
        let dense = timed(epochs)
        sleep.sparseBelowAliveFraction = 1.01
        // Entering the sparse phase builds the alive columns: not timed.
        step(); step()
        var rows: [FloorRow] = []
        var notes: [String] = []
        let k = p.activeCount
        func row(_ label: String, _ r: (seconds: Double, aliveBefore: Double, aliveAfter: Double, from: Int)) -> FloorRow {
            let a = (r.aliveBefore + r.aliveAfter) / 2
            let w = epochWork(n: n, m: stored.m, k: k, alive: a)
            let state = String(format: "epochs %d–%d, alive %.1f→%.1f%%", r.from, r.from + epochs,
                               100 * r.aliveBefore, 100 * r.aliveAfter)
            return FloorRow(phase: "sleep epoch (paper, load high: N=\(n), \(stored.m) stored, K=\(k)), \(label)",
                            work: state + "; " + w.summary, measured: r.seconds, load: w, twoThreads: nil)
        }
        rows.append(row("dense loops", dense))
        if sleep.isSparse {
            progress("sleep: \(epochs) sparse-phase epochs")
            rows.append(row("sparse phase (alive synapses only)", timed(epochs)))
        } else {
            notes.append("sleep: the sparse phase refused to start (a neuron would lose its last synapse); not timed")
        }
        notes.append(String(format: "sleep: the wake phase (not in the table) took %.1f s; sleep runs single-threaded (no `threads:`), hence — for 2 threads. Per epoch: %@; the soft-min replay's %d exps run in LibmExactExp (libm's bits, four lanes at a time); one libm expf call each would take %.2f ms at the rate above",
                            wakeSeconds, split.joined(separator: "; "), n * stored.m, Double(n * stored.m) / machine.libmExpRate * 1e3))
        return (rows, notes)
    }

    /// The unavoidable work of one sleep epoch (SleepPhase.step) at alive fraction `a`.
    static func epochWork(n: Int, m: Int, k: Int, alive a: Double) -> Work {
        let N = Double(n), M = Double(m), K = Double(k)
        let alive = a * N * (N - 1)
        var w = Work()
        // The field Hᵀ: each stored pattern sums the K columns of W at its active units, N·K·M
        // adds (over whole columns: a scatter over the alive entries is slower down to ~10%
        // density, see AliveColumns). It is a sparse product; no sgemm.
        w.ops = N * K * M
        // Soft-min replay weights per (μ, i): the exp and the normalisation, counted at the rate
        // of the trainer's vectorised SoftMinRow (sleep's own loop computes libm's expf bits
        // four lanes at a time, LibmExactExp).
        w.softMin = N * M
        // Replay gradient of the alive synapses: g[i, j] sums P[μ, i] over the ≈ K·M/N patterns containing j.
        w.ops += alive * K * M / N
        // Update (η·g, two multiply-adds, two max, Σ U²: 9 ops) and normalisation (two divides,
        // W = u0·u1, Σ W, Σ W², alive test: 7 ops) of every alive synapse.
        w.ops += 16 * alive
        // Bytes: an alive synapse's two factors read and written by the update and again by the
        // normalisation (Σ U² of a postsynaptic neuron needs all its presynaptic columns first:
        // 32 bytes), W written by the normalisation and read once by the field (8: once if the
        // field is blocked); Hᵀ and Pᵀ (M×N) each written and read once. g need not be stored
        // (it can be summed inside the update).
        w.bytes = 40 * alive + 16 * N * M
        w.workingSet = 12 * alive + 8 * N * M
        return w
    }
}
