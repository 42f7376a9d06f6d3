// The panels' names for the typed Figure 2 results (Experiments/AttractorResult.swift).

import Experiments

typealias SweepPoint = AttractorResult
typealias Sweep = AttractorSweep
