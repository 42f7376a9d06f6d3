// sgemm on several threads with the bits of one call (issue: every core of a node on one
// point).
//
// OpenBLAS's own threads are not used: the project's results must not depend on the thread
// count. Instead the rows of C are split into blocks, one sgemm call each, on the point's
// threads. An entry of C keeps the single call's bits when its block starts at a multiple of
// 12 rows, and most entries of a block get other bits when it does not; measured
// (BlasRowBlockTests) on the kernels the project pins, Haswell and Prescott (also Zen and
// Sandybridge). OpenBLAS's SkylakeX kernel has no such alignment (every split tried changed
// bits), so where the kernel was not measured the product stays one call.

public extension Blas {
    /// Row offsets at which a block of C keeps the single call's bits, for the kernel in use
    /// (nil: not measured; products then run as one call).
    static var rowAlignment: Int? {
        switch kernel.running {
        case "haswell", "prescott", "zen", "sandybridge": 12
        default: nil
        }
    }

    /// C (rows×cols, row-major) = A · op(B) as `gemm`, the row blocks of C on up to `threads`
    /// threads; the same bits for any thread count.
    static func gemm(rows: Int, cols: Int, inner: Int,
                     a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, transB: Bool,
                     c: UnsafeMutablePointer<Float>, ldc: Int, threads: Int) {
        guard threads > 1, let alignment = rowAlignment, rows > alignment else {
            gemm(rows: rows, cols: cols, inner: inner, a: a, lda: lda, b: b, ldb: ldb, transB: transB, c: c, ldc: ldc)
            return
        }
        RowParallel.forEach(RowParallel.ranges(rows, threads: threads, alignment: alignment)) { _, r in
            gemm(rows: r.count, cols: cols, inner: inner, a: a + r.lowerBound * lda, lda: lda, b: b, ldb: ldb,
                 transB: transB, c: c + r.lowerBound * ldc, ldc: ldc)
        }
    }
}
