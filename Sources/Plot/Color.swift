import Foundation

/// An sRGB colour with alpha, components in 0...1.
public struct Color: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var r: Double, g: Double, b: Double, a: Double
    public init(r: Double, g: Double, b: Double, a: Double = 1) { self.r = r; self.g = g; self.b = b; self.a = a }
    /// From 0xRRGGBB.
    public init(hex: UInt32, alpha: Double = 1) {
        r = Double((hex >> 16) & 0xff) / 255; g = Double((hex >> 8) & 0xff) / 255
        b = Double(hex & 0xff) / 255; a = alpha
    }
    /// A grey level (0 black, 1 white).
    public static func gray(_ v: Double, alpha: Double = 1) -> Color { Color(r: v, g: v, b: v, a: alpha) }
    /// The same colour with another alpha.
    public func alpha(_ a: Double) -> Color { Color(r: r, g: g, b: b, a: a) }

    public static let black = Color(hex: 0x000000)
    public static let white = Color(hex: 0xffffff)
    public static let clear = Color(r: 0, g: 0, b: 0, a: 0)
    public static let red = Color(hex: 0xff0000)
    public static let blue = Color(hex: 0x0000ff)
    public static let grey = Color(hex: 0x808080)

    /// A colour by name, like matplotlib: the 148 CSS4 names ("dodgerblue", "grey"...),
    /// "#rrggbb" / "#rrggbbaa" / "#rgb", single letters ("k", "r", ...), "C0"..."C9"
    /// and "tab:blue"... (tab10), "xkcd:orangish", a grey level string ("0.5"), "none".
    /// Unknown names trap with a message: use `Color.parse` to get nil instead.
    public static func named(_ name: String) -> Color {
        guard let c = parse(name) else { preconditionFailure("unknown colour name \"\(name)\"") }
        return c
    }

    public static func parse(_ raw: String) -> Color? {
        let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if name == "none" || name == "transparent" { return .clear }
        if name.hasPrefix("#") {
            let h = String(name.dropFirst())
            if h.count == 3 {
                let e = h.map { "\($0)\($0)" }.joined()
                return UInt32(e, radix: 16).map { Color(hex: $0) }
            }
            if h.count == 6 { return UInt32(h, radix: 16).map { Color(hex: $0) } }
            if h.count == 8, let v = UInt32(h, radix: 16) {
                return Color(hex: v >> 8, alpha: Double(v & 0xff) / 255)
            }
            return nil
        }
        if let v = cssColors[name] { return Color(hex: v) }
        if let v = extraColors[name] { return Color(hex: v) }
        if name.hasPrefix("c"), name.count == 2, let i = Int(name.dropFirst()) {
            return Colormap.tab10.listed[i % 10]
        }
        if let g = Double(name), g >= 0, g <= 1 { return .gray(g) }
        return nil
    }

    /// All CSS4 colour names matplotlib knows (148).
    public static var cssNames: [String] { cssColors.keys.sorted() }

    public var hexString: String {
        func byte(_ v: Double) -> Int { Int((min(max(v, 0), 1) * 255).rounded()) }
        return String(format: "#%02x%02x%02x", byte(r), byte(g), byte(b))
    }
    public var description: String { a == 1 ? hexString : hexString + String(format: "@%.2f", a) }

    /// Linear mix: t = 0 gives self, 1 gives other.
    public func mix(_ o: Color, _ t: Double) -> Color {
        Color(r: r + (o.r - r) * t, g: g + (o.g - g) * t, b: b + (o.b - b) * t, a: a + (o.a - a) * t)
    }
}

private let extraColors: [String: UInt32] = [
    "k": 0x000000, "w": 0xffffff, "r": 0xff0000, "g": 0x008000, "b": 0x0000ff,
    "c": 0x00bfbf, "m": 0xbf00bf, "y": 0xbfbf00,
    "tab:blue": 0x1f77b4, "tab:orange": 0xff7f0e, "tab:green": 0x2ca02c, "tab:red": 0xd62728,
    "tab:purple": 0x9467bd, "tab:brown": 0x8c564b, "tab:pink": 0xe377c2, "tab:gray": 0x7f7f7f,
    "tab:grey": 0x7f7f7f, "tab:olive": 0xbcbd22, "tab:cyan": 0x17becf,
    "xkcd:orangish": 0xfc824a,
]

/// matplotlib's CSS4_COLORS.
let cssColors: [String: UInt32] = [
        "aliceblue": 0xf0f8ff, "antiquewhite": 0xfaebd7, "aqua": 0x00ffff, "aquamarine": 0x7fffd4,
        "azure": 0xf0ffff, "beige": 0xf5f5dc, "bisque": 0xffe4c4, "black": 0x000000,
        "blanchedalmond": 0xffebcd, "blue": 0x0000ff, "blueviolet": 0x8a2be2, "brown": 0xa52a2a,
        "burlywood": 0xdeb887, "cadetblue": 0x5f9ea0, "chartreuse": 0x7fff00, "chocolate": 0xd2691e,
        "coral": 0xff7f50, "cornflowerblue": 0x6495ed, "cornsilk": 0xfff8dc, "crimson": 0xdc143c,
        "cyan": 0x00ffff, "darkblue": 0x00008b, "darkcyan": 0x008b8b, "darkgoldenrod": 0xb8860b,
        "darkgray": 0xa9a9a9, "darkgreen": 0x006400, "darkgrey": 0xa9a9a9, "darkkhaki": 0xbdb76b,
        "darkmagenta": 0x8b008b, "darkolivegreen": 0x556b2f, "darkorange": 0xff8c00,
        "darkorchid": 0x9932cc, "darkred": 0x8b0000, "darksalmon": 0xe9967a,
        "darkseagreen": 0x8fbc8f, "darkslateblue": 0x483d8b, "darkslategray": 0x2f4f4f,
        "darkslategrey": 0x2f4f4f, "darkturquoise": 0x00ced1, "darkviolet": 0x9400d3,
        "deeppink": 0xff1493, "deepskyblue": 0x00bfff, "dimgray": 0x696969, "dimgrey": 0x696969,
        "dodgerblue": 0x1e90ff, "firebrick": 0xb22222, "floralwhite": 0xfffaf0,
        "forestgreen": 0x228b22, "fuchsia": 0xff00ff, "gainsboro": 0xdcdcdc, "ghostwhite": 0xf8f8ff,
        "gold": 0xffd700, "goldenrod": 0xdaa520, "gray": 0x808080, "green": 0x008000,
        "greenyellow": 0xadff2f, "grey": 0x808080, "honeydew": 0xf0fff0, "hotpink": 0xff69b4,
        "indianred": 0xcd5c5c, "indigo": 0x4b0082, "ivory": 0xfffff0, "khaki": 0xf0e68c,
        "lavender": 0xe6e6fa, "lavenderblush": 0xfff0f5, "lawngreen": 0x7cfc00,
        "lemonchiffon": 0xfffacd, "lightblue": 0xadd8e6, "lightcoral": 0xf08080,
        "lightcyan": 0xe0ffff, "lightgoldenrodyellow": 0xfafad2, "lightgray": 0xd3d3d3,
        "lightgreen": 0x90ee90, "lightgrey": 0xd3d3d3, "lightpink": 0xffb6c1,
        "lightsalmon": 0xffa07a, "lightseagreen": 0x20b2aa, "lightskyblue": 0x87cefa,
        "lightslategray": 0x778899, "lightslategrey": 0x778899, "lightsteelblue": 0xb0c4de,
        "lightyellow": 0xffffe0, "lime": 0x00ff00, "limegreen": 0x32cd32, "linen": 0xfaf0e6,
        "magenta": 0xff00ff, "maroon": 0x800000, "mediumaquamarine": 0x66cdaa,
        "mediumblue": 0x0000cd, "mediumorchid": 0xba55d3, "mediumpurple": 0x9370db,
        "mediumseagreen": 0x3cb371, "mediumslateblue": 0x7b68ee, "mediumspringgreen": 0x00fa9a,
        "mediumturquoise": 0x48d1cc, "mediumvioletred": 0xc71585, "midnightblue": 0x191970,
        "mintcream": 0xf5fffa, "mistyrose": 0xffe4e1, "moccasin": 0xffe4b5, "navajowhite": 0xffdead,
        "navy": 0x000080, "oldlace": 0xfdf5e6, "olive": 0x808000, "olivedrab": 0x6b8e23,
        "orange": 0xffa500, "orangered": 0xff4500, "orchid": 0xda70d6, "palegoldenrod": 0xeee8aa,
        "palegreen": 0x98fb98, "paleturquoise": 0xafeeee, "palevioletred": 0xdb7093,
        "papayawhip": 0xffefd5, "peachpuff": 0xffdab9, "peru": 0xcd853f, "pink": 0xffc0cb,
        "plum": 0xdda0dd, "powderblue": 0xb0e0e6, "purple": 0x800080, "rebeccapurple": 0x663399,
        "red": 0xff0000, "rosybrown": 0xbc8f8f, "royalblue": 0x4169e1, "saddlebrown": 0x8b4513,
        "salmon": 0xfa8072, "sandybrown": 0xf4a460, "seagreen": 0x2e8b57, "seashell": 0xfff5ee,
        "sienna": 0xa0522d, "silver": 0xc0c0c0, "skyblue": 0x87ceeb, "slateblue": 0x6a5acd,
        "slategray": 0x708090, "slategrey": 0x708090, "snow": 0xfffafa, "springgreen": 0x00ff7f,
        "steelblue": 0x4682b4, "tan": 0xd2b48c, "teal": 0x008080, "thistle": 0xd8bfd8,
        "tomato": 0xff6347, "turquoise": 0x40e0d0, "violet": 0xee82ee, "wheat": 0xf5deb3,
        "white": 0xffffff, "whitesmoke": 0xf5f5f5, "yellow": 0xffff00, "yellowgreen": 0x9acd32,
]
