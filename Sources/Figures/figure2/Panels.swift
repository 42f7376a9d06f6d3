// The ten panels of Figure 2 (docs/methods.md §6.2), each a function from its part of
// `Figure2Data` (Experiments: the numbers) to a Figure (only drawing).

import Experiments
import Foundation
import FigureSupport
import Plot
import Sim

enum Figure2Panels {
    static func zColor(_ z: Int) -> Color { HouseStyle.zColor(z) }

    static let loadLabel = Markup.tex("Storage load $\\alpha/\\alpha_c$")
    static let loadTicks = [0.1, 0.3, 0.5, 0.7]

    /// Legend labels and line styles of the max-noise panels' loads (04, 07), by load
    /// (`Figure2Data.maxNoiseLoads`).
    static let maxNoiseLoadStyles: [AttractorLoad: (label: String, style: LineStyle)] = Dictionary(uniqueKeysWithValues:
        zip(Figure2Data.maxNoiseLoads, [LineStyle.solid, .dashed, .dotted]).map { ($0, (String(format: "%.2f", $0.value), $1)) })

    // MARK: 01 — SNR per norm exponent at the lowest load

    static func snrByNormExponent(_ d: Figure2Data.SNRByNormExponent, zs: [Int]) -> Figure {
        let fig = Figure(widthCm: 4.0, heightCm: 2.2)
        let ax = fig.addAxes()
        var ticks: [Double] = [], labels: [String] = []
        for (g, group) in d.groups.enumerated() {
            let x = zs.indices.map { Double(g * (zs.count + 1) + $0) }
            ax.bar(x, group.heights, width: 0.8, colors: zs.map(zColor))
            // Above the axes on purpose: y in axes fractions.
            ax.text(x.reduce(0, +) / Double(x.count), 1.02, "<i>q</i>=\(group.exponent)", coordinates: .dataXAxesY,
                    size: HouseStyle.labelFontSize, hAlign: .center, vAlign: .bottom)
            ticks += x; labels += zs.map(String.init)
        }
        ax.setXTicks(ticks, labels: labels)
        ax.xAxis.tickLabelSize = HouseStyle.smallFontSize
        ax.setYLim(0, 1)
        ax.setYTicks([0, 1])
        ax.setXLabel("<i>z</i>")
        ax.setYLabel("SNR")
        return fig
    }

    // MARK: 02 — neural SNR vs load

    static func neuralSNRVsLoad(_ d: Figure2Data.SNRVsLoad, alphas: [Double]) -> Figure {
        let fig = Figure(widthCm: 3.5, heightCm: 3.7)
        let ax = fig.addAxes()
        drawSNRVsLoad(ax, d, alphas: alphas)
        styleSNRVsLoad(ax, yMax: 11)
        ax.text(0.55, 0.78, Markup.tex("$f_\\mathrm{noise}/f$ = ") + String(format: "%g", d.noiseRatio), coordinates: .axes, size: 6.5)
        return fig
    }

    /// The SNR-vs-load panels' data (02, 05): dotted theory per z, then the simulation.
    static func drawSNRVsLoad(_ ax: Axes, _ d: Figure2Data.SNRVsLoad, alphas: [Double]) {
        for t in d.theory {
            ax.plot(t.curve.x, t.curve.y, color: zColor(t.z), lineStyle: .dotted)
        }
        for series in d.series {
            ax.errorbar(alphas, series.mean, yErr: series.sem, color: zColor(series.z), marker: .circle)
        }
    }

    /// Axes of the SNR-vs-load panels (02, 05): log SNR against the load.
    static func styleSNRVsLoad(_ ax: Axes, yMax: Double) {
        ax.setYScale(.log)
        ax.setYLim(0.6, yMax)
        ax.setYTicks([1, 10], labels: ["1", "10"])
        ax.setXLim(0.05, 0.75)
        ax.setXTicks(loadTicks)
        ax.setXLabel(loadLabel)
        ax.setYLabel("SNR")
    }

    // MARK: 03 / 06 — recall vs noise at the lowest load

    /// `noteAtTop`: the parameter note goes top right (as in the paper) or bottom left, where
    /// curves that tolerate much noise leave room.
    static func recallVsNoise(_ d: Figure2Data.RecallVsNoise, title: String, xLabel: String, noteAtTop: Bool) throws -> Figure {
        let fig = Figure(widthCm: 3.0, heightCm: 3.5)
        let ax = fig.addAxes()
        for c in d.curves.reversed() {
            ax.plot(c.noise, c.recall, color: zColor(c.z))
            ax.plot([c.halfRecallNoise], [0.5], color: zColor(c.z), marker: .x, markerSize: 4.5, markerEdgeWidth: 1.5, zOrder: 3)
        }
        ax.setXLim(0, 1)
        ax.setYLim(0, 1)
        ax.setXTicks([0, 0.5, 1])
        ax.setYTicks([0, 1])
        ax.setTitle(title)
        ax.setXLabel(xLabel)
        ax.setYLabel("Recall rate")
        let a = d.alpha
        let (x, y, align): (Double, Double, HAlign) = noteAtTop ? (0.98, 0.97, .right) : (0.04, 0.26, .left)
        // One two-line note, so that it moves as a whole to where no curve runs.
        let note = ax.text(x, y, Markup.tex("$f$ = ") + String(format: "%.2f", Figure2Data.f) + "\n" + Markup.tex("$\\alpha/\\alpha_c$ = ")
                           + String(format: "%.2f", a), coordinates: .axes, size: HouseStyle.smallFontSize, hAlign: align, vAlign: .top)
        // Then a grid over the axes, nearest the published corner first.
        let xs = align == .right ? [0.98, 0.85, 0.72, 0.6, 0.47] : [0.04, 0.17, 0.3, 0.43, 0.55]
        let ys = noteAtTop ? [0.97, 0.8, 0.63, 0.46, 0.29] : [0.26, 0.43, 0.6, 0.77, 0.97]
        note.alternatives = xs.flatMap { nx in ys.map { (nx, $0) } }.filter { $0 != (x, y) }
        // Curves of small networks can fill the panel: then headroom above recall 1.
        try ax.raiseTopForRoom(maxTop: 1.5)
        return fig
    }

    // MARK: 04 / 07 — max tolerated noise vs z

    static func maxNoiseVsZ(_ d: Figure2Data.MaxNoiseVsZ, zs: [Int], yLabel: String) throws -> Figure {
        let fig = Figure(widthCm: 2.5, heightCm: 3.7)
        let ax = fig.addAxes()
        var handles: [Artist] = [], labels: [String] = []
        var top = 0.0
        for v in d.loads {
            let load = maxNoiseLoadStyles[v.requestedLoad] ?? (String(format: "%.2f", v.alpha), .solid)
            top = max(top, zip(v.mean, v.sem).map { $0 + $1 }.max() ?? 0)
            ax.errorbar(zs.map(Double.init), v.mean, yErr: v.sem, color: .black,
                        lineStyle: load.style, marker: .circle)
            // The legend shows the line style alone (as published): a marker would hide it.
            handles.append(ax.plot([], [], color: .black, lineStyle: load.style)); labels.append(load.label)
        }
        ax.setXTicks(zs.map(Double.init))
        ax.setXLim(0.7, Double(zs.count) + 0.3)
        // As published: the data fill the panel, and the legend sits where they fall off (upper
        // right); the top rises only as far as the legend needs.
        ax.setYLim(0, max(top, 0.1) * 1.1)
        ax.setXLabel("<i>z</i>")
        ax.setYLabel(yLabel)
        ax.legend(handles, labels: labels, title: Markup.tex("$\\alpha/\\alpha_c$"), location: .best,
                  fontSize: HouseStyle.labelFontSize, handleLength: 2.2)
        try ax.raiseTopForRoom(maxTop: max(top, 0.1) * 4)
        return fig
    }

    // MARK: 05 — synaptic SNR vs load

    static func synapticSNRVsLoad(_ d: Figure2Data.SNRVsLoad, alphas: [Double]) -> Figure {
        let fig = Figure(widthCm: 3.5, heightCm: 3.7)
        let ax = fig.addAxes()
        drawSNRVsLoad(ax, d, alphas: alphas)
        styleSNRVsLoad(ax, yMax: 12)
        // Upper right, where the SNR has fallen off (as published); lower when data are there.
        let note = ax.text(0.98, 0.97, Markup.tex("$\\sigma_\\mathrm{noise}/\\langle u\\rangle_\\mathrm{obs}$ = ") + String(format: "%g", d.noiseRatio),
                           coordinates: .axes, size: HouseStyle.smallFontSize, hAlign: .right, vAlign: .top)
        note.alternatives = [(0.98, 0.85), (0.98, 0.73), (0.98, 0.61)]
        return fig
    }

    // MARK: 08 — connection density vs load

    static func connectionDensityVsLoad(_ d: Figure2Data.ConnectionDensity, alphas: [Double]) throws -> Figure {
        let fig = Figure(widthCm: 4.3, heightCm: 4.7)
        let ax = fig.addAxes()
        // z → ∞: no solution below (α_0(0, l0), l0/2).
        let bx = d.boundary.x, by = d.boundary.y
        ax.fillBetween(bx, by, color: .named("lightgrey"), zOrder: 0.5)
        let inf = ax.plot(bx, by, color: .named("grey"), lineStyle: .dotted, label: "<i>z</i>→∞")
        let regionLabel = ax.text(0.985, 0.02, "No\nsolutions", coordinates: .axes, size: HouseStyle.labelFontSize,
                                  color: .named("grey"), hAlign: .right, vAlign: .bottom)
        // z = 1: density 0.5 at every load; z = 2: the L1 solution's connection probability.
        let th1 = ax.axhline(d.z1Density, color: zColor(1), lineStyle: .dotted, label: "<i>z</i> = 1")
        let th2 = ax.plot(d.z2.x, d.z2.y, color: zColor(2), lineStyle: .dotted, label: "<i>z</i> = 2")
        var sims: [Artist] = []
        var top = 0.53
        for l0 in d.series {
            top = max(top, (zip(l0.mean, l0.sem).map { $0 + $1 }.max() ?? 0) + 0.03)
            sims.append(ax.errorbar(alphas, l0.mean, yErr: l0.sem, color: zColor(l0.z), marker: .circle,
                                    label: "<i>z</i> = \(l0.z)"))
        }
        ax.setXLim(0.05, 0.75)
        ax.setYLim(0, top)  // the paper's 0…0.53 unless small networks exceed it
        ax.setXTicks(loadTicks)
        ax.setXLabel(loadLabel)
        ax.setYLabel("Connection density")
        // Between the z = 1 row and the rest, as published (5 pt: the published legends are small).
        ax.legend(sims, title: "Simulation", location: .upperLeft, anchor: (0.0, 0.915),
                  fontSize: HouseStyle.tinyFontSize, titleFontSize: HouseStyle.smallFontSize)
        ax.legend([th1, th2, inf], title: "Theory", location: .upperLeft, anchor: (0.34, 0.915),
                  fontSize: HouseStyle.tinyFontSize, titleFontSize: HouseStyle.smallFontSize, handleLength: 1.3)
        // Small networks keep denser connections: room above them for the legends. The
        // region's label then no longer fits under the flattened boundary: left out.
        try ax.raiseTopForRoom(maxTop: 2)
        if ax.yLimits.1 > 0.6 { regionLabel.markup = "" }
        return fig
    }

    // MARK: 09 / 10 — weight distributions of the saved network

    static func survivingWeightDistribution(_ d: Figure2Data.SurvivingWeights, zs: [Int]) -> Figure {
        let fig = Figure(widthCm: 2.3, heightCm: 2.3)
        let ax = fig.addAxes()
        let unit = d.unit
        for (k, z) in zs.enumerated().reversed() {
            ax.stairs(d.counts[k], edges: d.logEdges, color: zColor(z))
        }
        ax.setXLim(-3, 0)
        ax.setXTicks([-3, -2, -1, 0], labels: ["−3", "−2", "−1", "0"])
        ax.setYLim(0, nil)
        ax.setXLabel("log(<i>w</i>)")
        ax.setYLabel(unit == 0 ? "Count" : "Count (×10<sup>\(unit)</sup>)")
        ax.text(0.05, 0.92, Markup.tex("$\\alpha/\\alpha_c$=") + String(format: "%.2f", d.alpha), coordinates: .axes,
                size: HouseStyle.smallFontSize)
        return fig
    }

    static func allWeightDistribution(_ d: Figure2Data.AllWeights, zs: [Int]) -> Figure {
        let fig = Figure(widthCm: 4.0, heightCm: 4.0)
        let grid = fig.gridSpec(rows: 1, cols: 2, widthRatios: [1, 7], wspace: 4)
        let zeroAx = grid.addAxes(row: 0, col: 0)
        let ax = grid.addAxes(row: 0, col: 1, sharey: zeroAx)
        let unit = d.unit, scale = d.countScale
        for (k, z) in zs.enumerated().reversed() {
            ax.stairs(d.counts[k], edges: d.edges, color: zColor(z))
        }
        // Exact zeros cannot sit on a log axis: they get their own bars on the left.
        let offsets = zs.indices.map { Double($0) * 0.18 - 0.27 }
        zeroAx.bar(offsets, d.zeros, width: 0.16, colors: zs.map(zColor))
        zeroAx.setXLim(-0.5, 0.5)
        zeroAx.setXTicks([0], labels: ["0"])
        zeroAx.setYLabel(unit == 0 ? "Count" : "Count (×10<sup>\(unit)</sup>)")
        ax.setXScale(.log)
        ax.setXLim(1e-45, 30)
        ax.setXTicks([1e-40, 1e-20, 1], labels: ["10<sup>−40</sup>", "10<sup>−20</sup>", "10<sup>0</sup>"])
        ax.setXMinorTicks([])
        ax.spines = Spines(left: false, bottom: true, top: false, right: false)
        ax.yAxis.ticksVisible = false
        ax.yAxis.tickLabelsVisible = false
        // Room above the spikes for the labels (as published): the top a quarter above the
        // highest bar, and the effective-weight label with its arrow above their peak.
        let peak = d.peak, effectivePeak = d.effectivePeak
        let top = max(1.25 * peak, 1.7 * effectivePeak / scale, 1e-9)
        ax.setYLim(0, top)
        ax.setXLabel("<i>w</i>")
        ax.axvline(1e-10, color: .named("darkgrey"), lineWidth: HouseStyle.hairlineWidth, lineStyle: .dotted)
        ax.text(0.78, 0.93, "Cutoff", coordinates: .axes, size: HouseStyle.labelFontSize, color: .named("darkgrey"), vAlign: .top)
        ax.text(0.05, 0.97, "Pruned weights", coordinates: .axes, size: HouseStyle.labelFontSize, color: .named("darkred"), vAlign: .top)
        ax.text(0.95, effectivePeak / scale + 0.03 * top, "Effective\nweights\n↓", coordinates: .axesXDataY, size: HouseStyle.labelFontSize,
                color: .named("darkred"), hAlign: .center, vAlign: .bottom)
        return fig
    }
}
