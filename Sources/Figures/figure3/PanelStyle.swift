// Colours and shared decorations of Figure 3.

import Plot

enum Fig3Style {
    static let high = Color.black
    static let low = Color.named("darkgrey")
    static let day = Color.named("moccasin")
    static let night = Color.named("lavender")
    static let small = 5.5

    static func color(_ load: String) -> Color { load == "high" ? high : low }

    /// Day (t ≤ wake passes) and night shading over the x range [lo, hi].
    static func shade(_ ax: Axes, wake: Double, lo: Double, hi: Double) {
        ax.axvspan(lo, wake, color: day, alpha: 0.2, zOrder: 0)
        ax.axvspan(wake, hi, color: night, alpha: 0.4, zOrder: 0)
    }
}
