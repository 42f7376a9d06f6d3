// The composed Figure 3 page: all fifteen panels with panel letters.

import Plot

enum Figure3Page {
    /// Panel positions (cm from the top-left), in the order of the panel list; letters sit
    /// 0.35 cm above each panel's corner so they never cover axis labels.
    static let positions: [(x: Double, y: Double)] = [
        (0.0, 0.35), (0.0, 2.75), (5.0, 0.35), (6.8, 0.35), (10.5, 0.35),
        (10.5, 2.75), (12.8, 0.35), (0.0, 5.3), (3.7, 5.3), (7.2, 5.3),
        (10.9, 5.3), (14.1, 5.3), (0.4, 9.35), (3.1, 9.35), (7.9, 9.35),
    ]

    static func compose(_ panels: [Figure]) -> Figure {
        let page = Figure(widthCm: 17.4, heightCm: 13.45)
        let letters = "ABCDEFGHIJKLMNO".map(String.init)
        for (k, panel) in panels.enumerated() {
            let p = positions[k]
            page.addPanel(panel, xCm: p.x, yCm: p.y, letter: letters[k], letterOffsetCm: (0, -0.3))
        }
        return page
    }
}
