import CGraphviz

extension GraphvizRenderer {
    /// Lays out `spec`, records the drawing once, and replays it as a tiled poster PDF: an
    /// index page, then one page per sheet that has something on it. The sheets are upright or
    /// turned, whichever prints fewer of them.
    public static func renderTiles(
        _ spec: GraphSpec, layout: TileLayout, title: String, words: TileWords = TileWords()
    ) throws(GraphvizError) -> (pdf: [UInt8], grid: TileLayout.Grid, printed: [TileLayout.Sheet]) {
        let background = spec.backgroundRGB
        return try withRecording(spec) { rec, x0, y0, w, h throws(GraphvizError) in
            // Where the drawing has ink, at poster scale (at most 16 million pixels).
            let scale = layout.poster.placement(drawingWidth: w, drawingHeight: h).scale
            let (dw, dh) = (w * scale, h * scale)
            let ppp = min(1, (16e6 / max(dw * dh, 1)).squareRoot())
            let (mw, mh) = (max(1, Int((dw * ppp).rounded(.up))), max(1, Int((dh * ppp).rounded(.up))))
            var pixels = [UInt8](repeating: 0, count: mw * mh)
            guard jm_ink_mask(rec, x0, y0, scale * ppp, Int32(mw), Int32(mh), background.r, background.g, background.b, &pixels) == 0 else {
                throw .renderFailed("the tiles' ink mask")
            }
            let ink = InkMask(width: mw, height: mh, pixelsPerPoint: ppp, pixels: pixels)
            let (grid, printed) = layout.plan(drawingWidth: w, drawingHeight: h, ink: ink)
            guard let doc = jm_doc_create(0, grid.tileWidth, grid.tileHeight) else { throw .renderFailed("tiled PDF") }
            jm_doc_set_title(doc, title)
            let cr = jm_doc_context(doc)
            indexPage(cr, rec: rec, x0: x0, y0: y0, layout: layout, grid: grid, printed: printed, title: title, words: words)
            let (pw, ph) = (grid.tileWidth - 2 * layout.margin, grid.tileHeight - 2 * layout.margin)
            for s in printed {
                cairo_save(cr)
                cairo_rectangle(cr, layout.margin, layout.margin, pw, ph)
                cairo_clip(cr)
                jm_paint(cr, rec, x0, y0, layout.margin - s.x, layout.margin - s.y, grid.scale)
                cairo_restore(cr)
                cropMarks(cr, layout.margin, layout.margin, layout.margin + pw, layout.margin + ph)
                // The code large enough to sort the sheets by, then the words and the poster.
                let baseline = grid.tileHeight - layout.margin / 3
                text(cr, s.code, x: layout.margin, y: baseline, size: 10, gray: nil)
                var e = cairo_text_extents_t()
                cairo_text_extents(cr, s.code, &e)
                let caption = "\(s.name(words)) (\(grid.rows) × \(grid.columns)) · \(title)"
                text(cr, caption, x: layout.margin + e.x_advance + 8, y: baseline, size: 7, gray: 0.3)
                cairo_show_page(cr)
            }
            return (try finish(doc, "tiled PDF"), grid, printed)
        }
    }

    /// A count put in its phrase ("{1} sheets").
    private static func fill(_ phrase: String, _ n: Int) -> String {
        phrase.replacing("{1}", with: String(n))
    }

    /// The first page: the whole drawing small, the grid over it, each printed sheet's code.
    private static func indexPage(
        _ cr: OpaquePointer?, rec: OpaquePointer?, x0: Double, y0: Double, layout: TileLayout, grid: TileLayout.Grid,
        printed: [TileLayout.Sheet], title: String, words: TileWords
    ) {
        let m = layout.margin
        let (pw, ph) = (grid.tileWidth - 2 * m, grid.tileHeight - 2 * m)
        text(cr, title, x: m, y: m + 10, size: 12, gray: 0)
        let mm = 25.4 / 72
        let poster = layout.poster.placement(drawingWidth: grid.drawingWidth, drawingHeight: grid.drawingHeight)
        let sheet = "\(Int((grid.tileWidth * mm).rounded())) × \(Int((grid.tileHeight * mm).rounded())) mm"
        let left = grid.sheets.count - printed.count
        let line =
            "\(Int((poster.pageWidth * mm).rounded())) × \(Int((poster.pageHeight * mm).rounded())) mm · \(fill(words.sheets, printed.count)) \(sheet)"
            + (left > 0 ? " (\(fill(words.blankLeftOut, left)))" : "") + " · \(words.overlap) \(Int((layout.overlap * mm).rounded())) mm"
        text(cr, line, x: m, y: m + 26, size: 8, gray: 0.25)
        text(cr, words.assemble, x: m, y: m + 38, size: 8, gray: 0.25)
        // The grid (with the overhang of its outer sheets) fitted below the heading.
        let stepX = pw - layout.overlap, stepY = ph - layout.overlap
        let first = grid.sheets[0]
        let gw = Double(grid.columns - 1) * stepX + pw, gh = Double(grid.rows - 1) * stepY + ph
        let top = m + 50
        let fit = min(pw / gw, (ph - 50) / gh)
        let ox = m + (pw - gw * fit) / 2, oy = top
        jm_paint(cr, rec, x0, y0, ox - first.x * fit, oy - first.y * fit, grid.scale * fit)
        let codes = Set(printed.map(\.code))
        cairo_set_line_width(cr, 0.8)
        for s in grid.sheets {
            let x = ox + (s.x - first.x) * fit, y = oy + (s.y - first.y) * fit
            cairo_rectangle(cr, x, y, pw * fit, ph * fit)
            if codes.contains(s.code) {
                cairo_set_source_rgb(cr, 0.84, 0.37, 0)
                cairo_set_dash(cr, nil, 0, 0)
                cairo_stroke(cr)
                label(cr, s.code, centreX: x + s.ownWidth * fit / 2, centreY: y + s.ownHeight * fit / 2)
            } else {
                cairo_set_source_rgb(cr, 0.6, 0.6, 0.6)
                var dash = [2.0, 2.0]
                cairo_set_dash(cr, &dash, 2, 0)
                cairo_stroke(cr)
                cairo_set_dash(cr, nil, 0, 0)
            }
        }
        cairo_show_page(cr)
    }

    /// A sheet's code in the middle of its own area, on a white plate so the drawing under it
    /// does not hide it.
    private static func label(_ cr: OpaquePointer?, _ s: String, centreX: Double, centreY: Double) {
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD)
        cairo_set_font_size(cr, 11)
        var e = cairo_text_extents_t()
        cairo_text_extents(cr, s, &e)
        cairo_set_source_rgba(cr, 1, 1, 1, 0.85)
        cairo_rectangle(cr, centreX - e.width / 2 - 3, centreY - e.height / 2 - 3, e.width + 6, e.height + 6)
        cairo_fill(cr)
        cairo_set_source_rgb(cr, 0.84, 0.37, 0)
        cairo_move_to(cr, centreX - e.width / 2 - e.x_bearing, centreY - e.height / 2 - e.y_bearing)
        cairo_show_text(cr, s)
    }

    private static func cropMarks(_ cr: OpaquePointer?, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        let m = 12.0
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_set_line_width(cr, 0.4)
        for (x, dx) in [(x0, -1.0), (x1, 1.0)] {
            for (y, dy) in [(y0, -1.0), (y1, 1.0)] {
                cairo_move_to(cr, x + dx * 2, y)
                cairo_line_to(cr, x + dx * (2 + m), y)
                cairo_move_to(cr, x, y + dy * 2)
                cairo_line_to(cr, x, y + dy * (2 + m))
            }
        }
        cairo_stroke(cr)
    }

    /// Bold DejaVu Sans; `gray` nil: the orange of the grid.
    private static func text(_ cr: OpaquePointer?, _ s: String, x: Double, y: Double, size: Double, gray: Double?) {
        if let gray { cairo_set_source_rgb(cr, gray, gray, gray) } else { cairo_set_source_rgb(cr, 0.84, 0.37, 0) }
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD)
        cairo_set_font_size(cr, size)
        cairo_move_to(cr, x, y)
        cairo_show_text(cr, s)
    }

    /// Lays out `spec` and records its drawing once (vector operations), for posters and
    /// tiles; `body` gets the recording and its extents (device units, 96 a inch).
    static func withRecording<T>(
        _ spec: GraphSpec, _ body: (OpaquePointer?, Double, Double, Double, Double) throws(GraphvizError) -> T
    ) throws(GraphvizError) -> T {
        try withLockedLayout(spec) { gvc, g, layoutW, layoutH throws(GraphvizError) in
            // The device draws at up to 96/72 of the layout's points; cairo rasterises the
            // bound once, so it must stay inside cairo's bitmap limits.
            let boundW = (layoutW * 1.4).rounded(.up), boundH = (layoutH * 1.4).rounded(.up)
            guard boundW <= Double(maxBitmapSide), boundH <= Double(maxBitmapSide), boundW * boundH <= Double(maxBitmapPixels) else {
                throw .bitmapTooLarge(width: Int(boundW), height: Int(boundH), limit: maxBitmapSide, dpi: 96)
            }
            var x0 = 0.0, y0 = 0.0, w = 0.0, h = 0.0
            guard let rec = jm_record(gvc, g, boundW, boundH, &x0, &y0, &w, &h) else { throw .renderFailed("the drawing for the page") }
            defer { jm_surface_destroy(rec) }
            guard w > 0, h > 0 else { throw .renderFailed("an empty drawing") }
            return try body(rec, x0, y0, w, h)
        }
    }

    /// Ends a document and copies its bytes out (a PDF normalised: no creation date).
    static func finish(_ doc: UnsafeMutablePointer<jm_doc>, _ what: String) throws(GraphvizError) -> [UInt8] {
        let png = doc.pointee.png != 0
        var data: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard jm_doc_finish(doc, &data, &length) == 0, let data else { throw .renderFailed(what) }
        let bytes = Array(UnsafeBufferPointer(start: data, count: length))
        free(data)
        return png ? bytes : PDFNormalizer.normalize(bytes)
    }
}

extension GraphSpec {
    /// The graph's `bgcolor` as 0…1 components; white when unset or not `#rrggbb`.
    var backgroundRGB: (r: Double, g: Double, b: Double) {
        guard let v = graph[.bgcolor]?.value, v.hasPrefix("#"), v.count == 7, let n = UInt32(v.dropFirst(), radix: 16) else {
            return (1, 1, 1)
        }
        return (Double((n >> 16) & 0xFF) / 255, Double((n >> 8) & 0xFF) / 255, Double(n & 0xFF) / 255)
    }
}
