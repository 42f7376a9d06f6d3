import Foundation
import Testing
import Plot

/// Small rendered PNGs compared with committed references (Tests/PlotTests/References).
/// Regenerate with `UPDATE_REFERENCES=1 swift test --filter ImageTests`.
struct ImageTests {
    static let dpi = 72.0
    static let tolerance = 3.0   // RMS on 0...255

    func check(_ name: String, _ fig: Figure) throws {
        let refDir = testSourceDir().appendingPathComponent("References")
        let refPath = refDir.appendingPathComponent(name + ".png").path
        let png = try fig.pngData(dpi: Self.dpi)
        if ProcessInfo.processInfo.environment["UPDATE_REFERENCES"] == "1" {
            try Data(png).write(to: URL(fileURLWithPath: refPath))
            print("updated reference \(refPath)")
            return
        }
        guard FileManager.default.fileExists(atPath: refPath) else {
            Issue.record("missing reference \(refPath); run with UPDATE_REFERENCES=1")
            return
        }
        let got = try RasterImage.decodePNG(png)
        let want = try RasterImage.readPNG(refPath)
        let rms = got.rmsDifference(to: want)
        if rms > Self.tolerance {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plot-image-diffs")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let actual = dir.appendingPathComponent(name + "-actual.png")
            let diff = dir.appendingPathComponent(name + "-diff.png")
            try Data(png).write(to: actual)
            try Data(try got.diffImage(want).pngData()).write(to: diff)
            print("image \(name): RMS \(rms); actual \(actual.path), diff \(diff.path)")
        }
        #expect(rms <= Self.tolerance, "\(name): RMS \(rms) > \(Self.tolerance) (diff image in \(FileManager.default.temporaryDirectory.path)/plot-image-diffs)")
    }

    @Test func linesAndLegend() throws { try check("lines-legend", sampleFigure()) }

    @Test func logAxesAndMarkers() throws {
        let fig = Figure(widthCm: 5, heightCm: 4)
        let ax = fig.addAxes()
        ax.setXScale(.log); ax.setYScale(.log)
        let x = [0.01, 0.1, 1, 10, 100]
        ax.scatter(x, x.map { $0 * 2 }, color: .named("dodgerblue"), hollow: true, alpha: 0.8)
        ax.plot(x, x, color: .black, lineStyle: .dotted, marker: .triangleUp)
        ax.errorbar(x, x.map { $0 / 2 }, yErrLow: x.map { $0 / 4 }, yErrHigh: x.map { $0 / 4 }, color: .named("darkred"),
                    marker: .x, capSize: 2)
        ax.setTitle("Log–log")
        try check("log-markers", fig)
    }

    @Test func barsStairsHeatmap() throws {
        let fig = Figure(widthCm: 8, heightCm: 3.5)
        let g = fig.gridSpec(rows: 1, cols: 3)
        let a = g[0, 0], b = g[0, 1], c = g[0, 2]
        a.bar([1, 2, 3, 4], [1, 0.8, 0.6, 0.3], colors: [0.95, 0.75, 0.55, 0.35].map { Colormap.blues($0) })
        a.setXTicks([1, 2, 3, 4])
        b.stairs([3, 5, 2, 4], edges: [0, 1, 2, 3, 4], color: .named("brown"))
        b.stairs([1, 2, 4, 1], edges: [0, 1, 2, 3, 4], orientation: .horizontal, fill: true, color: .named("tan"), alpha: 0.6)
        b.axvspan(1, 2, color: .named("moccasin"), alpha: 0.4)
        c.imshow((0..<6).map { r in (0..<6).map { Double(r * $0) } }, colormap: .greys)
        c.spines = .all
        try check("bars-stairs-heatmap", fig)
    }

    @Test func richTextAndComposedPage() throws {
        let page = Figure(widthCm: 8, heightCm: 3.5)
        let a = Figure(widthCm: 4, heightCm: 3.5), b = Figure(widthCm: 4, heightCm: 3.5)
        let ax = a.addAxes()
        ax.setXLabel(Markup.tex("Storage load $\\alpha/\\alpha_c$"))
        ax.setYLabel(Markup.tex("$\\sigma_\\mathrm{noise}/\\langle u\\rangle_\\mathrm{obs}$"))
        ax.setXLim(0, 1); ax.setYLim(0, 1)
        ax.xAxis.format = .noLeadingZero
        ax.text(0.5, 0.5, "rotated", hAlign: .center, vAlign: .center, rotation: 45)
        ax.text(0.05, 0.9, Markup.tex("$10^{-3}$, $x_i^2$, $z \\to \\infty$"), size: 6)
        let bx = b.addAxes()
        bx.setYScale(.log)
        bx.plot([1, 2, 3, 4], [0.01, 0.1, 1, 10], color: .named("darkred"), marker: .circle, hollow: true)
        bx.setTitle("Title")
        page.addPanel(a, xCm: 0.3, yCm: 0, letter: "A", letterOffsetCm: (-0.3, 0))
        page.addPanel(b, xCm: 4.3, yCm: 0, letter: "B", letterOffsetCm: (-0.3, 0))
        try check("rich-text-page", page)
    }
}
