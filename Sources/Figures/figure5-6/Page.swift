// The composed page: scatter panels on top (A, B), norm panels below (C, D, E).

import FigureSupport
import Plot

enum Page {
    static let places: [HouseStyle.PanelPlace] = [.init(0, 0), .init(16.5, 0), .init(0, 5.9), .init(4.6, 5.9), .init(9.2, 5.9)]

    static func compose(_ panels: [Figure]) -> Figure {
        HouseStyle.page(widthCm: 22.0, heightCm: 10.8, panels: panels, places: places)
    }
}
