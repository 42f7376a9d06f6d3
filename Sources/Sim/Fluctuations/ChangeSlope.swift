// How |Δw| scales with w. Pairs are sorted by w, |Δw| is smoothed with a centred moving
// average (window max(round(n/20), 10), windows touching the border dropped), and
// log10(mean |Δw|) is regressed on log10(w) at the window centres. The slope is 0 for
// additive noise, 1 for multiplicative noise. The average is computed with the original's
// arithmetic by default (MovingAverage.swift says why it matters in the third decimal).

import Foundation

public struct ChangeSlope: Sendable, Equatable {
    /// w at each kept window centre (sorted ascending).
    public var w: [Double]
    /// Moving average of |Δw| at those centres.
    public var meanSize: [Double]
    /// Fit of log10(meanSize) against log10(w).
    public var fit: LineFit
    public var slope: Double { fit.slope }
    /// Number of pairs the average was taken over.
    public var pairCount: Int

    /// The moving-average window for `n` pairs: max(round(n/20), 10), rounding half to even
    /// as Python's `round` does.
    public static func window(pairs n: Int) -> Int {
        max(Int((Double(n) / 20).rounded(.toNearestOrEven)), 10)
    }

    /// How the moving average is summed.
    public enum Averaging: Sendable { case original, exact }

    public init(_ changes: WeightChanges, averaging: Averaging = .original) {
        // Only pairs with a positive, finite w can sit on a log axis. Sorting (w, |Δw|)
        // together makes the order of tied w independent of the input order.
        var pairs: [(Double, Double)] = []
        pairs.reserveCapacity(changes.count)
        for i in changes.w.indices where changes.w[i].isFinite && changes.w[i] > 0 && changes.size[i].isFinite {
            pairs.append((changes.w[i], changes.size[i]))
        }
        pairs.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        let sortedW = pairs.map(\.0)
        let sortedSize = pairs.map(\.1)
        pairCount = pairs.count
        let window = ChangeSlope.window(pairs: pairs.count)
        let ma = averaging == .original ? MovingAverage.originalArithmetic(sortedSize, window: window)
                                        : MovingAverage.centred(sortedSize, window: window)
        w = ma.centers.map { sortedW[$0] }
        meanSize = ma.means
        fit = LinearRegression.fit(x: w.map { log10($0) }, y: meanSize.map { $0 > 0 ? log10($0) : .nan })
    }
}

/// Slopes for potentiation and depression at one lag.
public struct LagSlopes: Sendable, Equatable {
    public var lag: Int
    public var potentiation: ChangeSlope
    public var depression: ChangeSlope

    mutating func dropCurves() {
        potentiation.w = []; potentiation.meanSize = []
        depression.w = []; depression.meanSize = []
    }

    public init(_ pairs: LagPairs, averaging: ChangeSlope.Averaging = .original) {
        lag = pairs.lag
        potentiation = ChangeSlope(pairs.potentiation, averaging: averaging)
        depression = ChangeSlope(pairs.depression, averaging: averaging)
    }

    /// Slopes at every lag in `lags` (default 1..<cols), computed in parallel over lags
    /// (each lag is independent, so the result does not depend on the thread count).
    /// The moving-average curves are kept only for `curveLags` (they hold one point per
    /// pair, ~10⁷ points over all lags of a simulated population).
    public static func all(_ data: WeightMatrix, lags: [Int]? = nil, curveLags: Set<Int> = []) -> [LagSlopes] {
        let lagList = lags ?? Array(1..<max(data.cols, 1))
        let out = WorkerBox<[LagSlopes?]>(Array(repeating: nil, count: lagList.count))
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: lagList.count) { i in
            var s = LagSlopes(LagPairs(data, lag: lagList[i]))
            if !curveLags.contains(s.lag) { s.dropCurves() }
            lock.lock(); out.value[i] = s; lock.unlock()
        }
        return out.value.map { $0! }
    }
}
