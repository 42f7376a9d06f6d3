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
