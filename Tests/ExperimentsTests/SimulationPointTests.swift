import Experiments
import Sim
import Testing

@Suite struct SimulationPointTests {
    @Test func canonicalDirectories() {
        #expect(SimulationPoint.attractor(scale: .tiny, z: 2, alpha: .alpha0_1425, seed: 100).directory()
                == "data/results/tiny/attractor/z2_alpha0.1425_seed100")
        #expect(SimulationPoint.wakeSleep(scale: .paper, load: .low, seed: 700).directory()
                == "data/results/paper/wake-sleep/low_seed700")
        #expect(SimulationPoint.fluctuations(scale: .paper, seed: 7, duration: 999).directory()
                == "data/results/paper/fluctuations/seed7_T999")
        var p = FluctuationParameters(scale: .tiny, seed: 3)
        #expect(SimulationPoint.fluctuations(p, scale: .tiny).name == "seed3_T40")
        p.synapses = 50; p.dt = 0.001
        #expect(SimulationPoint.fluctuations(p, scale: .tiny).name == "seed3_T40_N50_dt0.001")
    }

    @Test func directoriesParseBackToTheirPoints() throws {
        let points: [SimulationPoint] = Figure2Sweep.points(scale: .default, seeds: [100, 101])
            + Figure3Sweep.points(scale: .tiny) + [Figure56Sweep.point(scale: .default), Figure56Sweep.point(scale: .tiny),
                                                   .fluctuations(scale: .tiny, seed: 2, duration: 40, synapses: 50, dt: 0.001)]
        for point in points {
            #expect(try SimulationPoint(directory: point.directory()) == point)
            #expect(try SimulationPoint(directory: "/abs/prefix/" + point.directory() + "/result.json") == point)
        }
    }

    @Test(arguments: ["data/results/tiny/attractor/z1_alpha0.08", "data/results/huge/attractor/z1_alpha0.08_seed1",
                      "data/results/tiny/attractor/zx_alpha0.08_seed1", "data/results/tiny/attractor/z1_alphaabc_seed1",
                      "data/results/tiny/attractor/z1_alpha0_seed1", "data/results/tiny/attractor/z1_alpha-0.1_seed1",
                      "data/results/tiny/other/z1_alpha0.08_seed1", "data/results/tiny/fluctuations/seed1_T40_X3",
                      "data/results/default/fluctuations/seed1_T999", "attractor/z1_alpha0.08_seed1", ""])
    func malformedDirectoriesAreRefusedWithTheExpectedForm(_ dir: String) {
        #expect(throws: SimulationPointError.self) { try SimulationPoint(directory: dir) }
        do { _ = try SimulationPoint(directory: dir) } catch {
            #expect("\(error)".contains("data/results/<scale>/<model>/<point>"))
        }
    }

    @Test func loadsKeepTheirTextAndSortByValue() throws {
        // The text names the directory: 0.1425 stays "0.1425", and "0.080" is another key.
        #expect(AttractorLoad.alpha0_1425.text == "0.1425" && AttractorLoad.alpha0_1425.value == 0.1425)
        #expect(AttractorLoad(text: "0.080") != AttractorLoad.alpha0_08)
        #expect(AttractorLoad(text: "0.080")!.value == AttractorLoad.alpha0_08.value)
        for bad in ["0", "-0.1", "abc", "nan", "inf", ""] { #expect(AttractorLoad(text: bad) == nil, "\(bad)") }
        #expect(Figure2Sweep.alphas == Figure2Sweep.alphas.sorted())
        #expect(Figure2Sweep.alphas.map(\.text) == ["0.08", "0.1425", "0.205", "0.2675", "0.33", "0.45333", "0.57667", "0.7"])
        #expect(Figure2Sweep.toleranceLoads.allSatisfy(Figure2Sweep.alphas.contains))
    }

    @Test func sweepsStartWithTheHighestLoadAndCoverEveryPoint() {
        let points = Figure2Sweep.points(scale: .tiny, seeds: [5])
        #expect(points.count == Figure2Sweep.zs.count * Figure2Sweep.alphas.count)
        #expect(points.first == .attractor(scale: .tiny, z: 1, alpha: Figure2Sweep.alphas.last!, seed: 5))
        #expect(Set(points).count == points.count)
        #expect(Figure56Sweep.point(scale: .default) == .fluctuations(scale: .paper, seed: 1, duration: 999))
        #expect(Figure56Sweep.point(scale: .tiny) == .fluctuations(scale: .tiny, seed: 1, duration: 40))
    }
}
