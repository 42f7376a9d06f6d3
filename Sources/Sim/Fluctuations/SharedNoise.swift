// The noise of docs/methods.md §3: one N×2 matrix of standard normals per Euler step, shared by every z.
//
// Synapses are split into fixed blocks of `blockSize`, each with its own random stream
// (seed, block), and the noise of a chunk of steps is generated block by block in
// parallel. Because the block layout does not depend on the thread count, neither do the
// numbers.

import Foundation

public struct SharedNoise {
    public static let blockSize = 128
    public let synapses: Int
    private var generators: [Xoshiro256]

    public init(synapses: Int, seed: UInt64) {
        self.synapses = synapses
        let blocks = (synapses + Self.blockSize - 1) / Self.blockSize
        generators = (0..<blocks).map { Xoshiro256(seed: seed, stream: UInt64($0)) }
    }

    /// Fills `out` with `steps` steps of noise: out[(step * N + i) * 2 + c] is ξ_c of synapse i.
    public mutating func fill(_ out: inout [Double], steps: Int) {
        let N = synapses, B = Self.blockSize
        precondition(out.count >= steps * N * 2, "SharedNoise.fill: buffer too small")
        let blocks = generators.count
        generators.withUnsafeMutableBufferPointer { g in
            let gp = WorkerPointer(g.baseAddress!)
            out.withUnsafeMutableBufferPointer { buf in
                let p = WorkerPointer(buf.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: blocks) { b in
                    // Each worker touches only generator b and the cells of block b.
                    var rng = gp.pointer[b]
                    let lo = b * B, hi = min(lo + B, N)
                    for step in 0..<steps {
                        var k = (step * N + lo) * 2
                        for _ in lo..<hi {
                            p.pointer[k] = rng.normal()
                            p.pointer[k + 1] = rng.normal()
                            k += 2
                        }
                    }
                    gp.pointer[b] = rng
                }
            }
        }
    }
}
