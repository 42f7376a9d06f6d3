// A long run stopped on request (testing, `--interrupt-after`) with its checkpoint kept;
// the next invocation resumes from it.

public struct RunInterrupted: Error, CustomStringConvertible {
    /// What was interrupted ("training", "sleep").
    public var stage: String
    public var epoch: Int
    public init(stage: String, epoch: Int) { self.stage = stage; self.epoch = epoch }
    public var description: String { "\(stage) interrupted after epoch \(epoch) (checkpoint kept)" }
}
