import Foundation

/// Small PNG byte-level helpers (no decoding).
enum PNGChunks {
    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xedb88320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var c: UInt32 = 0xffffffff
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xff)] ^ (c >> 8) }
        return c ^ 0xffffffff
    }

    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff)] }

    /// Insert a pHYs chunk (pixels per metre) right after IHDR.
    static func addPhys(_ png: [UInt8], dpi: Double) -> [UInt8] {
        // signature (8) + IHDR: length (4) + type (4) + data (13) + crc (4) = 33 bytes
        guard png.count > 33, Array(png[12..<16]) == Array("IHDR".utf8) else { return png }
        let ppm = UInt32((dpi / 0.0254).rounded())
        let body: [UInt8] = Array("pHYs".utf8) + be32(ppm) + be32(ppm) + [1]
        let chunk = be32(9) + body + be32(crc32(body))
        return Array(png[0..<33]) + chunk + Array(png[33...])
    }
}
