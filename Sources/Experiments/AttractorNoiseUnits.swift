// Noise levels of an attractor result in the paper's units, from the noise factors the
// result stored with its parameters (`noise_factors` in result.json, docs/results.md): the
// tests ran at level = factor · p for each base level p (docs/methods.md §1.9), and the
// panels show that level relative to what it perturbs (§6.2).

import Sim

extension NoiseType {
    /// A noise level (factor · p) in the paper's units (docs/methods.md §6.2): neural noise as
    /// the fraction of flipped active bits relative to f, 2·level/f; synaptic noise as the
    /// noise std over the mean factor after the "mean-u" rescaling, level/0.1. Figures 2 and
    /// 3 both convert with it.
    public func paperUnits(level: Double, f: Double) -> Double {
        isSynaptic ? level / AttractorResult.meanFactorAfterRescaling : 2 * level / f
    }
}

extension AttractorResult {
    /// The mean factor of alive synapses after the "mean-u" rescaling (docs/methods.md §1.7).
    public static let meanFactorAfterRescaling = 0.1

    /// The stored noise factor of one noise type (`noise_factors[type]` of the parameters).
    public func noiseFactor(_ type: NoiseType) throws -> Double {
        guard let factor = result.sidecar.parameters["noise_factors"]?[type.rawValue]?.double else {
            throw ResultError.corrupt(path: result.directory.path, reason: "no noise_factors.\(type.rawValue) in the parameters")
        }
        return factor
    }

    /// Base level p in the paper's units (`NoiseType.paperUnits`, level = factor · p).
    public func noiseInPaperUnits(_ type: NoiseType, level p: Double) throws -> Double {
        type.paperUnits(level: try noiseFactor(type) * p, f: f)
    }

    /// The half-recall level (`halfRecallLevel`) in the paper's units: the max tolerated
    /// noise of panels 04 and 07 and of summary.csv.
    public func maxNoise(_ type: NoiseType) throws -> Double {
        try noiseInPaperUnits(type, level: try halfRecallLevel(type))
    }
}
