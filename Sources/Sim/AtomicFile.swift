// Atomic file output: write to a temporary name in the same directory, then rename.
// An interrupted run never leaves a half-written file that a later run would trust.

import Foundation

public enum OutputError: Error, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}

public enum AtomicFile {
    /// Creates `dir` (and parents) or throws an error naming it.
    public static func ensureDirectory(_ dir: URL) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir) {
            if !isDir.boolValue { throw OutputError.cannotWrite(path: dir.path, reason: "exists and is not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotWrite(path: dir.path, reason: "cannot create directory (\(error.localizedDescription))")
        }
    }

    /// Writes `data` to `url` atomically, creating the parent directory if needed.
    public static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        try ensureDirectory(dir)
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: tmp.path, contents: data) else {
            throw OutputError.cannotWrite(path: url.path, reason: "cannot create a file in \(dir.path)")
        }
        if rename(tmp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp.path)
            throw OutputError.cannotWrite(path: url.path, reason: reason)
        }
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
