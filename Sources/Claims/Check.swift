// The tests claims apply to our numbers, and how numbers are printed in the report. Kept
// small and explicit so a reader can check each claim's test against its statement.

import Foundation
import Sim

enum Check {
    /// Every value within `tolerance` of its paper value.
    static func near(_ ours: [Double], _ paper: [Double], _ tolerance: Double) -> Bool {
        ours.count == paper.count && zip(ours, paper).allSatisfy { abs($0 - $1) <= tolerance && $0.isFinite }
    }
    /// |ours/theory − 1| ≤ tolerance for every pair.
    static func relative(_ ours: [Double], _ theory: [Double], _ tolerance: Double) -> Bool {
        ours.count == theory.count && zip(ours, theory).allSatisfy { abs($0 / $1 - 1) <= tolerance }
    }
    /// Strictly falling.
    static func decreasing(_ v: [Double]) -> Bool { v.count > 1 && zip(v, v.dropFirst()).allSatisfy { $0 > $1 } }
    /// Strictly rising.
    static func increasing(_ v: [Double]) -> Bool { v.count > 1 && zip(v, v.dropFirst()).allSatisfy { $0 < $1 } }
    /// Index of the largest value (the first of equal ones).
    static func argmax(_ v: [Double]) -> Int { v.indices.max(by: { v[$0] < v[$1] || (v[$0] == v[$1] && $0 > $1) }) ?? 0 }
}

enum Format {
    /// "0.52, 0.40" with `digits` decimals.
    static func list(_ v: [Double], _ digits: Int = 2) -> String { v.map { number($0, digits) }.joined(separator: ", ") }
    static func number(_ x: Double, _ digits: Int = 2) -> String { NumberText.fixed(x, digits) }
    /// "+0.04", "-0.01".
    static func signed(_ x: Double, _ digits: Int = 2) -> String { NumberText.fixed(x, digits, sign: true) }
    /// "z1 0.52, z2 0.40, …"
    static func perZ(_ v: [Double], zs: [Int] = [1, 2, 3, 4], _ digits: Int = 2) -> String {
        zip(zs, v).map { "z\($0) \(number($1, digits))" }.joined(separator: ", ")
    }
    /// Significant digits (for values from 1e-3 to 10).
    static func sig(_ x: Double, _ digits: Int = 3) -> String { NumberText.significant(x, digits, nonFinite: "nan") }
}
