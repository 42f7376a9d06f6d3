// The produce-or-load step every checkpointed `simulate` subcommand shares: where the result
// and its checkpoint live, an early check that the destination is writable (before hours of
// work), the markers `simulate status` reads, and one error line with the exit code (3 for
// an interrupted run whose checkpoint is kept, 1 otherwise).

import ArgumentParser
import Experiments
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
    var markers: PointMarkers { PointMarkers(resultDirectory: dir) }
    /// Beside the result, hidden: `.<name>.checkpoint`.
    var checkpoint: URL { markers.checkpoint }

    /// Loads the matching result or produces it; removes the checkpoint once the result exists.
    func produceOrLoad(model: String, version: Int, parameters: @autoclosure () throws -> JSONValue, force: Bool,
                       produce: () throws -> ResultBundle) throws -> StoredResult {
        // SIGUSR1 / SIGTERM: checkpoint and stop with exit code 3 (a Slurm time limit or preemption).
        StopRequest.installHandlers()
        let m = markers
        do {
            try AtomicFile.ensureDirectory(parent)
            guard FileManager.default.isWritableFile(atPath: parent.path) else {
                throw OutputError.cannotWrite(path: dir.path, reason: "directory \(parent.path) is not writable")
            }
            let result = try ResultStore.produceOrLoad(dir, model: model, version: version, parameters: try parameters(),
                                                       force: force) {
                try m.startRunning()
                return try produce()
            }
            try? FileManager.default.removeItem(at: checkpoint)
            m.finish()
            return result
        } catch let e as RunInterrupted {
            m.stopRunning()
            FileHandle.standardError.write(Data("\(label): \(e)\n".utf8))
            throw ExitCode(3)
        } catch {
            m.fail("\(error)")
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
