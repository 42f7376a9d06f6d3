// House style of the paper's figures beyond Plot's defaults (Style.paper already gives
// 7 pt Liberation Sans, 0.5 pt axes, 1 pt lines): font sizes, colours used across
// figures, and the Blues sampler for families of curves.

import Plot

public enum HouseStyle {
    /// Body text and tick labels (pt).
    public static let fontSize = 7.0
    /// Legends, in-panel annotations (pt).
    public static let smallFontSize = 5.5
    /// Colour of experimental data (matplotlib "palevioletred").
    public static let data = Color.named("palevioletred")
    /// Neutral comparison curves.
    public static let silver = Color.named("silver")

    /// The k-th of n colours sampled from matplotlib's Blues between `light` and `dark`
    /// (k = 0 lightest), as the paper colours families indexed by z or load.
    public static func blues(_ k: Int, of n: Int, light: Double = 0.35, dark: Double = 0.95) -> Color {
        guard n > 1 else { return Colormap.blues(dark) }
        return Colormap.blues(light + (dark - light) * Double(k) / Double(n - 1))
    }

    /// Output paths for a figure: `<out>/<figure>/<panel>` (without extension).
    public static func panelBase(out: String, figure: String, panel: String) -> String {
        "\(out)/\(figure)/\(panel)"
    }
}
