// figures/figure2/summary.csv: one row per (z, alpha, seed) with the headline numbers.

import Experiments
import Foundation
import Sim

enum Figure2Summary {
    static let columns = ["z", "alpha", "seed", "n", "m", "l0", "min_margin", "rho", "syn_margin", "l1", "l2",
                          "conv_epochs", "max_neural_noise", "max_synaptic_noise"]

    static func csv(_ sweep: AttractorSweep) throws -> String {
        var text = CSV.record(columns)
        for z in sweep.zs {
            for i in sweep.alphas.indices {
                for p in sweep.at(z: z, alphaIndex: i) {
                    let numbers: [Double] = [
                        try p.mean("l0"), try p.mean("min_margin"), try p.mean("rho"), try p.mean("syn_margin"),
                        try p.mean("l1"), try p.mean("l2"), try p.value("conv_epochs"),
                        try p.maxNoise(.neuralBalanced), try p.maxNoise(.synapticFirstAlive),
                    ]
                    let fields = ["\(z)", format(p.alpha), "\(p.seed)", "\(p.n)", "\(p.m)"] + numbers.map(format)
                    text += CSV.record(fields)
                }
            }
        }
        return text
    }

    static func format(_ x: Double) -> String { NumberText.significant(x, 6, integers: true) }
}
