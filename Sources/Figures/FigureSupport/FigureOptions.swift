// Options every figure command shares: the scale, where its results are, where the
// figures go.

import ArgumentParser
import Experiments
import Foundation
import Plot
import Sim

extension Experiments.Scale: ExpressibleByArgument {}
extension AttractorLoad: ExpressibleByArgument {
    public init?(argument: String) { self.init(text: argument) }
    public var defaultValueDescription: String { text }
}

public struct FigureOptions: ParsableArguments {
    @Option(help: "Scale: tiny, default, large or paper.") public var scale: Experiments.Scale = .default
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

extension FigureOptions {
    /// Writes one figure: every panel to `<out>/<figure>/<name>.pdf|png`, the composed page
    /// to `<out>/<figure>.pdf|png`, then each text file to `<out>/<figure>/<file>`. The
    /// tables come last because `summary.csv` is the Make target: it must not exist unless
    /// every panel was saved (a failed save, e.g. a strict layout audit, is retried by make).
    /// `drawnScale` and `resultsRoot` name what figure.json records when it is not this
    /// command's scale and results (the committed evidence set).
    public func write(figure: String, panels: [(name: String, figure: Figure)], page: ([Figure]) -> Figure,
                      files: [(name: String, text: String)], drawnScale: String? = nil, resultsRoot results: String? = nil) throws {
        // A paper figure draws exactly its manifest's panels (PanelNames.swift).
        if let expected = PanelManifest.panels(of: figure), expected != panels.map(\.name) {
            preconditionFailure("\(figure) draws \(panels.map(\.name)), its manifest lists \(expected)")
        }
        let dir = URL(fileURLWithPath: out).appendingPathComponent(figure)
        try AtomicFile.ensureDirectory(dir)
        for (name, panel) in panels { try panel.save(base: dir.appendingPathComponent(name).path) }
        try page(panels.map(\.figure)).save(base: URL(fileURLWithPath: out).appendingPathComponent(figure).path)
        // figure.json says which panels were drawn and at which scale, so the report never
        // presents panels of another scale as this one's.
        let drawn = DrawnFigure(figure: figure, scale: drawnScale ?? scale.rawValue, results: results ?? resultsRoot().path,
                                panels: panels.map(\.name))
        try AtomicFile.write(try drawn.encoded(), to: dir.appendingPathComponent(DrawnFigure.fileName))
        for (name, text) in files { try AtomicFile.write(text, to: dir.appendingPathComponent(name)) }
    }
}
