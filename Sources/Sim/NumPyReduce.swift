// Sums, means and standard deviations in the order NumPy computes them.
//
// The Figures 5–6 bootstrap must print the digits the authors' notebook prints, and a
// rounding difference in a CV can move an argmin. NumPy reduces a contiguous axis by
// pairwise summation (blocks of at most 128 summed with eight running accumulators) and
// starts every sum from the identity 0; `mean` is sum / n; `std` (ddof 0) is
// sqrt(sum((x − mean)²) / n). Checked against NumPy in NumPyReduceTests.

public enum NumPyReduce {
    /// `numpy.sum` of a contiguous run of doubles.
    public static func sum(_ x: UnsafeBufferPointer<Double>) -> Double {
        guard let base = x.baseAddress else { return 0 }
        return 0 + pairwise(base, x.count)
    }

    public static func sum(_ x: [Double]) -> Double { x.withUnsafeBufferPointer { sum($0) } }

    /// `numpy.mean` (NaN for no values, as NumPy's 0/0).
    public static func mean(_ x: UnsafeBufferPointer<Double>) -> Double { sum(x) / Double(x.count) }
    public static func mean(_ x: [Double]) -> Double { x.withUnsafeBufferPointer { mean($0) } }

    /// `numpy.std` with ddof 0.
    public static func std(_ x: UnsafeBufferPointer<Double>) -> Double {
        let n = x.count
        guard n > 0 else { return .nan }
        let m = mean(x)
        // Small inputs (the CV over 48–144 time points) stay on the stack.
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { d in
            for i in 0..<n { let e = x[i] - m; d[i] = e * e }
            return (sum(UnsafeBufferPointer(d)) / Double(n)).squareRoot()
        }
    }
    public static func std(_ x: [Double]) -> Double { x.withUnsafeBufferPointer { std($0) } }

    /// NumPy's pairwise_sum for doubles, unit stride.
    static func pairwise(_ a: UnsafePointer<Double>, _ n: Int) -> Double {
        if n < 8 {
            var s = 0.0
            for i in 0..<n { s += a[i] }
            return s
        }
        if n <= 128 {
            var r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7]
            var i = 8
            while i < n - n % 8 {
                r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3]
                r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7]
                i += 8
            }
            var s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while i < n { s += a[i]; i += 1 }
            return s
        }
        var half = n / 2
        half -= half % 8
        return pairwise(a, half) + pairwise(a + half, n - half)
    }
}
