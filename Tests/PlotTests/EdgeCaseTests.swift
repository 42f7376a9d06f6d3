import Foundation
import Testing
import Plot

/// Degenerate inputs render without crashing.
struct EdgeCaseTests {
    @Test func degenerateFiguresRender() throws {
        let fig = Figure(widthCm: 6, heightCm: 4)
        let g = fig.gridSpec(rows: 2, cols: 3)
        _ = g[0, 0]                                                     // empty axes
        g[0, 1].plot([1], [1], marker: .circle)                         // single point
        let logAx = g[0, 2]
        logAx.setYScale(.log)
        logAx.plot([1, 2], [0, -1])                                     // nothing positive on log axis
        g[1, 0].plot([Double.nan, .nan], [1, 2])                        // all NaN
        g[1, 1].legend([])                                              // empty legend
        g[1, 1].hist([], bins: [0, 1, 2])                               // empty histogram
        let c = g[1, 2]
        c.plot([0, 1], [5, 5])                                          // zero y range
        c.setXLim(1, 0)                                                 // inverted
        fig.addAxes(left: 0.8, bottom: 0.8, width: 0.2, height: 0.2).imshow([[1, 1], [1, 1]])  // constant image
        _ = try fig.pngData(dpi: 40)
        _ = try fig.pdfData()
        #expect(logAx.yLimits.0 > 0)
        let (y0, y1) = c.yLimits
        #expect(y0 < 5 && y1 > 5)
    }

    @Test func tinyFigureKeepsPositiveAxes() throws {
        let fig = Figure(widthCm: 1, heightCm: 1)
        let ax = fig.addAxes()
        ax.setXLabel("A long label that does not fit")
        ax.setYLabel("Another long label")
        try fig.layout()
        // The layout keeps the axes on the page with a positive size (the labels cannot
        // fit; they may overhang, the axes may not).
        let r = ax.pageRect
        #expect(r.width > 0 && r.height > 0)
        #expect(r.minX >= 0 && r.minY >= 0 && r.maxX <= fig.width && r.maxY <= fig.height,
                "axes \(r) outside the \(fig.width)×\(fig.height) pt page")
        _ = try fig.pngData(dpi: 50)
    }

    @Test func histogramCounting() {
        #expect(Histogram.counts([0, 0.5, 1, 1.5, 2, 2.5], edges: [0, 1, 2]) == [2, 3])
        #expect(Histogram.counts([1, 2], edges: [0, 1, 2], weights: [0.5, 2]) == [0, 2.5])
        let e = Histogram.logEdges(1e-3, 1, count: 3)
        #expect(e.count == 4 && abs(e[1] - 1e-2) < 1e-15 && abs(e[3] - 1) < 1e-12)
    }
}
