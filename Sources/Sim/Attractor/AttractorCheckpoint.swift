// Checkpoints of the training state, so long runs survive interruption. The file holds
// everything the next epoch depends on (U, W, θ, m, row norms, alive lists, epoch,
// convergence-test memory); training has no random draws. A resumed run therefore
// continues bit for bit. Files are written atomically.

import Foundation

extension AttractorTrainer {
    static let checkpointMagic = Array("ATTRCKP1".utf8)

    struct CheckpointHeader: Codable {
        var key: String
        var epoch: Int
        var convergedAt: Int
        var prevL0: Double
        var prevMargin: Double
        var hasMeanAbs: Bool
        var n: Int
        var z: Int
        /// What the run had cost when the checkpoint was written (nil in older checkpoints).
        var spent: SpentTime?
    }

    /// The training state as bytes; `key` identifies the run (e.g. its parameters as JSON).
    public func checkpointData(key: String, spent: SpentTime? = nil) throws -> Data {
        let n = net.n, z = net.z
        let header = CheckpointHeader(key: key, epoch: epoch, convergedAt: convergedAt, prevL0: prevL0,
                                      prevMargin: prevMargin, hasMeanAbs: meanAbsField != nil, n: n, z: z, spent: spent)
        let json = try JSONEncoder().encode(header)
        var data = Data(AttractorTrainer.checkpointMagic)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        func append<T>(_ p: UnsafePointer<T>, _ count: Int) {
            data.append(UnsafeBufferPointer(start: p, count: count))
        }
        append(net.u, n * n * z)
        append(net.w, n * n)
        net.theta.withUnsafeBufferPointer { append($0.baseAddress!, n) }
        (meanAbsField ?? [Float](repeating: 0, count: n)).withUnsafeBufferPointer { append($0.baseAddress!, n) }
        append(rowRoot, n)
        append(aliveCount, n)
        append(aliveIdx, n * n)
        return data
    }

    /// Restores a state written by `checkpointData`. Returns false (state untouched) when
    /// the data belongs to another run (other key or shape); throws when it is damaged.
    public func restore(from data: Data, key: String, path: String) throws -> Bool {
        let n = net.n, z = net.z
        let bytes = [UInt8](data)
        func damaged(_ why: String) -> Error { CheckpointError.damaged(path: path, reason: why) }
        guard bytes.count >= 16, Array(bytes[0..<8]) == AttractorTrainer.checkpointMagic else { throw damaged("bad magic") }
        var len: UInt64 = 0
        withUnsafeMutableBytes(of: &len) { $0.copyBytes(from: bytes[8..<16]) }
        let jsonEnd = 16 + Int(UInt64(littleEndian: len))
        guard jsonEnd <= bytes.count,
              let header = try? JSONDecoder().decode(CheckpointHeader.self, from: Data(bytes[16..<jsonEnd]))
        else { throw damaged("bad header") }
        guard header.key == key, header.n == n, header.z == z else { return false }
        let expected = jsonEnd + 4 * (n * n * z + n * n + 3 * n) + 8 * n + 4 * n * n
        guard bytes.count == expected else { throw damaged("size \(bytes.count), expected \(expected)") }
        var offset = jsonEnd
        func read<T>(_ p: UnsafeMutablePointer<T>, _ count: Int) {
            let size = count * MemoryLayout<T>.stride
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawPointer(p).copyMemory(from: raw.baseAddress! + offset, byteCount: size)
            }
            offset += size
        }
        read(net.u, n * n * z)
        read(net.w, n * n)
        // Checkpoints written before pruned weights were held at 0 (AttractorTrainer) hold 1e-40.
        Subnormal.flush(net.w, n * n)
        var theta = [Float](repeating: 0, count: n), mean = [Float](repeating: 0, count: n)
        theta.withUnsafeMutableBufferPointer { read($0.baseAddress!, n) }
        mean.withUnsafeMutableBufferPointer { read($0.baseAddress!, n) }
        read(rowRoot, n)
        read(aliveCount, n)
        read(aliveIdx, n * n)
        net.theta = theta
        meanAbsField = header.hasMeanAbs ? mean : nil
        epoch = header.epoch
        convergedAt = header.convergedAt
        prevL0 = header.prevL0
        prevMargin = header.prevMargin
        spentBeforeResume = header.spent
        // The progress line shows the last convergence probe; the one of the fresh state
        // built before the restore says nothing about the resumed run.
        lastProbe = nil
        return true
    }
}

/// A checkpoint that cannot be read back (cut short, overwritten, from a crash).
public enum CheckpointError: Error, CustomStringConvertible {
    case damaged(path: String, reason: String)
    public var description: String {
        switch self { case .damaged(let path, let reason): return "\(path): damaged checkpoint (\(reason))" }
    }
}
