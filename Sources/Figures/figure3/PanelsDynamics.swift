// Panels 03, 04, 07: tolerance bars and time courses.

import Experiments
import FigureSupport
import Foundation
import Plot

enum DynamicsPanels {
    /// 03: max neural and synaptic noise at recall 0.5, before/after, low (grey) and high (black).
    static func noiseTolerance(_ loads: [Figure3Data.Tolerance]) -> Figure {
        let fig = Figure(widthCm: 1.4, heightCm: 4.5)
        let g = fig.gridSpec(rows: 2, cols: 1, hspace: 6)
        let top = g.addAxes(row: 0, col: 0), bottom = g.addAxes(row: 1, col: 0)
        for (k, t) in loads.enumerated() {
            let x = [Double(k) * 0.4 - 0.2, 1 + Double(k) * 0.4 - 0.2]
            top.bar(x, [t.neuralBefore, t.neuralAfter], width: 0.4, color: Fig3Style.color(t.load))
            bottom.bar(x, [t.synapticBefore, t.synapticAfter], width: 0.4, color: Fig3Style.color(t.load))
        }
        for ax in [top, bottom] {
            ax.setXLim(-0.5, 1.5)
            ax.setXTicks([0, 1], labels: ["Before", "After"])
            ax.xAxis.tickLabelRotation = 40
            ax.xAxis.tickLabelSize = HouseStyle.smallFontSize  // at 7 pt the rotated labels touch (published: small too)
        }
        top.xAxis.tickLabelsVisible = false
        top.setYTicks([0, 0.2, 0.4], labels: ["0", ".2", ".4"])
        bottom.setYTicks([0, 0.4, 0.8], labels: ["0", ".4", ".8"])
        top.setYLabel("<i>f</i><sub>noise</sub>/<i>f</i>")
        bottom.setYLabel(Markup.tex("$\\sigma_\\mathrm{noise}/\\langle u\\rangle_\\mathrm{obs}$"))
        return fig
    }

    /// 04: min margin and scaled synaptic margin over time (top), in relative SNR; density
    /// l0 (bottom).
    static func snrAndDensity(_ data: Figure3Data.SNRAndDensity) -> Figure {
        let fig = Figure(widthCm: 3.5, heightCm: 4.5)
        let g = fig.gridSpec(rows: 2, cols: 1, hspace: 8)
        let top = g.addAxes(row: 0, col: 0), bottom = g.addAxes(row: 1, col: 0, sharex: top)
        let wake = data.wake, tEnd = data.tEnd
        for curve in data.curves {
            let c = Fig3Style.color(curve.load)
            top.plot(curve.time, curve.neural, color: c)
            top.plot(curve.time, curve.synaptic, color: c, lineStyle: .dashed)
            bottom.plot(curve.time, curve.density, color: c)
        }
        let decades = (1...5).map { Foundation.pow(10, Double($0)) }.filter { $0 <= tEnd * 1.0001 }
        for ax in [top, bottom] {
            ax.setXScale(.log)
            ax.setXLim(10, tEnd)
            ax.setXTicks(decades)
            Fig3Style.shade(ax, wake: wake, lo: 10, hi: tEnd)
        }
        top.xAxis.tickLabelsVisible = false
        // The published axis: raw −0.06…0.7, i.e. −0.17…2 relative; widened if a run goes above.
        let topMax = data.curves.map { ($0.neural + $0.synaptic).filter(\.isFinite).max() ?? 0 }.max()!
        let yTop = topMax > 2 ? topMax.rounded(.up) : 2
        top.setYLim(-0.06 / Figure3Data.SNRAndDensity.relativeSNRUnit, yTop)
        top.setYTicks(stride(from: 0, through: yTop, by: 1).map { $0 })
        top.setYLabel("relative SNR")
        bottom.setYScale(.log)
        let l0min = data.curves.map { $0.density.min()! }.min()!
        bottom.setYLim(min(0.08, l0min * 0.8), 1.1)
        let densityTicks = [0.01, 0.1, 1].filter { $0 >= min(0.08, l0min * 0.8) }
        bottom.setYTicks(densityTicks, labels: densityTicks.map { $0 == 1 ? "1" : ($0 == 0.1 ? ".1" : ".01") })
        bottom.setYLabel("Weight density")
        bottom.setXLabel("Replay cycles")
        return fig
    }

    /// 07: factor correlations (top) and weight trajectories of neuron 0 (bottom).
    static func correlationAndTrajectories(_ data: Figure3Data.FactorCorrelation) -> Figure {
        let fig = Figure(widthCm: 3.5, heightCm: 4.5)
        let g = fig.gridSpec(rows: 2, cols: 1, hspace: 8)
        let top = g.addAxes(row: 0, col: 0), bottom = g.addAxes(row: 1, col: 0)
        let wake = data.wake, tEnd = data.tEnd, tMax = data.tMax
        for curve in data.curves {
            let c = Fig3Style.color(curve.load)
            top.plot(curve.time, curve.within, color: c)
            top.plot(curve.time, curve.across, color: c, lineStyle: .dashed)
            for y in curve.trajectories { bottom.plot(curve.trajectoryTime, y, color: c, lineWidth: HouseStyle.fineLineWidth) }
        }
        if let t = data.meanWeightTime, let y = data.meanWeightLog10 {
            bottom.plot(t, y, color: .named("crimson"), lineWidth: HouseStyle.fitLineWidth, lineStyle: .dotted)
            let meanLabel = bottom.text(0.62, 0.3, "⟨<i>w</i>⟩", coordinates: .axes, size: HouseStyle.smallFontSize,
                                        color: .named("crimson"))
            meanLabel.alternatives = [(0.62, 0.2), (0.75, 0.3), (0.75, 0.2), (0.5, 0.3), (0.5, 0.2), (0.88, 0.3)]
        }
        top.setXLim(20, tMax)
        if tMax >= 180 { top.setXTicks([30, 80, 130, 180]) }
        top.setYLim(-0.05, 1.05)
        top.setYTicks([0, 0.5, 1], labels: ["0", ".5", "1"])
        Fig3Style.shade(top, wake: wake, lo: 20, hi: tMax)
        top.text(0.62, 0.55, "within\nweights", coordinates: .axes, size: HouseStyle.smallFontSize, hAlign: .center)
        top.text(0.6, 0.12, "across weights", coordinates: .axes, size: HouseStyle.smallFontSize, hAlign: .center)
        top.setYLabel("corr (<i>u</i><sub>i</sub>, <i>u</i><sub>j</sub>)")
        bottom.setXScale(.log)
        bottom.setXLim(10, tEnd)
        bottom.setXTicks((1...5).map { Foundation.pow(10, Double($0)) }.filter { $0 <= tEnd * 1.0001 })
        bottom.setYLim(-2.5, 0.9)
        Fig3Style.shade(bottom, wake: wake, lo: 10, hi: tEnd)
        bottom.setYLabel("log(<i>w</i>)")
        bottom.setXLabel("Replay cycles")
        return fig
    }
}
