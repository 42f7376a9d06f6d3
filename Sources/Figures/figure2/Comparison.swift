// comparison.txt: the simulated numbers next to the reference values and the mean-field
// theory of docs/methods.md §5, per load.

import Experiments
import Foundation
import Sim

enum Figure2Comparison {
    static func text(_ s: Sweep) throws -> String {
        let f = 0.5
        var out = "Figure 2: simulation (mean over neurons, mean over seeds) vs theory (large N)\n"
        out += "alpha  | l0 z=1 (theory 0.5) | l0 z=2 vs L1 p_exc | min margin z=1 vs kappa_max | rho z=2 vs rho(alpha) | l0 z=max vs L0 bound\n"
        for (i, a) in s.alphas.enumerated() {
            func mean(_ z: Int, _ metric: String) throws -> String {
                guard s.zs.contains(z) else { return "   -  " }
                return String(format: "%6.3f", MeanSEM(try s.at(z: z, alphaIndex: i).map { try $0.mean(metric) }).mean)
            }
            let l1 = try L1Capacity.point(alpha: a, f: f)
            let kappa = try L2Capacity.kappaMax(alpha: a, f: f)
            let bound = try L0Boundary.minimalDensity(alpha: a, kappa: 0, f: f).density
            let zMax = s.zs.max() ?? 4
            out += String(format: "%-6.4g | %@ | %@ vs %.3f | %@ vs %.3f | %@ vs %.3f | %@ vs %.4f\n",
                          a, try mean(1, "l0"), try mean(2, "l0"), l1.connectionProbability,
                          try mean(1, "min_margin"), kappa, try mean(2, "rho"), l1.rho, try mean(zMax, "l0"), bound)
        }
        out += "Expected effects: l0 falls with z at every load; q=2 margin largest for z=1; "
            + "neural noise tolerance falls with z; synaptic noise tolerance highest for z=2.\n"
        for (i, a) in s.alphas.enumerated() where [0, s.alphas.count - 1].contains(i) {
            let neural = try s.zs.map { z in String(format: "%.3f", MeanSEM(try s.at(z: z, alphaIndex: i).map { try $0.maxNeuralNoise() }).mean) }
            let syn = try s.zs.map { z in String(format: "%.3f", MeanSEM(try s.at(z: z, alphaIndex: i).map { try $0.maxSynapticNoise() }).mean) }
            out += String(format: "alpha %.4g: max neural noise by z = %@; max synaptic noise by z = %@\n",
                          a, neural.joined(separator: ", "), syn.joined(separator: ", "))
        }
        return out
    }
}
