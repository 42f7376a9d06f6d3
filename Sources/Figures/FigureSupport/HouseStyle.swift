// House style of the paper's figures beyond Plot's defaults (Style.paper already gives
// 7 pt Liberation Sans, 0.5 pt axes, 1 pt lines): the text sizes, line widths and colours
// every figure uses, the Blues sampler for families of curves, and the composed page.
// Figures use these names instead of literal numbers, so the look changes in one place.

import Plot

public enum HouseStyle {
    // MARK: Text (pt)

    /// Body text, tick labels, axis labels.
    public static let fontSize = 7.0
    /// In-panel labels of curves and groups.
    public static let labelFontSize = 6.0
    /// Legends, in-panel annotations, notes.
    public static let smallFontSize = 5.5
    /// Crowded legends and labels (several legends in one panel).
    public static let tinyFontSize = 5.0

    // MARK: Lines (pt)

    /// Main data curves (matplotlib's lines.linewidth in the authors' rcParams).
    public static let lineWidth = 1.5
    /// Regression and theory lines drawn over scatter.
    public static let fitLineWidth = 1.2
    /// Secondary curves (many curves, trajectories).
    public static let thinLineWidth = 0.75
    /// Fine lines beside thicker ones: dashed regression lines over their moving average,
    /// reference lines through scatter, crowded trajectories (Figures 3 and 5–6).
    public static let fineLineWidth = 0.6
    /// The thinnest curves (bootstrap resamples, guides).
    public static let hairlineWidth = 0.5

    // MARK: Colours

    /// Colour of experimental data (matplotlib "palevioletred").
    public static let data = Color.named("palevioletred")
    /// Neutral comparison curves.
    public static let silver = Color.named("silver")

    /// Sequential blues for z = 1…4, darkest for z = 1 (docs/methods.md §6.1).
    public static func zColor(_ z: Int) -> Color { Colormap.blues([0.95, 0.75, 0.55, 0.35][min(max(z - 1, 0), 3)]) }

    /// The k-th of n colours sampled from matplotlib's Blues between `light` and `dark`
    /// (k = 0 lightest), as the paper colours families indexed by z or load.
    public static func blues(_ k: Int, of n: Int, light: Double = 0.35, dark: Double = 0.95) -> Color {
        guard n > 1 else { return Colormap.blues(dark) }
        return Colormap.blues(light + (dark - light) * Double(k) / Double(n - 1))
    }

    // MARK: Pages

    /// Where one panel goes on a composed page: its top-left corner (cm) and its letter's
    /// offset from the default place (cm).
    public struct PanelPlace: Sendable {
        public var x: Double
        public var y: Double
        public var letterOffset: (x: Double, y: Double)
        public init(_ x: Double, _ y: Double, letterOffset: (x: Double, y: Double) = (0, 0)) {
            self.x = x; self.y = y; self.letterOffset = letterOffset
        }
    }

    /// A composed page (cm) holding `panels` at `places`, lettered A, B, C, … in order.
    public static func page(widthCm: Double, heightCm: Double, panels: [Figure], places: [PanelPlace]) -> Figure {
        precondition(panels.count == places.count, "HouseStyle.page: \(panels.count) panels for \(places.count) places")
        let page = Figure(widthCm: widthCm, heightCm: heightCm)
        for (k, (panel, place)) in zip(panels, places).enumerated() {
            let letter = String(UnicodeScalar(UInt8(65 + k)))
            page.addPanel(panel, xCm: place.x, yCm: place.y, letter: letter,
                          letterOffsetCm: (place.letterOffset.x, place.letterOffset.y))
        }
        return page
    }
}
