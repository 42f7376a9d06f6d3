/// Noise scale c of the neural SNR κ/c used by the Figure 2 panels (published notebooks):
///   c = sqrt(f_n + ¼ (1 − 2f)/(f (1 − f)) f_n²),
/// where `fNoise` = f_n is the neural-noise flip level (the paper uses f_n = 0.03 f).
/// f = ½ gives c = sqrt(f_n).
public func neuralNoiseScale(f: Double, fNoise: Double) -> Double {
    (fNoise + 0.25 * (1 - 2 * f) / (f * (1 - f)) * fNoise * fNoise).squareRoot()
}
