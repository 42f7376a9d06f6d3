// One wake–sleep run (docs/methods.md §2) with the recordings of §2.6, checkpointed during the
// long sleep so an interrupted run resumes where it stopped (sleep has no randomness, so a
// resumed run gives the same bytes as an uninterrupted one).
//
// Result arrays (N neurons, M patterns, M_s stored, R record points, E sleep epochs):
// - patterns (N×M uint8), kept (M_s int32: indices of the stored patterns)
// - record_step, record_t (R): global step and time t of each record (wake presentation s
//   at t = s/M, measured on all M patterns; sleep state at the start of epoch e at
//   t = passes + e, measured on the stored patterns; the last record is the end state)
// - series_<name> (R): StateScalars.names + corr_within, corr_across
// - w0_trajectory (R×N): W[0, :] at every record; tracked_surviving, tracked_pruned (≤ 10)
// - epoch_<name> (E+1): min_margin_mean, l0_mean, train_error, capacity, theta_mean at the
//   start of every sleep epoch and at the end ("capacity" is the noiseless one-step recall)
// - radius (min(E, 500)×M_s): per-pattern radius at the start of sleep epochs; radius_end
// - w_epoch0 (before the rescale), w_epoch100/200/500 (if reached), w_end (N×N row-major);
//   theta_before (matching w_epoch0), theta_end
// - tolerance_p (levels p/N); tolerance_{before,after}_{neural_balanced,synaptic_all,
//   synaptic_first}_{recall,error} at levels factor·p (factors 1, 3, 4)

import Foundation

public enum WakeSleepModel {
    public static let model = "wake-sleep"
    /// 2: tolerance curves with sparse recall dynamics (different rounding than version 1).
    /// 3: synaptic noise of the tolerance curves from the ziggurat (Ziggurat.swift), not Box–Muller.
    public static let version = 3
    static let checkpointModel = "wake-sleep-checkpoint"

    public struct Options {
        public var threads = 1
        /// When set, the threads follow this point's share of the machine's cores among the
        /// points running beside it (as AttractorPoint.Options.coreShare): the sleep re-counts
        /// every 500 epochs, each tolerance curve when it starts (same bits for any count).
        public var coreShare: CoreShare? = nil
        public var checkpoint: URL? = nil
        public var checkpointSeconds: Double = 120
        /// Label of the progress lines on stderr (nil: silent); wake and sleep get their own ETA.
        public var progressLabel: String? = nil
        /// Testing: stop sleeping after this many epochs, leaving a checkpoint.
        public var interruptAfterEpochs: Int? = nil
        /// Testing only: seconds to sleep every sleep epoch (makes a tiny run slow enough to interrupt).
        public var testDelaySeconds: Double? = nil
        public init() {}
    }

    public typealias Interrupted = RunInterrupted

    /// The threads to use now: the core share's, else `threads`.
    static func currentThreads(_ options: Options) -> Int { options.coreShare?.threads() ?? options.threads }

    /// Runs (or resumes) the model and returns every recording.
    public static func produce(_ p: WakeSleepParameters, options: Options = Options()) throws -> ResultBundle {
        try p.validate()
        let progress = options.progressLabel.map { Progress($0) }
        var state: (net: WakeSleepNetwork, stored: SparsePatterns, sleep: SleepPhase, record: WakeSleepRecord)
        var clock = RunClock()
        if let resumed = try resume(p, options: options) {
            state = (resumed.net, resumed.stored, resumed.sleep, resumed.record)
            clock.earlier = resumed.spent
            progress?.message("resuming at sleep epoch \(state.sleep.epoch)")
        } else {
            let (net, stored, record) = try wakeAndSelect(p, options: options)
            let sleep = SleepPhase(net: net, patterns: stored, beta: Float(p.beta), length: p.length)
            state = (net, stored, sleep, record)
            try saveCheckpoint(p, state.sleep, state.record, options: options, spent: clock.total)
        }
        let (net, stored, sleep) = (state.net, state.stored, state.sleep)
        sleep.threads = currentThreads(options)
        var record = state.record
        let grid = recordSteps(p)
        let wakeSteps = p.wakePasses * p.m
        var lastCheckpoint = Date()
        // Its own progress object so the ETA reflects sleep epochs only.
        let sleepProgress = options.progressLabel.map { Progress($0 + " sleep") }
        while sleep.epoch < p.sleepEpochs {
            let e = sleep.epoch
            if e % 500 == 0 { sleep.threads = currentThreads(options) }
            recordSleepState(p, sleep, &record, grid: grid, wakeSteps: wakeSteps)
            if e > 0, p.snapshotEpochs.contains(e) {
                sleep.synchroniseNetwork()
                record.arrays["w_epoch\(e)"] = NDArray(net.weightMatrix(), shape: [p.n, p.n])
            }
            sleep.step(eta: p.sleepRate(epoch: e))
            if let d = options.testDelaySeconds { Thread.sleep(forTimeInterval: d) }
            sleepProgress?.update(done: Double(sleep.epoch), total: Double(p.sleepEpochs),
                             detail: String(format: "sleep epochs (l0 %.3f)", record.epochSeries["l0_mean"]?.last ?? .nan))
            if let stop = options.interruptAfterEpochs, sleep.epoch >= stop, sleep.epoch < p.sleepEpochs {
                try saveCheckpoint(p, sleep, record, options: options, spent: clock.total)
                throw RunInterrupted(stage: "sleep", epoch: sleep.epoch)
            }
            if StopRequest.isRequested, options.checkpoint != nil, sleep.epoch < p.sleepEpochs {
                try saveCheckpoint(p, sleep, record, options: options, spent: clock.total)
                throw RunInterrupted(stage: "sleep", epoch: sleep.epoch, signal: StopRequest.signal)
            }
            if options.checkpoint != nil, Date().timeIntervalSince(lastCheckpoint) >= options.checkpointSeconds {
                try saveCheckpoint(p, sleep, record, options: options, spent: clock.total)
                lastCheckpoint = Date()
            }
        }
        // The final state.
        sleep.synchroniseNetwork()
        recordSleepState(p, sleep, &record, grid: grid, wakeSteps: wakeSteps, force: true)
        record.arrays["radius_end"] = NDArray(sleep.radius())
        record.arrays["w_end"] = NDArray(net.weightMatrix(), shape: [p.n, p.n])
        record.arrays["theta_end"] = NDArray(net.theta)
        progress?.message("tolerance curves after sleep")
        for (k, v) in toleranceCurves(net, stored, p, tag: 2, threads: currentThreads(options),
                                            progress: options.progressLabel.map { $0 + " after" }) { record.arrays["tolerance_after_\(k)"] = v }
        let before = record.arrays["w_epoch0"]!.floats
        let end = record.arrays["w_end"]!.floats
        let (surviving, pruned) = trackedWeights(before: before, after: end, n: p.n, neuron: 0, count: 10)
        record.arrays["tracked_surviving"] = NDArray(surviving.map(Int32.init))
        record.arrays["tracked_pruned"] = NDArray(pruned.map(Int32.init))
        var values: [String: Double] = ["m_total": Double(p.m), "m_stored": Double(stored.m),
                                        "sleep_epochs": Double(p.sleepEpochs), "wake_time": Double(p.wakePasses)]
        for name in WakeSleepRecord.epochNames {
            values["\(name)_before"] = record.epochSeries[name]?.first ?? .nan
            values["\(name)_after"] = record.epochSeries[name]?.last ?? .nan
        }
        return ResultBundle(arrays: record.bundleArrays(storedCount: stored.m), values: values, earlier: clock.earlier)
    }

    // MARK: wake

    /// Patterns, wake, selection, pre-sleep snapshots and tolerance curves.
    static func wakeAndSelect(_ p: WakeSleepParameters, options: Options) throws
        -> (WakeSleepNetwork, SparsePatterns, WakeSleepRecord) {
        var patternRng = Xoshiro256(seed: p.seed, stream: 1)
        let patterns = SparsePatterns.exact(n: p.n, m: p.m, f: p.f, rng: &patternRng)
        let net = WakeSleepNetwork(n: p.n)
        WakePhase.start(net, u0: Float(p.u0), f: p.f)
        var record = WakeSleepRecord(n: p.n)
        let grid = recordSteps(p)
        let progress = options.progressLabel.map { Progress($0 + " wake") }
        var orderRng = Xoshiro256(seed: p.seed, stream: 2)
        let wakeSteps = p.wakePasses * p.m
        var s = 0
        for _ in 0..<p.wakePasses {
            for mu in orderRng.permutation(p.m) {
                WakePhase.present(net, active: patterns.active[mu], eta: Float(p.etaWake), f: p.f)
                s += 1
                if s < wakeSteps, grid.contains(s) {
                    net.completeHeldWeights()
                    let h = SparseField.compute(net, patterns)
                    let stats = h.withUnsafeBufferPointer { FieldStatistics(field: $0.baseAddress!, patterns: patterns) }
                    let (l1, l2sq, alive) = net.rowNorms()
                    var sc = StateScalars(stats: stats, l1: l1, l2sq: l2sq, alive: alive, theta: net.theta, f: p.f).values
                    let c = net.factorCorrelations()
                    sc["corr_within"] = c.within
                    sc["corr_across"] = c.across
                    record.append(step: s, time: Double(s) / Double(p.m), scalars: sc, incoming: net.incoming(0))
                }
                progress?.update(done: Double(s), total: Double(wakeSteps), detail: "wake presentations")
            }
        }
        net.completeHeldWeights()
        let kept = WakePhase.storedPatterns(net, patterns)
        guard !kept.isEmpty else { throw WakeSleepError.nothingStored }
        progress?.message("stored \(kept.count) of \(p.m) patterns after waking")
        let stored = patterns.subset(kept)
        record.arrays["patterns"] = NDArray(patterns.matrixBytes, shape: [p.n, p.m])
        record.arrays["kept"] = NDArray(kept.map(Int32.init))
        record.arrays["w_epoch0"] = NDArray(net.weightMatrix(), shape: [p.n, p.n])
        record.arrays["theta_before"] = NDArray(net.theta)
        record.arrays["tolerance_p"] = NDArray(p.toleranceBaseLevels)
        progress?.message("tolerance curves before sleep")
        for (k, v) in toleranceCurves(net, stored, p, tag: 1, threads: currentThreads(options),
                                            progress: options.progressLabel.map { $0 + " before" }) { record.arrays["tolerance_before_\(k)"] = v }
        return (net, stored, record)
    }

    // MARK: recordings

    /// Global steps recorded: `recordPoints` log-spaced times in [10, t_end] (the panels'
    /// time axes start at 10; tiny runs with t_end < 100 start at 1) snapped to the
    /// nearest step (wake presentation s at t = s/M; sleep epoch e at t = passes + e).
    public static func recordSteps(_ p: WakeSleepParameters) -> Set<Int> {
        let wakeSteps = p.wakePasses * p.m
        let tEnd = Double(p.wakePasses + p.sleepEpochs)
        var out = Set<Int>()
        let t0 = tEnd >= 100 ? 1.0 : 0.0
        for k in 0..<p.recordPoints {
            let t = Foundation.pow(10, t0 + (Foundation.log10(tEnd) - t0) * Double(k) / Double(p.recordPoints - 1))
            if t < Double(p.wakePasses) {
                out.insert(max(1, Int((t * Double(p.m)).rounded())))
            } else {
                out.insert(wakeSteps + min(p.sleepEpochs, Int((t - Double(p.wakePasses)).rounded())))
            }
        }
        out.insert(wakeSteps)
        out.insert(wakeSteps + p.sleepEpochs)
        return out
    }

    /// Per-epoch scalars, radius and (on the grid) the full record of the state at the
    /// start of the current sleep epoch.
    static func recordSleepState(_ p: WakeSleepParameters, _ sleep: SleepPhase, _ record: inout WakeSleepRecord,
                                 grid: Set<Int>, wakeSteps: Int, force: Bool = false) {
        if !sleep.fieldIsCurrent { sleep.computeField() }
        let e = sleep.epoch
        var sc = StateScalars(stats: sleep.stats, l1: sleep.l1, l2sq: sleep.l2sq, alive: sleep.alive,
                              theta: sleep.net.theta, f: p.f).values
        record.appendEpoch(sc)
        if e < p.radiusEpochs && e < p.sleepEpochs { record.appendRadius(sleep.radius()) }
        if force || grid.contains(wakeSteps + e) {
            sleep.synchroniseNetwork()
            let c = sleep.net.factorCorrelations()
            sc["corr_within"] = c.within
            sc["corr_across"] = c.across
            record.append(step: wakeSteps + e, time: Double(p.wakePasses + e), scalars: sc,
                          incoming: sleep.net.incoming(0))
        }
    }

    /// Recall curves (n_steps = toleranceSteps, k-WTA off) after the "mean-u" rescaling of
    /// docs/methods.md §1.7 on a copy: per noise type, recall and error against p.
    static func toleranceCurves(_ net: WakeSleepNetwork, _ stored: SparsePatterns, _ p: WakeSleepParameters,
                                tag: UInt64, threads: Int, progress: String? = nil) -> [String: NDArray] {
        let tester = toleranceTester(net, stored, threads: threads)
        var out: [String: NDArray] = [:]
        let levels = Array(p.toleranceBaseLevels.indices)
        for type in WakeSleepParameters.toleranceTypes {
            let (recall, error) = toleranceCurve(tester, p, type: type, levelIndices: levels, tag: tag,
                                                 progress: progress.map { Progress($0 + " \(type.rawValue)") })
            out["\(type.rawValue)_recall"] = NDArray(recall)
            out["\(type.rawValue)_error"] = NDArray(error)
        }
        return out
    }

    /// The tester of the tolerance curves: a "mean-u" rescaled copy of the network, sparse dynamics.
    static func toleranceTester(_ net: WakeSleepNetwork, _ stored: SparsePatterns, threads: Int) -> RobustnessTester {
        let copy = net.synapticNetwork()
        SynapseOps.rescaleMeanU(copy)
        return RobustnessTester(net: copy, patterns: stored.patternSet, threads: threads, sparseStates: true)
    }

    /// Recall and error at the given indices of the scale's levels (times the type's factor).
    static func toleranceCurve(_ tester: RobustnessTester, _ p: WakeSleepParameters, type: NoiseType,
                               levelIndices: [Int], tag: UInt64, progress: Progress?) -> ([Double], [Double]) {
        let factor = p.toleranceFactors[type.rawValue] ?? 1
        let base = p.toleranceBaseLevels
        let curve = tester.curve(type: type, levels: levelIndices.map { factor * base[$0] }, levelIndices: levelIndices,
                                 nTests: p.toleranceTests, stepCounts: [p.toleranceSteps], seed: p.seed &* 1000 &+ tag) { k, r in
            progress?.update(done: Double(k + 1), total: Double(levelIndices.count),
                             detail: String(format: "noise levels (recall %.2f)", r.recall))
        }
        return (curve.recall[0], curve.error[0])
    }

    /// Up to `count` surviving (final weight ≥ 0.1 × mean surviving weight) and `count`
    /// pruned (alive before sleep, pruned at the end) incoming synapses of `neuron`, evenly
    /// spread over the ranks of their final (surviving) or pre-sleep (pruned) weight.
    public static func trackedWeights(before: [Float], after: [Float], n: Int, neuron: Int, count: Int)
        -> (surviving: [Int], pruned: [Int]) {
        let js = (0..<n).filter { $0 != neuron }
        // Survivors that have settled at a typical size (≥ 0.1 × their mean): a few alive
        // weights are still decaying at the end and would look pruned on a log axis.
        let alive = js.filter { after[neuron * n + $0] > pruneThreshold }
        let meanAlive = alive.reduce(Float(0)) { $0 + after[neuron * n + $1] } / Float(max(alive.count, 1))
        let survivors = alive.filter { after[neuron * n + $0] >= 0.1 * meanAlive }
            .sorted { (after[neuron * n + $0], $0) < (after[neuron * n + $1], $1) }
        let pruned = js.filter { before[neuron * n + $0] > pruneThreshold && !(after[neuron * n + $0] > pruneThreshold) }
            .sorted { (before[neuron * n + $0], $0) < (before[neuron * n + $1], $1) }
        func spread(_ a: [Int]) -> [Int] {
            guard a.count > count else { return a }
            var out: [Int] = []
            for k in 0..<count {
                let idx = Int((Double(k) * Double(a.count - 1) / Double(count - 1)).rounded())
                out.append(a[idx])
            }
            return out
        }
        return (spread(survivors), spread(pruned))
    }

    // MARK: checkpoints

    /// `spent`: what the run has cost so far, every process included (its run record).
    static func saveCheckpoint(_ p: WakeSleepParameters, _ sleep: SleepPhase, _ record: WakeSleepRecord,
                               options: Options, spent: SpentTime) throws {
        guard let dir = options.checkpoint else { return }
        let n = p.n
        sleep.synchroniseNetwork()
        var arrays = record.bundleArrays(storedCount: sleep.patterns.m)
        arrays["state_u0"] = NDArray(Array(UnsafeBufferPointer(start: sleep.net.u0, count: n * n)), shape: [n, n])
        arrays["state_u1"] = NDArray(Array(UnsafeBufferPointer(start: sleep.net.u1, count: n * n)), shape: [n, n])
        arrays["state_theta"] = NDArray(sleep.net.theta)
        arrays["state_mean_abs_prev"] = NDArray(sleep.meanAbsPrev)
        try ResultStore.save(ResultBundle(arrays: arrays, values: ["epoch": Double(sleep.epoch)]), to: dir,
                             model: checkpointModel, version: version, parameters: try JSONValue(encoding: p),
                             wallSeconds: spent.wallSeconds, cpuSeconds: spent.cpuSeconds, processes: spent.processes,
                             command: "checkpoint")
    }

    /// The checkpointed state, nil when there is none or it belongs to other parameters. A
    /// damaged checkpoint is refused with a message, deleted, and the run starts afresh.
    typealias Resumed = (net: WakeSleepNetwork, stored: SparsePatterns, sleep: SleepPhase, record: WakeSleepRecord,
                         spent: SpentTime?)

    static func resume(_ p: WakeSleepParameters, options: Options) throws -> Resumed? {
        do { return try resumeOrThrow(p, options: options) } catch {
            let dir = options.checkpoint?.path ?? "checkpoint"
            FileHandle.standardError.write(Data("warning: damaged checkpoint \(dir) refused (\(error)); starting afresh\n".utf8))
            if let url = options.checkpoint { try? FileManager.default.removeItem(at: url) }
            return nil
        }
    }

    static func resumeOrThrow(_ p: WakeSleepParameters, options: Options) throws -> Resumed? {
        guard let dir = options.checkpoint else { return nil }
        let stored: StoredResult
        do {
            guard let s = try ResultStore.existing(dir, model: checkpointModel, version: version,
                                                   parameters: try JSONValue(encoding: p), force: false) else { return nil }
            stored = s
        } catch let e as ResultError {
            if case .mismatch = e {
                options.progressLabel.map { Progress($0) }?.message("ignoring checkpoint \(dir.path): \(e)")
                return nil
            }
            throw e
        }
        let n = p.n
        let record = try WakeSleepRecord(n: n, from: stored)
        guard let x = record.arrays["patterns"], let keptArray = record.arrays["kept"] else {
            throw WakeSleepError.checkpoint("\(dir.path) lacks patterns")
        }
        let all = SparsePatterns.fromMatrix(n: n, m: p.m, f: p.f, values: x.doubles)
        let kept = keptArray.doubles.map { Int($0) }
        let net = WakeSleepNetwork(n: n)
        let u0 = try stored.array("state_u0").floats, u1 = try stored.array("state_u1").floats
        guard u0.count == n * n, u1.count == n * n else { throw WakeSleepError.checkpoint("\(dir.path): bad state size") }
        net.u0.update(from: u0, count: n * n)
        net.u1.update(from: u1, count: n * n)
        net.recomputeWeights()
        net.theta = try stored.array("state_theta").floats
        let sleep = SleepPhase(resuming: net, patterns: all.subset(kept), beta: Float(p.beta), length: p.length,
                               epoch: Int(try stored.value("epoch")),
                               meanAbsPrev: try stored.array("state_mean_abs_prev").floats)
        // Checkpoints that recorded no cost (older ones) say processes nil.
        let run = stored.sidecar.run
        let spent = run.processes.map { SpentTime(cpuSeconds: run.cpuSeconds ?? 0, wallSeconds: run.wallSeconds, processes: $0) }
        return (net, all.subset(kept), sleep, record, spent)
    }

    // MARK: benchmark

    /// Wake at full length, then `epochs` sleep epochs (the sparse phase below
    /// `sparseBelow` alive, SleepPhase's default if nil); returns (wake seconds, seconds per
    /// sleep epoch, patterns stored, alive fraction at the end, the epoch the sparse phase began).
    public static func bench(_ p: WakeSleepParameters, epochs: Int, sparseBelow: Double? = nil, threads: Int = 1,
                             progressLabel: String?) throws
        -> (wakeSeconds: Double, secondsPerEpoch: Double, stored: Int, aliveFraction: Double, sparseFrom: Int?) {
        let t0 = Date()
        let (net, stored) = try benchWake(p, progressLabel: progressLabel)
        let wake = Date().timeIntervalSince(t0)
        let sleep = SleepPhase(net: net, patterns: stored, beta: Float(p.beta), length: p.length)
        if let sparseBelow { sleep.sparseBelowAliveFraction = sparseBelow }
        sleep.threads = threads
        var sparseFrom: Int? = nil
        let t1 = Date()
        for e in 0..<epochs {
            _ = StateScalars(stats: sleep.stats, l1: sleep.l1, l2sq: sleep.l2sq, alive: sleep.alive,
                             theta: net.theta, f: p.f)
            sleep.step(eta: p.sleepRate(epoch: e))
            sleep.computeField()
            if sparseFrom == nil, sleep.isSparse { sparseFrom = e }
        }
        let seconds = Date().timeIntervalSince(t1) / Double(max(epochs, 1))
        let aliveFraction = Double(sleep.alive.reduce(0, +)) / Double(p.n * (p.n - 1))
        return (wake, seconds, stored.m, aliveFraction, sparseFrom)
    }

    /// The wake phase and selection at full length, with the recordings and tolerance curves
    /// cut to a minimum (benchmarks time what comes after).
    static func benchWake(_ p: WakeSleepParameters, progressLabel: String?) throws -> (WakeSleepNetwork, SparsePatterns) {
        try p.validate()
        var q = p
        q.recordPoints = 2
        q.toleranceLevels = 1
        q.toleranceTests = 1
        var options = Options()
        options.progressLabel = progressLabel
        let (net, stored, _) = try wakeAndSelect(q, options: options)
        return (net, stored)
    }

    /// Wake at full length, then times the before-sleep tolerance curve of each noise type
    /// on `levels` of the scale's levels (evenly spread, both ends included; nil: all).
    /// Returns (type, levels timed, CPU seconds, wall seconds) per type.
    public static func benchTolerance(_ p: WakeSleepParameters, levels: Int?, threads: Int, progressLabel: String?) throws
        -> [(type: NoiseType, levels: Int, cpuSeconds: Double, wallSeconds: Double)] {
        let (net, stored) = try benchWake(p, progressLabel: progressLabel)
        let tester = toleranceTester(net, stored, threads: threads)
        let all = p.toleranceBaseLevels
        let k = min(levels ?? all.count, all.count)
        let picked = k <= 1 ? [all.count - 1]
            : (0..<k).map { Int((Double($0) * Double(all.count - 1) / Double(k - 1)).rounded()) }
        var out: [(NoiseType, Int, Double, Double)] = []
        for type in WakeSleepParameters.toleranceTypes {
            let c0 = ProcessCPU.seconds(), t0 = Date()
            _ = toleranceCurve(tester, p, type: type, levelIndices: picked, tag: 1, progress: nil)
            out.append((type, picked.count, ProcessCPU.seconds() - c0, Date().timeIntervalSince(t0)))
        }
        return out
    }
}
