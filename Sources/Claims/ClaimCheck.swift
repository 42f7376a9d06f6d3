// How a claim's numbers are judged, as data: the one function the report applies to the
// numbers a claim measures, the kind of test (a value against a paper, printed or theory
// value; an order; a sign), and its controls: numbers on which it must hold, and numbers
// moved just beyond the tolerance or out of order on which it must fail. The suite runs
// every claim's controls (Tests/ReportTests/NegativeControlTests.swift), so a claim whose
// test cannot fail is caught.

import Foundation

public struct ClaimCheck: Sendable {
    public enum Kind: String, Sendable, Codable {
        /// A simulated value against a paper, printed or theory value, with a tolerance.
        case value
        /// An order (falling, rising, largest) or a comparison between our own numbers.
        case order
        /// A sign or a threshold on one side.
        case sign
    }

    public let kind: Kind
    public let holds: @Sendable ([Double]) -> Bool
    /// Numbers on which the test holds (positive controls) and on which it fails (negative controls).
    public let passing: [[Double]]
    public let failing: [[Double]]
    /// Set when the tolerance is derived from the seed spread of this claim's values
    /// (`SeedSpread`): the claim whose spread `report spreads` measures.
    public let spreadOf: String?

    public init(kind: Kind, passing: [[Double]], failing: [[Double]], spreadOf: String? = nil,
                holds: @escaping @Sendable ([Double]) -> Bool) {
        self.kind = kind; self.holds = holds; self.passing = passing; self.failing = failing; self.spreadOf = spreadOf
    }

    /// A value moved just beyond its tolerance either way, at each position in turn, plus a
    /// NaN. (A tolerance of 0 moves nothing: exact counts use 0.5.)
    static func movedBeyond(_ reference: [Double], _ tolerance: Double) -> [[Double]] {
        precondition(tolerance > 0, "ClaimCheck: a tolerance must be positive (exact counts: 0.5)")
        return movedBeyond(reference, tolerances: reference.map { _ in tolerance })
    }

    /// The same with a tolerance per value.
    static func movedBeyond(_ reference: [Double], tolerances: [Double]) -> [[Double]] {
        reference.indices.flatMap { i in
            [1.0, -1.0].map { sign -> [Double] in var v = reference; v[i] += sign * tolerances[i] * 1.05; return v }
        } + [reference.map { _ in .nan }]
    }

    /// Each value within `tolerance` of its reference value.
    public static func near(_ reference: [Double], _ tolerance: Double) -> ClaimCheck {
        ClaimCheck(kind: .value, passing: [reference], failing: movedBeyond(reference, tolerance)) {
            Check.near($0, reference, tolerance)
        }
    }

    /// Every value (at least one) within `tolerance` of `target` (a ratio to theory near 1, a
    /// difference from a table near 0, the same value at every load).
    public static func allNear(_ target: Double, _ tolerance: Double) -> ClaimCheck {
        ClaimCheck(kind: .value, passing: [[target], [target, target + tolerance * 0.9]],
                   failing: movedBeyond([target, target], tolerance) + [[]]) { v in
            !v.isEmpty && v.allSatisfy { $0.isFinite && abs($0 - target) <= tolerance }
        }
    }

    /// Strictly falling within each consecutive group of `size` values (one group per load).
    public static func fallingInGroups(of size: Int) -> ClaimCheck {
        let falling = (0..<size).map { Double(size - $0) }
        let tie = falling.enumerated().map { $0.offset == 1 ? falling[0] : $0.element }
        let swapped = [falling[1], falling[0]] + falling.dropFirst(2)
        return ClaimCheck(kind: .order, passing: [falling, falling + falling],
                          failing: [swapped, tie, falling + swapped, []]) { v in
            !v.isEmpty && v.count % size == 0
                && stride(from: 0, to: v.count, by: size).allSatisfy { Check.decreasing(Array(v[$0..<($0 + size)])) }
        }
    }

    /// Strictly rising.
    public static let rising = ClaimCheck(kind: .order, passing: [[1, 2, 3]], failing: [[1, 3, 2], [1, 1, 2], [2, 1], []]) {
        Check.increasing($0)
    }

    /// Every value above 0 (our differences: after − before, familiar − novel, …).
    public static let allPositive = ClaimCheck(kind: .sign, passing: [[0.1, 2]], failing: [[0.1, -0.01], [0, 1], [.nan], []]) { v in
        !v.isEmpty && v.allSatisfy { $0 > 0 }
    }

    /// A test of its own: `passing` and `failing` show what it accepts and refuses.
    public static func custom(_ kind: Kind, passing: [[Double]], failing: [[Double]],
                              _ holds: @escaping @Sendable ([Double]) -> Bool) -> ClaimCheck {
        ClaimCheck(kind: kind, passing: passing, failing: failing, holds: holds)
    }
}

/// What a claim measured: the numbers its check judges, and how the report shows them.
public struct Measured: Sendable {
    public var values: [Double]
    /// Our value as text.
    public var ours: String
    /// Extra words shown under the value (what was compared, a known cause).
    public var note: String?

    public init(_ values: [Double], ours: String, note: String? = nil) {
        self.values = values; self.ours = ours; self.note = note
    }
}

extension ClaimCheck {
    /// A panel value's test with a derived tolerance: each value within
    /// 2·√(reading² + spread²) of the panel's, where `reading` is how precisely the panel
    /// was read (one s.d., from its pixel scale) and `spread` the seed-to-seed s.d. of our
    /// value (`SeedSpread`, measured for claim `id`). Two standard deviations of the
    /// combined uncertainty: a faithful model fails about one value in twenty by chance.
    public static func panelValues(_ reference: [Double], reading: [Double], spreadOf id: String) -> ClaimCheck {
        let spread = SeedSpread.sd[id] ?? reference.map { _ in .nan }
        let tolerance = zip(reading, spread).map { 2 * ($0 * $0 + $1 * $1).squareRoot() }
        return ClaimCheck(kind: .value, passing: [reference], failing: movedBeyond(reference, tolerances: tolerance) + [[]],
                          spreadOf: id) { v in
            v.count == reference.count && tolerance.allSatisfy(\.isFinite)
                && zip(zip(v, reference), tolerance).allSatisfy { abs($0.0 - $0.1) <= $1 }
        }
    }

    /// `panelValues` with one reading precision for every value.
    public static func panelValues(_ reference: [Double], reading: Double, spreadOf id: String) -> ClaimCheck {
        panelValues(reference, reading: reference.map { _ in reading }, spreadOf: id)
    }
}
