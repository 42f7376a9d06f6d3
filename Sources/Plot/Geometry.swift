import Foundation

/// Points per centimetre (1 pt = 1/72 inch).
public let pointsPerCm: Double = 72.0 / 2.54

/// A point on the page, in points; page y grows downwards.
public struct Point: Equatable, Sendable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// An axis-aligned rectangle. On the page (points, y down) `y` is the top edge;
/// in figure fractions (y up) it is the bottom edge.
public struct Rect: Equatable, Sendable, CustomStringConvertible {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var minX: Double { x }
    public var maxX: Double { x + width }
    public var minY: Double { y }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }
    public func union(_ o: Rect) -> Rect {
        let x0 = min(minX, o.minX), y0 = min(minY, o.minY)
        return Rect(x: x0, y: y0, width: max(maxX, o.maxX) - x0, height: max(maxY, o.maxY) - y0)
    }
    public func intersects(_ o: Rect) -> Bool {
        minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY
    }
    public func contains(_ p: Point) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }
    public var description: String {
        String(format: "Rect(x: %.3f, y: %.3f, w: %.3f, h: %.3f)", x, y, width, height)
    }
}

/// A vector path in page coordinates.
public struct Path: Sendable {
    public enum Element: Sendable {
        case move(Point)
        case line(Point)
        case curve(Point, Point, Point)
        case close
    }
    public private(set) var elements: [Element] = []
    public init() {}

    public mutating func move(to p: Point) { elements.append(.move(p)) }
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    public mutating func curve(to p: Point, c1: Point, c2: Point) { elements.append(.curve(c1, c2, p)) }
    public mutating func close() { elements.append(.close) }
    public var isEmpty: Bool { elements.isEmpty }

    public mutating func addRect(_ r: Rect) {
        move(to: Point(r.minX, r.minY)); line(to: Point(r.maxX, r.minY))
        line(to: Point(r.maxX, r.maxY)); line(to: Point(r.minX, r.maxY)); close()
    }
    /// A circle made of four cubic Béziers.
    public mutating func addCircle(center c: Point, radius r: Double) {
        let k = 0.5522847498307936 * r
        move(to: Point(c.x + r, c.y))
        curve(to: Point(c.x, c.y + r), c1: Point(c.x + r, c.y + k), c2: Point(c.x + k, c.y + r))
        curve(to: Point(c.x - r, c.y), c1: Point(c.x - k, c.y + r), c2: Point(c.x - r, c.y + k))
        curve(to: Point(c.x, c.y - r), c1: Point(c.x - r, c.y - k), c2: Point(c.x - k, c.y - r))
        curve(to: Point(c.x + r, c.y), c1: Point(c.x + k, c.y - r), c2: Point(c.x + r, c.y - k))
        close()
    }
    public mutating func addPolyline(_ pts: [Point], closed: Bool = false) {
        guard let f = pts.first else { return }
        move(to: f)
        for p in pts.dropFirst() { line(to: p) }
        if closed { close() }
    }
    public static func rect(_ r: Rect) -> Path { var p = Path(); p.addRect(r); return p }
    public static func polyline(_ pts: [Point], closed: Bool = false) -> Path {
        var p = Path(); p.addPolyline(pts, closed: closed); return p
    }
    public static func segment(_ a: Point, _ b: Point) -> Path { polyline([a, b]) }
}
