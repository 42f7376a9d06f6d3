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

    /// Prints `done/total` with an ETA and `detail`, at most once per `interval` (or when forced).
    public func update(done: Double, total: Double, detail: String = "", force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastPrint) >= interval else { return }
        lastPrint = now
        let t = elapsed
        var eta = ""
        if done > 0, total > done { eta = " eta " + Progress.format(t / done * (total - done)) }
        let line = "[\(label)] \(Progress.fmtCount(done))/\(Progress.fmtCount(total)) \(detail) elapsed \(Progress.format(t))\(eta)\n"
        FileHandle.standardError.write(Data(line.utf8))
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
