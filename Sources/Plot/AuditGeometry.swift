import Foundation

// Geometry the layout audit and the "best" legend placement share: flattened paths,
// segment lengths inside boxes, distances between (possibly rotated) text boxes.

extension Rect {
    /// The overlap of two rectangles (nil when they do not overlap).
    func intersection(_ o: Rect) -> Rect? {
        let x0 = max(minX, o.minX), y0 = max(minY, o.minY), x1 = min(maxX, o.maxX), y1 = min(maxY, o.maxY)
        return x1 > x0 && y1 > y0 ? Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0) : nil
    }
    func insetBy(_ d: Double) -> Rect { Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
    var area: Double { max(width, 0) * max(height, 0) }
    var corners: [Point] { [Point(minX, minY), Point(maxX, minY), Point(maxX, maxY), Point(minX, maxY)] }
    /// How far the rectangle reaches beyond `outer` on each side (positive = beyond).
    func overhang(beyond outer: Rect) -> (left: Double, right: Double, top: Double, bottom: Double) {
        (outer.minX - minX, maxX - outer.maxX, outer.minY - minY, maxY - outer.maxY)
    }
    /// Bounding box of points (nil when empty).
    static func bounding(_ pts: [Point]) -> Rect? {
        guard let f = pts.first else { return nil }
        var x0 = f.x, x1 = f.x, y0 = f.y, y1 = f.y
        for p in pts { x0 = min(x0, p.x); x1 = max(x1, p.x); y0 = min(y0, p.y); y1 = max(y1, p.y) }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}

extension Path {
    /// Sub-paths as polylines (a curve contributes its control points, enough for boxes and
    /// for the coarse coverage measures here).
    var polylines: [[Point]] {
        var out: [[Point]] = [], cur: [Point] = []
        for e in elements {
            switch e {
            case .move(let p):
                if cur.count > 0 { out.append(cur) }
                cur = [p]
            case .line(let p): cur.append(p)
            case .curve(let a, let b, let p): cur += [a, b, p]
            case .close: if let f = cur.first { cur.append(f) }
            }
        }
        if cur.count > 0 { out.append(cur) }
        return out
    }
    var boundingBox: Rect? { Rect.bounding(polylines.flatMap { $0 }) }
}

/// Length of the segment a–b inside `r` (Liang–Barsky clipping).
func lengthInside(_ a: Point, _ b: Point, _ r: Rect) -> Double {
    let dx = b.x - a.x, dy = b.y - a.y
    var t0 = 0.0, t1 = 1.0
    for (p, q) in [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)] {
        if p == 0 { if q < 0 { return 0 } else { continue } }
        let t = q / p
        if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
        if t0 > t1 { return 0 }
    }
    return (t1 - t0) * (dx * dx + dy * dy).squareRoot()
}

/// A convex quadrilateral on the page (a text box, rotated with its text).
struct Quad {
    var corners: [Point]

    var bbox: Rect { Rect.bounding(corners)! }

    /// Gap between two convex polygons along the best separating axis: positive = that
    /// far apart (a lower bound of the distance), negative = overlapping by that depth.
    func separation(from o: Quad) -> Double {
        var best = -Double.infinity
        for poly in [corners, o.corners] {
            for i in poly.indices {
                let a = poly[i], b = poly[(i + 1) % poly.count]
                var nx = b.y - a.y, ny = a.x - b.x
                let len = (nx * nx + ny * ny).squareRoot()
                guard len > 1e-12 else { continue }
                nx /= len; ny /= len
                let p = corners.map { $0.x * nx + $0.y * ny }, q = o.corners.map { $0.x * nx + $0.y * ny }
                best = max(best, max(q.min()! - p.max()!, p.min()! - q.max()!))
            }
        }
        return best
    }
}

/// Length of the segment a–b inside a convex polygon (Cyrus–Beck clipping).
func lengthInside(_ a: Point, _ b: Point, _ poly: [Point]) -> Double {
    guard poly.count >= 3 else { return 0 }
    // Orientation of the polygon decides which side of each edge is inside.
    var area = 0.0
    for i in poly.indices { let p = poly[i], q = poly[(i + 1) % poly.count]; area += p.x * q.y - q.x * p.y }
    let sign = area >= 0 ? 1.0 : -1.0
    let dx = b.x - a.x, dy = b.y - a.y
    var t0 = 0.0, t1 = 1.0
    for i in poly.indices {
        let p = poly[i], q = poly[(i + 1) % poly.count]
        // Inward normal of edge p→q.
        let nx = -(q.y - p.y) * sign, ny = (q.x - p.x) * sign
        let num = nx * (a.x - p.x) + ny * (a.y - p.y), den = nx * dx + ny * dy
        if den == 0 { if num < 0 { return 0 } else { continue } }
        let t = -num / den
        if den > 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
        if t0 > t1 { return 0 }
    }
    return (t1 - t0) * (dx * dx + dy * dy).squareRoot()
}

extension Quad {
    /// Whether the quadrilateral is an axis-aligned rectangle (unrotated text).
    var isAxisAligned: Bool {
        let b = bbox
        return corners.allSatisfy { (abs($0.x - b.minX) < 1e-9 || abs($0.x - b.maxX) < 1e-9)
            && (abs($0.y - b.minY) < 1e-9 || abs($0.y - b.maxY) < 1e-9) }
    }
    func contains(_ p: Point) -> Bool {
        var pos = false, neg = false
        for i in corners.indices {
            let a = corners[i], b = corners[(i + 1) % corners.count]
            let c = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
            if c > 0 { pos = true } else if c < 0 { neg = true }
        }
        return !(pos && neg)
    }
}
