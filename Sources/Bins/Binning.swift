// Histogram bins with numpy.histogram's rules, in one place for the two layers that bin:
// Plot (its `Histogram` artist helpers) and the figure-data builders (Experiments), neither
// of which may import the other.

import Foundation

public enum Binning {
    /// Counts per bin with numpy.histogram semantics (the last bin's right edge is
    /// inclusive; values outside the edges and non-finite values are not counted), each value
    /// counting its weight (1 without weights).
    public static func counts(_ data: [Double], edges: [Double], weights: [Double]? = nil) -> [Double] {
        let n = edges.count - 1
        guard n > 0 else { return [] }
        var c = [Double](repeating: 0, count: n)
        let lo = edges[0], hi = edges[n]
        for (k, v) in data.enumerated() where v.isFinite && v >= lo && v <= hi {
            var a = 0, b = n  // binary search: largest i with edges[i] <= v
            while b - a > 1 { let m = (a + b) / 2; if edges[m] <= v { a = m } else { b = m } }
            c[a] += weights?[k] ?? 1
        }
        return c
    }

    /// `count + 1` edges evenly spaced in log10 between lo and hi.
    public static func logEdges(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
        let a = log10(lo), b = log10(hi)
        return (0...count).map { pow(10, a + (b - a) * Double($0) / Double(count)) }
    }

    /// `count + 1` evenly spaced edges.
    public static func linearEdges(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
        (0...count).map { lo + (hi - lo) * Double($0) / Double(count) }
    }
}
