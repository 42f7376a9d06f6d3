import Testing
import Foundation
import Sim

@Suite struct ResultStoreTests {
    struct P: Codable { var z: Int; var alpha: Double }

    func tempDir() -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("rs-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test func npyRoundTrip() throws {
        let a = NDArray([1.5, -2, 3, 4, 5, 6] as [Float], shape: [2, 3])
        let back = try NPY.decode(NPY.encode(a))
        #expect(back == a)
        let b = NDArray([1, 2, 3] as [Int64])
        #expect(try NPY.decode(NPY.encode(b)) == b)
        // Header length is padded so the data starts at a multiple of 64 bytes.
        #expect((NPY.encode(a).count - 24) % 64 == 0)
    }

    @Test func truncatedNpyIsRejected() {
        let data = NPY.encode(NDArray([Float](repeating: 1, count: 100)))
        #expect(throws: NPYError.self) { try NPY.decode(data.prefix(data.count - 3), path: "x.npy") }
    }

    @Test func aResumedRunRecordsWhatEveryProcessSpent() throws {
        let dir = tempDir().appendingPathComponent("resumed")
        let p = try JSONValue(encoding: P(z: 2, alpha: 0.08))
        let earlier = SpentTime(cpuSeconds: 1000, wallSeconds: 1500, processes: 2)
        let r = try ResultStore.produceOrLoad(dir, model: "m", version: 1, parameters: p) {
            ResultBundle(arrays: ["x": NDArray([1] as [Double])], earlier: earlier)
        }
        #expect(r.sidecar.run.processes == 3)
        #expect(try #require(r.sidecar.run.cpuSeconds) >= 1000 && r.sidecar.run.cpuSeconds! < 1010)
        #expect(r.sidecar.run.wallSeconds >= 1500 && r.sidecar.run.wallSeconds < 1510)
        // A run made by one process records no count (the key is absent).
        let one = try ResultStore.produceOrLoad(tempDir().appendingPathComponent("one"), model: "m", version: 1, parameters: p) {
            ResultBundle(arrays: ["x": NDArray([1] as [Double])])
        }
        #expect(one.sidecar.run.processes == nil)
        #expect(!String(decoding: try one.sidecar.encoded(), as: UTF8.self).contains("processes"))
    }

    @Test func produceOrLoadReusesAndRefuses() throws {
        let dir = tempDir().appendingPathComponent("point")
        var calls = 0
        let p = try JSONValue(encoding: P(z: 2, alpha: 0.08))
        let make = { () -> ResultBundle in
            calls += 1
            return ResultBundle(arrays: ["x": NDArray([1, 2, 3] as [Double])], values: ["l0": 0.5])
        }
        let r1 = try ResultStore.produceOrLoad(dir, model: "m", version: 1, parameters: p, produce: make)
        let r2 = try ResultStore.produceOrLoad(dir, model: "m", version: 1, parameters: p, produce: make)
        #expect(calls == 1)
        #expect(try r2.array("x").doubles == [1, 2, 3])
        #expect(r1.values["l0"] == 0.5)
        let q = try JSONValue(encoding: P(z: 3, alpha: 0.08))
        #expect(throws: ResultError.self) {
            try ResultStore.produceOrLoad(dir, model: "m", version: 1, parameters: q, produce: make)
        }
        #expect(throws: ResultError.self) {
            try ResultStore.produceOrLoad(dir, model: "m", version: 2, parameters: p, produce: make)
        }
        _ = try ResultStore.produceOrLoad(dir, model: "m", version: 1, parameters: q, force: true, produce: make)
        #expect(calls == 2)
        let stored = try ResultStore.load(dir)
        #expect(stored.sidecar.parameters == q)
    }

    @Test func truncatedArrayFileIsRefused() throws {
        let dir = tempDir().appendingPathComponent("point")
        let p = try JSONValue(encoding: P(z: 1, alpha: 0.1))
        _ = try ResultStore.save(ResultBundle(arrays: ["w": NDArray([Float](repeating: 0.5, count: 1000))]),
                                 to: dir, model: "m", version: 1, parameters: p, wallSeconds: 0, command: "test")
        let url = dir.appendingPathComponent("w.npy")
        let data = try Data(contentsOf: url)
        try data.prefix(data.count - 100).write(to: url)
        #expect(throws: ResultError.self) { try ResultStore.load(dir) }
    }

    @Test func cpuSecondsIsRecordedAndOptional() throws {
        let dir = tempDir().appendingPathComponent("point")
        let p = try JSONValue(encoding: P(z: 2, alpha: 0.1))
        let r = try ResultStore.produceOrLoad(dir, model: "m", version: 1, parameters: p) {
            ResultBundle(values: ["v": 1])
        }
        #expect((r.sidecar.run.cpuSeconds ?? -1) >= 0)
        let text = try String(contentsOf: dir.appendingPathComponent(ResultStore.sidecarName), encoding: .utf8)
        #expect(text.contains("\"cpu_seconds\""))
        // A result written before cpu_seconds existed still loads, and saving without it omits the key.
        let old = tempDir().appendingPathComponent("old")
        _ = try ResultStore.save(ResultBundle(values: ["v": 1]), to: old, model: "m", version: 1, parameters: p,
                                 wallSeconds: 2, command: "test")
        let oldText = try String(contentsOf: old.appendingPathComponent(ResultStore.sidecarName), encoding: .utf8)
        #expect(!oldText.contains("cpu_seconds"))
        #expect(try ResultStore.load(old).sidecar.run.cpuSeconds == nil)
        #expect(try ResultStore.load(old).sidecar.run.wallSeconds == 2)
    }
}
