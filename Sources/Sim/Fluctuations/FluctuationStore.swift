// Cached fluctuation results: one ResultStore directory per (scale, seed, T, N), holding
// w_z<k> (N × samples, float64), mean_z<k>, std_z<k>, alive_z<k> (per sample). Where the
// directory is: Experiments' SimulationPoint.

import Foundation

public enum FluctuationStore {
    public static let model = "fluctuations"
    /// Bump when the model or the stored arrays change meaning.
    /// 2: the noise ξ from the ziggurat (Ziggurat.swift), not Box–Muller.
    public static let version = 2

    public static func bundle(_ run: FluctuationRun) -> ResultBundle {
        var b = ResultBundle()
        for pop in run.populations {
            b.arrays["w_z\(pop.z)"] = NDArray(pop.w.values, shape: [pop.w.rows, pop.w.cols])
            b.arrays["mean_z\(pop.z)"] = NDArray(pop.mean)
            b.arrays["std_z\(pop.z)"] = NDArray(pop.std)
            b.arrays["alive_z\(pop.z)"] = NDArray(pop.alive)
            b.values["final_alive_fraction_z\(pop.z)"] = pop.finalAliveFraction
        }
        return b
    }

    /// Loads the result in `directory` for these parameters, or simulates and saves it.
    public static func produceOrLoad(_ directory: URL, parameters p: FluctuationParameters, force: Bool = false,
                                     progress: Progress? = nil) throws -> FluctuationRun {
        try p.validate()
        let stored = try ResultStore.produceOrLoad(directory, model: model, version: version,
                                                   parameters: try JSONValue(encoding: p), force: force) {
            bundle(try FluctuationSimulation.run(p, progress: progress))
        }
        return try load(stored, parameters: p)
    }

    /// The result in `directory`, which must hold exactly these parameters (a missing result
    /// or one with other parameters is an error; nothing is simulated).
    public static func load(_ directory: URL, parameters p: FluctuationParameters) throws -> FluctuationRun {
        guard let stored = try ResultStore.existing(directory, model: model, version: version,
                                                    parameters: try JSONValue(encoding: p), force: false) else {
            throw ResultError.missing(path: directory.path)
        }
        return try load(stored, parameters: p)
    }

    /// Reads a stored result back into a run.
    public static func load(_ stored: StoredResult, parameters p: FluctuationParameters) throws -> FluctuationRun {
        var pops: [PopulationRecord] = []
        for z in p.zValues {
            let w = try stored.array("w_z\(z)")
            guard w.shape.count == 2 else {
                throw ResultError.corrupt(path: stored.directory.path, reason: "w_z\(z) is not a matrix")
            }
            pops.append(PopulationRecord(z: z, w: WeightMatrix(rows: w.shape[0], cols: w.shape[1], values: w.doubles),
                                         mean: try stored.array("mean_z\(z)").doubles,
                                         std: try stored.array("std_z\(z)").doubles,
                                         alive: try stored.array("alive_z\(z)").doubles))
        }
        return FluctuationRun(parameters: p, populations: pops)
    }
}
