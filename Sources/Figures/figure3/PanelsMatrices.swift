// Panels 01, 02 (recall rasters) and 05, 06 (weight matrices).

import Foundation
import Plot
import Sim

enum MatrixPanels {
    /// 01/02: input currents of the first 40 neurons during cued recall with synaptic noise
    /// from step 50 on.
    static func recallRaster(_ run: RunData, after: Bool) throws -> Figure {
        let w = try run.weights(after ? "w_end" : "w_epoch0")
        let theta = try run.floats(after ? "theta_end" : "theta_before")
        let raster = Fig3Analysis.recallRaster(weights: w, theta: theta, n: run.n, f: run.f,
                                               stored: try run.storedPatterns(), sqrtFactors: after)
        let fig = Figure(widthCm: 4.8, heightCm: 2.1)
        let ax = fig.addAxes()
        let steps = Double(raster[0].count), rows = Double(raster.count)
        ax.imshow(raster, colormap: .binary, vmin: -1, vmax: 1, extent: (0, steps, rows, 0))
        ax.axvline(50, color: .named("red"), lineWidth: 0.5, lineStyle: .dashed)
        ax.setXLim(0, steps)
        ax.setYLim(rows, 0)
        ax.setXTicks([0, 50, 100, 150, 200])
        ax.setYTicks([0, rows], labels: ["0", String(Int(rows))])
        ax.setXLabel("Time step")
        ax.setTitle("<i>I</i><sub>i</sub>(<i>t</i>) \(after ? "after" : "before") consolidation",
                    size: Fig3Style.small)
        return fig
    }

    /// 05/06: W[0:40, 0:40] on a grey scale 0…max (black = strongest).
    static func weightMatrix(_ run: RunData, after: Bool) throws -> Figure {
        let w = try run.weights(after ? "w_end" : "w_epoch0"), n = run.n
        let k = min(40, n)
        let block = (0..<k).map { i in (0..<k).map { j in Double(w[i * n + j]) } }
        let top = block.flatMap { $0 }.max() ?? 1
        let fig = Figure(widthCm: 2, heightCm: 2.1)
        let ax = fig.addAxes()
        ax.imshow(block, colormap: .binary, vmin: 0, vmax: top, extent: (0, Double(k), Double(k), 0), aspect: .equal)
        ax.setXTicks([0, Double(k)], labels: ["0", String(k)])
        ax.setYTicks([0, Double(k)], labels: ["0", String(k)])
        ax.setXLim(0, Double(k))
        ax.setYLim(Double(k), 0)
        ax.setXLabel("Neuron <i>j</i>")
        ax.setYLabel("Neuron <i>i</i>")
        ax.setTitle("<i>w</i><sub>ij</sub>", size: Fig3Style.small)
        return fig
    }
}
