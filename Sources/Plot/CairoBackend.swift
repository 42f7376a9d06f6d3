// The only file that talks to Cairo and Pango.
import CCairo
import Foundation

/// Renderer drawing into a cairo context with Pango text.
final class CairoRenderer: Renderer {
    let cr: OpaquePointer
    let pango: OpaquePointer
    private var fontCache: [Font: OpaquePointer] = [:]
    private var validated: Set<String> = []

    init(cr: OpaquePointer) {
        self.cr = cr
        pango = pango_cairo_create_context(cr)
        pango_cairo_context_set_resolution(pango, 72)
        pango_context_set_round_glyph_positions(pango, 0)
        let opts = cairo_font_options_create()
        cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(opts, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(pango, opts)
        cairo_font_options_destroy(opts)
    }

    deinit {
        for (_, d) in fontCache { pango_font_description_free(d) }
        g_object_unref(UnsafeMutableRawPointer(pango))
    }

    func save() { cairo_save(cr) }
    func restore() { cairo_restore(cr) }

    func clip(to r: Rect) {
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_clip(cr)
    }

    private func setSource(_ c: Color) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a) }

    private func appendPath(_ p: Path) {
        cairo_new_path(cr)
        for e in p.elements {
            switch e {
            case .move(let a): cairo_move_to(cr, a.x, a.y)
            case .line(let a): cairo_line_to(cr, a.x, a.y)
            case .curve(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
            case .close: cairo_close_path(cr)
            }
        }
    }

    func draw(_ path: Path, fill: Color?, stroke: Stroke?) {
        guard !path.isEmpty else { return }
        appendPath(path)
        if let f = fill, f.a > 0 {
            setSource(f)
            if let s = stroke, s.width > 0, s.color.a > 0 { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let s = stroke, s.width > 0, s.color.a > 0 {
            setSource(s.color)
            cairo_set_line_width(cr, s.width)
            switch s.cap {
            case .butt: cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
            case .round: cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
            case .square: cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
            }
            switch s.join {
            case .miter: cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
            case .round: cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            case .bevel: cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL)
            }
            if s.dash.isEmpty {
                cairo_set_dash(cr, nil, 0, 0)
            } else {
                s.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), s.dashOffset) }
            }
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    private func fontDescription(_ f: Font) -> OpaquePointer {
        if let d = fontCache[f] { return d }
        let d = pango_font_description_new()!
        pango_font_description_set_family(d, f.family)
        pango_font_description_set_absolute_size(d, f.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(d, f.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(d, f.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        fontCache[f] = d
        return d
    }

    /// Validate markup with pango_parse_markup (Pango only logs bad markup and draws nothing).
    private func validate(_ markup: String) throws {
        if validated.contains(markup) { return }
        var err: UnsafeMutablePointer<GError>? = nil
        let ok = pango_parse_markup(markup, -1, 0, nil, nil, nil, &err)
        if ok == 0 {
            var reason = "unparseable"
            if let e = err {
                if let m = e.pointee.message { reason = String(cString: m) }
                g_error_free(e)
            }
            throw PlotError.invalidMarkup(markup, reason: reason)
        }
        validated.insert(markup)
    }

    private func layout(_ markup: String, _ font: Font) throws -> OpaquePointer {
        let rewritten = Markup.rewriteSubSup(markup, fontSize: font.size)
        try validate(rewritten)
        pango_cairo_update_context(cr, pango)
        let l = pango_layout_new(pango)!
        pango_layout_set_font_description(l, fontDescription(font))
        pango_layout_set_markup(l, rewritten, -1)
        return l
    }

    private func metrics(_ l: OpaquePointer) -> TextMetrics {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(l, &ink, &logical)
        let s = Double(PANGO_SCALE)
        let inkRect = Rect(x: Double(ink.x - logical.x) / s, y: Double(ink.y - logical.y) / s,
                           width: Double(ink.width) / s, height: Double(ink.height) / s)
        return TextMetrics(width: Double(logical.width) / s, height: Double(logical.height) / s,
                           baseline: Double(pango_layout_get_baseline(l)) / s, ink: inkRect)
    }

    func measure(markup: String, font: Font) throws -> TextMetrics {
        let l = try layout(markup, font)
        defer { g_object_unref(UnsafeMutableRawPointer(l)) }
        return metrics(l)
    }

    func drawText(markup: String, font: Font, color: Color, at p: Point, rotation: Double,
                  hAlign: HAlign, vAlign: VAlign) throws {
        let l = try layout(markup, font)
        defer { g_object_unref(UnsafeMutableRawPointer(l)) }
        switch hAlign {
        case .left: pango_layout_set_alignment(l, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(l, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT)
        }
        let m = metrics(l)
        let (o, _) = textPlacement(m, at: p, rotation: rotation, hAlign: hAlign, vAlign: vAlign)
        cairo_save(cr)
        cairo_translate(cr, o.x, o.y)
        if rotation != 0 { cairo_rotate(cr, -rotation * .pi / 180) }
        setSource(color)
        cairo_move_to(cr, 0, 0)
        pango_cairo_update_layout(cr, l)
        pango_cairo_show_layout(cr, l)
        cairo_restore(cr)
        cairo_new_path(cr)
    }

    func drawImage(_ img: RasterImage, in r: Rect, smooth: Bool) {
        guard img.width > 0, img.height > 0 else { return }
        let surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(img.width), Int32(img.height))!
        defer { cairo_surface_destroy(surf) }
        cairo_surface_flush(surf)
        let stride = Int(cairo_image_surface_get_stride(surf))
        let data = cairo_image_surface_get_data(surf)!
        for row in 0..<img.height {
            let line = data + row * stride
            for col in 0..<img.width {
                let i = (row * img.width + col) * 4
                let a = UInt32(img.rgba[i + 3])
                let r = UInt32(img.rgba[i]) * a / 255, g = UInt32(img.rgba[i + 1]) * a / 255
                let b = UInt32(img.rgba[i + 2]) * a / 255
                let px = (a << 24) | (r << 16) | (g << 8) | b
                (UnsafeMutableRawPointer(line) + col * 4).storeBytes(of: px, as: UInt32.self)
            }
        }
        cairo_surface_mark_dirty(surf)
        cairo_save(cr)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_clip(cr)
        cairo_translate(cr, r.x, r.y)
        cairo_scale(cr, r.width / Double(img.width), r.height / Double(img.height))
        cairo_set_source_surface(cr, surf, 0, 0)
        let pat = cairo_get_source(cr)
        cairo_pattern_set_filter(pat, smooth ? CAIRO_FILTER_GOOD : CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(pat, CAIRO_EXTEND_PAD)
        cairo_paint(cr)
        cairo_restore(cr)
    }
}

// MARK: - Output

private final class ByteSink { var bytes: [UInt8] = [] }

private let writeToSink: cairo_write_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}

private func check(_ status: cairo_status_t, _ what: String) throws {
    if status != CAIRO_STATUS_SUCCESS {
        throw PlotError.backend("\(what): \(String(cString: cairo_status_to_string(status)))")
    }
}

/// Output formats of the Cairo backend.
enum CairoOutput {
    /// Fixed date written into PDF metadata so that files are byte-stable.
    static let fixedDate = "2000-01-01T00:00:00Z"

    /// Rendering is serialised: Pango/fontconfig state is shared, and figures drawn from
    /// several threads (tests run in parallel) must not interleave.
    static let lock = NSRecursiveLock()

    /// Render a page of `width`×`height` points as a PDF (fonts embedded by Cairo).
    static func pdf(width: Double, height: Double, title: String?, draw: (Renderer) throws -> Void) throws -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        let sink = ByteSink()
        let ctx = Unmanaged.passUnretained(sink).toOpaque()
        let surf = cairo_pdf_surface_create_for_stream(writeToSink, ctx, width, height)!
        cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE, fixedDate)
        cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_MOD_DATE, fixedDate)
        if let title { cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, title) }
        cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "Plot (Swift)")
        try render(surface: surf, scale: 1, background: nil, draw: draw)
        cairo_surface_finish(surf)
        try check(cairo_surface_status(surf), "PDF surface")
        cairo_surface_destroy(surf)
        withExtendedLifetime(sink) {}
        return sink.bytes
    }

    static func svg(width: Double, height: Double, draw: (Renderer) throws -> Void) throws -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        let sink = ByteSink()
        let ctx = Unmanaged.passUnretained(sink).toOpaque()
        let surf = cairo_svg_surface_create_for_stream(writeToSink, ctx, width, height)!
        cairo_svg_surface_set_document_unit(surf, CAIRO_SVG_UNIT_PT)
        try render(surface: surf, scale: 1, background: nil, draw: draw)
        cairo_surface_finish(surf)
        try check(cairo_surface_status(surf), "SVG surface")
        cairo_surface_destroy(surf)
        withExtendedLifetime(sink) {}
        return sink.bytes
    }

    /// Render as a PNG at `dpi` on a background (white by default; nil = transparent).
    static func png(width: Double, height: Double, dpi: Double, background: Color?,
                    draw: (Renderer) throws -> Void) throws -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        let s = dpi / 72
        let w = Int32((width * s).rounded(.up)), h = Int32((height * s).rounded(.up))
        let surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, max(w, 1), max(h, 1))!
        defer { cairo_surface_destroy(surf) }
        try render(surface: surf, scale: s, background: background, draw: draw)
        cairo_surface_flush(surf)
        let sink = ByteSink()
        let ctx = Unmanaged.passUnretained(sink).toOpaque()
        try check(cairo_surface_write_to_png_stream(surf, writeToSink, ctx), "PNG encoding")
        withExtendedLifetime(sink) {}
        return PNGChunks.addPhys(sink.bytes, dpi: dpi)
    }

    /// Measure-only renderer (a recording surface), for layout without output.
    static func withMeasuringRenderer<T>(_ body: (Renderer) throws -> T) rethrows -> T {
        lock.lock(); defer { lock.unlock() }
        let surf = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nil)!
        defer { cairo_surface_destroy(surf) }
        let cr = cairo_create(surf)!
        defer { cairo_destroy(cr) }
        let r = CairoRenderer(cr: cr)
        return try withExtendedLifetime(r) { try body(r) }
    }

    /// Decode a PNG into RGBA bytes (used by image comparisons in tests).
    static func decodePNG(_ path: String) throws -> RasterImage {
        lock.lock(); defer { lock.unlock() }
        guard let surf = cairo_image_surface_create_from_png(path) else { throw PlotError.backend("cannot read \(path)") }
        defer { cairo_surface_destroy(surf) }
        try check(cairo_surface_status(surf), "reading \(path)")
        let w = Int(cairo_image_surface_get_width(surf)), h = Int(cairo_image_surface_get_height(surf))
        let stride = Int(cairo_image_surface_get_stride(surf))
        let fmt = cairo_image_surface_get_format(surf)
        guard let data = cairo_image_surface_get_data(surf) else { throw PlotError.backend("empty image \(path)") }
        var out = [UInt8](repeating: 0, count: w * h * 4)
        for row in 0..<h {
            for col in 0..<w {
                let px = (UnsafeRawPointer(data) + row * stride + col * 4).load(as: UInt32.self)
                let a = fmt == CAIRO_FORMAT_RGB24 ? 255 : (px >> 24) & 0xff
                var r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff
                if a > 0 && a < 255 { r = r * 255 / a; g = g * 255 / a; b = b * 255 / a }
                let i = (row * w + col) * 4
                out[i] = UInt8(min(r, 255)); out[i + 1] = UInt8(min(g, 255)); out[i + 2] = UInt8(min(b, 255))
                out[i + 3] = UInt8(a)
            }
        }
        return RasterImage(width: w, height: h, rgba: out)
    }

    /// Encode RGBA bytes as PNG.
    static func encodePNG(_ img: RasterImage) throws -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        let surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(img.width), Int32(img.height))!
        defer { cairo_surface_destroy(surf) }
        let cr = cairo_create(surf)!
        let r = CairoRenderer(cr: cr)
        r.drawImage(img, in: Rect(x: 0, y: 0, width: Double(img.width), height: Double(img.height)), smooth: false)
        cairo_destroy(cr)
        cairo_surface_flush(surf)
        let sink = ByteSink()
        try check(cairo_surface_write_to_png_stream(surf, writeToSink, Unmanaged.passUnretained(sink).toOpaque()), "PNG encoding")
        withExtendedLifetime(sink) {}
        return sink.bytes
    }

    private static func render(surface: OpaquePointer, scale: Double, background: Color?,
                               draw: (Renderer) throws -> Void) throws {
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        if let bg = background {
            cairo_set_source_rgba(cr, bg.r, bg.g, bg.b, bg.a)
            cairo_paint(cr)
        }
        cairo_scale(cr, scale, scale)
        let r = CairoRenderer(cr: cr)
        try withExtendedLifetime(r) { try draw(r) }
        try check(cairo_status(cr), "drawing")
    }
}
