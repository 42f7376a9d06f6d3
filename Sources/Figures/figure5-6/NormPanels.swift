// Panels 03–05: CV rank of the q-norm against q, the bootstrap illustration, q_min per z.

import Foundation
import Plot
import FigureSupport
import Sim

enum NormPanels {
    static let size = (w: 4.4, h: 4.8)

    static func axes(_ fig: Figure) -> Axes {
        fig.addAxes(left: 0.22, bottom: 0.17, width: 0.74, height: 0.77)
    }

    static func normExponentAxis(_ ax: Axes) {
        ax.setXLim(0, 4.5)
        ax.setXTicks([0, 1, 2, 3, 4])
        ax.setXLabel("Norm exponent <i>q</i>")
        ax.setYLim(0, 1)
        ax.setYTicks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
        ax.setYLabel("CV rank")
    }

    /// 03: simulated CV-rank curves (z = 2 black, others silver) and the data (mean ± std).
    static func cvRank(data: NormVariability, populations: [PopulationAnalysis]) -> Figure {
        let fig = Figure(widthCm: size.w, heightCm: size.h)
        let ax = axes(fig)
        let q = data.exponents
        let mean = data.rankMean, sd = data.rankStd
        ax.fillBetween(q, zip(mean, sd).map { $0 - $1 }, zip(mean, sd).map { $0 + $1 },
                       color: HouseStyle.data, alpha: 0.2, zOrder: 0.5)
        let dataLine = ax.plot(q, mean, color: HouseStyle.data, label: "Kaufman et al., 2012", zOrder: 1.5)
        var anySimulation = false
        for p in populations where p.included && [1, 2, 3, 5].contains(p.z) {
            guard let norm = p.norm else { continue }
            let color = p.z == 2 ? Color.black : HouseStyle.silver
            let curve = norm.rankMean
            ax.plot(q, curve, color: color, lineWidth: 0.75, marker: .circle, markerSize: 2.5, hollow: true,
                            markerEdgeWidth: 0.6, zOrder: p.z == 2 ? 3 : 2)
            anySimulation = true
            // Beside the curve's start (published); else above or below it further along,
            // up to its end, where the curves have parted.
            let label = ax.text(q[0] + 0.05, curve[0] + 0.03, "<i>z</i>=\(p.z)", size: HouseStyle.smallFontSize,
                                color: p.z == 2 ? .black : Color.named("darkgrey"))
            let n = q.count
            let along = [0, n / 8, n / 4, n / 2, 3 * n / 4, n - 1].map { min($0, n - 1) }
            label.alternatives = along.flatMap { i -> [(Double, Double)] in
                let x = i == n - 1 ? q[i] - 0.5 : q[i] + 0.05
                return [(x, curve[i] + 0.03), (x, curve[i] - 0.08), (x, curve[i] + 0.09)]
            }
        }
        var handles: [Artist] = []
        var labels: [String] = []
        if anySimulation {
            // Legend entry only: a marker without a line.
            let legendMarker = ax.plot([], [], color: .black, lineStyle: .none, marker: .circle, markerSize: 3,
                                       hollow: true, markerEdgeWidth: 0.8)
            handles.append(legendMarker); labels.append("Simulation")
        }
        handles.append(dataLine); labels.append("Kaufman et al., 2012")
        // Where the curves leave room (published: upper centre, tried first).
        ax.legend(handles, labels: labels, location: .best, fontSize: HouseStyle.smallFontSize).preferred = .upperCenter
        normExponentAxis(ax)
        // No free place among the curves: headroom above 1 (ticks stay at 0…1).
        try? ax.raiseTopForRoom(maxTop: 1.4)
        return fig
    }

    /// 04: 50 bootstrap curves of the data, their minima, the mean curve and q_min.
    static func bootstrap(data: NormVariability, curves: Int = 50) -> Figure {
        let fig = Figure(widthCm: size.w, heightCm: size.h)
        let ax = axes(fig)
        let q = data.exponents
        let shown = Array(1..<min(data.resamples, curves + 1))
        var g = Xoshiro256(seed: 123, stream: 4)
        var minima: [Double] = [], heights: [Double] = []
        for r in shown {
            ax.plot(q, data.rankCurve(r), color: HouseStyle.silver, lineWidth: 0.5, zOrder: 1)
            minima.append(data.qMinPerResample[r])
            heights.append(0.7 + 0.04 * (g.uniform() - 0.5))    // jitter so the markers do not overlap
        }
        ax.scatter(minima, heights, color: .named("red"), size: 3, marker: .triangleDown, hollow: true,
                   edgeWidth: 0.5, alpha: 0.6, zOrder: 3)
        ax.plot(q, data.rankMean, color: .black, lineWidth: 0.75, zOrder: 2)
        ax.axvline(data.qMinMean, color: .named("red"), lineWidth: 0.75, zOrder: 2.5)
        normExponentAxis(ax)
        return fig
    }

    /// 05: q_min per simulated z, theory 2/z, and the data q_min ± std.
    static func qMin(data: NormVariability, populations: [PopulationAnalysis]) -> Figure {
        let fig = Figure(widthCm: size.w, heightCm: size.h)
        let ax = axes(fig)
        ax.axhspan(data.qMinMean - data.qMinStd, data.qMinMean + data.qMinStd, color: HouseStyle.data, alpha: 0.2)
        let dataLine = ax.axhline(data.qMinMean, color: HouseStyle.data, lineWidth: 1.25)
        let zTheory = stride(from: 0.6, through: 5.5, by: 0.02).map { $0 }
        let theory = ax.plot(zTheory, zTheory.map { 2 / $0 }, color: .black, lineWidth: 1.5, lineStyle: .dotted)
        let included = populations.filter { $0.included && $0.norm != nil }
        let sim = ax.plot(included.map { Double($0.z) }, included.map { $0.norm!.qMinMean }, color: .black,
                          lineStyle: .none, marker: .circle, markerSize: 4, hollow: true, markerEdgeWidth: 1, zOrder: 3)
        ax.legend([sim, theory, dataLine], labels: ["Simulation", "Theory", "Kaufman et al., 2012"],
                  location: .upperRight, fontSize: HouseStyle.smallFontSize)
        ax.setXLim(0, 5.5)
        ax.setXTicks([0, 1, 2, 3, 4, 5])
        ax.setXLabel("<i>z</i>")
        // Paper range; widened when a simulated q_min lies above it.
        let top = max(3.1, (included.map { $0.norm!.qMinMean }.max() ?? 0) + 0.2)
        ax.setYLim(0, top)
        ax.setYTicks(stride(from: 0, through: top, by: 0.5).map { $0 })
        ax.setYLabel("<i>q</i><sub>min</sub>")
        return fig
    }
}
