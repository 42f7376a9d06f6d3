// Reading and writing NumPy `.npy` files (format version 1.0, little endian, C order),
// so that anyone can open our results with `numpy.load`.

import Foundation

public enum NPYError: Error, CustomStringConvertible {
    case malformed(path: String, reason: String)

    public var description: String {
        switch self {
        case .malformed(let path, let reason): return "\(path): not a valid .npy file (\(reason))"
        }
    }
}

public enum NPY {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // "\x93NUMPY"

    /// The bytes of a `.npy` file holding `array`.
    public static func encode(_ array: NDArray) -> Data {
        let shapeText: String
        switch array.shape.count {
        case 0: shapeText = "()"
        case 1: shapeText = "(\(array.shape[0]),)"
        default: shapeText = "(" + array.shape.map(String.init).joined(separator: ", ") + ")"
        }
        var header = "{'descr': '\(array.dtype)', 'fortran_order': False, 'shape': \(shapeText), }"
        // Pad with spaces so that magic + version + length + header + "\n" is a multiple of 64.
        let unpadded = magic.count + 2 + 2 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data(magic)
        data.append(contentsOf: [1, 0])
        let len = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(len & 0xFF), UInt8(len >> 8)])
        data.append(contentsOf: Array(header.utf8))
        switch array.storage {
        case .float32(let a): a.withUnsafeBytes { data.append(contentsOf: $0) }
        case .float64(let a): a.withUnsafeBytes { data.append(contentsOf: $0) }
        case .int32(let a): a.withUnsafeBytes { data.append(contentsOf: $0) }
        case .int64(let a): a.withUnsafeBytes { data.append(contentsOf: $0) }
        case .uint8(let a): data.append(contentsOf: a)
        }
        return data
    }

    /// Parses `.npy` bytes; `path` only names the file in errors.
    public static func decode(_ data: Data, path: String = "<data>") throws -> NDArray {
        let bytes = [UInt8](data)
        func fail(_ reason: String) -> NPYError { .malformed(path: path, reason: reason) }
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else { throw fail("bad magic") }
        let major = bytes[6]
        var headerLen: Int
        var offset: Int
        if major == 1 {
            headerLen = Int(bytes[8]) | (Int(bytes[9]) << 8)
            offset = 10
        } else if major == 2 || major == 3 {
            guard bytes.count >= 12 else { throw fail("truncated header") }
            headerLen = Int(bytes[8]) | (Int(bytes[9]) << 8) | (Int(bytes[10]) << 16) | (Int(bytes[11]) << 24)
            offset = 12
        } else {
            throw fail("unsupported version \(major)")
        }
        guard bytes.count >= offset + headerLen else { throw fail("truncated header") }
        guard let header = String(bytes: bytes[offset..<(offset + headerLen)], encoding: .utf8) else {
            throw fail("header is not text")
        }
        offset += headerLen
        guard let descr = field(header, "descr") else { throw fail("no descr") }
        if header.contains("'fortran_order': True") { throw fail("Fortran order is not supported") }
        guard let shapeText = field(header, "shape", open: "(", close: ")") else { throw fail("no shape") }
        let shape = try shapeText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.map { s -> Int in
                guard let v = Int(s), v >= 0 else { throw fail("bad shape \(shapeText)") }
                return v
            }
        let n = shape.reduce(1, *)
        let body = bytes[offset...]
        func take<T>(_: T.Type) throws -> [T] {
            let size = MemoryLayout<T>.size
            guard body.count == n * size else {
                throw fail("expected \(n * size) data bytes for shape \(shape), found \(body.count) (truncated?)")
            }
            return body.withUnsafeBytes { raw in
                (0..<n).map { raw.loadUnaligned(fromByteOffset: $0 * size, as: T.self) }
            }
        }
        switch descr {
        case "<f4": return NDArray(shape: shape, storage: .float32(try take(Float.self)))
        case "<f8": return NDArray(shape: shape, storage: .float64(try take(Double.self)))
        case "<i4": return NDArray(shape: shape, storage: .int32(try take(Int32.self)))
        case "<i8": return NDArray(shape: shape, storage: .int64(try take(Int64.self)))
        case "|u1", "<u1", "|b1": return NDArray(shape: shape, storage: .uint8(try take(UInt8.self)))
        default: throw fail("unsupported dtype \(descr)")
        }
    }

    /// The value of `'key': '...'` (or delimited by `open`/`close`) in a header dict.
    private static func field(_ header: String, _ key: String, open: Character = "'", close: Character = "'") -> String? {
        guard let r = header.range(of: "'\(key)':") else { return nil }
        var rest = header[r.upperBound...].drop(while: { $0 == " " })
        guard rest.first == open else { return nil }
        rest = rest.dropFirst()
        guard let end = rest.firstIndex(of: close) else { return nil }
        return String(rest[..<end])
    }

    public static func read(_ url: URL) throws -> NDArray {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw NPYError.malformed(path: url.path, reason: "cannot read: \(error.localizedDescription)")
        }
        return try decode(data, path: url.path)
    }

    public static func write(_ array: NDArray, to url: URL) throws {
        try AtomicFile.write(encode(array), to: url)
    }
}
