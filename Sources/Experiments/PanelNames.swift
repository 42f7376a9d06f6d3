// Every panel's name, once: the figure commands draw under these names, figure.json records
// them (`DrawnFigure`), check-figures.sh and the report read them from there, and a test holds
// docs/methods.md §6 to them.

import Foundation

/// A figure's panels in drawing order; the raw value is the file name (without extension).
public protocol PanelName: RawRepresentable, CaseIterable where RawValue == String {}

public enum Figure2Panel: String, PanelName {
    case snrByNormExponent = "01-snr-by-norm-exponent"
    case neuralSNRVsLoad = "02-neural-snr-vs-load"
    case recallVsNeuralNoise = "03-recall-vs-neural-noise"
    case maxNeuralNoiseVsZ = "04-max-neural-noise-vs-z"
    case synapticSNRVsLoad = "05-synaptic-snr-vs-load"
    case recallVsSynapticNoise = "06-recall-vs-synaptic-noise"
    case maxSynapticNoiseVsZ = "07-max-synaptic-noise-vs-z"
    case connectionDensityVsLoad = "08-connection-density-vs-load"
    case survivingWeightDistribution = "09-surviving-weight-distribution"
    case allWeightDistribution = "10-all-weight-distribution"
}

public enum Figure3Panel: String, PanelName {
    case recallRasterBefore = "01-recall-raster-before"
    case recallRasterAfter = "02-recall-raster-after"
    case noiseToleranceBeforeAfter = "03-noise-tolerance-before-after"
    case snrAndDensityOverReplay = "04-snr-and-density-over-replay"
    case weightMatrixBefore = "05-weight-matrix-before"
    case weightMatrixAfter = "06-weight-matrix-after"
    case factorCorrelationAndTrajectories = "07-factor-correlation-and-trajectories"
    case weightDistributionBeforeAfter = "08-weight-distribution-before-after"
    case pruningProbabilityVsWeight = "09-pruning-probability-vs-weight"
    case connectionProbabilityVsCorrelation = "10-connection-probability-vs-correlation"
    case connectionStrengthVsCorrelation = "11-connection-strength-vs-correlation"
    case tuningCurves = "12-tuning-curves"
    case stimulusSelectivity = "13-stimulus-selectivity"
    case snrGainVsInitialSNRByCycles = "14-snr-gain-vs-initial-snr-by-cycles"
    case snrGainLowVsHighLoad = "15-snr-gain-low-vs-high-load"
}

public enum Figure56Panel: String, PanelName {
    case dwVsWSimulation = "01-dw-vs-w-simulation"
    case dwVsWKaufman = "02-dw-vs-w-kaufman"
    case cvRankVsNormExponent = "03-cv-rank-vs-norm-exponent"
    case bootstrapIllustration = "04-bootstrap-illustration"
    case qMinVsZ = "05-qmin-vs-z"
}

public enum PanelManifest {
    /// The paper's figures and their panels, in order.
    public static let figures: [(figure: String, panels: [String])] = [
        ("figure2", Figure2Panel.allCases.map(\.rawValue)),
        ("figure3", Figure3Panel.allCases.map(\.rawValue)),
        ("figure5-6", Figure56Panel.allCases.map(\.rawValue)),
    ]

    public static func panels(of figure: String) -> [String]? { figures.first { $0.figure == figure }?.panels }
}

/// A figure folder's figure.json: what was drawn, at which scale, from which results. The
/// report shows a folder's panels only for the scale recorded here.
public struct DrawnFigure: Codable, Equatable, Sendable {
    public var figure: String
    public var scale: String
    public var results: String
    public var panels: [String]

    public init(figure: String, scale: String, results: String, panels: [String]) {
        self.figure = figure; self.scale = scale; self.results = results; self.panels = panels
    }

    public static let fileName = "figure.json"

    /// One line of JSON, keys sorted (check-figures.sh reads the panel list with grep).
    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self) + Data("\n".utf8)
    }

    /// The figure.json of `folder`, nil when it has none (not drawn) or cannot be read.
    public static func read(_ folder: URL) -> DrawnFigure? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)) else { return nil }
        return try? JSONDecoder().decode(DrawnFigure.self, from: data)
    }
}
