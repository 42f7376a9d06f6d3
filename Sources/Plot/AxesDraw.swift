import Foundation

/// A piece of text placed on the page.
struct PlacedText {
    var markup: String
    var font: Font
    var color: Color
    var at: Point
    var rotation: Double
    var hAlign: HAlign
    var vAlign: VAlign
    var bbox: Rect
    /// What the text is, for the layout audit.
    var kind: DrawnPart.Kind = .tickLabel

    init(_ markup: String, font: Font, color: Color, at: Point, rotation: Double = 0,
         hAlign: HAlign, vAlign: VAlign, renderer r: Renderer) throws {
        self.markup = markup; self.font = font; self.color = color; self.at = at; self.rotation = rotation
        self.hAlign = hAlign; self.vAlign = vAlign
        let m = try r.measure(markup: markup, font: font)
        bbox = textPlacement(m, at: at, rotation: rotation, hAlign: hAlign, vAlign: vAlign).bbox
    }

    func draw(_ r: Renderer) throws {
        let what = kind == .tickLabel ? "tick label" : kind == .axisLabel ? "axis label" : "title"
        try r.inPart(DrawnPart(kind, "\(what) “\(DrawnPart.plain(markup))”")) {
            try r.drawText(markup: markup, font: font, color: color, at: at, rotation: rotation, hAlign: hAlign, vAlign: vAlign)
        }
    }
}

/// Spines, ticks and labels of an axes, computed for its current page rectangle.
struct AxesDecorations {
    var ticks = Path()
    var minorTicks = Path()
    var spines = Path()
    var texts: [PlacedText] = []
    var tickStroke: Stroke
    var minorTickStroke: Stroke
    var spineStroke: Stroke

    /// Union of everything drawn (for tight layout).
    var bounds: Rect? {
        var r: Rect? = nil
        for t in texts { r = r.map { $0.union(t.bbox) } ?? t.bbox }
        for p in [ticks, minorTicks, spines] {
            for e in p.elements {
                switch e {
                case .move(let a), .line(let a):
                    let pr = Rect(x: a.x, y: a.y, width: 0, height: 0)
                    r = r.map { $0.union(pr) } ?? pr
                default: break
                }
            }
        }
        return r
    }
}

extension Axes {
    /// The tick sets for the current page rectangle.
    public func tickSets() -> (x: Axis.TickSet, y: Axis.TickSet) {
        (xAxis.tickSet(length: pageRect.width, fontSize: xAxis.tickLabelSize ?? style.fontSize),
         yAxis.tickSet(length: pageRect.height, fontSize: yAxis.tickLabelSize ?? style.fontSize))
    }

    func decorations(_ r: Renderer) throws -> AxesDecorations {
        var d = AxesDecorations(tickStroke: Stroke(color: style.axisColor, width: style.tickWidth),
                                minorTickStroke: Stroke(color: style.axisColor, width: style.minorTickWidth),
                                spineStroke: Stroke(color: style.axisColor, width: style.axisLineWidth, cap: .square))
        if axisOff { return d }
        let rect = pageRect
        if spines.left { d.spines.move(to: Point(rect.minX, rect.minY)); d.spines.line(to: Point(rect.minX, rect.maxY)) }
        if spines.bottom { d.spines.move(to: Point(rect.minX, rect.maxY)); d.spines.line(to: Point(rect.maxX, rect.maxY)) }
        if spines.right { d.spines.move(to: Point(rect.maxX, rect.minY)); d.spines.line(to: Point(rect.maxX, rect.maxY)) }
        if spines.top { d.spines.move(to: Point(rect.minX, rect.minY)); d.spines.line(to: Point(rect.maxX, rect.minY)) }

        let t = transform
        let sets = tickSets()
        var titleTop = rect.minY
        for axis in [xAxis, yAxis] {
            let set = axis.isX ? sets.x : sets.y
            let map = axis.isX ? t.x : t.y
            let side = axis.side
            // Edge coordinate and outward sign (page coordinates).
            let edge: Double, sign: Double
            switch side {
            case .bottom: edge = rect.maxY; sign = 1
            case .top: edge = rect.minY; sign = -1
            case .left: edge = rect.minX; sign = -1
            case .right: edge = rect.maxX; sign = 1
            }
            let horizontal = side == .bottom || side == .top
            func pos(_ v: Double) -> Double {
                let f = map.fraction(v)
                return horizontal ? rect.x + f * rect.width : rect.y + (1 - f) * rect.height
            }
            func tickExtent(_ len: Double) -> (inside: Double, outside: Double) {
                switch axis.tickDirection {
                case .out: return (0, len)
                case .in: return (len, 0)
                case .inOut: return (len / 2, len / 2)
                }
            }
            let major = tickExtent(axis.tickLength ?? style.tickLength)
            let minor = tickExtent((axis.tickLength ?? style.tickLength) * style.minorTickLength / style.tickLength)
            func addTick(_ p: inout Path, _ v: Double, _ ext: (inside: Double, outside: Double)) {
                let c = pos(v)
                let a = edge - sign * ext.inside, b = edge + sign * ext.outside
                if horizontal { p.move(to: Point(c, a)); p.line(to: Point(c, b)) }
                else { p.move(to: Point(a, c)); p.line(to: Point(b, c)) }
            }
            if axis.ticksVisible {
                for v in set.major { addTick(&d.ticks, v, major) }
                for v in set.minor { addTick(&d.minorTicks, v, minor) }
            }
            let out = axis.ticksVisible ? max(major.outside, set.minor.isEmpty ? 0 : minor.outside) : 0
            let labelEdge = edge + sign * (out + style.tickPad)
            var outer = edge + sign * out   // farthest extent of tick labels
            if axis.tickLabelsVisible {
                let font = style.font(size: axis.tickLabelSize)
                let rot = axis.tickLabelRotation
                var items: [(Double, String)] = zip(set.major, set.majorLabels).map { ($0, $1) }
                if axis.minorTickLabelsVisible { items += zip(set.minor, set.minorLabels).map { ($0, $1) } }
                for (v, s) in items where !s.isEmpty {
                    let c = pos(v)
                    let item: PlacedText
                    switch side {
                    case .bottom:
                        item = try PlacedText(s, font: font, color: style.textColor, at: Point(c, labelEdge), rotation: rot,
                                              hAlign: rot == 0 ? .center : (rot > 0 ? .right : .left), vAlign: .top, renderer: r)
                    case .top:
                        item = try PlacedText(s, font: font, color: style.textColor, at: Point(c, labelEdge), rotation: rot,
                                              hAlign: rot == 0 ? .center : (rot > 0 ? .left : .right), vAlign: .bottom, renderer: r)
                    case .left:
                        item = try PlacedText(s, font: font, color: style.textColor, at: Point(labelEdge, c), rotation: rot,
                                              hAlign: .right, vAlign: .center, renderer: r)
                    case .right:
                        item = try PlacedText(s, font: font, color: style.textColor, at: Point(labelEdge, c), rotation: rot,
                                              hAlign: .left, vAlign: .center, renderer: r)
                    }
                    d.texts.append(item)
                    switch side {
                    case .bottom: outer = max(outer, item.bbox.maxY)
                    case .top: outer = min(outer, item.bbox.minY)
                    case .left: outer = min(outer, item.bbox.minX)
                    case .right: outer = max(outer, item.bbox.maxX)
                    }
                }
            }
            if side == .top { titleTop = min(titleTop, outer) }
            if let label = axis.label, !label.isEmpty {
                let font = style.font(size: axis.labelSize)
                let pad = axis.labelPad ?? style.labelPad
                let color = axis.labelColor ?? style.textColor
                let f = axis.labelPosition
                var item: PlacedText
                switch side {
                case .bottom:
                    item = try PlacedText(label, font: font, color: color, at: Point(rect.x + f * rect.width, outer + pad),
                                          hAlign: .center, vAlign: .top, renderer: r)
                case .top:
                    item = try PlacedText(label, font: font, color: color, at: Point(rect.x + f * rect.width, outer - pad),
                                          hAlign: .center, vAlign: .bottom, renderer: r)
                    titleTop = min(titleTop, item.bbox.minY)
                case .left:
                    item = try PlacedText(label, font: font, color: color, at: Point(outer - pad, rect.y + (1 - f) * rect.height),
                                          rotation: 90, hAlign: .right, vAlign: .center, renderer: r)
                case .right:
                    item = try PlacedText(label, font: font, color: color, at: Point(outer + pad, rect.y + (1 - f) * rect.height),
                                          rotation: 90, hAlign: .left, vAlign: .center, renderer: r)
                }
                item.kind = .axisLabel
                d.texts.append(item)
            }
        }
        if let title, !title.isEmpty {
            let x: Double
            switch titleAlign { case .left: x = rect.minX; case .center: x = rect.midX; case .right: x = rect.maxX }
            var item = try PlacedText(title, font: style.font(size: titleSize, bold: titleBold), color: style.textColor,
                                      at: Point(x, titleTop - style.titlePad), hAlign: titleAlign, vAlign: .bottom, renderer: r)
            item.kind = .title
            d.texts.append(item)
        }
        return d
    }

    /// Everything this axes draws, on the page (for tight layout).
    func tightBounds(_ r: Renderer) throws -> Rect {
        try placeTexts(r)
        var b = pageRect
        if let db = try decorations(r).bounds { b = b.union(db) }
        let t = transform
        for a in artists {
            if let tl = a as? TextLabel, !tl.clipOn, let bb = try tl.bbox(t, r, style) { b = b.union(bb) }
        }
        for l in legends { b = b.union(try l.layout(axes: self, r).box) }
        return b
    }

    func draw(_ r: Renderer) throws {
        try placeTexts(r)
        let ctx = DrawContext(renderer: r, transform: transform, style: style)
        if let bg = background { r.draw(.rect(pageRect), fill: bg, stroke: nil) }
        let deco = try decorations(r)
        let sorted = artists.enumerated().sorted { ($0.element.zOrder, $0.offset) < ($1.element.zOrder, $1.offset) }.map(\.element)
        func drawArtists(_ range: Range<Double>) throws {
            for a in sorted where range.contains(a.zOrder) {
                if a.clipOn { r.save(); r.clip(to: pageRect) }
                try r.inPart(partOf(a)) { try a.draw(ctx) }
                if a.clipOn { r.restore() }
            }
        }
        try drawArtists(-Double.infinity..<1.5)
        r.inPart(DrawnPart(.decoration, "ticks")) {
            r.draw(deco.minorTicks, fill: nil, stroke: deco.minorTickStroke)
            r.draw(deco.ticks, fill: nil, stroke: deco.tickStroke)
        }
        try drawArtists(1.5..<2.5)
        r.inPart(DrawnPart(.decoration, "spines")) { r.draw(deco.spines, fill: nil, stroke: deco.spineStroke) }
        for t in deco.texts { try t.draw(r) }
        try drawArtists(2.5..<Double.infinity)
        for l in legends { try l.draw(axes: self, r) }
    }
}

extension Axes {
    /// "axes 2 “SNR”": index in its figure and its y (else x) label or title.
    func partName(_ index: Int) -> String {
        let label = [yAxis.label, xAxis.label, title].compactMap { $0 }.first { !$0.isEmpty }
        return "axes \(index)" + (label.map { " “\(DrawnPart.plain($0))”" } ?? "")
    }

    /// What an artist is for the layout audit: text and arrows annotate, the rest is data.
    func partOf(_ a: Artist) -> DrawnPart {
        if let t = a as? TextLabel {
            return DrawnPart(.text, "text “\(DrawnPart.plain(t.markup))”", within: t.coordinates == .data ? pageRect : nil)
        }
        if a is Arrow { return DrawnPart(.text, "arrow") }
        let index = artists.firstIndex { $0 === a } ?? 0
        let label = (a.label ?? "").isEmpty ? "" : " “\(DrawnPart.plain(a.label!))”"
        return DrawnPart(.artist, "\(type(of: a)) \(index)\(label)")
    }
}
