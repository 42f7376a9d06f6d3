// The scales every model runs at, as one type: `tiny` (seconds, for tests and CI),
// `default` (minutes on a laptop), `paper` (the paper's protocol). Each model keeps its own
// table of what a scale means (AttractorScale, WakeSleepScale, FluctuationScale in Sim).

import Sim

public enum Scale: String, CaseIterable, Sendable, Codable {
    case tiny
    case `default`
    case paper

    public var attractor: AttractorScale { AttractorScale.named(rawValue)! }
    public var wakeSleep: WakeSleepScale { WakeSleepScale.named(rawValue)! }
    /// The fluctuation model is cheap: every scale but `tiny` runs it at the paper's size.
    public var fluctuations: FluctuationScale { self == .tiny ? .tiny : .paper }
}
