// Options every figure command shares: the scale, where its results are, where the
// figures go.

import ArgumentParser
import Experiments
import Foundation

extension Scale: ExpressibleByArgument {}

public struct FigureOptions: ParsableArguments {
    @Option(help: "Scale: tiny, default or paper.") public var scale: Scale = .default
    @Option(help: "Results directory of this scale (default data/results/<scale>).") public var results: String?
    @Option(help: "Output directory for figures.") public var out: String = "figures"

    public init() {}

    /// `--results`, or data/results/<scaleName> (a model may run another scale's size, as
    /// the fluctuations do: `Scale.fluctuations`).
    public func resultsRoot(scaleName: String? = nil) -> URL {
        URL(fileURLWithPath: results ?? "\(SimulationPoint.resultsRoot)/\(scaleName ?? scale.rawValue)")
    }

    /// The error a figure gives when its results are missing: what it read and which
    /// command produces them.
    public func missingResults(_ error: Error, figure: String) -> ValidationError {
        ValidationError("\(error)\n— the results are produced by `make \(figure) SCALE=\(scale.rawValue)` "
                        + "(or `simulate run <result directory>` for one point)")
    }
}
