// Panels 01–02: |Δw| against w at one lag, log–log, with up to 2000 random pairs of each
// sign, their moving averages and regression lines (slopes printed), a grey least-squares
// line through the origin, and marginal histograms of w (top) and |Δw| (right). What is
// drawn comes from `Figure56Data` (Experiments).

import Experiments
import Foundation
import Plot
import FigureSupport
import Sim

enum ChangePanels {
    static let ltpColor = Color.named("coral")
    static let ltdColor = Color.named("dodgerblue")
    static let ltpLine = Color.named("darkred")
    static let ltdLine = Color.named("darkblue")

    /// Where one scatter block goes, in figure fractions.
    struct Block {
        var left: Double, bottom: Double, width: Double, height: Double
        var topHeight: Double, rightWidth: Double
    }

    /// 01: the simulated populations (three blocks side by side).
    static func simulation(_ blocks: [Figure56Data.SimulationBlock]) -> Figure {
        let fig = Figure(widthCm: 16.5, heightCm: 5.7)
        let lefts = [0.072, 0.392, 0.708]
        for (k, b) in blocks.prefix(3).enumerated() {
            let block = Block(left: lefts[k], bottom: 0.147, width: 0.193, height: 0.568, topHeight: 0.2, rightWidth: 0.07)
            fig.text(lefts[k], 0.92, "Simulation (<i>z</i> = \(b.z))", size: HouseStyle.labelFontSize)
            guard let scatter = b.scatter else { continue }
            draw(fig, block, scatter, marker: .circle, xLabel: "<i>w</i>", yLabel: k == 0 ? "|Δ<i>w</i> |" : nil,
                 note: b.excludedAliveFraction.map { String(format: "%.1f%% alive", 100 * $0) })
        }
        fig.text(0.265, 0.80, "Δ<i>w</i> &gt; 0", size: HouseStyle.labelFontSize, color: ltpColor)
        fig.text(0.265, 0.76, "Δ<i>w</i> &lt; 0", size: HouseStyle.labelFontSize, color: ltdColor)
        return fig
    }

    /// 02: Kaufman et al. 2012 at the data lag (Δt = lag · 0.5 h).
    static func kaufman(_ scatter: Figure56Data.ChangeScatter, hours: Double) -> Figure {
        let fig = Figure(widthCm: 5.5, heightCm: 5.7)
        let block = Block(left: 0.214, bottom: 0.18, width: 0.523, height: 0.534, topHeight: 0.22, rightWidth: 0.2)
        fig.text(0.214, 0.93, "Kaufman et al., 2012", size: HouseStyle.labelFontSize)
        fig.text(0.214, 0.875, "Δ<i>t</i> = \(String(format: "%g", hours)) h", size: HouseStyle.labelFontSize)
        draw(fig, block, scatter, marker: .square, xLabel: "<i>ŵ</i> (a.u.)", yLabel: "|Δ<i>ŵ</i> | (a.u.)", note: nil)
        return fig
    }

    static func draw(_ fig: Figure, _ b: Block, _ scatter: Figure56Data.ChangeScatter, marker: MarkerShape,
                     xLabel: String, yLabel: String?, note: String?) {
        let main = fig.addAxes(left: b.left, bottom: b.bottom, width: b.width, height: b.height)
        let top = fig.addAxes(left: b.left, bottom: b.bottom + b.height, width: b.width, height: b.topHeight)
        let right = fig.addAxes(left: b.left + b.width, bottom: b.bottom, width: b.rightWidth, height: b.height)
        main.setXScale(.log); main.setYScale(.log)
        main.spines = Spines(left: true, bottom: true, top: true, right: true)
        main.setXLabel(xLabel)
        if let yLabel { main.setYLabel(yLabel) }
        top.axisOff = true
        right.axisOff = true
        guard let shown = scatter.shown else {
            main.text(0.5, 0.5, note ?? "no pairs", coordinates: .axes, size: HouseStyle.smallFontSize,
                      hAlign: .center, vAlign: .center)
            return
        }
        let xl = shown.wLimits, yl = shown.sizeLimits
        // Scatter: depression first, potentiation on top, as in the paper.
        for (changes, color) in [(shown.depression, ltdColor), (shown.potentiation, ltpColor)] {
            main.scatter(changes.w, changes.size, color: color, size: 2.6,
                         marker: marker, hollow: true, edgeWidth: 0.4, alpha: 0.35, zOrder: 1)
        }
        // Moving averages and their regression lines over the shown w range.
        let slopes = scatter.slopes
        for (s, line, color) in [(slopes.potentiation, shown.potentiationLine, ltpLine),
                                 (slopes.depression, shown.depressionLine, ltdLine)] {
            main.plot(s.w, s.meanSize, color: color, lineWidth: HouseStyle.fitLineWidth, zOrder: 3)
            if let line {
                main.plot(shown.lineW, line, color: color, lineWidth: HouseStyle.fineLineWidth, lineStyle: .dashed, zOrder: 3.5)
            }
        }
        if let origin = shown.originLine {
            main.plot(shown.lineW, origin, color: .named("grey"), lineWidth: HouseStyle.fineLineWidth, zOrder: 2.5)
        }
        main.setXLim(xl.lo, xl.hi)
        main.setYLim(yl.lo, yl.hi)
        let fmt = { (x: Double) in x.isFinite ? String(format: "%.2f", x) : "–" }
        // The two slopes as one label (colours of their lines) so that they move together:
        // upper left as published, another corner when the scatter is denser there.
        let slopeLabel = main.text(0.05, 0.95, "<span foreground=\"darkred\">\(fmt(slopes.potentiation.slope))</span>\n"
                                   + "<span foreground=\"darkblue\">\(fmt(slopes.depression.slope))</span>",
                                   coordinates: .axes, size: HouseStyle.smallFontSize, vAlign: .top)
        slopeLabel.alternatives = [(0.05, 0.3), (0.75, 0.95), (0.75, 0.3)]
        if let note {
            main.text(0.95, 0.05, note, coordinates: .axes, size: HouseStyle.smallFontSize, hAlign: .right, vAlign: .bottom)
        }
        // Marginal histograms on log-spaced bins.
        top.setXScale(.log)
        top.setXLim(xl.lo, xl.hi)
        right.setYScale(.log)
        right.setYLim(yl.lo, yl.hi)
        for (changes, color) in [(scatter.depression, ltdColor), (scatter.potentiation, ltpColor)] {
            top.hist(changes.w, bins: shown.wBins, color: color, lineWidth: HouseStyle.fitLineWidth)
            right.hist(changes.size, bins: shown.sizeBins, orientation: .horizontal, color: color,
                       lineWidth: HouseStyle.fitLineWidth)
        }
        top.setYLim(0, nil)
        right.setXLim(0, nil)
    }
}
