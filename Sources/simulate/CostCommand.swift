// `simulate cost`: what a point or a sweep will take, before or after it ran.

import ArgumentParser
import Experiments
import Foundation
import Sim

/// `simulate cost`: the cost model per point (dir, upper bound, MB, expected: RUNNER=slurm's
/// time limits), per sweep with totals and the wall time on K workers (README, Running at
/// scale), or (`--check`) beside the CPU time the points' results recorded.
struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "Predicted CPU seconds and memory: of result directories (dir, upper-bound seconds, MB, expected seconds per line), of a scale's sweeps with totals, or with --check against the results' measured CPU time.")

    @Argument(help: "Result directories (or their result.json).") var directories: [String] = []
    @Flag(help: "Set each directory's prediction beside the CPU seconds its result recorded (a table, and how many are within ±30%).")
    var check = false
    @Option(help: "Instead of directories: every point of this scale's sweeps.") var scale: Scale?
    @Option(parsing: .upToNextOption, help: "Sweeps (with --scale): figure2 figure3 figure5-6 finite-size.")
    var sweeps: [String] = ["figure2", "figure3", "figure5-6"]
    @Option(parsing: .upToNextOption, help: "Worker counts (nodes × cores) for the wall-time column.") var workers: [Int] = [2, 16, 64]
    @Option(parsing: .upToNextOption, help: "Nodes × cores per node as KxC (e.g. 16x16 64x16): wall-time bounds when a point may use every core of its node (ThreadScaling).")
    var nodes: [String] = []
    @Flag(name: .customLong("wall-table"), help: "Print docs/running.md's table of wall-time bounds (every scale and figure; the cost model alone, no result on disk counts).")
    var wallTable = false

    func run() throws {
        if check { return try CostCheck.run(directories) }
        if wallTable { return print(WallTable.markdown()) }
        guard let scale else {
            for d in directories {
                let point = try Self.point(d)
                guard let c = CostModel.cost(point) else { throw ValidationError("\(d): no cost model for this point") }
                print("\(point.directory())\t\(Int(c.seconds.rounded(.up)))\t\(c.memoryMB)\t\(Int(c.expected.rounded()))")
            }
            return
        }
        let grids = try nodes.map(Self.grid)
        var status = StatusCommand()
        status.scale = scale
        status.sweeps = sweeps
        status.seeds = Figure2Sweep.defaultSeeds
        status.slurmDir = SlurmQueue.defaultDirectory
        // Per sweep: (expected, bound) seconds of each point. A point that ran counts its
        // measured CPU time for both.
        var bySweep: [String: [(expected: Double, bound: Double)]] = [:]
        var pointsOf: [String: [(point: SimulationPoint, expected: Double)]] = [:]
        var measuredCount: [String: Int] = [:]
        for (sweep, point) in try status.points() {
            if let r = try? ResultStore.load(URL(fileURLWithPath: point.directory())) {
                let t = r.sidecar.run.cpuOrWallSeconds
                bySweep[sweep, default: []].append((t, t))
                pointsOf[sweep, default: []].append((point, t))
                measuredCount[sweep, default: 0] += 1
            } else {
                let c = CostModel.cost(point)
                bySweep[sweep, default: []].append((c?.expected ?? .nan, c?.seconds ?? .nan))
                pointsOf[sweep, default: []].append((point, c?.expected ?? .nan))
            }
        }
        for sweep in sweeps {
            let t = bySweep[sweep] ?? []
            let total = t.reduce(0) { $0 + $1.expected }, bound = t.reduce(0) { $0 + $1.bound }
            let longest = t.map(\.expected).max() ?? 0
            let f = Progress.format
            let walls = workers.map { k in "\(k) workers \(f(max(longest, total / Double(k))))" }
            print("\(scale.rawValue) \(sweep): \(t.count) points (\(measuredCount[sweep] ?? 0) measured), CPU \(f(total)) expected "
                  + "(at most \(f(bound))), longest point \(f(longest)); wall ≥ " + walls.joined(separator: ", "))
            for (k, c) in grids {
                let b = WallTable.wallBound((pointsOf[sweep] ?? []).map { ($0.point, $0.expected) }, nodes: k, cores: c)
                print("  \(k) nodes × \(c) cores: wall ≥ \(f(b.wall)) "
                      + "(CPU over \(k * c) cores \(f(b.cpuOverCores)); longest point on \(c) threads \(f(b.longestThreaded)))")
            }
        }
    }

    /// "KxC" (or K×C): K nodes of C cores.
    static func grid(_ text: String) throws -> (nodes: Int, cores: Int) {
        let parts = text.split(whereSeparator: { $0 == "x" || $0 == "×" }).compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0 else {
            throw ValidationError("--nodes: '\(text)' is not nodes × cores, e.g. 16x16")
        }
        return (parts[0], parts[1])
    }

    /// A directory argument without a trailing `/result.json`.
    static func directory(_ d: String) -> String {
        d.hasSuffix("/result.json") ? String(d.dropLast("/result.json".count)) : d
    }

    static func point(_ d: String) throws -> SimulationPoint {
        do { return try SimulationPoint(directory: directory(d)) } catch { throw ValidationError("\(error)") }
    }
}
