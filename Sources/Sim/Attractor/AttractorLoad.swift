// The storage load α = M/N of one attractor network, as a typed key.

/// A load α = M/N, kept as the decimal text that names its result directory and is typed on
/// the command line ("0.1425" stays "0.1425", never 0.14250000000000002), with its value.
/// Two loads are the same key when their texts are; they sort by value.
public struct AttractorLoad: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let text: String
    public let value: Double

    /// nil unless `text` is a finite number > 0.
    public init?(text: String) {
        guard let v = Double(text), v.isFinite, v > 0 else { return nil }
        self.text = text
        value = v
    }

    /// A load known only by its value (its text is Swift's shortest round-trip form).
    public init(_ value: Double) {
        text = "\(value)"
        self.value = value
    }

    public var description: String { text }
    public static func < (a: AttractorLoad, b: AttractorLoad) -> Bool { a.value < b.value }

    /// The load whose matrices are saved (Figure 2's weight histograms, panels 09 and 10).
    public static let saved = AttractorLoad(text: "0.33")!
}
