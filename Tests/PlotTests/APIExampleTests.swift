import Foundation
import Testing
import Plot

/// The example of Sources/Plot/API.md, kept compiling and rendering.
struct APIExampleTests {
    @Test func exampleFromAPIGuideRenders() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("plot-api-example-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: out) }

        let fig = Figure(widthCm: 8, heightCm: 4.7)
        let grid = fig.gridSpec(rows: 1, cols: 2, widthRatios: [1, 1.3])
        let left = grid.addAxes(row: 0, col: 0)
        let right = grid.addAxes(row: 0, col: 1)

        let x = [0.08, 0.14, 0.2, 0.33, 0.5, 0.7]
        for (k, z) in [1, 2, 3, 4].enumerated() {
            let c = Colormap.blues([0.95, 0.75, 0.55, 0.35][k])
            left.plot(x, x.map { $0 / Double(z) }, color: c, marker: .circle, label: "<i>z</i> = \(z)")
        }
        left.plot(x, x.map { $0 * 0.9 }, color: .named("grey"), lineStyle: .dotted)
        left.setXLim(0.05, 0.75)
        left.setXTicks([0.1, 0.3, 0.5, 0.7])
        left.setXLabel(Markup.tex("Storage load $\\alpha/\\alpha_c$"))
        left.setYLabel("Connection density")
        left.legend(title: "Simulation", location: .upperLeft, fontSize: 5.5)

        right.setYScale(.log)
        right.scatter([1, 2, 3], [0.5, 3, 11], color: .named("dodgerblue"), hollow: true)
        right.axhline(1, color: .named("red"), lineWidth: 0.75, lineStyle: .dashed)
        right.setYLim(0.3, 20)
        right.setTitle("Neural noise")

        try fig.save(pdf: out + "/panel.pdf", png: out + "/panel.png")
        #expect(FileManager.default.fileExists(atPath: out + "/panel.pdf"))
        let img = try RasterImage.readPNG(out + "/panel.png")
        #expect(img.width == Int((8 / 2.54 * 300).rounded(.up)))
        #expect(left.legends.count == 1 && left.legends[0].entries.count == 4)
    }
}
