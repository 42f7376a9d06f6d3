// Panels 08 (weight distributions) and 09 (pruning probability).

import Foundation
import Plot
import Sim

enum WeightPanels {
    /// Off-diagonal entries of a row-major N×N matrix.
    static func offDiagonal(_ w: [Float], n: Int) -> [(Int, Float)] {
        var out: [(Int, Float)] = []
        out.reserveCapacity(n * n)
        for i in 0..<n { for j in 0..<n where j != i { out.append((i * n + j, w[i * n + j])) } }
        return out
    }

    /// 08: densities over log10 w of pre-sleep weights (> 1e-4), of the pre-sleep values of
    /// weights pruned by the end, and of the surviving weights after sleep (high run).
    static func distribution(_ run: RunData) throws -> Figure {
        let n = run.n
        let before = try run.weights("w_epoch0"), after = try run.weights("w_end")
        var pre: [Double] = [], pruned: [Double] = [], post: [Double] = []
        for (e, w) in offDiagonal(before, n: n) {
            let survives = after[e] > pruneThreshold
            if w > 1e-4 {
                pre.append(Foundation.log10(Double(w)))
                if !survives { pruned.append(Foundation.log10(Double(w))) }
            }
            if survives { post.append(Foundation.log10(Double(after[e]))) }
        }
        let lo = Foundation.log10(0.03), hi = Foundation.log10(4.0)
        let edgesLog = (0...80).map { lo + (hi - lo) * Double($0) / 80 }
        let edges = edgesLog.map { Foundation.pow(10, $0) }
        let fig = Figure(widthCm: 3.6, heightCm: 3.6)
        let ax = fig.addAxes()
        ax.stairs(Fig3Analysis.density(pre, edges: edgesLog), edges: edges, color: .named("tan"), lineWidth: 1.5, label: "before")
        ax.stairs(Fig3Analysis.density(pruned, edges: edgesLog), edges: edges, color: .named("orangered"),
                  lineWidth: 1, lineStyle: .dashed, label: "pruned")
        ax.stairs(Fig3Analysis.density(post, edges: edgesLog), edges: edges, color: .named("saddlebrown"),
                  lineWidth: 1.5, label: "after")
        ax.setXScale(.log)
        ax.setXLim(0.03, 4)
        ax.setYLim(0, nil)
        ax.setXLabel("Weight")
        ax.setYLabel("Probability density")
        ax.setTitle("Simulation", size: Fig3Style.small)
        // Upper left as published, unless the curves are there.
        ax.legend(location: .best, fontSize: Fig3Style.small).preferred = .upperLeft
        try ax.raiseTopForRoom(maxTop: 2 * ax.yLimits.1)
        return fig
    }

    /// 09: fraction of pre-sleep weights pruned after 100 and 500 cycles and at the end,
    /// against the z-scored log10 pre-sleep weight (40 bins).
    static func pruningProbability(_ run: RunData) throws -> Figure {
        let n = run.n
        let before = try run.weights("w_epoch0")
        var alive: [(Int, Double)] = []
        for (e, w) in offDiagonal(before, n: n) where w > pruneThreshold { alive.append((e, Foundation.log10(Double(w)))) }
        let logs = alive.map(\.1)
        let ms = MeanStd(logs)
        let zs = logs.map { ($0 - ms.mean) / ms.std }
        let lo = zs.min()!, hi = zs.max()!
        let bins = 40
        let fig = Figure(widthCm: 3.4, heightCm: 3.6)
        let ax = fig.addAxes()
        let snaps: [(String, String, Color)] = [("w_epoch100", "100", .named("lightgrey")),
                                                ("w_epoch500", "500", .named("grey")),
                                                ("w_end", "\(run.epochsLabel) cycles", .black)]
        for (k, (name, label, color)) in snaps.enumerated() where run.has(name) {
            let w = try run.weights(name)
            var total = [Double](repeating: 0, count: bins), gone = [Double](repeating: 0, count: bins)
            for (idx, (e, _)) in alive.enumerated() {
                let b = min(bins - 1, Int((zs[idx] - lo) / (hi - lo) * Double(bins)))
                total[b] += 1
                if !(w[e] > pruneThreshold) { gone[b] += 1 }
            }
            let use = (0..<bins).filter { total[$0] > 0 }
            let x = use.map { lo + (hi - lo) * (Double($0) + 0.5) / Double(bins) }
            let y = use.map { gone[$0] / total[$0] }
            ax.plot(x, y, color: color)
            // Label where the curve crosses 0.5.
            if let c = y.firstIndex(where: { $0 < 0.5 }) {
                let t = ax.text(x[c] + 0.1, 0.45 - 0.05 * Double(k), label, size: Fig3Style.small - 0.5, color: color,
                                hAlign: .left, rotation: -70)
                // Further right, then above right of the crossing (shallow curves), then below left.
                let y0 = 0.45 - 0.05 * Double(k)
                t.alternatives = [(0.2, 0), (0.3, 0), (0.4, 0), (0.3, 0.3), (0.5, 0.3), (-0.6, -0.1)].map { (x[c] + $0.0, y0 + $0.1) }
            }
        }
        ax.setXLim(max(lo, -2.6), min(hi, 2.6))
        ax.setYLim(-0.02, 1.02)
        ax.setYTicks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
        ax.yAxis.format = .decimals(1)
        ax.setXLabel("Log-normalized weight")
        ax.setYLabel("Pruning probability")
        ax.setTitle("Simulation", size: Fig3Style.small)
        return fig
    }
}
