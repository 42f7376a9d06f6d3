import Foundation

/// How a path outline is stroked.
public struct Stroke: Sendable, Equatable {
    public enum Cap: Sendable { case butt, round, square }
    public enum Join: Sendable { case miter, round, bevel }
    public var color: Color
    public var width: Double
    /// Dash lengths in points (on, off, on, ...); empty for solid.
    public var dash: [Double]
    public var dashOffset: Double
    public var cap: Cap
    public var join: Join
    public init(color: Color, width: Double, dash: [Double] = [], dashOffset: Double = 0,
                cap: Cap = .butt, join: Join = .round) {
        self.color = color; self.width = width; self.dash = dash; self.dashOffset = dashOffset
        self.cap = cap; self.join = join
    }
}

/// Font used for one piece of text.
public struct Font: Sendable, Hashable {
    public var family: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public init(family: String = "Liberation Sans", size: Double = 7, bold: Bool = false, italic: Bool = false) {
        self.family = family; self.size = size; self.bold = bold; self.italic = italic
    }
}

/// Horizontal anchor of a text box.
public enum HAlign: Sendable { case left, center, right }
/// Vertical anchor of a text box: `baseline` is the first line's baseline.
public enum VAlign: Sendable { case top, center, baseline, bottom }

/// Size of a laid-out piece of text, in points (unrotated).
public struct TextMetrics: Sendable, Equatable {
    public var width: Double
    public var height: Double
    /// Distance from the top of the logical box to the first baseline.
    public var baseline: Double
    /// Extent of the glyphs' ink relative to the top-left of the logical box (nil when the
    /// renderer does not know it); the layout audit tests overlaps on ink, not line boxes.
    public var ink: Rect?
    public init(width: Double, height: Double, baseline: Double, ink: Rect? = nil) {
        self.width = width; self.height = height; self.baseline = baseline; self.ink = ink
    }
}

/// An RGBA raster (row-major, top row first, 4 bytes per pixel, straight alpha).
public struct RasterImage: Sendable {
    public var width: Int
    public var height: Int
    public var rgba: [UInt8]
    public init(width: Int, height: Int, rgba: [UInt8]) {
        precondition(rgba.count == width * height * 4)
        self.width = width; self.height = height; self.rgba = rgba
    }
}

/// The one narrow drawing interface every artist goes through. Coordinates are page
/// points with y growing downwards. Only the Cairo backend implements it.
public protocol Renderer: AnyObject {
    /// Push / pop the graphics state (clip).
    func save()
    func restore()
    /// Intersect the clip region with a rectangle.
    func clip(to rect: Rect)
    /// Fill and/or stroke a path (fill first).
    func draw(_ path: Path, fill: Color?, stroke: Stroke?)
    /// Measure Pango markup (already validated/rewritten by the caller or not: the
    /// renderer validates and throws `PlotError.invalidMarkup`).
    func measure(markup: String, font: Font) throws -> TextMetrics
    /// Draw markup so that the anchor of its (rotated) box lies at `point`;
    /// `rotation` in degrees, counter-clockwise.
    func drawText(markup: String, font: Font, color: Color, at point: Point,
                  rotation: Double, hAlign: HAlign, vAlign: VAlign) throws
    /// Draw an image scaled into `rect`; `smooth == false` keeps pixels sharp (nearest).
    func drawImage(_ image: RasterImage, in rect: Rect, smooth: Bool)
    /// The draw calls until the matching `endPart()` belong to `part` (parts nest). Only
    /// the layout audit listens; drawing backends ignore it (default implementation).
    func beginPart(_ part: DrawnPart)
    func endPart()
}

extension Renderer {
    public func beginPart(_ part: DrawnPart) {}
    public func endPart() {}

    /// Run `body` inside a part (the part ends even when `body` throws).
    func inPart<T>(_ part: DrawnPart, _ body: () throws -> T) rethrows -> T {
        beginPart(part)
        defer { endPart() }
        return try body()
    }
}

/// Errors thrown while building or saving a figure.
public enum PlotError: Error, CustomStringConvertible, Equatable {
    case invalidMarkup(String, reason: String)
    case cannotWrite(path: String, reason: String)
    case backend(String)
    /// The layout audit found defects in a saved figure (`PLOT_AUDIT=strict`).
    case layout(path: String, findings: [String])

    public var description: String {
        switch self {
        case .layout(let p, let f):
            return "layout audit of \(p): \(f.count) finding\(f.count == 1 ? "" : "s")\n  " + f.joined(separator: "\n  ")
        case .invalidMarkup(let m, let r): return "invalid text markup \"\(m)\": \(r)"
        case .cannotWrite(let p, let r): return "cannot write \(p): \(r)"
        case .backend(let m): return "rendering failed: \(m)"
        }
    }
}

/// Anchor offset of an (unrotated) text box relative to its top-left corner.
func textAnchorOffset(_ m: TextMetrics, _ h: HAlign, _ v: VAlign) -> (dx: Double, dy: Double) {
    let dx: Double
    switch h { case .left: dx = 0; case .center: dx = m.width / 2; case .right: dx = m.width }
    let dy: Double
    switch v {
    case .top: dy = 0
    case .center: dy = m.height / 2
    case .baseline: dy = m.baseline
    case .bottom: dy = m.height
    }
    return (dx, dy)
}

/// Top-left corner (in the text's own, unrotated frame, relative to the anchor) and the
/// page bounding box of a text box anchored at `p`, matplotlib's rotation_mode "default":
/// a rotated text aligns its rotated bounding box (baseline alignment only when unrotated).
func textPlacement(_ m: TextMetrics, at p: Point, rotation: Double, hAlign: HAlign, vAlign: VAlign)
    -> (origin: Point, bbox: Rect) {
    let r = rotation.truncatingRemainder(dividingBy: 360)
    if r == 0 {
        let (dx, dy) = textAnchorOffset(m, hAlign, vAlign)
        let o = Point(p.x - dx, p.y - dy)
        return (o, Rect(x: o.x, y: o.y, width: m.width, height: m.height))
    }
    let t = r * .pi / 180
    let c = cos(t), s = sin(t)
    // Corners of the box (top-left origin, y down) rotated counter-clockwise on the page.
    func rot(_ x: Double, _ y: Double) -> Point { Point(x * c + y * s, -x * s + y * c) }
    let corners = [rot(0, 0), rot(m.width, 0), rot(0, m.height), rot(m.width, m.height)]
    let minX = corners.map(\.x).min()!, maxX = corners.map(\.x).max()!
    let minY = corners.map(\.y).min()!, maxY = corners.map(\.y).max()!
    let bw = maxX - minX, bh = maxY - minY
    let ax: Double
    switch hAlign { case .left: ax = minX; case .center: ax = minX + bw / 2; case .right: ax = maxX }
    let ay: Double
    switch vAlign { case .top: ay = minY; case .center, .baseline: ay = minY + bh / 2; case .bottom: ay = maxY }
    let o = Point(p.x - ax, p.y - ay)
    return (o, Rect(x: o.x + minX, y: o.y + minY, width: bw, height: bh))
}
