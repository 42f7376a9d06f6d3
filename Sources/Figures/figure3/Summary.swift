// figures/figure3/summary.csv: one row per load with the numbers the figure shows (plain
// CSV); statistics.txt: the single-run quantities of the high run.

import Foundation
import Sim

enum Figure3Summary {
    static func csv(runs: [RunData], gainSlopes: [String: Double]) throws -> String {
        var lines = ["load,m_shown,m_stored,l0_before,l0_after,margin_before,margin_after,"
                     + "neural_tol_before,neural_tol_after,synaptic_tol_before,synaptic_tol_after,"
                     + "margin_peak,corr_within_end,corr_across_end,gain_slope,sleep_epochs"]
        for run in runs {
            let margin = try run.series("min_margin_mean"), l0 = try run.series("l0_mean")
            let t = run.time
            let sleepStart = t.firstIndex { $0 >= Double(run.wakePasses) } ?? 0
            let before = try Fig3Analysis.tolerance(run, when: "before"), after = try Fig3Analysis.tolerance(run, when: "after")
            let within = try run.series("corr_within"), across = try run.series("corr_across")
            let f = { (x: Double) in String(format: "%.4g", x) }
            lines.append([run.load, String(run.m), String(run.kept.count), f(l0[sleepStart]), f(l0.last!),
                          f(margin[sleepStart]), f(margin.last!),
                          f(before.neural), f(after.neural), f(before.synaptic), f(after.synaptic),
                          f(margin[sleepStart...].max()!), f(within.last!), f(across.last!), f(gainSlopes[run.load] ?? .nan), String(run.sleepEpochs)]
                .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func notes(cycleSlopes: [Double], bins: Fig3Analysis.CorrelationBins,
                      selectivity: Fig3Analysis.Selectivity) -> String {
        var text = String(format: "high run: connection density %.4f; connection probability per correlation bin %@\n",
                       bins.density, bins.connection.map { String(format: "%.3f", $0) }.joined(separator: " "))
        text += "high run: gain slopes after 2, 6, 15 epochs and at the end: "
            + cycleSlopes.map { String(format: "%.3f", $0) }.joined(separator: " ") + "\n"
        for key in ["input", "soft", "hard"] {
            if let m = selectivity.mean[key] {
                text += String(format: "high run: sparseness %@ novel %.4f familiar %.4f\n", key, m.novel, m.familiar)
            }
        }
        return text
    }
}
