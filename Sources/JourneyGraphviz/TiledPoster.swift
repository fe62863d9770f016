import CGraphviz

extension GraphvizRenderer {
    /// Lays out `spec`, records the drawing once, and replays it as a tiled poster PDF.
    public static func renderTiles(
        _ spec: GraphSpec, layout: TileLayout, title: String
    ) throws(GraphvizError) -> (pdf: [UInt8], columns: Int, rows: Int) {
        try withLockedLayout(spec) { gvc, g, layoutW, layoutH throws(GraphvizError) in
            // The device draws at up to 96/72 of the layout's points; cairo rasterises the
            // bound once, so it must stay inside cairo's bitmap limits.
            let boundW = (layoutW * 1.4).rounded(.up), boundH = (layoutH * 1.4).rounded(.up)
            guard boundW <= Double(maxBitmapSide), boundH <= Double(maxBitmapSide), boundW * boundH <= Double(maxBitmapPixels) else {
                throw .bitmapTooLarge(width: Int(boundW), height: Int(boundH), limit: maxBitmapSide, dpi: 96)
            }
            var x0 = 0.0, y0 = 0.0, w = 0.0, h = 0.0
            guard let rec = jm_record(gvc, g, boundW, boundH, &x0, &y0, &w, &h) else { throw .renderFailed("the drawing for tiles") }
            defer { jm_surface_destroy(rec) }
            guard w > 0, h > 0 else { throw .renderFailed("an empty drawing") }
            let layout = layout.fewestSheets(drawingWidth: w, drawingHeight: h)
            let (scale, cols, rows) = layout.grid(drawingWidth: w, drawingHeight: h)
            var data: UnsafeMutablePointer<UInt8>?
            var length = 0
            let rc = jm_render_tiles(
                rec, x0, y0, w, h, scale, layout.tileWidth, layout.tileHeight, layout.overlap, layout.margin,
                Int32(cols), Int32(rows), title, &data, &length)
            guard rc == 0, let data else { throw .renderFailed("tiled PDF (cairo status \(rc))") }
            let bytes = Array(UnsafeBufferPointer(start: data, count: length))
            free(data)
            return (PDFNormalizer.normalize(bytes), cols, rows)
        }
    }
}
