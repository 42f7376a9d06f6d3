// The finite-size study as numbers: Figure 2's max tolerated noise at the tolerance loads for
// each network size N that has results (the scale's own N and the study's others; at N = 1000
// the committed evidence set where no points were computed here), beside the paper's N = 1000
// panel values. It shows where the N = 1000 claims appear.

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
        let evidence = EvidenceState.inspect(set: root.appendingPathComponent(EvidenceSet.root))
        for (alpha, paperNeural, paperSynaptic) in Figure2Claims.toleranceLoads where FiniteSizeStudy.alphas.contains(alpha) {
            for size in FiniteSizeStudy.sizes {
                var inputs = ClaimInputs(variant: Variant(scale: size.scale, attractorN: size.n), root: root, seeds: seeds)
                let computed = inputs.attractorPoints(alphas: [alpha]).allSatisfy(inputs.exists)
                if !computed, size.scale == EvidenceSet.scale, size.n == nil, !evidence.isStale,
                   inputs.attractorPoints(alphas: [alpha]).allSatisfy({ if case .point(let p) = $0 { return evidence.present.contains(p) }; return false }) {
                    inputs = ClaimInputs(variant: .committed(at: evidence.commitLabel), root: root)
                }
                func cells(_ type: NoiseType) -> [String] {
                    Figure2Sweep.zs.map { z in
                        let req = inputs.attractorPoints(alphas: [alpha], zs: [z])
                        guard req.allSatisfy(inputs.exists) else { return "not run" }
                        do { return Format.number(MeanSEM(try inputs.attractor(z: z, alpha: alpha).map { try $0.maxNoise(type) }).mean) }
                        catch { return "error" }
                    }
                }
                rows.append([alpha.text, "\(inputs.variant.attractorN)", inputs.variant.description]
                            + cells(.synapticFirstAlive) + cells(.neuralBalanced))
            }
            rows.append([alpha.text, "1000", "paper (published panels)"] + paperSynaptic.map { Format.number($0) }
                        + paperNeural.map { Format.number($0) })
        }
        let header = ["α", "N", "results"] + Figure2Sweep.zs.map { "synaptic z\($0)" } + Figure2Sweep.zs.map { "neural z\($0)" }
        return FiniteSizeTable(header: header, rows: rows, command: "make finite-size")
    }
}
