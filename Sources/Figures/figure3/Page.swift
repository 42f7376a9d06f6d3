// The composed Figure 3 page: all fifteen panels with panel letters.

import FigureSupport
import Plot

enum Figure3Page {
    /// Panel places (cm from the top-left), in the order of the panel list; letters sit
    /// 0.35 cm above each panel's corner so they never cover axis labels.
    static let places: [HouseStyle.PanelPlace] = [
        (0.0, 0.35), (0.0, 2.75), (5.0, 0.35), (6.8, 0.35), (10.5, 0.35),
        (10.5, 2.75), (12.8, 0.35), (0.0, 5.3), (3.7, 5.3), (7.2, 5.3),
        (10.9, 5.3), (14.1, 5.3), (0.4, 9.35), (3.1, 9.35), (7.9, 9.35),
    ].map { HouseStyle.PanelPlace($0.0, $0.1, letterOffset: (0, -0.3)) }

    static func compose(_ panels: [Figure]) -> Figure {
        HouseStyle.page(widthCm: 17.4, heightCm: 13.45, panels: panels, places: places)
    }
}
