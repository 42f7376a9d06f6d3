// Options every checkpointed `simulate` subcommand shares.

import ArgumentParser
import Experiments

extension Scale: ExpressibleByArgument {}

struct RunOptions: ParsableArguments {
    @Option(help: "Scale: tiny, default or paper.") var scale: Scale = .default
    @Option(help: "Result directory (default: the point's canonical directory under data/results/<scale>/).")
    var out: String?
    @Flag(help: "Recompute even if a result exists.") var force = false
    @Flag(help: "No progress output.") var quiet = false
    @Option(help: "Threads for row-parallel work (results are identical for any value).") var threads: Int = 1
    @Option(name: .customLong("checkpoint-seconds"), help: "Wall seconds between checkpoints.")
    var checkpointSeconds: Double = 120
    @Option(name: .customLong("interrupt-after"), help: "Testing: stop after this many epochs, leaving a checkpoint.")
    var interruptAfter: Int?

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads: must be >= 1 (got \(threads))") }
        guard checkpointSeconds > 0 else { throw ValidationError("--checkpoint-seconds: must be > 0") }
    }

    /// The result directory of `point` unless --out names another.
    func directory(_ point: SimulationPoint) -> String { out ?? point.directory() }
}
