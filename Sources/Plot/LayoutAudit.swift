import Foundation

/// One layout defect found by `Figure.audit()`: what (the artist, named by the parts that
/// drew it), where (its box, page points, y down) and what it collides with.
public struct LayoutFinding: Sendable, CustomStringConvertible {
    public enum Rule: String, Sendable {
        /// A text, marker or legend reaches beyond the page (it would be cut off).
        case outsidePage = "outside the page"
        /// A text, marker or legend of a panel reaches beyond that panel on a composed page
        /// (the panel saved on its own would cut it off).
        case outsidePanel = "outside its panel"
        /// A text anchored in data coordinates lies outside its axes.
        case outsideAxes = "outside its axes"
        /// Two texts overlap or come closer than the minimum gap.
        case textsTouch = "texts touch"
        /// A legend box overlaps a text or another legend.
        case legendOverlap = "legend overlaps"
        /// A text or legend box covers plotted lines or markers.
        case coversData = "covers data"
    }
    public var rule: Rule
    public var artist: String
    public var box: Rect
    public var other: String
    public var otherBox: Rect?
    public var detail: String

    public var description: String {
        var s = "\(rule.rawValue): \(artist) \(box)"
        if !other.isEmpty { s += " — \(other)" + (otherBox.map { " \($0)" } ?? "") }
        if !detail.isEmpty { s += " (\(detail))" }
        return s
    }
}

/// Tolerances of the layout audit (points).
public struct LayoutAuditOptions: Sendable {
    /// How far ink may reach beyond the page or panel (anti-aliasing, rounding).
    public var pageTolerance = 0.25
    /// Minimum gap between the ink of two texts.
    public var textGap = 0.3
    /// Minimum gap between a panel letter and any other text.
    public var panelLetterGap = 1.0
    /// Length of plotted line a text or legend box may cover (and less than one opaque
    /// marker: markers weigh their opacity).
    public var coveredLength = 2.0
    public init() {}
}

extension Figure {
    /// Check the layout as drawn (no pixels): every text, marker and legend lies inside the
    /// page (and inside its panel on a composed page); texts anchored in data lie inside
    /// their axes; no two texts touch (tick labels included); no legend overlaps a text or
    /// another legend; no text or legend box covers plotted lines or markers beyond
    /// `coveredLength`; panel letters keep `panelLetterGap` from every text.
    public func audit(_ options: LayoutAuditOptions = LayoutAuditOptions()) throws -> [LayoutFinding] {
        try CairoOutput.withMeasuringRenderer { measurer in
            let rec = AuditRenderer(measuringWith: measurer)
            try draw(rec)
            return LayoutAuditor(rec, page: Rect(x: 0, y: 0, width: width, height: height), options: options).findings()
        }
    }
}

/// The checks of `Figure.audit` over one recorded drawing.
struct LayoutAuditor {
    let rec: AuditRenderer
    let page: Rect
    let o: LayoutAuditOptions
    let data: DataMarks

    init(_ rec: AuditRenderer, page: Rect, options: LayoutAuditOptions) {
        self.rec = rec; self.page = page; o = options; data = DataMarks(rec)
    }

    /// Something placed on the page that must stay inside it.
    struct Placed { var name: String; var box: Rect; var parts: [AuditRenderer.PartRef] }

    var legends: [Placed] {
        rec.allParts.compactMap { e in
            guard e.part.part.kind == .legend, let b = e.part.part.box else { return nil }
            return Placed(name: (e.parts + [e.part]).readable, box: b, parts: e.parts + [e.part])
        }
    }

    func findings() -> [LayoutFinding] {
        var out: [LayoutFinding] = []
        let texts = rec.texts
        let markers = rec.paths.filter { $0.parts.contains(.marker) && !$0.parts.contains(.legend) }
        var placed = texts.map { Placed(name: $0.parts.readable, box: $0.quad.bbox, parts: $0.parts) }
        placed += markers.compactMap { m in m.visibleBox.map { Placed(name: m.parts.readable, box: $0, parts: m.parts) } }
        placed += legends

        // Inside the page, inside the panel, texts in data coordinates inside their axes.
        for p in placed {
            if let d = beyond(p.box, page) {
                out.append(LayoutFinding(rule: .outsidePage, artist: p.name, box: p.box, other: "page", otherBox: page, detail: d))
            }
            if let panel = p.parts.innermost(.panel), let frame = panel.part.within, let d = beyond(p.box, frame) {
                out.append(LayoutFinding(rule: .outsidePanel, artist: p.name, box: p.box, other: panel.part.name,
                                         otherBox: frame, detail: d))
            }
            if let t = p.parts.innermost(.text), let axes = t.part.within, let d = beyond(p.box, axes) {
                out.append(LayoutFinding(rule: .outsideAxes, artist: p.name, box: p.box, other: "axes", otherBox: axes, detail: d))
            }
        }

        // Texts against texts.
        for i in texts.indices {
            for j in texts.indices where j > i {
                let a = texts[i], b = texts[j]
                let letters = a.parts.contains(.panelLetter) || b.parts.contains(.panelLetter)
                let gap = letters ? o.panelLetterGap : o.textGap
                let ab = a.quad.bbox, bb = b.quad.bbox
                guard ab.minX - gap < bb.maxX, bb.minX - gap < ab.maxX, ab.minY - gap < bb.maxY, bb.minY - gap < ab.maxY else { continue }
                let sep = a.quad.separation(from: b.quad)
                if sep < gap {
                    let d = sep < 0 ? String(format: "overlap %.2f pt", -sep) : String(format: "%.2f pt apart, need %.2f", sep, gap)
                    out.append(LayoutFinding(rule: .textsTouch, artist: a.parts.readable, box: ab, other: b.parts.readable,
                                             otherBox: bb, detail: d))
                }
            }
        }

        // Legends against texts outside them and against each other.
        let legendList = legends
        for (k, l) in legendList.enumerated() {
            let id = l.parts.last!.id
            let lq = Quad(corners: l.box.corners)
            for t in texts where !t.parts.contains(where: { $0.id == id }) {
                let sep = lq.separation(from: t.quad)
                if sep < 0 {
                    out.append(LayoutFinding(rule: .legendOverlap, artist: l.name, box: l.box, other: t.parts.readable,
                                             otherBox: t.quad.bbox, detail: String(format: "overlap %.2f pt", -sep)))
                }
            }
            for m in legendList.dropFirst(k + 1) where l.box.intersection(m.box) != nil {
                out.append(LayoutFinding(rule: .legendOverlap, artist: l.name, box: l.box, other: m.name, otherBox: m.box, detail: ""))
            }
        }

        // Texts (rotated with their glyphs) and legend boxes covering plotted data.
        var covers: [(Placed, Quad)] = texts.filter { !$0.parts.contains(.legend) }.map {
            (Placed(name: $0.parts.readable, box: $0.quad.bbox, parts: $0.parts), $0.quad)
        }
        covers += legendList.map { ($0, Quad(corners: $0.box.corners)) }
        for (c, quad) in covers {
            let cov = data.coverage(of: quad)
            guard !data.isClear(cov, length: o.coveredLength) else { continue }
            for w in cov.byOwner {
                var what: [String] = []
                if w.length > 0 { what.append(String(format: "%.1f pt of line", w.length)) }
                if w.markers > 0 { what.append("\(w.markers) marker\(w.markers == 1 ? "" : "s")") }
                out.append(LayoutFinding(rule: .coversData, artist: c.name, box: c.box, other: w.owner, otherBox: nil,
                                         detail: what.joined(separator: ", ")))
            }
        }
        return out
    }

    /// How `box` reaches beyond `outer` ("2.1 pt beyond the right edge"), nil when inside.
    func beyond(_ box: Rect, _ outer: Rect) -> String? {
        let h = box.overhang(beyond: outer)
        let sides = [("left", h.left), ("right", h.right), ("top", h.top), ("bottom", h.bottom)]
            .filter { $0.1 > o.pageTolerance }
        guard !sides.isEmpty else { return nil }
        return sides.map { String(format: "%.1f pt beyond the ", $0.1) + $0.0 + " edge" }.joined(separator: ", ")
    }
}
