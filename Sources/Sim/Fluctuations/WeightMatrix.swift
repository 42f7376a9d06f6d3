// A synapses × time-points matrix of weights, row-major, NaN = missing (spine not seen,
// or outside a recording). Both the simulation and the Kaufman et al. data end up here,
// so every statistic of docs/methods.md §4 takes one of these.

public struct WeightMatrix: Sendable, Equatable {
    public let rows: Int
    public let cols: Int
    /// Row-major values: `values[row * cols + col]`.
    public var values: [Double]

    public init(rows: Int, cols: Int, values: [Double]) {
        precondition(rows >= 0 && cols >= 0 && values.count == rows * cols,
                     "WeightMatrix: \(values.count) values do not fill \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.values = values
    }

    /// Builds a matrix from rows of equal length.
    public init(_ rowArrays: [[Double]]) {
        let c = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == c }, "WeightMatrix: ragged rows")
        self.init(rows: rowArrays.count, cols: c, values: rowArrays.flatMap { $0 })
    }

    public subscript(row: Int, col: Int) -> Double {
        get { values[row * cols + col] }
        set { values[row * cols + col] = newValue }
    }

    /// The sub-matrix of the given columns (all rows).
    public func columns(_ range: Range<Int>) -> WeightMatrix {
        precondition(range.lowerBound >= 0 && range.upperBound <= cols, "columns \(range) outside 0..<\(cols)")
        var out: [Double] = []
        out.reserveCapacity(rows * range.count)
        for r in 0..<rows { out.append(contentsOf: values[(r * cols + range.lowerBound)..<(r * cols + range.upperBound)]) }
        return WeightMatrix(rows: rows, cols: range.count, values: out)
    }

    /// The sub-matrix of the given rows (all columns), in the given order.
    public func rows(_ indices: [Int]) -> WeightMatrix {
        var out: [Double] = []
        out.reserveCapacity(indices.count * cols)
        for r in indices { out.append(contentsOf: values[(r * cols)..<((r + 1) * cols)]) }
        return WeightMatrix(rows: indices.count, cols: cols, values: out)
    }

    /// Indices of the rows whose value in column `col` is present (finite and > 0).
    public func rowsPresent(at col: Int) -> [Int] {
        precondition(col >= 0 && col < cols, "column \(col) outside 0..<\(cols)")
        return (0..<rows).filter { let v = values[$0 * cols + col]; return v.isFinite && v > 0 }
    }
}
