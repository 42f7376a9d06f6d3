// figures/figure3/summary.csv: one row per load with the numbers the figure shows (plain
// CSV); statistics.txt: the single-run quantities of the high run.

import Experiments
import Foundation
import Sim

enum Figure3Summary {
    static func csv(_ rows: [Figure3Data.SummaryRow]) -> String {
        var text = CSV.record(["load", "m_shown", "m_stored", "l0_before", "l0_after", "margin_before", "margin_after",
                               "neural_tol_before", "neural_tol_after", "synaptic_tol_before", "synaptic_tol_after",
                               "margin_peak", "corr_within_end", "corr_across_end", "gain_slope", "sleep_epochs"])
        let f = { (x: Double) in NumberText.significant(x, 4) }
        for r in rows {
            let t = r.tolerance
            text += CSV.record([r.load.rawValue, String(r.mShown), String(r.mStored), f(r.l0Before), f(r.l0After),
                          f(r.marginBefore), f(r.marginAfter),
                          f(t.neuralBefore), f(t.neuralAfter), f(t.synapticBefore), f(t.synapticAfter),
                          f(r.marginPeak), f(r.corrWithinEnd), f(r.corrAcrossEnd), f(r.gainSlope), String(r.sleepEpochs)])
        }
        return text
    }

    static func notes(_ data: Figure3Data) -> String {
        let bins = data.correlationBins
        var text = String(format: "high run: connection density %.4f; connection probability per correlation bin %@\n",
                          bins.density, bins.connection.map { String(format: "%.3f", $0) }.joined(separator: " "))
        text += "high run: gain slopes after 2, 6, 15 epochs and at the end: "
            + data.gainsByCycles.clouds.map { String(format: "%.3f", $0.fit.slope) }.joined(separator: " ") + "\n"
        let s = data.selectivity
        for (key, m) in [("input", s.input), ("soft", s.soft), ("hard", s.hard)] {
            text += String(format: "high run: sparseness %@ novel %.4f familiar %.4f\n", key, m.novel, m.familiar)
        }
        return text
    }
}
