// Options every checkpointed `simulate` subcommand shares.

import ArgumentParser
import Experiments
import Foundation
import Sim

extension Scale: ExpressibleByArgument {}
extension WakeSleepLoad: ExpressibleByArgument {}
extension AttractorLoad: ExpressibleByArgument {
    public init?(argument: String) { self.init(text: argument) }
}

struct RunOptions: ParsableArguments {
    @Option(help: "Scale: tiny, default, large or paper.") var scale: Scale = .default
    @Option(help: "Result directory (default: the point's canonical directory under data/results/<scale>/).")
    var out: String?
    @Flag(help: "Recompute even if a result exists.") var force = false
    @Flag(help: "No progress output.") var quiet = false
    @Option(help: "Threads for row-parallel work (results are identical for any value; default: SLURM_CPUS_PER_TASK, else 1).")
    var threads: Int = RunOptions.defaultThreads
    @Flag(name: .customLong("share-cores"),
          help: "Count --threads as the cores this machine's running points share: an attractor point takes its share (cores / points running, re-counted every 500 epochs), so the last points of a sweep get the idle cores; a wake-sleep point's sleep does the same, and each tolerance curve takes the share when it starts.")
    var shareCores = false
    @Option(name: .customLong("checkpoint-seconds"), help: "Wall seconds between checkpoints.")
    var checkpointSeconds: Double = 120
    @Option(name: .customLong("interrupt-after"), help: "Testing: stop after this many epochs, leaving a checkpoint.")
    var interruptAfter: Int?
    @Option(name: .customLong("test-delay-ms"),
            help: ArgumentHelp("Testing only: sleep this long every 500 training epochs and every sleep epoch, so a tiny run can be interrupted mid-way.", visibility: .hidden))
    var testDelayMs: Double?

    /// The CPUs Slurm gave this task, else 1.
    static var defaultThreads: Int {
        ProcessInfo.processInfo.environment["SLURM_CPUS_PER_TASK"].flatMap { Int($0) }.map { max(1, $0) } ?? 1
    }

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads: must be >= 1 (got \(threads))") }
        guard checkpointSeconds > 0 else { throw ValidationError("--checkpoint-seconds: must be > 0") }
    }

    /// This point's entry among the machine's running points (--share-cores), else nil.
    func coreShare() throws -> CoreShare? {
        shareCores ? try CoreShare(cores: threads) : nil
    }

    /// The result directory of `point` unless --out names another.
    func directory(_ point: SimulationPoint) -> String { out ?? point.directory() }
}

/// The run settings the checkpointed models share (AttractorPoint.Options, WakeSleepModel.Options).
protocol CheckpointedRunSettings {
    var threads: Int { get set }
    var checkpoint: URL? { get set }
    var checkpointSeconds: Double { get set }
    var interruptAfterEpochs: Int? { get set }
    var testDelaySeconds: Double? { get set }
}

extension AttractorPoint.Options: CheckpointedRunSettings {}
extension WakeSleepModel.Options: CheckpointedRunSettings {}

extension RunOptions {
    /// `settings` with these options' threads and checkpointing, checkpoint file `checkpoint`.
    func apply<S: CheckpointedRunSettings>(to settings: S, checkpoint: URL) -> S {
        var s = settings
        s.threads = threads
        s.checkpoint = checkpoint
        s.checkpointSeconds = checkpointSeconds
        s.interruptAfterEpochs = interruptAfter
        s.testDelaySeconds = testDelayMs.map { $0 / 1000 }
        return s
    }
}
