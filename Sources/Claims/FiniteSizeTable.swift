// The finite-size study as numbers: Figure 2's max tolerated noise at α = 0.08 for each
// network size N that has results (the scale's own N and the study's others), beside the
// paper's N = 1000 panel values. It shows where the N = 1000 claims appear.

import Experiments
import Foundation
import Sim

public struct FiniteSizeTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// What makes the missing points.
    public var command: String

    public static func build(root: URL, seeds: [UInt64] = Figure2Sweep.defaultSeeds) -> FiniteSizeTable {
        var rows: [[String]] = []
        for size in FiniteSizeStudy.sizes {
            let v = Variant(scale: size.scale, attractorN: size.n)
            let inputs = ClaimInputs(variant: v, root: root, seeds: seeds)
            func cells(_ type: NoiseType) -> [String] {
                Figure2Sweep.zs.map { z in
                    let req = inputs.attractorPoints(alphas: [FiniteSizeStudy.alpha], zs: [z])
                    guard req.allSatisfy(inputs.exists) else { return "not run" }
                    do { return Format.number(MeanSEM(try inputs.attractor(z: z, alpha: FiniteSizeStudy.alpha).map { try $0.maxNoise(type) }).mean) }
                    catch { return "error" }
                }
            }
            rows.append(["\(v.attractorN)", v.description] + cells(.synapticFirstAlive) + cells(.neuralBalanced))
        }
        rows.append(["1000", "paper (published panels)"] + Figure2Claims.toleranceLoads[0].synaptic.map { Format.number($0) }
                    + Figure2Claims.toleranceLoads[0].neural.map { Format.number($0) })
        let header = ["N", "results"] + Figure2Sweep.zs.map { "synaptic z\($0)" } + Figure2Sweep.zs.map { "neural z\($0)" }
        return FiniteSizeTable(header: header, rows: rows, command: "make finite-size")
    }
}
