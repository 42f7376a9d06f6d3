// One-dimensional root finding and maximisation (Brent's methods).
//
// The theory curves are smooth, monotone or unimodal functions of one variable, so
// bracketed Brent iterations reach ~1e-14 in a few dozen evaluations with no risk of
// wandering off like an unbracketed Newton step.

public enum Solver1D {
    /// A root of `f` on [a, b] where f(a) and f(b) differ in sign (or one is zero).
    ///
    /// Brent's method (inverse quadratic interpolation with bisection fallback). Stops when
    /// the bracket is narrower than `tolerance + 4 ε |x|`.
    public static func root(in a: Double, _ b: Double, tolerance: Double = 1e-14,
                            maxIterations: Int = 300, _ f: (Double) throws -> Double) throws -> Double {
        var a = a, b = b
        var fa = try f(a), fb = try f(b)
        guard !fa.isNaN, !fb.isNaN else { throw TheoryError.notConverged(what: "root search (NaN at an end)") }
        if fa == 0 { return a }
        if fb == 0 { return b }
        guard (fa > 0) != (fb > 0) else { throw TheoryError.noSignChange(lower: a, upper: b) }
        var c = a, fc = fa
        var d = b - a, e = d
        for _ in 0..<maxIterations {
            if (fb > 0) == (fc > 0) { c = a; fc = fa; d = b - a; e = d }
            if abs(fc) < abs(fb) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa }
            let tol1 = 2 * Double.ulpOfOne * abs(b) + 0.5 * tolerance
            let xm = 0.5 * (c - b)
            if abs(xm) <= tol1 || fb == 0 { return b }
            if abs(e) >= tol1 && abs(fa) > abs(fb) {
                let s = fb / fa
                var p: Double, q: Double
                if a == c {
                    p = 2 * xm * s
                    q = 1 - s
                } else {
                    let qa = fa / fc, r = fb / fc
                    p = s * (2 * xm * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * xm * q - abs(tol1 * q), abs(e * q)) {
                    e = d; d = p / q
                } else {
                    d = xm; e = d
                }
            } else {
                d = xm; e = d
            }
            a = b; fa = fb
            b += abs(d) > tol1 ? d : (xm > 0 ? tol1 : -tol1)
            fb = try f(b)
            if fb.isNaN { throw TheoryError.notConverged(what: "root search (NaN at \(b))") }
        }
        throw TheoryError.notConverged(what: "Brent root search on [\(a), \(b)]")
    }

    /// The maximum of a unimodal `f` on [a, b]: its location and value.
    ///
    /// Brent's golden-section/parabolic search. A smooth maximum is flat, so its location
    /// is only determined to ~sqrt(ε) relative; `tolerance` below ~1e-9 buys nothing. When
    /// the exact location matters, find the root of the derivative with `root` instead.
    public static func maximum(in a: Double, _ b: Double, tolerance: Double = 1e-9,
                               maxIterations: Int = 300,
                               _ f: (Double) throws -> Double) rethrows -> (x: Double, value: Double) {
        let golden = 0.381_966_011_250_105_15
        var a = min(a, b), b = max(a, b)
        var x = a + golden * (b - a), w = x, v = x
        // Minimise −f.
        var fx = -(try f(x)), fw = fx, fv = fx
        var d = 0.0, e = 0.0
        for _ in 0..<maxIterations {
            let xm = 0.5 * (a + b)
            let tol1 = tolerance * abs(x) + tolerance
            let tol2 = 2 * tol1
            if abs(x - xm) <= tol2 - 0.5 * (b - a) { break }
            var useGolden = true
            if abs(e) > tol1 {
                let r = (x - w) * (fx - fv)
                var q = (x - v) * (fx - fw)
                var p = (x - v) * q - (x - w) * r
                q = 2 * (q - r)
                if q > 0 { p = -p }
                q = abs(q)
                let previousStep = e
                e = d
                if abs(p) < abs(0.5 * q * previousStep) && p > q * (a - x) && p < q * (b - x) {
                    d = p / q
                    let u = x + d
                    if u - a < tol2 || b - u < tol2 { d = xm >= x ? tol1 : -tol1 }
                    useGolden = false
                }
            }
            if useGolden {
                e = x >= xm ? a - x : b - x
                d = golden * e
            }
            let u = abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1)
            let fu = -(try f(u))
            if fu <= fx {
                if u >= x { a = x } else { b = x }
                v = w; fv = fw; w = x; fw = fx; x = u; fx = fu
            } else {
                if u < x { a = u } else { b = u }
                if fu <= fw || w == x {
                    v = w; fv = fw; w = u; fw = fu
                } else if fu <= fv || v == x || v == w {
                    v = u; fv = fu
                }
            }
        }
        return (x, -fx)
    }

    /// Widens [lower, upper] by stepping each end outward (by `step`, doubling) until
    /// `isLeftOfRoot(lower)` holds and `isLeftOfRoot(upper)` does not; returns the bracket.
    /// Errors thrown by the closures are passed on.
    /// Used where a monotone function's root has no a-priori bound.
    static func expandBracket(lower: Double, upper: Double, step: Double = 1, maxSteps: Int = 60,
                              isLeftOfRoot: (Double) throws -> Bool) throws -> (Double, Double) {
        var lo = lower, hi = upper, s = step
        var n = 0
        while try !isLeftOfRoot(lo) {
            lo -= s; s *= 2; n += 1
            if n > maxSteps { throw TheoryError.notConverged(what: "bracket search (lower end)") }
        }
        s = step; n = 0
        while try isLeftOfRoot(hi) {
            hi += s; s *= 2; n += 1
            if n > maxSteps { throw TheoryError.notConverged(what: "bracket search (upper end)") }
        }
        return (lo, hi)
    }
}
