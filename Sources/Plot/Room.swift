import Foundation

// Finding room for legends and labels: the data an axes draws, recorded through the
// audit renderer, tells which candidate place covers the fewest lines and markers.

extension Axes {
    /// Lines and markers of this axes' data artists as drawn for the current layout.
    func dataMarks(_ r: Renderer) throws -> DataMarks {
        let rec = AuditRenderer(measuringWith: r)
        let ctx = DrawContext(renderer: rec, transform: transform, style: style)
        for a in artists where !(a is TextLabel) && !(a is Arrow) {
            if a.clipOn { rec.save(); rec.clip(to: pageRect) }
            try rec.inPart(partOf(a)) { try a.draw(ctx) }
            if a.clipOn { rec.restore() }
        }
        return DataMarks(rec)
    }

    /// How much data a box covers, as one number: points of line plus a marker's worth
    /// (5 pt) per marker.
    static func badness(_ c: DataMarks.Coverage) -> Double { c.length + 5 * c.markerWeight }

    /// Page boxes of the text artists placed at a fixed point (no alternatives).
    func fixedTextBoxes(_ r: Renderer) throws -> [Rect] {
        let t = transform
        return try artists.compactMap { a -> Rect? in
            guard let tl = a as? TextLabel, tl.alternatives.isEmpty else { return nil }
            return try tl.bbox(t, r, style)
        }
    }

    /// Move each text artist that has alternatives to the first of its places (its own
    /// point, then the alternatives in order) that covers no data (within 2 pt of line),
    /// stays inside the axes and overlaps no legend or other text; when none is free, to
    /// the place covering the least.
    func placeTexts(_ r: Renderer) throws {
        let labels = artists.compactMap { $0 as? TextLabel }
        for tl in labels { tl.chosen = nil }
        let movable = labels.filter { !$0.alternatives.isEmpty }
        guard !movable.isEmpty else { return }
        let marks = try dataMarks(r)
        var obstacles = try fixedTextBoxes(r) + legends.map { try $0.layout(axes: self, r).box }
        let t = transform
        for tl in movable {
            var best: (score: Double, at: (Double, Double))? = nil
            for at in [(tl.x, tl.y)] + tl.alternatives {
                tl.chosen = at
                let p = tl.anchor(t)
                guard p.isFinite else { continue }
                let quad = inkQuad(try r.measure(markup: tl.markup, font: tl.font(style)), at: p, rotation: tl.rotation,
                                   hAlign: tl.hAlign, vAlign: tl.vAlign)
                let b = quad.bbox
                let cov = marks.coverage(of: quad)
                var score = marks.isClear(cov) ? 0 : Axes.badness(cov)
                score += 1000 * Double(obstacles.filter { $0.intersects(b) }.count)
                if b.intersection(pageRect.insetBy(-0.25))?.area ?? 0 < b.area - 1e-9 { score += 100 }
                if best == nil || score < best!.score { best = (score, at) }
                if score == 0 { break }
            }
            tl.chosen = best?.at
            if let b = try tl.bbox(t, r, style) { obstacles.append(b) }
        }
    }
}

extension Axes {
    /// Raise the upper y limit, a tenth of the view at a time (log axes: a tenth of the
    /// decades), until no legend and no text with alternatives covers data (within the
    /// audit's tolerance) or the limit would pass `maxTop`: headroom for notes and legends
    /// when the data leave none. Returns whether they are clear; needs the axes to belong
    /// to a figure.
    @discardableResult
    public func raiseTopForRoom(maxTop: Double) throws -> Bool {
        let movable = artists.compactMap { $0 as? TextLabel }.filter { !$0.alternatives.isEmpty }
        guard let fig = figure, !legends.isEmpty || !movable.isEmpty else { return true }
        for _ in 0..<60 {
            let clear = try CairoOutput.withMeasuringRenderer { r -> Bool in
                try fig.layout(r, origin: Point(0, 0))
                try placeTexts(r)
                let marks = try dataMarks(r), t = transform
                let legendsClear = try legends.allSatisfy { l in
                    marks.isClear(marks.coverage(of: try l.layout(axes: self, r).box))
                }
                let textsClear = try movable.allSatisfy { tl in
                    let p = tl.anchor(t)
                    guard p.isFinite else { return true }
                    let quad = inkQuad(try r.measure(markup: tl.markup, font: tl.font(style)), at: p,
                                       rotation: tl.rotation, hAlign: tl.hAlign, vAlign: tl.vAlign)
                    return marks.isClear(marks.coverage(of: quad))
                }
                return legendsClear && textsClear
            }
            if clear { return true }
            let (lo, hi) = yLimits
            let next = yAxis.scale == .log ? hi * Foundation.pow(hi / lo, 0.1) : hi + 0.1 * (hi - lo)
            guard next <= maxTop else { return false }
            setYLim(lo, next)
        }
        return false
    }
}
