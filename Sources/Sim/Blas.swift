// OpenBLAS with one kernel on every CPU (docs/methods.md, Conventions: "One BLAS kernel").
//
// OpenBLAS chooses its kernels from the CPU it recognises, and the kernels round
// differently: the same point gave other bytes under the Prescott, Haswell and SkylakeX
// kernels, and Debian's OpenBLAS 0.3.21 falls back to Prescott (SSE3, 2–4× slower) on CPUs
// it does not know, such as some virtual Intel Xeons. So the project chooses: Haswell
// wherever the CPU has AVX2 and FMA (Intel since 2013, every AMD Zen), Prescott where it
// has SSE3 only, OpenBLAS's own choice elsewhere. The library is opened on first use, after
// OPENBLAS_CORETYPE is set (Sources/BLASLoader). TWOFACTOR_BLAS_CORETYPE=<name> overrides
// the choice for measurements (`auto`: OpenBLAS's own); results then record the kernel.
//
// OpenBLAS runs single-threaded: the project's results must not depend on BLAS threads.

import BLASLoader
import Foundation

public enum Blas {
    /// The environment variable that overrides the project's kernel choice.
    public static let overrideVariable = "TWOFACTOR_BLAS_CORETYPE"

    /// What was asked of OpenBLAS and what it runs.
    public struct Kernel: Sendable {
        /// The OPENBLAS_CORETYPE set, or nil when OpenBLAS chose.
        public let requested: String?
        /// Whether `requested` came from TWOFACTOR_BLAS_CORETYPE rather than the project's rule.
        public let overridden: Bool
        /// openblas_get_corename(), lower case as OpenBLAS prints it (e.g. "haswell").
        public let running: String
        public let config: String
        /// One line for logs and result provenance.
        public var description: String {
            let how = overridden ? "set by \(Blas.overrideVariable)" : requested == nil ? "OpenBLAS's own choice" : "pinned"
            return "\(running) (\(how))"
        }
    }

    /// The kernel rule of the header comment, without the override.
    public static var projectCoretype: String? { blas_loader_default_coretype().map { String(cString: $0) } }

    /// Opens OpenBLAS once (thread-safe: a global's initialiser runs once).
    private static let loaded: Kernel = {
        var requested = projectCoretype
        var overridden = false
        if let v = ProcessInfo.processInfo.environment[overrideVariable], !v.isEmpty {
            requested = v == "auto" ? nil : v
            overridden = true
        }
        var message = [CChar](repeating: 0, count: 512)
        guard blas_loader_open(requested, &message, message.count) == 0 else {
            let why = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            FileHandle.standardError.write(Data("error: \(why); install libopenblas0 (make deps)\n".utf8))
            exit(70)
        }
        blas_loader_set_num_threads(1)
        return Kernel(requested: requested, overridden: overridden,
                      running: String(cString: blas_loader_corename()).lowercased(),
                      config: String(cString: blas_loader_config()))
    }()

    /// The kernel in use (opens OpenBLAS if needed).
    public static var kernel: Kernel { loaded }

    /// Whether this process has opened OpenBLAS (result provenance names the kernel only then).
    nonisolated(unsafe) public private(set) static var isOpen = false

    /// Opens OpenBLAS single-threaded; models call this before their first product.
    public static func ensureSingleThreaded() {
        _ = loaded
        isOpen = true
    }

    /// OpenBLAS threads (benchmarks only; models run it single-threaded).
    public static func setThreads(_ threads: Int) {
        ensureSingleThreaded()
        blas_loader_set_num_threads(Int32(threads))
    }

    /// C (rows×cols, row-major, leading dim ldc) = A · op(B) with A rows×k.
    @inline(__always)
    public static func gemm(rows: Int, cols: Int, inner: Int,
                            a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, transB: Bool,
                            c: UnsafeMutablePointer<Float>, ldc: Int) {
        _ = loaded
        blas_loader_sgemm_rowmajor(transB ? 1 : 0, Int32(rows), Int32(cols), Int32(inner), 1, a, Int32(lda),
                                   b, Int32(ldb), 0, c, Int32(ldc))
    }

    /// C = A B (row-major, n×n, double): the machine's dgemm rate in `bench floor`.
    public static func dgemm(n: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>, c: UnsafeMutablePointer<Double>) {
        ensureSingleThreaded()
        blas_loader_dgemm_rowmajor(Int32(n), Int32(n), Int32(n), 1, a, Int32(n), b, Int32(n), 0, c, Int32(n))
    }

    /// Σ x_k y_k over contiguous vectors. Call `ensureSingleThreaded()` first (this is called
    /// per synapse and skips the check).
    @inline(__always)
    public static func dot(count: Int, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float {
        blas_loader_sdot(Int32(count), x, 1, y, 1)
    }
}
