import Bins
import Foundation

/// Which spines (axis lines) are drawn.
public struct Spines: Sendable {
    public var left = true, bottom = true, top = false, right = false
    public init(left: Bool = true, bottom: Bool = true, top: Bool = false, right: Bool = false) {
        self.left = left; self.bottom = bottom; self.top = top; self.right = right
    }
    public static let all = Spines(left: true, bottom: true, top: true, right: true)
    public static let none = Spines(left: false, bottom: false, top: false, right: false)
}

/// Histogram / stairs orientation: `.vertical` draws values along y (bars standing up),
/// `.horizontal` along x.
public enum Orientation: Sendable { case vertical, horizontal }

/// Aspect of the axes box.
public enum Aspect: Sendable {
    /// Fill the layout rectangle.
    case auto
    /// One data unit is as long on x as on y (the box shrinks, centred).
    case equal
}

/// A plotting area with two axes, artists, labels and legends (matplotlib's Axes).
public final class Axes {
    public let xAxis = Axis(isX: true)
    public let yAxis = Axis(isX: false)
    public internal(set) var artists: [Artist] = []
    public internal(set) var legends: [Legend] = []
    public var spines: Spines
    public var title: String?
    public var titleSize: Double?
    public var titleAlign: HAlign = .center
    public var titleBold = false
    /// Background colour (nil = none, the figure shows through).
    public var background: Color?
    public var aspect: Aspect = .auto
    /// Draw nothing but the artists (matplotlib's `axis("off")`).
    public var axisOff = false
    weak var figure: Figure?
    let style: Style

    /// Placement in figure fractions (x, y of the bottom-left corner, width, height), or
    /// nil when a grid places it.
    var fixedRect: Rect?
    /// Grid cell when placed by a GridSpec.
    var cell: (grid: GridSpec, rows: Range<Int>, cols: Range<Int>)?
    /// Axes rectangle on the page (points, y down), set by layout.
    public internal(set) var pageRect = Rect(x: 0, y: 0, width: 100, height: 100)

    init(figure: Figure, style: Style) {
        self.figure = figure
        self.style = style
        spines = Spines(left: true, bottom: true, top: style.showTopSpine, right: style.showRightSpine)
        xAxis.axes = self
        yAxis.axes = self
    }

    // MARK: - Axis settings (matplotlib names)

    public func setXScale(_ s: Scale) { xAxis.scale = s }
    public func setYScale(_ s: Scale) { yAxis.scale = s }
    /// Set x limits; nil keeps that side automatic; lo > hi inverts.
    public func setXLim(_ lo: Double?, _ hi: Double?) { xAxis.limits = (lo, hi) }
    public func setYLim(_ lo: Double?, _ hi: Double?) { yAxis.limits = (lo, hi) }
    /// Explicit major ticks with optional labels (Pango markup).
    public func setXTicks(_ ticks: [Double], labels: [String]? = nil) { xAxis.ticks = ticks; xAxis.tickLabels = labels }
    public func setYTicks(_ ticks: [Double], labels: [String]? = nil) { yAxis.ticks = ticks; yAxis.tickLabels = labels }
    public func setXMinorTicks(_ ticks: [Double]) { xAxis.minorTicks = ticks }
    public func setYMinorTicks(_ ticks: [Double]) { yAxis.minorTicks = ticks }
    public func setXLabel(_ markup: String, size: Double? = nil) { xAxis.label = markup; xAxis.labelSize = size }
    public func setYLabel(_ markup: String, size: Double? = nil) { yAxis.label = markup; yAxis.labelSize = size }
    public func setTitle(_ markup: String, size: Double? = nil, align: HAlign = .center, bold: Bool = false) {
        title = markup; titleSize = size; titleAlign = align; titleBold = bold
    }
    /// Tick label size for both axes.
    public func setTickLabelSize(_ size: Double) { xAxis.tickLabelSize = size; yAxis.tickLabelSize = size }
    /// Current view limits (explicit or automatic).
    public var xLimits: (Double, Double) { xAxis.viewLimits() }
    public var yLimits: (Double, Double) { yAxis.viewLimits() }

    /// Share this axes' x scale and limits with `other` (matplotlib sharex).
    public func shareX(with other: Axes) { xAxis.join(other.xAxis) }
    public func shareY(with other: Axes) { yAxis.join(other.yAxis) }

    /// The data->page transform for the current layout.
    public var transform: AxesTransform {
        let (x0, x1) = xAxis.viewLimits(), (y0, y1) = yAxis.viewLimits()
        return AxesTransform(rect: pageRect, x: AxisMap(scale: xAxis.scale, lo: x0, hi: x1),
                             y: AxisMap(scale: yAxis.scale, lo: y0, hi: y1))
    }

    @discardableResult
    public func add<A: Artist>(_ a: A) -> A { artists.append(a); return a }

    func c(_ color: Color?) -> Color { color ?? .black }

    // MARK: - Lines and markers

    /// Line through (x, y) with optional markers; NaN breaks the line.
    @discardableResult
    public func plot(_ x: [Double], _ y: [Double], color: Color = .black, lineWidth: Double? = nil,
                     lineStyle: LineStyle = .solid, marker: MarkerShape = .none, markerSize: Double? = nil,
                     markerFace: Color? = nil, hollow: Bool = false, markerEdgeColor: Color? = nil,
                     markerEdgeWidth: Double? = nil, alpha: Double? = nil, label: String? = nil,
                     zOrder: Double = 2) -> Line {
        let m: MarkerStyle? = marker == .none ? nil : MarkerStyle(
            shape: marker, size: markerSize ?? style.markerSize,
            face: hollow ? nil : (markerFace ?? color), edge: markerEdgeColor ?? color,
            edgeWidth: markerEdgeWidth ?? (hollow || marker.isLineOnly ? style.markerEdgeWidth : 0))
        let l = Line(x: x, y: y, color: color, lineWidth: lineWidth ?? style.lineWidth, lineStyle: lineStyle,
                     marker: m, alpha: alpha, label: label)
        l.zOrder = zOrder
        return add(l)
    }

    /// Markers at (x, y). `size` is the marker width in points (not matplotlib's area);
    /// `colors` gives one colour per point.
    @discardableResult
    public func scatter(_ x: [Double], _ y: [Double], color: Color = .black, colors: [Color]? = nil,
                        size: Double? = nil, marker: MarkerShape = .circle, hollow: Bool = false,
                        edgeColor: Color? = nil, edgeWidth: Double? = nil, alpha: Double? = nil,
                        label: String? = nil, zOrder: Double = 1) -> Scatter {
        let m = MarkerStyle(shape: marker, size: size ?? style.markerSize, face: hollow ? nil : color,
                            edge: edgeColor ?? (hollow || marker.isLineOnly ? color : nil),
                            edgeWidth: edgeWidth ?? style.markerEdgeWidth)
        let s = Scatter(x: x, y: y, marker: m, colors: colors, alpha: alpha, label: label)
        s.zOrder = zOrder
        return add(s)
    }

    /// Error bars: `yErr`/`xErr` symmetric, or `yErrLow`/`yErrHigh` asymmetric (offsets, ≥ 0).
    @discardableResult
    public func errorbar(_ x: [Double], _ y: [Double], yErr: [Double]? = nil, xErr: [Double]? = nil,
                         yErrLow: [Double]? = nil, yErrHigh: [Double]? = nil,
                         color: Color = .black, lineWidth: Double? = nil, lineStyle: LineStyle = .none,
                         marker: MarkerShape = .none, markerSize: Double? = nil, hollow: Bool = false,
                         capSize: Double = 0, errorLineWidth: Double? = nil, alpha: Double? = nil,
                         label: String? = nil) -> ErrorBars {
        let line = Line(x: x, y: y, color: color, lineWidth: lineWidth ?? style.lineWidth, lineStyle: lineStyle,
                        marker: marker == .none ? nil : MarkerStyle(shape: marker, size: markerSize ?? style.markerSize,
                            face: hollow ? nil : color, edge: color,
                            edgeWidth: hollow || marker.isLineOnly ? style.markerEdgeWidth : 0),
                        alpha: alpha, label: label)
        var yr: [(Double, Double)]? = nil
        if let e = yErr { yr = y.indices.map { (y[$0] - e[$0], y[$0] + e[$0]) } }
        if yErrLow != nil || yErrHigh != nil {
            let lo = yErrLow ?? y.map { _ in 0 }, hi = yErrHigh ?? y.map { _ in 0 }
            yr = y.indices.map { (y[$0] - lo[$0], y[$0] + hi[$0]) }
        }
        let xr: [(Double, Double)]? = xErr.map { e in x.indices.map { (x[$0] - e[$0], x[$0] + e[$0]) } }
        let eb = ErrorBars(line: line, xRange: xr, yRange: yr, color: color,
                           lineWidth: errorLineWidth ?? lineWidth ?? style.lineWidth, capSize: capSize)
        return add(eb)
    }

    /// Horizontal line at y from axes fraction `from` to `to` (axhline).
    @discardableResult
    public func axhline(_ y: Double, from: Double = 0, to: Double = 1, color: Color = .black,
                        lineWidth: Double? = nil, lineStyle: LineStyle = .solid, alpha: Double? = nil,
                        label: String? = nil, zOrder: Double = 2) -> ReferenceLine {
        let l = ReferenceLine(value: y, horizontal: true, from: from, to: to, color: color,
                              lineWidth: lineWidth ?? style.lineWidth, lineStyle: lineStyle, alpha: alpha, label: label)
        l.zOrder = zOrder
        return add(l)
    }

    /// Vertical line at x (axvline).
    @discardableResult
    public func axvline(_ x: Double, from: Double = 0, to: Double = 1, color: Color = .black,
                        lineWidth: Double? = nil, lineStyle: LineStyle = .solid, alpha: Double? = nil,
                        label: String? = nil, zOrder: Double = 2) -> ReferenceLine {
        let l = ReferenceLine(value: x, horizontal: false, from: from, to: to, color: color,
                              lineWidth: lineWidth ?? style.lineWidth, lineStyle: lineStyle, alpha: alpha, label: label)
        l.zOrder = zOrder
        return add(l)
    }

    // MARK: - Patches

    /// Horizontal band between y0 and y1 over axes fractions `from`...`to` of x (axhspan).
    @discardableResult
    public func axhspan(_ y0: Double, _ y1: Double, from: Double = 0, to: Double = 1, color: Color,
                        alpha: Double? = nil, label: String? = nil, zOrder: Double = 0.5) -> Patches {
        let p = Patches(polygons: [[(from, y0), (to, y0), (to, y1), (from, y1)]], faceColors: [color],
                        edgeColor: nil, lineWidth: 0, alpha: alpha, label: label)
        p.axesFractionX = true
        p.zOrder = zOrder
        return add(p)
    }

    /// Vertical band between x0 and x1 (axvspan).
    @discardableResult
    public func axvspan(_ x0: Double, _ x1: Double, from: Double = 0, to: Double = 1, color: Color,
                        alpha: Double? = nil, label: String? = nil, zOrder: Double = 0.5) -> Patches {
        let p = Patches(polygons: [[(x0, from), (x1, from), (x1, to), (x0, to)]], faceColors: [color],
                        edgeColor: nil, lineWidth: 0, alpha: alpha, label: label)
        p.axesFractionY = true
        p.zOrder = zOrder
        return add(p)
    }

    /// Band between y1(x) and y2(x) (fill_between); NaN gaps split the band.
    @discardableResult
    public func fillBetween(_ x: [Double], _ y1: [Double], _ y2: [Double]? = nil, color: Color,
                            alpha: Double? = nil, edgeColor: Color? = nil, lineWidth: Double = 0,
                            label: String? = nil, zOrder: Double = 1) -> Patches {
        let lower = y2 ?? x.map { _ in 0 }
        let polys = Axes.bands(x, y1, lower).map { seg in
            seg.map { (x[$0], y1[$0]) } + seg.reversed().map { (x[$0], lower[$0]) }
        }
        let p = Patches(polygons: polys, faceColors: [color], edgeColor: edgeColor, lineWidth: lineWidth,
                        alpha: alpha, label: label)
        p.zOrder = zOrder
        return add(p)
    }

    /// Band between x1(y) and x2(y) (fill_betweenx).
    @discardableResult
    public func fillBetweenX(_ y: [Double], _ x1: [Double], _ x2: [Double]? = nil, color: Color,
                             alpha: Double? = nil, edgeColor: Color? = nil, lineWidth: Double = 0,
                             label: String? = nil, zOrder: Double = 1) -> Patches {
        let lower = x2 ?? y.map { _ in 0 }
        let polys = Axes.bands(y, x1, lower).map { seg in
            seg.map { (x1[$0], y[$0]) } + seg.reversed().map { (lower[$0], y[$0]) }
        }
        let p = Patches(polygons: polys, faceColors: [color], edgeColor: edgeColor, lineWidth: lineWidth,
                        alpha: alpha, label: label)
        p.zOrder = zOrder
        return add(p)
    }

    /// Index runs where all three arrays are finite.
    static func bands(_ a: [Double], _ b: [Double], _ c: [Double]) -> [[Int]] {
        var runs: [[Int]] = [], cur: [Int] = []
        for i in a.indices {
            if a[i].isFinite && b[i].isFinite && c[i].isFinite { cur.append(i) }
            else if !cur.isEmpty { runs.append(cur); cur = [] }
        }
        if !cur.isEmpty { runs.append(cur) }
        return runs.filter { $0.count > 1 }
    }

    /// Bars of `heights` at `x` (centred, or left edge with `alignEdge`), from `bottom`.
    @discardableResult
    public func bar(_ x: [Double], _ heights: [Double], width: Double = 0.8, bottom: [Double]? = nil,
                    color: Color = Color(hex: 0x1f77b4), colors: [Color]? = nil, edgeColor: Color? = nil,
                    lineWidth: Double = 0, alignEdge: Bool = false, alpha: Double? = nil,
                    label: String? = nil, zOrder: Double = 1) -> Patches {
        let b = bottom ?? x.map { _ in 0 }
        let polys = x.indices.map { i -> [(Double, Double)] in
            let l = alignEdge ? x[i] : x[i] - width / 2, r = l + width
            let y0 = b[i], y1 = b[i] + heights[i]
            return [(l, y0), (r, y0), (r, y1), (l, y1)]
        }
        let p = Patches(polygons: polys, faceColors: colors ?? [color], edgeColor: edgeColor,
                        lineWidth: lineWidth, alpha: alpha, label: label)
        p.sticky.y = Array(Set(b))
        p.zOrder = zOrder
        return add(p)
    }

    /// Horizontal bars of `widths` at `y` from `left`.
    @discardableResult
    public func barh(_ y: [Double], _ widths: [Double], height: Double = 0.8, left: [Double]? = nil,
                     color: Color = Color(hex: 0x1f77b4), colors: [Color]? = nil, edgeColor: Color? = nil,
                     lineWidth: Double = 0, alpha: Double? = nil, label: String? = nil,
                     zOrder: Double = 1) -> Patches {
        let b = left ?? y.map { _ in 0 }
        let polys = y.indices.map { i -> [(Double, Double)] in
            let lo = y[i] - height / 2, hi = lo + height
            let x0 = b[i], x1 = b[i] + widths[i]
            return [(x0, lo), (x1, lo), (x1, hi), (x0, hi)]
        }
        let p = Patches(polygons: polys, faceColors: colors ?? [color], edgeColor: edgeColor,
                        lineWidth: lineWidth, alpha: alpha, label: label)
        p.sticky.x = Array(Set(b))
        p.zOrder = zOrder
        return add(p)
    }

    /// Step outline of a histogram (matplotlib's stairs): `values.count + 1` edges. The
    /// outline drops to `baseline` at both ends; `fill` fills it.
    @discardableResult
    public func stairs(_ values: [Double], edges: [Double], orientation: Orientation = .vertical,
                       baseline: Double = 0, fill: Bool = false, color: Color = .black,
                       fillColor: Color? = nil, lineWidth: Double? = nil, lineStyle: LineStyle = .solid,
                       alpha: Double? = nil, label: String? = nil, zOrder: Double = 1) -> Patches {
        precondition(edges.count == values.count + 1, "stairs needs values.count + 1 edges")
        var pts: [(Double, Double)] = [(edges[0], baseline)]
        for i in values.indices {
            pts.append((edges[i], values[i])); pts.append((edges[i + 1], values[i]))
        }
        pts.append((edges[values.count], baseline))
        if orientation == .horizontal { pts = pts.map { ($0.1, $0.0) } }
        let p = Patches(polygons: [pts], faceColors: fill ? [fillColor ?? color] : [nil],
                        edgeColor: fill && fillColor == nil ? nil : color,
                        lineWidth: lineWidth ?? style.lineWidth, lineStyle: lineStyle, alpha: alpha,
                        label: label, closed: fill)
        if orientation == .vertical { p.sticky.y = [baseline] } else { p.sticky.x = [baseline] }
        p.zOrder = zOrder
        return add(p)
    }

    /// Histogram of `data` over `bins` edges drawn as stairs; returns the counts too.
    /// `density` normalises to unit area, `weights` weighs each value, `scale` multiplies counts.
    @discardableResult
    public func hist(_ data: [Double], bins: [Double], density: Bool = false, weights: [Double]? = nil,
                     scale: Double = 1, orientation: Orientation = .vertical, fill: Bool = false,
                     color: Color = .black, lineWidth: Double? = nil, lineStyle: LineStyle = .solid,
                     alpha: Double? = nil, label: String? = nil) -> (counts: [Double], artist: Patches) {
        var counts = Histogram.counts(data, edges: bins, weights: weights)
        if density {
            let total = counts.reduce(0, +)
            counts = counts.indices.map { total > 0 ? counts[$0] / (total * (bins[$0 + 1] - bins[$0])) : 0 }
        }
        counts = counts.map { $0 * scale }
        let a = stairs(counts, edges: bins, orientation: orientation, fill: fill, color: color,
                       lineWidth: lineWidth, lineStyle: lineStyle, alpha: alpha, label: label)
        return (counts, a)
    }

    /// A closed polygon in data coordinates (matplotlib's fill).
    @discardableResult
    public func fill(_ x: [Double], _ y: [Double], color: Color, alpha: Double? = nil, edgeColor: Color? = nil,
                     lineWidth: Double = 0, label: String? = nil, zOrder: Double = 1) -> Patches {
        let p = Patches(polygons: [Array(zip(x, y))], faceColors: [color], edgeColor: edgeColor,
                        lineWidth: lineWidth, alpha: alpha, label: label)
        p.zOrder = zOrder
        return add(p)
    }

    // MARK: - Images

    /// Heatmap of `values` (rows; row 0 on top with `originUpper`) through `colormap`
    /// between vmin and vmax (defaults: data min/max); pixels stay sharp (nearest).
    /// Default extent: columns at 0...n-1 and rows at 0...m-1 (cell centres), y inverted
    /// like matplotlib when `originUpper`.
    @discardableResult
    public func imshow(_ values: [[Double]], colormap: Colormap = .gray, vmin: Double? = nil, vmax: Double? = nil,
                       extent: (Double, Double, Double, Double)? = nil, originUpper: Bool = true,
                       aspect: Aspect = .auto) -> Heatmap {
        let flat = values.flatMap { $0 }.filter { $0.isFinite }
        let lo = vmin ?? flat.min() ?? 0, hi = vmax ?? flat.max() ?? 1
        let m = Double(values.count), n = Double(values.first?.count ?? 0)
        let ext = extent ?? (-0.5, n - 0.5, originUpper ? m - 0.5 : -0.5, originUpper ? -0.5 : m - 0.5)
        let h = Heatmap(values: values, colormap: colormap, vmin: lo, vmax: hi, extent: ext, originUpper: originUpper)
        self.aspect = aspect
        // Like matplotlib, the view shows exactly the image extent (unless limits were set).
        if xAxis.limits == (nil, nil) { setXLim(ext.0, ext.1) }
        if yAxis.limits == (nil, nil) { setYLim(ext.2, ext.3) }
        return add(h)
    }

    // MARK: - Text

    /// Text (Pango markup) at (x, y) in `coordinates` (data by default).
    @discardableResult
    public func text(_ x: Double, _ y: Double, _ markup: String, coordinates: Coordinates = .data,
                     size: Double? = nil, color: Color = .black, bold: Bool = false,
                     hAlign: HAlign = .left, vAlign: VAlign = .baseline, rotation: Double = 0,
                     zOrder: Double = 3) -> TextLabel {
        let t = TextLabel(x: x, y: y, markup: markup, coordinates: coordinates, size: size, color: color,
                          bold: bold, hAlign: hAlign, vAlign: vAlign, rotation: rotation)
        t.zOrder = zOrder
        return add(t)
    }

    /// Text at `textAt` with an arrow pointing to `xy` (both in data coordinates).
    @discardableResult
    public func annotate(_ markup: String, xy: (Double, Double), textAt: (Double, Double), size: Double? = nil,
                         color: Color = .black, hAlign: HAlign = .center, vAlign: VAlign = .center,
                         arrowWidth: Double = 0.5, headLength: Double = 3, headWidth: Double = 2.5) -> TextLabel {
        add(Arrow(from: textAt, to: xy, color: color, lineWidth: arrowWidth, headLength: headLength, headWidth: headWidth))
        return text(textAt.0, textAt.1, markup, size: size, color: color, hAlign: hAlign, vAlign: vAlign)
    }

    // MARK: - Legends

    /// Add a legend (several per axes are allowed). `handles` defaults to all artists with
    /// a label, in the order they were added; `labels` overrides their labels.
    @discardableResult
    public func legend(_ handles: [Artist]? = nil, labels: [String]? = nil, title: String? = nil,
                       location: LegendLocation = .best, anchor: (Double, Double)? = nil,
                       columns: Int = 1, fontSize: Double? = nil, titleFontSize: Double? = nil,
                       frame: Bool = false, markerFirst: Bool = true, markerScale: Double = 1,
                       handleLength: Double? = nil) -> Legend {
        let hs = handles ?? artists.filter { !($0.label ?? "").isEmpty }
        let ls = labels ?? hs.map { $0.label ?? "" }
        let l = Legend(entries: zip(hs, ls).map { Legend.Entry(handle: $0, label: $1) }, title: title,
                       location: location, anchor: anchor, columns: columns, fontSize: fontSize,
                       titleFontSize: titleFontSize, frame: frame, style: style)
        l.markerFirst = markerFirst
        l.markerScale = markerScale
        if let h = handleLength { l.handleLength = h }
        legends.append(l)
        return l
    }
}

/// Histogram bins (numpy.histogram's rules): `counts`, `logEdges`, `linearEdges`.
public typealias Histogram = Binning
