import Foundation

/// Where a legend sits: inside the axes at a corner/edge, or with that corner at `anchor`.
public enum LegendLocation: Sendable, CaseIterable {
    case best, upperRight, upperLeft, lowerLeft, lowerRight, right, centerLeft, centerRight,
         lowerCenter, upperCenter, center

    /// Fractions (0 left/bottom ... 1 right/top) of the legend box corner that is placed.
    var fractions: (Double, Double) {
        switch self {
        case .best, .upperRight: return (1, 1)
        case .upperLeft: return (0, 1)
        case .lowerLeft: return (0, 0)
        case .lowerRight: return (1, 0)
        case .right, .centerRight: return (1, 0.5)
        case .centerLeft: return (0, 0.5)
        case .lowerCenter: return (0.5, 0)
        case .upperCenter: return (0.5, 1)
        case .center: return (0.5, 0.5)
        }
    }
}

/// A legend: handles (drawn like their artists) with labels, an optional title.
public final class Legend {
    public struct Entry {
        public var handle: Artist
        public var label: String
        public init(handle: Artist, label: String) { self.handle = handle; self.label = label }
    }
    public var entries: [Entry]
    public var title: String?
    public var titleAlign: HAlign = .left
    public var location: LegendLocation
    /// With `.best`: the place tried first (kept when it covers no data), before
    /// matplotlib's order of candidates.
    public var preferred: LegendLocation?
    /// Point in axes fractions where the `location` corner of the box goes (bbox_to_anchor).
    public var anchor: (Double, Double)?
    public var columns: Int
    public var fontSize: Double?
    public var titleFontSize: Double?
    public var frame: Bool
    public var markerFirst = true
    /// Size of legend markers relative to the plotted ones.
    public var markerScale = 1.0
    public var handleLength: Double
    public var handleTextPad: Double
    public var labelSpacing: Double
    public var borderPad: Double
    public var borderAxesPad: Double
    public var columnSpacing: Double
    let style: Style

    init(entries: [Entry], title: String?, location: LegendLocation, anchor: (Double, Double)?, columns: Int,
         fontSize: Double?, titleFontSize: Double?, frame: Bool, style: Style) {
        self.entries = entries; self.title = title; self.location = location; self.anchor = anchor
        self.columns = max(columns, 1); self.fontSize = fontSize; self.titleFontSize = titleFontSize
        self.frame = frame; self.style = style
        handleLength = style.legendHandleLength; handleTextPad = style.legendHandleTextPad
        labelSpacing = style.legendLabelSpacing; borderPad = style.legendBorderPad
        borderAxesPad = style.legendBorderAxesPad; columnSpacing = style.legendColumnSpacing
    }

    /// Geometry of a laid-out legend on the page.
    public struct Layout {
        /// Outer box (includes the border padding).
        public var box: Rect
        /// Handle boxes and label anchors (left-centre of the label), one per entry.
        public var handles: [Rect]
        public var labelAnchors: [Point]
        public var title: Point?
    }

    var font: Font { style.font(size: fontSize ?? style.legendFontSize) }
    var titleFont: Font { style.font(size: titleFontSize ?? fontSize ?? style.legendFontSize) }

    /// Lay the legend out for an axes (its page rectangle must be set).
    public func layout(axes: Axes, _ r: Renderer) throws -> Layout {
        let fs = font.size
        let metrics = try entries.map { try r.measure(markup: $0.label, font: font) }
        let rowH = max(metrics.map(\.height).max() ?? fs, fs)
        let hl = handleLength * fs, pad = handleTextPad * fs
        let rowsPerCol = Int((Double(entries.count) / Double(columns)).rounded(.up))
        var colWidths: [Double] = []
        for c in 0..<columns {
            let idx = (c * rowsPerCol)..<min((c + 1) * rowsPerCol, entries.count)
            let w = idx.map { metrics[$0].width }.max() ?? 0
            if !idx.isEmpty { colWidths.append(hl + pad + w) }
        }
        let nRows = min(rowsPerCol, entries.count)
        let entriesW = colWidths.reduce(0, +) + Double(max(colWidths.count - 1, 0)) * columnSpacing * fs
        let entriesH = Double(nRows) * rowH + Double(max(nRows - 1, 0)) * labelSpacing * fs
        var titleM: TextMetrics? = nil
        if let t = title, !t.isEmpty { titleM = try r.measure(markup: t, font: titleFont) }
        let titleH = titleM.map { $0.height + labelSpacing * fs } ?? 0
        let bp = borderPad * fs
        let w = max(entriesW, titleM?.width ?? 0) + 2 * bp
        let h = entriesH + titleH + 2 * bp

        let box = try place(width: w, height: h, axes: axes, r)
        var handles: [Rect] = [], anchors: [Point] = []
        var x = box.x + bp
        let top = box.y + bp + titleH
        for c in colWidths.indices {
            for k in 0..<rowsPerCol {
                let i = c * rowsPerCol + k
                guard i < entries.count else { break }
                let y = top + Double(k) * (rowH + labelSpacing * fs)
                if markerFirst {
                    handles.append(Rect(x: x, y: y + (rowH - fs * 0.7) / 2, width: hl, height: fs * 0.7))
                    anchors.append(Point(x + hl + pad, y + rowH / 2))
                } else {
                    anchors.append(Point(x, y + rowH / 2))
                    handles.append(Rect(x: x + metrics[i].width + pad, y: y + (rowH - fs * 0.7) / 2, width: hl, height: fs * 0.7))
                }
            }
            x += colWidths[c] + columnSpacing * fs
        }
        var titleAt: Point? = nil
        if titleM != nil {
            switch titleAlign {
            case .left: titleAt = Point(box.x + bp, box.y + bp)
            case .center: titleAt = Point(box.midX, box.y + bp)
            case .right: titleAt = Point(box.maxX - bp, box.y + bp)
            }
        }
        return Layout(box: box, handles: handles, labelAnchors: anchors, title: titleAt)
    }

    private func place(width w: Double, height h: Double, axes: Axes, _ r: Renderer) throws -> Rect {
        let ar = axes.pageRect
        let gap = borderAxesPad * font.size
        func box(_ loc: LegendLocation) -> Rect {
            let (fx, fy) = loc.fractions
            // Anchor point on the page (the matching axes point unless anchored), then the
            // border-axes pad pushes the box inwards like matplotlib's borderaxespad.
            let (px, py) = anchor ?? (fx, fy)
            let ax = ar.x + px * ar.width, ay = ar.y + (1 - py) * ar.height
            let padX = fx == 0 ? gap : (fx == 1 ? -gap : 0)
            let padY = fy == 1 ? gap : (fy == 0 ? -gap : 0)
            return Rect(x: ax + padX - fx * w, y: ay + padY - (1 - fy) * h, width: w, height: h)
        }
        guard location == .best && anchor == nil else { return box(location) }
        // matplotlib's "best": the first of its candidate places (in its order) covering the
        // least data — here points of line and markers as drawn, the measure of the layout
        // audit — while overlapping no other legend and no fixed text.
        let marks = try axes.dataMarks(r)
        var others = try axes.fixedTextBoxes(r)
        // Legends added earlier only (two "best" legends would otherwise wait on each other).
        for l in axes.legends.prefix(while: { $0 !== self }) { others.append(try l.layout(axes: axes, r).box) }
        var best = LegendLocation.upperRight, bestScore = Double.infinity
        let order = (preferred.map { [$0] } ?? []) + LegendLocation.allCases.filter { $0 != .best && $0 != preferred }
        for loc in order where loc != .best {
            let b = box(loc)
            let score = Axes.badness(marks.coverage(of: b)) + 1000 * Double(others.filter { $0.intersects(b) }.count)
            if score < bestScore { bestScore = score; best = loc }
        }
        return box(best)
    }

    func draw(axes: Axes, _ r: Renderer) throws {
        let lay = try layout(axes: axes, r)
        let name = "legend" + (title.map { " “\(DrawnPart.plain($0))”" } ?? "")
        try r.inPart(DrawnPart(.legend, name, box: lay.box)) {
            if frame {
                r.draw(.rect(lay.box), fill: Color.white.alpha(0.8), stroke: Stroke(color: .gray(0.8), width: 0.5))
            }
            if let t = title, let at = lay.title {
                try r.inPart(DrawnPart(.legendText, "title")) {
                    try r.drawText(markup: t, font: titleFont, color: style.textColor, at: at, rotation: 0,
                                   hAlign: titleAlign, vAlign: .top)
                }
            }
            for (i, e) in entries.enumerated() {
                r.inPart(DrawnPart(.legendHandle, "handle \(i)")) {
                    e.handle.drawLegendHandle(in: lay.handles[i], r, style: style, markerScale: markerScale)
                }
                try r.inPart(DrawnPart(.legendText, "label “\(DrawnPart.plain(e.label))”")) {
                    try r.drawText(markup: e.label, font: font, color: style.textColor, at: lay.labelAnchors[i], rotation: 0,
                                   hAlign: .left, vAlign: .center)
                }
            }
        }
    }
}
