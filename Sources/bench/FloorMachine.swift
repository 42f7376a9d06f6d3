// `bench floor`'s machine: the sgemm, dgemm and triad rates and the code base's own
// rates (soft-min, exp, random numbers) that every phase's floor is counted in (FloorBench.swift).

import ArgumentParser
import Foundation
import Sim

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
        Blas.setThreads(threads)
        defer { Blas.setThreads(1) }
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
            Blas.dgemm(n: n, a: a, b: a, c: &c)
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

    /// Foundation's exp(Float) (libm expf), one call per value: what SleepPhase's soft-min
    /// called before LibmExactExp, for comparison.
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
