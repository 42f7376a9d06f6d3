// The panels' name for one wake–sleep result, and its label of sleep cycles.

import Experiments
import Foundation
import Plot

typealias RunData = WakeSleepResult

extension WakeSleepResult {
    /// "10<sup>5</sup>" style label of the number of sleep epochs (plain below 1000).
    var epochsLabel: String {
        sleepEpochs >= 1000 ? Ticks.powerOfTenLabel(Double(sleepEpochs)) : String(sleepEpochs)
    }
}
