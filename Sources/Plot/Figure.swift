import Foundation

/// A grid of cells for axes (matplotlib's GridSpec) whose margins and gaps are computed
/// from what the axes draw around themselves (tight layout) unless fixed.
public final class GridSpec {
    public let rows: Int
    public let cols: Int
    public var widthRatios: [Double]
    public var heightRatios: [Double]
    /// Extra gap between columns / rows in points (beyond the decorations).
    public var wspace: Double
    public var hspace: Double
    /// Fixed margins in points from the region edges (nil = just enough for decorations).
    public var marginLeft: Double?, marginRight: Double?, marginTop: Double?, marginBottom: Double?
    /// Region of the figure the grid occupies, in figure fractions (x, y bottom-left, w, h).
    public var region: Rect
    weak var figure: Figure?

    init(figure: Figure, rows: Int, cols: Int, widthRatios: [Double]?, heightRatios: [Double]?,
         wspace: Double, hspace: Double, region: Rect) {
        precondition(rows > 0 && cols > 0)
        self.figure = figure; self.rows = rows; self.cols = cols
        self.widthRatios = widthRatios ?? Array(repeating: 1, count: cols)
        self.heightRatios = heightRatios ?? Array(repeating: 1, count: rows)
        precondition(self.widthRatios.count == cols && self.heightRatios.count == rows, "ratio counts must match the grid")
        self.wspace = wspace; self.hspace = hspace; self.region = region
    }

    /// An axes spanning rows `row..<row+rowSpan` and columns `col..<col+colSpan` (row 0 on top).
    public func addAxes(row: Int, col: Int, rowSpan: Int = 1, colSpan: Int = 1,
                        sharex: Axes? = nil, sharey: Axes? = nil) -> Axes {
        precondition(row >= 0 && col >= 0 && row + rowSpan <= rows && col + colSpan <= cols, "cell outside the grid")
        let fig = figure!
        let ax = Axes(figure: fig, style: fig.style)
        ax.cell = (self, row..<(row + rowSpan), col..<(col + colSpan))
        if let s = sharex { ax.shareX(with: s) }
        if let s = sharey { ax.shareY(with: s) }
        fig.axes.append(ax)
        return ax
    }

    public subscript(row: Int, col: Int) -> Axes { addAxes(row: row, col: col) }

    /// The factor (≤ 1) on margins and gaps that leaves the axes at least 1 pt of `region`.
    static func squeeze(margins: Double, region: Double) -> Double {
        let room = max(region - 1, 0)
        return margins > room && margins > 0 ? room / margins : 1
    }

    /// Lay out the axes of this grid on the page (figure frame `frame`, points, y down).
    func layout(_ members: [Axes], frame: Rect, pad: Double, _ r: Renderer) throws {
        let reg = Rect(x: frame.x + region.x * frame.width, y: frame.y + (1 - region.y - region.height) * frame.height,
                       width: region.width * frame.width, height: region.height * frame.height)
        var L = [Double](repeating: 0, count: cols), R = L
        var T = [Double](repeating: 0, count: rows), B = T
        // Margins depend on the axes size (tick labels, texts anchored in axes fractions
        // that move with it): repeat until they settle within 0.1 pt, extrapolating a
        // geometric approach to its limit (Aitken) so that slow ones settle too.
        var history: [[Double]] = []
        let maxPasses = 12
        for pass in 0..<maxPasses {
            // Column and row positions from the current overhangs.
            let left = marginLeft ?? (L[0] + pad), right = marginRight ?? (R[cols - 1] + pad)
            let top = marginTop ?? (T[0] + pad), bottom = marginBottom ?? (B[rows - 1] + pad)
            var gapsW = 0.0, gapsH = 0.0
            for c in 0..<(cols - 1) { gapsW += R[c] + L[c + 1] + wspace }
            for rr in 0..<(rows - 1) { gapsH += B[rr] + T[rr + 1] + hspace }
            // Decorations wider than the region (a tiny page, long labels) are squeezed so
            // that the axes keep at least 1 pt and stay on the page; the labels overhang.
            let kW = Self.squeeze(margins: left + right + gapsW, region: reg.width)
            let kH = Self.squeeze(margins: top + bottom + gapsH, region: reg.height)
            let availW = max(reg.width - kW * (left + right + gapsW), 1)
            let availH = max(reg.height - kH * (top + bottom + gapsH), 1)
            let sw = widthRatios.reduce(0, +), sh = heightRatios.reduce(0, +)
            var xs: [(Double, Double)] = [], ys: [(Double, Double)] = []
            var x = reg.x + kW * left
            for c in 0..<cols {
                let w = availW * widthRatios[c] / sw
                xs.append((x, x + w)); x += w + (c < cols - 1 ? kW * (R[c] + L[c + 1] + wspace) : 0)
            }
            var y = reg.y + kH * top
            for rr in 0..<rows {
                let h = availH * heightRatios[rr] / sh
                ys.append((y, y + h)); y += h + (rr < rows - 1 ? kH * (B[rr] + T[rr + 1] + hspace) : 0)
            }
            for ax in members {
                guard let cell = ax.cell else { continue }
                let x0 = xs[cell.cols.lowerBound].0, x1 = xs[cell.cols.upperBound - 1].1
                let y0 = ys[cell.rows.lowerBound].0, y1 = ys[cell.rows.upperBound - 1].1
                ax.pageRect = Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
                ax.applyAspect()
            }
            if pass == maxPasses - 1 { break }
            // Overhangs of decorations beyond each axes rectangle.
            var nL = L.map { _ in 0.0 }, nR = nL, nT = T.map { _ in 0.0 }, nB = nT
            for ax in members {
                guard let cell = ax.cell else { continue }
                let b = try ax.tightBounds(r), p = ax.pageRect
                nL[cell.cols.lowerBound] = max(nL[cell.cols.lowerBound], p.minX - b.minX)
                nR[cell.cols.upperBound - 1] = max(nR[cell.cols.upperBound - 1], b.maxX - p.maxX)
                nT[cell.rows.lowerBound] = max(nT[cell.rows.lowerBound], p.minY - b.minY)
                nB[cell.rows.upperBound - 1] = max(nB[cell.rows.upperBound - 1], b.maxY - p.maxY)
            }
            var next = nL + nR + nT + nB
            let used = L + R + T + B
            // Two passes always: the first pass's margins move the axes, and with them the
            // labels the margins were measured from. Then stop once the margins used are the
            // ones found.
            if pass >= 2 && zip(used, next).allSatisfy({ abs($0 - $1) < 0.1 }) { break }
            history.append(next)
            if history.count >= 3 {
                let (a, b, c) = (history[history.count - 3], history[history.count - 2], history[history.count - 1])
                for i in next.indices {
                    let d1 = b[i] - a[i], d2 = c[i] - b[i], q = d1 == 0 ? 0 : d2 / d1
                    if q > 0 && q < 0.95 && abs(d2) >= 0.1 { next[i] = c[i] + d2 * q / (1 - q) }
                }
            }
            L = Array(next[0..<cols]); R = Array(next[cols..<(2 * cols)])
            T = Array(next[(2 * cols)..<(2 * cols + rows)]); B = Array(next[(2 * cols + rows)...])
        }
    }
}

extension Axes {
    /// Shrink the page rectangle (centred) so that one data unit has the same length on x and y.
    func applyAspect() {
        guard aspect == .equal else { return }
        let (x0, x1) = xAxis.viewLimits(), (y0, y1) = yAxis.viewLimits()
        let dx = abs(xAxis.scale.forward(x1) - xAxis.scale.forward(x0))
        let dy = abs(yAxis.scale.forward(y1) - yAxis.scale.forward(y0))
        guard dx > 0, dy > 0 else { return }
        let want = dy / dx, r = pageRect
        if r.height / r.width > want {
            let h = r.width * want
            pageRect = Rect(x: r.x, y: r.midY - h / 2, width: r.width, height: h)
        } else {
            let w = r.height / want
            pageRect = Rect(x: r.midX - w / 2, y: r.y, width: w, height: r.height)
        }
    }
}

/// A figure: a page of a given size holding axes, text and other figures (panels).
public final class Figure {
    /// Size in points.
    public let width: Double
    public let height: Double
    public let style: Style
    public internal(set) var axes: [Axes] = []
    var grids: [GridSpec] = []
    var texts: [(x: Double, y: Double, markup: String, font: Font, color: Color, hAlign: HAlign, vAlign: VAlign, rotation: Double)] = []
    var panels: [(figure: Figure, x: Double, y: Double, letter: String?, letterOffset: (Double, Double))] = []
    /// Title written into PDF metadata.
    public var title: String?
    /// PNG background (nil = transparent).
    public var background: Color? = .white

    /// A figure `widthCm` × `heightCm` centimetres.
    public init(widthCm: Double, heightCm: Double, style: Style = .paper) {
        width = widthCm * pointsPerCm; height = heightCm * pointsPerCm; self.style = style
    }
    /// A figure in points.
    public init(widthPt: Double, heightPt: Double, style: Style = .paper) {
        width = widthPt; height = heightPt; self.style = style
    }

    public var widthCm: Double { width / pointsPerCm }
    public var heightCm: Double { height / pointsPerCm }

    // MARK: - Axes

    /// One axes filling the figure, margins fitted to its labels (tight layout).
    public func addAxes() -> Axes { gridSpec(rows: 1, cols: 1).addAxes(row: 0, col: 0) }

    /// An axes at a fixed place in figure fractions (matplotlib `fig.add_axes([l, b, w, h])`).
    public func addAxes(left: Double, bottom: Double, width: Double, height: Double,
                        sharex: Axes? = nil, sharey: Axes? = nil) -> Axes {
        let ax = Axes(figure: self, style: style)
        ax.fixedRect = Rect(x: left, y: bottom, width: width, height: height)
        if let s = sharex { ax.shareX(with: s) }
        if let s = sharey { ax.shareY(with: s) }
        axes.append(ax)
        return ax
    }

    /// An axes at a fixed place in centimetres from the figure's bottom-left corner.
    public func addAxes(leftCm: Double, bottomCm: Double, widthCm: Double, heightCm: Double,
                        sharex: Axes? = nil, sharey: Axes? = nil) -> Axes {
        addAxes(left: leftCm * pointsPerCm / width, bottom: bottomCm * pointsPerCm / height,
                width: widthCm * pointsPerCm / width, height: heightCm * pointsPerCm / height,
                sharex: sharex, sharey: sharey)
    }

    /// A grid for axes (tight layout). `wspace`/`hspace` are extra gaps in points;
    /// `region` restricts the grid to part of the figure (figure fractions).
    public func gridSpec(rows: Int, cols: Int, widthRatios: [Double]? = nil, heightRatios: [Double]? = nil,
                         wspace: Double = 3, hspace: Double = 3,
                         region: Rect = Rect(x: 0, y: 0, width: 1, height: 1)) -> GridSpec {
        let g = GridSpec(figure: self, rows: rows, cols: cols, widthRatios: widthRatios, heightRatios: heightRatios,
                         wspace: wspace, hspace: hspace, region: region)
        grids.append(g)
        return g
    }

    /// rows × cols axes (`result[row][col]`, row 0 on top). With `sharex`, columns share x
    /// and only the bottom row shows x tick labels; `sharey` likewise for rows.
    public func subplots(rows: Int, cols: Int, widthRatios: [Double]? = nil, heightRatios: [Double]? = nil,
                         sharex: Bool = false, sharey: Bool = false, wspace: Double = 3, hspace: Double = 3) -> [[Axes]] {
        let g = gridSpec(rows: rows, cols: cols, widthRatios: widthRatios, heightRatios: heightRatios,
                         wspace: wspace, hspace: hspace)
        var out: [[Axes]] = []
        for r in 0..<rows {
            var row: [Axes] = []
            for c in 0..<cols {
                let ax = g.addAxes(row: r, col: c, sharex: sharex && r > 0 ? out[0][c] : nil,
                                   sharey: sharey && c > 0 ? row[0] : nil)
                if sharex && r < rows - 1 { ax.xAxis.tickLabelsVisible = false }
                if sharey && c > 0 { ax.yAxis.tickLabelsVisible = false }
                row.append(ax)
            }
            out.append(row)
        }
        return out
    }

    // MARK: - Text and panels

    /// Text at figure fractions (x, y), y up.
    public func text(_ x: Double, _ y: Double, _ markup: String, size: Double? = nil, bold: Bool = false,
                     color: Color = .black, hAlign: HAlign = .left, vAlign: VAlign = .baseline, rotation: Double = 0) {
        texts.append((x, y, markup, style.font(size: size, bold: bold), color, hAlign, vAlign, rotation))
    }

    /// Place another figure as a panel whose top-left corner is `xCm`, `yCm` from this
    /// figure's top-left corner, with an optional bold panel letter at its corner
    /// (`letterOffsetCm` moves it right/down).
    public func addPanel(_ panel: Figure, xCm: Double, yCm: Double, letter: String? = nil,
                         letterOffsetCm: (Double, Double) = (0, 0)) {
        panels.append((panel, xCm * pointsPerCm, yCm * pointsPerCm, letter,
                       (letterOffsetCm.0 * pointsPerCm, letterOffsetCm.1 * pointsPerCm)))
    }

    // MARK: - Layout and drawing

    /// Place every axes for a figure whose top-left corner is at `origin` on the page.
    func layout(_ r: Renderer, origin: Point) throws {
        let frame = Rect(x: origin.x, y: origin.y, width: width, height: height)
        for ax in axes {
            if let f = ax.fixedRect {
                ax.pageRect = Rect(x: frame.x + f.x * width, y: frame.y + (1 - f.y - f.height) * height,
                                   width: f.width * width, height: f.height * height)
                ax.applyAspect()
            }
        }
        for g in grids {
            let members = axes.filter { $0.cell?.grid === g }
            if !members.isEmpty { try g.layout(members, frame: frame, pad: style.figurePad, r) }
        }
    }

    /// Compute the layout without drawing (axes `pageRect`s and legend boxes become valid),
    /// with the figure at the page origin.
    public func layout() throws {
        try CairoOutput.withMeasuringRenderer { try layout($0, origin: Point(0, 0)) }
    }

    /// Legend geometry after `layout()` (page points, y down).
    public func legendLayout(_ legend: Legend, in ax: Axes) throws -> Legend.Layout {
        try CairoOutput.withMeasuringRenderer { r in
            try layout(r, origin: Point(0, 0))
            return try legend.layout(axes: ax, r)
        }
    }

    /// Draw the figure with its top-left corner at `origin`.
    public func draw(_ r: Renderer, origin: Point = Point(0, 0)) throws {
        try layout(r, origin: origin)
        for (k, ax) in axes.enumerated() { try r.inPart(DrawnPart(.axes, ax.partName(k))) { try ax.draw(r) } }
        for t in texts {
            try r.inPart(DrawnPart(.figureText, "figure text “\(DrawnPart.plain(t.markup))”")) {
                try r.drawText(markup: t.markup, font: t.font, color: t.color,
                               at: Point(origin.x + t.x * width, origin.y + (1 - t.y) * height),
                               rotation: t.rotation, hAlign: t.hAlign, vAlign: t.vAlign)
            }
        }
        for (k, p) in panels.enumerated() {
            let o = Point(origin.x + p.x, origin.y + p.y)
            let frame = Rect(x: o.x, y: o.y, width: p.figure.width, height: p.figure.height)
            try r.inPart(DrawnPart(.panel, "panel \(p.letter ?? String(k + 1))", within: frame)) {
                try p.figure.draw(r, origin: o)
            }
            if let letter = p.letter {
                try r.inPart(DrawnPart(.panelLetter, "panel letter “\(letter)”")) {
                    try r.drawText(markup: "<b>\(letter)</b>", font: style.font(size: style.panelLetterSize),
                                   color: style.textColor, at: Point(o.x + p.letterOffset.0, o.y + p.letterOffset.1),
                                   rotation: 0, hAlign: .left, vAlign: .top)
                }
            }
        }
    }

    // MARK: - Output

    /// PDF bytes (vector, fonts embedded, fixed dates so that bytes are stable).
    public func pdfData() throws -> [UInt8] {
        try CairoOutput.pdf(width: width, height: height, title: title) { try draw($0) }
    }
    /// PNG bytes at `dpi` (white background unless `background` is changed; pHYs chunk set).
    public func pngData(dpi: Double = 300) throws -> [UInt8] {
        try CairoOutput.png(width: width, height: height, dpi: dpi, background: background) { try draw($0) }
    }
    /// SVG bytes.
    public func svgData() throws -> [UInt8] {
        try CairoOutput.svg(width: width, height: height) { try draw($0) }
    }

    public func savePDF(_ path: String) throws { try Figure.write(try pdfData(), to: path) }
    public func savePNG(_ path: String, dpi: Double = 300) throws { try Figure.write(try pngData(dpi: dpi), to: path) }
    public func saveSVG(_ path: String) throws { try Figure.write(try svgData(), to: path) }

    /// Write any of PDF, PNG, SVG (paths given) in one call.
    public func save(pdf: String? = nil, png: String? = nil, svg: String? = nil, dpi: Double = 300) throws {
        if let p = pdf { try savePDF(p) }
        if let p = png { try savePNG(p, dpi: dpi) }
        if let p = svg { try saveSVG(p) }
        if let p = pdf ?? png ?? svg { try auditAfterSaving(p) }
    }

    /// Write `base.pdf` and `base.png` (and `base.svg` when `svg`).
    public func save(base: String, dpi: Double = 300, svg: Bool = false) throws {
        try save(pdf: base + ".pdf", png: base + ".png", svg: svg ? base + ".svg" : nil, dpi: dpi)
    }

    /// Write bytes atomically, creating parent directories; errors name the path.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw PlotError.cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
