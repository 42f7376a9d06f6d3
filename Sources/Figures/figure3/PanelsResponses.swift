// Panels 10–13: connectivity against response correlation, tuning and selectivity.

import Experiments
import FigureSupport
import Foundation
import Plot

enum ResponsePanels {
    /// 10: connection probability against response correlation (after sleep).
    static func connectionProbability(_ bins: Figure3Data.CorrelationBins) -> Figure {
        let fig = Figure(widthCm: 3.6, heightCm: 3.6)
        let ax = fig.addAxes()
        ax.plot(bins.centres, bins.connection, color: .black, lineWidth: HouseStyle.lineWidth)
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
    static func connectionStrength(_ bins: Figure3Data.CorrelationBins) -> Figure {
        let fig = Figure(widthCm: 3.1, heightCm: 3.6)
        let ax = fig.addAxes()
        ax.plot(bins.centres, bins.relativeStrength, color: .black, lineWidth: HouseStyle.lineWidth)
        ax.axhline(bins.meanRelativeStrength, color: .black, lineStyle: .dotted)
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
    static func tuningCurves(_ curves: Figure3Data.TuningCurves) -> Figure {
        let fig = Figure(widthCm: 3.1, heightCm: 3.6)
        let ax = fig.addAxes()
        ax.plot(curves.ranks, curves.familiar, color: .named("forestgreen"), lineWidth: HouseStyle.lineWidth, label: "Familiar")
        ax.plot(curves.ranks, curves.novel, color: .black, lineWidth: HouseStyle.lineWidth, label: "Novel")
        ax.setXScale(.log)
        ax.setXLim(1, Double(curves.familiar.count))
        ax.setXTicks([1, 10, 100].filter { $0 <= Double(curves.familiar.count) })
        ax.xAxis.format = .plain
        ax.setXLabel("Stimulus rank")
        ax.setYLabel("Input current (z-score)")
        ax.setTitle("Simulation", size: HouseStyle.smallFontSize)
        ax.legend(location: .upperRight, fontSize: HouseStyle.smallFontSize)
        return fig
    }

    /// 13: sparseness over stimuli, novel vs familiar, for inputs and sigmoid outputs.
    static func selectivity(_ s: Figure3Data.Selectivity) -> Figure {
        let fig = Figure(widthCm: 2.4, heightCm: 3.6)
        let ax = fig.addAxes()
        let kinds: [(Figure3Data.SparsenessPair, Bool, String, Color, Color)] = [
            (s.hard, false, "hard\noutput", .named("darkgrey"), .named("yellowgreen").alpha(0.6)),
            (s.soft, false, "soft\noutput", .named("darkgrey"), .named("yellowgreen").alpha(0.6)),
            (s.input, true, "exc.\ninput", .black, .named("forestgreen"))]
        for (m, isInput, label, novelColor, familiarColor) in kinds {
            let lineColor: Color = isInput ? .black : .named("silver")
            ax.plot([0, 1], [m.novel, m.familiar], color: lineColor, lineWidth: HouseStyle.fineLineWidth)
            ax.errorbar([0, 1], [m.novel, m.familiar], yErr: [m.novelSEM, m.familiarSEM], color: lineColor, lineStyle: .none)
            ax.scatter([0], [m.novel], color: novelColor, size: 5, zOrder: 3)
            ax.scatter([1], [m.familiar], color: familiarColor, size: 5, edgeColor: isInput ? .black : nil,
                       edgeWidth: 0.6, zOrder: 3)
            // Right of the familiar point, reaching past the axes (x in axes fractions); moved
            // up or down when another label or the data are there.
            let t = ax.text(1.55 / 1.8, m.familiar, label, coordinates: .axesXDataY, size: HouseStyle.tinyFontSize,
                            color: isInput ? .black : .named("darkgrey"), vAlign: .center)
            t.alternatives = [0.04, -0.04, 0.08, -0.08].map { (1.55 / 1.8, m.familiar + $0) }
        }
        ax.setXLim(-0.4, 1.4)
        ax.setXTicks([0, 1], labels: ["Novel", "Familiar"])
        ax.xAxis.tickLabelRotation = 30
        ax.setYLabel("Sparseness (over stim.)")
        return fig
    }
}
