// CPU time of this process (all threads), for benchmarks on a shared machine where wall
// time depends on what else runs.

import Foundation

public enum ProcessCPU {
    public static func seconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
