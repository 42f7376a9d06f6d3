// A long run stopped on request with its checkpoint kept: by a test (`--interrupt-after`) or
// by a signal (StopRequest: Slurm's warning before a time limit, SIGTERM); the next
// invocation resumes from the checkpoint.

import Foundation

public struct RunInterrupted: Error, CustomStringConvertible {
    /// What was interrupted ("training", "sleep").
    public var stage: String
    public var epoch: Int
    /// The signal that asked to stop (0: a test's epoch limit).
    public var signal: Int32
    public init(stage: String, epoch: Int, signal: Int32 = 0) { self.stage = stage; self.epoch = epoch; self.signal = signal }
    public var description: String {
        "\(stage) interrupted after epoch \(epoch)" + (signal != 0 ? " by signal \(signal)" : "") + " (checkpoint kept)"
    }
}
