import Foundation

/// Maps data values along one axis to a fraction of the axes (0 at the start of the view
/// interval, 1 at its end).
public struct AxisMap: Sendable {
    public let scale: Scale
    public let lo: Double
    public let hi: Double
    private let t0: Double, t1: Double

    public init(scale: Scale, lo: Double, hi: Double) {
        self.scale = scale; self.lo = lo; self.hi = hi
        t0 = scale.forward(lo); t1 = scale.forward(hi)
    }

    /// Axes fraction of a value; NaN when the value is NaN or not positive on a log axis
    /// (masked, like matplotlib's masked arrays: such points are not drawn).
    @inline(__always) public func fraction(_ v: Double) -> Double {
        (scale.forward(v) - t0) / (t1 - t0)
    }

    /// Axes fraction where non-positive values on a log axis are clipped far below the view
    /// (matplotlib's nonpositive="clip"), used for bars, spans and filled areas whose
    /// baseline is 0.
    @inline(__always) public func fractionClipped(_ v: Double) -> Double {
        if scale == .log, v <= 0 { return (t1 > t0 ? -1 : 1) * 100 }
        return fraction(v)
    }

    /// Data value at an axes fraction.
    public func value(atFraction f: Double) -> Double { scale.inverse(t0 + f * (t1 - t0)) }

    /// Is v inside the view interval (with a relative tolerance)?
    public func contains(_ v: Double, tolerance: Double = 1e-9) -> Bool {
        let f = fraction(v)
        return f.isFinite && f >= -tolerance && f <= 1 + tolerance
    }
}

/// Data -> axes -> page transform of one axes.
public struct AxesTransform: Sendable {
    /// Axes rectangle on the page (points, y down).
    public let rect: Rect
    public let x: AxisMap
    public let y: AxisMap

    public init(rect: Rect, x: AxisMap, y: AxisMap) { self.rect = rect; self.x = x; self.y = y }

    /// Page point of axes fractions (0,0 bottom-left, 1,1 top-right).
    @inline(__always) public func page(axesX fx: Double, axesY fy: Double) -> Point {
        Point(rect.x + fx * rect.width, rect.y + (1 - fy) * rect.height)
    }
    /// Page point of a data point; coordinates are NaN where masked.
    @inline(__always) public func page(_ vx: Double, _ vy: Double) -> Point {
        page(axesX: x.fraction(vx), axesY: y.fraction(vy))
    }
    public func pageX(_ v: Double) -> Double { rect.x + x.fraction(v) * rect.width }
    public func pageY(_ v: Double) -> Double { rect.y + (1 - y.fraction(v)) * rect.height }
}

extension Point {
    var isFinite: Bool { x.isFinite && y.isFinite }
}

/// Split a polyline at non-finite points into runs of finite points.
func finiteRuns(_ pts: [Point]) -> [[Point]] {
    var runs: [[Point]] = []
    var cur: [Point] = []
    for p in pts {
        if p.isFinite { cur.append(p) } else if !cur.isEmpty { runs.append(cur); cur = [] }
    }
    if !cur.isEmpty { runs.append(cur) }
    return runs
}
