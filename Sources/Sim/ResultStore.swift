// Cached simulation results, in the spirit of DrWatson.jl's `produce_or_load`.
//
// A result is a directory named after its parameters, holding one `.npy` file per array
// and a `result.json` sidecar with the model name and version, the full parameters,
// scalar values and run information (wall and CPU time). The directory is written under a
// temporary name and renamed into place, so it exists only when complete. A stored
// result is reused only if model, version and parameters all match; otherwise it is
// refused with a message saying what differs (or replaced when forced).

import Foundation

/// What a simulation produces: named arrays (saved as `.npy`) and named scalar values.
public struct ResultBundle: Sendable {
    public var arrays: [String: NDArray] = [:]
    public var values: [String: Double] = [:]
    /// What earlier processes spent on this result (a run resumed from a checkpoint); the
    /// saved result records their time with this process's.
    public var earlier: SpentTime?
    public init(arrays: [String: NDArray] = [:], values: [String: Double] = [:], earlier: SpentTime? = nil) {
        self.arrays = arrays
        self.values = values
        self.earlier = earlier
    }
}

public struct ResultSidecar: Codable, Sendable {
    public struct ArrayInfo: Codable, Sendable { public var shape: [Int]; public var dtype: String }
    public struct RunInfo: Codable, Sendable {
        public var wallSeconds: Double
        /// CPU time of the process (all threads) while producing; on a shared machine wall time
        /// depends on what else runs. nil in results written before it was recorded (the
        /// synthesized Codable decodes an optional with decodeIfPresent and omits nil).
        public var cpuSeconds: Double?
        public var command: String
        /// The CPU's model name, and the OpenBLAS kernel when the run used OpenBLAS (nil in
        /// results written before they were recorded). Provenance only: never compared.
        public var cpu: String?
        public var blasKernel: String?
        /// The commit of the checkout the run started in (`MachineInfo.sourceCommit`), nil in
        /// results written before it was recorded. Provenance only: never compared.
        public var commit: String?
        /// How many processes made the result when more than one did (a run resumed from
        /// checkpoints; cpu and wall seconds are then their sums), else nil.
        public var processes: Int?
        /// The CPU time, or the wall time for a result that did not record it.
        public var cpuOrWallSeconds: Double { cpuSeconds ?? wallSeconds }
        enum CodingKeys: String, CodingKey {
            case wallSeconds = "wall_seconds", cpuSeconds = "cpu_seconds", command, cpu, blasKernel = "blas_kernel", commit,
                 processes
        }

        public init(wallSeconds: Double, cpuSeconds: Double? = nil, command: String,
                    cpu: String? = nil, blasKernel: String? = nil, commit: String? = nil, processes: Int? = nil) {
            self.wallSeconds = wallSeconds; self.cpuSeconds = cpuSeconds; self.command = command
            self.cpu = cpu; self.blasKernel = blasKernel; self.commit = commit; self.processes = processes
        }

        /// This process's machine: its CPU and, if it opened OpenBLAS, the kernel; and the commit.
        public static func here(wallSeconds: Double, cpuSeconds: Double?, processes: Int? = nil, command: String) -> RunInfo {
            RunInfo(wallSeconds: wallSeconds, cpuSeconds: cpuSeconds, command: command, cpu: MachineInfo.cpuModel,
                    blasKernel: Blas.isOpen ? Blas.kernel.running : nil, commit: MachineInfo.sourceCommit, processes: processes)
        }
    }
    public var model: String
    public var modelVersion: Int
    public var parameters: JSONValue
    public var values: [String: Double]
    public var arrays: [String: ArrayInfo]
    public var run: RunInfo
    enum CodingKeys: String, CodingKey {
        case model, modelVersion = "model_version", parameters, values, arrays, run
    }
}

extension ResultSidecar {
    /// result.json's bytes: pretty-printed with sorted keys, the one layout every writer uses.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}

public enum ResultError: Error, CustomStringConvertible {
    case mismatch(path: String, differences: [String])
    case corrupt(path: String, reason: String)
    case missing(path: String)

    public var description: String {
        switch self {
        case .mismatch(let path, let diffs):
            return "\(path) holds a result with other parameters (\(diffs.joined(separator: "; "))); "
                + "use --force to replace it or choose another --out"
        case .corrupt(let path, let reason):
            return "\(path): unreadable result (\(reason)); delete it or rerun with --force"
        case .missing(let path): return "\(path): no such result"
        }
    }
}

/// A result on disk; arrays are read on demand.
public struct StoredResult: Sendable {
    public let directory: URL
    public let sidecar: ResultSidecar

    public var values: [String: Double] { sidecar.values }
    public func value(_ name: String) throws -> Double {
        guard let v = sidecar.values[name] else {
            throw ResultError.corrupt(path: directory.path, reason: "no value '\(name)'")
        }
        return v
    }
    public func array(_ name: String) throws -> NDArray {
        guard sidecar.arrays[name] != nil else {
            throw ResultError.corrupt(path: directory.path, reason: "no array '\(name)'")
        }
        return try NPY.read(directory.appendingPathComponent("\(name).npy"))
    }
}

public enum ResultStore {
    public static let sidecarName = "result.json"

    /// Reads the result in `directory` and checks that every listed array is complete.
    public static func load(_ directory: URL) throws -> StoredResult {
        let sidecarURL = directory.appendingPathComponent(sidecarName)
        guard FileManager.default.fileExists(atPath: sidecarURL.path) else { throw ResultError.missing(path: directory.path) }
        let sidecar: ResultSidecar
        do {
            sidecar = try JSONDecoder().decode(ResultSidecar.self, from: Data(contentsOf: sidecarURL))
        } catch {
            throw ResultError.corrupt(path: sidecarURL.path, reason: "bad JSON: \(error)")
        }
        for (name, info) in sidecar.arrays {
            let url = directory.appendingPathComponent("\(name).npy")
            let attrs = try? FileManager.default.attributesOfItem(atPath: url.path)
            guard let size = (attrs?[.size] as? NSNumber)?.intValue else {
                throw ResultError.corrupt(path: url.path, reason: "array file missing")
            }
            let itemSize = info.dtype.hasSuffix("8") ? 8 : info.dtype.hasSuffix("4") ? 4 : 1
            let dataBytes = info.shape.reduce(1, *) * itemSize
            // The header is padded to a multiple of 64 bytes; the body must be complete.
            guard size >= dataBytes, (size - dataBytes) % 64 == 0 else {
                throw ResultError.corrupt(path: url.path, reason: "size \(size) does not fit shape \(info.shape) \(info.dtype) (truncated?)")
            }
        }
        return StoredResult(directory: directory, sidecar: sidecar)
    }

    /// Whether `directory` holds a result for exactly these parameters. Throws when it
    /// holds a different one (and `force` is off) or an unreadable one.
    public static func existing(_ directory: URL, model: String, version: Int,
                                parameters: JSONValue, force: Bool) throws -> StoredResult? {
        guard FileManager.default.fileExists(atPath: directory.path) else { return nil }
        if force { return nil }
        let stored = try load(directory)
        var diffs: [String] = []
        if stored.sidecar.model != model { diffs.append("model: stored \(stored.sidecar.model), requested \(model)") }
        if stored.sidecar.modelVersion != version {
            diffs.append("model_version: stored \(stored.sidecar.modelVersion), requested \(version)")
        }
        diffs += JSONValue.differences(stored: stored.sidecar.parameters, requested: parameters)
        if !diffs.isEmpty { throw ResultError.mismatch(path: directory.path, differences: diffs) }
        return stored
    }

    /// Writes `bundle` as the result in `directory`, atomically (replacing any old one).
    @discardableResult
    public static func save(_ bundle: ResultBundle, to directory: URL, model: String, version: Int,
                            parameters: JSONValue, wallSeconds: Double, cpuSeconds: Double? = nil,
                            processes: Int? = nil, command: String) throws -> StoredResult {
        let parent = directory.deletingLastPathComponent()
        try AtomicFile.ensureDirectory(parent)
        let fm = FileManager.default
        let partial = parent.appendingPathComponent(".\(directory.lastPathComponent).partial-\(getpid())")
        try? fm.removeItem(at: partial)
        do { try fm.createDirectory(at: partial, withIntermediateDirectories: false) } catch {
            throw OutputError.cannotWrite(path: directory.path, reason: "cannot create \(partial.path)")
        }
        var infos: [String: ResultSidecar.ArrayInfo] = [:]
        for (name, array) in bundle.arrays {
            let url = partial.appendingPathComponent("\(name).npy")
            guard fm.createFile(atPath: url.path, contents: NPY.encode(array)) else {
                throw OutputError.cannotWrite(path: url.path, reason: "cannot create file")
            }
            infos[name] = .init(shape: array.shape, dtype: array.dtype)
        }
        let sidecar = ResultSidecar(model: model, modelVersion: version, parameters: parameters,
                                    values: bundle.values, arrays: infos,
                                    run: .here(wallSeconds: wallSeconds, cpuSeconds: cpuSeconds, processes: processes,
                                               command: command))
        let json = try sidecar.encoded()
        guard fm.createFile(atPath: partial.appendingPathComponent(sidecarName).path, contents: json) else {
            throw OutputError.cannotWrite(path: directory.path, reason: "cannot write sidecar")
        }
        // Move any old result aside first: rename(2) cannot replace a non-empty directory.
        let old = parent.appendingPathComponent(".\(directory.lastPathComponent).old-\(getpid())")
        let hadOld = fm.fileExists(atPath: directory.path)
        if hadOld, rename(directory.path, old.path) != 0 {
            throw OutputError.cannotWrite(path: directory.path, reason: String(cString: strerror(errno)))
        }
        if rename(partial.path, directory.path) != 0 {
            throw OutputError.cannotWrite(path: directory.path, reason: String(cString: strerror(errno)))
        }
        if hadOld { try? fm.removeItem(at: old) }
        return StoredResult(directory: directory, sidecar: sidecar)
    }

    /// Loads the result for these parameters, or produces and saves it.
    public static func produceOrLoad(_ directory: URL, model: String, version: Int, parameters: JSONValue,
                                     force: Bool = false, command: String = CommandLine.arguments.joined(separator: " "),
                                     produce: () throws -> ResultBundle) throws -> StoredResult {
        if let stored = try existing(directory, model: model, version: version, parameters: parameters, force: force) {
            return stored
        }
        var clock = RunClock()
        let bundle = try produce()
        clock.earlier = bundle.earlier
        let spent = clock.total
        return try save(bundle, to: directory, model: model, version: version, parameters: parameters,
                        wallSeconds: spent.wallSeconds, cpuSeconds: spent.cpuSeconds,
                        processes: spent.processes > 1 ? spent.processes : nil, command: command)
    }
}
