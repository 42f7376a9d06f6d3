// The seed-to-seed spread of our values: for every claim whose tolerance is derived
// (`ClaimCheck.panelValues`), the standard deviation of each value it measures over three
// seeds at the default scale (Figure 2: seeds 100–102; Figure 3: 700–702; Figures 5–6, whose
// run has the paper's size at every scale: fluctuation seeds 1–3). `report spreads` measures them from those results and prints this
// table; docs/report.md ("Seed spread") shows it with the values per seed.

public enum SeedSpread {
    public static let figure2Seeds: [UInt64] = [100, 101, 102]
    public static let figure3Seeds: [UInt64] = [700, 701, 702]
    public static let fluctuationSeeds: [UInt64] = [1, 2, 3]

    /// Claim id → the s.d. of each value, in the order the claim measures them.
    public static let sd: [String: [Double]] = [
        "F2-surviving-shape": [0.03464, 0, 0.06, 0.03464, 0.03464, 0.09165, 0.03464, 0.03464],
        "F2-pruned-counts": [0.003201, 0.001056, 0.001208, 0.0008197],
        "F2-density-z34-values": [0.001205, 0.000293, 0.001202, 0.0007894, 0.0004156, 0.0008156],
        "F2-snr-bars-values": [0, 0.001582, 0.005859, 0.005094, 0.006406, 0, 0.002654, 0.009351, 0.00702, 0.0232, 0, 0.006972, 0.002834, 0.05385, 0.01168, 0],
        "F2-neural-snr-values-a0.08": [0.05625, 0.02429, 0.04623, 0.0558],
        "F2-syn-snr-values-a0.08": [0.0509, 0.1058, 0.06508, 0.05419],
        "F3-tol-neural": [0.01476, 0.008673, 0.006797, 0.002293],
        "F3-tol-synaptic": [0.005396, 0.002685, 0.00649, 0.006011],
        "F3-raster-recall": [2.309, 0],
        "F3-snr-gain": [0.003195, 0.007226, 0.0009428, 0.008329],
        "F3-snr-transient": [0.004651, 0.007226, 0.01785, 0.008329],
        "F3-factor-corr-times": [0.03869, 0.09893, 0.1069, 0.1665],
        "F3-pruning-shift": [0.003649, 0.01506, 0.01888],
        "F3-conn-prob": [0.001315, 0.004846, 0.0151, 0.005687, 0.001885, 0.002595],
        "F3-conn-strength": [0.001688, 0.003871, 0.008439, 0.01548, 0.01289],
        "F3-gain-early-clouds": [0.007324, 0.0073, 0.005333, 0.04927, 0.07603, 0.1251],
        "F3-gain-load-slopes": [0.1047, 0.0564],
        "F3-margin-ends": [0.01074, 0.01277],
        "F3-tuning-plateau": [0.006478],
        "F3-gain-load": [0.03228, 0.04524],
        "F3-snr-before-ranges": [0.02478, 0.008277, 0.01365, 0.002838],
        "F3-weight-modes": [0, 0.01534, 0.009189],
        "F56-z5-slopes-rerun": [0.03432, 0.002686],
        "F56-cv-min-z2": [0.02135],
    ]
}
