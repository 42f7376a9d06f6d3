// A JSON value, used for result sidecars: parameters are compared as JSON so that any
// Codable parameter struct can key a cached result.

import Foundation

public enum JSONValue: Codable, Equatable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let d):
            // Integers print without a fraction so that the sidecar reads naturally.
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 { try c.encode(Int64(d)) } else { try c.encode(d) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// The JSON form of any Encodable value.
    public init<T: Encodable>(encoding value: T) throws {
        let data = try JSONEncoder().encode(value)
        self = try JSONDecoder().decode(JSONValue.self, from: data)
    }

    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .string(let s): return "\"\(s)\""
        case .array(let a): return "[" + a.map(\.description).joined(separator: ", ") + "]"
        case .object(let o): return "{" + o.keys.sorted().map { "\($0): \(o[$0]!)" }.joined(separator: ", ") + "}"
        }
    }

    public var double: Double? { if case .number(let d) = self { return d } else { return nil } }
    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    public subscript(key: String) -> JSONValue? { if case .object(let o) = self { return o[key] } else { return nil } }

    /// Human-readable differences between two JSON values ("key: stored A, requested B").
    public static func differences(stored: JSONValue, requested: JSONValue, path: String = "") -> [String] {
        if stored == requested { return [] }
        if case .object(let a) = stored, case .object(let b) = requested {
            var out: [String] = []
            for key in Set(a.keys).union(b.keys).sorted() {
                let p = path.isEmpty ? key : "\(path).\(key)"
                switch (a[key], b[key]) {
                case let (x?, y?): out += differences(stored: x, requested: y, path: p)
                case let (x?, nil): out.append("\(p): stored \(x), not requested")
                case let (nil, y?): out.append("\(p): not stored, requested \(y)")
                default: break
                }
            }
            return out
        }
        return ["\(path.isEmpty ? "value" : path): stored \(stored), requested \(requested)"]
    }
}
