// How numbers become text in tables, notes and the report: one place for the formats, so a
// value prints the same wherever it appears.

import Foundation

public enum NumberText {
    /// printf's `%.{digits}g`; with `integers`, whole numbers below 10⁹ print without a decimal
    /// point; non-finite values print as `nonFinite` when given (else printf's "nan", "inf").
    public static func significant(_ x: Double, _ digits: Int, integers: Bool = false, nonFinite: String? = nil) -> String {
        if !x.isFinite, let nonFinite { return nonFinite }
        if integers, x == x.rounded(), abs(x) < 1e9 { return String(Int(x)) }
        return String(format: "%.\(digits)g", x)
    }

    /// printf's `%.{digits}f` (`%+.{digits}f` with `sign`); non-finite values as `nonFinite`.
    public static func fixed(_ x: Double, _ digits: Int, sign: Bool = false, nonFinite: String = "nan") -> String {
        x.isFinite ? String(format: sign ? "%+.\(digits)f" : "%.\(digits)f", x) : nonFinite
    }
}
