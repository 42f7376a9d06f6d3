import Foundation
import Testing
import Plot

/// A small figure touching most artists, for output tests.
func sampleFigure() -> Figure {
    let fig = Figure(widthCm: 5, heightCm: 4)
    let ax = fig.addAxes()
    let x = (0..<20).map { Double($0) / 19 }
    ax.plot(x, x.map { $0 * $0 }, color: Colormap.blues(0.95), label: "<i>x</i><sup>2</sup>")
    ax.plot(x, x.map { sqrt($0) }, color: .named("orangered"), lineStyle: .dashed, marker: .square, hollow: true,
            label: "√<i>x</i>")
    ax.fillBetween(x, x.map { $0 * 0.5 }, x.map { $0 * 0.7 }, color: .named("lavender"))
    ax.setXLabel(Markup.tex("$\\alpha/\\alpha_c$"))
    ax.setYLabel("Density")
    ax.legend(title: "Curves", location: .upperLeft, fontSize: 6)
    return fig
}

struct RenderTests {
    @Test func renderingIsDeterministic() throws {
        let a = sampleFigure(), b = sampleFigure()
        #expect(try a.pdfData() == b.pdfData())
        #expect(try a.pngData(dpi: 100) == b.pngData(dpi: 100))
        // (SVG is not compared: cairo numbers SVG ids with process-wide counters.)
    }

    @Test func svgOutput() throws {
        let svg = String(decoding: try sampleFigure().svgData(), as: UTF8.self)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("width=\"141.") && svg.contains("pt\""))
    }

    @Test func pngSizeAndPhys() throws {
        let fig = Figure(widthCm: 2.54, heightCm: 1.27)
        let png = try fig.pngData(dpi: 300)
        let img = try RasterImage.decodePNG(png)
        #expect(img.width == 300 && img.height == 150)
        #expect(String(decoding: png[37..<41], as: UTF8.self) == "pHYs")
        // White background, not transparent.
        #expect(img.rgba[0] == 255 && img.rgba[3] == 255)
    }

    /// pdffonts (poppler-utils, installed by `make deps`), if present.
    static let pdffonts = ["/usr/bin/pdffonts", "/usr/local/bin/pdffonts"]
        .first(where: { FileManager.default.isExecutableFile(atPath: $0) })

    @Test func pdfHasFixedDates() throws {
        let text = String(decoding: try sampleFigure().pdfData(), as: UTF8.self)
        #expect(text.contains("/CreationDate (20000101000000Z)") && text.contains("/ModDate (20000101000000Z)"))
    }

    @Test(.enabled(if: RenderTests.pdffonts != nil, "pdffonts (poppler-utils) is not installed: run `make deps`"))
    func pdfEmbedsLiberationSansOnly() throws {
        let fig = sampleFigure()
        // Every symbol the paper's labels use must come from Liberation Sans (no fallback font).
        fig.text(0.5, 0.5, Markup.tex("$\\sigma_\\mathrm{noise}/\\langle u\\rangle_\\mathrm{obs}$, $z \\to \\infty$, "
            + "$\\Delta t$, $\\kappa\\rho\\beta\\gamma\\delta$, $\\times 10^{-4}$, $\\pm$, $\\sqrt{2}$, ↓, °, $\\approx\\leq\\geq$"))
        fig.text(0.5, 0.3, "<b>A</b>", bold: true)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plot-fonts-\(getpid()).pdf").path
        try Data(try fig.pdfData()).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(RenderTests.pdffonts))
        p.arguments = [path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let rows = out.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty, "no fonts in PDF:\n\(out)")
        for row in rows {
            let cols = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(cols.first?.contains("LiberationSans") == true, "unexpected font: \(row)")
            // columns from the right: object ID (2), uni, sub, emb
            #expect(cols.count >= 6 && cols[cols.count - 5] == "yes", "font not embedded: \(row)")
        }
    }

    @Test func logAxisMasksNonPositiveValues() throws {
        let fig = Figure(widthPt: 200, heightPt: 150)
        let ax = fig.addAxes(left: 0.1, bottom: 0.1, width: 0.8, height: 0.8)
        ax.setYScale(.log)
        let line = ax.plot([1, 2, 3, 4, 5], [1, 10, 0, -5, 100], color: .named("red"), marker: .circle)
        let rec = RecordingRenderer()
        try fig.draw(rec)
        // The data line is the only red stroke: two points, then a gap, then one point:
        // the first run is drawn, the lone last point makes no segment.
        let strokes = rec.paths.filter { $0.stroke?.color == Color.named("red") && $0.fill == nil }
        let linePath = try #require(strokes.first).path
        #expect(linePath.subpathCount == 1)
        #expect(linePath.points.count == 2)
        // Markers only for the three positive points.
        let markers = rec.paths.filter { $0.fill == Color.named("red") }
        #expect(markers.count == 3)
        // Limits come from positive data only.
        #expect(ax.yLimits.0 > 0)
        _ = line
    }

    @Test func nanSplitsLines() throws {
        let fig = Figure(widthPt: 200, heightPt: 150)
        let ax = fig.addAxes(left: 0.1, bottom: 0.1, width: 0.8, height: 0.8)
        ax.plot([0, 1, 2, 3, 4, 5], [0, 1, .nan, 3, 4, 5], color: .named("blue"))
        let rec = RecordingRenderer()
        try fig.draw(rec)
        let p = try #require(rec.paths.first { $0.stroke?.color == Color.named("blue") }).path
        #expect(p.subpathCount == 2)
        #expect(p.points.count == 5)
        #expect(p.points.allSatisfy { $0.x.isFinite && $0.y.isFinite })
    }

    @Test func unwritablePathThrowsNamingThePath() throws {
        let fig = sampleFigure()
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("plot-blocker-\(getpid())")
        try Data("x".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let bad = blocker.path + "/sub/figure.pdf"
        do {
            try fig.savePDF(bad)
            Issue.record("expected an error")
        } catch let e as PlotError {
            guard case .cannotWrite(let path, _) = e else { Issue.record("wrong error \(e)"); return }
            #expect(path == bad)
            #expect(e.description.contains(bad))
        }
    }

    @Test func invalidMarkupIsAnError() throws {
        let fig = Figure(widthCm: 3, heightCm: 3)
        let ax = fig.addAxes()
        ax.setXLabel("<i>unclosed")
        #expect(throws: PlotError.self) { try fig.pngData(dpi: 50) }
        ax.setXLabel(Markup.escape("<i>unclosed & fine"))
        _ = try fig.pngData(dpi: 50)
    }

    @Test func composedPageDrawsPanelsAtOffsets() throws {
        let page = Figure(widthCm: 10, heightCm: 5)
        let a = Figure(widthCm: 5, heightCm: 5), b = Figure(widthCm: 5, heightCm: 5)
        let axA = a.addAxes(), axB = b.addAxes()
        axA.plot([0, 1], [0, 1]); axB.plot([0, 1], [0, 1])
        page.addPanel(a, xCm: 0, yCm: 0, letter: "A")
        page.addPanel(b, xCm: 5, yCm: 0, letter: "B")
        let rec = RecordingRenderer()
        try page.draw(rec)
        #expect(axB.pageRect.minX > 5 * pointsPerCm)
        #expect(axA.pageRect.maxX < 5 * pointsPerCm)
        #expect(rec.texts.contains { $0.0 == "<b>A</b>" } && rec.texts.contains { $0.0 == "<b>B</b>" })
    }
}
