// Panels 10–13: connectivity against response correlation, tuning and selectivity.

import Foundation
import Plot
import Sim

enum ResponsePanels {
    /// 10: connection probability against response correlation (after sleep).
    static func connectionProbability(_ bins: Fig3Analysis.CorrelationBins) -> Figure {
        let fig = Figure(widthCm: 3.6, heightCm: 3.6)
        let ax = fig.addAxes()
        ax.plot(bins.centres, bins.connection, color: .black, lineWidth: 1.5)
        ax.axhline(bins.density, color: .black, lineStyle: .dotted)
        ax.setXLim(-0.1, 0.4)
        ax.setXTicks([0, 0.2, 0.4])
        ax.setYLim(0, 1.02)
        ax.setYTicks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
        ax.yAxis.format = .decimals(1)
        ax.xAxis.format = .decimals(1)
        ax.setXLabel("Response correlation")
        ax.setYLabel("Connection probability")
        return fig
    }

    /// 11: mean strength of existing connections / largest weight against correlation.
    static func connectionStrength(_ bins: Fig3Analysis.CorrelationBins) -> Figure {
        let fig = Figure(widthCm: 3.1, heightCm: 3.6)
        let ax = fig.addAxes()
        ax.plot(bins.centres, bins.strength.map { $0 / bins.maxWeight }, color: .black, lineWidth: 1.5)
        ax.axhline(bins.meanStrength / bins.maxWeight, color: .black, lineStyle: .dotted)
        ax.setYScale(.log)
        ax.setYLim(0.035, 0.65)
        ax.setYTicks([0.05, 0.1, 0.5], labels: [".05", ".1", ".5"])
        ax.setXLim(-0.1, 0.4)
        ax.setXTicks([0, 0.2, 0.4])
        ax.xAxis.format = .decimals(1)
        ax.setXLabel("Response correlation")
        ax.setYLabel("Connection strength")
        return fig
    }

    /// 12: mean sorted z-scored currents, familiar (green) and novel (black).
    static func tuningCurves(_ curves: (familiar: [Double], novel: [Double])) -> Figure {
        let fig = Figure(widthCm: 3.1, heightCm: 3.6)
        let ax = fig.addAxes()
        let ranks = (1...curves.familiar.count).map(Double.init)
        ax.plot(ranks, curves.familiar, color: .named("forestgreen"), lineWidth: 1.5, label: "Familiar")
        ax.plot(ranks, curves.novel, color: .black, lineWidth: 1.5, label: "Novel")
        ax.setXScale(.log)
        ax.setXLim(1, Double(curves.familiar.count))
        ax.setXTicks([1, 10, 100].filter { $0 <= Double(curves.familiar.count) })
        ax.xAxis.format = .plain
        ax.setXLabel("Stimulus rank")
        ax.setYLabel("Input current (z-score)")
        ax.setTitle("Simulation", size: Fig3Style.small)
        ax.legend(location: .upperRight, fontSize: Fig3Style.small)
        return fig
    }

    /// 13: sparseness over stimuli, novel vs familiar, for inputs and sigmoid outputs.
    static func selectivity(_ s: Fig3Analysis.Selectivity) -> Figure {
        let fig = Figure(widthCm: 2.4, heightCm: 3.6)
        let ax = fig.addAxes()
        let kinds: [(String, String, Color, Color)] = [
            ("hard", "hard\noutput", .named("darkgrey"), .named("yellowgreen").alpha(0.6)),
            ("soft", "soft\noutput", .named("darkgrey"), .named("yellowgreen").alpha(0.6)),
            ("input", "exc.\ninput", .black, .named("forestgreen"))]
        for (key, label, novelColor, familiarColor) in kinds {
            guard let m = s.mean[key], let e = s.sem[key] else { continue }
            let lineColor: Color = key == "input" ? .black : .named("silver")
            ax.plot([0, 1], [m.novel, m.familiar], color: lineColor, lineWidth: 0.6)
            ax.errorbar([0, 1], [m.novel, m.familiar], yErr: [e.novel, e.familiar], color: lineColor, lineStyle: .none)
            ax.scatter([0], [m.novel], color: novelColor, size: 5, zOrder: 3)
            ax.scatter([1], [m.familiar], color: familiarColor, size: 5, edgeColor: key == "input" ? .black : nil,
                       edgeWidth: 0.6, zOrder: 3)
            // Right of the familiar point, reaching past the axes (x in axes fractions); moved
            // up or down when another label or the data are there.
            let t = ax.text(1.55 / 1.8, m.familiar, label, coordinates: .axesXDataY, size: Fig3Style.small - 0.5,
                            color: key == "input" ? .black : .named("darkgrey"), vAlign: .center)
            t.alternatives = [0.04, -0.04, 0.08, -0.08].map { (1.55 / 1.8, m.familiar + $0) }
        }
        ax.setXLim(-0.4, 1.4)
        ax.setXTicks([0, 1], labels: ["Novel", "Familiar"])
        ax.xAxis.tickLabelRotation = 30
        ax.setYLabel("Sparseness (over stim.)")
        return fig
    }
}
