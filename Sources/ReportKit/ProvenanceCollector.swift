// Gathers the report's provenance: the commit (and whether the tree was dirty), the machine,
// the date, and model, version, parameters and run times of every result the claims read,
// so a number in the report can be traced to the code and run that made it.

import Foundation
import Sim

public enum ProvenanceCollector {
    public static func collect(root: URL, scale: String, seeds: String, resultDirectories: [URL]) -> Provenance {
        let commit = git(["rev-parse", "HEAD"], in: root)
        let status = git(["status", "--porcelain", "--untracked-files=no"], in: root)
        return Provenance(commit: commit ?? "unknown", dirty: !(status ?? "").isEmpty, scale: scale, seeds: seeds,
                          date: isoDate(Date()), cpuModel: MachineInfo.cpuModel, cores: ProcessInfo.processInfo.activeProcessorCount,
                          host: hostName(), points: resultDirectories.map { point($0, root: root) })
    }

    /// "2025-06-01T12:00:00Z".
    static func isoDate(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    /// One result directory; an unreadable result.json still gets a line (the claims that read
    /// it report the error).
    static func point(_ dir: URL, root: URL) -> Provenance.Point {
        let relative = relativePath(dir, to: root)
        let url = dir.appendingPathComponent(ResultStore.sidecarName)
        guard let data = try? Data(contentsOf: url) else {
            return .init(directory: relative, model: "(no result.json)", modelVersion: 0, parameters: "",
                         wallSeconds: nil, cpuSeconds: nil)
        }
        guard let sidecar = try? JSONDecoder().decode(ResultSidecar.self, from: data) else {
            return .init(directory: relative, model: "(unreadable result.json)", modelVersion: 0, parameters: "",
                         wallSeconds: nil, cpuSeconds: nil)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let parameters = (try? encoder.encode(sidecar.parameters)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return .init(directory: relative, model: sidecar.model, modelVersion: sidecar.modelVersion,
                     parameters: parameters, wallSeconds: sidecar.run.wallSeconds, cpuSeconds: sidecar.run.cpuSeconds)
    }

    /// `dir` relative to `root` when inside it, else its absolute path.
    static func relativePath(_ dir: URL, to root: URL) -> String {
        let d = dir.standardizedFileURL.path
        let r = root.standardizedFileURL.path
        let prefix = r.hasSuffix("/") ? r : r + "/"
        return d.hasPrefix(prefix) ? String(d.dropFirst(prefix.count)) : d
    }

    /// git's trimmed output, nil when git is missing or fails (not a repository, say).
    static func git(_ arguments: [String], in root: URL) -> String? {
        CommandOutput.run(["git", "-C", root.path] + arguments)?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// gethostname(2): ProcessInfo.hostName may try a name lookup.
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
