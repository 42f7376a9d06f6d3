// The composed Figure 2 page: all ten panels with panel letters; and the page of the four
// tolerance panels alone (the committed N = 1000 set).

import FigureSupport
import Plot

enum Figure2Page {
    /// Panel places (cm from the top-left) in the order of the panel list; the letters of
    /// G and I move left of their y-axis labels.
    static let places: [HouseStyle.PanelPlace] = [
        .init(0.0, 0.0), .init(4.3, 0.0), .init(8.1, 0.0), .init(11.4, 0.0), .init(0.0, 4.9),
        .init(3.8, 4.9), .init(7.1, 4.9, letterOffset: (-0.25, 0)), .init(14.2, 0.0),
        .init(9.9, 4.9, letterOffset: (-0.22, 0)), .init(12.5, 4.9),
    ]

    static func compose(_ panels: [Figure]) -> Figure {
        HouseStyle.page(widthCm: 18.8, heightCm: 9.2, panels: panels, places: places)
    }

    /// Panels 03, 04, 06, 07 in a row, lettered A–D (not the paper's letters).
    static func composeTolerance(_ panels: [Figure]) -> Figure {
        HouseStyle.page(widthCm: 12.4, heightCm: 4.0, panels: panels,
                        places: [.init(0.0, 0.0), .init(3.3, 0.0), .init(6.3, 0.0), .init(9.6, 0.0, letterOffset: (-0.25, 0))])
    }
}
