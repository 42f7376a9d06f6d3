// Panels 01, 02 (recall rasters) and 05, 06 (weight matrices).

import Experiments
import FigureSupport
import Foundation
import Plot

enum MatrixPanels {
    /// 01/02: input currents of the first neurons during cued recall with synaptic noise
    /// from `noiseFrom` on.
    static func recallRaster(_ data: Figure3Data.Raster) -> Figure {
        let raster = data.currents
        let fig = Figure(widthCm: 4.8, heightCm: 2.1)
        let ax = fig.addAxes()
        let steps = Double(raster[0].count), rows = Double(raster.count)
        ax.imshow(raster, colormap: .binary, vmin: -1, vmax: 1, extent: (0, steps, rows, 0))
        ax.axvline(Double(data.noiseFrom), color: .named("red"), lineWidth: HouseStyle.hairlineWidth, lineStyle: .dashed)
        ax.setXLim(0, steps)
        ax.setYLim(rows, 0)
        ax.setXTicks([0, 50, 100, 150, 200])
        ax.setYTicks([0, rows], labels: ["0", String(Int(rows))])
        ax.setXLabel("Time step")
        ax.setTitle("<i>I</i><sub>i</sub>(<i>t</i>) \(data.after ? "after" : "before") consolidation",
                    size: HouseStyle.smallFontSize)
        return fig
    }

    /// 05/06: W[0:k, 0:k] on a grey scale 0…max (black = strongest).
    static func weightMatrix(_ data: Figure3Data.MatrixBlock) -> Figure {
        let k = data.size
        let fig = Figure(widthCm: 2, heightCm: 2.1)
        let ax = fig.addAxes()
        ax.imshow(data.values, colormap: .binary, vmin: 0, vmax: data.max, extent: (0, Double(k), Double(k), 0),
                  aspect: .equal)
        ax.setXTicks([0, Double(k)], labels: ["0", String(k)])
        ax.setYTicks([0, Double(k)], labels: ["0", String(k)])
        ax.setXLim(0, Double(k))
        ax.setYLim(Double(k), 0)
        ax.setXLabel("Neuron <i>j</i>")
        ax.setYLabel("Neuron <i>i</i>")
        ax.setTitle("<i>w</i><sub>ij</sub>", size: HouseStyle.smallFontSize)
        return fig
    }
}
