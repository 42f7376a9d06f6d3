// Progress lines on stderr for long runs (rate-limited, with ETA).

import Foundation

public final class Progress: @unchecked Sendable {
    private let label: String
    private let start = Date()
    private var lastPrint = Date.distantPast
    private let interval: TimeInterval
    public var enabled: Bool

    public init(_ label: String, interval: TimeInterval = 5, enabled: Bool = true) {
        self.label = label
        self.interval = interval
        self.enabled = enabled
    }

    public var elapsed: TimeInterval { Date().timeIntervalSince(start) }
    private var firstDone: Double?

    /// Where every update is also written as JSON (`simulate status` reads it): set once
    /// per process before the run starts (CachedRun: `.<point>.running` beside the result).
    nonisolated(unsafe) public static var statusFile: URL?
    /// The status file's fixed fields (pid, host, job), merged into every write.
    nonisolated(unsafe) public static var statusFields: [String: String] = [:]

    /// Prints `done/total` with an ETA and `detail`, at most once per `interval` (or when forced).
    public func update(done: Double, total: Double, detail: String = "", force: Bool = false) {
        if firstDone == nil { firstDone = done }
        guard enabled || Progress.statusFile != nil else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastPrint) >= interval else { return }
        lastPrint = now
        let t = elapsed
        // The rate of this process (a resumed run starts at its checkpoint's epoch).
        let doneHere = done - (firstDone ?? 0)
        var etaSeconds: Double?
        if doneHere > 0, total > done { etaSeconds = t / doneHere * (total - done) }
        if enabled {
            let eta = etaSeconds.map { " eta " + Progress.format($0) } ?? ""
            let line = "[\(label)] \(Progress.fmtCount(done))/\(Progress.fmtCount(total)) \(detail) elapsed \(Progress.format(t))\(eta)\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        if let url = Progress.statusFile {
            var fields: [String: JSONValue] = Progress.statusFields.mapValues { .string($0) }
            fields["stage"] = .string(label)
            fields["done"] = .number(done)
            fields["total"] = .number(total)
            fields["elapsed_seconds"] = .number(t)
            fields["eta_seconds"] = etaSeconds.map { .number($0) } ?? .null
            fields["updated"] = .string(ISO8601DateFormatter().string(from: now))
            if let data = try? JSONEncoder().encode(JSONValue.object(fields)) { try? AtomicFile.write(data, to: url) }
        }
    }

    public func message(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("[\(label)] \(text)\n".utf8))
    }

    static func fmtCount(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x) }

    public static func format(_ s: TimeInterval) -> String {
        if s < 60 { return String(format: "%.1fs", s) }
        if s < 3600 { return String(format: "%dm%02ds", Int(s) / 60, Int(s) % 60) }
        return String(format: "%dh%02dm", Int(s) / 3600, (Int(s) % 3600) / 60)
    }
}
