import Foundation
import Testing
import Plot

/// The example of Sources/Plot/API.md, kept compiling and rendering. Its body is the guide's
/// code block line for line (checked below); only the output path of `fig.save` differs.
struct APIExampleTests {
    @Test func exampleFromAPIGuideRenders() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("plot-api-example-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: out) }

        // API.md example: begin
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
        // API.md example: end

        try fig.save(pdf: out + "/panel.pdf", png: out + "/panel.png")
        #expect(FileManager.default.fileExists(atPath: out + "/panel.pdf"))
        let img = try RasterImage.readPNG(out + "/panel.png")
        #expect(img.width == Int((8 / 2.54 * 300).rounded(.up)))
        #expect(left.legends.count == 1 && left.legends[0].entries.count == 4)
    }

    /// The lines between the markers above equal the guide's code block (without its
    /// `import` and `fig.save` lines), so the guide cannot drift from what is tested.
    @Test func exampleIsTheGuidesCodeBlock() throws {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let guide = try String(contentsOf: root.appendingPathComponent("Sources/Plot/API.md"), encoding: .utf8)
        let test = try String(contentsOf: here, encoding: .utf8)
        func trimmed<S: Sequence>(_ lines: S) -> [String] where S.Element: StringProtocol {
            lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let guideLines = guide.components(separatedBy: "\n")
        guard let open = guideLines.firstIndex(of: "```swift"),
              let close = guideLines[(open + 1)...].firstIndex(of: "```") else {
            Issue.record("API.md has no swift code block"); return
        }
        let block = trimmed(guideLines[(open + 1)..<close]).filter { !$0.hasPrefix("import ") && !$0.hasPrefix("try fig.save(") }
        let testLines = test.components(separatedBy: "\n")
        guard let begin = testLines.firstIndex(where: { $0.hasSuffix("// API.md example: begin") }),
              let end = testLines.firstIndex(where: { $0.hasSuffix("// API.md example: end") }) else {
            Issue.record("the example markers are missing"); return
        }
        #expect(trimmed(testLines[(begin + 1)..<end]) == block)
    }
}
