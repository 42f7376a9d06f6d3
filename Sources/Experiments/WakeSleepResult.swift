// Typed reading of one `simulate wake-sleep` result (Figure 3). What each array holds:
// docs/results.md.

import Foundation
import Sim

public struct WakeSleepResult: Sendable {
    public let load: WakeSleepLoad
    public let stored: StoredResult
    public let parameters: WakeSleepParameters
    public var n: Int { parameters.n }
    public var m: Int { parameters.m }
    public var f: Double { parameters.f }
    public var wakePasses: Int { parameters.wakePasses }
    public var sleepEpochs: Int { parameters.sleepEpochs }
    public var seed: UInt64 { parameters.seed }

    public init(directory: URL, load: WakeSleepLoad) throws {
        self.load = load
        stored = try ResultStore.load(directory)
        guard stored.sidecar.model == WakeSleepModel.model else {
            throw ResultError.corrupt(path: directory.path,
                                      reason: "holds a '\(stored.sidecar.model)' result, not \(WakeSleepModel.model)")
        }
        let data = try JSONEncoder().encode(stored.sidecar.parameters)
        parameters = try JSONDecoder().decode(WakeSleepParameters.self, from: data)
    }

    /// The run of `load` under `results` (data/results/<scale>).
    public static func load(results: URL, scale: Scale, load: WakeSleepLoad, seed: UInt64) throws -> WakeSleepResult {
        let point = SimulationPoint.wakeSleep(scale: scale, load: load, seed: seed)
        return try WakeSleepResult(directory: point.directory(inScaleFolder: results),
                                   load: load)
    }

    /// From a tolerance test's base level p to the paper's units, as a multiplier: the units
    /// of one unit of p (`NoiseType.paperUnits` of the stored factor, `tolerance_factors`;
    /// the conversion is linear).
    public func noiseScale(_ type: NoiseType) throws -> Double {
        guard let factor = parameters.toleranceFactors[type.rawValue] else {
            throw ResultError.corrupt(path: stored.directory.path, reason: "no tolerance_factors.\(type.rawValue) in the parameters")
        }
        return type.paperUnits(level: factor, f: f)
    }

    public func array(_ name: String) throws -> NDArray { try stored.array(name) }
    public func doubles(_ name: String) throws -> [Double] { try stored.array(name).doubles }
    public func floats(_ name: String) throws -> [Float] { try stored.array(name).floats }
    /// A recorded time series (one value per recorded time step, see `time`).
    public func series(_ name: String) throws -> [Double] { try doubles("series_\(name)") }
    public func has(_ name: String) -> Bool { stored.sidecar.arrays[name] != nil }

    /// Recorded time steps: wake presentations count 1/M, sleep epochs 1.
    public var time: [Double] { (try? doubles("record_t")) ?? [] }
    /// Indices of the patterns kept after waking (the stored memories).
    public var kept: [Int] { ((try? doubles("kept")) ?? []).map { Int($0) } }

    /// All M patterns and the stored subset.
    public func patterns() throws -> SparsePatterns {
        SparsePatterns.fromMatrix(n: n, m: m, f: f, values: try doubles("patterns"))
    }
    public func storedPatterns() throws -> SparsePatterns { try patterns().subset(kept) }

    /// A weight matrix (row-major N×N) by result name.
    public func weights(_ name: String) throws -> [Float] { try floats(name) }
}
