import Foundation

/// The standard normal distribution in Double precision, accurate in both tails.
///
/// `cdf` and `q` go through `erfc` on the side where the result is small, so
/// `q(10) ≈ 7.6e-24` keeps full relative precision (1 − Φ would round to 0).
public enum Normal {
    static let inverseSqrt2Pi = 0.398_942_280_401_432_677_94
    static let inverseSqrt2 = 0.707_106_781_186_547_524_40

    /// Density φ(x).
    public static func pdf(_ x: Double) -> Double {
        inverseSqrt2Pi * exp(-0.5 * x * x)
    }

    /// Cumulative distribution Φ(x), accurate for x → −∞.
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x * inverseSqrt2)
    }

    /// Upper tail Q(x) = 1 − Φ(x), accurate for x → +∞.
    public static func q(_ x: Double) -> Double {
        0.5 * erfc(x * inverseSqrt2)
    }

    /// Φ⁻¹(p): the x with Φ(x) = p. NaN outside [0, 1]; ±∞ at the ends.
    public static func inverseCDF(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        // For p > ½ the complement 1 − p is exact (Sterbenz), so both halves keep precision.
        return p <= 0.5 ? lowerTailQuantile(p) : -lowerTailQuantile(1 - p)
    }

    /// Q⁻¹(p): the x with Q(x) = p, accurate for tiny p (e.g. Q⁻¹(1e-300) ≈ 37.0).
    public static func inverseQ(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        return p <= 0.5 ? -lowerTailQuantile(p) : lowerTailQuantile(1 - p)
    }

    /// Inverse error function: erf(erfinv(y)) = y on (−1, 1); ±∞ at ±1; NaN outside.
    public static func erfinv(_ y: Double) -> Double {
        guard y >= -1, y <= 1 else { return .nan }
        if y == 0 { return y }
        let sign: Double = y < 0 ? -1 : 1
        let a = abs(y)
        let derivativeScale = 2 / Double.pi.squareRoot()
        var x: Double
        if a < 0.5 {
            // (1 + a)/2 loses the low bits of small a: polish with Newton on erf itself.
            x = inverseCDF(0.5 * (1 + a)) * inverseSqrt2
            for _ in 0..<2 { x -= (erf(x) - a) / (derivativeScale * exp(-x * x)) }
        } else {
            // erfc(x) = 1 − a, with 1 − a exact for a ≥ ½; erfc(x) = 2 Q(x √2).
            let t = 1 - a
            if t == 0 { return sign * .infinity }
            x = inverseQ(0.5 * t) * inverseSqrt2
            for _ in 0..<2 { x += (erfc(x) - t) / (derivativeScale * exp(-x * x)) }
        }
        return sign * x
    }

    /// Φ⁻¹(p) for p ≤ ½: Acklam's rational start (rel. error 1.2e-9), then Halley steps on
    /// the lower-tail-accurate Φ, giving full double precision.
    static func lowerTailQuantile(_ p: Double) -> Double {
        if p == 0 { return -.infinity }
        if p == 0.5 { return 0 }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                 3.754408661907416e+00]
        var x: Double
        if p < 0.02425 {
            let r = (-2 * log(p)).squareRoot()
            x = (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5])
                / ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1)
        } else {
            let s = p - 0.5
            let r = s * s
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * s
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        for _ in 0..<2 {
            let density = pdf(x)
            guard density > 0 else { break }
            let u = (cdf(x) - p) / density
            x -= u / (1 + 0.5 * x * u)
        }
        return x
    }
}
