import Foundation
import Testing
import Plot

/// Tick placement and labels, checked against matplotlib's own locators/formatters.
struct TickTests {
    // Values produced by matplotlib's MaxNLocator(nbins, steps=[1, 2, 2.5, 5, 10]).
    static let maxNCases: [(Double, Double, Int, [Double])] = [
        (0, 0.53, 4, [0, 0.2, 0.4, 0.6]),
        (0, 0.53, 9, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]),
        (0.05, 0.75, 5, [0, 0.2, 0.4, 0.6, 0.8]),
        (-3.2, 17.5, 6, [-5, 0, 5, 10, 15, 20]),
        (0, 1, 3, [0, 0.5, 1]),
        (1e-3, 2.5e-3, 4, [0.001, 0.0015, 0.002, 0.0025]),
        (100, 1e5, 5, [0, 20000, 40000, 60000, 80000, 100000]),
        (-1, 1, 7, [-1, -0.5, 0, 0.5, 1]),
        (0.6, 11, 5, [0, 2.5, 5, 7.5, 10, 12.5]),
        (3.2, 3.9, 5, [3.2, 3.4, 3.6, 3.8, 4.0]),
        (1000.5, 1000.9, 4, [1000.5, 1000.6, 1000.7, 1000.8, 1000.9]),
    ]

    @Test func linearLocatorMatchesMatplotlib() {
        for (lo, hi, n, want) in Self.maxNCases {
            let got = Ticks.linear(lo, hi, nbins: n)
            #expect(got.count == want.count, "\(lo)...\(hi) nbins \(n): \(got)")
            for (g, w) in zip(got, want) { #expect(abs(g - w) < 1e-9 * max(1, abs(w)), "\(lo)...\(hi): \(got)") }
        }
    }

    @Test func linearAxisZeroToPointFiveThree() throws {
        let fig = Figure(widthCm: 4.3, heightCm: 4.7)
        let ax = fig.addAxes()
        ax.plot([0, 1], [0, 0.5])
        ax.setYLim(0, 0.53)
        try fig.layout()
        let y = ax.tickSets().y
        #expect(y.major.count == 6)
        for (g, w) in zip(y.major, [0, 0.1, 0.2, 0.3, 0.4, 0.5]) { #expect(abs(g - w) < 1e-12) }
        #expect(y.majorLabels == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5"])
    }

    @Test func logAxisMajorAndMinorTicks() throws {
        let fig = Figure(widthCm: 3.5, heightCm: 3.7)
        let ax = fig.addAxes()
        ax.setYScale(.log)
        ax.setYLim(0.6, 11)
        try fig.layout()
        let y = ax.tickSets().y
        #expect(y.major == [1, 10])
        #expect(y.majorLabels == ["10<sup>0</sup>", "10<sup>1</sup>"])
        // minor ticks 0.6 ... 0.9 and 2 ... 9
        #expect(y.minor.count == 12)
        #expect(abs(y.minor.first! - 0.6) < 1e-12 && abs(y.minor.last! - 9) < 1e-12)
        #expect(y.minorLabels.allSatisfy { $0.isEmpty })
    }

    @Test func logLocatorStridesOverManyDecades() {
        // matplotlib (before 3.10): numdec 4, numticks 4 -> stride 2.
        #expect(Ticks.logMajor(10, 1e5, numTicks: 4) == [0.1, 10, 1000, 1e5, 1e7])
        #expect(Ticks.logMajor(0.6, 11, numTicks: 5).filter { $0 >= 0.6 && $0 <= 11 } == [1, 10])
        #expect(Ticks.logMinor(1e-41, 10, numTicks: 5).isEmpty)
    }

    @Test func narrowLogRangeLabelsMinorTicks() throws {
        let fig = Figure(widthCm: 3.1, heightCm: 3.6)
        let ax = fig.addAxes()
        ax.setYScale(.log)
        ax.setYLim(0.035, 0.65)
        try fig.layout()
        let y = ax.tickSets().y
        #expect(y.major == [0.1])
        let labelled = zip(y.minor, y.minorLabels).filter { !$0.1.isEmpty }.map(\.0)
        // numdec 1.27 > 1: like matplotlib, no minor labels.
        #expect(labelled.isEmpty)
        ax.setYLim(0.2, 0.65)   // 0.51 decades: coefficients 2, 3, 4, 6 labelled
        let y2 = ax.tickSets().y
        let lab2 = zip(y2.minor, y2.minorLabels).filter { !$0.1.isEmpty }.map(\.1)
        #expect(lab2 == ["2×10<sup>−1</sup>", "3×10<sup>−1</sup>", "4×10<sup>−1</sup>", "6×10<sup>−1</sup>"])
    }

    @Test func scalarFormatterDecimals() {
        #expect(Ticks.scalarLabels([0, 0.5, 1]) == ["0.0", "0.5", "1.0"])
        #expect(Ticks.scalarLabels([0, 5, 10, 15]) == ["0", "5", "10", "15"])
        #expect(Ticks.scalarLabels([0.001, 0.0015, 0.002]) == ["0.0010", "0.0015", "0.0020"])
        #expect(Ticks.scalarLabels([-1, -0.5, 0, 0.5]) == ["−1.0", "−0.5", "0.0", "0.5"])
        #expect(Ticks.scalarLabels([0, 0.25, 0.5]) == ["0.00", "0.25", "0.50"])
    }

    @Test func labelForms() {
        #expect(Ticks.powerOfTenLabel(1e-3) == "10<sup>−3</sup>")
        #expect(Ticks.powerOfTenLabel(100) == "10<sup>2</sup>")
        #expect(Ticks.powerOfTenLabel(1) == "10<sup>0</sup>")
        #expect(Ticks.powerOfTenLabel(3e-2) == "3×10<sup>−2</sup>")
        #expect(Ticks.stripLeadingZero("0.5") == ".5")
        #expect(Ticks.stripLeadingZero("−0.25") == "−.25")
        #expect(Ticks.stripLeadingZero("1.0") == "1.0")
        #expect(TickFormat.noLeadingZero.labels([0, 0.5, 1], scale: .linear) == [".0", ".5", "1.0"])
        #expect(TickFormat.plain.labels([0.1, 0.3, 1, 10], scale: .log) == ["0.1", "0.3", "1", "10"])
        #expect(TickFormat.printf("%.1f").labels([-0.5], scale: .linear) == ["−0.5"])
    }

    @Test func explicitTicksAndLabels() throws {
        let fig = Figure(widthCm: 4, heightCm: 3)
        let ax = fig.addAxes()
        ax.setXLim(0.05, 0.75)
        ax.setXTicks([0, 0.1, 0.3, 0.5, 0.7], labels: ["0", "0.1", ".3", ".5", ".7"])
        try fig.layout()
        let x = ax.tickSets().x
        #expect(x.major == [0.1, 0.3, 0.5, 0.7])   // 0 is outside the view
        #expect(x.majorLabels == ["0.1", ".3", ".5", ".7"])
    }

    @Test func automaticLimitsHaveMatplotlibMargins() {
        let fig = Figure(widthCm: 4, heightCm: 3)
        let ax = fig.addAxes()
        ax.plot([0, 10], [1, 100])
        let (x0, x1) = ax.xLimits
        #expect(abs(x0 + 0.5) < 1e-12 && abs(x1 - 10.5) < 1e-12)
        ax.setYScale(.log)
        let (y0, y1) = ax.yLimits
        #expect(abs(log10(y0) + 0.1) < 1e-12 && abs(log10(y1) - 2.1) < 1e-12)
        // Bars stick to their baseline (no margin below 0).
        let ax2 = fig.addAxes(left: 0, bottom: 0, width: 0.5, height: 0.5)
        ax2.bar([1, 2, 3], [2, 4, 3])
        #expect(ax2.yLimits.0 == 0)
        #expect(abs(ax2.yLimits.1 - 4.2) < 1e-12)
    }

    @Test func transforms() {
        let lin = AxisMap(scale: .linear, lo: 0, hi: 4)
        #expect(lin.fraction(1) == 0.25)
        let log = AxisMap(scale: .log, lo: 0.1, hi: 1000)
        #expect(abs(log.fraction(1) - 0.25) < 1e-12)
        #expect(log.fraction(0).isNaN && log.fraction(-1).isNaN)
        #expect(log.fractionClipped(0) < -10)
        let t = AxesTransform(rect: Rect(x: 10, y: 20, width: 100, height: 50), x: lin, y: log)
        let p = t.page(2, 10)
        #expect(abs(p.x - 60) < 1e-12 && abs(p.y - (20 + 0.5 * 50)) < 1e-12)
        let inv = AxisMap(scale: .linear, lo: 1, hi: 0)
        #expect(inv.fraction(0.25) == 0.75)
        #expect(abs(log.value(atFraction: 0.5) - 10) < 1e-9)
    }
}
