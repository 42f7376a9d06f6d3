// Centred moving average that keeps only windows lying fully inside the data.
//
// Matches NumPy's `np.convolve(x, ones(m)/m, mode="same")` (zero padding outside the
// data) followed by discarding every output whose window touches the padding: output i
// averages x[i − m/2 … i + (m−1)/2] (integer division), kept for m/2 ≤ i ≤ n−1−(m−1)/2.

public struct MovingAverageResult: Sendable, Equatable {
    /// Index of the window centre in the input, for every kept window.
    public var centers: [Int]
    /// The window means, aligned with `centers`.
    public var means: [Double]
}

public enum MovingAverage {
    public static func centred(_ x: [Double], window m: Int) -> MovingAverageResult {
        precondition(m >= 1, "MovingAverage: window must be ≥ 1 (got \(m))")
        let n = x.count
        let before = m / 2, after = (m - 1) / 2
        guard n >= m else { return MovingAverageResult(centers: [], means: []) }
        var centers: [Int] = [], means: [Double] = []
        centers.reserveCapacity(n - m + 1)
        means.reserveCapacity(n - m + 1)
        // Running sum, re-summed every 4096 steps so rounding errors do not accumulate.
        var sum = 0.0
        for j in 0..<m { sum += x[j] }
        var i = before
        while i + after < n {
            centers.append(i)
            means.append(sum / Double(m))
            let leaving = i - before, entering = i + after + 1
            guard entering < n else { break }
            if (i - before + 1) % 4096 == 0 {
                sum = 0
                for j in (leaving + 1)...entering { sum += x[j] }
            } else {
                sum += x[entering] - x[leaving]
            }
            i += 1
        }
        return MovingAverageResult(centers: centers, means: means)
    }
}
