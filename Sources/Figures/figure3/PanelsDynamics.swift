// Panels 03, 04, 07: tolerance bars and time courses.

import Foundation
import Plot
import Sim

enum DynamicsPanels {
    /// 03: max neural and synaptic noise at recall 0.5, before/after, low (grey) and high (black).
    static func noiseTolerance(_ runs: [RunData]) throws -> Figure {
        let fig = Figure(widthCm: 1.4, heightCm: 4.5)
        let g = fig.gridSpec(rows: 2, cols: 1, hspace: 6)
        let top = g.addAxes(row: 0, col: 0), bottom = g.addAxes(row: 1, col: 0)
        for (k, run) in runs.sorted(by: { $0.load == "low" && $1.load == "high" }).enumerated() {
            let before = try Fig3Analysis.tolerance(run, when: "before"), after = try Fig3Analysis.tolerance(run, when: "after")
            let x = [Double(k) * 0.4 - 0.2, 1 + Double(k) * 0.4 - 0.2]
            top.bar(x, [before.neural, after.neural], width: 0.4, color: Fig3Style.color(run.load))
            bottom.bar(x, [before.synaptic, after.synaptic], width: 0.4, color: Fig3Style.color(run.load))
        }
        for ax in [top, bottom] {
            ax.setXLim(-0.5, 1.5)
            ax.setXTicks([0, 1], labels: ["Before", "After"])
            ax.xAxis.tickLabelRotation = 40
            ax.xAxis.tickLabelSize = Fig3Style.small  // at 7 pt the rotated labels touch (published: small too)
        }
        top.xAxis.tickLabelsVisible = false
        top.setYTicks([0, 0.2, 0.4], labels: ["0", ".2", ".4"])
        bottom.setYTicks([0, 0.4, 0.8], labels: ["0", ".4", ".8"])
        top.setYLabel("<i>f</i><sub>noise</sub>/<i>f</i>")
        bottom.setYLabel(Markup.tex("$\\sigma_\\mathrm{noise}/\\langle u\\rangle_\\mathrm{obs}$"))
        return fig
    }

    /// The unit of panel 04's "relative SNR": the notebook plots the raw margins on limits
    /// −0.06…0.7 and labels the ticks at 0, 0.35, 0.7 as "0", "1", "2".
    static let relativeSNRUnit = 0.35

    /// Panel 04's curves in relative SNR: the min margin, and the synaptic margin
    /// ρ·sqrt(l1)·sqrt(f(1−f)/N)/1.4.
    static func relativeSNR(_ run: RunData) throws -> (neural: [Double], synaptic: [Double]) {
        let margin = try run.series("min_margin_mean")
        let rho = try run.series("rho_mean"), l1 = try run.series("l1_mean")
        let scale = (run.f * (1 - run.f) / Double(run.n)).squareRoot() / 1.4
        return (margin.map { $0 / relativeSNRUnit },
                rho.indices.map { rho[$0] * l1[$0].squareRoot() * scale / relativeSNRUnit })
    }

    /// 04: min margin and scaled synaptic margin over time (top), in relative SNR; density
    /// l0 (bottom).
    static func snrAndDensity(_ runs: [RunData]) throws -> Figure {
        let fig = Figure(widthCm: 3.5, heightCm: 4.5)
        let g = fig.gridSpec(rows: 2, cols: 1, hspace: 8)
        let top = g.addAxes(row: 0, col: 0), bottom = g.addAxes(row: 1, col: 0, sharex: top)
        let wake = Double(runs[0].wakePasses)
        let tEnd = Double(runs.map { $0.wakePasses + $0.sleepEpochs }.max()!)
        for run in runs.sorted(by: { $0.load < $1.load }).reversed() {
            let t = run.time, c = Fig3Style.color(run.load)
            let snr = try relativeSNR(run)
            top.plot(t, snr.neural, color: c)
            top.plot(t, snr.synaptic, color: c, lineStyle: .dashed)
            bottom.plot(t, try run.series("l0_mean"), color: c)
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
        let topMax = try runs.map { run in
            let snr = try relativeSNR(run)
            return (snr.neural + snr.synaptic).filter(\.isFinite).max() ?? 0
        }.max()!
        let yTop = topMax > 2 ? topMax.rounded(.up) : 2
        top.setYLim(-0.06 / relativeSNRUnit, yTop)
        top.setYTicks(stride(from: 0, through: yTop, by: 1).map { $0 })
        top.setYLabel("relative SNR")
        bottom.setYScale(.log)
        let l0min = try runs.map { try $0.series("l0_mean").min()! }.min()!
        bottom.setYLim(min(0.08, l0min * 0.8), 1.1)
        let densityTicks = [0.01, 0.1, 1].filter { $0 >= min(0.08, l0min * 0.8) }
        bottom.setYTicks(densityTicks, labels: densityTicks.map { $0 == 1 ? "1" : ($0 == 0.1 ? ".1" : ".01") })
        bottom.setYLabel("Weight density")
        bottom.setXLabel("Replay cycles")
        return fig
    }

    /// 07: factor correlations (top) and weight trajectories of neuron 0 (bottom).
    static func correlationAndTrajectories(_ runs: [RunData]) throws -> Figure {
        let fig = Figure(widthCm: 3.5, heightCm: 4.5)
        let g = fig.gridSpec(rows: 2, cols: 1, hspace: 8)
        let top = g.addAxes(row: 0, col: 0), bottom = g.addAxes(row: 1, col: 0)
        let wake = Double(runs[0].wakePasses)
        let tEnd = Double(runs.map { $0.wakePasses + $0.sleepEpochs }.max()!)
        let tMax = min(200, tEnd)
        for run in runs.sorted(by: { $0.load < $1.load }).reversed() {
            let t = run.time, c = Fig3Style.color(run.load)
            let sel = t.indices.filter { t[$0] >= 20 && t[$0] <= tMax }
            top.plot(sel.map { t[$0] }, sel.map { try! run.series("corr_within")[$0] }, color: c)
            top.plot(sel.map { t[$0] }, sel.map { try! run.series("corr_across")[$0] }, color: c, lineStyle: .dashed)
            // Trajectories: 10 survivors (high) or 3 survivors + 5 pruned (low).
            let traj = try run.floats("w0_trajectory"), n = run.n
            let surv = try run.doubles("tracked_surviving").map { Int($0) }
            let pruned = try run.doubles("tracked_pruned").map { Int($0) }
            let chosen = run.load == "high" ? spread(surv, 10) : spread(surv, 3) + spread(pruned, 5)
            for j in chosen {
                let y = t.indices.map { k -> Double in
                    let w = Double(traj[k * n + j])
                    return w > 0 ? Foundation.log10(w) : -40
                }
                bottom.plot(t, y, color: c, lineWidth: 0.6)
            }
        }
        if let high = runs.first(where: { $0.load == "high" }) {
            let l1 = try high.series("l1_mean")
            bottom.plot(high.time, l1.map { Foundation.log10($0 / Double(high.n)) }, color: .named("crimson"),
                        lineWidth: 1.2, lineStyle: .dotted)
            let meanLabel = bottom.text(0.62, 0.3, "⟨<i>w</i>⟩", coordinates: .axes, size: Fig3Style.small,
                                        color: .named("crimson"))
            meanLabel.alternatives = [(0.62, 0.2), (0.75, 0.3), (0.75, 0.2), (0.5, 0.3), (0.5, 0.2), (0.88, 0.3)]
        }
        top.setXLim(20, tMax)
        if tMax >= 180 { top.setXTicks([30, 80, 130, 180]) }
        top.setYLim(-0.05, 1.05)
        top.setYTicks([0, 0.5, 1], labels: ["0", ".5", "1"])
        Fig3Style.shade(top, wake: wake, lo: 20, hi: tMax)
        top.text(0.62, 0.55, "within\nweights", coordinates: .axes, size: Fig3Style.small, hAlign: .center)
        top.text(0.6, 0.12, "across weights", coordinates: .axes, size: Fig3Style.small, hAlign: .center)
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

    /// `count` entries evenly spread over `a` (all of them when fewer).
    static func spread(_ a: [Int], _ count: Int) -> [Int] {
        guard a.count > count, count > 1 else { return Array(a.prefix(count)) }
        return (0..<count).map { a[Int((Double($0) * Double(a.count - 1) / Double(count - 1)).rounded())] }
    }
}
