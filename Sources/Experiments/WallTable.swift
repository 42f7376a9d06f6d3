// The "wall on K nodes × C cores" table of docs/running.md, from the cost model alone (no
// result on disk counts), so that the page and the code cannot disagree: a test compares
// the page's table with this one (`simulate cost --wall-table` prints it).

import Sim

public enum WallTable {
    public static let begin = "<!-- wall table: simulate cost --wall-table -->"
    public static let end = "<!-- end of wall table -->"
    /// Nodes × cores per node: this machine, and two cluster sizes.
    public static let grids: [(nodes: Int, cores: Int)] = [(1, 2), (16, 16), (64, 16)]
    public static let scales: [Scale] = [.default, .large, .paper]

    /// The points of one figure's sweep at `scale` (default seeds).
    static func points(_ figure: String, scale: Scale) -> [SimulationPoint] {
        switch figure {
        case "Figure 2": return Figure2Sweep.points(scale: scale)
        case "Figure 3": return Figure3Sweep.points(scale: scale)
        default: return [Figure56Sweep.point(scale: scale)]
        }
    }

    /// A sweep's wall-time bound on K nodes of C cores when each point may use every core of
    /// its node: at least its CPU time over all cores and its longest point on C threads.
    public static func wallBound(_ points: [SimulationPoint], nodes: Int, cores: Int) -> Double {
        wallBound(points.map { ($0, CostModel.cost($0)?.expected ?? .nan) }, nodes: nodes, cores: cores).wall
    }

    /// The same bound for points with given one-thread seconds (`simulate cost --nodes`
    /// counts a point that ran with its measured time), and its two parts.
    public static func wallBound(_ points: [(point: SimulationPoint, seconds: Double)], nodes: Int, cores: Int)
        -> (wall: Double, cpuOverCores: Double, longestThreaded: Double) {
        let total = points.reduce(0) { $0 + $1.seconds }
        let longest = points.map { $0.seconds / ThreadScaling.speedup($0.point, threads: cores) }.max() ?? 0
        let spread = total / Double(nodes * cores)
        return (max(longest, spread), spread, longest)
    }

    /// One row per scale and figure: expected CPU, the longest point on one thread, and the
    /// wall-time bound on every grid.
    public static func markdown() -> String {
        let f = Progress.format
        var lines = ["| scale | figure | CPU (expected) | longest point, 1 thread | "
                     + grids.map { "wall ≥, \($0.nodes) × \($0.cores) cores" }.joined(separator: " | ") + " |",
                     "| --- | --- | --- | --- | " + grids.map { _ in "---" }.joined(separator: " | ") + " |"]
        for scale in scales {
            for figure in ["Figure 2", "Figure 3", "Figures 5–6"] {
                let points = points(figure, scale: scale)
                let seconds = points.map { CostModel.cost($0)?.expected ?? .nan }
                let walls = grids.map { f(wallBound(points, nodes: $0.nodes, cores: $0.cores)) }
                lines.append("| `\(scale.rawValue)` | \(figure) | \(f(seconds.reduce(0, +))) | \(f(seconds.max() ?? 0)) | "
                             + walls.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n")
    }
}
