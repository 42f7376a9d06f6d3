// Gaussian integrals of a ramp, the building blocks of every capacity formula in
// docs/methods.md §5.1. With t ~ N(0, 1) and the threshold m:
//   A1(m) = E[(t − m)₊]  = φ(m) − m Q(m)
//   A2(m) = E[(t − m)₊²] = (1 + m²) Q(m) − m φ(m)
// and the pattern integrals of docs/methods.md §5.1 are the same functions mirrored:
//   I(x) = ∫_{−∞}^{x} Dt (x − t)² = A2(−x),   F(x) = x Φ(x) + φ(x) = A1(−x) = I'(x)/2.

/// Moments of the positive part of a shifted standard normal, (t − m)₊.
public enum GaussianRamp {
    /// A1(m) = E[(t − m)₊] = φ(m) − m Q(m). Decreasing, A1' = −Q.
    public static func firstMoment(threshold m: Double) -> Double {
        Normal.pdf(m) - m * Normal.q(m)
    }

    /// A2(m) = E[(t − m)₊²] = (1 + m²) Q(m) − m φ(m). Decreasing, A2' = −2 A1.
    public static func secondMoment(threshold m: Double) -> Double {
        (1 + m * m) * Normal.q(m) - m * Normal.pdf(m)
    }

    /// I(x) of docs/methods.md §5.1: ∫_{−∞}^{x} Dt (x − t)² = (1 + x²) Φ(x) + x φ(x).
    public static func integralI(_ x: Double) -> Double { secondMoment(threshold: -x) }

    /// F(x) of docs/methods.md §5.1: x Φ(x) + φ(x) = I'(x)/2.
    public static func integralF(_ x: Double) -> Double { firstMoment(threshold: -x) }
}
