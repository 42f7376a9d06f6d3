// Sharing buffers with `DispatchQueue.concurrentPerform` workers under Swift 6 strict
// concurrency. Every user lets each worker write a disjoint part (its own z, time point,
// lag or synapse block), which is what makes these wrappers safe.

/// A raw pointer handed to workers that write disjoint parts.
struct WorkerPointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ p: UnsafeMutablePointer<T>) { pointer = p }
}

/// A mutable box shared with workers; callers synchronise access.
final class WorkerBox<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
