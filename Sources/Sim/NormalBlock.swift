// Normals of one stream drawn ahead a block at a time (the ziggurat's pairs, in order), so a
// loop can read the next k of them as an array instead of calling the sampler per element.
// The values and their order are those of drawing one normal at a time; draws left in the
// block when it is dropped are never used, so the stream itself ends further on: callers
// must own their stream (RobustnessTester: one stream per test).

struct NormalBlock {
    private let buffer: UnsafeMutablePointer<Float>
    private let capacity: Int
    private var start = 0, end = 0

    init(capacity: Int) {
        precondition(capacity >= 2, "NormalBlock: capacity \(capacity) < 2")
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
    }

    func deallocate() { buffer.deallocate() }

    /// The next k normals of the stream (k ≤ capacity / 2), valid until the next call.
    mutating func take(_ k: Int, rng: inout Xoshiro256) -> UnsafePointer<Float> {
        precondition(k <= capacity / 2, "NormalBlock: \(k) normals asked of a block of \(capacity)")
        if end - start < k {
            let left = end - start
            if left > 0 { UnsafeMutableRawPointer(buffer).copyMemory(from: buffer + start, byteCount: 4 * left) }
            start = 0
            end = left
            while end + 2 <= capacity {
                let (a, b) = rng.normalFloatPair()
                buffer[end] = a
                buffer[end + 1] = b
                end += 2
            }
        }
        defer { start += k }
        return UnsafePointer(buffer + start)
    }
}
