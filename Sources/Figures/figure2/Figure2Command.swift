// `figure2`: draws every panel of Figure 2 from the cached sweep results (the Makefile
// runs the simulations first), the composed page, summary.csv and comparison.txt:
// parse → load (`AttractorSweep`) → build (`Figure2Data`) → draw (`Figure2Panels`) → save.

import ArgumentParser
import Experiments
import Foundation
import FigureSupport
import Plot
import Sim

@main
struct Figure2Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure2", abstract: "Draw Figure 2 (attractor networks with z-factor synapses) from cached results.")

    @OptionGroup var options: FigureOptions
    @Option(parsing: .upToNextOption, help: "Values of z.") var zs: [Int] = Figure2Sweep.zs
    @Option(parsing: .upToNextOption, help: "Loads α, written as in the result directory names.")
    var alphas: [AttractorLoad] = Figure2Sweep.alphas
    @Option(parsing: .upToNextOption, help: "Seeds (several: mean ± s.e.m.).") var seeds: [UInt64] = Figure2Sweep.defaultSeeds
    @Flag(help: "Draw only the tolerance panels (03, 04, 06, 07) at N = 1000 from the committed evidence set (data/evidence) into <out>/\(Figure2Command.committedFolder); --scale, --zs, --alphas and --seeds do not apply.")
    var committed = false

    static let committedFolder = "figure2-committed"

    func validate() throws {
        if zs.isEmpty || alphas.isEmpty || seeds.isEmpty { throw ValidationError("--zs, --alphas and --seeds need values") }
    }

    /// Panels 03, 04, 06 and 07 (the same functions draw them in both modes).
    static func tolerancePanels(_ d: Figure2ToleranceData) throws -> [(name: String, figure: Figure)] {
        [
            (Figure2Panel.recallVsNeuralNoise.rawValue, try Figure2Panels.recallVsNoise(
                d.neuralRecall, title: "Neural noise",
                xLabel: Markup.tex("Noise level $f_\\mathrm{noise}/f$"), noteAtTop: true)),
            (Figure2Panel.maxNeuralNoiseVsZ.rawValue, try Figure2Panels.maxNoiseVsZ(
                d.maxNeuralNoise, zs: d.zs, yLabel: Markup.tex("Max noise ($f_\\mathrm{noise}/f$)"))),
            (Figure2Panel.recallVsSynapticNoise.rawValue, try Figure2Panels.recallVsNoise(
                d.synapticRecall, title: "Synaptic noise",
                xLabel: Markup.tex("Noise $\\sigma_\\mathrm{noise}/\\langle u\\rangle_\\mathrm{obs}$"), noteAtTop: false)),
            (Figure2Panel.maxSynapticNoiseVsZ.rawValue, try Figure2Panels.maxNoiseVsZ(
                d.maxSynapticNoise, zs: d.zs,
                yLabel: Markup.tex("Max noise ($\\sigma_\\mathrm{noise}/\\langle u\\rangle_\\mathrm{obs}$)"))),
        ]
    }

    /// The tolerance panels from the committed evidence set: N = 1000, seed 100.
    func runCommitted() throws {
        let set = URL(fileURLWithPath: EvidenceSet.root)
        let state = EvidenceState.inspect(set: set)
        if state.isStale {
            throw ValidationError("the committed evidence set is stale (\(state.stale.joined(separator: "; "))): `\(EvidenceSet.makeTarget)` remakes it")
        }
        // A set still being computed is a normal state, not an error: the panels show the loads
        // whose four points it has, and nothing is drawn (summary.csv, the make target, is not
        // written) while it lacks a point of the lowest load, which every panel reads.
        let complete = EvidenceSet.alphas.filter { a in
            zs.allSatisfy { state.present.contains(.attractor(scale: EvidenceSet.scale, z: $0, alpha: a, seed: EvidenceSet.seed)) }
        }
        guard complete.contains(EvidenceSet.alphas[0]) else {
            print("figure2: the committed evidence set lacks points of α = \(EvidenceSet.alphas[0]): the N = 1000 tolerance panels "
                  + "are not drawn; `\(EvidenceSet.makeTarget)` computes and packs them")
            return
        }
        if complete.count < EvidenceSet.alphas.count {
            print("figure2: the committed evidence set has the loads α = \(complete.map(\.text).joined(separator: ", ")) so far: panels 04 and 07 show those")
        }
        let sweep = try AttractorSweep.load(results: set.appendingPathComponent(EvidenceSet.scale.rawValue), scale: EvidenceSet.scale,
                                            alphas: complete, seeds: [EvidenceSet.seed])
        let panels = try Self.tolerancePanels(try Figure2ToleranceData.build(sweep))
        let label = "\(EvidenceSet.scale.rawValue), committed at \(state.commitLabel)"
        try options.write(figure: Self.committedFolder, panels: panels, page: Figure2Page.composeTolerance,
                          files: [("summary.csv", Figure2Summary.csv(try Figure2Data.summaryRows(sweep)))], drawnScale: label,
                          resultsRoot: set.path)
        print("figure2: wrote the \(panels.count) tolerance panels at N = 1000 (\(label)) under \(options.out)/\(Self.committedFolder)")
    }

    func run() throws {
        if committed { return try runCommitted() }
        let out = options.out
        let sweep: AttractorSweep
        do {
            sweep = try AttractorSweep.load(results: options.resultsRoot(), scale: options.scale, zs: zs, alphas: alphas, seeds: seeds)
        } catch {
            throw options.missingResults(error, figure: "figure2")
        }
        let data = try Figure2Data.build(sweep)
        let tolerance = try Self.tolerancePanels(Figure2ToleranceData(
            zs: data.zs, neuralRecall: data.neuralRecall, maxNeuralNoise: data.maxNeuralNoise,
            synapticRecall: data.synapticRecall, maxSynapticNoise: data.maxSynapticNoise))
        let panels: [(name: String, figure: Figure)] = [
            (Figure2Panel.snrByNormExponent.rawValue, Figure2Panels.snrByNormExponent(data.snrByNormExponent, zs: data.zs)),
            (Figure2Panel.neuralSNRVsLoad.rawValue, Figure2Panels.neuralSNRVsLoad(data.neuralSNR, alphas: data.alphas)),
            tolerance[0], tolerance[1],
            (Figure2Panel.synapticSNRVsLoad.rawValue, Figure2Panels.synapticSNRVsLoad(data.synapticSNR, alphas: data.alphas)),
            tolerance[2], tolerance[3],
            (Figure2Panel.connectionDensityVsLoad.rawValue, try Figure2Panels.connectionDensityVsLoad(data.density, alphas: data.alphas)),
            (Figure2Panel.survivingWeightDistribution.rawValue, Figure2Panels.survivingWeightDistribution(data.survivingWeights, zs: data.zs)),
            (Figure2Panel.allWeightDistribution.rawValue, Figure2Panels.allWeightDistribution(data.allWeights, zs: data.zs)),
        ]
        let comparison = Figure2Comparison.text(data.comparison)
        try options.write(figure: "figure2", panels: panels, page: Figure2Page.compose,
                          files: [("summary.csv", Figure2Summary.csv(data.summary)), ("comparison.txt", comparison)])
        print(comparison, terminator: "")
        print("figure2: wrote \(panels.count) panels, figure2.pdf/png, summary.csv and comparison.txt under \(out)")
    }
}
