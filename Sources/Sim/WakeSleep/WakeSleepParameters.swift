// Parameters and scales of the wake–sleep consolidation model (docs/methods.md §2).

import Foundation

/// Figure 3's two runs (docs/methods.md §2.1): M = 0.5 N ("high") and M = 0.2 N ("low").
public enum WakeSleepLoad: String, CaseIterable, Codable, Sendable {
    case high, low
    /// The load α = M/N.
    public var alpha: Double { self == .high ? 0.5 : 0.2 }
}

/// The full parameter set of one wake–sleep run; it keys the cached result.
public struct WakeSleepParameters: Codable, Sendable, Equatable {
    public var scale: String
    public var load: WakeSleepLoad
    public var n: Int
    public var m: Int
    public var f: Double
    public var z: Int
    public var u0: Double
    /// Recorded for completeness: θ is set by the bias rule of docs/methods.md §1.5 at the start of waking.
    public var theta0: Double
    public var length: Double
    public var etaWake: Double
    public var etaSleep: Double
    /// Asymptote of the sleep learning-rate ramp η_e = η + (etaMax − η)(1 − exp(−e/rampEpochs)).
    public var etaMax: Double
    public var rampEpochs: Double
    public var wakePasses: Int
    public var sleepEpochs: Int
    public var beta: Double
    public var seed: UInt64
    /// Number of log-spaced time points at which the full state is recorded.
    public var recordPoints: Int
    /// Per-pattern radii are kept for the states at the start of sleep epochs 0..<radiusEpochs.
    public var radiusEpochs: Int
    /// Sleep epochs whose start-of-epoch weight matrix is saved (0 = before the rescale).
    public var snapshotEpochs: [Int]
    /// Tolerance curves: p = linspace(0, toleranceMax, toleranceLevels) / N.
    public var toleranceLevels: Int
    public var toleranceMax: Double
    public var toleranceTests: Int
    public var toleranceSteps: Int
    /// Level per noise type = factor · p.
    public var toleranceFactors: [String: Double]

    enum CodingKeys: String, CodingKey {
        case scale, load, n, m, f, z, u0, theta0, length = "L", etaWake = "eta_wake", etaSleep = "eta_sleep",
             etaMax = "eta_max", rampEpochs = "ramp_epochs", wakePasses = "wake_passes",
             sleepEpochs = "sleep_epochs", beta, seed, recordPoints = "record_points",
             radiusEpochs = "radius_epochs", snapshotEpochs = "snapshot_epochs",
             toleranceLevels = "tolerance_levels", toleranceMax = "tolerance_max",
             toleranceTests = "tolerance_tests", toleranceSteps = "tolerance_steps",
             toleranceFactors = "tolerance_factors"
    }

    /// Active units per pattern ("exact" patterns): round(N f).
    public var activeCount: Int { Int((Double(n) * f).rounded()) }

    /// Sleep learning rate of epoch e (docs/methods.md §2.5); z = 1 keeps η_sleep.
    public func sleepRate(epoch e: Int) -> Float {
        if z == 1 { return Float(etaSleep) }
        return Float(etaSleep + (etaMax - etaSleep) * (1 - Foundation.exp(-Double(e) / rampEpochs)))
    }

    /// Base noise levels p = linspace(0, toleranceMax, toleranceLevels) / N.
    public var toleranceBaseLevels: [Double] {
        guard toleranceLevels > 1 else { return [0] }
        return (0..<toleranceLevels).map { toleranceMax * Double($0) / Double(toleranceLevels - 1) / Double(n) }
    }

    /// The noise types of the tolerance curves, in a fixed order.
    public static let toleranceTypes: [NoiseType] = [.neuralBalanced, .synapticAll, .synapticFirst]

    /// Checks the values a user can set; throws a message naming the parameter.
    public func validate() throws {
        func fail(_ s: String) -> WakeSleepError { .invalid(s) }
        if n < 10 { throw fail("n must be >= 10 (got \(n))") }
        if !(f > 0 && f < 0.5) { throw fail("f must be in (0, 0.5) (got \(f))") }
        if activeCount < 1 || activeCount >= n { throw fail("round(N f) must be in 1..<N") }
        if m < 1 { throw fail("M must be >= 1 (got \(m))") }
        if z != 2 { throw fail("z must be 2 (the only factor count of §2; got \(z))") }
        if wakePasses < 1 { throw fail("wake passes must be >= 1") }
        if sleepEpochs < 0 { throw fail("sleep epochs must be >= 0 (got \(sleepEpochs))") }
        if recordPoints < 2 { throw fail("record points must be >= 2") }
    }
}

public enum WakeSleepError: Error, CustomStringConvertible {
    case invalid(String)
    case nothingStored
    case checkpoint(String)

    public var description: String {
        switch self {
        case .invalid(let s): return s
        case .nothingStored: return "no pattern is a fixed point after waking; nothing to consolidate"
        case .checkpoint(let s): return "checkpoint: \(s)"
        }
    }
}

/// A scale of the wake–sleep runs.
///
/// - `paper`: docs/methods.md §2.1 exactly (N = 1000, 35 wake passes, 10⁵ sleep epochs, tolerance on 200
///   levels × 20 tests × 50 steps).
/// - `default`: the paper's network (N = 1000, f = 0.05, same M, same wake) with 10⁴ sleep
///   epochs — density and margins have settled by then in the paper runs (Fig. 3 panel 04) —
///   and coarser tolerance curves (50 levels × 5 tests). Both loads together take about 10
///   minutes on 2 cores.
/// - `tiny`: N = 400 (20 active units), L scaled with N, the paper's 35 wake passes, 300
///   sleep epochs, 6 tolerance levels × 2 tests: seconds, for tests and CI.
public struct WakeSleepScale: Sendable {
    public var name: String
    public var n: Int
    public var wakePasses: Int
    public var sleepEpochs: Int
    public var recordPoints: Int
    public var toleranceLevels: Int
    public var toleranceTests: Int
    public var scaleLengthWithN: Bool

    public static let paper = WakeSleepScale(name: "paper", n: 1000, wakePasses: 35, sleepEpochs: 100_000,
                                             recordPoints: 2000, toleranceLevels: 200, toleranceTests: 20,
                                             scaleLengthWithN: false)
    public static let `default` = WakeSleepScale(name: "default", n: 1000, wakePasses: 35, sleepEpochs: 10_000,
                                                 recordPoints: 2000, toleranceLevels: 50, toleranceTests: 5,
                                                 scaleLengthWithN: false)
    /// `large` differs from `default` in Figure 2 only (N = 1000); Figure 3 is already N = 1000.
    public static let large = WakeSleepScale(name: "large", n: 1000, wakePasses: 35, sleepEpochs: 10_000,
                                             recordPoints: 2000, toleranceLevels: 50, toleranceTests: 5,
                                             scaleLengthWithN: false)
    public static let tiny = WakeSleepScale(name: "tiny", n: 400, wakePasses: 35, sleepEpochs: 300,
                                            recordPoints: 200, toleranceLevels: 6, toleranceTests: 2,
                                            scaleLengthWithN: true)
    public static let all = [paper, large, `default`, tiny]
    public static func named(_ s: String) -> WakeSleepScale? { all.first { $0.name == s } }

    public func parameters(load: WakeSleepLoad, seed: UInt64 = 700, sleepEpochs epochs: Int? = nil) -> WakeSleepParameters {
        WakeSleepParameters(
            scale: name, load: load, n: n, m: Int((load.alpha * Double(n)).rounded()), f: 0.05, z: 2, u0: 0.6, theta0: 1.0,
            length: 70 * (scaleLengthWithN ? Double(n) / 1000 : 1), etaWake: 1e-2, etaSleep: 1e-2, etaMax: 0.4,
            rampEpochs: 40, wakePasses: wakePasses, sleepEpochs: epochs ?? sleepEpochs, beta: 20, seed: seed,
            recordPoints: recordPoints, radiusEpochs: 500, snapshotEpochs: [0, 100, 200, 500],
            toleranceLevels: toleranceLevels, toleranceMax: 49, toleranceTests: toleranceTests, toleranceSteps: 50,
            toleranceFactors: ["neural_balanced": 1, "synaptic_all": 3, "synaptic_first": 4])
    }
}
