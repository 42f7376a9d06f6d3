import Foundation

/// What an artist needs to draw itself inside an axes.
public struct DrawContext {
    public let renderer: Renderer
    public let transform: AxesTransform
    public let style: Style
}

/// Something drawn in an axes. Plot methods of `Axes` return concrete artists whose
/// properties can be changed before saving.
public protocol Artist: AnyObject {
    /// Legend label (Pango markup); nil or empty keeps it out of automatic legends.
    var label: String? { get set }
    /// Drawing order (matplotlib's zorder: images 0, patches 1, lines 2, text 3).
    var zOrder: Double { get set }
    /// Clip to the axes rectangle.
    var clipOn: Bool { get set }
    /// Values along x (isX) or y that automatic limits must include.
    func dataValues(isX: Bool) -> [Double]
    /// Limits that automatic margins must not cross (bar baselines, image edges).
    func stickyValues(isX: Bool) -> [Double]
    func draw(_ ctx: DrawContext) throws
    /// Draw the legend handle inside `box` (page points); markers scaled by `markerScale`.
    func drawLegendHandle(in box: Rect, _ r: Renderer, style: Style, markerScale: Double)
}

extension Artist {
    public func stickyValues(isX: Bool) -> [Double] { [] }
}

@inline(__always) func applyAlpha(_ c: Color, _ a: Double?) -> Color { a.map { c.alpha($0) } ?? c }

// MARK: - Lines

/// A polyline with optional markers (matplotlib's Line2D); NaN (and non-positive values on
/// a log axis) break the line.
public final class Line: Artist {
    public var x: [Double]
    public var y: [Double]
    public var color: Color
    public var lineWidth: Double
    public var lineStyle: LineStyle
    public var marker: MarkerStyle?
    public var alpha: Double?
    public var label: String?
    public var zOrder: Double = 2
    public var clipOn = true
    /// Cap of solid lines (matplotlib default: projecting = square).
    public var cap: Stroke.Cap = .square

    public init(x: [Double], y: [Double], color: Color, lineWidth: Double, lineStyle: LineStyle,
                marker: MarkerStyle?, alpha: Double? = nil, label: String? = nil) {
        precondition(x.count == y.count, "x and y differ in length (\(x.count) vs \(y.count))")
        self.x = x; self.y = y; self.color = color; self.lineWidth = lineWidth
        self.lineStyle = lineStyle; self.marker = marker; self.alpha = alpha; self.label = label
    }

    public func dataValues(isX: Bool) -> [Double] { isX ? x : y }

    func stroke(_ style: Style) -> Stroke? {
        guard lineStyle != .none, lineWidth > 0 else { return nil }
        let d = lineStyle.dashes(style, lineWidth: lineWidth)
        return Stroke(color: applyAlpha(color, alpha), width: lineWidth, dash: d,
                      cap: d.isEmpty ? cap : .butt, join: .round)
    }

    func markerStyle() -> MarkerStyle? {
        guard var m = marker, m.shape != .none else { return nil }
        m.face = m.face.map { applyAlpha($0, alpha) }
        m.edge = m.edge.map { applyAlpha($0, alpha) }
        return m
    }

    public func draw(_ ctx: DrawContext) throws {
        let pts = zip(x, y).map { ctx.transform.page($0, $1) }
        if let s = stroke(ctx.style) {
            var p = Path()
            for run in finiteRuns(pts) where run.count > 1 { p.addPolyline(run) }
            ctx.renderer.draw(p, fill: nil, stroke: s)
        }
        if let m = markerStyle() {
            for p in pts where p.isFinite { m.draw(at: p, ctx.renderer) }
        }
    }

    public func drawLegendHandle(in box: Rect, _ r: Renderer, style: Style, markerScale: Double) {
        if let s = stroke(style) {
            r.draw(.segment(Point(box.minX, box.midY), Point(box.maxX, box.midY)), fill: nil, stroke: s)
        }
        markerStyle()?.scaled(markerScale).draw(at: Point(box.midX, box.midY), r)
    }
}

/// Markers at points, optionally one colour each (matplotlib's scatter).
public final class Scatter: Artist {
    public var x: [Double]
    public var y: [Double]
    public var marker: MarkerStyle
    /// Per-point face colours (override `marker.face` when the marker is filled).
    public var colors: [Color]?
    public var alpha: Double?
    public var label: String?
    public var zOrder: Double = 1
    public var clipOn = true

    public init(x: [Double], y: [Double], marker: MarkerStyle, colors: [Color]? = nil, alpha: Double? = nil,
                label: String? = nil) {
        precondition(x.count == y.count, "x and y differ in length (\(x.count) vs \(y.count))")
        self.x = x; self.y = y; self.marker = marker; self.colors = colors; self.alpha = alpha; self.label = label
    }

    public func dataValues(isX: Bool) -> [Double] { isX ? x : y }

    func style(_ i: Int) -> MarkerStyle {
        var m = marker
        if let cs = colors, !cs.isEmpty {
            let c = cs[i % cs.count]
            if m.face != nil { m.face = c; if m.edge != nil { m.edge = c } } else { m.edge = c }
        }
        m.face = m.face.map { applyAlpha($0, alpha) }
        m.edge = m.edge.map { applyAlpha($0, alpha) }
        return m
    }

    public func draw(_ ctx: DrawContext) throws {
        for i in x.indices {
            let p = ctx.transform.page(x[i], y[i])
            if p.isFinite { style(i).draw(at: p, ctx.renderer) }
        }
    }

    public func drawLegendHandle(in box: Rect, _ r: Renderer, style: Style, markerScale: Double) {
        self.style(0).scaled(markerScale).draw(at: Point(box.midX, box.midY), r)
    }
}

/// Error bars (with optional caps) around points, plus the data line/markers.
public final class ErrorBars: Artist {
    public var line: Line
    /// Lower and upper extents (absolute values, not offsets), per point.
    public var yRange: [(Double, Double)]?
    public var xRange: [(Double, Double)]?
    public var color: Color
    public var lineWidth: Double
    public var capSize: Double
    public var label: String? { get { line.label } set { line.label = newValue } }
    public var zOrder: Double = 2
    public var clipOn = true

    init(line: Line, xRange: [(Double, Double)]?, yRange: [(Double, Double)]?, color: Color, lineWidth: Double, capSize: Double) {
        self.line = line; self.xRange = xRange; self.yRange = yRange; self.color = color
        self.lineWidth = lineWidth; self.capSize = capSize
    }

    public func dataValues(isX: Bool) -> [Double] {
        var v = line.dataValues(isX: isX)
        if let r = isX ? xRange : yRange { v += r.flatMap { [$0.0, $0.1] } }
        return v
    }

    public func draw(_ ctx: DrawContext) throws {
        var p = Path()
        let t = ctx.transform
        let h = capSize / 2
        for i in line.x.indices {
            if let yr = yRange?[i] {
                let a = t.page(line.x[i], yr.0), b = t.page(line.x[i], yr.1)
                if a.isFinite && b.isFinite {
                    p.move(to: a); p.line(to: b)
                    if capSize > 0 {
                        for q in [a, b] { p.move(to: Point(q.x - h, q.y)); p.line(to: Point(q.x + h, q.y)) }
                    }
                }
            }
            if let xr = xRange?[i] {
                let a = t.page(xr.0, line.y[i]), b = t.page(xr.1, line.y[i])
                if a.isFinite && b.isFinite {
                    p.move(to: a); p.line(to: b)
                    if capSize > 0 {
                        for q in [a, b] { p.move(to: Point(q.x, q.y - h)); p.line(to: Point(q.x, q.y + h)) }
                    }
                }
            }
        }
        ctx.renderer.draw(p, fill: nil, stroke: Stroke(color: applyAlpha(color, line.alpha), width: lineWidth))
        try line.draw(ctx)
    }

    public func drawLegendHandle(in box: Rect, _ r: Renderer, style: Style, markerScale: Double) {
        let c = Point(box.midX, box.midY)
        var p = Path()
        if yRange != nil {
            let h = box.height / 2
            p.move(to: Point(c.x, c.y - h)); p.line(to: Point(c.x, c.y + h))
            if capSize > 0 {
                for y in [c.y - h, c.y + h] { p.move(to: Point(c.x - capSize / 2, y)); p.line(to: Point(c.x + capSize / 2, y)) }
            }
        }
        r.draw(p, fill: nil, stroke: Stroke(color: color, width: lineWidth))
        line.drawLegendHandle(in: box, r, style: style, markerScale: markerScale)
    }
}

/// A horizontal or vertical line across the axes (axhline / axvline) between axes
/// fractions `from` and `to`.
public final class ReferenceLine: Artist {
    public var value: Double
    public var horizontal: Bool
    public var from: Double, to: Double
    public var color: Color
    public var lineWidth: Double
    public var lineStyle: LineStyle
    public var alpha: Double?
    public var label: String?
    public var zOrder: Double = 2
    public var clipOn = true

    init(value: Double, horizontal: Bool, from: Double, to: Double, color: Color, lineWidth: Double,
         lineStyle: LineStyle, alpha: Double?, label: String?) {
        self.value = value; self.horizontal = horizontal; self.from = from; self.to = to; self.color = color
        self.lineWidth = lineWidth; self.lineStyle = lineStyle; self.alpha = alpha; self.label = label
    }

    public func dataValues(isX: Bool) -> [Double] { isX == horizontal ? [] : [value] }

    func stroke(_ style: Style) -> Stroke {
        let d = lineStyle.dashes(style, lineWidth: lineWidth)
        return Stroke(color: applyAlpha(color, alpha), width: lineWidth, dash: d, cap: .butt)
    }

    public func draw(_ ctx: DrawContext) throws {
        let t = ctx.transform
        let a: Point, b: Point
        if horizontal {
            let fy = t.y.fraction(value)
            a = t.page(axesX: from, axesY: fy); b = t.page(axesX: to, axesY: fy)
        } else {
            let fx = t.x.fraction(value)
            a = t.page(axesX: fx, axesY: from); b = t.page(axesX: fx, axesY: to)
        }
        guard a.isFinite, b.isFinite else { return }
        ctx.renderer.draw(.segment(a, b), fill: nil, stroke: stroke(ctx.style))
    }

    public func drawLegendHandle(in box: Rect, _ r: Renderer, style: Style, markerScale: Double) {
        r.draw(.segment(Point(box.minX, box.midY), Point(box.maxX, box.midY)), fill: nil, stroke: stroke(style))
    }
}

// MARK: - Patches

/// Filled polygons in data coordinates (bars, spans, bands, stairs): the common patch artist.
public final class Patches: Artist {
    /// Each polygon is a list of data points; `axesFractionX/Y` marks coordinates that
    /// are axes fractions instead of data (spans).
    public var polygons: [[(Double, Double)]]
    public var faceColors: [Color?]
    public var edgeColor: Color?
    public var lineWidth: Double
    public var lineStyle: LineStyle
    public var alpha: Double?
    public var label: String?
    public var zOrder: Double = 1
    public var clipOn = true
    /// Close the outline (false for unfilled stairs, drawn as an open step line).
    public var closed: Bool
    var axesFractionX = false
    var axesFractionY = false
    var sticky: (x: [Double], y: [Double]) = ([], [])

    public init(polygons: [[(Double, Double)]], faceColors: [Color?], edgeColor: Color?, lineWidth: Double,
                lineStyle: LineStyle = .solid, alpha: Double? = nil, label: String? = nil, closed: Bool = true) {
        self.polygons = polygons; self.faceColors = faceColors; self.edgeColor = edgeColor
        self.lineWidth = lineWidth; self.lineStyle = lineStyle; self.alpha = alpha; self.label = label
        self.closed = closed
    }

    public func dataValues(isX: Bool) -> [Double] {
        if isX ? axesFractionX : axesFractionY { return [] }
        return polygons.flatMap { $0.map { isX ? $0.0 : $0.1 } }
    }
    public func stickyValues(isX: Bool) -> [Double] { isX ? sticky.x : sticky.y }

    func stroke(_ style: Style) -> Stroke? {
        guard let e = edgeColor, lineWidth > 0 else { return nil }
        return Stroke(color: applyAlpha(e, alpha), width: lineWidth, dash: lineStyle.dashes(style, lineWidth: lineWidth),
                      cap: .butt, join: .miter)
    }

    public func draw(_ ctx: DrawContext) throws {
        let t = ctx.transform
        let s = stroke(ctx.style)
        for (i, poly) in polygons.enumerated() {
            let pts = poly.map { v -> Point in
                let fx = axesFractionX ? v.0 : t.x.fractionClipped(v.0)
                let fy = axesFractionY ? v.1 : t.y.fractionClipped(v.1)
                return t.page(axesX: fx, axesY: fy)
            }
            let face = faceColors.isEmpty ? nil : faceColors[i % faceColors.count].map { applyAlpha($0, alpha) }
            var p = Path()
            for run in finiteRuns(pts) where run.count > 1 { p.addPolyline(run, closed: closed) }
            ctx.renderer.draw(p, fill: closed ? face : nil, stroke: s)
        }
    }

    public func drawLegendHandle(in box: Rect, _ r: Renderer, style: Style, markerScale: Double) {
        let face = faceColors.first.flatMap { $0 }.map { applyAlpha($0, alpha) }
        if !closed || face == nil {
            if let s = stroke(style) {
                r.draw(.segment(Point(box.minX, box.midY), Point(box.maxX, box.midY)), fill: nil, stroke: s)
            }
            return
        }
        let h = box.height * 0.7
        r.draw(.rect(Rect(x: box.minX, y: box.midY - h / 2, width: box.width, height: h)), fill: face, stroke: stroke(style))
    }
}

// MARK: - Image

/// A heatmap: a matrix drawn through a colormap between vmin and vmax (imshow).
public final class Heatmap: Artist {
    /// Rows of values; row 0 is drawn at the top when `originUpper`.
    public var values: [[Double]]
    public var colormap: Colormap
    public var vmin: Double
    public var vmax: Double
    /// Data extent (left, right, bottom, top).
    public var extent: (Double, Double, Double, Double)
    public var smooth = false
    public var originUpper: Bool
    public var label: String?
    public var zOrder: Double = 0
    public var clipOn = true

    init(values: [[Double]], colormap: Colormap, vmin: Double, vmax: Double,
         extent: (Double, Double, Double, Double), originUpper: Bool) {
        self.values = values; self.colormap = colormap; self.vmin = vmin; self.vmax = vmax
        self.extent = extent; self.originUpper = originUpper
    }

    public func dataValues(isX: Bool) -> [Double] { isX ? [extent.0, extent.1] : [extent.2, extent.3] }
    public func stickyValues(isX: Bool) -> [Double] { dataValues(isX: isX) }

    /// RGBA raster, top row first as it appears on the page for the given y direction.
    func raster(flipY: Bool) -> RasterImage {
        let h = values.count, w = values.first?.count ?? 0
        var px = [UInt8](repeating: 0, count: w * h * 4)
        for r in 0..<h {
            let src = flipY ? values[h - 1 - r] : values[r]
            for c in 0..<w {
                let v = src[c]
                let col = v.isNaN ? Color.clear : colormap(vmax == vmin ? 0 : (v - vmin) / (vmax - vmin))
                let i = (r * w + c) * 4
                px[i] = UInt8((col.r * 255).rounded()); px[i + 1] = UInt8((col.g * 255).rounded())
                px[i + 2] = UInt8((col.b * 255).rounded()); px[i + 3] = UInt8((col.a * 255).rounded())
            }
        }
        return RasterImage(width: w, height: h, rgba: px)
    }

    public func draw(_ ctx: DrawContext) throws {
        let t = ctx.transform
        // Page corners of the extent; row 0 lies at `top` when originUpper.
        let xl = t.pageX(extent.0), xr = t.pageX(extent.1)
        let yb = t.pageY(extent.2), yt = t.pageY(extent.3)
        guard xl.isFinite, xr.isFinite, yb.isFinite, yt.isFinite, !values.isEmpty else { return }
        // Rows in raster order top->bottom on the page.
        let row0AtPageTop = originUpper == (yt < yb)
        var img = raster(flipY: !row0AtPageTop)
        if xr < xl { img = mirrored(img) }
        let rect = Rect(x: min(xl, xr), y: min(yt, yb), width: abs(xr - xl), height: abs(yb - yt))
        ctx.renderer.drawImage(img, in: rect, smooth: smooth)
    }

    private func mirrored(_ img: RasterImage) -> RasterImage {
        var px = img.rgba
        for r in 0..<img.height {
            for c in 0..<img.width {
                let s = (r * img.width + (img.width - 1 - c)) * 4, d = (r * img.width + c) * 4
                for k in 0..<4 { px[d + k] = img.rgba[s + k] }
            }
        }
        return RasterImage(width: img.width, height: img.height, rgba: px)
    }

    public func drawLegendHandle(in box: Rect, _ r: Renderer, style: Style, markerScale: Double) {
        r.draw(.rect(box), fill: colormap(0.5), stroke: nil)
    }
}

// MARK: - Text

/// Where text coordinates live.
public enum Coordinates: Sendable {
    /// Data coordinates of the axes.
    case data
    /// Axes fractions (0,0 bottom-left; 1,1 top-right).
    case axes
    /// x in data, y in axes fractions.
    case dataXAxesY
    /// x in axes fractions, y in data.
    case axesXDataY
}

/// A piece of Pango markup placed in an axes.
public final class TextLabel: Artist {
    public var x: Double, y: Double
    public var markup: String
    public var coordinates: Coordinates
    public var size: Double?
    public var color: Color
    public var bold: Bool
    public var hAlign: HAlign
    public var vAlign: VAlign
    public var rotation: Double
    /// Offset in points (right, up) added after placement.
    public var offset: (Double, Double) = (0, 0)
    /// Other anchor points (same coordinates), tried in order when the text at (x, y)
    /// would cover plotted data, a legend or another text (see `Axes.placeTexts`).
    public var alternatives: [(Double, Double)] = []
    /// The place chosen among (x, y) and the alternatives for the current layout.
    var chosen: (Double, Double)?
    public var label: String? = nil
    public var zOrder: Double = 3
    public var clipOn = false

    init(x: Double, y: Double, markup: String, coordinates: Coordinates, size: Double?, color: Color, bold: Bool,
         hAlign: HAlign, vAlign: VAlign, rotation: Double) {
        self.x = x; self.y = y; self.markup = markup; self.coordinates = coordinates; self.size = size
        self.color = color; self.bold = bold; self.hAlign = hAlign; self.vAlign = vAlign; self.rotation = rotation
    }

    public func dataValues(isX: Bool) -> [Double] { [] }

    func anchor(_ t: AxesTransform) -> Point {
        let (x, y) = chosen ?? (self.x, self.y)
        let fx: Double, fy: Double
        switch coordinates {
        case .data: fx = t.x.fraction(x); fy = t.y.fraction(y)
        case .axes: fx = x; fy = y
        case .dataXAxesY: fx = t.x.fraction(x); fy = y
        case .axesXDataY: fx = x; fy = t.y.fraction(y)
        }
        let p = t.page(axesX: fx, axesY: fy)
        return Point(p.x + offset.0, p.y - offset.1)
    }

    func font(_ style: Style) -> Font { style.font(size: size, bold: bold) }

    /// Page bounding box (for layout).
    func bbox(_ t: AxesTransform, _ r: Renderer, _ style: Style) throws -> Rect? {
        let p = anchor(t)
        guard p.isFinite else { return nil }
        let m = try r.measure(markup: markup, font: font(style))
        return textPlacement(m, at: p, rotation: rotation, hAlign: hAlign, vAlign: vAlign).bbox
    }

    public func draw(_ ctx: DrawContext) throws {
        let p = anchor(ctx.transform)
        guard p.isFinite else { return }
        try ctx.renderer.drawText(markup: markup, font: font(ctx.style), color: color, at: p, rotation: rotation,
                                  hAlign: hAlign, vAlign: vAlign)
    }

    public func drawLegendHandle(in box: Rect, _ r: Renderer, style: Style, markerScale: Double) {}
}

/// A straight arrow between two points (data coordinates) with a filled head at `to`.
public final class Arrow: Artist {
    public var from: (Double, Double)
    public var to: (Double, Double)
    public var color: Color
    public var lineWidth: Double
    public var headLength: Double
    public var headWidth: Double
    public var label: String? = nil
    public var zOrder: Double = 3
    public var clipOn = false

    init(from: (Double, Double), to: (Double, Double), color: Color, lineWidth: Double, headLength: Double, headWidth: Double) {
        self.from = from; self.to = to; self.color = color; self.lineWidth = lineWidth
        self.headLength = headLength; self.headWidth = headWidth
    }

    public func dataValues(isX: Bool) -> [Double] { [] }

    public func draw(_ ctx: DrawContext) throws {
        let a = ctx.transform.page(from.0, from.1), b = ctx.transform.page(to.0, to.1)
        guard a.isFinite, b.isFinite else { return }
        let dx = b.x - a.x, dy = b.y - a.y, len = (dx * dx + dy * dy).squareRoot()
        guard len > 0 else { return }
        let ux = dx / len, uy = dy / len
        let base = Point(b.x - ux * headLength, b.y - uy * headLength)
        ctx.renderer.draw(.segment(a, base), fill: nil, stroke: Stroke(color: color, width: lineWidth))
        let hw = headWidth / 2
        let head = Path.polyline([b, Point(base.x - uy * hw, base.y + ux * hw), Point(base.x + uy * hw, base.y - ux * hw)], closed: true)
        ctx.renderer.draw(head, fill: color, stroke: nil)
    }

    public func drawLegendHandle(in box: Rect, _ r: Renderer, style: Style, markerScale: Double) {}
}
