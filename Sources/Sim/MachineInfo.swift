// What kind of machine made a result or a timing: speed and, before the BLAS kernel was
// pinned, bytes depended on it (docs/benchmarks.md, "CPU kinds").

import Foundation

public enum MachineInfo {
    /// The CPU's model name from /proc/cpuinfo ("unknown CPU" where there is none).
    public static let cpuModel: String = {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown CPU" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown CPU"
    }()
}

extension MachineInfo {
    /// The commit of the checkout a run starts in (the working directory), with "+dirty" when
    /// the sources (Sources/, Package.swift) differ from it; nil outside a git checkout. The
    /// binary is built from that checkout by make, so this names the code that made a result.
    public static let sourceCommit: String? = {
        guard let head = CommandOutput.run(["git", "rev-parse", "HEAD"])?.trimmingCharacters(in: .whitespacesAndNewlines),
              !head.isEmpty else { return nil }
        let changes = CommandOutput.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "Sources", "Package.swift"])
        return head + ((changes ?? "").isEmpty ? "" : "+dirty")
    }()
}
