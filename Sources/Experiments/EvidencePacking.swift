// Packing the evidence set from computed results, inspecting it (which points it has, from
// which commits, and whether the current code would still make them), and comparing a
// recomputed point with the committed one, byte for byte.

import Foundation
import Sim

public enum EvidencePacker {
    /// Copies the set's points that exist under `results` (data/results) into `set`
    /// (data/evidence): each result.json as `simulate` wrote it but listing only the kept
    /// arrays, the kept array files unchanged, and the digest of every array in the manifest.
    /// Points already in the set and not under `results` stay. Returns the points packed now.
    @discardableResult
    public static func pack(points: [SimulationPoint] = EvidenceSet.points, results: URL, set: URL) throws -> [SimulationPoint] {
        let fm = FileManager.default
        try AtomicFile.ensureDirectory(set)
        let old = try? EvidenceManifest.load(set)
        var entries: [EvidenceManifest.Point] = []
        var packed: [SimulationPoint] = []
        for point in points {
            let relative = point.relativeDirectory
            let source = URL(fileURLWithPath: point.directory(root: results.path))
            let target = set.appendingPathComponent(relative)
            guard fm.fileExists(atPath: source.appendingPathComponent(ResultStore.sidecarName).path) else {
                if let kept = old?.point(relative), fm.fileExists(atPath: target.path) { entries.append(kept) }
                continue
            }
            let stored = try ResultStore.load(source)
            var arrays: [String: EvidenceManifest.ArrayFile] = [:]
            var sidecar = stored.sidecar
            let partial = target.deletingLastPathComponent().appendingPathComponent(".\(point.name).partial-\(getpid())")
            try? fm.removeItem(at: partial)
            try AtomicFile.ensureDirectory(partial)
            for name in stored.sidecar.arrays.keys.sorted() {
                let file = source.appendingPathComponent("\(name).npy")
                let data = try Data(contentsOf: file)
                let keep = !EvidenceSet.leftOut.contains(name)
                arrays[name] = .init(sha256: SHA256.hex(data), bytes: data.count, kept: keep)
                if keep { try data.write(to: partial.appendingPathComponent("\(name).npy")) } else { sidecar.arrays[name] = nil }
            }
            try sidecar.encoded().write(to: partial.appendingPathComponent(ResultStore.sidecarName))
            let aside = target.deletingLastPathComponent().appendingPathComponent(".\(point.name).old-\(getpid())")
            if fm.fileExists(atPath: target.path) { try fm.moveItem(at: target, to: aside) }
            try fm.moveItem(at: partial, to: target)
            try? fm.removeItem(at: aside)
            entries.append(.init(directory: relative, arrays: arrays))
            packed.append(point)
        }
        let manifest = EvidenceManifest(
            about: "Figure 2 at N = 1000 (large scale): the tolerance loads α = \(EvidenceSet.alphas.map(\.text).joined(separator: ", ")) for z = 1…4 "
                + "(seed \(EvidenceSet.seed)) and z = \(EvidenceSet.spreadZs.map(String.init).joined(separator: ", ")) at α = \(EvidenceSet.spreadAlpha) "
                + "for seeds \(EvidenceSet.spreadSeeds.map(String.init).joined(separator: ", ")). Each result.json is simulate's, listing "
                + "only the arrays kept here; the left-out arrays (\(EvidenceSet.leftOut.sorted().joined(separator: ", "))) keep their digests.",
            remake: EvidenceSet.makeTarget, points: entries, bytes: 0)
        var sized = manifest
        sized.bytes = try setBytes(set, manifest: manifest)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(String(decoding: try encoder.encode(sized), as: UTF8.self) + "\n",
                             to: set.appendingPathComponent(EvidenceSet.manifestName))
        return packed
    }

    /// The bytes of the manifest's points on disk: every result.json and kept array file.
    static func setBytes(_ set: URL, manifest: EvidenceManifest) throws -> Int {
        var total = 0
        for p in manifest.points {
            let dir = set.appendingPathComponent(p.directory)
            let sidecar = try Data(contentsOf: dir.appendingPathComponent(ResultStore.sidecarName))
            total += sidecar.count + p.arrays.values.filter(\.kept).map(\.bytes).reduce(0, +)
        }
        return total
    }
}

/// Where the committed set stands against the current code.
public struct EvidenceState: Sendable {
    /// Points of the set that are committed, and those that are not (yet).
    public var present: [SimulationPoint]
    public var missing: [SimulationPoint]
    /// Why the current code would not make the committed results (a changed model version or
    /// parameters), one line per point; empty when the set is current.
    public var stale: [String]
    /// The commits the committed points were made at (short, in order of first appearance).
    public var commits: [String]

    public var isStale: Bool { !stale.isEmpty }

    /// "4a2a037", "4a2a037, 5be19c0", or "unknown commit".
    public var commitLabel: String { commits.isEmpty ? "unknown commit" : commits.joined(separator: ", ") }

    /// Reads the set under `set` (data/evidence).
    public static func inspect(set: URL, points: [SimulationPoint] = EvidenceSet.points) -> EvidenceState {
        var s = EvidenceState(present: [], missing: [], stale: [], commits: [])
        for point in points {
            let dir = URL(fileURLWithPath: point.directory(root: set.path))
            guard FileManager.default.fileExists(atPath: dir.appendingPathComponent(ResultStore.sidecarName).path) else {
                s.missing.append(point)
                continue
            }
            s.present.append(point)
            do {
                let stored = try ResultStore.load(dir)
                var diffs: [String] = []
                if stored.sidecar.model != AttractorPoint.model { diffs.append("model \(stored.sidecar.model), now \(AttractorPoint.model)") }
                if stored.sidecar.modelVersion != AttractorPoint.version {
                    diffs.append("model version \(stored.sidecar.modelVersion), now \(AttractorPoint.version)")
                }
                diffs += JSONValue.differences(stored: stored.sidecar.parameters, requested: try EvidenceSet.currentParameters(point))
                    .map { "parameter \($0)" }
                if !diffs.isEmpty { s.stale.append("\(point.name): " + diffs.joined(separator: "; ")) }
                let commit = stored.sidecar.run.commit.map { String($0.prefix(7)) + ($0.hasSuffix("+dirty") ? "+dirty" : "") }
                    ?? "unknown commit"
                if !s.commits.contains(commit) { s.commits.append(commit) }
            } catch {
                s.stale.append("\(point.name): unreadable (\(error))")
            }
        }
        return s
    }
}

public enum EvidenceCheck {
    /// Differences between a freshly computed result (`fresh`, a result directory) and the
    /// set's copy of the same point: model, version, parameters, every value, and every array
    /// file's bytes (kept ones against the committed file, left-out ones against the digest).
    public static func compare(fresh: URL, point: SimulationPoint, set: URL) throws -> [String] {
        let manifest = try EvidenceManifest.load(set)
        let relative = point.relativeDirectory
        guard let entry = manifest.point(relative) else { return ["\(relative) is not in \(set.path)/\(EvidenceSet.manifestName)"] }
        let committedDir = set.appendingPathComponent(relative)
        let committed = try ResultStore.load(committedDir)
        let new = try ResultStore.load(fresh)
        var d: [String] = []
        if new.sidecar.model != committed.sidecar.model { d.append("model: committed \(committed.sidecar.model), now \(new.sidecar.model)") }
        if new.sidecar.modelVersion != committed.sidecar.modelVersion {
            d.append("model_version: committed \(committed.sidecar.modelVersion), now \(new.sidecar.modelVersion)")
        }
        d += JSONValue.differences(stored: committed.sidecar.parameters, requested: new.sidecar.parameters).map { "parameters: \($0)" }
        for key in Set(committed.values.keys).union(new.values.keys).sorted() {
            let a = committed.values[key], b = new.values[key]
            if a?.bitPattern != b?.bitPattern {
                d.append("value \(key): committed \(a.map { "\($0)" } ?? "none"), now \(b.map { "\($0)" } ?? "none")")
            }
        }
        for name in Set(entry.arrays.keys).union(new.sidecar.arrays.keys).sorted() {
            guard let file = entry.arrays[name] else { d.append("array \(name): not in the committed set"); continue }
            guard new.sidecar.arrays[name] != nil else { d.append("array \(name): not made now"); continue }
            let digest = try SHA256.hex(file: fresh.appendingPathComponent("\(name).npy"))
            if digest != file.sha256 { d.append("array \(name): bytes differ (sha256 \(digest.prefix(12))…, committed \(file.sha256.prefix(12))…)") }
            if file.kept {
                let stored = try SHA256.hex(file: committedDir.appendingPathComponent("\(name).npy"))
                if stored != file.sha256 { d.append("array \(name): the committed file does not match its manifest digest") }
            }
        }
        return d
    }
}
