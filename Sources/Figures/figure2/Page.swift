// The composed Figure 2 page: all ten panels with panel letters.

import Plot

enum Figure2Page {
    /// Panel positions (cm from the top-left) in the order of the panel list.
    static let positions: [(x: Double, y: Double)] = [
        (0.0, 0.0), (4.3, 0.0), (8.1, 0.0), (11.4, 0.0), (0.0, 4.9),
        (3.8, 4.9), (7.1, 4.9), (14.2, 0.0), (9.9, 4.9), (12.5, 4.9),
    ]

    /// Letters moved left (cm) where the panel's y-axis label reaches the top-left corner.
    static let letterShifts: [String: Double] = ["G": -0.25, "I": -0.22]

    static func compose(_ panels: [Figure]) -> Figure {
        let page = Figure(widthCm: 18.8, heightCm: 9.2)
        let letters = "ABCDEFGHIJ".map(String.init)
        for (k, panel) in panels.enumerated() {
            let p = positions[k]
            page.addPanel(panel, xCm: p.x, yCm: p.y, letter: letters[k],
                          letterOffsetCm: (letterShifts[letters[k]] ?? 0, 0))
        }
        return page
    }
}
