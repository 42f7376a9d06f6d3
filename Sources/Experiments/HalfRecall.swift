// The noise level at which a recall curve crosses 0.5 ("max tolerated noise"), the one
// place both figures find it. Figure 3 interpolates (docs/methods.md §7.3); Figure 2 keeps
// the original's closest-level rule (§6.2).

public enum HalfRecall {
    /// Linear interpolation between the last level with recall ≥ 0.5 and the next one: the
    /// last level when recall never drops below 0.5, 0 when it starts below 0.5. (The
    /// original took the level whose recall is closest to 0.5; on the paper's 200-level grid
    /// the two agree to a grid step, on coarser grids interpolation is more faithful.)
    public static func interpolatedLevel(levels: [Double], recall: [Double]) -> Double {
        precondition(!levels.isEmpty && levels.count == recall.count,
                     "HalfRecall: \(levels.count) levels for \(recall.count) recall values")
        guard let first = recall.firstIndex(where: { $0 < 0.5 }) else { return levels.last! }
        guard first > 0 else { return 0 }
        let (r0, r1) = (recall[first - 1], recall[first])
        let (p0, p1) = (levels[first - 1], levels[first])
        let t = r0 == r1 ? 0 : (r0 - 0.5) / (r0 - r1)
        return p0 + t * (p1 - p0)
    }

    /// The level whose recall is closest to 0.5 (the first of equally close ones).
    public static func closestLevel(levels: [Double], recall: [Double]) -> Double {
        precondition(!levels.isEmpty && levels.count == recall.count,
                     "HalfRecall: \(levels.count) levels for \(recall.count) recall values")
        var best = 0
        for i in recall.indices where abs(recall[i] - 0.5) < abs(recall[best] - 0.5) { best = i }
        return levels[best]
    }
}
