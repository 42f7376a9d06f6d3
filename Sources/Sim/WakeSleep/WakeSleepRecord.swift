// The recordings of docs/methods.md §2.6, growing during a run and (de)serialised as named arrays for the
// cached result and for checkpoints.

import Foundation

public struct WakeSleepRecord: Sendable {
    public let n: Int
    /// Global step of each record: wake presentation s (t = s/M) or s = P + e for the state
    /// at the start of sleep epoch e (t = passes + e), P = passes·M.
    public var step: [Int64] = []
    public var time: [Double] = []
    /// Scalar series at the record points (StateScalars.names + corr_within, corr_across).
    public var series: [String: [Double]] = [:]
    /// W[0, :] at every record point (R×N).
    public var incoming0: [Float] = []
    /// Cheap scalars at the start of every sleep epoch 0...E.
    public var epochSeries: [String: [Double]] = [:]
    /// Per-pattern radius at the start of sleep epochs 0..<radiusEpochs (rows of M_stored).
    public var radius: [Float] = []
    public var radiusRows = 0
    /// Named extra arrays (snapshots, θ, tolerance curves, patterns, ...).
    public var arrays: [String: NDArray] = [:]

    public static let epochNames = ["min_margin_mean", "l0_mean", "train_error", "capacity", "theta_mean"]

    public init(n: Int) { self.n = n }

    public var count: Int { time.count }

    mutating func append(step s: Int, time t: Double, scalars: [String: Double], incoming: [Float]) {
        step.append(Int64(s))
        time.append(t)
        for (k, v) in scalars { series[k, default: []].append(v) }
        incoming0 += incoming
    }

    mutating func appendEpoch(_ scalars: [String: Double]) {
        for k in WakeSleepRecord.epochNames { epochSeries[k, default: []].append(scalars[k] ?? .nan) }
    }

    mutating func appendRadius(_ r: [Float]) {
        radius += r
        radiusRows += 1
    }

    /// All recordings as named arrays.
    public func bundleArrays(storedCount: Int) -> [String: NDArray] {
        var out = arrays
        out["record_step"] = NDArray(step)
        out["record_t"] = NDArray(time)
        for (k, v) in series { out["series_\(k)"] = NDArray(v) }
        out["w0_trajectory"] = NDArray(incoming0, shape: [count, n])
        for (k, v) in epochSeries { out["epoch_\(k)"] = NDArray(v) }
        out["radius"] = NDArray(radius, shape: [radiusRows, storedCount])
        return out
    }

    /// Rebuilds the recordings from arrays written by `bundleArrays` (checkpoint resume).
    public init(n: Int, from stored: StoredResult) throws {
        self.n = n
        for name in stored.sidecar.arrays.keys {
            let a = try stored.array(name)
            if name == "record_step" {
                if case .int64(let v) = a.storage { step = v }
            } else if name == "record_t" { time = a.doubles
            } else if name.hasPrefix("series_") { series[String(name.dropFirst(7))] = a.doubles
            } else if name == "w0_trajectory" { incoming0 = a.floats
            } else if name.hasPrefix("epoch_") { epochSeries[String(name.dropFirst(6))] = a.doubles
            } else if name == "radius" { radius = a.floats; radiusRows = a.shape[0]
            } else if !name.hasPrefix("state_") { arrays[name] = a }
        }
    }
}
