// A small n-dimensional array type for results: a shape plus contiguous C-order storage.
// Only what result files need; the models use raw Float32 buffers directly.

public enum NDStorage: Sendable, Equatable {
    case float32([Float])
    case float64([Double])
    case int32([Int32])
    case int64([Int64])
    case uint8([UInt8])

    var count: Int {
        switch self {
        case .float32(let a): return a.count
        case .float64(let a): return a.count
        case .int32(let a): return a.count
        case .int64(let a): return a.count
        case .uint8(let a): return a.count
        }
    }

    /// NumPy dtype descriptor (little endian).
    var descr: String {
        switch self {
        case .float32: return "<f4"
        case .float64: return "<f8"
        case .int32: return "<i4"
        case .int64: return "<i8"
        case .uint8: return "|u1"
        }
    }
}

public struct NDArray: Sendable, Equatable {
    public let shape: [Int]
    public let storage: NDStorage

    public init(shape: [Int], storage: NDStorage) {
        precondition(shape.reduce(1, *) == storage.count,
                     "NDArray: shape \(shape) does not match \(storage.count) elements")
        self.shape = shape
        self.storage = storage
    }

    public init(_ values: [Float], shape: [Int]? = nil) {
        self.init(shape: shape ?? [values.count], storage: .float32(values))
    }
    public init(_ values: [Double], shape: [Int]? = nil) {
        self.init(shape: shape ?? [values.count], storage: .float64(values))
    }
    public init(_ values: [Int32], shape: [Int]? = nil) {
        self.init(shape: shape ?? [values.count], storage: .int32(values))
    }
    public init(_ values: [Int64], shape: [Int]? = nil) {
        self.init(shape: shape ?? [values.count], storage: .int64(values))
    }
    public init(_ values: [UInt8], shape: [Int]? = nil) {
        self.init(shape: shape ?? [values.count], storage: .uint8(values))
    }

    public var count: Int { storage.count }
    public var dtype: String { storage.descr }

    /// Values as Double, whatever the stored type.
    public var doubles: [Double] {
        switch storage {
        case .float32(let a): return a.map(Double.init)
        case .float64(let a): return a
        case .int32(let a): return a.map(Double.init)
        case .int64(let a): return a.map(Double.init)
        case .uint8(let a): return a.map(Double.init)
        }
    }

    /// Values as Float, whatever the stored type.
    public var floats: [Float] {
        switch storage {
        case .float32(let a): return a
        case .float64(let a): return a.map(Float.init)
        case .int32(let a): return a.map(Float.init)
        case .int64(let a): return a.map(Float.init)
        case .uint8(let a): return a.map(Float.init)
        }
    }
}
