// `gallery`: a page that exercises every feature of the plotting layer on made-up data in
// the paper's house style, and panel 08 of Figure 2 drawn alone (`make gallery`).

import ArgumentParser
import Foundation
import Plot

/// Spec panel 08-connection-density-vs-load with made-up data.
func connectionDensityPanel() -> Figure {
    let fig = Figure(widthCm: 4.3, heightCm: 4.7)
    let ax = fig.addAxes()
    let blues = Colormap.blues
    let shades = [0.95, 0.75, 0.55, 0.35].map { blues($0) }
    let alphas = [0.08, 0.14, 0.2, 0.27, 0.33, 0.45, 0.58, 0.7]
    var sims: [Artist] = []
    for (k, z) in [1, 2, 3, 4].enumerated() {
        let y = alphas.map { a -> Double in
            z == 1 ? 0.5 + 0.006 * sin(40 * a) : 0.5 * (1 - exp(-a * 2.6 / Double(z - 1))) * (1.05 - 0.12 * Double(z))
        }
        sims.append(ax.plot(alphas, y, color: shades[k], lineStyle: .none, marker: .circle, markerSize: 5,
                            label: "<i>z</i> = \(z)"))
    }
    let xs = stride(from: 0.05, through: 0.75, by: 0.01).map { $0 }
    let th1 = ax.plot(xs, xs.map { _ in 0.5 }, color: shades[0], lineWidth: 1.2, lineStyle: .dotted, label: "<i>z</i> = 1")
    let th2 = ax.plot(xs, xs.map { 0.5 * (1 - exp(-$0 * 2.6)) * 0.93 }, color: shades[1], lineWidth: 1.2,
                      lineStyle: .dotted, label: "<i>z</i> = 2")
    let inf = xs.map { 0.3 * pow($0, 2.2) }
    ax.fillBetween(xs, inf, color: .named("lightgrey"), zOrder: 0.5)
    let thInf = ax.plot(xs, inf, color: .named("grey"), lineWidth: 1.2, lineStyle: .dotted, label: "<i>z</i> → ∞")
    ax.text(0.74, 0.005, "No\nsolutions", size: 6, color: .named("grey"), hAlign: .right, vAlign: .bottom)
    ax.setXLim(0.05, 0.75)
    ax.setYLim(0, 0.53)
    ax.setXTicks([0.1, 0.3, 0.5, 0.7])
    ax.setXLabel(Markup.tex("Storage load $\\alpha/\\alpha_c$"))
    ax.setYLabel("Connection density")
    ax.legend(sims, title: "Simulation", location: .upperLeft, anchor: (-0.02, 0.92), fontSize: 5,
              titleFontSize: 5.5, markerScale: 0.75, handleLength: 1.0)
    ax.legend([th1, th2, thInf], title: "Theory", location: .upperLeft, anchor: (0.29, 0.92), fontSize: 5,
              titleFontSize: 5.5, handleLength: 1.6)
    return fig
}

/// Log axes: minor ticks, 10^k labels, hollow/filled scatter with alpha, error bars with caps.
func logAxesPanel() -> Figure {
    let fig = Figure(widthCm: 4.3, heightCm: 4.7)
    let ax = fig.addAxes()
    ax.setXScale(.log); ax.setYScale(.log)
    let x = (0..<12).map { pow(10, -2 + 0.35 * Double($0)) }
    ax.scatter(x, x.map { 3 * pow($0, 0.8) }, color: .named("dodgerblue"), size: 5, hollow: true, label: "hollow")
    ax.scatter(x, x.map { 0.5 * pow($0, 0.8) }, color: .named("orange"), size: 5, alpha: 0.5, label: "α = 0.5")
    ax.errorbar(x, x.map { 0.1 * $0 }, yErrLow: x.map { 0.05 * $0 }, yErrHigh: x.map { 0.1 * $0 },
                color: .named("darkred"), marker: .square, markerSize: 3, capSize: 2, errorLineWidth: 0.5, label: "error bars")
    ax.plot([0.01, 100], [0.001, 0], color: .named("grey"), lineStyle: .dashed)   // 0 is masked on a log axis
    ax.setXLabel(Markup.tex("$w$"))
    ax.setYLabel(Markup.tex("$|\\Delta w|$"))
    ax.setTitle("Log axes")
    ax.legend(location: .upperLeft, fontSize: 5.5)
    return fig
}

/// Line styles and marker shapes.
func linesAndMarkersPanel() -> Figure {
    let fig = Figure(widthCm: 5.0, heightCm: 4.7)
    let ax = fig.addAxes()
    let x = (0...20).map { Double($0) / 20 }
    let styles: [(LineStyle, String)] = [(.solid, "solid"), (.dashed, "dashed"), (.dotted, "dotted"),
                                         (.dashDot, "dash-dot"), (.custom([4, 1, 1, 1, 1, 1]), "custom")]
    var handles: [Artist] = []
    for (k, (st, name)) in styles.enumerated() {
        let c = Colormap.tab20c[4 * (k % 5)]
        handles.append(ax.plot(x, x.map { Double(k) + 0.3 * sin(6 * $0) }, color: c, lineWidth: 1 + 0.125 * Double(k),
                               lineStyle: st, label: name))
    }
    let shapes: [MarkerShape] = [.circle, .square, .x, .triangleUp, .triangleDown, .diamond, .plus]
    for (k, m) in shapes.enumerated() {
        let xx = 0.1 + 0.13 * Double(k)
        ax.plot([xx], [5.6], color: .black, lineStyle: .none, marker: m, markerSize: 4.5)
        ax.plot([xx], [6.3], color: .named("palevioletred"), lineStyle: .none, marker: m, markerSize: 4.5, hollow: true,
                markerEdgeWidth: 0.5 + 0.15 * Double(k))
    }
    ax.setYLim(-0.6, 6.8)
    ax.setYTicks([0, 1, 2, 3, 4])
    ax.setXTicks([0, 0.5, 1])
    ax.xAxis.format = .noLeadingZero
    ax.setTitle("Lines and markers")
    ax.legend(handles, location: .upperLeft, anchor: (1.0, 0.75), fontSize: 5.5)
    return fig
}

/// Grouped bars with group labels, like 01-snr-by-norm-exponent.
func barsPanel() -> Figure {
    let fig = Figure(widthCm: 5.0, heightCm: 3.0)
    let ax = fig.addAxes()
    let groups = ["<i>q</i>=2", "<i>q</i>=1", "<i>q</i>=2/3", "<i>q</i>=1/2"]
    var ticks: [Double] = [], labels: [String] = []
    for (g, name) in groups.enumerated() {
        let base = Double(g) * 5
        let h = (0..<4).map { 1 - 0.18 * Double($0) * Double(g + 1) / 4 }
        let xs = (0..<4).map { base + Double($0) }
        ax.bar(xs, h, width: 0.8, colors: [0.95, 0.75, 0.55, 0.35].map { Colormap.blues($0) })
        ticks += xs; labels += ["1", "2", "3", "4"]
        ax.text(base + 1.5, 1.04, name, coordinates: .dataXAxesY, hAlign: .center, vAlign: .bottom)
    }
    ax.setXTicks(ticks, labels: labels)
    ax.setYLim(0, 1)
    ax.setYTicks([0, 0.5, 1], labels: ["0", ".5", "1"])
    ax.setXLabel("<i>z</i>")
    ax.setYLabel("SNR")
    ax.xAxis.tickLabelSize = 5.5
    return fig
}

/// Two axes with width ratio 1:7: zero-count bars and a log histogram (like 10-all-weight-distribution).
func histogramPanel() -> Figure {
    let fig = Figure(widthCm: 5.5, heightCm: 4.0)
    let g = fig.gridSpec(rows: 1, cols: 2, widthRatios: [1, 7], wspace: 2)
    let left = g.addAxes(row: 0, col: 0), right = g.addAxes(row: 0, col: 1, sharey: left)
    left.bar([0], [86], width: 0.4, color: Colormap.blues(0.55))
    left.bar([0.5], [88], width: 0.4, color: Colormap.blues(0.35))
    left.setXLim(-0.6, 1.1)
    left.setXTicks([0.25], labels: ["0"])
    left.setYLabel("Count (×10<sup>4</sup>)")
    left.setYTicks([0, 30, 60, 90])
    let edges = Histogram.logEdges(1e-41, 10, count: 200)
    var values = [Double](repeating: 0, count: 200)
    for (i, e) in edges.dropLast().enumerated() {
        let l = log10(e)
        values[i] = 74 * exp(-pow((l + 40) / 0.4, 2)) + 50 * exp(-pow((l + 20) / 0.4, 2)) + 10 * exp(-pow((l + 0.5) / 0.6, 2))
    }
    right.stairs(values, edges: edges, color: Colormap.blues(0.75), lineWidth: 1.2)
    right.setXScale(.log)
    right.setXTicks([1e-40, 1e-20, 1])
    right.yAxis.tickLabelsVisible = false
    right.yAxis.ticksVisible = false
    right.axvline(1e-10, color: .named("grey"), lineWidth: 0.5, lineStyle: .dotted)
    right.text(1e-9, 70, "Cutoff", color: .named("darkgrey"))
    right.text(1e-38, 82, "Pruned weights", size: 6, color: .named("darkred"))
    right.text(1e-2, 20, "Effective\nweights\n↓", size: 6, color: .named("darkred"), hAlign: .center, vAlign: .bottom)
    right.spines = Spines(left: false, bottom: true)
    right.setXLabel("<i>w</i>")
    right.setYLim(0, 90)
    return fig
}

/// Heatmap with a grey colormap, vmin/vmax and a red dashed line (like the recall rasters).
func heatmapPanel() -> Figure {
    let fig = Figure(widthCm: 5.4, heightCm: 2.6)
    let ax = fig.addAxes()
    let values = (0..<40).map { i in (0..<200).map { t -> Double in
        let phase = Double((t / 10 + i) % 8) / 7
        return t < 50 ? 2 * phase - 1 : sin(Double(i * t) * 0.07)
    } }
    ax.imshow(values, colormap: .gray, vmin: -1, vmax: 1, extent: (0, 200, 40, 0))
    ax.axvline(50, color: .red, lineWidth: 1, lineStyle: .dashed)
    ax.setXLabel("<i>t</i>")
    ax.setYLabel("Neuron <i>i</i>")
    ax.setYTicks([0, 20, 40])
    ax.setTitle("<i>I</i><sub><i>i</i></sub>(<i>t</i>) before consolidation")
    return fig
}

/// Day/night spans, fill-between band, horizontal and vertical lines (Figure 3 style).
func spansPanel() -> Figure {
    let fig = Figure(widthCm: 4.6, heightCm: 4.0)
    let ax = fig.addAxes()
    let t = (0...100).map { Double($0) * 0.7 }
    ax.axvspan(0, 35, color: .named("moccasin"), alpha: 0.2)
    ax.axvspan(35, 70, color: .named("lavender"), alpha: 0.4)
    let mean = t.map { 0.4 + 0.3 * tanh(($0 - 35) / 10) }
    ax.fillBetween(t, mean.map { $0 - 0.08 }, mean.map { $0 + 0.08 }, color: .named("palevioletred"), alpha: 0.3)
    ax.plot(t, mean, color: .named("palevioletred"), label: "mean ± std")
    ax.plot(t, t.map { 0.35 + 0.25 * tanh(($0 - 35) / 8) }, color: .named("dimgrey"), lineStyle: .dashed, label: "low")
    ax.axhline(0.4, color: .black, lineWidth: 0.5, lineStyle: .dotted)
    ax.axhspan(0.0, 0.05, color: .named("silver"), alpha: 0.5)
    ax.fillBetweenX([0.8, 0.9], [60, 60], [68, 68], color: .named("xkcd:orangish"))
    ax.setXLim(0, 70); ax.setYLim(0, 1)
    ax.setXLabel("Time (days)")
    ax.setYLabel("Correlation")
    ax.legend(location: .lowerRight, fontSize: 5.5, frame: true)
    return fig
}

/// Scatter with marginal histograms on axes sharing x / y (like 01-dw-vs-w).
func marginalPanel() -> Figure {
    let fig = Figure(widthCm: 5.5, heightCm: 5.7)
    let g = fig.gridSpec(rows: 2, cols: 2, widthRatios: [4, 1], heightRatios: [1, 4], wspace: 1, hspace: 1)
    let main = g.addAxes(row: 1, col: 0)
    let top = g.addAxes(row: 0, col: 0, sharex: main)
    let right = g.addAxes(row: 1, col: 1, sharey: main)
    var rng = SplitMix(seed: 7)
    let w = (0..<400).map { _ in pow(10, -1.5 + 2 * rng.uniform()) }
    let dw = w.map { $0 * pow(10, -1 + 0.8 * rng.uniform()) }
    main.setXScale(.log); main.setYScale(.log)
    main.scatter(w, dw, color: .named("dodgerblue"), size: 3, hollow: true, edgeWidth: 0.4, alpha: 0.6)
    main.plot([0.03, 3], [0.003, 0.3], color: .named("darkblue"), label: "slope 1")
    main.text(0.05, 0.95, "LTP 0.57\nLTD 0.72", coordinates: .axes, size: 6, vAlign: .top)
    main.setXLabel("<i>w</i>"); main.setYLabel(Markup.tex("$|\\Delta w|$"))
    let bw = Histogram.logEdges(0.03, 1, count: 20)
    top.hist(w, bins: bw, fill: true, color: .named("lightgrey"))
    top.xAxis.tickLabelsVisible = false
    top.spines = Spines(left: false, bottom: true)
    top.yAxis.ticksVisible = false; top.yAxis.tickLabelsVisible = false
    let bd = Histogram.logEdges(0.001, 1, count: 20)
    right.hist(dw, bins: bd, orientation: .horizontal, color: .named("grey"))
    right.yAxis.tickLabelsVisible = false
    right.spines = Spines(left: true, bottom: false)
    right.xAxis.ticksVisible = false; right.xAxis.tickLabelsVisible = false
    return fig
}

/// Rich text: italics, scripts, Greek, inline fractions, rotation, alignment, tick label sizes.
func textPanel() -> Figure {
    let fig = Figure(widthCm: 5.5, heightCm: 4.7)
    let ax = fig.addAxes()
    ax.spines = .all
    ax.setXLim(0, 1); ax.setYLim(0, 1)
    ax.setXTicks([0, 0.5, 1]); ax.xAxis.format = .noLeadingZero
    ax.setYTicks([0, 0.5, 1]); ax.yAxis.tickLabelSize = 5
    let lines = [
        Markup.tex("$f_\\mathrm{noise}/f = 0.03$"),
        Markup.tex("$\\sigma_\\mathrm{noise}/\\langle u\\rangle_\\mathrm{obs} = 0.2$"),
        Markup.tex("$\\kappa(\\alpha_c)/c$, $10^{-3}$, $e^{x^2}$"),
        Markup.tex("$q = \\frac{2}{3}$, $\\rho\\sqrt{l_1/N}$, $z \\to \\infty$"),
        "Greek: <i>α β γ δ κ ρ σ</i>  Δ Σ Ω",
        "<b>bold</b>, <i>italic</i>, <span foreground=\"#d62728\">coloured</span>",
    ]
    for (k, l) in lines.enumerated() {
        ax.text(0.04, 0.92 - 0.11 * Double(k), l, coordinates: .axes, size: 6.5)
    }
    for (k, angle) in [0.0, 30, 60, 90].enumerated() {
        ax.text(0.55 + 0.12 * Double(k), 0.15, "rot \(Int(angle))°", coordinates: .axes, size: 5.5,
                hAlign: .center, vAlign: .center, rotation: angle)
    }
    for (k, (h, name)) in [(HAlign.left, "left"), (.center, "center"), (.right, "right")].enumerated() {
        let y = 0.25 - 0.09 * Double(k)
        ax.plot([0.25], [y], color: .red, lineStyle: .none, marker: .plus, markerSize: 4)
        ax.text(0.25, y, name, size: 5.5, hAlign: h, vAlign: .center)
    }
    ax.setXLabel(Markup.tex("Storage load $\\alpha/\\alpha_c$"))
    ax.setYLabel("Rotated label", size: 6)
    ax.setTitle("Rich text", bold: true)
    return fig
}

/// Colormaps and named colours as swatches (heatmaps of ramps).
func colorsPanel() -> Figure {
    let fig = Figure(widthCm: 5.5, heightCm: 4.7)
    let ax = fig.addAxes()
    let maps: [Colormap] = [.blues, .greys, .greens, .reds, .purples, .ylOrBr]
    let ramp = [(0..<64).map { Double($0) / 63 }]
    for (k, m) in maps.enumerated() {
        ax.imshow(ramp, colormap: m, vmin: 0, vmax: 1, extent: (0, 1, Double(k), Double(k) + 0.8), originUpper: false)
    }
    for (k, m) in [Colormap.tab20b, .tab20c, .paired].enumerated() {
        let row = [(0..<m.count).map { Double($0) }]
        ax.imshow(row, colormap: m, vmin: 0, vmax: Double(m.count), extent: (0, 1, 6 + Double(k), 6.8 + Double(k)),
                  originUpper: false)
    }
    let names = ["black", "dimgrey", "grey", "darkgrey", "silver", "lightgrey", "red", "orangered", "orange",
                 "xkcd:orangish", "tan", "brown", "moccasin", "dodgerblue", "darkblue", "darkred", "palevioletred",
                 "lavender", "green"]
    for (k, n) in names.enumerated() {
        ax.bar([Double(k) / Double(names.count)], [0.8], width: 1 / Double(names.count), bottom: [9],
               color: .named(n), alignEdge: true)
    }
    ax.setYLim(0, 9.8); ax.setXLim(0, 1)
    ax.setYTicks((0..<10).map { Double($0) + 0.4 },
                 labels: maps.map(\.name) + ["tab20b", "tab20c", "Paired", "CSS"])
    ax.yAxis.tickLabelSize = 5
    ax.xAxis.ticksVisible = false; ax.xAxis.tickLabelsVisible = false
    ax.spines = .none
    ax.yAxis.ticksVisible = false
    ax.setTitle("Colormaps and colours")
    return fig
}

/// Stacked axes sharing a log x axis (like 04-snr-and-density-over-replay).
func stackedPanel() -> Figure {
    let fig = Figure(widthCm: 4.3, heightCm: 4.7)
    let axes = fig.subplots(rows: 2, cols: 1, sharex: true, hspace: 4)
    let t = (0..<200).map { pow(10, 1 + 4 * Double($0) / 199) }
    for (k, c) in [Color.black, .named("dimgrey")].enumerated() {
        axes[0][0].plot(t, t.map { 2 + Double(k) + log10($0) * 0.5 }, color: c, label: k == 0 ? "high" : "low")
        axes[0][0].plot(t, t.map { 1.5 + Double(k) + log10($0) * 0.3 }, color: c, lineStyle: .dashed)
        axes[1][0].plot(t, t.map { 0.5 * pow($0 / 10, -0.2 - 0.1 * Double(k)) }, color: c)
    }
    axes[0][0].setXScale(.log)
    axes[0][0].setYLabel("Margin")
    axes[0][0].legend(location: .upperLeft, fontSize: 5.5)
    axes[1][0].setYScale(.log)
    axes[1][0].setYLabel("<i>l</i><sub>0</sub>")
    axes[1][0].setXLabel("Replay cycles")
    return fig
}

/// Several legends in one axes.
func legendsPanel() -> Figure {
    let fig = Figure(widthCm: 5.5, heightCm: 4.0)
    let ax = fig.addAxes()
    let x = [0.0, 1]
    let a = ax.plot(x, [0.2, 0.8], color: Colormap.paired[1], label: "line")
    let b = ax.plot([0.5], [0.5], color: Colormap.paired[5], lineStyle: .none, marker: .triangleUp, label: "marker")
    let c = ax.bar([0.8], [0.1], width: 0.1, color: Colormap.paired[3], label: "bar")
    let d = ax.errorbar([0.3], [0.3], yErr: [0.05], color: .black, marker: .circle, markerSize: 3, capSize: 2, label: "error")
    ax.legend([a, b], title: "upper right", location: .upperRight, fontSize: 5.5)
    ax.legend([c, d], title: "lower left", location: .lowerLeft, fontSize: 5.5, frame: true)
    ax.legend([a, b, c, d], location: .upperLeft, columns: 2, fontSize: 5)
    ax.setYLim(0, 1.2)
    ax.setTitle("Legends", align: .left)
    return fig
}

/// Deterministic uniform numbers for made-up data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e3779b97f4a7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// The whole gallery page: every panel at an offset with a letter.
func galleryPage() -> Figure {
    let page = Figure(widthCm: 18.4, heightCm: 21)
    let panels: [(Figure, Double, Double)] = [
        (connectionDensityPanel(), 0.4, 0.2), (logAxesPanel(), 6.4, 0.2), (linesAndMarkersPanel(), 12.0, 0.2),
        (barsPanel(), 0.4, 5.2), (histogramPanel(), 6.4, 5.2), (heatmapPanel(), 12.4, 5.2),
        (spansPanel(), 0.4, 9.6), (marginalPanel(), 6.4, 9.6), (textPanel(), 12.4, 9.6),
        (colorsPanel(), 0.4, 15.6), (stackedPanel(), 6.4, 15.6), (legendsPanel(), 12.4, 15.6),
    ]
    for (k, (fig, x, y)) in panels.enumerated() {
        let letter = String(UnicodeScalar(UInt8(65 + k)))
        page.addPanel(fig, xCm: x, yCm: y, letter: letter, letterOffsetCm: (-0.35, 0))
    }
    page.text(0.5, 0.005, "Plot gallery — made-up data in the paper's house style", size: 6, color: .named("grey"),
              hAlign: .center, vAlign: .bottom)
    page.title = "Plot gallery"
    return page
}

struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery", abstract: "Draw the Plot gallery (every feature of the plotting layer, made-up data).")

    @Option(help: "Output directory.") var out: String = "figures/gallery"
    @Flag(help: "Also write the gallery page as SVG.") var svg = false

    func run() throws {
        do {
            let p08 = connectionDensityPanel()
            try p08.save(base: out + "/08-connection-density-vs-load")
            let page = galleryPage()
            try page.save(base: out + "/gallery", svg: svg)
            print("wrote \(out)/gallery.{pdf,png} and \(out)/08-connection-density-vs-load.{pdf,png}")
        } catch {
            FileHandle.standardError.write(Data("gallery: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

GalleryCommand.main()
