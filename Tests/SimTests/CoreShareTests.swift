import Foundation
import Testing
import Sim
#if canImport(Glibc)
import Glibc
#endif

@Suite struct CoreShareTests {
    func freshFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("core-share-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func sharesAddUpToTheCores() {
        #expect(CoreShare.share(cores: 2, live: 1, index: 0) == 2)
        #expect((0..<2).map { CoreShare.share(cores: 2, live: 2, index: $0) } == [1, 1])
        #expect((0..<3).map { CoreShare.share(cores: 16, live: 3, index: $0) } == [6, 5, 5])
        // More points than cores: every point keeps one thread.
        #expect((0..<3).map { CoreShare.share(cores: 2, live: 3, index: $0) } == [1, 1, 1])
        for cores in 1...9 {
            for live in 1...cores {
                #expect((0..<live).map { CoreShare.share(cores: cores, live: live, index: $0) }.reduce(0, +) == cores)
            }
        }
    }

    /// Points that join and leave change the others' threads; the first to start gets the
    /// remainder.
    @Test func livePointsShareTheCores() throws {
        let folder = try freshFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try CoreShare(cores: 4, folder: folder, interval: 0)
        #expect(a.threads() == 4)
        let b = try CoreShare(cores: 4, folder: folder, interval: 0)
        #expect(a.threads() == 2 && b.threads() == 2)
        let c = try CoreShare(cores: 4, folder: folder, interval: 0)
        #expect([a.threads(), b.threads(), c.threads()] as [Int] == [2, 1, 1])
        b.leave()
        #expect([a.threads(), c.threads()] as [Int] == [2, 2])
        c.leave()
        #expect(a.threads() == 4)
        #expect(a.liveEntries() == [a.name])
    }

    /// An entry whose lock nobody holds (its process died) is not counted, and is removed.
    /// An entry registered by hand, locked, counts until its descriptor closes, as a
    /// process's does when the process ends.
    @Test func deadPointsAreNotCounted() throws {
        let folder = try freshFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try CoreShare(cores: 2, folder: folder, interval: 0)
        let stale = folder.appendingPathComponent("00000000000000000001-99999")
        #expect(FileManager.default.createFile(atPath: stale.path, contents: Data()))
        #expect(a.threads() == 2)
        #expect(!FileManager.default.fileExists(atPath: stale.path))

        let other = folder.appendingPathComponent("00000000000000000002-99998")
        let fd = open(other.path, O_CREAT | O_RDWR, 0o644)
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        #expect(a.threads() == 1)
        close(fd)
        #expect(a.threads() == 2)
        #expect(!FileManager.default.fileExists(atPath: other.path))
    }

    /// Between counts the last answer stands (a count lists the folder).
    @Test func countsAtMostOncePerInterval() throws {
        let folder = try freshFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try CoreShare(cores: 2, folder: folder, interval: 3600)
        #expect(a.threads() == 2)
        let b = try CoreShare(cores: 2, folder: folder, interval: 3600)
        #expect(a.threads() == 2)
        #expect(a.threads(now: Date().addingTimeInterval(7200)) == 1)
        #expect(b.threads() == 1)
    }

    @Test func anUnwritableFolderIsNamed() {
        let folder = URL(fileURLWithPath: "/proc/core-share-test")
        #expect {
            _ = try CoreShare(cores: 2, folder: folder)
        } throws: { error in
            "\(error)".contains("/proc/core-share-test")
        }
    }
}
