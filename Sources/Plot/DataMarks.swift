import Foundation

/// The data of a drawing as the layout audit sees it: stroked lines (with their clip) and
/// markers, each with the artist that drew it. Filled areas (bars, bands, spans) are left
/// out: a label naming a shaded region is expected to sit on it. A marker weighs its
/// opacity: a label may touch less than one opaque marker's worth of a faint cloud.
struct DataMarks {
    struct StrokeMark { var owner: String; var polylines: [[Point]]; var clip: Rect? }
    struct MarkerMark { var owner: String; var box: Rect; var weight: Double }
    var strokes: [StrokeMark] = []
    var markers: [MarkerMark] = []

    /// The data marks among what `rec` recorded (artists, not legend handles).
    init(_ rec: AuditRenderer) {
        for p in rec.paths where p.parts.contains(.artist) && !p.parts.contains(.legend) {
            let upToArtist = p.parts.prefix { $0.part.kind != .artist } + [p.parts.innermost(.artist)!]
            let owner = Array(upToArtist).readable
            if p.parts.contains(.marker) {
                let alpha = max(p.fill?.a ?? 0, p.stroke?.color.a ?? 0)
                if let b = p.visibleBox, b.area > 0 { markers.append(MarkerMark(owner: owner, box: b, weight: alpha)) }
            } else if p.stroke != nil {
                strokes.append(StrokeMark(owner: owner, polylines: p.polylines, clip: p.clip))
            }
        }
    }

    /// How much data a box covers: length of lines inside it and markers (more than a
    /// quarter of the marker inside), in total and per artist.
    struct Coverage {
        var length = 0.0
        var markers = 0
        /// Markers weighted by opacity.
        var markerWeight = 0.0
        var byOwner: [(owner: String, length: Double, markers: Int)] = []
    }

    /// Coverage by a rotated text box: lines clipped to the quadrilateral, markers whose
    /// centre lies inside it.
    func coverage(of quad: Quad) -> Coverage {
        if quad.isAxisAligned { return coverage(of: quad.bbox) }
        let box = quad.bbox
        var c = Coverage()
        var order: [String] = [], lengths: [String: Double] = [:], counts: [String: Int] = [:]
        for s in strokes {
            if let clip = s.clip, clip.intersection(box) == nil { continue }
            var len = 0.0
            for line in s.polylines where line.count > 1 {
                for i in 1..<line.count {
                    var a = line[i - 1], b = line[i]
                    if let clip = s.clip {   // the visible part only
                        let full = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
                        guard full > 0, lengthInside(a, b, clip) > 0 else { continue }
                        (a, b) = clipSegment(a, b, clip)
                    }
                    len += lengthInside(a, b, quad.corners)
                }
            }
            if len > 0 {
                if lengths[s.owner] == nil && counts[s.owner] == nil { order.append(s.owner) }
                lengths[s.owner, default: 0] += len; c.length += len
            }
        }
        for m in markers where quad.contains(Point(m.box.midX, m.box.midY)) {
            if lengths[m.owner] == nil && counts[m.owner] == nil { order.append(m.owner) }
            counts[m.owner, default: 0] += 1; c.markers += 1; c.markerWeight += m.weight
        }
        c.byOwner = order.map { ($0, lengths[$0] ?? 0, counts[$0] ?? 0) }
        return c
    }

    /// Within tolerance: at most `length` points of line, less than one opaque marker.
    func isClear(_ c: Coverage, length: Double = 2) -> Bool { c.length <= length && c.markerWeight < 1 }

    func coverage(of box: Rect) -> Coverage {
        var c = Coverage()
        var order: [String] = [], lengths: [String: Double] = [:], counts: [String: Int] = [:]
        func note(_ owner: String) { if lengths[owner] == nil && counts[owner] == nil { order.append(owner) } }
        for s in strokes {
            guard let region = s.clip.map({ $0.intersection(box) }) ?? box else { continue }
            var len = 0.0
            for line in s.polylines where line.count > 1 {
                for i in 1..<line.count { len += lengthInside(line[i - 1], line[i], region) }
            }
            if len > 0 { note(s.owner); lengths[s.owner, default: 0] += len; c.length += len }
        }
        for m in markers {
            if let o = m.box.intersection(box), o.area > 0.25 * m.box.area {
                note(m.owner); counts[m.owner, default: 0] += 1; c.markers += 1; c.markerWeight += m.weight
            }
        }
        c.byOwner = order.map { ($0, lengths[$0] ?? 0, counts[$0] ?? 0) }
        return c
    }
}

/// The part of segment a–b inside `r` (assumes it meets `r`).
func clipSegment(_ a: Point, _ b: Point, _ r: Rect) -> (Point, Point) {
    let dx = b.x - a.x, dy = b.y - a.y
    var t0 = 0.0, t1 = 1.0
    for (p, q) in [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)] where p != 0 {
        let t = q / p
        if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
    }
    return (Point(a.x + t0 * dx, a.y + t0 * dy), Point(a.x + t1 * dx, a.y + t1 * dy))
}
