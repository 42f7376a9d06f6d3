// Plain-text summary of the Figures 5–6 statistics next to the published values.

import Foundation

public enum FluctuationReport {
    /// Published values (Iatropoulos et al. 2025, Figs. 5–6): R² per z and slopes at lag 2.
    public static let publishedR2: [Int: Double] = [1: -0.93, 2: 0.67, 3: 0.64, 4: 0.45, 5: 0.25]
    public static let publishedSlopes: [Int: (ltp: Double, ltd: Double)] = [1: (-0.08, 0.08), 2: (0.44, 0.48), 5: (0.79, 0.79)]
    public static let publishedDataQMin = (mean: 1.09, std: 0.43)
    public static let publishedDataSlopes = (ltp: 0.57, ltd: 0.72)
    /// What the authors' notebook prints for the data (`q_min: 1.0854000000000001
    /// (0.4301474630867885)`), and the original statistics re-run at lag 1 over all 49 time
    /// points: slopes and pair counts.
    public static let notebookDataQMin = (mean: 1.0854000000000001, std: 0.4301474630867885)
    public static let originalDataLag1 = (ltp: 0.572669, ltd: 0.715767, ltpPairs: 25_847, ltdPairs: 25_845)
    /// Minimum over q of the data's mean CV rank in the original statistics.
    public static let originalDataRankFloor = 0.127

    static func f(_ x: Double, _ digits: Int = 2) -> String {
        x.isFinite ? String(format: "%.\(digits)f", x) : "nan"
    }

    /// The lowest mean CV rank over q (the floor of the data band).
    public static func rankFloor(_ norm: NormVariability) -> Double {
        norm.rankMean.filter(\.isFinite).min() ?? .nan
    }

    static func generatorName(_ g: BootstrapGenerator) -> String {
        switch g {
        case .numpy: return "NumPy's default_rng, the notebook's draws"
        case .xoshiro: return "our xoshiro256** streams"
        }
    }

    public static func text(data: DataAnalysis?, populations: [PopulationAnalysis],
                            simulationLag: Int, dataLag: Int, options: FluctuationAnalysisOptions) -> String {
        var out = ""
        if let data {
            out += "Kaufman et al. 2012: \(data.norm.synapses) spines × \(data.norm.timePoints) time points for the CV "
                + "statistics, \(data.norm.resamples) resamples (seed \(options.bootstrapSeed)), fresh draws for every q\n"
            for norm in [data.norm, data.normOtherGenerator] {
                out += "  q_min = \(f(norm.qMinMean, 4)) ± \(f(norm.qMinStd, 4)), mean CV rank ≥ \(f(rankFloor(norm), 3))"
                    + "   [\(generatorName(norm.generator))]\n"
            }
            out += "      (notebook: \(f(notebookDataQMin.mean, 4)) ± \(f(notebookDataQMin.std, 4)), floor "
                + "\(f(originalDataRankFloor, 3)); published \(f(publishedDataQMin.mean)) ± \(f(publishedDataQMin.std)))\n"
            if let s = data.slopes(lag: 1) {
                out += "  slopes at lag 1 over all time points: LTP \(f(s.potentiation.slope, 6)) (\(s.potentiation.pairCount) pairs), "
                    + "LTD \(f(s.depression.slope, 6)) (\(s.depression.pairCount) pairs)\n"
                out += "      (original: \(f(originalDataLag1.ltp, 6)) (\(originalDataLag1.ltpPairs)) / "
                    + "\(f(originalDataLag1.ltd, 6)) (\(originalDataLag1.ltdPairs)); published "
                    + "\(f(publishedDataSlopes.ltp)) / \(f(publishedDataSlopes.ltd)))\n"
            }
            if let e = data.exactLag1Slopes {
                out += "      with an exact moving average instead of the original's running sum: "
                    + "\(f(e.potentiation.slope, 6)) / \(f(e.depression.slope, 6))\n"
            }
            if dataLag != 1, let s = data.slopes(lag: dataLag) {
                out += "  slopes at lag \(dataLag): LTP \(f(s.potentiation.slope, 3)), LTD \(f(s.depression.slope, 3))\n"
            }
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
