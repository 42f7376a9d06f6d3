// OpenBLAS opened with the project's kernel (Sources/Sim/Blas.swift).

import Foundation
import Testing
import Sim

@Suite struct BlasKernelTests {
    /// The kernel OpenBLAS runs is the project's choice (unless TWOFACTOR_BLAS_CORETYPE says
    /// otherwise), whatever OPENBLAS_CORETYPE the environment held.
    @Test func openBLASRunsThePinnedKernel() {
        Blas.ensureSingleThreaded()
        let k = Blas.kernel
        if ProcessInfo.processInfo.environment[Blas.overrideVariable] == nil, let pinned = Blas.projectCoretype {
            #expect(k.requested == pinned)
            #expect(k.running == pinned.lowercased())
        }
        #expect(!k.config.isEmpty)
    }

    /// sgemm on the shapes and transposes the models use writes every entry of C with the
    /// product (C starts as NaN; small shapes included, where OpenBLAS takes other paths).
    @Test(arguments: [(3, 5, 4), (60, 12, 60), (200, 140, 200), (140, 200, 200)], [false, true])
    func gemmIsTheProduct(shape: (Int, Int, Int), transB: Bool) {
        let (rows, cols, inner) = shape
        var rng = Xoshiro256(seed: 7, stream: UInt64(rows))
        let a = (0..<(rows * inner)).map { _ in Float(rng.uniform()) - 0.5 }
        let b = (0..<(inner * cols)).map { _ in Float(rng.uniform()) }
        var c = [Float](repeating: .nan, count: rows * cols)
        Blas.gemm(rows: rows, cols: cols, inner: inner, a: a, lda: inner, b: b, ldb: transB ? inner : cols,
                  transB: transB, c: &c, ldc: cols)
        for i in 0..<rows {
            for j in 0..<cols {
                var s = 0.0, mag = 0.0
                for k in 0..<inner {
                    let bv = transB ? b[j * inner + k] : b[k * cols + j]
                    s += Double(a[i * inner + k]) * Double(bv)
                    mag += abs(Double(a[i * inner + k]) * Double(bv))
                }
                #expect(abs(Double(c[i * cols + j]) - s) <= 1e-5 * mag + 1e-7, "C[\(i), \(j)]")
            }
        }
    }
}
