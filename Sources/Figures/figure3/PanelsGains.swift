// Panels 14 and 15: per-pattern radius gain against the initial radius.

import Foundation
import Plot
import Sim

enum GainPanels {
    /// Per-pattern radius at sleep epoch e (start of epoch) or at the end (e = nil), divided
    /// by `norm`.
    static func radius(_ run: RunData, epoch: Int?) throws -> [Double] {
        if let e = epoch {
            let r = try run.array("radius")
            let m = r.shape[1]
            // Runs shorter than e epochs: the last recorded row (none: the end state).
            guard r.shape[0] > 0 else { return try run.doubles("radius_end") }
            let row = min(e, r.shape[0] - 1)
            return Array(r.doubles[(row * m)..<((row + 1) * m)])
        }
        return try run.doubles("radius_end")
    }

    /// Unit of the "(norm.)" axes: 2f. The spec does not say how the notebook normalised the
    /// radius; dividing by 2f puts it on the scale of the neural-noise axis of panel 03
    /// (f_noise/f = 2p/f) and reproduces the reference axis ranges (the raw radius
    /// min_i G/‖W_i‖ is 10× smaller at f = 0.05).
    static func unit(_ run: RunData) -> Double { 2 * run.f }

    static let cycleColors: [Color] = [.named("#a6a6e6"), .named("#5b5bc0"), .named("#b0409a"), .named("#e39ad9")]

    /// 14: gain r_t − r_0 against r_0 (high run) after 2, 6, 15 epochs and at the end.
    static func gainByCycles(_ run: RunData) throws -> (Figure, [Double]) {
        let u = unit(run)
        let r0 = try radius(run, epoch: 0).map { $0 / u }
        let fig = Figure(widthCm: 4.6, heightCm: 4.0)
        let ax = fig.addAxes()
        var slopes: [Double] = []
        let xr = (r0.min()!, r0.max()!)
        for (k, e) in ([2, 6, 15, nil] as [Int?]).enumerated() {
            let rt = try radius(run, epoch: e).map { $0 / u }
            let gain = r0.indices.map { rt[$0] - r0[$0] }
            let c = cycleColors[k]
            ax.scatter(r0, gain, color: c, size: 3.5, hollow: true, edgeWidth: 0.5, alpha: 0.5)
            let fit = Fig3Analysis.regression(r0, gain)
            slopes.append(fit.slope)
            ax.plot([xr.0, xr.1], [fit.intercept + fit.slope * xr.0, fit.intercept + fit.slope * xr.1], color: c, lineWidth: 1.2)
            if let e {
                // Epoch labels just right of the line ends.
                ax.text(xr.1 + 0.02 * (xr.1 - xr.0), fit.intercept + fit.slope * xr.1, String(e), size: Fig3Style.small,
                        color: c, hAlign: .left, vAlign: .center)
            } else {
                ax.text(xr.1, gain.max()!, "\(run.epochsLabel) cycles", size: Fig3Style.small, color: c,
                        hAlign: .right, vAlign: .bottom)
            }
        }
        ax.setXLim(xr.0 - 0.05 * (xr.1 - xr.0), xr.1 + 0.12 * (xr.1 - xr.0))
        ax.setYLim(0, nil)
        ax.setXLabel("SNR<sub>before</sub> (norm.)")
        ax.setYLabel("SNR<sub>after</sub> − SNR<sub>before</sub> (norm.)")
        ax.setTitle("Simulation", size: Fig3Style.small)
        return (fig, slopes)
    }

    /// 15: final gain against r_0 for both loads with regression lines.
    static func gainByLoad(_ runs: [RunData]) throws -> (Figure, [String: Double]) {
        let fig = Figure(widthCm: 4.6, heightCm: 4.0)
        let ax = fig.addAxes()
        var slopes: [String: Double] = [:]
        for run in runs {
            let u = unit(run)
            let r0 = try radius(run, epoch: 0).map { $0 / u }, rt = try radius(run, epoch: nil).map { $0 / u }
            let gain = r0.indices.map { rt[$0] - r0[$0] }
            let c = Fig3Style.color(run.load)
            ax.scatter(r0, gain, color: c, size: 3.5, hollow: true, edgeWidth: 0.5, alpha: 0.6)
            let fit = Fig3Analysis.regression(r0, gain)
            slopes[run.load] = fit.slope
            let lo = r0.min()!, hi = r0.max()!
            ax.plot([lo, hi], [fit.intercept + fit.slope * lo, fit.intercept + fit.slope * hi], color: c, lineWidth: 1.2)
        }
        ax.text(0.5, 0.85, "low load", coordinates: .axes, size: Fig3Style.small + 0.5, color: Fig3Style.low)
        ax.text(0.12, 0.06, "high load", coordinates: .axes, size: Fig3Style.small + 0.5, color: Fig3Style.high)
        ax.setXLabel("SNR<sub>before</sub> (norm.)")
        ax.setYLabel("SNR<sub>after</sub> − SNR<sub>before</sub> (norm.)")
        ax.setTitle("Prediction", size: Fig3Style.small)
        return (fig, slopes)
    }
}
