// Bin edges and counts for the figure-data builders (the same arithmetic as Plot's
// `Histogram`, which the builders cannot import: Experiments knows nothing about drawing).

import Foundation

public enum Binning {
    /// `count + 1` edges evenly spaced in log10 between lo and hi.
    public static func logEdges(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
        let a = log10(lo), b = log10(hi)
        return (0...count).map { pow(10, a + (b - a) * Double($0) / Double(count)) }
    }

    /// Counts per bin with numpy.histogram semantics (the last bin's right edge is
    /// inclusive; values outside the edges and non-finite values are not counted).
    public static func counts(_ data: [Double], edges: [Double]) -> [Double] {
        let n = edges.count - 1
        guard n > 0 else { return [] }
        var c = [Double](repeating: 0, count: n)
        let lo = edges[0], hi = edges[n]
        for v in data where v.isFinite && v >= lo && v <= hi {
            var a = 0, b = n  // binary search: largest i with edges[i] <= v
            while b - a > 1 { let m = (a + b) / 2; if edges[m] <= v { a = m } else { b = m } }
            c[a] += 1
        }
        return c
    }
}
