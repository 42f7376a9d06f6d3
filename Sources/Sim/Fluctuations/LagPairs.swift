// docs/methods.md §4.1: pairs (w, Δw) at lag s.
//
// For a start a < min(s, T − s) the columns a, a+s, a+2s, … form a chain; every
// consecutive pair in a chain gives w = D[a+ks] and Δw = D[a+(k+1)s] − D[a+ks]. Pairs with
// non-finite Δw (a missing end) are dropped; the rest split into potentiation (Δw > 0) and
// depression (Δw < 0). Together the starts cover every pair of columns s apart.

public struct WeightChanges: Sendable, Equatable {
    /// Weight at the start of each change.
    public var w: [Double] = []
    /// Size of the change, |Δw| (> 0).
    public var size: [Double] = []
    public var count: Int { w.count }
    public init(w: [Double] = [], size: [Double] = []) { self.w = w; self.size = size }
}

public struct LagPairs: Sendable, Equatable {
    public var lag: Int
    /// Pairs with Δw > 0.
    public var potentiation: WeightChanges
    /// Pairs with Δw < 0 (sizes stored as |Δw|).
    public var depression: WeightChanges

    /// The pairs of `data` at lag `lag` (1 ≤ lag < data.cols).
    public init(_ data: WeightMatrix, lag: Int) {
        precondition(lag >= 1 && lag < data.cols, "LagPairs: lag \(lag) outside 1..<\(data.cols)")
        self.lag = lag
        var ltp = WeightChanges(), ltd = WeightChanges()
        let estimate = data.rows * (data.cols - lag) / 2
        ltp.w.reserveCapacity(estimate); ltp.size.reserveCapacity(estimate)
        ltd.w.reserveCapacity(estimate); ltd.size.reserveCapacity(estimate)
        let T = data.cols
        data.values.withUnsafeBufferPointer { v in
            for a in 0..<min(lag, T - lag) {
                for r in 0..<data.rows {
                    let row = r * T
                    var t = a
                    while t + lag < T {
                        let w = v[row + t]
                        let dw = v[row + t + lag] - w
                        if dw > 0 { ltp.w.append(w); ltp.size.append(dw) }
                        else if dw < 0 { ltd.w.append(w); ltd.size.append(-dw) }
                        // dw == 0 or NaN (missing end): neither.
                        t += lag
                    }
                }
            }
        }
        potentiation = ltp
        depression = ltd
    }

    /// All pairs regardless of sign (w and |Δw|), for the line through the origin.
    public var all: WeightChanges {
        WeightChanges(w: potentiation.w + depression.w, size: potentiation.size + depression.size)
    }
}
