// Parameters of the intrinsic-fluctuation simulation (docs/methods.md §3).

public enum FluctuationScale: String, Codable, Sendable, CaseIterable {
    /// Paper: 1000 synapses, T = 999.
    case paper
    /// For tests and smoke runs: 100 synapses, T = 40.
    case tiny

    public var defaultSynapses: Int { self == .paper ? 1000 : 100 }
    public var defaultDuration: Int { self == .paper ? 999 : 40 }
}

public struct FluctuationParameters: Codable, Sendable, Equatable {
    /// Number of factors per synapse, one population per value.
    public var zValues: [Int] = [1, 2, 3, 4, 5]
    /// Synapses per population.
    public var synapses: Int
    /// Duration in time units; w is sampled at the end of every unit (T samples).
    public var duration: Int
    public var dt: Double = FluctuationParameters.defaultDt
    /// Euler step of the paper. Smaller steps are an option (see `simulate fluctuations --dt`).
    public static let defaultDt = 5e-3
    public var sigma: Double = 0.05
    public var tau: Double = 30
    public var kappa: Double = 0.5
    /// Drift of the fast factor.
    public var drift: Double = 0.1
    /// Gain of the homeostatic term.
    public var homeostasisGain: Double = 10
    /// Target of the homeostatic term: mean of w^{2/z} over alive synapses.
    public var w0: Double = 1
    public var seed: UInt64

    public init(synapses: Int, duration: Int, seed: UInt64) {
        self.synapses = synapses
        self.duration = duration
        self.seed = seed
    }

    public init(scale: FluctuationScale, seed: UInt64, synapses: Int? = nil, duration: Int? = nil) {
        self.init(synapses: synapses ?? scale.defaultSynapses, duration: duration ?? scale.defaultDuration, seed: seed)
    }

    /// Euler steps per sample (1 time unit).
    public var stepsPerSample: Int { Int((1 / dt).rounded()) }
    public var samples: Int { duration }

    /// Throws a message naming the bad parameter.
    public func validate() throws {
        func bad(_ s: String) -> FluctuationError { .invalidParameter(s) }
        guard synapses >= 1 else { throw bad("synapses must be ≥ 1 (got \(synapses))") }
        guard duration >= 1 else { throw bad("T must be ≥ 1 (got \(duration))") }
        guard !zValues.isEmpty, zValues.allSatisfy({ $0 >= 1 && $0 <= 16 }) else {
            throw bad("z values must lie in 1…16 (got \(zValues))")
        }
        guard dt > 0, dt <= 1, abs(1 / dt - (1 / dt).rounded()) < 1e-9 else {
            throw bad("dt must divide the time unit (got \(dt))")
        }
        guard sigma >= 0, tau > 0, w0 > 0 else { throw bad("sigma ≥ 0, tau > 0 and w0 > 0 required") }
    }
}

public enum FluctuationError: Error, CustomStringConvertible {
    case invalidParameter(String)
    public var description: String {
        switch self { case .invalidParameter(let s): return "invalid parameter: \(s)" }
    }
}
