// Plain-text summary of the Figures 5–6 statistics next to the published values.

import Foundation

public enum FluctuationReport {
    /// Published values (Iatropoulos et al. 2025, Figs. 5–6): R² per z and slopes at lag 2.
    public static let publishedR2: [Int: Double] = [1: -0.93, 2: 0.67, 3: 0.64, 4: 0.45, 5: 0.25]
    public static let publishedSlopes: [Int: (ltp: Double, ltd: Double)] = [1: (-0.08, 0.08), 2: (0.44, 0.48), 5: (0.79, 0.79)]
    public static let publishedDataQMin = (mean: 1.09, std: 0.43)
    public static let publishedDataSlopes = (ltp: 0.57, ltd: 0.72)

    static func f(_ x: Double, _ digits: Int = 2) -> String {
        x.isFinite ? String(format: "%.\(digits)f", x) : "nan"
    }

    public static func text(data: DataAnalysis?, populations: [PopulationAnalysis],
                            simulationLag: Int, dataLag: Int, options: FluctuationAnalysisOptions) -> String {
        var out = ""
        if let data {
            let s = data.slopes(lag: dataLag)
            out += "Kaufman et al. 2012: \(data.norm.synapses) spines × \(data.norm.timePoints) time points, "
                + "\(data.norm.resamples) resamples (seed \(options.bootstrapSeed))\n"
            out += "  q_min = \(f(data.norm.qMinMean)) ± \(f(data.norm.qMinStd))   (published \(f(publishedDataQMin.mean)) ± \(f(publishedDataQMin.std)))\n"
            out += "  slopes at lag \(dataLag): LTP \(f(s?.potentiation.slope ?? .nan, 3)), LTD \(f(s?.depression.slope ?? .nan, 3))"
                + "   (published \(f(publishedDataSlopes.ltp)) / \(f(publishedDataSlopes.ltd)))\n"
        }
        out += "Simulation (last \(options.simulationWindow) samples, slopes at lag \(simulationLag); populations below "
            + "\(f(options.minAliveFraction)) alive are left out):\n"
        out += "  z  alive  included  q_min        (2/z)  slope LTP  LTD    (published)     R²     (published)\n"
        for p in populations {
            let s = p.slopes(lag: simulationLag)
            let pub = publishedSlopes[p.z].map { "\(f($0.ltp))/\(f($0.ltd))" } ?? "   –     "
            let q = p.norm.map { "\(f($0.qMinMean)) ± \(f($0.qMinStd))" } ?? "     –     "
            out += "  \(p.z)  \(f(p.finalAliveFraction))   \(p.included ? "yes" : "no ")       \(q)  \(f(2 / Double(p.z)))"
                + "   \(f(s?.potentiation.slope ?? .nan))      \(f(s?.depression.slope ?? .nan))   \(pub)    "
                + "\(f(p.rSquared))  \(f(publishedR2[p.z] ?? .nan))\n"
        }
        return out
    }
}
