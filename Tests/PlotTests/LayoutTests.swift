import Foundation
import Testing
import Plot

/// Geometry of axes and legends, without pixels.
struct LayoutTests {
    @Test func widthRatiosGiveProportionalAxes() throws {
        let fig = Figure(widthCm: 4, heightCm: 4)
        let g = fig.gridSpec(rows: 1, cols: 2, widthRatios: [1, 7])
        let a = g.addAxes(row: 0, col: 0), b = g.addAxes(row: 0, col: 1)
        a.plot([0, 1], [0, 1]); b.plot([0, 1], [0, 1])
        try fig.layout()
        #expect(abs(b.pageRect.width / a.pageRect.width - 7) < 1e-9)
        #expect(abs(a.pageRect.height - b.pageRect.height) < 1e-9)
        #expect(a.pageRect.maxX < b.pageRect.minX)
        // The whole layout stays inside the figure.
        #expect(a.pageRect.minX > 0 && b.pageRect.maxX < fig.width)
    }

    @Test func stackedAxesShareX() throws {
        let fig = Figure(widthCm: 3.5, heightCm: 4.5)
        let rows = fig.subplots(rows: 2, cols: 1, sharex: true)
        let top = rows[0][0], bottom = rows[1][0]
        top.plot([1, 10, 100], [1, 2, 3]); bottom.plot([1, 1000], [5, 6])
        top.setXScale(.log)
        #expect(bottom.xAxis.scale == .log)
        #expect(top.xLimits == bottom.xLimits)
        try fig.layout()
        #expect(top.pageRect.maxY < bottom.pageRect.minY)
        #expect(abs(top.pageRect.minX - bottom.pageRect.minX) < 1e-9)
        #expect(!top.xAxis.tickLabelsVisible && bottom.xAxis.tickLabelsVisible)
    }

    @Test func fixedRectInFigureFractions() throws {
        let fig = Figure(widthPt: 200, heightPt: 100)
        let ax = fig.addAxes(left: 0.1, bottom: 0.2, width: 0.5, height: 0.6)
        try fig.layout()
        let r = ax.pageRect
        #expect(abs(r.x - 20) < 1e-9 && abs(r.y - 20) < 1e-9 && abs(r.width - 100) < 1e-9 && abs(r.height - 60) < 1e-9)
        let cm = fig.addAxes(leftCm: 1, bottomCm: 1, widthCm: 2, heightCm: 1)
        try fig.layout()
        #expect(abs(cm.pageRect.x - pointsPerCm) < 1e-9)
        #expect(abs(cm.pageRect.maxY - (100 - pointsPerCm)) < 1e-9)
    }

    @Test func tightLayoutLeavesRoomForLabels() throws {
        let fig = Figure(widthCm: 4.3, heightCm: 4.7)
        let ax = fig.addAxes()
        ax.plot([0, 1], [0, 1])
        let bare = try { () throws -> Rect in try fig.layout(); return ax.pageRect }()
        ax.setYLabel("Connection density")
        ax.setXLabel("Storage load")
        try fig.layout()
        #expect(ax.pageRect.minX > bare.minX + 5)
        #expect(ax.pageRect.maxY < bare.maxY - 5)
    }

    @Test func legendPlacements() throws {
        let fig = Figure(widthPt: 200, heightPt: 200)
        let ax = fig.addAxes(left: 0.2, bottom: 0.2, width: 0.6, height: 0.6)
        let l = ax.plot([0, 1], [0, 1], label: "line")
        let pad = Style.paper.legendBorderAxesPad * Style.paper.fontSize
        let r = Rect(x: 40, y: 40, width: 120, height: 120)
        let cases: [(LegendLocation, (Rect) -> Bool)] = [
            (.upperLeft, { abs($0.minX - (r.minX + pad)) < 1e-9 && abs($0.minY - (r.minY + pad)) < 1e-9 }),
            (.upperRight, { abs($0.maxX - (r.maxX - pad)) < 1e-9 && abs($0.minY - (r.minY + pad)) < 1e-9 }),
            (.lowerLeft, { abs($0.minX - (r.minX + pad)) < 1e-9 && abs($0.maxY - (r.maxY - pad)) < 1e-9 }),
            (.lowerRight, { abs($0.maxX - (r.maxX - pad)) < 1e-9 && abs($0.maxY - (r.maxY - pad)) < 1e-9 }),
            (.center, { abs($0.midX - r.midX) < 1e-9 && abs($0.midY - r.midY) < 1e-9 }),
            (.centerLeft, { abs($0.midY - r.midY) < 1e-9 && abs($0.minX - (r.minX + pad)) < 1e-9 }),
        ]
        for (loc, ok) in cases {
            let leg = ax.legend([l], location: loc)
            let box = try fig.legendLayout(leg, in: ax).box
            #expect(ok(box), "\(loc): \(box)")
        }
        // Anchored: the upper-left corner sits at the anchor point (plus the pad).
        let anchored = ax.legend([l], title: "Theory", location: .upperLeft, anchor: (0.3, 0.92))
        let lay = try fig.legendLayout(anchored, in: ax)
        #expect(abs(lay.box.minX - (r.minX + 0.3 * r.width + pad)) < 1e-9)
        #expect(abs(lay.box.minY - (r.minY + 0.08 * r.height + pad)) < 1e-9)
        #expect(lay.title != nil && lay.handles.count == 1)
        #expect(lay.handles[0].minY > lay.title!.y)
    }

    @Test func bestLegendAvoidsData() throws {
        let fig = Figure(widthPt: 200, heightPt: 200)
        let ax = fig.addAxes(left: 0.1, bottom: 0.1, width: 0.8, height: 0.8)
        // Data fill the upper right: the legend moves elsewhere.
        let xs = (0..<50).map { 0.6 + 0.4 * Double($0) / 49 }
        let l = ax.plot(xs + [0], xs.map { $0 } + [0], lineStyle: .none, marker: .circle, label: "data")
        let leg = ax.legend([l])
        let box = try fig.legendLayout(leg, in: ax).box
        #expect(box.minY > ax.pageRect.midY || box.maxX < ax.pageRect.midX)
    }

    @Test func legendColumns() throws {
        let fig = Figure(widthPt: 300, heightPt: 200)
        let ax = fig.addAxes(left: 0.1, bottom: 0.1, width: 0.8, height: 0.8)
        let ls = (0..<4).map { ax.plot([0, 1], [Double($0), 1], label: "l\($0)") }
        let leg = ax.legend(ls, location: .upperLeft, columns: 2)
        let lay = try fig.legendLayout(leg, in: ax)
        #expect(abs(lay.handles[0].minY - lay.handles[2].minY) < 1e-9)
        #expect(lay.handles[2].minX > lay.handles[1].maxX)
        #expect(lay.handles[1].minY > lay.handles[0].minY)
    }

    @Test func equalAspectShrinksBox() throws {
        let fig = Figure(widthPt: 300, heightPt: 200)
        let ax = fig.addAxes(left: 0, bottom: 0, width: 1, height: 1)
        ax.imshow([[0, 1], [1, 0]], aspect: .equal)
        try fig.layout()
        #expect(abs(ax.pageRect.width - ax.pageRect.height) < 1e-9)
        #expect(abs(ax.pageRect.midX - 150) < 1e-9)
    }
}
