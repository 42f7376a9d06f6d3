// `simulate status` (`make status`): one line per simulation point of a scale's sweeps —
// done (wall and CPU time), running (stage, fraction of its bound, ETA), queued (Slurm),
// interrupted (a checkpoint waits), failed (log and last error), missing — and a total.
// Works with or without Slurm: the queue is asked only when `squeue` answers.

import ArgumentParser
import Experiments
import Foundation
import Sim

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Where every simulation point of a scale stands (make status).")

    @Option(help: "Scale: tiny, default, large or paper.") var scale: Scale = .default
    @Option(parsing: .upToNextOption, help: "Figure 2 seeds.") var seeds: [UInt64] = Figure2Sweep.defaultSeeds
    @Option(parsing: .upToNextOption, help: "Sweeps to show: figure2 figure3 figure5-6 finite-size (default: the three figures).")
    var sweeps: [String] = ["figure2", "figure3", "figure5-6"]
    @Option(help: "Folder of the Slurm submissions (manifests <job>.points).") var slurmDir: String = SlurmQueue.defaultDirectory

    func points() throws -> [(sweep: String, point: SimulationPoint)] {
        try sweeps.flatMap { s -> [(String, SimulationPoint)] in
            switch s {
            case "figure2": return Figure2Sweep.points(scale: scale, seeds: seeds).map { (s, $0) }
            case "figure3": return Figure3Sweep.points(scale: scale).map { (s, $0) }
            case "figure5-6": return [(s, Figure56Sweep.point(scale: scale))]
            case "finite-size": return FiniteSizeStudy.points(seeds: seeds).map { (s, $0) }
            default: throw ValidationError("--sweeps: unknown sweep '\(s)' (figure2, figure3, figure5-6, finite-size)")
            }
        }
    }

    func run() throws {
        let queue = SlurmQueue.read(directory: slurmDir)
        var counts: [String: Int] = [:]
        var cpu = 0.0, wall = 0.0, toRun = 0.0
        for (sweep, point) in try points() {
            let s = PointStatus.of(point, queue: queue)
            counts[s.kind, default: 0] += 1
            var line = "\(sweep)\t\(point.directory())\t\(s)"
            switch s {
            case .done(let run): wall += run.wallSeconds; cpu += run.cpuOrWallSeconds
            case .running: break
            default:
                // Not done: what the cost model expects a fresh run to take (an interrupted
                // point resumes from its checkpoint, so it is counted in full, an overestimate).
                if let c = CostModel.cost(point) { toRun += c.expected; line += " (expected \(Progress.format(c.expected)) CPU)" }
            }
            print(line)
        }
        let order = ["done", "running", "queued", "interrupted", "failed", "missing"]
        print("total: " + order.compactMap { k in counts[k].map { "\($0) \(k)" } }.joined(separator: ", ")
              + String(format: "; done points took %.2f CPU-hours (%.2f h wall)", cpu / 3600, wall / 3600)
              + (toRun > 0 ? String(format: "; the points not done are expected to take %.2f CPU-hours (interrupted ones in full)", toRun / 3600) : "")
              + (queue.available ? "" : " (no Slurm queue: queued/running on a cluster not shown)"))
    }
}

/// Where one point stands.
enum PointStatus: CustomStringConvertible {
    case done(ResultSidecar.RunInfo)
    case running(stage: String, done: Double, total: Double, eta: Double?, where: String)
    case queued(job: String)
    case interrupted(detail: String)
    case failed(error: String, log: String?)
    case missing

    var kind: String {
        switch self {
        case .done: return "done"
        case .running: return "running"
        case .queued: return "queued"
        case .interrupted: return "interrupted"
        case .failed: return "failed"
        case .missing: return "missing"
        }
    }

    var description: String {
        switch self {
        case .done(let run):
            return "done\twall \(Progress.format(run.wallSeconds))" + (run.cpuSeconds.map { ", CPU \(Progress.format($0))" } ?? "")
        case .running(let stage, let done, let total, let eta, let place):
            let fraction = total > 0 ? String(format: " (%.0f%% of its bound)", 100 * done / total) : ""
            return "running\t\(stage) \(Int(done))/\(Int(total))\(fraction)" + (eta.map { ", ETA \(Progress.format($0))" } ?? "")
                + " [\(place)]"
        case .queued(let job): return "queued\tSlurm job \(job)"
        case .interrupted(let d): return "interrupted\t\(d) (rerun resumes)"
        case .failed(let e, let log): return "failed\t\(e)" + (log.map { " (log \($0))" } ?? "")
        case .missing: return "missing"
        }
    }

    static func of(_ point: SimulationPoint, queue: SlurmQueue) -> PointStatus {
        let dir = URL(fileURLWithPath: point.directory())
        let m = PointMarkers(resultDirectory: dir)
        let fm = FileManager.default
        if let stored = try? ResultStore.load(dir) {
            return .done(stored.sidecar.run)
        }
        let state = queue.state(of: point.directory())
        if let r = PointMarkers.read(m.running) {
            func num(_ k: String) -> Double? { if case .number(let x)? = r[k] { return x }; return nil }
            func str(_ k: String) -> String? { if case .string(let x)? = r[k] { return x }; return nil }
            let host = str("host") ?? "?", pid = str("pid").flatMap { Int32($0) }
            // Alive: Slurm says so, or the process exists on this host.
            let local = host == ProcessInfo.processInfo.hostName && pid.map { kill($0, 0) == 0 } == true
            if state?.state == "RUNNING" || local {
                return .running(stage: str("stage") ?? "?", done: num("done") ?? 0, total: num("total") ?? 0,
                                eta: num("eta_seconds"), where: str("slurm_job").map { "Slurm \($0) on \(host)" } ?? "pid \(pid ?? 0) on \(host)")
            }
        }
        if let s = state, s.state == "PENDING" || s.state == "REQUEUED" || s.state == "CONFIGURING" { return .queued(job: s.job) }
        if let s = state, s.state == "RUNNING" { return .running(stage: "starting", done: 0, total: 0, eta: nil, where: "Slurm \(s.job)") }
        if let f = PointMarkers.read(m.failed) {
            func str(_ k: String) -> String? { if case .string(let x)? = f[k] { return x }; return nil }
            return .failed(error: str("error") ?? "?", log: str("log"))
        }
        if fm.fileExists(atPath: m.checkpoint.path) {
            let age = (try? fm.attributesOfItem(atPath: m.checkpoint.path))?[.modificationDate] as? Date
            return .interrupted(detail: "checkpoint" + (age.map { " from " + ISO8601DateFormatter().string(from: $0) } ?? ""))
        }
        return .missing
    }
}

/// The Slurm queue as far as this suite submitted it: manifests `<job>.points` (one result
/// directory per line; line k is array task k) and `squeue`'s answer.
struct SlurmQueue {
    static let defaultDirectory = "data/slurm"
    var available = false
    /// result directory → (job id "123_4", state)
    var states: [String: (job: String, state: String)] = [:]

    func state(of directory: String) -> (job: String, state: String)? { states[directory] }

    static func read(directory: String) -> SlurmQueue {
        var q = SlurmQueue()
        guard let out = CommandOutput.run(["squeue", "-h", "-r", "-o", "%i %T"]) else { return q }
        q.available = true
        var manifests: [String: [String]] = [:]
        for line in out.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2 else { continue }
            let id = String(parts[0]), state = String(parts[1])
            let jt = id.split(separator: "_")
            guard jt.count == 2, let task = Int(jt[1]) else { continue }
            let job = String(jt[0])
            if manifests[job] == nil {
                let file = URL(fileURLWithPath: directory).appendingPathComponent("\(job).points")
                manifests[job] = (try? String(contentsOf: file, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
            }
            if let list = manifests[job], task < list.count { q.states[list[task]] = (id, state) }
        }
        return q
    }
}
