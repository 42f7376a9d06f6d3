// The hidden files beside a result directory that say where its computation stands, for
// `simulate status` (and a cluster's view of a sweep):
//   .<name>.checkpoint  the last checkpoint (training or sleep state)
//   .<name>.running     written while it runs: pid, host, Slurm job, stage, done/total, ETA
//   .<name>.failed      the last failure: error line, exit, log, time
// A result directory itself exists only when complete (ResultStore writes it atomically).

import Foundation
import Sim

public struct PointMarkers: Sendable {
    public let resultDirectory: URL

    public init(resultDirectory: URL) { self.resultDirectory = resultDirectory }

    var parent: URL { resultDirectory.deletingLastPathComponent() }
    var name: String { resultDirectory.lastPathComponent }
    public var checkpoint: URL { parent.appendingPathComponent(".\(name).checkpoint") }
    public var running: URL { parent.appendingPathComponent(".\(name).running") }
    public var failed: URL { parent.appendingPathComponent(".\(name).failed") }

    /// This process's identity, as the running marker records it.
    public static var identity: [String: String] {
        let env = ProcessInfo.processInfo.environment
        var fields = ["pid": "\(getpid())", "host": ProcessInfo.processInfo.hostName]
        if let job = env["SLURM_ARRAY_JOB_ID"], let task = env["SLURM_ARRAY_TASK_ID"] { fields["slurm_job"] = "\(job)_\(task)" }
        else if let job = env["SLURM_JOB_ID"] { fields["slurm_job"] = job }
        if let log = env["POINT_LOG"] { fields["log"] = log }
        return fields
    }

    /// Marks the point as running and mirrors progress updates into the marker.
    public func startRunning() throws {
        try? FileManager.default.removeItem(at: failed)
        Progress.statusFields = Self.identity
        Progress.statusFile = running
        Progress("start", enabled: false).update(done: 0, total: 0, force: true)
    }

    public func stopRunning() {
        Progress.statusFile = nil
        try? FileManager.default.removeItem(at: running)
    }

    public func finish() {
        stopRunning()
        try? FileManager.default.removeItem(at: failed)
    }

    /// Records a failure (its first line: the error).
    public func fail(_ error: String, exitCode: Int = 1) {
        stopRunning()
        var fields: [String: JSONValue] = Self.identity.mapValues { .string($0) }
        fields["error"] = .string(error.split(separator: "\n").first.map(String.init) ?? error)
        fields["exit"] = .number(Double(exitCode))
        fields["time"] = .string(ISO8601DateFormatter().string(from: Date()))
        if let data = try? JSONEncoder().encode(JSONValue.object(fields)) { try? AtomicFile.write(data, to: failed) }
    }

    /// A marker's JSON fields (nil when absent or unreadable).
    public static func read(_ url: URL) -> [String: JSONValue]? {
        guard let data = try? Data(contentsOf: url), let v = try? JSONDecoder().decode(JSONValue.self, from: data),
              case .object(let o) = v else { return nil }
        return o
    }
}
