// The scales every model runs at, as one type: `tiny` (seconds, for tests),
// `default` (minutes on a laptop), `large` (Figure 2 at the paper's N = 1000 with the default
// training), `paper` (the paper's protocol). Each model keeps its own
// table of what a scale means (AttractorScale, WakeSleepScale, FluctuationScale in Sim).

import Sim

public enum Scale: String, CaseIterable, Sendable, Codable {
    case tiny
    case `default`
    case large
    case paper

    public var attractor: AttractorScale { AttractorScale.named(rawValue)! }
    public var wakeSleep: WakeSleepScale { WakeSleepScale.named(rawValue)! }
    /// The fluctuation model is cheap: every scale but `tiny` runs it at the paper's size.
    public var fluctuations: FluctuationScale { self == .tiny ? .tiny : .paper }
}
