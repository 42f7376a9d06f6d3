// Panels 01–02: |Δw| against w at one lag, log–log, with up to 2000 random pairs of each
// sign, their moving averages and regression lines (slopes printed), a grey least-squares
// line through the origin, and marginal histograms of w (top) and |Δw| (right).

import Foundation
import Plot
import FigureSupport
import Sim

enum ChangePanels {
    static let ltpColor = Color.named("coral")
    static let ltdColor = Color.named("dodgerblue")
    static let ltpLine = Color.named("darkred")
    static let ltdLine = Color.named("darkblue")
    static let maxPoints = 2000

    /// Where one scatter block goes, in figure fractions.
    struct Block {
        var left: Double, bottom: Double, width: Double, height: Double
        var topHeight: Double, rightWidth: Double
    }

    /// 01: the simulated populations `zs` (three blocks side by side).
    static func simulation(_ pops: [PopulationAnalysis], lag: Int, zs: [Int], seed: UInt64) -> Figure {
        let fig = Figure(widthCm: 16.5, heightCm: 5.7)
        let lefts = [0.072, 0.392, 0.708]
        for (k, z) in zs.prefix(3).enumerated() {
            let block = Block(left: lefts[k], bottom: 0.147, width: 0.193, height: 0.568, topHeight: 0.2, rightWidth: 0.07)
            fig.text(lefts[k], 0.92, "Simulation (<i>z</i> = \(z))", size: 6)
            guard let pop = pops.first(where: { $0.z == z }) else { continue }
            let pairs = LagPairs(pop.window, lag: lag)
            var rng = Xoshiro256(seed: seed, stream: 0xF16_0000 + UInt64(z))
            draw(fig, block, pairs: pairs, slopes: LagSlopes(pairs), marker: .circle, rng: &rng,
                 xLabel: "<i>w</i>", yLabel: k == 0 ? "|Δ<i>w</i> |" : nil,
                 note: pop.included ? nil : String(format: "%.1f%% alive", 100 * pop.finalAliveFraction))
        }
        fig.text(0.265, 0.80, "Δ<i>w</i> &gt; 0", size: 6, color: ltpColor)
        fig.text(0.265, 0.76, "Δ<i>w</i> &lt; 0", size: 6, color: ltdColor)
        return fig
    }

    /// 02: Kaufman et al. 2012 at lag `lag` (Δt = lag · 0.5 h).
    static func kaufman(_ data: WeightMatrix, slopes: LagSlopes, lag: Int) -> Figure {
        let fig = Figure(widthCm: 5.5, heightCm: 5.7)
        let block = Block(left: 0.214, bottom: 0.18, width: 0.523, height: 0.534, topHeight: 0.22, rightWidth: 0.2)
        var rng = Xoshiro256(seed: 2012, stream: UInt64(lag))
        let hours = Double(lag) * KaufmanData.hoursPerSample
        fig.text(0.214, 0.93, "Kaufman et al., 2012", size: 6)
        fig.text(0.214, 0.875, "Δ<i>t</i> = \(String(format: "%g", hours)) h", size: 6)
        draw(fig, block, pairs: LagPairs(data, lag: lag), slopes: slopes, marker: .square, rng: &rng,
             xLabel: "<i>ŵ</i> (a.u.)", yLabel: "|Δ<i>ŵ</i> | (a.u.)", note: nil)
        return fig
    }

    /// Up to `maxPoints` random pairs (indices in drawing order).
    static func subsample(_ n: Int, _ rng: inout Xoshiro256) -> [Int] {
        n <= maxPoints ? Array(0..<n) : Array(rng.permutation(n).prefix(maxPoints))
    }

    /// Robust log-axis limits: the 0.2 % and 99.8 % quantiles of the positive values, padded.
    static func limits(_ values: [Double]) -> (Double, Double)? {
        let v = values.filter { $0.isFinite && $0 > 0 }.sorted()
        guard v.count >= 2 else { return nil }
        let lo = v[Int(Double(v.count - 1) * 0.002)], hi = v[Int(Double(v.count - 1) * 0.998)]
        let pad = pow(hi / lo, 0.04)
        return (lo / pad, hi * pad)
    }

    static func draw(_ fig: Figure, _ b: Block, pairs: LagPairs, slopes: LagSlopes, marker: MarkerShape,
                     rng: inout Xoshiro256, xLabel: String, yLabel: String?, note: String?) {
        let main = fig.addAxes(left: b.left, bottom: b.bottom, width: b.width, height: b.height)
        let top = fig.addAxes(left: b.left, bottom: b.bottom + b.height, width: b.width, height: b.topHeight)
        let right = fig.addAxes(left: b.left + b.width, bottom: b.bottom, width: b.rightWidth, height: b.height)
        main.setXScale(.log); main.setYScale(.log)
        main.spines = Spines(left: true, bottom: true, top: true, right: true)
        main.setXLabel(xLabel)
        if let yLabel { main.setYLabel(yLabel) }
        top.axisOff = true
        right.axisOff = true
        let ltp = pairs.potentiation, ltd = pairs.depression
        guard let xl = limits(ltp.w + ltd.w), let yl = limits(ltp.size + ltd.size) else {
            main.text(0.5, 0.5, note ?? "no pairs", coordinates: .axes, size: HouseStyle.smallFontSize,
                      hAlign: .center, vAlign: .center)
            return
        }
        // Scatter: depression first, potentiation on top, as in the paper.
        for (changes, color) in [(ltd, ltdColor), (ltp, ltpColor)] {
            let idx = subsample(changes.count, &rng)
            main.scatter(idx.map { changes.w[$0] }, idx.map { changes.size[$0] }, color: color, size: 2.6,
                         marker: marker, hollow: true, edgeWidth: 0.4, alpha: 0.35, zOrder: 1)
        }
        // Moving averages and their regression lines over the shown w range.
        let xs = Histogram.logEdges(xl.0, xl.1, count: 40)
        for (s, color) in [(slopes.potentiation, ltpLine), (slopes.depression, ltdLine)] {
            main.plot(s.w, s.meanSize, color: color, lineWidth: 1.2, zOrder: 3)
            if s.slope.isFinite {
                main.plot(xs, xs.map { pow(10, s.fit.intercept) * pow($0, s.slope) }, color: color,
                          lineWidth: 0.6, lineStyle: .dashed, zOrder: 3.5)
            }
        }
        let all = pairs.all
        let c = LinearRegression.slopeThroughOrigin(x: all.w, y: all.size)
        if c.isFinite { main.plot(xs, xs.map { c * $0 }, color: .named("grey"), lineWidth: 0.6, zOrder: 2.5) }
        main.setXLim(xl.0, xl.1)
        main.setYLim(yl.0, yl.1)
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
        let wBins = Histogram.logEdges(xl.0, xl.1, count: 50)
        let dwBins = Histogram.logEdges(yl.0, yl.1, count: 50)
        top.setXScale(.log)
        top.setXLim(xl.0, xl.1)
        right.setYScale(.log)
        right.setYLim(yl.0, yl.1)
        for (changes, color) in [(ltd, ltdColor), (ltp, ltpColor)] {
            top.hist(changes.w, bins: wBins, color: color, lineWidth: 1.2)
            right.hist(changes.size, bins: dwBins, orientation: .horizontal, color: color, lineWidth: 1.2)
        }
        top.setYLim(0, nil)
        right.setXLim(0, nil)
    }
}
