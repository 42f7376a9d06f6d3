// The ten panels of Figure 2 (docs/methods.md §6.2), each a function from the sweep to a Figure.

import Experiments
import Foundation
import FigureSupport
import Plot
import Sim

enum Figure2Panels {
    /// Sequential blues for z = 1…4, darkest for z = 1 (docs/methods.md §6.1 house style).
    static func zColor(_ z: Int) -> Color { Colormap.blues([0.95, 0.75, 0.55, 0.35][min(max(z - 1, 0), 3)]) }

    static let loadLabel = Markup.tex("Storage load $\\alpha/\\alpha_c$")
    static let loadTicks = [0.1, 0.3, 0.5, 0.7]

    /// Loads shown in the max-noise panels (04, 07): the paper's 0.08, 0.1425 and 0.33.
    static let maxNoiseLoads: [(alpha: Double, label: String, style: LineStyle)] =
        [(0.08, "0.08", .solid), (0.1425, "0.14", .dashed), (0.33, "0.33", .dotted)]

    // MARK: 01 — SNR per norm exponent at the lowest load

    static func snrByNormExponent(_ s: Sweep) throws -> Figure {
        let fig = Figure(widthCm: 4.0, heightCm: 2.2)
        let ax = fig.addAxes()
        let i = s.alphaIndex(nearest: 0.08)
        let groups: [(metric: String, label: String)] = [
            ("min_margin", "<i>q</i>=2"), ("rho", "<i>q</i>=1"),
            ("norm_margin_q2_3", "<i>q</i>=2/3"), ("norm_margin_q1_2", "<i>q</i>=1/2"),
        ]
        var ticks: [Double] = [], labels: [String] = []
        for (g, group) in groups.enumerated() {
            let values = try s.zs.map { z in MeanSEM(try s.at(z: z, alphaIndex: i).map { try $0.mean(group.metric) }).mean }
            let top = values.max() ?? 1
            let x = s.zs.indices.map { Double(g * (s.zs.count + 1) + $0) }
            ax.bar(x, values.map { $0 / top }, width: 0.8, colors: s.zs.map(zColor))
            // Above the axes on purpose: y in axes fractions.
            ax.text(x.reduce(0, +) / Double(x.count), 1.02, group.label, coordinates: .dataXAxesY, size: 6,
                    hAlign: .center, vAlign: .bottom)
            ticks += x; labels += s.zs.map(String.init)
        }
        ax.setXTicks(ticks, labels: labels)
        ax.xAxis.tickLabelSize = 5.5
        ax.setYLim(0, 1)
        ax.setYTicks([0, 1])
        ax.setXLabel("<i>z</i>")
        ax.setYLabel("SNR")
        return fig
    }

    // MARK: 02 — neural SNR vs load

    static func neuralSNRVsLoad(_ s: Sweep) throws -> Figure {
        let fig = Figure(widthCm: 3.5, heightCm: 3.7)
        let ax = fig.addAxes()
        let f = 0.5
        let c = neuralNoiseScale(f: f, fNoise: 0.03 * f)
        let alphas = stride(from: 0.04, through: 0.8, by: 0.005).map { $0 }
        let kappa = try L2Capacity.kappaMaxCurve(f: f, alphas: alphas)
        ax.plot(alphas, kappa.map { $0 / c }, color: zColor(1), lineStyle: .dotted)
        for z in s.zs {
            let snr = try s.series(z: z) { try $0.mean("min_margin") / c }
            ax.errorbar(s.alphas, snr.map(\.mean), yErr: snr.map(\.sem), color: zColor(z), marker: .circle)
        }
        styleSNRVsLoad(ax, yMax: 11)
        ax.text(0.55, 0.78, Markup.tex("$f_\\mathrm{noise}/f$ = 0.03"), coordinates: .axes, size: 6.5)
        return fig
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
    static func recallVsNoise(_ s: Sweep, type: NoiseType, scale: @escaping (Double) -> Double,
                              title: String, xLabel: String, noteAtTop: Bool) throws -> Figure {
        let fig = Figure(widthCm: 3.0, heightCm: 3.5)
        let ax = fig.addAxes()
        let i = s.alphaIndex(nearest: 0.08)
        for z in s.zs.reversed() {
            let pts = s.at(z: z, alphaIndex: i)
            let (p, _) = try pts[0].recallCurve(type)
            let curves = try pts.map { try $0.recallCurve(type).recall }
            let mean = p.indices.map { k in curves.map { $0[k] }.reduce(0, +) / Double(curves.count) }
            ax.plot(p.map(scale), mean, color: zColor(z))
            let half = MeanSEM(try pts.map { scale(try $0.halfRecallLevel(type)) }).mean
            ax.plot([half], [0.5], color: zColor(z), marker: .x, markerSize: 4.5, markerEdgeWidth: 1.5, zOrder: 3)
        }
        ax.setXLim(0, 1)
        ax.setYLim(0, 1)
        ax.setXTicks([0, 0.5, 1])
        ax.setYTicks([0, 1])
        ax.setTitle(title)
        ax.setXLabel(xLabel)
        ax.setYLabel("Recall rate")
        let a = s.alphas[i]
        let (x, y, align): (Double, Double, HAlign) = noteAtTop ? (0.98, 0.97, .right) : (0.04, 0.26, .left)
        // One two-line note, so that it moves as a whole to where no curve runs.
        let note = ax.text(x, y, Markup.tex("$f$ = 0.50") + "\n" + Markup.tex("$\\alpha/\\alpha_c$ = ")
                           + String(format: "%.2f", a), coordinates: .axes, size: 5.5, hAlign: align, vAlign: .top)
        // Then a grid over the axes, nearest the published corner first.
        let xs = align == .right ? [0.98, 0.85, 0.72, 0.6, 0.47] : [0.04, 0.17, 0.3, 0.43, 0.55]
        let ys = noteAtTop ? [0.97, 0.8, 0.63, 0.46, 0.29] : [0.26, 0.43, 0.6, 0.77, 0.97]
        note.alternatives = xs.flatMap { nx in ys.map { (nx, $0) } }.filter { $0 != (x, y) }
        // Curves of small networks can fill the panel: then headroom above recall 1.
        try ax.raiseTopForRoom(maxTop: 1.5)
        return fig
    }

    // MARK: 04 / 07 — max tolerated noise vs z

    static func maxNoiseVsZ(_ s: Sweep, yLabel: String, _ stat: @escaping (SweepPoint) throws -> Double) throws -> Figure {
        let fig = Figure(widthCm: 2.5, heightCm: 3.7)
        let ax = fig.addAxes()
        var handles: [Artist] = [], labels: [String] = []
        var top = 0.0
        for load in maxNoiseLoads {
            let i = s.alphaIndex(nearest: load.alpha)
            let v = try s.zs.map { z in MeanSEM(try s.at(z: z, alphaIndex: i).map(stat)) }
            top = max(top, v.map { $0.mean + $0.sem }.max() ?? 0)
            ax.errorbar(s.zs.map(Double.init), v.map(\.mean), yErr: v.map(\.sem), color: .black,
                        lineStyle: load.style, marker: .circle)
            // The legend shows the line style alone (as published): a marker would hide it.
            handles.append(ax.plot([], [], color: .black, lineStyle: load.style)); labels.append(load.label)
        }
        ax.setXTicks(s.zs.map(Double.init))
        ax.setXLim(0.7, Double(s.zs.count) + 0.3)
        ax.setYLim(0, max(top, 0.1) * 1.8)  // headroom for the legend, upper right where the data fall off
        ax.setXLabel("<i>z</i>")
        ax.setYLabel(yLabel)
        ax.legend(handles, labels: labels, title: Markup.tex("$\\alpha/\\alpha_c$"), location: .best, fontSize: 6,
                  handleLength: 2.2)
        try ax.raiseTopForRoom(maxTop: max(top, 0.1) * 4)
        return fig
    }

    // MARK: 05 — synaptic SNR vs load

    static func synapticSNRVsLoad(_ s: Sweep) throws -> Figure {
        let fig = Figure(widthCm: 3.5, heightCm: 3.7)
        let ax = fig.addAxes()
        let f = 0.5
        let sigma = 0.2 * 0.1  // noise std relative to the mean factor 0.1 after "mean-u" rescaling
        // Theory, z = 1: κ(α)·⟨l2⟩ / sqrt(N f σ²/2), with ⟨l2⟩ the z = 1 mean l2 over loads.
        if s.zs.contains(1) {
            let n = Double(s.at(z: 1, alphaIndex: 0)[0].n)
            let l2 = try s.series(z: 1) { try $0.mean("l2") }.map(\.mean)
            let meanL2 = l2.reduce(0, +) / Double(l2.count)
            let alphas = stride(from: 0.04, through: 0.8, by: 0.005).map { $0 }
            let kappa = try L2Capacity.kappaMaxCurve(f: f, alphas: alphas)
            ax.plot(alphas, kappa.map { $0 * meanL2 / (n * f * sigma * sigma / 2).squareRoot() },
                    color: zColor(1), lineStyle: .dotted)
        }
        // Theory, z = 2: ρ(α) f sqrt(l1/N) / sqrt(f σ²) at each simulated load.
        if s.zs.contains(2) {
            let n = Double(s.at(z: 2, alphaIndex: 0)[0].n)
            let l1 = try s.series(z: 2) { try $0.mean("l1") }.map(\.mean)
            let rho = try s.alphas.map { try L1Capacity.point(alpha: $0, f: f).rho }
            ax.plot(s.alphas, s.alphas.indices.map { rho[$0] * f * (l1[$0] / n).squareRoot() / (f * sigma * sigma).squareRoot() },
                    color: zColor(2), lineStyle: .dotted)
        }
        for z in s.zs {
            let snr = try s.series(z: z) { p -> Double in
                let margin = try p.mean("syn_margin")
                if z == 1 {
                    let n = Double(p.n)
                    return margin * n.squareRoot() / (sigma * (n * f * (try p.mean("l0"))).squareRoot())
                }
                return margin / (f * sigma * sigma).squareRoot()
            }
            ax.errorbar(s.alphas, snr.map(\.mean), yErr: snr.map(\.sem), color: zColor(z), marker: .circle)
        }
        styleSNRVsLoad(ax, yMax: 12)
        // Upper right, where the SNR has fallen off (as published); lower when data are there.
        let note = ax.text(0.98, 0.97, Markup.tex("$\\sigma_\\mathrm{noise}/\\langle u\\rangle_\\mathrm{obs}$ = 0.2"),
                           coordinates: .axes, size: HouseStyle.smallFontSize, hAlign: .right, vAlign: .top)
        note.alternatives = [(0.98, 0.85), (0.98, 0.73), (0.98, 0.61)]
        return fig
    }

    // MARK: 08 — connection density vs load

    static func connectionDensityVsLoad(_ s: Sweep) throws -> Figure {
        let fig = Figure(widthCm: 4.3, heightCm: 4.7)
        let ax = fig.addAxes()
        let f = 0.5
        // z → ∞: no solution below (α_0(0, l0), l0/2).
        let l0s = Histogram.logEdges(1e-3, 1, count: 200)
        let boundary = try L0Boundary.curve(l0s: l0s, kappa: 0, f: f)
        let bx = boundary.map(\.alpha0), by = boundary.map(\.density)
        ax.fillBetween(bx, by, color: .named("lightgrey"), zOrder: 0.5)
        let inf = ax.plot(bx, by, color: .named("grey"), lineStyle: .dotted, label: "<i>z</i>→∞")
        let regionLabel = ax.text(0.985, 0.02, "No\nsolutions", coordinates: .axes, size: 6, color: .named("grey"),
                                  hAlign: .right, vAlign: .bottom)
        // z = 1: density 0.5 at every load; z = 2: the L1 solution's connection probability.
        let th1 = ax.axhline(0.5, color: zColor(1), lineStyle: .dotted, label: "<i>z</i> = 1")
        let rhos = Histogram.logEdges(0.05, 20, count: 150)
        let l1 = try L1Capacity.curve(f: f, rhos: rhos)
        let th2 = ax.plot(l1.map(\.alphaC), l1.map(\.connectionProbability), color: zColor(2), lineStyle: .dotted,
                          label: "<i>z</i> = 2")
        var sims: [Artist] = []
        var top = 0.53
        for z in s.zs {
            let l0 = try s.series(z: z) { try $0.mean("l0") }
            top = max(top, (l0.map { $0.mean + $0.sem }.max() ?? 0) + 0.03)
            sims.append(ax.errorbar(s.alphas, l0.map(\.mean), yErr: l0.map(\.sem), color: zColor(z), marker: .circle,
                                    label: "<i>z</i> = \(z)"))
        }
        ax.setXLim(0.05, 0.75)
        ax.setYLim(0, top)  // the paper's 0…0.53 unless small networks exceed it
        ax.setXTicks(loadTicks)
        ax.setXLabel(loadLabel)
        ax.setYLabel("Connection density")
        // Between the z = 1 row and the rest, as published (5 pt: the published legends are small).
        ax.legend(sims, title: "Simulation", location: .upperLeft, anchor: (0.0, 0.915), fontSize: 5, titleFontSize: 5.5)
        ax.legend([th1, th2, inf], title: "Theory", location: .upperLeft, anchor: (0.34, 0.915), fontSize: 5,
                  titleFontSize: 5.5, handleLength: 1.3)
        // Small networks keep denser connections: room above them for the legends. The
        // region's label then no longer fits under the flattened boundary: left out.
        try ax.raiseTopForRoom(maxTop: 2)
        if ax.yLimits.1 > 0.6 { regionLabel.markup = "" }
        return fig
    }

    // MARK: 09 / 10 — weight distributions of the saved network

    /// Off-diagonal weights of the saved (α ≈ 0.33) network of one z, in Double (keeps the
    /// 1e-40 subnormals exact), scaled so that surviving weights (> 1e-10) have mean 0.1.
    static func scaledWeights(_ s: Sweep, z: Int) throws -> (all: [Double], surviving: [Double]) {
        let i = s.alphaIndex(nearest: 0.33)
        let p = s.at(z: z, alphaIndex: i)[0]
        let w = try p.result.array("W")
        guard w.shape.count == 2, w.shape[0] == w.shape[1] else {
            throw ResultError.corrupt(path: p.result.directory.path, reason: "W is not square")
        }
        let n = w.shape[0]
        let raw = w.doubles
        var offDiagonal: [Double] = []
        offDiagonal.reserveCapacity(n * (n - 1))
        for r in 0..<n { for c in 0..<n where r != c { offDiagonal.append(raw[r * n + c]) } }
        let alive = offDiagonal.filter { $0 > 1e-10 }
        let factor = alive.isEmpty ? 1 : 0.1 / (alive.reduce(0, +) / Double(alive.count))
        return (offDiagonal.map { $0 * factor }, alive.map { $0 * factor })
    }

    /// A power of ten that brings counts up to `maxCount` into 1…10 (10⁴ at the paper's N).
    static func countUnit(_ maxCount: Double) -> Int { maxCount >= 10 ? Int(floor(log10(maxCount))) : 0 }

    static func survivingWeightDistribution(_ s: Sweep) throws -> Figure {
        let fig = Figure(widthCm: 2.3, heightCm: 2.3)
        let ax = fig.addAxes()
        let edges = Histogram.logEdges(1e-3, 1, count: 50)
        let logEdges = edges.map(log10)
        let counts = try s.zs.map { z in Histogram.counts(try scaledWeights(s, z: z).surviving, edges: edges) }
        let unit = countUnit(counts.flatMap { $0 }.max() ?? 1)
        for (k, z) in s.zs.enumerated().reversed() {
            ax.stairs(counts[k].map { $0 / pow(10, Double(unit)) }, edges: logEdges, color: zColor(z))
        }
        ax.setXLim(-3, 0)
        ax.setXTicks([-3, -2, -1, 0], labels: ["−3", "−2", "−1", "0"])
        ax.setYLim(0, nil)
        ax.setXLabel("log(<i>w</i>)")
        ax.setYLabel(unit == 0 ? "Count" : "Count (×10<sup>\(unit)</sup>)")
        let a = s.alphas[s.alphaIndex(nearest: 0.33)]
        ax.text(0.05, 0.92, Markup.tex("$\\alpha/\\alpha_c$=") + String(format: "%.2f", a), coordinates: .axes, size: 5.5)
        return fig
    }

    static func allWeightDistribution(_ s: Sweep) throws -> Figure {
        let fig = Figure(widthCm: 4.0, heightCm: 4.0)
        let grid = fig.gridSpec(rows: 1, cols: 2, widthRatios: [1, 7], wspace: 4)
        let zeroAx = grid.addAxes(row: 0, col: 0)
        let ax = grid.addAxes(row: 0, col: 1, sharey: zeroAx)
        let edges = Histogram.logEdges(1e-41, 10, count: 200)
        let weights = try s.zs.map { try scaledWeights(s, z: $0).all }
        let counts = weights.map { Histogram.counts($0, edges: edges) }
        let zeros = weights.map { w in Double(w.filter { $0 == 0 }.count) }
        let unit = countUnit(max(counts.flatMap { $0 }.max() ?? 1, zeros.max() ?? 1))
        let scale = pow(10, Double(unit))
        for (k, z) in s.zs.enumerated().reversed() {
            ax.stairs(counts[k].map { $0 / scale }, edges: edges, color: zColor(z))
        }
        // Exact zeros cannot sit on a log axis: they get their own bars on the left.
        let offsets = s.zs.indices.map { Double($0) * 0.18 - 0.27 }
        zeroAx.bar(offsets, zeros.map { $0 / scale }, width: 0.16, colors: s.zs.map(zColor))
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
        let peak = max(counts.flatMap { $0 }.max() ?? 1, zeros.max() ?? 1) / scale
        let effectivePeak = counts.flatMap { c in c.indices.filter { edges[$0] >= 1e-10 }.map { c[$0] } }.max() ?? 0
        let top = max(1.25 * peak, 1.7 * effectivePeak / scale, 1e-9)
        ax.setYLim(0, top)
        ax.setXLabel("<i>w</i>")
        ax.axvline(1e-10, color: .named("darkgrey"), lineWidth: 0.5, lineStyle: .dotted)
        ax.text(0.78, 0.93, "Cutoff", coordinates: .axes, size: 6, color: .named("darkgrey"), vAlign: .top)
        ax.text(0.05, 0.97, "Pruned weights", coordinates: .axes, size: 6, color: .named("darkred"), vAlign: .top)
        ax.text(0.95, effectivePeak / scale + 0.03 * top, "Effective\nweights\n↓", coordinates: .axesXDataY, size: 6,
                color: .named("darkred"), hAlign: .center, vAlign: .bottom)
        return fig
    }
}
