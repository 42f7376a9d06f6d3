// A point's share of the machine's cores while other points run beside it (issue: every core
// of a node on one point). `make -j` runs one point per core; near the end of a sweep fewer
// points than cores are left, and each of them should take the idle cores. Every running
// point registers a file in one folder per user and machine and holds an exclusive lock on
// it; a point counts the files whose lock is held (the live points) and takes its share of
// the cores. A process that dies releases its lock with its file descriptor, so a crashed
// point is never counted, and the next count removes its file.
//
// Results are the same bits for any thread count (AttractorTrainer, SleepPhase), so a
// point may change its thread count between epochs.

import Foundation
#if canImport(Glibc)
import Glibc
#endif

public final class CoreShare: @unchecked Sendable {
    /// The cores the live points share.
    public let cores: Int
    public let folder: URL
    /// This point's entry: "<start ns>-<pid>", so entries sort by start.
    public let name: String
    private var fd: Int32
    private var lastCount = Date.distantPast
    private var lastThreads: Int
    /// Seconds between two counts (a count lists and opens one file per live point).
    private let interval: TimeInterval

    /// The folder every point of this user on this machine shares (TWOFACTOR_CORE_SHARE_DIR overrides).
    public static var defaultFolder: URL {
        if let dir = ProcessInfo.processInfo.environment["TWOFACTOR_CORE_SHARE_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("twofactor-cores-\(getuid())")
    }

    public enum Failure: Error, CustomStringConvertible {
        case cannotRegister(path: String, reason: String)
        public var description: String {
            switch self {
            case let .cannotRegister(path, reason): return "cannot register in the core share folder \(path): \(reason)"
            }
        }
    }

    /// Registers this point. Its entry is created under a hidden name, locked, then renamed,
    /// so no other point ever sees it unlocked (and takes it for a dead point's).
    public init(cores: Int, folder: URL = CoreShare.defaultFolder, interval: TimeInterval = 2) throws {
        self.cores = max(1, cores)
        self.folder = folder
        self.interval = interval
        lastThreads = self.cores
        let stamp = UInt64(Date().timeIntervalSince1970 * 1e9)
        name = String(format: "%020llu-%d", stamp, getpid())
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure.cannotRegister(path: folder.path, reason: "\(error)")
        }
        let hidden = folder.appendingPathComponent(".\(name)").path
        fd = open(hidden, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure.cannotRegister(path: hidden, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0, rename(hidden, folder.appendingPathComponent(name).path) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd); unlink(hidden)
            throw Failure.cannotRegister(path: hidden, reason: reason)
        }
    }

    deinit { leave() }

    /// Removes this point's entry (also done on deinit).
    public func leave() {
        guard fd >= 0 else { return }
        unlink(folder.appendingPathComponent(name).path)
        close(fd)
        fd = -1
    }

    /// The live entries, sorted (this point's included); removes the entries of dead points.
    public func liveEntries() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var live: [String] = []
        for entry in names where !entry.hasPrefix(".") {
            if entry == name { live.append(entry); continue }
            let path = folder.appendingPathComponent(entry).path
            let other = open(path, O_RDONLY | O_CLOEXEC)
            guard other >= 0 else { continue }  // removed meanwhile
            if flock(other, LOCK_SH | LOCK_NB) == 0 {
                unlink(path)  // nobody holds it: its point has ended without leaving
            } else {
                live.append(entry)
            }
            close(other)
        }
        return live.sorted()
    }

    /// This point's threads: cores / live points, the remainder going to the points that
    /// started first. Counted at most once per `interval`; between counts the last answer.
    public func threads(now: Date = Date()) -> Int {
        guard now.timeIntervalSince(lastCount) >= interval else { return lastThreads }
        lastCount = now
        let live = liveEntries()
        let index = live.firstIndex(of: name) ?? live.count
        lastThreads = CoreShare.share(cores: cores, live: max(live.count, index + 1), index: index)
        return lastThreads
    }

    /// The share of the point at `index` (in start order) among `live` points on `cores` cores.
    public static func share(cores: Int, live: Int, index: Int) -> Int {
        guard live > 0 else { return max(1, cores) }
        return max(1, cores / live + (index < cores % live ? 1 : 0))
    }
}
