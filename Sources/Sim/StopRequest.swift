// A request to stop a long run cleanly: SIGUSR1 (Slurm's warning before a time limit or a
// preemption, `--signal=B:USR1@…` forwarded by the batch script) or SIGTERM. The training and
// sleep loops poll it between epochs, write their checkpoint and stop with RunInterrupted, so
// the rerun resumes where this one stopped and gives the same bytes.

import Foundation
import Synchronization

public enum StopRequest {
    private static let requested = Atomic<Int32>(0)

    /// The signal that asked to stop (0: none).
    public static var signal: Int32 { requested.load(ordering: .relaxed) }
    public static var isRequested: Bool { signal != 0 }

    /// Installs handlers for SIGUSR1 and SIGTERM that only record the request (a handler may
    /// do nothing else safely); the loops act on it.
    public static func installHandlers() {
        for s in [SIGUSR1, SIGTERM] {
            Foundation.signal(s) { received in StopRequest.requested.store(received, ordering: .relaxed) }
        }
    }

    /// For tests.
    public static func request(_ signal: Int32) { requested.store(signal, ordering: .relaxed) }
}
