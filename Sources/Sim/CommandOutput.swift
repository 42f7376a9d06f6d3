// The standard output of an external command (git, squeue), for the tools that ask other
// programs about their surroundings. nil when the command is missing or fails.

import Foundation

public enum CommandOutput {
    /// Runs `arguments` through /usr/bin/env, standard error discarded.
    public static func run(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        // Read before waiting: a full pipe would block the command forever.
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
