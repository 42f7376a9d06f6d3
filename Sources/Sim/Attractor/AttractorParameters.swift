// Parameters and scales of the Figure-2 attractor sweep (docs/methods.md §1.10).

import Foundation

/// The full parameter set of one attractor point; it keys the cached result.
public struct AttractorParameters: Codable, Sendable, Equatable {
    public var scale: String
    public var n: Int
    public var m: Int
    public var f: Double
    public var z: Int
    public var alpha: Double
    /// α as typed on the command line (names the result directory).
    public var alphaText: String
    public var eta: Double
    public var etaTheta: Double
    public var length: Double
    public var u0: Double
    /// Recorded for completeness: θ is set by the bias rule of docs/methods.md §1.5 before training.
    public var theta0: Double
    public var beta: Double
    public var maxEpochs: Int
    public var convergenceInterval: Int
    public var seed: UInt64
    /// Base noise levels p = linspace(0, noiseMax, noiseLevels).
    public var noiseLevels: Int
    public var noiseMax: Double
    /// Level used per noise type = factor · p.
    public var noiseFactors: [String: Double]
    public var nTests: Int
    public var nSteps: [Int]
    /// Whether W and U[:,:,0] are saved (the α = 0.33 point).
    public var saveMatrices: Bool

    enum CodingKeys: String, CodingKey {
        case scale, n, m, f, z, alpha, alphaText = "alpha_text", eta, etaTheta = "eta_theta", length = "L", u0,
             theta0, beta, maxEpochs = "max_epochs", convergenceInterval = "convergence_interval", seed,
             noiseLevels = "noise_levels", noiseMax = "noise_max", noiseFactors = "noise_factors",
             nTests = "n_tests", nSteps = "n_steps", saveMatrices = "save_matrices"
    }

    /// α as the typed key of its point (its text, which names the result directory).
    public var load: AttractorLoad { AttractorLoad(text: alphaText) ?? AttractorLoad(alpha) }

    public var trainingConfig: AttractorTrainingConfig {
        AttractorTrainingConfig(eta: Float(eta), etaTheta: Float(etaTheta), length: length, beta: Float(beta),
                                maxEpochs: maxEpochs, convergenceInterval: convergenceInterval)
    }

    /// p = linspace(0, noiseMax, noiseLevels).
    public var baseLevels: [Double] {
        guard noiseLevels > 1 else { return [0] }
        return (0..<noiseLevels).map { noiseMax * Double($0) / Double(noiseLevels - 1) }
    }

    /// The coding level of every attractor network (balanced patterns, docs/methods.md §1).
    public static let f = 0.5
}

/// A scale: network size, sweep resolution and epoch bound.
///
/// - `paper`: docs/methods.md §1.10 exactly: N = 1000, 200 noise levels, 20 tests, steps 1 and 50, epoch
///   bound 500·M·{25, 30, 25, 25}, convergence test every 10⁴ epochs.
/// - `default`: N = 200 (M = round(αN) = 16…140), L scaled with N (L·N/1000, so weights
///   have the paper's typical size), η and η_θ doubled (× 1.5 for z = 4), an epoch bound of
///   2·10⁵ (for z ≥ 3: max(2·10⁵, 7000·M), up to 9.8·10⁵ at α = 0.7), convergence test every
///   10⁴ epochs, 100 noise levels × 4 tests (the paper's level spacing matters more for the
///   max-noise panels than the number of draws), steps 1 and 50.
///   Why: at the paper's rates a z = 4 network at α = 0.7 still prunes slowly after 2·10⁵
///   epochs (density 0.74); doubling the rates brings z ≤ 3 within 2·10⁵ epochs at low loads
///   and z = 3 at α = 0.7 converges at 3.4·10⁵ (density 0.336). For z = 4 at α = 0.7 doubled
///   rates never reach zero training error (0.38% errors after 10⁶ epochs, density 0.310),
///   while × 1.5 converges at 7.9·10⁵ epochs (density 0.303; × 1: 8.6·10⁵, 0.304; the paper
///   shows ≈ 0.30). z ≤ 2 keep 2·10⁵: z = 1 stays at density ½ and z = 2 is on its L1
///   theory line by then.
/// - `tiny`: N = 60 for tests and CI (a few seconds per point): L scaled with N, 6 noise
///   levels, 3 tests, epoch bound 20·M·{25, 30, 25, 25}, convergence test every 10³ epochs.
///
/// Every scale uses the α grid of docs/methods.md §1.10, so α = 0.33 (whose W and U[:,:,0] are saved)
/// exists at every scale.
public struct AttractorScale: Sendable {
    public var name: String
    public var n: Int
    public var scaleLengthWithN: Bool
    public var noiseLevels: Int
    public var nTests: Int
    public var epochFactor: Int
    public var minEpochs: Int
    public var convergenceInterval: Int
    /// Multiplies η and η_θ of docs/methods.md §1.10 (1 at paper scale).
    public var etaScale: Double = 1
    /// Per-z replacements of `etaScale`.
    public var etaScaleByZ: [Int: Double] = [:]
    /// For z ≥ 3 the epoch bound is at least this many epochs per pattern (0: off).
    public var slowPruningEpochsPerPattern: Int = 0

    public static let paper = AttractorScale(name: "paper", n: 1000, scaleLengthWithN: false, noiseLevels: 200,
                                             nTests: 20, epochFactor: 500, minEpochs: 0, convergenceInterval: 10_000,
                                             etaScale: 1)
    public static let `default` = AttractorScale(name: "default", n: 200, scaleLengthWithN: true, noiseLevels: 100,
                                                 nTests: 4, epochFactor: 0, minEpochs: 200_000,
                                                 convergenceInterval: 10_000, etaScale: 2, etaScaleByZ: [4: 1.5],
                                                 slowPruningEpochsPerPattern: 7000)
    /// The paper's network size with the default scale's shortened training (docs/methods.md §1.10).
    public static let large: AttractorScale = {
        var s = AttractorScale.default
        s.name = "large"
        s.n = 1000
        return s
    }()
    public static let tiny = AttractorScale(name: "tiny", n: 60, scaleLengthWithN: true, noiseLevels: 6,
                                            nTests: 3, epochFactor: 20, minEpochs: 2_000, convergenceInterval: 1_000,
                                            etaScale: 1)
    public static let all = [paper, large, `default`, tiny]

    public static func named(_ name: String) -> AttractorScale? { all.first { $0.name == name } }

    /// Per-z constants of docs/methods.md §1.10 (z > 4 reuses the z = 4 values).
    public static func eta(z: Int) -> Double { [1e-4, 5e-3, 7e-3, 7e-3][min(z, 4) - 1] }
    public static func etaTheta(z: Int) -> Double { [1e-3, 5e-3, 7e-3, 7e-3][min(z, 4) - 1] }
    public static func length(z: Int) -> Double { [10, 20, 50, 50][min(z, 4) - 1] }
    public static func epochMultiplier(z: Int) -> Int { [25, 30, 25, 25][min(z, 4) - 1] }

    /// The parameters of point (z, α) at this scale; `n`/`maxEpochs` override the scale.
    public func parameters(z: Int, load: AttractorLoad, seed: UInt64 = 100,
                           n nOverride: Int? = nil, maxEpochs: Int? = nil, etaScale etaOverride: Double? = nil) -> AttractorParameters {
        let etaScale = etaOverride ?? etaScaleByZ[z] ?? self.etaScale
        let n = nOverride ?? self.n
        let alpha = load.value
        let m = Int((alpha * Double(n)).rounded())
        let length = AttractorScale.length(z: z) * (scaleLengthWithN ? Double(n) / 1000 : 1)
        let epochs = maxEpochs ?? max(minEpochs, epochFactor * m * AttractorScale.epochMultiplier(z: z),
                                      z >= 3 ? slowPruningEpochsPerPattern * m : 0)
        return AttractorParameters(
            scale: name, n: n, m: m, f: AttractorParameters.f, z: z, alpha: alpha, alphaText: load.text,
            eta: AttractorScale.eta(z: z) * etaScale, etaTheta: AttractorScale.etaTheta(z: z) * etaScale, length: length, u0: 0.1,
            theta0: 0, beta: 100, maxEpochs: epochs, convergenceInterval: convergenceInterval, seed: seed,
            noiseLevels: noiseLevels, noiseMax: 0.49,
            noiseFactors: ["neural_iso": 1, "neural_balanced": 1, "synaptic_all": 0.1, "synaptic_first": 0.16,
                           "synaptic_first_alive": 0.2],
            nTests: nTests, nSteps: [1, 50], saveMatrices: abs(alpha - AttractorLoad.saved.value) < 1e-9)
    }
}
