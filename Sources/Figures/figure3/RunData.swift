// One cached wake–sleep result (simulate wake-sleep), with typed access to what the
// panels need.

import Foundation
import Sim

struct RunData {
    let load: String
    let stored: StoredResult
    let n: Int
    let m: Int
    let f: Double
    let wakePasses: Int
    let sleepEpochs: Int
    let seed: UInt64

    init(directory: URL, load: String) throws {
        self.load = load
        stored = try ResultStore.load(directory)
        guard stored.sidecar.model == WakeSleepModel.model else {
            throw ValidationError2("\(directory.path) holds a '\(stored.sidecar.model)' result, not wake-sleep")
        }
        let data = try JSONEncoder().encode(stored.sidecar.parameters)
        let p = try JSONDecoder().decode(WakeSleepParameters.self, from: data)
        n = p.n; m = p.m; f = p.f; wakePasses = p.wakePasses; sleepEpochs = p.sleepEpochs; seed = p.seed
    }

    func array(_ name: String) throws -> NDArray { try stored.array(name) }
    func doubles(_ name: String) throws -> [Double] { try stored.array(name).doubles }
    func floats(_ name: String) throws -> [Float] { try stored.array(name).floats }
    func series(_ name: String) throws -> [Double] { try doubles("series_\(name)") }
    func has(_ name: String) -> Bool { stored.sidecar.arrays[name] != nil }

    var time: [Double] { (try? doubles("record_t")) ?? [] }
    var kept: [Int] { ((try? doubles("kept")) ?? []).map { Int($0) } }

    /// All M patterns and the stored subset.
    func patterns() throws -> SparsePatterns {
        SparsePatterns.fromMatrix(n: n, m: m, f: f, values: try doubles("patterns"))
    }
    func storedPatterns() throws -> SparsePatterns { try patterns().subset(kept) }

    /// A weight matrix (row-major N×N) by result name.
    func weights(_ name: String) throws -> [Float] { try floats(name) }

    /// "10⁵" style label of the number of sleep epochs.
    var epochsLabel: String { PowerLabel.of(Double(sleepEpochs)) }
}

struct ValidationError2: Error, CustomStringConvertible {
    let description: String
    init(_ s: String) { description = s }
}

enum PowerLabel {
    /// 100000 -> "10<sup>5</sup>", 30000 -> "3·10<sup>4</sup>", 300 -> "300".
    static func of(_ x: Double) -> String {
        guard x >= 1000 else { return String(Int(x)) }
        let e = Int(Foundation.log10(x).rounded(.down))
        let mant = x / Foundation.pow(10, Double(e))
        let head = abs(mant - 1) < 1e-9 ? "" : String(format: "%g·", mant)
        return "\(head)10<sup>\(e)</sup>"
    }
}
