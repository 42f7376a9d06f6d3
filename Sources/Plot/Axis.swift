import Foundation

/// Scale and limits shared by axes that share an axis (`sharex`/`sharey`).
final class AxisShare {
    var scale: Scale = .linear
    var lo: Double?
    var hi: Double?
    var members: [Weak] = []
    struct Weak { weak var axis: Axis? }
}

/// Where an axis draws its ticks and labels.
public enum AxisSide: Sendable { case bottom, top, left, right }

/// Tick direction relative to the axes.
public enum TickDirection: Sendable { case out, `in`, inOut }

/// One axis (x or y) of an axes: scale, limits, ticks, labels.
public final class Axis {
    public let isX: Bool
    var share: AxisShare
    weak var axes: Axes?

    /// Explicit major tick positions (nil = automatic).
    public var ticks: [Double]?
    /// Labels (Pango markup) for explicit ticks; nil = formatted with `format`.
    public var tickLabels: [String]?
    /// Explicit minor ticks (nil = automatic: decades' 2...9 on log axes, none on linear).
    public var minorTicks: [Double]?
    /// Draw automatic minor ticks on log axes.
    public var showMinorTicks = true
    /// Tick label format used when labels are not given.
    public var format: TickFormat = .auto
    /// Upper bound on automatic tick intervals (nil = matplotlib's "auto" from axis length).
    public var maxTickIntervals: Int?
    /// Axis label (Pango markup).
    public var label: String?
    public var labelSize: Double?
    public var labelColor: Color?
    public var tickLabelSize: Double?
    public var tickLabelRotation: Double = 0
    public var tickLabelsVisible = true
    public var ticksVisible = true
    public var minorTickLabelsVisible = true
    public var tickDirection: TickDirection = .out
    public var tickLength: Double?
    public var side: AxisSide
    /// Extra gap (points) between tick labels and axis label; nil = style.
    public var labelPad: Double?
    /// Position of the axis label along the axis, as an axes fraction (default 0.5).
    public var labelPosition: Double = 0.5

    init(isX: Bool) {
        self.isX = isX
        share = AxisShare()
        side = isX ? .bottom : .left
        share.members.append(.init(axis: self))
    }

    /// Scale (shared with axes sharing this axis).
    public var scale: Scale {
        get { share.scale }
        set { share.scale = newValue }
    }

    /// Explicit limits (either side may be nil = automatic). Lower > upper inverts the axis.
    public var limits: (Double?, Double?) {
        get { (share.lo, share.hi) }
        set { share.lo = newValue.0; share.hi = newValue.1 }
    }

    func join(_ other: Axis) {
        share.members.removeAll { $0.axis === self }
        share = other.share
        share.members.append(.init(axis: self))
    }

    /// Artists of every axes sharing this axis.
    private func sharedArtists() -> [Artist] {
        share.members.compactMap { $0.axis?.axes }.flatMap { $0.artists }
    }

    /// Data interval of the artists (finite, positive on log axes) plus sticky values.
    func dataInterval() -> (lo: Double, hi: Double, sticky: [Double])? {
        var lo = Double.infinity, hi = -Double.infinity
        var sticky: [Double] = []
        let log = scale == .log
        for a in sharedArtists() {
            for v in a.dataValues(isX: isX) where v.isFinite && (!log || v > 0) {
                if v < lo { lo = v }
                if v > hi { hi = v }
            }
            sticky += a.stickyValues(isX: isX)
        }
        return lo <= hi ? (lo, hi, sticky) : nil
    }

    /// The view interval: explicit limits, else data with 5% margins (matplotlib).
    public func viewLimits() -> (Double, Double) {
        let margin = 0.05
        var auto: (Double, Double)
        if let d = dataInterval() {
            var lo = d.lo, hi = d.hi
            if scale == .log {
                if lo == hi { lo /= 10; hi *= 10 }
                let a = log10(lo), b = log10(hi), dl = (b - a) * margin
                var nlo = pow(10, a - dl), nhi = pow(10, b + dl)
                for s in d.sticky where s > 0 {
                    if s <= lo && s >= nlo { nlo = s }
                    if s >= hi && s <= nhi { nhi = s }
                }
                auto = (nlo, nhi)
            } else {
                if lo == hi {
                    let e = lo == 0 ? 0.05 : abs(lo) * 0.05
                    lo -= e; hi += e
                }
                let dl = (hi - lo) * margin
                var nlo = lo - dl, nhi = hi + dl
                for s in d.sticky {
                    if s <= lo && s >= nlo { nlo = s }
                    if s >= hi && s <= nhi { nhi = s }
                }
                auto = (nlo, nhi)
            }
        } else {
            auto = scale == .log ? (1, 10) : (0, 1)
        }
        var lo = share.lo ?? auto.0, hi = share.hi ?? auto.1
        if scale == .log {
            if lo <= 0 { lo = hi > 0 ? min(auto.0, hi / 10) : 1 }
            if hi <= 0 { hi = lo * 10 }
        }
        if lo == hi { hi = lo + (scale == .log ? lo * 9 : 1) }
        return (lo, hi)
    }

    /// Major ticks with labels and minor ticks with (mostly empty) labels inside the view.
    public struct TickSet: Sendable {
        public var major: [Double]
        public var majorLabels: [String]
        public var minor: [Double]
        public var minorLabels: [String]
    }

    /// Ticks for an axis of `length` points with labels of `fontSize`.
    public func tickSet(length: Double, fontSize: Double) -> TickSet {
        let (a, b) = viewLimits()
        let map = AxisMap(scale: scale, lo: a, hi: b)
        let lo = min(a, b), hi = max(a, b)
        let space = Ticks.tickSpace(length: length, fontSize: fontSize, horizontal: isX)
        func visible(_ t: [Double]) -> [Double] { t.filter { map.contains($0) } }

        var major: [Double]
        var labels: [String]
        if let t = ticks {
            let keep = t.indices.filter { map.contains(t[$0]) }
            major = keep.map { t[$0] }
            if let l = tickLabels {
                labels = keep.map { $0 < l.count ? l[$0] : "" }
            } else {
                labels = format.labels(major, scale: scale)
            }
        } else {
            switch scale {
            case .linear:
                major = visible(Ticks.linear(lo, hi, nbins: maxTickIntervals ?? min(space, 9)))
            case .log:
                major = visible(Ticks.logMajor(lo, hi, numTicks: maxTickIntervals ?? space))
            }
            labels = format.labels(major, scale: scale)
        }

        var minor: [Double] = []
        var minorLabels: [String] = []
        if let m = minorTicks {
            minor = visible(m)
            minorLabels = minor.map { _ in "" }
        } else if scale == .log && showMinorTicks {
            let cand = visible(Ticks.logMinor(lo, hi, numTicks: maxTickIntervals ?? space))
            let majorSet = major
            minor = cand.filter { c in !majorSet.contains { abs($0 - c) <= 1e-9 * c } }
            // matplotlib labels some minor ticks when the view spans at most one decade.
            let numdec = log10(hi / lo)
            if ticks == nil && numdec <= 1 && minorTickLabelsVisible {
                let subs: Set<Int> = numdec > 0.4 ? [1, 2, 3, 4, 6] : Set(1...9)
                minorLabels = minor.map { v in
                    let k = floor(log10(v) + 1e-9)
                    let c = Int((v / pow(10, k)).rounded())
                    guard subs.contains(c) else { return "" }
                    switch format {
                    case .auto, .powerOfTen: return Ticks.powerOfTenLabel(v)
                    default: return format.labels([v], scale: scale)[0]
                    }
                }
            } else {
                minorLabels = minor.map { _ in "" }
            }
        }
        return TickSet(major: major, majorLabels: labels, minor: minor, minorLabels: minorLabels)
    }
}
