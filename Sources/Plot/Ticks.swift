import Foundation

/// Axis scale.
public enum Scale: Sendable, Equatable {
    case linear
    /// Base-10 logarithmic; non-positive values are masked (not drawn).
    case log

    /// Forward transform (identity or log10); NaN for values a log scale cannot show.
    @inline(__always) func forward(_ v: Double) -> Double {
        switch self {
        case .linear: return v
        case .log: return v > 0 ? Foundation.log10(v) : .nan
        }
    }
    @inline(__always) func inverse(_ t: Double) -> Double {
        switch self {
        case .linear: return t
        case .log: return Foundation.pow(10, t)
        }
    }
}

/// Tick placement and formatting, following matplotlib's AutoLocator (MaxNLocator with
/// steps 1, 2, 2.5, 5, 10), LogLocator, ScalarFormatter and LogFormatterSciNotation.
public enum Ticks {
    /// matplotlib's MaxNLocator: at most `nbins` intervals of a "nice" step covering
    /// [lo, hi]; may extend one step beyond (the caller keeps those inside the view).
    public static func linear(_ lo0: Double, _ hi0: Double, nbins: Int,
                              steps: [Double] = [1, 2, 2.5, 5, 10], minTicks: Int = 2) -> [Double] {
        var lo = min(lo0, hi0), hi = max(lo0, hi0)
        if !(lo.isFinite && hi.isFinite) { return [] }
        if hi - lo < 1e-300 { let d = max(abs(lo) * 0.05, 1e-12); lo -= d; hi += d }
        let n = max(nbins, 1)
        // scale_range
        let dv = hi - lo
        let meanv = (hi + lo) / 2
        let offset: Double = abs(meanv) / dv < 100 ? 0
            : (meanv < 0 ? -1 : 1) * pow(10, floor(log10(abs(meanv))))
        let scale = pow(10, floor(log10(dv / Double(n))))
        let vmin = lo - offset, vmax = hi - offset
        let extended = steps.dropLast().map { 0.1 * $0 } + steps + [10 * steps[1]]
        let scaled = extended.map { $0 * scale }
        let raw = (vmax - vmin) / Double(n)
        let istep = scaled.firstIndex { $0 >= raw } ?? (scaled.count - 1)
        var ticks: [Double] = []
        for step in scaled[0...istep].reversed() {
            let best = (vmin / step).rounded(.down) * step
            let tol: Double = offset > 0 ? min(0.4999, max(1e-10, pow(10, log10(offset / step) - 12))) : 1e-10
            func divmod(_ x: Double) -> (Double, Double) {
                let d = (x / step).rounded(.down); return (d, x - d * step)
            }
            let (dl, ml) = divmod(vmin - best)
            let low = abs(ml / step - 1) < tol ? dl + 1 : dl
            let (dh, mh) = divmod(vmax - best)
            let high = abs(mh / step) < tol ? dh : dh + 1
            ticks = stride(from: low, through: high, by: 1).map { $0 * step + best }
            let nIn = ticks.filter { $0 <= vmax && $0 >= vmin }.count
            if nIn >= minTicks { break }
        }
        return ticks.map { clean($0 + offset) }
    }

    /// Remove floating noise (0.30000000000000004 -> 0.3).
    static func clean(_ v: Double) -> Double {
        if v == 0 { return 0 }
        let mag = pow(10, floor(log10(abs(v))) - 12)
        let r = (v / mag).rounded() * mag
        return Double(String(format: "%.12g", r)) ?? r
    }

    /// matplotlib's LogLocator major ticks (decades, with a stride when many decades).
    public static func logMajor(_ lo0: Double, _ hi0: Double, numTicks: Int) -> [Double] {
        let lo = min(lo0, hi0), hi = max(lo0, hi0)
        guard lo > 0, hi > 0 else { return [] }
        let lmin = log10(lo), lmax = log10(hi)
        let numdec = Int(floor(lmax) - ceil(lmin))
        let nt = min(max(numTicks, 2), 9)
        var stride = numdec / nt + 1
        if stride >= numdec { stride = max(1, numdec - 1) }
        let start = Int(floor(lmin)) - stride, end = Int(ceil(lmax)) + 2 * stride
        return Swift.stride(from: start, to: end, by: stride).map { pow(10, Double($0)) }
    }

    /// matplotlib's LogLocator minor ticks (subs 2...9 in every decade; none beyond 10 decades
    /// or when the major stride skips decades). Falls back to linear ticks when a decade
    /// would show at most one minor tick (matplotlib does the same).
    public static func logMinor(_ lo0: Double, _ hi0: Double, numTicks: Int) -> [Double] {
        let lo = min(lo0, hi0), hi = max(lo0, hi0)
        guard lo > 0, hi > 0 else { return [] }
        let lmin = log10(lo), lmax = log10(hi)
        let numdec = Int(floor(lmax) - ceil(lmin))
        if numdec > 10 { return [] }
        let nt = min(max(numTicks, 2), 9)
        var stride = numdec / nt + 1
        if stride >= numdec { stride = max(1, numdec - 1) }
        if stride != 1 { return [] }
        var t: [Double] = []
        for d in (Int(floor(lmin)) - 1)...(Int(ceil(lmax)) + 1) {
            for s in 2...9 { t.append(clean(Double(s) * pow(10, Double(d)))) }
        }
        return t
    }

    /// Number of tick intervals matplotlib would aim for on an axis of `length` points
    /// with tick labels of `fontSize` (x axes assume labels 3 em wide, y axes 2 em tall).
    public static func tickSpace(length: Double, fontSize: Double, horizontal: Bool) -> Int {
        max(Int(floor(length / (fontSize * (horizontal ? 3 : 2)))), 1)
    }

    // MARK: formatting

    /// matplotlib's ScalarFormatter (no offset): one decimal count for all ticks, just
    /// enough to tell them apart; unicode minus.
    public static func scalarLabels(_ ticks: [Double]) -> [String] {
        guard !ticks.isEmpty else { return [] }
        let decimals = scalarDecimals(ticks)
        return ticks.map { fixed($0, decimals: decimals) }
    }

    static func scalarDecimals(_ ticks: [Double]) -> Int {
        let maxAbs = ticks.map { abs($0) }.max() ?? 0
        var range = (ticks.max() ?? 0) - (ticks.min() ?? 0)
        if ticks.count < 2 || range == 0 { range = maxAbs == 0 ? 1 : maxAbs }
        let oom = Int(floor(log10(range)))
        var sig = max(0, 3 - oom)
        let thresh = 1e-3 * pow(10, Double(oom))
        while sig >= 0 {
            let p = pow(10, Double(sig))
            if ticks.map({ abs($0 - ($0 * p).rounded() / p) }).max()! < thresh { sig -= 1 } else { break }
        }
        return sig + 1
    }

    /// Fixed-point with unicode minus ("−0.5").
    public static func fixed(_ v: Double, decimals: Int) -> String {
        var s = String(format: "%.\(max(decimals, 0))f", v)
        if s.hasPrefix("-") {
            if Double(s) == 0 { s.removeFirst() } else { s = "−" + s.dropFirst() }
        }
        return s
    }

    /// "0.5" -> ".5", "−0.5" -> "−.5" (house style of some panels).
    public static func stripLeadingZero(_ s: String) -> String {
        if s.hasPrefix("0.") { return String(s.dropFirst()) }
        if s.hasPrefix("−0.") { return "−" + s.dropFirst(2) }
        return s
    }

    /// Pango markup for 10^k (k integer) or c×10^k: "10<sup>−3</sup>".
    public static func powerOfTenLabel(_ v: Double) -> String {
        guard v > 0 else { return v == 0 ? "0" : "−" + powerOfTenLabel(-v) }
        let e = log10(v)
        let k = Int(floor(e + 1e-9))
        let coeff = v / pow(10, Double(k))
        func exp(_ k: Int) -> String { k < 0 ? "−\(-k)" : "\(k)" }
        if abs(coeff - coeff.rounded()) < 1e-6, abs(coeff.rounded() - 1) < 1e-9 {
            return "10<sup>\(exp(k))</sup>"
        }
        let c = abs(coeff - coeff.rounded()) < 1e-6 ? String(Int(coeff.rounded())) : String(format: "%.2g", coeff)
        return "\(c)×10<sup>\(exp(k))</sup>"
    }
}

/// How tick values are turned into labels.
public enum TickFormat: Sendable {
    /// matplotlib's default: ScalarFormatter on linear axes, 10^k on log axes.
    case auto
    /// Fixed number of decimals.
    case decimals(Int)
    /// Like auto but "0.5" written ".5".
    case noLeadingZero
    /// 10^k (and c×10^k) for every tick.
    case powerOfTen
    /// Plain shortest number ("1", "0.3", "100").
    case plain
    /// printf-style format ("%.1f", "%g%%").
    case printf(String)
    /// Any function of the value (returns Pango markup).
    case custom(@Sendable (Double) -> String)

    public func labels(_ ticks: [Double], scale: Scale) -> [String] {
        switch self {
        case .auto:
            return scale == .log ? ticks.map(Ticks.powerOfTenLabel) : Ticks.scalarLabels(ticks)
        case .decimals(let d): return ticks.map { Ticks.fixed($0, decimals: d) }
        case .noLeadingZero:
            return (scale == .log ? ticks.map { Ticks.plainLabel($0) } : Ticks.scalarLabels(ticks))
                .map(Ticks.stripLeadingZero)
        case .powerOfTen: return ticks.map(Ticks.powerOfTenLabel)
        case .plain: return ticks.map { Ticks.plainLabel($0) }
        case .printf(let f): return ticks.map { String(format: f, $0).replacingOccurrences(of: "-", with: "−") }
        case .custom(let f): return ticks.map(f)
        }
    }
}

extension Ticks {
    /// Shortest decimal representation ("%g"-like without exponent for usual ranges).
    public static func plainLabel(_ v: Double) -> String {
        let c = clean(v)
        var s: String
        if c == c.rounded(), abs(c) < 1e15 { s = String(Int64(c)) } else {
            s = String(format: "%.10g", c)
        }
        if s.hasPrefix("-") { s = "−" + s.dropFirst() }
        return s
    }
}
