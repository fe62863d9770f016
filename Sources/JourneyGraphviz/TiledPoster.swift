import CGraphviz

/// A poster cut into printable tiles: one multi-page vector PDF whose pages assemble into the
/// poster (first page: an index of the tiles over the whole drawing; then each tile with crop
/// marks and its name, A1, B1 …). Graphviz paginates only PostScript, so the tiles are drawn
/// through cairo here (`tiles.h`).
public struct TileLayout: Sendable, Equatable {
    /// Poster and tile sizes in points (1/72 inch).
    public var posterWidth: Double, posterHeight: Double
    /// A tile's paper size in points.
    public var tileWidth: Double, tileHeight: Double
    /// How much neighbouring tiles share, in points (for gluing).
    public var overlap: Double
    /// The unprinted margin of each sheet, in points.
    public var margin: Double

    /// A layout from poster and tile sizes in points.
    public init(posterWidth: Double, posterHeight: Double, tileWidth: Double, tileHeight: Double, overlap: Double, margin: Double = 28) {
        self.posterWidth = posterWidth
        self.posterHeight = posterHeight
        self.tileWidth = tileWidth
        self.tileHeight = tileHeight
        self.overlap = overlap
        self.margin = margin
    }

    /// The same tiles turned a quarter, when that takes fewer sheets for this drawing.
    public func fewestSheets(drawingWidth w: Double, drawingHeight h: Double) -> TileLayout {
        var turned = self
        (turned.tileWidth, turned.tileHeight) = (tileHeight, tileWidth)
        let a = grid(drawingWidth: w, drawingHeight: h), b = turned.grid(drawingWidth: w, drawingHeight: h)
        return b.columns * b.rows < a.columns * a.rows ? turned : self
    }

    /// Columns and rows of tiles for a drawing of `w` × `h` points scaled to fit the poster.
    public func grid(drawingWidth w: Double, drawingHeight h: Double) -> (scale: Double, columns: Int, rows: Int) {
        let scale = min(posterWidth / w, posterHeight / h)
        let stepX = tileWidth - 2 * margin - overlap, stepY = tileHeight - 2 * margin - overlap
        let cols = max(1, Int(((w * scale - overlap) / stepX).rounded(.up)))
        let rows = max(1, Int(((h * scale - overlap) / stepY).rounded(.up)))
        return (scale, cols, rows)
    }
}

extension GraphvizRenderer {
    /// Lays out `spec`, records the drawing once, and replays it as a tiled poster PDF.
    public static func renderTiles(_ spec: GraphSpec, layout: TileLayout, title: String) throws(GraphvizError) -> (pdf: [UInt8], columns: Int, rows: Int) {
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
            let rc = jm_render_tiles(rec, x0, y0, w, h, scale, layout.tileWidth, layout.tileHeight, layout.overlap, layout.margin,
                                     Int32(cols), Int32(rows), title, &data, &length)
            guard rc == 0, let data else { throw .renderFailed("tiled PDF (cairo status \(rc))") }
            let bytes = Array(UnsafeBufferPointer(start: data, count: length))
            free(data)
            return (PDFNormalizer.normalize(bytes), cols, rows)
        }
    }
}
