import Foundation
import Plot

/// A Renderer that records what is drawn (no pixels), with simple fixed text metrics.
final class RecordingRenderer: Renderer {
    struct Drawn { var path: Path; var fill: Color?; var stroke: Stroke? }
    var paths: [Drawn] = []
    var texts: [(String, Point)] = []
    var images = 0

    func save() {}
    func restore() {}
    func clip(to rect: Rect) {}
    func draw(_ path: Path, fill: Color?, stroke: Stroke?) { paths.append(Drawn(path: path, fill: fill, stroke: stroke)) }
    func measure(markup: String, font: Font) throws -> TextMetrics {
        TextMetrics(width: 0.5 * font.size * Double(markup.count), height: 1.15 * font.size, baseline: 0.9 * font.size)
    }
    func drawText(markup: String, font: Font, color: Color, at point: Point, rotation: Double, hAlign: HAlign,
                  vAlign: VAlign) throws { texts.append((markup, point)) }
    func drawImage(_ image: RasterImage, in rect: Rect, smooth: Bool) { images += 1 }
}

extension Path {
    /// Number of sub-paths (move-to elements).
    var subpathCount: Int { elements.filter { if case .move = $0 { return true } else { return false } }.count }
    /// All points of the path.
    var points: [Point] {
        elements.flatMap { e -> [Point] in
            switch e {
            case .move(let p), .line(let p): return [p]
            case .curve(_, _, let p): return [p]
            case .close: return []
            }
        }
    }
}

/// Directory of this test file (sources, not the build products).
func testSourceDir(_ file: String = #filePath) -> URL {
    URL(fileURLWithPath: file).deletingLastPathComponent()
}
