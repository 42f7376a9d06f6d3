// `bench floor`: every hot phase of the three models against the floor this machine sets
// for it, with 1 and 2 threads. Prints one Markdown table (docs/benchmarks.md, "Floors").
//
// How a floor is counted (each phase's count is explained where it is built, below):
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
import COpenBLAS
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

// MARK: - machine floors

struct BandwidthLevel {
    var label: String
    var bytes: Int
    /// GB/s, one thread.
    var read: Double
    var triad: Double
}

struct Machine {
    /// GFLOP/s per shape with 1 and 2 OpenBLAS threads.
    var sgemm: [String: (one: Double, two: Double)] = [:]
    var sgemmShapes: [(name: String, text: String)] = []
    var dgemm: Double = 0
    var bandwidth: [BandwidthLevel] = []
    /// Per second, one thread.
    var uniformRate = 0.0, floatNormalRate = 0.0, doubleNormalRate = 0.0, expRate = 0.0, softMinRate = 0.0
    /// The C library's expf (one call per value), for comparison.
    var libmExpRate = 0.0

    var description: String {
        String(format: "sgemm W·X %.0f GFLOP/s, triad %.0f GB/s in L3 (12 MB), %.0f GB/s from DRAM",
               sgemm["W·X"]!.one, bandwidth[1].triad, bandwidth.last!.triad)
    }

    var lines: [String] {
        var out: [String] = []
        for s in sgemmShapes {
            let r = sgemm[s.name]!
            out.append(String(format: "sgemm %@ (%@): %.1f GFLOP/s with 1 thread, %.1f with 2 (%.2f×)",
                              s.name, s.text, r.one, r.two, r.two / r.one))
        }
        out.append(String(format: "dgemm 1000×1000·1000×1000: %.1f GFLOP/s (double-precision element-wise ops counted at half of it)", dgemm))
        for b in bandwidth {
            out.append(String(format: "bandwidth %@ (%@): read %.1f GB/s, triad %.1f GB/s", b.label, Fmt.mb(Double(b.bytes)), b.read, b.triad))
        }
        out.append(String(format: "uniform draws (Xoshiro256.permutation, with its swap): %.2f ns each; Double normals (SharedNoise.fill, CPU): %.2f ns; Float normals with their add, clip and store (RobustnessTester.noisyWeights, synaptic_all): %.2f ns",
                          1e9 / uniformRate, 1e9 / doubleNormalRate, 1e9 / floatNormalRate))
        out.append(String(format: "soft-min weights (SoftMinRow.weights): %.2f ns per element; VectorExp.exp: %.2f ns per value; libm expf: %.2f ns per call",
                          1e9 / softMinRate, 1e9 / expRate, 1e9 / libmExpRate))
        return out
    }

    static func measure(quick: Bool) -> Machine {
        var m = Machine()
        let budget = quick ? 0.15 : 0.4
        let n = 1000, mm = 80
        m.sgemmShapes = [("W·X", "1000×1000 · 1000×80: training field"),
                         ("P·Xᵀ", "1000×80 · 80×1000: training soft-min gradient"),
                         ("S·Wᵀ", "80×1000 · (1000×1000)ᵀ: recall step of a tolerance test")]
        progress("sgemm rates")
        m.sgemm["W·X"] = (gemmRate(rows: n, cols: mm, inner: n, transB: false, threads: 1, seconds: budget),
                          gemmRate(rows: n, cols: mm, inner: n, transB: false, threads: 2, seconds: budget))
        m.sgemm["P·Xᵀ"] = (gemmRate(rows: n, cols: n, inner: mm, transB: true, threads: 1, seconds: budget),
                           gemmRate(rows: n, cols: n, inner: mm, transB: true, threads: 2, seconds: budget))
        m.sgemm["S·Wᵀ"] = (gemmRate(rows: mm, cols: n, inner: n, transB: true, threads: 1, seconds: budget),
                           gemmRate(rows: mm, cols: n, inner: n, transB: true, threads: 2, seconds: budget))
        m.dgemm = dgemmRate(n: 1000, seconds: budget)
        progress("memory bandwidth")
        // L2 is 1 MB per core on this machine (lscpu), L3 32 MB shared: 1 MB stays in L2,
        // 12 and 28 MB in L3, 256 MB in DRAM.
        for (label, bytes) in [("L2", 768 << 10), ("L3", 12 << 20), ("L3", 28 << 20), ("DRAM", 256 << 20)] {
            let (r, t) = streamRates(bytes: bytes, seconds: budget)
            m.bandwidth.append(BandwidthLevel(label: label == "L3" ? "L3 \(bytes >> 20) MB" : label, bytes: bytes, read: r, triad: t))
        }
        progress("random numbers and exp")
        (m.uniformRate, m.doubleNormalRate, m.floatNormalRate, m.expRate, m.softMinRate) = generatorRates(quick: quick)
        m.libmExpRate = Double(quick ? 2_000_000 : 8_000_000) / libmExpLoop(count: quick ? 2_000_000 : 8_000_000)
        return m
    }

    /// Each rate the better of `self` and `other`.
    func best(with other: Machine) -> Machine {
        var m = self
        for (k, v) in other.sgemm { m.sgemm[k] = (max(v.one, sgemm[k]!.one), max(v.two, sgemm[k]!.two)) }
        m.dgemm = max(dgemm, other.dgemm)
        for i in bandwidth.indices {
            m.bandwidth[i].read = max(bandwidth[i].read, other.bandwidth[i].read)
            m.bandwidth[i].triad = max(bandwidth[i].triad, other.bandwidth[i].triad)
        }
        m.uniformRate = max(uniformRate, other.uniformRate)
        m.floatNormalRate = max(floatNormalRate, other.floatNormalRate)
        m.doubleNormalRate = max(doubleNormalRate, other.doubleNormalRate)
        m.expRate = max(expRate, other.expRate)
        m.softMinRate = max(softMinRate, other.softMinRate)
        m.libmExpRate = max(libmExpRate, other.libmExpRate)
        return m
    }

    /// Work per second (in units of 10⁹) of `body`: one warm-up call, then the best of three
    /// batches of `seconds/3` each.
    static func bestRate(_ body: () -> Void, workPerCall: Double, seconds: Double) -> Double {
        body()
        var best = 0.0
        for _ in 0..<3 {
            var reps = 0
            let t0 = Clock.now()
            repeat { body(); reps += 1 } while Clock.now() - t0 < seconds / 3
            best = max(best, workPerCall * Double(reps) / (Clock.now() - t0))
        }
        return best / 1e9
    }

    /// Best of three batches of `seconds/3` each (GFLOP/s).
    static func gemmRate(rows: Int, cols: Int, inner: Int, transB: Bool, threads: Int, seconds: Double) -> Double {
        openblas_set_num_threads(Int32(threads))
        defer { openblas_set_num_threads(1) }
        let a = UnsafeMutablePointer<Float>.allocate(capacity: rows * inner)
        let b = UnsafeMutablePointer<Float>.allocate(capacity: inner * cols)
        let c = UnsafeMutablePointer<Float>.allocate(capacity: rows * cols)
        defer { a.deallocate(); b.deallocate(); c.deallocate() }
        for i in 0..<(rows * inner) { a[i] = Float(i % 7) * 0.01 }
        for i in 0..<(inner * cols) { b[i] = Float(i % 2) }
        let flops = 2.0 * Double(rows) * Double(cols) * Double(inner)
        func once() {
            Blas.gemm(rows: rows, cols: cols, inner: inner, a: a, lda: inner, b: b, ldb: transB ? inner : cols,
                      transB: transB, c: c, ldc: cols)
        }
        let rate = bestRate(once, workPerCall: flops, seconds: seconds)
        floorSink += Double(c[0])
        return rate
    }

    static func dgemmRate(n: Int, seconds: Double) -> Double {
        var a = [Double](repeating: 0.01, count: n * n), c = [Double](repeating: 0, count: n * n)
        for i in a.indices { a[i] = Double(i % 5) * 0.01 }
        func once() {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n), 1, a, Int32(n),
                        a, Int32(n), 0, &c, Int32(n))
        }
        let rate = bestRate(once, workPerCall: 2 * Double(n * n * n), seconds: seconds)
        floorSink += c[0]
        return rate
    }

    /// STREAM-like rates (GB/s, best of three batches): a sum over one buffer of `bytes`,
    /// and a[i] = b[i] + s·c[i] over three buffers of bytes/3 (12 bytes per element).
    static func streamRates(bytes: Int, seconds: Double) -> (read: Double, triad: Double) {
        typealias V = SIMD8<Float>
        let count = bytes / 4 / 32 * 32
        let x = UnsafeMutablePointer<Float>.allocate(capacity: count)
        defer { x.deallocate() }
        for i in 0..<count { x[i] = Float(i & 1023) * 1e-3 }
        @inline(__always) func load(_ p: UnsafePointer<Float>) -> V { UnsafeRawPointer(p).loadUnaligned(as: V.self) }
        func read() {
            var s0 = V(), s1 = V(), s2 = V(), s3 = V()
            var i = 0
            while i < count {
                s0 += load(x + i); s1 += load(x + i + 8); s2 += load(x + i + 16); s3 += load(x + i + 24)
                i += 32
            }
            floorSink += Double((s0 + s1 + s2 + s3).sum())
        }
        let third = count / 3 / 32 * 32
        let a = x, b = x + third, c = x + 2 * third
        func triad() {
            let s = V(repeating: 0.5)
            var i = 0
            while i < third {
                UnsafeMutableRawPointer(a + i).storeBytes(of: load(b + i) + s * load(c + i), as: V.self)
                UnsafeMutableRawPointer(a + i + 8).storeBytes(of: load(b + i + 8) + s * load(c + i + 8), as: V.self)
                i += 16
            }
            floorSink += Double(a[third / 2])
        }
        return (bestRate(read, workPerCall: Double(count * 4), seconds: seconds),
                bestRate(triad, workPerCall: Double(third * 12), seconds: seconds))
    }

    /// Per-second rates of one thread, from the library's own loops (best of three): uniforms,
    /// Double normals, Float normals (with noisyWeights' arithmetic), VectorExp.exp values,
    /// soft-min elements.
    static func generatorRates(quick: Bool) -> (Double, Double, Double, Double, Double) {
        let reps = 5, n = 1000
        func best(_ count: Double, _ body: () -> Void) -> Double {
            var t = Double.infinity
            for _ in 0..<reps {
                let c0 = ProcessCPU.seconds()
                body()
                t = min(t, ProcessCPU.seconds() - c0)
            }
            return count / t
        }
        var rng = Xoshiro256(seed: 1, stream: 77)
        // Uniform draws: permutation draws one bounded integer per entry and swaps (100 000
        // entries stay in L2). The generator does not inline across modules, so a loop here
        // would time a call per draw instead.
        let uniform = best(Double(10 * 100_000)) { for _ in 0..<10 { floorSink += Double(rng.permutation(100_000)[0]) } }
        // SharedNoise spreads its blocks over the cores: CPU seconds over all threads.
        let steps = quick ? 100 : 400
        var noise = SharedNoise(synapses: n, seed: 1)
        var buffer = [Double](repeating: 0, count: steps * n * 2)
        let double = best(Double(steps * n * 2)) { noise.fill(&buffer, steps: steps); floorSink += buffer[0] }
        // One Float normal per synapse of a z = 1 network (synaptic_all).
        let net = SynapticNetwork(n: n, z: 1)
        net.u.update(repeating: 0.1, count: n * n)
        let tester = RobustnessTester(net: net, patterns: PatternSet.bernoulli(n: n, m: 8, f: 0.5, rng: &rng))
        // noisyWeights returns a fresh 4 MB array: its allocation and first touch (page faults,
        // costly and erratic in this VM) are timed apart and taken off; the tolerance tests
        // write into a buffer they keep.
        let allocation = 1 / best(1) { floorSink += Double([Float](repeating: 0, count: n * n)[n]) }
        let noisy = 1 / best(1) { floorSink += Double(tester.noisyWeights(type: .synapticAll, sigma: 0.01, rng: &rng)[0]) }
        let float = Double(n * n) / max(noisy - allocation, 1e-9)
        let block = 4096, rounds = quick ? 500 : 2000
        let exp = best(Double(block * rounds)) { _ = expLoop(block: block, rounds: rounds) }
        // Soft-min weights of a row of `block` fields in [−0.2, 0.2] with β = 100, m_i = 1.
        let h = UnsafeMutablePointer<Float>.allocate(capacity: block), pw = UnsafeMutablePointer<Float>.allocate(capacity: block)
        defer { h.deallocate(); pw.deallocate() }
        for i in 0..<block { h[i] = 0.4 * Float(i) / Float(block) - 0.2 }
        let softMin = best(Double(block * rounds)) {
            var s: Float = 0
            for _ in 0..<rounds { s += SoftMinRow.weights(h: h, p: pw, m: block, beta: 100, meanAbs: 1) }
            floorSink += Double(s)
        }
        return (uniform, double, float, exp, softMin)
    }

    /// VectorExp.exp over a block of arguments in [−20, 0], `rounds` times.
    @inline(never) static func expLoop(block: Int, rounds: Int) -> Double {
        let xs = UnsafeMutablePointer<Float>.allocate(capacity: block)
        defer { xs.deallocate() }
        for i in 0..<block { xs[i] = -20 * Float(i) / Float(block) }
        var acc = VectorExp.Lanes()
        let t0 = Clock.now()
        for _ in 0..<rounds {
            var k = 0
            while k < block {
                acc += VectorExp.exp(UnsafeRawPointer(xs + k).loadUnaligned(as: VectorExp.Lanes.self))
                k += 8
            }
        }
        let t = Clock.now() - t0
        floorSink += Double(acc.sum())
        return t
    }

    /// Foundation's exp(Float) (libm expf), one call per value, as SleepPhase's soft-min calls it.
    @inline(never) static func libmExpLoop(count: Int) -> Double {
        var s: Float = 0
        let t0 = Clock.now()
        for i in 0..<count { s += Foundation.exp(-20 * Float(i & 4095) / 4096) }
        let t = Clock.now() - t0
        floorSink += Double(s)
        return t
    }
}

extension Work {
    /// The work column: what the floor is made of.
    var summary: String {
        var parts: [String] = []
        let flops = products.reduce(0) { $0 + $1.flops }
        if flops > 0 { parts.append(String(format: "%.2f GFLOP sgemm", flops / 1e9)) }
        if ops > 0 { parts.append(Fmt.big(ops) + " ops") }
        if softMin > 0 { parts.append(Fmt.big(softMin) + " soft-min weights") }
        if exps > 0 { parts.append(Fmt.big(exps) + " exp") }
        if uniforms > 0 { parts.append(Fmt.big(uniforms) + " uniforms") }
        if floatNormals + doubleNormals > 0 { parts.append(Fmt.big(floatNormals + doubleNormals) + " normals") }
        if doubleOps > 0 { parts.append(Fmt.big(doubleOps) + " double ops") }
        if bytes > 0 { parts.append(Fmt.mb(bytes)) }
        return parts.joined(separator: ", ")
    }
}

/// Evenly spread indices of 0..<count, both ends included.
func spread(_ k: Int, of count: Int) -> [Int] {
    let k = min(k, count)
    if k <= 1 { return [0] }
    return Array(Set((0..<k).map { Int((Double($0) * Double(count - 1) / Double(k - 1)).rounded()) })).sorted()
}

// MARK: - attractor model (Figure 2)

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
        let p = AttractorScale.paper.parameters(z: z, alpha: alpha, n: n, maxEpochs: warmup + extra + 10)
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
        let p = AttractorScale.paper.parameters(z: 1, alpha: alpha, n: n)
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

// MARK: - wake–sleep model (Figure 3)

enum SleepFloors {
    /// Wake at paper scale (load high), `warmup` dense sleep epochs, then `epochs` timed dense
    /// epochs (sparseBelowAliveFraction = 0) and `epochs` timed sparse-phase epochs (1.01).
    static func rows(_ machine: Machine, warmup: Int, epochs: Int) throws -> ([FloorRow], [String]) {
        guard let p = WakeSleepScale.paper.parameters(load: "high") else { throw ValidationError("no load high") }
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
        notes.append(String(format: "sleep: the wake phase (not in the table) took %.1f s; sleep runs single-threaded (no `threads:`), hence — for 2 threads. Per epoch: %@; the soft-min replay calls libm expf %d times (%.2f ms at the rate above)",
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
        // of the trainer's vectorised SoftMinRow (sleep's own loop calls libm expf per element).
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

// MARK: - synaptic fluctuations (Figures 5–6)

enum FluctuationFloors {
    /// FluctuationSimulation.run at the paper's size (5 populations z = 1…5 of 1000 synapses,
    /// dt = 0.005), twice; the time is scaled to T = 999 when `duration` is shorter.
    static func rows(duration: Int) throws -> ([FloorRow], [String]) {
        let p = FluctuationParameters(scale: .paper, seed: 1, duration: duration)
        let paperT = FluctuationScale.paper.defaultDuration
        let scale = Double(paperT) / Double(duration)
        var cpu = 0.0, wall = 0.0
        for r in 0..<2 {
            progress("fluctuations: run \(r + 1) of 2, T = \(duration)")
            let c0 = ProcessCPU.seconds(), t0 = Clock.now()
            _ = try FluctuationSimulation.run(p)
            cpu += ProcessCPU.seconds() - c0
            wall += Clock.now() - t0
        }
        cpu /= 2; wall /= 2
        let N = Double(p.synapses), steps = Double(paperT * p.stepsPerSample)
        var w = Work()
        // Noise: two Double normals per synapse and step, shared by the five populations.
        w.doubleNormals = 2 * N * steps
        // Per synapse and step of population z: the slow product (z − 1), the fast factor's
        // Euler step (≈ 12 ops), each slow factor's step, clip and product (≈ 8), the
        // homeostatic term w^{2/z} and its sum (2), the alive test (1).
        let perSynapse = p.zValues.reduce(0.0) { $0 + Double(12 + 9 * ($1 - 1) + 3) }
        w.doubleOps = perSynapse * N * steps
        // w^{2/z} for z = 3 and 5 is a pow: counted as a log and an exp.
        w.exps = 2 * Double(p.zValues.filter { ![1, 2, 4].contains($0) }.count) * N * steps
        // The state (15 factors + 5 weights per synapse, 160 kB) stays in L2; the noise can
        // be used as it is drawn; only the samples leave: 5·N·T doubles.
        w.bytes = Double(p.zValues.count) * N * Double(paperT) * 8
        w.workingSet = w.bytes
        let row = FloorRow(phase: "fluctuation simulation, paper size (z = 1…5, \(p.synapses) synapses each, T = \(paperT), dt = \(p.dt))",
                           work: String(format: "%.0f k Euler steps%@; ", steps / 1e3,
                                        duration == paperT ? "" : String(format: " (timed T = %d, scaled)", duration)) + w.summary,
                           measured: cpu * scale, load: w, twoThreads: wall * scale)
        // Where the time goes: the noise of 1000 steps and 1000 steps of each population.
        let chunk = 1000
        var noise = SharedNoise(synapses: p.synapses, seed: 1)
        var buffer = [Double](repeating: 0, count: chunk * p.synapses * 2)
        let c0 = ProcessCPU.seconds()
        noise.fill(&buffer, steps: chunk)
        let fill = ProcessCPU.seconds() - c0
        var perZ: [String] = []
        buffer.withUnsafeBufferPointer { b in
            for z in p.zValues {
                var pop = FactorPopulation(z: z, synapses: p.synapses)
                let t0 = Clock.now()
                for s in 0..<chunk { pop.step(noise: b.baseAddress! + s * p.synapses * 2, p) }
                perZ.append(String(format: "z=%d %.1f", z, (Clock.now() - t0) / Double(chunk) * 1e6))
                floorSink += pop.w[0]
            }
        }
        let note = String(format: "fluctuations: 1 thread = CPU seconds summed over threads (the simulation always spreads over every core with DispatchQueue.concurrentPerform), 2 threads = wall. Per step: noise %.1f µs CPU; populations (fresh, all alive) %@ µs",
                          fill / Double(chunk) * 1e6, perZ.joined(separator: ", "))
        return ([row], [note])
    }
}
