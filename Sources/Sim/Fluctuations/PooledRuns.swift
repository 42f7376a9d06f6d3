// Pooling independent runs (different seeds) into one population per z.
//
// For z ≥ 3 a population of 1000 synapses can collapse: its w^{2/z} distribution becomes so
// heavy-tailed that one synapse dominates the homeostatic mean, h turns strongly negative
// and most others are driven to 0. Whether that happens before T = 999 depends on the
// seed. Pooling the synapses of several seeds (each run keeps its own homeostasis, so the
// pooled Σ w^{2/z} is still a sum of conserved quantities) gives every z enough surviving
// synapses to analyse. This is an option next to the faithful single-seed run.

extension FluctuationRun {
    /// The runs' populations stacked synapse-wise, per z. All runs must share z values and
    /// sample count; per-sample mean, std and alive fraction are recomputed over the pool.
    public static func pooled(_ runs: [FluctuationRun]) throws -> FluctuationRun {
        guard let first = runs.first else { throw FluctuationError.invalidParameter("no runs to pool") }
        guard runs.count > 1 else { return first }
        let zs = first.populations.map(\.z), S = first.parameters.samples
        for r in runs where r.populations.map(\.z) != zs || r.parameters.samples != S {
            throw FluctuationError.invalidParameter("runs to pool differ in z values or duration")
        }
        var pops: [PopulationRecord] = []
        for (k, z) in zs.enumerated() {
            let parts = runs.map { $0.populations[k].w }
            let rows = parts.reduce(0) { $0 + $1.rows }
            let w = WeightMatrix(rows: rows, cols: S, values: parts.flatMap(\.values))
            var mean = [Double](repeating: .nan, count: S), std = mean, alive = mean
            for s in 0..<S {
                var n = 0, sum = 0.0
                for i in 0..<rows where w[i, s] > 0 { n += 1; sum += w[i, s] }
                let m = n > 0 ? sum / Double(n) : .nan
                var ss = 0.0
                for i in 0..<rows where w[i, s] > 0 { ss += (w[i, s] - m) * (w[i, s] - m) }
                mean[s] = m
                std[s] = n > 0 ? (ss / Double(n)).squareRoot() : .nan
                alive[s] = Double(n) / Double(rows)
            }
            pops.append(PopulationRecord(z: z, w: w, mean: mean, std: std, alive: alive))
        }
        var p = first.parameters
        p.synapses = pops.first?.w.rows ?? p.synapses
        return FluctuationRun(parameters: p, populations: pops)
    }
}
