import Foundation

/// A colormap like matplotlib's: continuous maps are linear interpolations between
/// evenly spaced anchor colours sampled into a 256-entry table (so `cmap(0.95)` gives
/// exactly matplotlib's colour); listed maps (tab20b, Paired, ...) pick an entry.
public struct Colormap: Sendable {
    public let name: String
    /// Entries of a listed map (empty for a continuous one).
    public let listed: [Color]
    private let lut: [Color]

    /// A continuous map through `anchors` evenly spaced on 0...1.
    public init(name: String, anchors: [Color], samples: Int = 256) {
        self.name = name
        listed = []
        let n = anchors.count
        lut = (0..<samples).map { i in
            let x = Double(i) / Double(samples - 1) * Double(n - 1)
            let k = min(Int(x), n - 2)
            return anchors[k].mix(anchors[k + 1], x - Double(k))
        }
    }

    /// A listed map.
    public init(name: String, colors: [Color]) {
        self.name = name; listed = colors; lut = colors
    }

    public var isListed: Bool { !listed.isEmpty }
    /// Number of entries (256 for continuous maps).
    public var count: Int { lut.count }

    /// Colour at x in 0...1 (clipped), matplotlib's `cmap(x)` for a float.
    public func callAsFunction(_ x: Double) -> Color {
        if x.isNaN { return .clear }
        let n = lut.count
        let i = Int((x * Double(n)).rounded(.down))
        return lut[min(max(i, 0), n - 1)]
    }
    /// Entry i, matplotlib's `cmap(i)` for an integer.
    public subscript(_ i: Int) -> Color { lut[min(max(i, 0), lut.count - 1)] }

    /// The map reversed ("Blues_r").
    public func reversed() -> Colormap {
        isListed ? Colormap(name: name + "_r", colors: listed.reversed())
                 : Colormap(name: name + "_r", anchors: lut.reversed(), samples: lut.count)
    }

    /// A map by matplotlib name ("Blues", "Greys_r", "tab20c", "gray", ...); nil if unknown.
    public static func named(_ name: String) -> Colormap? {
        if name.hasSuffix("_r") { return named(String(name.dropLast(2)))?.reversed() }
        return all.first { $0.name == name || $0.name.lowercased() == name.lowercased() }
    }

    private static func brewer(_ name: String, _ hex: [UInt32]) -> Colormap {
        Colormap(name: name, anchors: hex.map { Color(hex: $0) })
    }

    public static let blues = brewer("Blues", [0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b])
    public static let greys = brewer("Greys", [0xffffff, 0xf0f0f0, 0xd9d9d9, 0xbdbdbd, 0x969696, 0x737373, 0x525252, 0x252525, 0x000000])
    public static let greens = brewer("Greens", [0xf7fcf5, 0xe5f5e0, 0xc7e9c0, 0xa1d99b, 0x74c476, 0x41ab5d, 0x238b45, 0x006d2c, 0x00441b])
    public static let reds = brewer("Reds", [0xfff5f0, 0xfee0d2, 0xfcbba1, 0xfc9272, 0xfb6a4a, 0xef3b2c, 0xcb181d, 0xa50f15, 0x67000d])
    public static let purples = brewer("Purples", [0xfcfbfd, 0xefedf5, 0xdadaeb, 0xbcbddc, 0x9e9ac8, 0x807dba, 0x6a51a3, 0x54278f, 0x3f007d])
    public static let oranges = brewer("Oranges", [0xfff5eb, 0xfee6ce, 0xfdd0a2, 0xfdae6b, 0xfd8d3c, 0xf16913, 0xd94801, 0xa63603, 0x7f2704])
    public static let ylOrBr = brewer("YlOrBr", [0xffffe5, 0xfff7bc, 0xfee391, 0xfec44f, 0xfe9929, 0xec7014, 0xcc4c02, 0x993404, 0x662506])
    /// Black to white (matplotlib "gray").
    public static let gray = Colormap(name: "gray", anchors: [.black, .white])
    /// White to black (matplotlib "binary").
    public static let binary = Colormap(name: "binary", anchors: [.white, .black])

    private static func listed(_ name: String, _ hex: [UInt32]) -> Colormap {
        Colormap(name: name, colors: hex.map { Color(hex: $0) })
    }
    public static let tab10 = listed("tab10", [0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf])
    public static let tab20 = listed("tab20", [0x1f77b4, 0xaec7e8, 0xff7f0e, 0xffbb78, 0x2ca02c, 0x98df8a, 0xd62728, 0xff9896, 0x9467bd, 0xc5b0d5,
                                              0x8c564b, 0xc49c94, 0xe377c2, 0xf7b6d2, 0x7f7f7f, 0xc7c7c7, 0xbcbd22, 0xdbdb8d, 0x17becf, 0x9edae5])
    public static let tab20b = listed("tab20b", [0x393b79, 0x5254a3, 0x6b6ecf, 0x9c9ede, 0x637939, 0x8ca252, 0xb5cf6b, 0xcedb9c, 0x8c6d31, 0xbd9e39,
                                                0xe7ba52, 0xe7cb94, 0x843c39, 0xad494a, 0xd6616b, 0xe7969c, 0x7b4173, 0xa55194, 0xce6dbd, 0xde9ed6])
    public static let tab20c = listed("tab20c", [0x3182bd, 0x6baed6, 0x9ecae1, 0xc6dbef, 0xe6550d, 0xfd8d3c, 0xfdae6b, 0xfdd0a2, 0x31a354, 0x74c476,
                                                0xa1d99b, 0xc7e9c0, 0x756bb1, 0x9e9ac8, 0xbcbddc, 0xdadaeb, 0x636363, 0x969696, 0xbdbdbd, 0xd9d9d9])
    public static let paired = listed("Paired", [0xa6cee3, 0x1f78b4, 0xb2df8a, 0x33a02c, 0xfb9a99, 0xe31a1c, 0xfdbf6f, 0xff7f00, 0xcab2d6, 0x6a3d9a, 0xffff99, 0xb15928])

    public static let all: [Colormap] = [blues, greys, greens, reds, purples, oranges, ylOrBr, gray, binary,
                                         tab10, tab20, tab20b, tab20c, paired]
}
