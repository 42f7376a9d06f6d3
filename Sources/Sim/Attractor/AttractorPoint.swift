// One point (z, α, seed) of the Figure-2 sweep: patterns, training, "mean-u" rescaling,
// metrics, tolerance curves — as a result bundle with the names the Figure-2 code reads.

import Foundation

public enum AttractorPoint {
    public static let model = "attractor"
    /// Bump when the computation changes, so cached results are recomputed.
    /// 3: row sums of U² in Float with vector accumulators and the masked dense row pass
    ///    (different rounding than version 2).
    /// 4: soft-min exponentials and field row statistics in eight-lane vectors (the
    ///    exponential within 1 ulp of expf's, row sums in another order).
    /// 5: synaptic noise of the tolerance curves from the ziggurat (Ziggurat.swift), not Box–Muller.
    public static let version = 5

    /// Below this N a shared core (Options.coreShare) does not speed training up: an epoch is
    /// too short for the threads' synchronisation (`bench threads`, Intel Xeon, 2 threads:
    /// N = 200 0.68–1.06×, N = 400 0.96–1.52×, N = 600 1.29–1.80×, N = 1000 1.83–1.91×).
    /// The tolerance curves, whose tests are long and independent, use the share at any N.
    public static let sharedTrainingFromN = 400

    /// Random stream ids (with the point's seed).
    public static let patternStream: UInt64 = 1
    public static let factorStream: UInt64 = 2

    public struct Options {
        public var threads = 1
        /// When set, the threads follow this point's share of the machine's cores among the
        /// points running beside it, re-counted every 500 epochs (same bits for any count).
        public var coreShare: CoreShare? = nil
        /// Checkpoint file (nil: no checkpoints).
        public var checkpoint: URL? = nil
        /// Wall seconds between checkpoints.
        public var checkpointSeconds: Double = 120
        /// Stop training after this many epochs (leaving a checkpoint) — for tests of resumption.
        public var interruptAfterEpochs: Int? = nil
        /// Testing only: seconds to sleep every 500 epochs (makes a tiny run slow enough to interrupt).
        public var testDelaySeconds: Double? = nil
        public var progress: Progress? = nil
        public init() {}
    }

    public typealias Interrupted = RunInterrupted

    /// Patterns and the trainer at epoch 0 for these parameters.
    public static func makeTrainer(_ p: AttractorParameters, threads: Int = 1) -> AttractorTrainer {
        var prng = Xoshiro256(seed: p.seed, stream: patternStream)
        let patterns = PatternSet.bernoulli(n: p.n, m: p.m, f: p.f, rng: &prng)
        let net = SynapticNetwork(n: p.n, z: p.z)
        var urng = Xoshiro256(seed: p.seed, stream: factorStream)
        net.initialiseFactors(lo: Float(0.7 * p.u0), hi: Float(1.3 * p.u0), rng: &urng)
        return AttractorTrainer(net: net, patterns: patterns, config: p.trainingConfig, threads: threads)
    }

    public static func checkpointKey(_ p: AttractorParameters) throws -> String {
        // Sorted keys: dictionary order differs from process to process.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(JSONValue(encoding: p))
        // The model version too: a checkpoint of older code must not be resumed by newer.
        return "version \(version) " + String(decoding: data, as: UTF8.self)
    }

    /// Trains (resuming from a checkpoint if one matches) and measures one point.
    public static func produce(_ p: AttractorParameters, options: Options = Options()) throws -> ResultBundle {
        let trainer = makeTrainer(p, threads: options.threads)
        let key = try checkpointKey(p)
        if let url = options.checkpoint, FileManager.default.fileExists(atPath: url.path) {
            do {
                if try trainer.restore(from: try Data(contentsOf: url), key: key, path: url.path) {
                    options.progress?.message("resumed from \(url.lastPathComponent) at epoch \(trainer.epoch)")
                }
            } catch {
                // A damaged checkpoint (a crash while the disk was full, a copy cut short) must
                // not stop the point: refuse it, say so, and start again from epoch 0.
                let fresh = makeTrainer(p, threads: options.threads)
                FileHandle.standardError.write(Data("warning: refused \(error); removed it, starting z = \(p.z), α = \(p.alphaText) from epoch 0\n".utf8))
                try? FileManager.default.removeItem(at: url)
                return try produce(p, options: options, trainer: fresh, key: key)
            }
        }
        return try produce(p, options: options, trainer: trainer, key: key)
    }

    static func produce(_ p: AttractorParameters, options: Options, trainer: AttractorTrainer, key: String) throws -> ResultBundle {
        var lastSave = Date()
        let clock = RunClock(earlier: trainer.spentBeforeResume)
        func saveCheckpoint() throws {
            guard let url = options.checkpoint else { return }
            try AtomicFile.write(trainer.checkpointData(key: key, spent: clock.total), to: url)
            lastSave = Date()
        }
        var failure: Error? = nil
        let stopAt = options.interruptAfterEpochs.map { min($0, p.maxEpochs) } ?? p.maxEpochs
        func followShare(training: Bool, quietly: Bool = false) {
            guard let share = options.coreShare else { return }
            let k = training && p.n < sharedTrainingFromN ? 1 : share.threads()
            if k != trainer.threads {
                if !quietly { options.progress?.message("threads \(trainer.threads) -> \(k) (its share of \(share.cores) cores)") }
                trainer.threads = k
            }
        }
        followShare(training: true, quietly: true)
        trainer.train(untilEpoch: stopAt) { t in
            guard t.epoch % 500 == 0 else { return }
            followShare(training: true)
            if let d = options.testDelaySeconds { Thread.sleep(forTimeInterval: d) }
            if let pr = options.progress {
                let probe = t.lastProbe
                pr.update(done: Double(t.epoch), total: Double(p.maxEpochs),
                          detail: String(format: "err %.4f l0 %.3f margin %.4f", t.trainError,
                                         probe?.l0 ?? .nan, probe?.minMargin ?? .nan))
            }
            if options.checkpoint != nil, Date().timeIntervalSince(lastSave) >= options.checkpointSeconds {
                do { try saveCheckpoint() } catch { failure = error }
            }
        } shouldStop: { StopRequest.isRequested }
        if let failure { throw failure }
        if (options.interruptAfterEpochs != nil || StopRequest.isRequested), !trainer.isFinished {
            try saveCheckpoint()
            throw RunInterrupted(stage: "training", epoch: trainer.epoch, signal: StopRequest.signal)
        }
        // The trained state, so that a stop during the (long) tolerance curves resumes here.
        if options.checkpoint != nil { try saveCheckpoint() }
        trainer.finish()
        followShare(training: false)
        var bundle = measure(p, trainer: trainer, threads: trainer.threads, progress: options.progress)
        bundle.earlier = trainer.spentBeforeResume
        return bundle
    }

    /// Rescaling (docs/methods.md §1.7), metrics (§1.8) and tolerance curves (§1.9) of a trained network.
    public static func measure(_ p: AttractorParameters, trainer: AttractorTrainer, threads: Int,
                               progress: Progress?) -> ResultBundle {
        let net = trainer.net, patterns = trainer.patterns
        SynapseOps.rescaleMeanU(net)
        let metrics = AttractorMetrics.measure(net, patterns)
        var values: [String: Double] = [
            "n": Double(p.n), "m": Double(p.m), "z": Double(p.z), "alpha": p.alpha, "f": p.f,
            "conv_epochs": Double(trainer.convergedAt), "epochs_run": Double(trainer.epoch),
            "train_error": metrics.trainError, "symmetry": metrics.symmetry, "theta_mean": metrics.thetaMean,
            "bias_mean": metrics.biasMean, "n_alive_mean": metrics.aliveMean,
        ]
        // A neuron that lost every synapse has 0/0 margins; such values are left out of the
        // mean and std (like nanmean) and counted, since JSON has no NaN.
        var nonFinite = 0
        for metric in AttractorMetric.allCases {
            let name = metric.rawValue
            let all = metrics.perNeuron[metric] ?? []
            let finite = all.filter(\.isFinite)
            nonFinite += all.count - finite.count
            let s = finite.isEmpty ? MeanStd(mean: 0, std: 0) : MeanStd(finite)
            values["\(name)_mean"] = s.mean
            values["\(name)_std"] = s.std
        }
        for (k, v) in values where !v.isFinite {
            values[k] = 0
            nonFinite += 1
        }
        values["nonfinite_count"] = Double(nonFinite)
        var arrays: [String: NDArray] = [:]
        let base = p.baseLevels
        arrays["p"] = NDArray(base)
        let tester = RobustnessTester(net: net, patterns: patterns, threads: threads)
        let steps = p.nSteps
        for (ti, type) in NoiseType.allCases.enumerated() {
            let factor = p.noiseFactors[type.rawValue] ?? 1
            let levels = base.map { $0 * factor }
            let (recall, error) = tester.curve(type: type, levels: levels, levelIndices: Array(levels.indices),
                                               nTests: p.nTests, stepCounts: steps, seed: p.seed) { li, _ in
                progress?.update(done: Double(ti * levels.count + li + 1), total: Double(5 * levels.count),
                                 detail: "robustness \(type.rawValue)")
            }
            arrays["level_\(type.rawValue)"] = NDArray(levels)
            for (s, steps) in steps.enumerated() {
                arrays["recall_\(type.rawValue)_s\(steps)"] = NDArray(recall[s])
                arrays["error_\(type.rawValue)_s\(steps)"] = NDArray(error[s])
            }
        }
        if p.saveMatrices {
            arrays["W"] = NDArray(net.weights, shape: [p.n, p.n])
            arrays["U0"] = NDArray(net.factorPlane(0), shape: [p.n, p.n])
        }
        return ResultBundle(arrays: arrays, values: values)
    }
}
