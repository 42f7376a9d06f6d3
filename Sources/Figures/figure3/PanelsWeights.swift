// Panels 08 (weight distributions) and 09 (pruning probability).

import Experiments
import FigureSupport
import Foundation
import Plot

enum WeightPanels {
    /// 08: densities over log10 w of pre-sleep weights (> 1e-4), of the pre-sleep values of
    /// weights pruned by the end, and of the surviving weights after sleep (high run).
    static func distribution(_ data: Figure3Data.WeightDistribution) throws -> Figure {
        let fig = Figure(widthCm: 3.6, heightCm: 3.6)
        let ax = fig.addAxes()
        ax.stairs(data.before, edges: data.edges, color: .named("tan"), lineWidth: HouseStyle.lineWidth, label: "before")
        ax.stairs(data.pruned, edges: data.edges, color: .named("orangered"),
                  lineWidth: 1, lineStyle: .dashed, label: "pruned")
        ax.stairs(data.after, edges: data.edges, color: .named("saddlebrown"),
                  lineWidth: HouseStyle.lineWidth, label: "after")
        ax.setXScale(.log)
        ax.setXLim(0.03, 4)
        ax.setYLim(0, nil)
        ax.setXLabel("Weight")
        ax.setYLabel("Probability density")
        ax.setTitle("Simulation", size: HouseStyle.smallFontSize)
        // Upper left as published, unless the curves are there.
        ax.legend(location: .best, fontSize: HouseStyle.smallFontSize).preferred = .upperLeft
        try ax.raiseTopForRoom(maxTop: 2 * ax.yLimits.1)
        return fig
    }

    /// 09: fraction of pre-sleep weights pruned after 100 and 500 cycles and at the end,
    /// against the z-scored log10 pre-sleep weight.
    static func pruningProbability(_ data: Figure3Data.PruningProbability) -> Figure {
        let lo = data.lo, hi = data.hi
        let fig = Figure(widthCm: 3.4, heightCm: 3.6)
        let ax = fig.addAxes()
        for curve in data.curves {
            // Slot (label height), label and colour of the snapshot.
            let (k, label, color): (Int, String, Color) = switch curve.cycles {
            case 100: (0, "100", .named("lightgrey"))
            case 500: (1, "500", .named("grey"))
            default: (2, "\(Fig3Style.epochsLabel(data.sleepEpochs)) cycles", .black)
            }
            let x = curve.x, y = curve.y
            ax.plot(x, y, color: color)
            // Label where the curve crosses 0.5.
            if let c = y.firstIndex(where: { $0 < 0.5 }) {
                let t = ax.text(x[c] + 0.1, 0.45 - 0.05 * Double(k), label, size: HouseStyle.tinyFontSize, color: color,
                                hAlign: .left, rotation: -70)
                // Further right, then above right of the crossing (shallow curves), then below left.
                let y0 = 0.45 - 0.05 * Double(k)
                t.alternatives = [(0.2, 0), (0.3, 0), (0.4, 0), (0.3, 0.3), (0.5, 0.3), (-0.6, -0.1)].map { (x[c] + $0.0, y0 + $0.1) }
            }
        }
        ax.setXLim(max(lo, -2.6), min(hi, 2.6))
        ax.setYLim(-0.02, 1.02)
        ax.setYTicks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
        ax.yAxis.format = .decimals(1)
        ax.setXLabel("Log-normalized weight")
        ax.setYLabel("Pruning probability")
        ax.setTitle("Simulation", size: HouseStyle.smallFontSize)
        return fig
    }
}
