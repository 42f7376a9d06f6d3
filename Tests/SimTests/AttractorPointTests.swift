import Foundation
import Testing
import Sim

@Suite struct AttractorPointTests {
    func tinyParameters() -> AttractorParameters {
        AttractorScale.tiny.parameters(z: 2, load: AttractorLoad(0.33), maxEpochs: 3000)
    }

    func identical(_ a: ResultBundle, _ b: ResultBundle) -> Bool {
        guard a.arrays == b.arrays, a.values.keys.sorted() == b.values.keys.sorted() else { return false }
        return a.values.allSatisfy { k, v in v.bitPattern == b.values[k]!.bitPattern }
    }

    // The default scale's per-z rates and epoch bounds (AttractorScale docs).
    @Test func defaultScaleRatesAndBounds() {
        let d = AttractorScale.default
        let z2 = d.parameters(z: 2, load: AttractorLoad(0.7)), z3 = d.parameters(z: 3, load: AttractorLoad(0.7)), z4 = d.parameters(z: 4, load: AttractorLoad(0.7))
        #expect(z2.m == 140 && z2.maxEpochs == 200_000 && abs(z2.eta - 1e-2) < 1e-12)
        #expect(z3.maxEpochs == 980_000 && abs(z3.eta - 1.4e-2) < 1e-12 && abs(z3.etaTheta - 1.4e-2) < 1e-12)
        #expect(z4.maxEpochs == 980_000 && abs(z4.eta - 1.05e-2) < 1e-12 && abs(z4.etaTheta - 1.05e-2) < 1e-12)
        // Low loads keep the 2·10⁵ floor; an explicit --max-epochs / --eta-scale wins.
        #expect(d.parameters(z: 4, load: AttractorLoad(0.08)).maxEpochs == 200_000)
        let o = d.parameters(z: 4, load: AttractorLoad(0.7), maxEpochs: 5000, etaScale: 1)
        #expect(o.maxEpochs == 5000 && abs(o.eta - 7e-3) < 1e-12)
        // The paper scale is docs/methods.md §1.10 exactly.
        let p = AttractorScale.paper.parameters(z: 4, load: AttractorLoad(0.7))
        #expect(p.maxEpochs == 500 * 700 * 25 && abs(p.eta - 7e-3) < 1e-12)
    }

    @Test func resultHasTheFigure2Names() throws {
        let r = try AttractorPoint.produce(tinyParameters())
        for name in ["n", "m", "z", "alpha", "f", "conv_epochs", "epochs_run", "train_error", "symmetry",
                     "theta_mean", "bias_mean", "n_alive_mean"] + AttractorMetric.allCases.map(\.rawValue).flatMap({ ["\($0)_mean", "\($0)_std"] }) {
            #expect(r.values[name] != nil, "missing value \(name)")
        }
        var arrays = ["p", "W", "U0"]
        for t in NoiseType.allCases {
            arrays += ["level_\(t.rawValue)"] + ["recall", "error"].flatMap { ["\($0)_\(t.rawValue)_s50", "\($0)_\(t.rawValue)_s1"] }
        }
        for name in arrays { #expect(r.arrays[name] != nil, "missing array \(name)") }
        #expect(r.arrays["W"]!.shape == [60, 60])
        #expect(abs(r.arrays["level_synaptic_first"]!.doubles.last! - 0.49 * 0.16) < 1e-15)
        // Clean recall of a trained network: every pattern is a fixed point.
        #expect(r.arrays["recall_neural_iso_s50"]!.doubles[0] == 1)
    }

    @Test func sameSeedSameBytesForAnyThreadCount() throws {
        var one = AttractorPoint.Options()
        one.threads = 1
        var three = AttractorPoint.Options()
        three.threads = 3
        let a = try AttractorPoint.produce(tinyParameters(), options: one)
        let b = try AttractorPoint.produce(tinyParameters(), options: three)
        #expect(identical(a, b))
    }

    @Test func resumedRunGivesIdenticalResult() throws {
        let p = tinyParameters()
        let full = try AttractorPoint.produce(p)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attractor-resume-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        var opts = AttractorPoint.Options()
        opts.checkpoint = dir.appendingPathComponent("run.checkpoint")
        opts.interruptAfterEpochs = 1234
        #expect(throws: AttractorPoint.Interrupted.self) { try AttractorPoint.produce(p, options: opts) }
        #expect(FileManager.default.fileExists(atPath: opts.checkpoint!.path))
        opts.interruptAfterEpochs = nil
        let resumed = try AttractorPoint.produce(p, options: opts)
        #expect(identical(full, resumed))
        // The interrupted process's time travels in the checkpoint to the result.
        #expect(full.earlier == nil)
        let earlier = try #require(resumed.earlier)
        #expect(earlier.processes == 1 && earlier.cpuSeconds > 0 && earlier.wallSeconds > 0)
        // A checkpoint of other parameters is ignored.
        var other = p
        other.seed = 7
        let fresh = try AttractorPoint.produce(other, options: opts)
        #expect(!identical(full, fresh))
    }
}
