// Panels 03–05: CV rank of the q-norm against q, the bootstrap illustration, q_min per z,
// from `Figure56Data` (Experiments).

import Experiments
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
    static func cvRank(_ d: Figure56Data.CVRank) -> Figure {
        let fig = Figure(widthCm: size.w, heightCm: size.h)
        let ax = axes(fig)
        let q = d.exponents
        let mean = d.dataMean, sd = d.dataStd
        ax.fillBetween(q, zip(mean, sd).map { $0 - $1 }, zip(mean, sd).map { $0 + $1 },
                       color: HouseStyle.data, alpha: 0.2, zOrder: 0.5)
        let dataLine = ax.plot(q, mean, color: HouseStyle.data, label: "Kaufman et al., 2012", zOrder: 1.5)
        for c in d.curves {
            let color = c.z == 2 ? Color.black : HouseStyle.silver
            let curve = c.rankMean
            ax.plot(q, curve, color: color, lineWidth: HouseStyle.thinLineWidth, marker: .circle, markerSize: 2.5, hollow: true,
                            markerEdgeWidth: 0.6, zOrder: c.z == 2 ? 3 : 2)
            // Beside the curve's start (published); else above or below it further along,
            // up to its end, where the curves have parted.
            let label = ax.text(q[0] + 0.05, curve[0] + 0.03, "<i>z</i>=\(c.z)", size: HouseStyle.smallFontSize,
                                color: c.z == 2 ? .black : Color.named("darkgrey"))
            let n = q.count
            let along = [0, n / 8, n / 4, n / 2, 3 * n / 4, n - 1].map { min($0, n - 1) }
            label.alternatives = along.flatMap { i -> [(Double, Double)] in
                let x = i == n - 1 ? q[i] - 0.5 : q[i] + 0.05
                return [(x, curve[i] + 0.03), (x, curve[i] - 0.08), (x, curve[i] + 0.09)]
            }
        }
        var handles: [Artist] = []
        var labels: [String] = []
        if !d.curves.isEmpty {
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
        _ = try? ax.raiseTopForRoom(maxTop: 1.4)
        return fig
    }

    /// 04: bootstrap curves of the data, their minima, the mean curve and q_min.
    static func bootstrap(_ d: Figure56Data.Bootstrap) -> Figure {
        let fig = Figure(widthCm: size.w, heightCm: size.h)
        let ax = axes(fig)
        let q = d.exponents
        for curve in d.curves {
            ax.plot(q, curve, color: HouseStyle.silver, lineWidth: HouseStyle.hairlineWidth, zOrder: 1)
        }
        ax.scatter(d.minima, d.minimaHeights, color: .named("red"), size: 3, marker: .triangleDown, hollow: true,
                   edgeWidth: 0.5, alpha: 0.6, zOrder: 3)
        ax.plot(q, d.rankMean, color: .black, lineWidth: HouseStyle.thinLineWidth, zOrder: 2)
        ax.axvline(d.qMin, color: .named("red"), lineWidth: HouseStyle.thinLineWidth, zOrder: 2.5)
        normExponentAxis(ax)
        return fig
    }

    /// 05: q_min per simulated z, theory 2/z, and the data q_min ± std.
    static func qMin(_ d: Figure56Data.QMin) -> Figure {
        let fig = Figure(widthCm: size.w, heightCm: size.h)
        let ax = axes(fig)
        ax.axhspan(d.dataMean - d.dataStd, d.dataMean + d.dataStd, color: HouseStyle.data, alpha: 0.2)
        let dataLine = ax.axhline(d.dataMean, color: HouseStyle.data, lineWidth: 1.25)
        let theory = ax.plot(d.theoryZ, d.theoryQ, color: .black, lineWidth: HouseStyle.lineWidth, lineStyle: .dotted)
        let sim = ax.plot(d.simulated.map { Double($0.z) }, d.simulated.map(\.qMin), color: .black,
                          lineStyle: .none, marker: .circle, markerSize: 4, hollow: true, markerEdgeWidth: 1, zOrder: 3)
        ax.legend([sim, theory, dataLine], labels: ["Simulation", "Theory", "Kaufman et al., 2012"],
                  location: .upperRight, fontSize: HouseStyle.smallFontSize)
        ax.setXLim(0, 5.5)
        ax.setXTicks([0, 1, 2, 3, 4, 5])
        ax.setXLabel("<i>z</i>")
        // Paper range; widened when a simulated q_min lies above it.
        let top = max(3.1, (d.simulated.map(\.qMin).max() ?? 0) + 0.2)
        ax.setYLim(0, top)
        ax.setYTicks(stride(from: 0, through: top, by: 0.5).map { $0 })
        ax.setYLabel("<i>q</i><sub>min</sub>")
        return fig
    }
}
