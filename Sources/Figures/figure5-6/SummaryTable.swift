// summary.csv: one row per source, z and lag with the slopes and their pair counts, plus
// q_min, the floor of the mean CV rank and R² (the same on every row of a source/z; empty
// where they do not apply), and the generator of the bootstrap draws. The data's CV
// statistics with the other generator follow as one more `kaufman` row at lag 1.

import Foundation
import Sim

enum SummaryTable {
    static func num(_ x: Double) -> String { NumberText.significant(x, 6, nonFinite: "") }

    static func csv(data: DataAnalysis, populations: [PopulationAnalysis]) -> String {
        var out = CSV.record(["source", "z", "lag", "slope_ltp", "slope_ltd", "qmin_mean", "qmin_std", "r2", "generator",
                              "pairs_ltp", "pairs_ltd", "cv_rank_floor"])
        func row(_ source: String, _ z: String, _ s: LagSlopes, _ norm: NormVariability?, r2: Double) -> String {
            let q = norm.map { [num($0.qMinMean), num($0.qMinStd)] } ?? ["", ""]
            let floor = norm.map { num(FluctuationReport.rankFloor($0)) } ?? ""
            return CSV.record([source, z, "\(s.lag)", num(s.potentiation.slope), num(s.depression.slope), q[0], q[1], num(r2),
                               norm?.generator.rawValue ?? "", "\(s.potentiation.pairCount)", "\(s.depression.pairCount)", floor])
        }
        for p in populations {
            for s in p.slopes { out += row("simulation", "\(p.z)", s, p.norm, r2: p.rSquared) }
        }
        for s in data.slopes { out += row("kaufman", "", s, data.norm, r2: .nan) }
        if let s = data.slopes(lag: 1) { out += row("kaufman", "", s, data.normOtherGenerator, r2: .nan) }
        return out
    }
}
