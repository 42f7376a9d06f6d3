import Foundation

/// A renderer that draws nothing and records what would be drawn, where, and as part of
/// what (`DrawnPart`): text boxes measured by a real renderer, paths with their clip.
/// The layout audit and the "best" legend placement read the drawing through it.
final class AuditRenderer: Renderer {
    /// One `beginPart` with a serial number (to tell two legends with equal names apart).
    struct PartRef { var part: DrawnPart; var id: Int }

    struct TextRecord {
        var parts: [PartRef]
        var markup: String
        /// Ink box of the glyphs, rotated with the text.
        var quad: Quad
    }

    struct PathRecord {
        var parts: [PartRef]
        var polylines: [[Point]]
        var stroke: Stroke?
        var fill: Color?
        var clip: Rect?
        /// Bounding box of what is visible (inside the clip), nil when nothing is.
        var visibleBox: Rect?
    }

    let measurer: Renderer
    private(set) var texts: [TextRecord] = []
    private(set) var paths: [PathRecord] = []
    private(set) var images: [(parts: [PartRef], rect: Rect)] = []
    /// Every part begun, in order (legend boxes, panel frames).
    private(set) var allParts: [(parts: [PartRef], part: PartRef)] = []
    private var stack: [PartRef] = []
    private var serial = 0
    private var clipRect: Rect?
    private var clipStack: [Rect?] = []

    init(measuringWith r: Renderer) { measurer = r }

    func save() { clipStack.append(clipRect) }
    func restore() { clipRect = clipStack.popLast() ?? nil }
    func clip(to r: Rect) {
        if let c = clipRect { clipRect = c.intersection(r) ?? Rect(x: r.x, y: r.y, width: 0, height: 0) } else { clipRect = r }
    }

    func draw(_ path: Path, fill: Color?, stroke: Stroke?) {
        let visibleStroke = stroke.flatMap { $0.width > 0 && $0.color.a > 0 ? $0 : nil }
        let visibleFill = fill.flatMap { $0.a > 0 ? $0 : nil }
        guard visibleStroke != nil || visibleFill != nil else { return }
        let lines = path.polylines
        var box = Rect.bounding(lines.flatMap { $0 }).map { b -> Rect in
            let w = (visibleStroke?.width ?? 0) / 2
            return Rect(x: b.x - w, y: b.y - w, width: b.width + 2 * w, height: b.height + 2 * w)
        }
        if let c = clipRect, let b = box { box = b.intersection(c) }
        paths.append(PathRecord(parts: stack, polylines: lines, stroke: visibleStroke, fill: visibleFill,
                                clip: clipRect, visibleBox: box))
    }

    func measure(markup: String, font: Font) throws -> TextMetrics { try measurer.measure(markup: markup, font: font) }

    func drawText(markup: String, font: Font, color: Color, at point: Point, rotation: Double,
                  hAlign: HAlign, vAlign: VAlign) throws {
        let m = try measurer.measure(markup: markup, font: font)
        texts.append(TextRecord(parts: stack, markup: markup,
                                quad: inkQuad(m, at: point, rotation: rotation, hAlign: hAlign, vAlign: vAlign)))
    }

    func drawImage(_ image: RasterImage, in rect: Rect, smooth: Bool) {
        images.append((stack, clipRect.flatMap { $0.intersection(rect) } ?? rect))
    }

    func beginPart(_ part: DrawnPart) {
        serial += 1
        let ref = PartRef(part: part, id: serial)
        allParts.append((stack, ref))
        stack.append(ref)
    }

    func endPart() { _ = stack.popLast() }
}

extension Array where Element == AuditRenderer.PartRef {
    /// The innermost part of one of `kinds`.
    func innermost(_ kinds: DrawnPart.Kind...) -> AuditRenderer.PartRef? { last { kinds.contains($0.part.kind) } }
    func contains(_ kind: DrawnPart.Kind) -> Bool { contains { $0.part.kind == kind } }
    /// "panel E › axes 1 “SNR” › text “…”".
    var readable: String { map(\.part.name).filter { !$0.isEmpty }.joined(separator: " › ") }
}

/// The ink box of a text on the page, rotated with it (the frame of the backends:
/// translate to the placement origin, then rotate counter-clockwise).
func inkQuad(_ m: TextMetrics, at point: Point, rotation: Double, hAlign: HAlign, vAlign: VAlign) -> Quad {
    let (o, _) = textPlacement(m, at: point, rotation: rotation, hAlign: hAlign, vAlign: vAlign)
    let ink = m.ink ?? Rect(x: 0, y: 0, width: m.width, height: m.height)
    let t = rotation * .pi / 180, c = cos(t), s = sin(t)
    return Quad(corners: ink.corners.map { Point(o.x + $0.x * c + $0.y * s, o.y - $0.x * s + $0.y * c) })
}
