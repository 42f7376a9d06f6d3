// `simulate cost --check DIR…` (`make cost-check`): the cost model's prediction for each
// point beside the CPU time and epochs its result recorded, and how many fall within ±30%.
// Results written before CPU time was recorded are listed apart: their wall time depends on
// what else ran.

import ArgumentParser
import Experiments
import Foundation
import Sim

enum CostCheck {
    struct Row {
        var point: SimulationPoint
        var cost: PointCost
        var measured: Double?
        var epochsRun: Double?
        var ratio: Double? { measured.map { cost.expected / $0 } }
    }

    static let minimumSeconds = 5.0

    static func run(_ directories: [String]) throws {
        guard !directories.isEmpty else { throw ValidationError("--check needs result directories") }
        var rows: [Row] = []
        for d in directories {
            let point = try CostCommand.point(d)
            guard let cost = CostModel.cost(point) else { throw ValidationError("\(d): no cost model for this point") }
            let result: StoredResult
            do { result = try ResultStore.load(URL(fileURLWithPath: CostCommand.directory(d))) } catch {
                throw ValidationError("\(d): \(error)")
            }
            let v = result.values
            rows.append(Row(point: point, cost: cost, measured: result.sidecar.run.cpuSeconds,
                            epochsRun: v["epochs_run"] ?? v["sleep_epochs"]))
        }
        print(["point", "epochs expected", "epochs run", "CPU s expected", "CPU s measured", "expected/measured", "epochs from"]
            .joined(separator: "\t"))
        for r in rows {
            let epochs = r.cost.epochs.map { String(Int($0)) } ?? "–"
            print([r.point.directory(), epochs, r.epochsRun.map { String(Int($0)) } ?? "–",
                   String(format: "%.1f", r.cost.expected), r.measured.map { String(format: "%.1f", $0) } ?? "not recorded",
                   r.ratio.map { String(format: "%.2f", $0) } ?? "–", r.cost.basis].joined(separator: "\t"))
        }
        // Points of a few CPU seconds are listed but not counted: the start and the tolerance
        // curves' fixed costs, which the model leaves out, are most of them.
        let counted = rows.filter { ($0.measured ?? 0) >= minimumSeconds }
        let within = counted.filter { abs($0.ratio! - 1) <= 0.3 }.count
        let total = counted.reduce(0) { $0 + $1.measured! }, predicted = counted.reduce(0) { $0 + $1.cost.expected }
        print(String(format: "%d of %d points of at least %.0f CPU-s within ±30%% (together %.0f s expected, %.0f s measured); %d shorter ones and %d without a recorded CPU time not counted",
                     within, counted.count, minimumSeconds, predicted, total,
                     rows.filter { $0.measured.map { $0 < minimumSeconds } ?? false }.count, rows.filter { $0.measured == nil }.count))
    }

}
