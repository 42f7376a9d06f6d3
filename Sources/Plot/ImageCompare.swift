import Foundation

/// PNG reading/writing and pixel comparison, for image tests of figures.
extension RasterImage {
    /// Decode a PNG file.
    public static func readPNG(_ path: String) throws -> RasterImage { try CairoOutput.decodePNG(path) }

    /// Decode PNG bytes.
    public static func decodePNG(_ bytes: [UInt8]) throws -> RasterImage {
        let tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent("plot-decode-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).png")
        try Data(bytes).write(to: tmp)
        defer { try? FileManager.default.removeItem(at: tmp) }
        return try CairoOutput.decodePNG(tmp.path)
    }

    /// Encode as PNG.
    public func pngData() throws -> [UInt8] { try CairoOutput.encodePNG(self) }

    /// Root-mean-square difference of the RGB channels (0...255 scale), composited on
    /// white; infinity when sizes differ.
    public func rmsDifference(to o: RasterImage) -> Double {
        guard width == o.width, height == o.height else { return .infinity }
        var sum = 0.0
        for i in stride(from: 0, to: rgba.count, by: 4) {
            for k in 0..<3 {
                let a = onWhite(rgba[i + k], rgba[i + 3]), b = onWhite(o.rgba[i + k], o.rgba[i + 3])
                sum += (a - b) * (a - b)
            }
        }
        return (sum / Double(width * height * 3)).squareRoot()
    }

    /// An image showing where two images differ (red, brighter = larger difference) over
    /// a faded copy of `self`.
    public func diffImage(_ o: RasterImage) -> RasterImage {
        let w = min(width, o.width), h = min(height, o.height)
        var px = [UInt8](repeating: 255, count: w * h * 4)
        for y in 0..<h {
            for x in 0..<w {
                let i = (y * width + x) * 4, j = (y * o.width + x) * 4, d = (y * w + x) * 4
                var diff = 0.0, base = 0.0
                for k in 0..<3 {
                    let a = onWhite(rgba[i + k], rgba[i + 3]), b = onWhite(o.rgba[j + k], o.rgba[j + 3])
                    diff = max(diff, abs(a - b)); base += a / 3
                }
                let faded = UInt8(255 - (255 - base) * 0.25)
                if diff > 0 {
                    px[d] = 255; px[d + 1] = UInt8(max(0, 200 - diff)); px[d + 2] = UInt8(max(0, 200 - diff))
                } else {
                    px[d] = faded; px[d + 1] = faded; px[d + 2] = faded
                }
            }
        }
        return RasterImage(width: w, height: h, rgba: px)
    }
}

@inline(__always) private func onWhite(_ c: UInt8, _ a: UInt8) -> Double {
    let al = Double(a) / 255
    return Double(c) * al + 255 * (1 - al)
}
