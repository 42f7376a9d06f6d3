import Foundation

/// Sizes and defaults of the house style (all lengths in points). The default is the
/// paper's: 7 pt Liberation Sans, 0.5 pt axis lines, ticks 2.5 pt outward, no top/right
/// spines, 1 pt lines, 4 pt markers.
public struct Style: Sendable {
    public var fontFamily = "Liberation Sans"
    public var fontSize = 7.0
    public var textColor = Color.black
    public var axisColor = Color.black
    public var axisLineWidth = 0.5
    public var tickLength = 2.5
    public var tickWidth = 0.5
    public var minorTickLength = 1.5
    public var minorTickWidth = 0.4
    /// Gap between a tick and its label.
    public var tickPad = 2.0
    /// Gap between tick labels and the axis label.
    public var labelPad = 2.5
    /// Gap between the axes top and the title baseline box.
    public var titlePad = 3.0
    public var lineWidth = 1.0
    public var markerSize = 4.0
    public var markerEdgeWidth = 0.75
    public var showTopSpine = false
    public var showRightSpine = false
    /// Padding around the tight layout of a figure.
    public var figurePad = 1.5
    public var panelLetterSize = 9.0
    public var legendFontSize: Double? = nil
    public var legendHandleLength = 1.6   // in font sizes (em)
    public var legendHandleTextPad = 0.5  // em
    public var legendLabelSpacing = 0.25  // em
    public var legendBorderPad = 0.3      // em
    public var legendBorderAxesPad = 0.4  // em
    public var legendColumnSpacing = 1.2  // em
    /// matplotlib dash patterns in units of the line width.
    public var dashedPattern: [Double] = [3.7, 1.6]
    public var dottedPattern: [Double] = [1, 1.65]
    public var dashDotPattern: [Double] = [6.4, 1.6, 1, 1.6]

    public init() {}
    /// The paper's house style.
    public static let paper = Style()

    func font(size: Double? = nil, bold: Bool = false, italic: Bool = false) -> Font {
        Font(family: fontFamily, size: size ?? fontSize, bold: bold, italic: italic)
    }
}

/// Line dash style.
public enum LineStyle: Sendable, Equatable {
    case solid, dashed, dotted, dashDot
    /// No line (markers only).
    case none
    /// Dash pattern (on, off, ...) in points; like matplotlib it is scaled by the line width
    /// when `scaled` is true.
    case custom([Double], scaled: Bool = true)

    func dashes(_ style: Style, lineWidth w: Double) -> [Double] {
        let lw = max(w, 0.1)
        switch self {
        case .solid, .none: return []
        case .dashed: return style.dashedPattern.map { $0 * lw }
        case .dotted: return style.dottedPattern.map { $0 * lw }
        case .dashDot: return style.dashDotPattern.map { $0 * lw }
        case .custom(let p, let scaled): return scaled ? p.map { $0 * lw } : p
        }
    }
}

/// Marker shapes (sizes are the marker's full width in points, like matplotlib `markersize`).
public enum MarkerShape: Sendable, Equatable {
    case none, circle, square, triangleUp, triangleDown, diamond, thinDiamond, x, plus, point, hline, vline

    var isLineOnly: Bool { self == .x || self == .plus || self == .hline || self == .vline }

    /// Outline of the marker centred on `c`.
    func path(at c: Point, size s: Double) -> Path {
        var p = Path()
        let h = s / 2
        switch self {
        case .none: break
        case .circle: p.addCircle(center: c, radius: h)
        case .point: p.addCircle(center: c, radius: h / 2)
        case .square: p.addRect(Rect(x: c.x - h, y: c.y - h, width: s, height: s))
        case .triangleUp:
            p.addPolyline([Point(c.x, c.y - h), Point(c.x - h, c.y + h), Point(c.x + h, c.y + h)], closed: true)
        case .triangleDown:
            p.addPolyline([Point(c.x, c.y + h), Point(c.x - h, c.y - h), Point(c.x + h, c.y - h)], closed: true)
        case .diamond:
            let d = h * 2.0.squareRoot() * 0.85
            p.addPolyline([Point(c.x, c.y - d), Point(c.x + d, c.y), Point(c.x, c.y + d), Point(c.x - d, c.y)], closed: true)
        case .thinDiamond:
            p.addPolyline([Point(c.x, c.y - h), Point(c.x + h * 0.6, c.y), Point(c.x, c.y + h), Point(c.x - h * 0.6, c.y)], closed: true)
        case .x:
            p.move(to: Point(c.x - h, c.y - h)); p.line(to: Point(c.x + h, c.y + h))
            p.move(to: Point(c.x - h, c.y + h)); p.line(to: Point(c.x + h, c.y - h))
        case .plus:
            p.move(to: Point(c.x - h, c.y)); p.line(to: Point(c.x + h, c.y))
            p.move(to: Point(c.x, c.y - h)); p.line(to: Point(c.x, c.y + h))
        case .hline: p.move(to: Point(c.x - h, c.y)); p.line(to: Point(c.x + h, c.y))
        case .vline: p.move(to: Point(c.x, c.y - h)); p.line(to: Point(c.x, c.y + h))
        }
        return p
    }
}

/// How a marker is painted.
public struct MarkerStyle: Sendable, Equatable {
    public var shape: MarkerShape
    public var size: Double
    /// Face colour; nil paints a hollow marker.
    public var face: Color?
    public var edge: Color?
    public var edgeWidth: Double
    public init(shape: MarkerShape, size: Double, face: Color?, edge: Color?, edgeWidth: Double) {
        self.shape = shape; self.size = size; self.face = face; self.edge = edge; self.edgeWidth = edgeWidth
    }

    func scaled(_ k: Double) -> MarkerStyle {
        var m = self
        m.size *= k
        return m
    }

    func draw(at c: Point, _ r: Renderer) {
        guard shape != .none else { return }
        r.beginPart(DrawnPart(.marker, ""))
        defer { r.endPart() }
        let p = shape.path(at: c, size: size)
        if shape.isLineOnly {
            let col = edge ?? face ?? .black
            r.draw(p, fill: nil, stroke: Stroke(color: col, width: edgeWidth))
        } else {
            r.draw(p, fill: face, stroke: edge.map { Stroke(color: $0, width: edgeWidth, join: .miter) })
        }
    }
}
