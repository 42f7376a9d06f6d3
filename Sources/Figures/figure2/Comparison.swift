// comparison.txt: the simulated numbers next to the reference values and the mean-field
// theory of docs/methods.md §5, per load (numbers from `Figure2Data.Comparison`).

import Experiments
import Foundation

enum Figure2Comparison {
    static func text(_ c: Figure2Data.Comparison) -> String {
        var out = "Figure 2: simulation (mean over neurons, mean over seeds) vs theory (large N)\n"
        out += "alpha  | l0 z=1 (theory 0.5) | l0 z=2 vs L1 p_exc | min margin z=1 vs kappa_max | rho z=2 vs rho(alpha) | l0 z=max vs L0 bound\n"
        func cell(_ x: Double?) -> String { x.map { String(format: "%6.3f", $0) } ?? "   -  " }
        for r in c.rows {
            out += String(format: "%-6.4g | %@ | %@ vs %.3f | %@ vs %.3f | %@ vs %.3f | %@ vs %.4f\n",
                          r.alpha, cell(r.l0Z1), cell(r.l0Z2), r.pExc, cell(r.minMarginZ1), r.kappaMax, cell(r.rhoZ2),
                          r.rhoTheory, cell(r.l0ZMax), r.l0Bound)
        }
        out += "Expected effects: l0 falls with z at every load; q=2 margin largest for z=1; "
            + "neural noise tolerance falls with z; synaptic noise tolerance highest for z=2.\n"
        for m in c.maxNoise {
            let neural = m.neural.map { String(format: "%.3f", $0) }
            let syn = m.synaptic.map { String(format: "%.3f", $0) }
            out += String(format: "alpha %.4g: max neural noise by z = %@; max synaptic noise by z = %@\n",
                          m.alpha, neural.joined(separator: ", "), syn.joined(separator: ", "))
        }
        return out
    }
}
