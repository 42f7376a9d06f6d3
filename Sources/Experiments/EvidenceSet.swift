// The committed paper-size evidence (docs/report.md, "Paper-size evidence"; data/README.md):
// Figure 2 at N = 1000 (the `large` scale) at the loads of the tolerance panels, computed
// once, packed into data/evidence with each point's provenance, read by the report at every
// scale, and re-verified by CI, which recomputes one point and compares it byte for byte.

import Foundation
import Sim

public enum EvidenceSet {
    /// Where the set lives, relative to the package root. It is laid out like data/results
    /// (`<root>/large/attractor/<point>/`), so the typed readers read it unchanged.
    public static let root = "data/evidence"
    public static let manifestName = "manifest.json"
    /// The target that computes the missing points and packs the set.
    public static let makeTarget = "make evidence"

    public static let scale = Scale.large
    /// The loads of the tolerance panels 03–04 and 06–07 (`Figure2Data.maxNoiseLoads`).
    public static let alphas = Figure2Sweep.toleranceLoads
    public static let seed: UInt64 = 100
    /// The headline claim (z = 2 tolerates the most synaptic noise at α = 0.08) gets its seed
    /// spread: z = 1 and 2 at α = 0.08 for each of these seeds.
    public static let spreadAlpha = AttractorLoad.alpha0_08
    public static let spreadZs = [1, 2]
    public static let spreadSeeds: [UInt64] = [100, 101, 102]
    /// The N × N arrays the set leaves out (no claim it serves reads them); the manifest keeps
    /// their digests, so a recomputation is still compared in full.
    public static let leftOut: Set<String> = ["W", "U0"]
    /// The point CI recomputes from scratch: the cheapest of the set (z = 3 at α = 0.08: 461
    /// CPU-s against 718 for z = 4 on an Intel Xeon, docs/report.md "Paper-size evidence").
    public static let checkedPoint = SimulationPoint.attractor(scale: .large, z: 3, alpha: .alpha0_08, seed: 100)

    /// Every point of the set, highest load first (those take longest, so `make -j` starts them first).
    public static var points: [SimulationPoint] {
        alphas.reversed().flatMap { a in Figure2Sweep.zs.map { SimulationPoint.attractor(scale: scale, z: $0, alpha: a, seed: seed) } }
            + spreadSeeds.filter { $0 != seed }.flatMap { s in
                spreadZs.map { SimulationPoint.attractor(scale: scale, z: $0, alpha: spreadAlpha, seed: s) }
            }
    }

    public static func contains(_ point: SimulationPoint) -> Bool { points.contains(point) }

    /// The parameters the current code asks for at a point of the set.
    public static func currentParameters(_ point: SimulationPoint) throws -> JSONValue {
        guard case .attractor(let s, let z, let alpha, let seed, let n) = point else {
            throw EvidenceError.notInSet(point.name)
        }
        return try JSONValue(encoding: s.attractor.parameters(z: z, load: alpha, seed: seed, n: n))
    }
}

/// What the set holds beside its result directories: every array file's digest and size, the
/// left-out ones included, and the set's size on disk.
public struct EvidenceManifest: Codable, Sendable, Equatable {
    public struct ArrayFile: Codable, Sendable, Equatable {
        public var sha256: String
        public var bytes: Int
        /// Whether the file is in the set (false: left out, only its digest is kept).
        public var kept: Bool
    }
    public struct Point: Codable, Sendable, Equatable {
        /// Relative to the set's root: `large/attractor/z1_alpha0.08_seed100`.
        public var directory: String
        public var arrays: [String: ArrayFile]
    }
    public var about: String
    public var remake: String
    public var points: [Point]
    /// Every file of the set (manifest excluded), in bytes.
    public var bytes: Int

    public static func load(_ root: URL) throws -> EvidenceManifest {
        let url = root.appendingPathComponent(EvidenceSet.manifestName)
        guard let data = try? Data(contentsOf: url) else { throw EvidenceError.noManifest(url.path) }
        do { return try JSONDecoder().decode(EvidenceManifest.self, from: data) } catch {
            throw ResultError.corrupt(path: url.path, reason: "bad JSON: \(error)")
        }
    }

    public func point(_ directory: String) -> Point? { points.first { $0.directory == directory } }
}

public enum EvidenceError: Error, CustomStringConvertible {
    case notInSet(String)
    case noManifest(String)
    case differs(point: String, differences: [String])

    public var description: String {
        switch self {
        case .notInSet(let p): return "\(p) is not a point of the evidence set (Sources/Experiments/EvidenceSet.swift)"
        case .noManifest(let path): return "\(path): no evidence manifest; `\(EvidenceSet.makeTarget)` makes the set"
        case .differs(let p, let d):
            return "\(p): the recomputed result differs from the committed one:\n  " + d.joined(separator: "\n  ")
        }
    }
}
