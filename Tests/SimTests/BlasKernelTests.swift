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

@Suite struct BlasRowBlockTests {
    static func operands(_ rows: Int, _ cols: Int, _ inner: Int) -> (a: [Float], b: [Float]) {
        var rng = Xoshiro256(seed: 9, stream: UInt64(rows &* 7 &+ cols &* 3 &+ inner))
        // Weights-like A (a third exactly 0) and 0/1 patterns B, as in the models' products.
        let a = (0..<(rows * inner)).map { _ in rng.uniform() < 0.3 ? 0 : Float(rng.normal()) * 0.05 }
        let b = (0..<(inner * cols)).map { _ in rng.uniform() < 0.5 ? Float(1) : 0 }
        return (a, b)
    }

    static func product(_ rows: Int, _ cols: Int, _ inner: Int, transB: Bool, blocks: [Range<Int>]) -> [Float] {
        let (a, b) = operands(rows, cols, inner)
        var c = [Float](repeating: .nan, count: rows * cols)
        a.withUnsafeBufferPointer { ab in c.withUnsafeMutableBufferPointer { cb in
            for r in blocks {
                Blas.gemm(rows: r.count, cols: cols, inner: inner, a: ab.baseAddress! + r.lowerBound * inner, lda: inner,
                          b: b, ldb: transB ? inner : cols, transB: transB, c: cb.baseAddress! + r.lowerBound * cols, ldc: cols)
            }
        }}
        return c
    }

    static let shapes: [(Int, Int, Int, Bool)] = [
        (1000, 80, 1000, false), (1000, 700, 1000, false), (1000, 1000, 330, true), (1000, 1000, 700, true),
        (200, 140, 200, false), (200, 200, 140, true), (333, 91, 333, false), (97, 13, 97, true), (50, 7, 50, false)]

    /// The threaded product has the single call's bits for every thread count, on the models'
    /// shapes and odd ones (the kernel's alignment must hold wherever blocks start).
    @Test(arguments: shapes)
    func threadedProductHasTheSingleCallsBits(shape: (Int, Int, Int, Bool)) {
        let (rows, cols, inner, transB) = shape
        let whole = Self.product(rows, cols, inner, transB: transB, blocks: [0..<rows])
        // A kernel without a measured alignment runs one call (checked below).
        for threads in [2, 3, 4, 5, 8, 16, 64] {
            guard let alignment = Blas.rowAlignment else { break }
            let blocks = RowParallel.ranges(rows, threads: threads, alignment: alignment)
            let parts = Self.product(rows, cols, inner, transB: transB, blocks: blocks)
            let differ = zip(whole, parts).filter { $0.bitPattern != $1.bitPattern }.count
            #expect(differ == 0, "\(rows)×\(inner)·\(inner)×\(cols) transB \(transB), \(threads) threads: \(differ) entries differ")
        }
        // And through the threaded entry point itself.
        let (a, b) = Self.operands(rows, cols, inner)
        var c = [Float](repeating: .nan, count: rows * cols)
        Blas.gemm(rows: rows, cols: cols, inner: inner, a: a, lda: inner, b: b, ldb: transB ? inner : cols, transB: transB,
                  c: &c, ldc: cols, threads: 4)
        #expect(zip(whole, c).allSatisfy { $0.bitPattern == $1.bitPattern })
    }

    /// The check can fail: blocks that start off the alignment change bits (on the kernels
    /// with a measured alignment).
    @Test func blocksOffTheAlignmentChangeBits() {
        guard Blas.rowAlignment != nil else { return }
        let whole = Self.product(200, 140, 200, transB: false, blocks: [0..<200])
        let parts = Self.product(200, 140, 200, transB: false, blocks: [0..<98, 98..<200])
        #expect(zip(whole, parts).contains { $0.bitPattern != $1.bitPattern })
    }

    @Test func rowBlocksCoverTheRowsAtTheAlignment() {
        for rows in [1, 23, 24, 25, 200, 1000, 1001] {
            for threads in [1, 2, 3, 7, 100] {
                let blocks = RowParallel.ranges(rows, threads: threads, alignment: 24)
                #expect(blocks.first?.lowerBound == 0 && blocks.last?.upperBound == rows)
                #expect(blocks.count <= threads && blocks.allSatisfy { $0.lowerBound % 24 == 0 && !$0.isEmpty })
                #expect(zip(blocks, blocks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
                // As equal as the alignment allows.
                let sizes = blocks.map(\.count)
                #expect(sizes.max()! - sizes.min()! <= 24 + rows % 24)
            }
        }
        #expect(RowParallel.ranges(1000, threads: 2, alignment: 12) == [0..<504, 504..<1000])
        #expect(RowParallel.ranges(200, threads: 2, alignment: 12) == [0..<96, 96..<200])
    }
}
