// summary.csv: one row per source, z and lag with the slopes, plus q_min and R² (the same
// on every row of a source/z; empty where they do not apply).

import Foundation
import Sim

enum SummaryTable {
    static func num(_ x: Double) -> String { x.isFinite ? String(format: "%.6g", x) : "" }

    static func csv(data: DataAnalysis, populations: [PopulationAnalysis]) -> String {
        var out = "source,z,lag,slope_ltp,slope_ltd,qmin_mean,qmin_std,r2\n"
        for p in populations {
            let q = p.norm.map { (num($0.qMinMean), num($0.qMinStd)) } ?? ("", "")
            for s in p.slopes {
                out += "simulation,\(p.z),\(s.lag),\(num(s.potentiation.slope)),\(num(s.depression.slope)),"
                    + "\(q.0),\(q.1),\(num(p.rSquared))\n"
            }
        }
        for s in data.slopes {
            out += "kaufman,,\(s.lag),\(num(s.potentiation.slope)),\(num(s.depression.slope)),"
                + "\(num(data.norm.qMinMean)),\(num(data.norm.qMinStd)),\n"
        }
        return out
    }
}
