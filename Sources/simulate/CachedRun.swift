// The produce-or-load step every checkpointed `simulate` subcommand shares: where the result
// and its checkpoint live, an early check that the destination is writable (before hours of
// work), and one error line with the exit code (3 for an interrupted run whose checkpoint
// is kept, 1 otherwise).

import ArgumentParser
import Foundation
import Sim

struct CachedRun {
    let dir: URL
    let label: String

    init(path: String, label: String) {
        dir = URL(fileURLWithPath: path)
        self.label = label
    }

    var parent: URL { dir.deletingLastPathComponent() }
    /// Beside the result, hidden: `.<name>.checkpoint`.
    var checkpoint: URL { parent.appendingPathComponent(".\(dir.lastPathComponent).checkpoint") }

    /// Loads the matching result or produces it; removes the checkpoint once the result exists.
    func produceOrLoad(model: String, version: Int, parameters: @autoclosure () throws -> JSONValue, force: Bool,
                       produce: () throws -> ResultBundle) throws -> StoredResult {
        do {
            try AtomicFile.ensureDirectory(parent)
            guard FileManager.default.isWritableFile(atPath: parent.path) else {
                throw OutputError.cannotWrite(path: dir.path, reason: "directory \(parent.path) is not writable")
            }
            let result = try ResultStore.produceOrLoad(dir, model: model, version: version, parameters: try parameters(),
                                                       force: force, produce: produce)
            try? FileManager.default.removeItem(at: checkpoint)
            return result
        } catch let e as RunInterrupted {
            FileHandle.standardError.write(Data("\(label): \(e)\n".utf8))
            throw ExitCode(3)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
