import Foundation

/// The layout audit on every save, chosen by the environment variable `PLOT_AUDIT` so that
/// any program drawing with Plot gets it without new options: `warn` prints each finding
/// to standard error, `strict` prints them and makes `save` throw `PlotError.layout` (after
/// writing the files, so that the defect can be looked at); unset or `off` does nothing.
public enum SaveAudit: String, Sendable {
    case off, warn, strict

    /// The mode from `PLOT_AUDIT` (unknown values are reported once per save and ignored).
    public static var current: SaveAudit {
        let v = ProcessInfo.processInfo.environment["PLOT_AUDIT"] ?? "off"
        return SaveAudit(rawValue: v.isEmpty ? "off" : v) ?? .invalid(v)
    }

    private static func invalid(_ v: String) -> SaveAudit {
        FileHandle.standardError.write(Data("warning: PLOT_AUDIT=\(v) is not off, warn or strict; no layout audit\n".utf8))
        return .off
    }
}

extension Figure {
    /// Audit after writing `path` when `PLOT_AUDIT` asks for it.
    func auditAfterSaving(_ path: String) throws {
        let mode = SaveAudit.current
        guard mode != .off else { return }
        let findings = try audit()
        for f in findings {
            FileHandle.standardError.write(Data("warning: layout of \(path): \(f)\n".utf8))
        }
        if mode == .strict && !findings.isEmpty {
            throw PlotError.layout(path: path, findings: findings.map(\.description))
        }
    }
}
