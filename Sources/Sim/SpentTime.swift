// The CPU and wall time one result cost, over every process that worked on it: a run stopped
// by a time limit and resumed from its checkpoint is made by several, and its result must
// record what all of them spent (the cost model is checked against it, docs/benchmarks.md).

import Foundation

/// Seconds spent on one run by `processes` processes.
public struct SpentTime: Codable, Sendable, Equatable {
    public var cpuSeconds: Double
    public var wallSeconds: Double
    public var processes: Int

    public init(cpuSeconds: Double, wallSeconds: Double, processes: Int) {
        self.cpuSeconds = cpuSeconds; self.wallSeconds = wallSeconds; self.processes = processes
    }

    enum CodingKeys: String, CodingKey {
        case cpuSeconds = "cpu_seconds", wallSeconds = "wall_seconds", processes
    }
}

/// This process's share of a run, from when it started (or resumed) the run, added to what
/// earlier processes spent (read from the checkpoint it resumed).
public struct RunClock: Sendable {
    let cpuStart = ProcessCPU.seconds()
    let wallStart = Date()
    /// What earlier processes spent; nil for a run started here.
    public var earlier: SpentTime?

    public init(earlier: SpentTime? = nil) { self.earlier = earlier }

    /// Everything spent so far, this process included (what a checkpoint records).
    public var total: SpentTime {
        SpentTime(cpuSeconds: (earlier?.cpuSeconds ?? 0) + ProcessCPU.seconds() - cpuStart,
                  wallSeconds: (earlier?.wallSeconds ?? 0) + Date().timeIntervalSince(wallStart),
                  processes: (earlier?.processes ?? 0) + 1)
    }
}
