// Colours, shared decorations and labels of Figure 3 (sizes and widths: HouseStyle).

import Plot
import Sim

enum Fig3Style {
    static let high = Color.black
    static let low = Color.named("darkgrey")
    static let day = Color.named("moccasin")
    static let night = Color.named("lavender")

    static func color(_ load: WakeSleepLoad) -> Color { load == .high ? high : low }

    /// Day (t ≤ wake passes) and night shading over the x range [lo, hi].
    static func shade(_ ax: Axes, wake: Double, lo: Double, hi: Double) {
        ax.axvspan(lo, wake, color: day, alpha: 0.2, zOrder: 0)
        ax.axvspan(wake, hi, color: night, alpha: 0.4, zOrder: 0)
    }

    /// "10<sup>5</sup>" style label of a number of sleep epochs (plain below 1000).
    static func epochsLabel(_ sleepEpochs: Int) -> String {
        sleepEpochs >= 1000 ? Ticks.powerOfTenLabel(Double(sleepEpochs)) : String(sleepEpochs)
    }
}
