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

    /// Unit of the "(norm.)" axes: the notebook plots the raw radii and labels its ticks ×10
    /// (x ticks 0…0.06 read 0…0.6, y ticks 0.15…0.35 read 1.5…3.5), so one "norm." unit is
    /// 0.1 raw. (At f = 0.05 that is 2f, the unit of panel 03's neural-noise axis.)
    static func unit(_ run: RunData) -> Double { 0.1 }

    static let cycleColors: [Color] = [.named("#a6a6e6"), .named("#5b5bc0"), .named("#b0409a"), .named("#e39ad9")]

    /// 14: gain r_t − r_0 against r_0 (high run) after 2, 6, 15 epochs and at the end.
    static func gainByCycles(_ run: RunData) throws -> (Figure, [Double]) {
        let u = unit(run)
        let r0 = try radius(run, epoch: 0).map { $0 / u }
        let fig = Figure(widthCm: 4.6, heightCm: 4.0)
        let ax = fig.addAxes()
        var slopes: [Double] = []
        let xr = (r0.min()!, r0.max()!)
        let topGain = try ([2, 6, 15, nil] as [Int?]).map { e in
            let rt = try radius(run, epoch: e).map { $0 / u }
            return r0.indices.map { rt[$0] - r0[$0] }.max()!
        }.max()!
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
                let end = fit.intercept + fit.slope * xr.1
                let t = ax.text(xr.1 + 0.02 * (xr.1 - xr.0), end, String(e), size: Fig3Style.small,
                                color: c, hAlign: .left, vAlign: .center)
                t.alternatives = [1, -1, 2, -2].map { (xr.1 + 0.02 * (xr.1 - xr.0), end + 0.04 * $0 * topGain) }
            } else {
                ax.text(xr.1, gain.max()!, "\(run.epochsLabel) cycles", size: Fig3Style.small, color: c,
                        hAlign: .right, vAlign: .bottom)
            }
        }
        ax.setXLim(xr.0 - 0.05 * (xr.1 - xr.0), xr.1 + 0.12 * (xr.1 - xr.0))
        ax.setYLim(0, 1.1 * topGain)  // room for the label above the highest cloud
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
        // As published: low load above its cloud, high load below; elsewhere when data are there.
        let low = ax.text(0.5, 0.85, "low load", coordinates: .axes, size: Fig3Style.small + 0.5, color: Fig3Style.low)
        low.alternatives = [(0.6, 0.92), (0.7, 0.85), (0.3, 0.92), (0.6, 0.75)]
        let high = ax.text(0.12, 0.06, "high load", coordinates: .axes, size: Fig3Style.small + 0.5, color: Fig3Style.high)
        high.alternatives = [(0.3, 0.06), (0.5, 0.06), (0.5, 0.15), (0.7, 0.06), (0.7, 0.15), (0.02, 0.02)]
        ax.setXLabel("SNR<sub>before</sub> (norm.)")
        ax.setYLabel("SNR<sub>after</sub> − SNR<sub>before</sub> (norm.)")
        ax.setTitle("Prediction", size: Fig3Style.small)
        return (fig, slopes)
    }
}
