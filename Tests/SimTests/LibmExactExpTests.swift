import Foundation
import Testing
import Sim

/// LibmExactExp must give libm's expf bit for bit, since the sleep soft-min replaced its
/// libm calls with it without a model-version change.
struct LibmExactExpTests {
    /// Mismatches against `Foundation.exp` over the Float bit patterns lo, lo + step, …, ≤ hi.
    static func mismatches(from lo: UInt32, through hi: UInt32, step: UInt32) -> (checked: Int, wrong: [Float]) {
        var wrong: [Float] = [], checked = 0
        var b = lo
        while b <= hi {
            let x = SIMD4<Float>((0..<4).map { Float(bitPattern: b &+ UInt32($0) &* step) })
            let v = LibmExactExp.exp(x)
            for l in 0..<4 where v[l].bitPattern != Foundation.exp(x[l]).bitPattern && wrong.count < 10 {
                wrong.append(x[l])
            }
            checked += 4
            if hi - b < 4 &* step { break }
            b &+= 4 &* step
        }
        return (checked, wrong)
    }

    /// The soft-min's arguments: (−β|h|)/m_i ∈ [−110, 0]. Every 13th Float here (all of
    /// them, 1.17·10⁹, with TEST_LONG=1).
    @Test func equalsLibmOnTheSoftMinRange() {
        let step: UInt32 = ProcessInfo.processInfo.environment["TEST_LONG"] == "1" ? 1 : 13
        let r = Self.mismatches(from: (-0.0 as Float).bitPattern, through: (-110 as Float).bitPattern, step: step)
        #expect(r.checked > 80_000_000)
        #expect(r.wrong.isEmpty, "first mismatches: \(r.wrong)")
    }

    /// Positive arguments, the special cases and both sides of the |x| = 88 switch to libm.
    @Test func equalsLibmElsewhere() {
        let r = Self.mismatches(from: 0, through: (89 as Float).bitPattern, step: 997)
        #expect(r.wrong.isEmpty, "first mismatches: \(r.wrong)")
        let special: [Float] = [0, -0, 1, -1, 87.99, 88, 88.72, 89, -87.99, -88, -103.3, -104, -110, -200,
                                .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude]
        for x in special {
            let v = LibmExactExp.exp(SIMD4(repeating: x))
            #expect(v[0].bitPattern == Foundation.exp(x).bitPattern, "exp(\(x))")
        }
        #expect(LibmExactExp.exp(SIMD4(repeating: .nan))[0].isNaN)
    }
}
