// The composed page: scatter panels on top (A, B), norm panels below (C, D, E).

import Plot

enum Page {
    static func compose(_ panels: [Figure]) -> Figure {
        let positions: [(Double, Double)] = [(0, 0), (16.5, 0), (0, 5.9), (4.6, 5.9), (9.2, 5.9)]
        let page = Figure(widthCm: 22.0, heightCm: 10.8)
        for (k, panel) in panels.enumerated() {
            page.addPanel(panel, xCm: positions[k].0, yCm: positions[k].1, letter: ["A", "B", "C", "D", "E"][k])
        }
        return page
    }
}
