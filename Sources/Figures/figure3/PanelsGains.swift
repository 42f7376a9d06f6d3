// Panels 14 and 15: per-pattern radius gain against the initial radius ("(norm.)" units).

import Experiments
import FigureSupport
import Foundation
import Plot

enum GainPanels {
    static let cycleColors: [Color] = [.named("#a6a6e6"), .named("#5b5bc0"), .named("#b0409a"), .named("#e39ad9")]

    /// 14: gain r_t − r_0 against r_0 (high run) after 2, 6, 15 epochs and at the end.
    static func gainByCycles(_ data: Figure3Data.GainsByCycles) -> Figure {
        let fig = Figure(widthCm: 4.6, heightCm: 4.0)
        let ax = fig.addAxes()
        let r0 = data.r0, xr = (data.lo, data.hi), topGain = data.topGain
        for (k, cloud) in data.clouds.enumerated() {
            let c = cycleColors[k]
            ax.scatter(r0, cloud.gain, color: c, size: 3.5, hollow: true, edgeWidth: 0.5, alpha: 0.5)
            ax.plot(cloud.lineX, cloud.lineY, color: c, lineWidth: HouseStyle.fitLineWidth)
            if let e = cloud.epochs {
                // Epoch labels just right of the line ends.
                let end = cloud.lineY[1]
                let t = ax.text(xr.1 + 0.02 * (xr.1 - xr.0), end, String(e), size: HouseStyle.smallFontSize,
                                color: c, hAlign: .left, vAlign: .center)
                t.alternatives = [1, -1, 2, -2].map { (xr.1 + 0.02 * (xr.1 - xr.0), end + 0.04 * $0 * topGain) }
            } else {
                ax.text(xr.1, cloud.gain.max()!, "\(Fig3Style.epochsLabel(data.sleepEpochs)) cycles",
                        size: HouseStyle.smallFontSize, color: c, hAlign: .right, vAlign: .bottom)
            }
        }
        ax.setXLim(xr.0 - 0.05 * (xr.1 - xr.0), xr.1 + 0.12 * (xr.1 - xr.0))
        ax.setYLim(0, 1.1 * topGain)  // room for the label above the highest cloud
        ax.setXLabel("SNR<sub>before</sub> (norm.)")
        ax.setYLabel("SNR<sub>after</sub> − SNR<sub>before</sub> (norm.)")
        ax.setTitle("Simulation", size: HouseStyle.smallFontSize)
        return fig
    }

    /// 15: final gain against r_0 for both loads with regression lines.
    static func gainByLoad(_ data: Figure3Data.GainsByLoad) -> Figure {
        let fig = Figure(widthCm: 4.6, heightCm: 4.0)
        let ax = fig.addAxes()
        for load in data.loads {
            let c = Fig3Style.color(load.load)
            ax.scatter(load.r0, load.gain, color: c, size: 3.5, hollow: true, edgeWidth: 0.5, alpha: 0.6)
            ax.plot(load.lineX, load.lineY, color: c, lineWidth: HouseStyle.fitLineWidth)
        }
        // As published: low load above its cloud, high load below; elsewhere when data are there.
        let low = ax.text(0.5, 0.85, "low load", coordinates: .axes, size: HouseStyle.labelFontSize, color: Fig3Style.low)
        low.alternatives = [(0.6, 0.92), (0.7, 0.85), (0.3, 0.92), (0.6, 0.75)]
        let high = ax.text(0.12, 0.06, "high load", coordinates: .axes, size: HouseStyle.labelFontSize, color: Fig3Style.high)
        high.alternatives = [(0.3, 0.06), (0.5, 0.06), (0.5, 0.15), (0.7, 0.06), (0.7, 0.15), (0.02, 0.02)]
        ax.setXLabel("SNR<sub>before</sub> (norm.)")
        ax.setYLabel("SNR<sub>after</sub> − SNR<sub>before</sub> (norm.)")
        ax.setTitle("Prediction", size: HouseStyle.smallFontSize)
        return fig
    }
}
