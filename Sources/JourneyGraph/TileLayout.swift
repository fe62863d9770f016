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
