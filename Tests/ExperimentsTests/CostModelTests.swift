import Foundation
import Testing
import Experiments
import Sim

@Suite struct CostModelTests {
    func cost(_ dir: String) throws -> PointCost {
        try #require(CostModel.cost(try SimulationPoint(directory: dir)))
    }

    @Test func attractorEpochsComeFromTheConvergenceTable() throws {
        // z = 3 converged at 4·10⁴ epochs at α = 0.08 and 3.7·10⁵ at α = 0.7 (N = 200).
        #expect(try cost("default/attractor/z3_alpha0.08_seed100").epochs == 40_000)
        #expect(try cost("default/attractor/z3_alpha0.7_seed100").epochs == 370_000)
        #expect(try cost("default/attractor/z3_alpha0.1425_seed100").epochs == 50_000)
        // The last load z = 1 converged at, next to one it did not.
        #expect(try cost("default/attractor/z1_alpha0.33_seed100").epochs == 170_000)
        #expect(try cost("default/attractor/z1_alpha0.4_seed100").epochs == 200_000)
        // Between two measured loads: between their epochs, on the 10⁴ grid.
        let mid = try #require(try cost("default/attractor/z3_alpha0.4_seed100").epochs)
        #expect(mid > 110_000 && mid < 170_000 && mid.truncatingRemainder(dividingBy: 10_000) == 0)
        // N = 1000: × 5^0.6 = 2.63, rounded up to the test interval.
        #expect(try cost("large/attractor/z3_alpha0.08_seed100").epochs == 110_000)
        #expect(try cost("default/attractor/z3_alpha0.08_seed100_N400").epochs == 70_000)
    }

    @Test func everyLoadOfTheSweepHasAMeasuredConvergence() throws {
        // The table's rows follow Figure2Sweep.alphas: a load added there without a
        // measurement would fall back to "no measured convergence".
        for z in Figure2Sweep.zs {
            for load in Figure2Sweep.alphas {
                let c = try #require(CostModel.cost(.attractor(scale: .default, z: z, alpha: load, seed: 100)))
                #expect(!c.basis.hasPrefix("epoch bound (no measured"), "z = \(z), α = \(load)")
            }
        }
    }

    @Test func pointsWithoutMeasuredConvergenceRunToTheirBound() throws {
        // z = 2 never converged by 2·10⁵ at N = 200; the paper's rates were never measured.
        let z2 = try cost("default/attractor/z2_alpha0.33_seed100")
        #expect(z2.epochs == 200_000 && z2.expected == z2.seconds)
        let paper = try cost("paper/attractor/z3_alpha0.08_seed100")
        #expect(paper.epochs == Double(500 * 80 * 25))
        // z = 1 at N = 1000: 10⁵ × 2.63 is past the 2·10⁵ bound.
        #expect(try cost("large/attractor/z1_alpha0.08_seed100").epochs == 200_000)
    }

    @Test func partsArePositiveAndTheBoundCoversThem() throws {
        for dir in ["default/attractor/z4_alpha0.7_seed100", "large/attractor/z4_alpha0.08_seed100",
                    "paper/wake-sleep/high_seed700", "default/wake-sleep/low_seed700", "paper/fluctuations/seed1_T999"] {
            let c = try cost(dir)
            #expect(c.parts.allSatisfy { $0.count >= 0 && $0.each >= 0 } && c.expected > 0, "\(dir)")
            #expect(c.seconds >= c.expected, "\(dir)")
        }
        // More epochs cost more: the paper's 10⁵ sleep epochs against the default's 10⁴.
        #expect(try cost("paper/wake-sleep/high_seed700").expected > cost("default/wake-sleep/high_seed700").expected)
        #expect(try cost("paper/wake-sleep/high_seed700").expected > cost("paper/wake-sleep/low_seed700").expected)
    }
}

@Suite struct ThreadScalingTests {
    @Test func amdahlReproducesTheMeasuredTwoThreadSpeedups() {
        let high = SimulationPoint.attractor(scale: .large, z: 4, alpha: AttractorLoad(0.7), seed: 100, n: nil)
        let low = SimulationPoint.attractor(scale: .large, z: 4, alpha: .alpha0_08, seed: 100, n: nil)
        #expect(abs(ThreadScaling.speedup(high, threads: 2) - 1.915) < 1e-9)
        #expect(abs(ThreadScaling.speedup(low, threads: 2) - 1.86) < 1e-9)
        // One thread is the CPU time; more threads gain less and less, never above the count.
        for point in [high, low, SimulationPoint.wakeSleep(scale: .paper, load: .high, seed: 700)] {
            #expect(ThreadScaling.speedup(point, threads: 1) == 1)
            var last = 1.0
            for threads in [2, 4, 8, 16, 64] {
                let s = ThreadScaling.speedup(point, threads: threads)
                #expect(s > last && s < Double(threads))
                last = s
            }
        }
        // p = 2(1 − 1/s): 1.915 at two threads is p ≈ 0.956, 9.5× at 16.
        #expect(abs(ThreadScaling.speedup(high, threads: 16) - 1 / ((1 - 2 * (1 - 1 / 1.915)) + 2 * (1 - 1 / 1.915) / 16)) < 1e-9)
    }
}

@Suite struct WallTableTests {
    /// The bound is the larger of the CPU over every core and the longest point on one node.
    @Test func wallBoundIsCPUOverCoresOrTheLongestThreadedPoint() throws {
        let points = Figure2Sweep.points(scale: .large)
        let costs = points.map { CostModel.cost($0)!.expected }
        let total = costs.reduce(0, +)
        // One node of 2 cores: 32 points, the CPU over 2 cores dominates.
        #expect(abs(WallTable.wallBound(points, nodes: 1, cores: 2) - total / 2) < 1e-6 * total)
        // 64 × 16 cores: the longest point (z = 4, α = 0.7) on 16 threads.
        let longest = try #require(points.max { CostModel.cost($0)!.expected < CostModel.cost($1)!.expected })
        let threaded = CostModel.cost(longest)!.expected / ThreadScaling.speedup(longest, threads: 16)
        #expect(abs(WallTable.wallBound(points, nodes: 64, cores: 16) - threaded) < 1e-9 * threaded)
        #expect(threaded > total / 1024)
    }

    @Test("docs/running.md holds the wall table as `simulate cost --wall-table` prints it")
    func docsTableIsCurrent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/running.md"), encoding: .utf8)
        let begin = try #require(text.range(of: WallTable.begin), "docs/running.md has no wall table marker")
        let end = try #require(text.range(of: WallTable.end), "docs/running.md has no end marker")
        let table = String(text[begin.upperBound..<end.lowerBound]).trimmingCharacters(in: .newlines)
        #expect(table == WallTable.markdown(), "docs/running.md's wall table is out of date: paste `.build/release/simulate cost --wall-table`")
    }
}
