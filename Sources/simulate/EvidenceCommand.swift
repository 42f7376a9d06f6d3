// `simulate evidence pack|check|status`: the committed paper-size evidence (data/evidence,
// Sources/Experiments/EvidenceSet.swift). `make evidence` computes the set's points into
// data/results like any others and packs them; CI's `make check-evidence` recomputes one
// point from scratch and compares it with the committed copy, byte for byte.

import ArgumentParser
import Experiments
import Foundation
import Sim

struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "The committed N = 1000 evidence set (data/evidence): pack it, check it against a recomputation, show its state.",
        subcommands: [Pack.self, Check.self, Status.self])

    struct Locations: ParsableArguments {
        @Option(help: "Computed results.") var results: String = SimulationPoint.resultsRoot
        @Option(help: "The evidence set.") var set: String = EvidenceSet.root
        var resultsURL: URL { URL(fileURLWithPath: results) }
        var setURL: URL { URL(fileURLWithPath: set) }
    }

    struct Pack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the set's computed points from data/results into data/evidence (left-out arrays as digests) and write its manifest.")
        @OptionGroup var locations: Locations

        func run() throws {
            let packed = try EvidencePacker.pack(results: locations.resultsURL, set: locations.setURL)
            let state = EvidenceState.inspect(set: locations.setURL)
            let manifest = try EvidenceManifest.load(locations.setURL)
            print("evidence: packed \(packed.count) point(s) from \(locations.results); the set has \(state.present.count) of "
                  + "\(EvidenceSet.points.count) points, \(String(format: "%.2f", Double(manifest.bytes) / 1e6)) MB, in \(locations.set)")
            if !state.missing.isEmpty {
                print("evidence: not computed yet: " + state.missing.map(\.name).joined(separator: ", "))
            }
            if state.isStale { print("evidence: STALE\n  " + state.stale.joined(separator: "\n  ")) }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute one committed point from scratch in a scratch folder and compare every value and array byte with the set.")
        @OptionGroup var locations: Locations
        @Option(help: "The point (a result directory name under the set; default: the cheapest, \(EvidenceSet.checkedPoint.name)).")
        var point: String?
        @Option(help: "Scratch folder for the recomputation (emptied first).") var scratch: String = ".build/evidence-check"
        @Option(help: "Threads for the recomputation (results are identical for any value).") var threads: Int = 1

        func run() throws {
            let p: SimulationPoint
            if let point {
                do { p = try SimulationPoint(directory: "\(EvidenceSet.scale.rawValue)/attractor/\(point)") } catch { throw ValidationError("--point: \(error)") }
            } else {
                p = EvidenceSet.checkedPoint
            }
            guard EvidenceSet.contains(p) else { throw ValidationError("--point: \(EvidenceError.notInSet(p.name))") }
            let scratchURL = URL(fileURLWithPath: scratch)
            try? FileManager.default.removeItem(at: scratchURL)
            let dir = p.directory(root: scratchURL.path)
            var command = try Simulate.parseAsRoot(p.simulateArguments(directory: dir) + ["--threads", "\(threads)"])
            try command.run()
            let fresh = try ResultStore.load(URL(fileURLWithPath: dir))
            let differences = try EvidenceCheck.compare(fresh: URL(fileURLWithPath: dir), point: p, set: locations.setURL)
            let run = fresh.sidecar.run
            let cost = String(format: "%.0f CPU-s, %.0f s wall", run.cpuOrWallSeconds, run.wallSeconds)
                + " on \(run.cpu ?? "unknown CPU") (OpenBLAS kernel \(run.blasKernel ?? "none"))"
            guard differences.isEmpty else {
                throw ValidationError("evidence check: \(EvidenceError.differs(point: p.name, differences: differences))\n"
                                      + "recomputed in \(cost). If the change is intended, remake the set: `\(EvidenceSet.makeTarget)`")
            }
            let arrays = fresh.sidecar.arrays.count, values = fresh.values.count
            print("evidence check: \(p.name) recomputed from scratch in \(cost): \(values) values and \(arrays) arrays "
                  + "byte-identical to the committed set (\(locations.set))")
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Which points the set has, from which commits, and whether it is stale.")
        @OptionGroup var locations: Locations

        func run() throws {
            let state = EvidenceState.inspect(set: locations.setURL)
            print("evidence: \(state.present.count) of \(EvidenceSet.points.count) points in \(locations.set), made at \(state.commitLabel)")
            if !state.missing.isEmpty {
                print("evidence: not in the set yet (`\(EvidenceSet.makeTarget)` computes and packs them): "
                      + state.missing.map(\.name).joined(separator: ", "))
            }
            if state.isStale {
                print("evidence: STALE, the current code would not make these results; `\(EvidenceSet.makeTarget)` remakes them:\n  "
                      + state.stale.joined(separator: "\n  "))
                throw ExitCode(1)
            }
        }
    }
}
