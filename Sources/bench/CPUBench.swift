// `bench cpu`: what kind of CPU this is, which OpenBLAS kernel runs (and which OpenBLAS
// would pick by itself), and what subnormal numbers cost here (docs/benchmarks.md, "CPU
// kinds"). Every timing table names the CPU it came from; .ci/run prints this first.

import ArgumentParser
import Foundation
import Sim

struct CPUBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpu",
        abstract: "The CPU model, the OpenBLAS kernel (pinned and detected) and the subnormal penalty of an sgemm.")

    @Flag(help: .hidden) var printKernel = false

    func run() throws {
        Blas.ensureSingleThreaded()
        if printKernel { print(Blas.kernel.running); return }
        let cpu = MachineInfo.cpuModel
        print("CPU: \(cpu)")
        print("OpenBLAS kernel: \(Blas.kernel.description); OpenBLAS by itself would run \(detectedKernel() ?? "(unknown)")")
        let (ordinary, subnormal) = gemmTimes()
        print(String(format: "sgemm 200x200 · 200x140, half of A at 1e-20: %.3f ms; at 1e-40 (subnormal): %.3f ms",
                     ordinary * 1e3, subnormal * 1e3))
        let (plain, slow) = multiplyTimes()
        print(String(format: "element-wise multiply over 200x200, the same operands: %.4f ms / %.4f ms", plain * 1e3, slow * 1e3))
        print(String(format: "subnormal penalty ×%.1f on this CPU (%@)", subnormal / ordinary, cpu))
    }

    /// The kernel OpenBLAS picks without the project's pin, from a child process (the library
    /// reads its choice once, when it is opened).
    func detectedKernel() -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        p.arguments = ["cpu", "--print-kernel"]
        var env = ProcessInfo.processInfo.environment
        env[Blas.overrideVariable] = "auto"
        env["OPENBLAS_CORETYPE"] = nil
        p.environment = env
        let pipe = Pipe()
        p.standardOutput = pipe
        guard (try? p.run()) != nil else { return nil }
        p.waitUntilExit()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The A operand of W·X: random weights with every other one pruned.
    static func weights(n: Int, pruned: Float) -> [Float] {
        var rng = Xoshiro256(seed: 1, stream: 1)
        return (0..<(n * n)).map { $0 % 2 == 0 ? pruned : Float(rng.uniform()) * 0.1 }
    }

    /// Seconds per call: the best of three batches (`Machine.bestRate`).
    static func best(_ body: () -> Void) -> Double {
        1 / (Machine.bestRate(body, workPerCall: 1, seconds: 0.5) * 1e9)
    }

    func gemmTimes() -> (Double, Double) {
        let n = 200, m = 140
        var rng = Xoshiro256(seed: 2, stream: 1)
        let x = (0..<(n * m)).map { _ in Float(rng.uniform() < 0.5 ? 0 : 1) }
        var c = [Float](repeating: 0, count: n * m)
        func time(_ a: [Float]) -> Double {
            Self.best { Blas.gemm(rows: n, cols: m, inner: n, a: a, lda: n, b: x, ldb: m, transB: false, c: &c, ldc: m) }
        }
        return (time(Self.weights(n: n, pruned: 1e-20)), time(Self.weights(n: n, pruned: factorFloor * factorFloor)))
    }

    func multiplyTimes() -> (Double, Double) {
        let n = 200
        let b = Self.weights(n: n, pruned: 0.5)
        var out = [Float](repeating: 0, count: n * n)
        func time(_ a: [Float]) -> Double {
            a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in out.withUnsafeMutableBufferPointer { op in
                let a = ap.baseAddress!, b = bp.baseAddress!, o = op.baseAddress!
                return Self.best { for e in 0..<(n * n) { o[e] = a[e] * b[e] } }
            }}}
        }
        return (time(Self.weights(n: n, pruned: 1e-20)), time(Self.weights(n: n, pruned: factorFloor * factorFloor)))
    }
}
