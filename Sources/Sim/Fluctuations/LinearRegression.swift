// Ordinary least squares for a straight line, and a line through the origin.
// Written once here; every slope of Figures 5–6 goes through it.

public struct LineFit: Sendable, Equatable {
    public var slope: Double
    public var intercept: Double
    /// Number of (finite) points used.
    public var count: Int
}

public enum LinearRegression {
    /// Least-squares fit y ≈ slope·x + intercept over the pairs where both are finite.
    /// Slope and intercept are NaN with fewer than two distinct x values.
    public static func fit(x: [Double], y: [Double]) -> LineFit {
        precondition(x.count == y.count, "LinearRegression.fit: \(x.count) x values but \(y.count) y values")
        var n = 0, sx = 0.0, sy = 0.0
        for i in x.indices where x[i].isFinite && y[i].isFinite {
            n += 1; sx += x[i]; sy += y[i]
        }
        guard n >= 2 else { return LineFit(slope: .nan, intercept: .nan, count: n) }
        let mx = sx / Double(n), my = sy / Double(n)
        // Centred sums: numerically stable for data far from the origin.
        var sxx = 0.0, sxy = 0.0
        for i in x.indices where x[i].isFinite && y[i].isFinite {
            let dx = x[i] - mx
            sxx += dx * dx
            sxy += dx * (y[i] - my)
        }
        guard sxx > 0 else { return LineFit(slope: .nan, intercept: .nan, count: n) }
        let slope = sxy / sxx
        return LineFit(slope: slope, intercept: my - slope * mx, count: n)
    }

    /// Least-squares slope c of y ≈ c·x (no intercept) over finite pairs; NaN if Σx² = 0.
    public static func slopeThroughOrigin(x: [Double], y: [Double]) -> Double {
        precondition(x.count == y.count, "slopeThroughOrigin: \(x.count) x values but \(y.count) y values")
        var sxx = 0.0, sxy = 0.0
        for i in x.indices where x[i].isFinite && y[i].isFinite {
            sxx += x[i] * x[i]
            sxy += x[i] * y[i]
        }
        return sxx > 0 ? sxy / sxx : .nan
    }
}
