import Foundation
import Testing
import Plot

/// The layout audit on deliberately bad drawings (it must fail, readably) and on good ones.
struct LayoutAuditTests {
    /// A small clean panel: labels, ticks, a line, a legend where there is room.
    func cleanPanel() -> Figure {
        let fig = Figure(widthCm: 5, heightCm: 4)
        let ax = fig.addAxes()
        let x = (0..<20).map { Double($0) / 19 }
        ax.plot(x, x.map { $0 * $0 }, label: "<i>x</i><sup>2</sup>")
        ax.setXLabel("Load")
        ax.setYLabel("Density")
        ax.legend(location: .upperLeft)
        return fig
    }

    @Test func cleanPanelHasNoFindings() throws {
        let findings = try cleanPanel().audit()
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func clippedLabelIsReported() throws {
        let fig = Figure(widthCm: 4, heightCm: 3)
        let ax = fig.addAxes(left: 0.2, bottom: 0.2, width: 0.7, height: 0.7)
        ax.plot([0, 1], [0, 1])
        ax.text(0.8, 0.2, "cut at the right edge", coordinates: .axes)
        let findings = try fig.audit()
        #expect(findings.count == 1, "\(findings)")
        let f = try #require(findings.first)
        #expect(f.rule == .outsidePage)
        #expect(f.description.hasPrefix("outside the page: axes 0 › text “cut at the right edge” Rect(x: 86."))
        #expect(f.description.contains("beyond the right edge"))
    }

    @Test func overlappingLegendIsReported() throws {
        let fig = Figure(widthCm: 4, heightCm: 3)
        let ax = fig.addAxes(left: 0.2, bottom: 0.2, width: 0.7, height: 0.7)
        ax.plot([0, 1], [0, 1], label: "rising")
        ax.plot([0, 1], [1, 1], lineStyle: .dashed, label: "flat at the top")
        ax.setYLim(0, 1.05)
        ax.legend(location: .upperRight)
        let findings = try fig.audit()
        let covers = findings.filter { $0.rule == .coversData }
        #expect(covers.count == 2, "\(findings)")
        #expect(covers.contains { $0.description.hasPrefix("covers data: axes 0 › legend Rect(")
            && $0.description.contains("— axes 0 › Line 1 “flat at the top”") && $0.description.contains("pt of line") })
    }

    @Test func touchingTickLabelsAreReported() throws {
        let fig = Figure(widthCm: 3, heightCm: 3)
        let ax = fig.addAxes()
        ax.plot([0, 1], [0, 1])
        ax.setXTicks([0, 0.1], labels: ["Before", "After"])
        let f = try fig.audit().filter { $0.rule == .textsTouch }
        #expect(f.count == 1)
        #expect(f.first?.description.hasPrefix("texts touch: axes 0 › tick label “Before”") == true)
        #expect(f.first?.description.contains("— axes 0 › tick label “After”") == true)
    }

    @Test func panelLetterOnAxisLabelIsReported() throws {
        let page = Figure(widthCm: 5, heightCm: 4)
        page.addPanel(cleanPanel(), xCm: 0, yCm: 0, letter: "A", letterOffsetCm: (0, 1.4))
        let f = try page.audit().filter { $0.rule == .textsTouch }
        #expect(f.contains { $0.description.contains("panel A › axes 0 “Density” › axis label “Density”") && $0.description.contains("panel letter “A”") },
                "\(f)")
    }

    @Test func textBeyondItsPanelIsReportedOnThePage() throws {
        let panel = Figure(widthCm: 3, heightCm: 3)
        let ax = panel.addAxes(left: 0.3, bottom: 0.3, width: 0.6, height: 0.6)
        ax.text(0.9, 0.5, "long note", coordinates: .axes)
        let page = Figure(widthCm: 8, heightCm: 3)
        page.addPanel(panel, xCm: 0, yCm: 0, letter: "A")
        let f = try page.audit()
        #expect(f.map(\.rule) == [.outsidePanel], "\(f)")
        #expect(f.first?.description.contains("— panel A Rect(") == true)
    }

    @Test func tightLayoutKeepsAxesFractionTextInside() throws {
        // A note anchored at an axes fraction: the tight layout makes room so the panel
        // saved on its own shows it whole.
        let fig = Figure(widthCm: 3.5, heightCm: 3.7)
        let ax = fig.addAxes()
        ax.plot([0, 1], [0, 0.3])
        ax.setYLim(0, 1)
        ax.text(0.5, 0.8, "a note of some length", coordinates: .axes, size: 6.5)
        let findings = try fig.audit()
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func dataTextOutsideItsAxesIsReported() throws {
        let fig = Figure(widthCm: 4, heightCm: 3)
        let ax = fig.addAxes()
        ax.plot([0, 1], [0, 1])
        ax.setYLim(0, 1)
        ax.text(0.1, 1.05, "above")
        let f = try fig.audit()
        #expect(f.map(\.rule) == [.outsideAxes], "\(f)")
    }

    @Test func bestLegendAvoidsLinesCrossingWithoutVertices() throws {
        // The line crosses the upper right corner but has no vertex inside the axes.
        let fig = Figure(widthPt: 200, heightPt: 200)
        let ax = fig.addAxes(left: 0.1, bottom: 0.1, width: 0.8, height: 0.8)
        let l = ax.plot([-1, 2], [2.7, -0.3], label: "crossing")
        ax.setXLim(0, 1); ax.setYLim(0, 1)
        let leg = ax.legend([l])
        let box = try fig.legendLayout(leg, in: ax).box
        #expect(box.maxX < ax.pageRect.midX && box.minY < ax.pageRect.midY, "\(box)")
        #expect(try fig.audit().isEmpty)
    }

    @Test func textTakesTheFirstFreeAlternative() throws {
        let fig = Figure(widthPt: 200, heightPt: 150)
        let ax = fig.addAxes(left: 0.1, bottom: 0.1, width: 0.8, height: 0.8)
        ax.plot([0, 1], [0.8, 0.8])
        ax.setXLim(0, 1); ax.setYLim(0, 1)
        let t = ax.text(0.1, 0.8, "on the line", vAlign: .center)
        t.alternatives = [(0.1, 0.5), (0.1, 0.2)]
        #expect(try fig.audit().isEmpty)
        t.alternatives = []
        let findings = try fig.audit()
        #expect(findings.map(\.rule) == [.coversData], "\(findings)")
    }

    @Test func strictSaveErrorListsFindings() {
        let e = PlotError.layout(path: "out/panel.pdf", findings: ["covers data: axes 0 › legend …"])
        #expect(e.description == "layout audit of out/panel.pdf: 1 finding\n  covers data: axes 0 › legend …")
    }
}
