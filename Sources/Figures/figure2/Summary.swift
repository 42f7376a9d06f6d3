// figures/figure2/summary.csv: one row per (z, alpha, seed) with the headline numbers
// (`Figure2Data.summaryRows`).

import Experiments
import Foundation
import Sim

enum Figure2Summary {
    static let columns = ["z", "alpha", "seed", "n", "m"] + Figure2Data.summaryMetrics.map(\.rawValue)
        + ["conv_epochs", "max_neural_noise", "max_synaptic_noise"]

    static func csv(_ rows: [Figure2Data.SummaryRow]) -> String {
        var text = CSV.record(columns)
        for r in rows {
            text += CSV.record(["\(r.z)", format(r.alpha), "\(r.seed)", "\(r.n)", "\(r.m)"] + r.values.map(format))
        }
        return text
    }

    static func format(_ x: Double) -> String { NumberText.significant(x, 6, integers: true) }
}
