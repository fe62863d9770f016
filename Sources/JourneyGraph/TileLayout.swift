/// A poster cut into printable tiles: one multi-page vector PDF whose pages assemble into the
/// poster (first page: an index of the sheets over the whole drawing; then each sheet with
/// crop marks and its name, "R1C3 · row 1 · column 3", never a name like "A1" that reads as a
/// paper size). The drawing keeps the scale it has on the poster; the sheets cover the
/// drawing, not the poster's empty margins, and sheets with nothing on them are left out.
public struct TileLayout: Sendable, Equatable {
    /// The poster whose scale the tiles keep.
    public var poster: PageLayout
    /// A tile's paper size in points, as given (turned when that takes fewer sheets).
    public var tileWidth: Double, tileHeight: Double
    /// How much neighbouring tiles share, in points (for gluing).
    public var overlap: Double
    /// The unprinted margin of each sheet, in points.
    public var margin: Double

    /// A layout from the poster page and the tile size in points.
    public init(poster: PageLayout, tileWidth: Double, tileHeight: Double, overlap: Double, margin: Double = 28) {
        self.poster = poster
        self.tileWidth = tileWidth
        self.tileHeight = tileHeight
        self.overlap = overlap
        self.margin = margin
    }

    /// One sheet of the grid.
    public struct Sheet: Sendable, Equatable {
        /// 1-based, top to bottom and left to right.
        public var row: Int, column: Int
        /// Where the sheet's printable area starts, in points from the drawing's top-left
        /// corner at poster scale (negative: the grid overhangs the drawing).
        public var x: Double, y: Double
        /// The part of the drawing only this sheet prints first (its printable area less the
        /// overlap it shares with the next sheet to the right and below): the sheets' own
        /// areas partition the grid, so a sheet whose own area is bare adds nothing.
        public var ownWidth: Double, ownHeight: Double

        /// `R1C3`: short, for the index and the back of the sheet.
        public var code: String { "R\(row)C\(column)" }
        /// `row 1 · column 3`.
        public func name(_ words: TileWords = TileWords()) -> String { "\(words.row) \(row) · \(words.column) \(column)" }
    }

    /// The grid for one drawing: its scale on the poster, the sheet size used, every sheet.
    public struct Grid: Sendable, Equatable {
        /// Drawing units to points.
        public var scale: Double
        /// The sheet's paper in points, as printed.
        public var tileWidth: Double, tileHeight: Double
        public var columns: Int, rows: Int
        /// Row by row, left to right.
        public var sheets: [Sheet]
        /// The drawing's size at poster scale, in points.
        public var drawingWidth: Double, drawingHeight: Double
    }

    /// The printable width and height of a sheet, in points.
    public func printable(turned: Bool) -> (width: Double, height: Double) {
        let (w, h) = turned ? (tileHeight, tileWidth) : (tileWidth, tileHeight)
        return (w - 2 * margin, h - 2 * margin)
    }

    /// The grid of sheets (upright, or `turned` a quarter) that covers a drawing of `w` × `h`
    /// units at its poster scale; `alignX`, `alignY` (0…1) place the spare paper of the outer
    /// sheets: 0.5 shares it out evenly, 0 leaves it all right (below), 1 all left (above).
    public func grid(
        drawingWidth w: Double, drawingHeight h: Double, turned: Bool = false, alignX: Double = 0.5, alignY: Double = 0.5
    ) -> Grid {
        let scale = poster.placement(drawingWidth: w, drawingHeight: h).scale
        let (pw, ph) = printable(turned: turned)
        let stepX = max(1, pw - overlap), stepY = max(1, ph - overlap)
        let dw = w * scale, dh = h * scale
        let cols = max(1, Int(((dw - overlap) / stepX).rounded(.up)))
        let rows = max(1, Int(((dh - overlap) / stepY).rounded(.up)))
        let startX = (dw - (Double(cols - 1) * stepX + pw)) * alignX, startY = (dh - (Double(rows - 1) * stepY + ph)) * alignY
        var sheets: [Sheet] = []
        for r in 0..<rows {
            for c in 0..<cols {
                sheets.append(
                    Sheet(
                        row: r + 1, column: c + 1, x: startX + Double(c) * stepX, y: startY + Double(r) * stepY,
                        ownWidth: c == cols - 1 ? pw : stepX, ownHeight: r == rows - 1 ? ph : stepY))
            }
        }
        let (tw, th) = turned ? (tileHeight, tileWidth) : (tileWidth, tileHeight)
        return Grid(
            scale: scale, tileWidth: tw, tileHeight: th, columns: cols, rows: rows, sheets: sheets, drawingWidth: dw,
            drawingHeight: dh)
    }
}

extension TileLayout {
    /// The grid that prints the fewest sheets for a drawing whose ink is `ink` (at poster
    /// scale), and the sheets it prints: upright or turned sheets, the spare paper shared out
    /// or pushed to either side. Ties go to upright, then evenly shared, so an unremarkable
    /// drawing gets the plain centred grid.
    public func plan(drawingWidth w: Double, drawingHeight h: Double, ink: InkMask) -> (grid: Grid, printed: [Sheet]) {
        var best: (grid: Grid, printed: [Sheet])?
        for turned in [false, true] {
            for alignY in [0.5, 0, 1] {
                for alignX in [0.5, 0, 1] {
                    let g = grid(drawingWidth: w, drawingHeight: h, turned: turned, alignX: alignX, alignY: alignY)
                    let printed = g.sheets.filter { ink.hasInk(x: $0.x, y: $0.y, width: $0.ownWidth, height: $0.ownHeight) }
                    if best == nil || printed.count < best!.printed.count { best = (g, printed) }
                }
            }
        }
        return best!
    }
}

/// The words of sheet names and the index page, so a translation can replace them.
public struct TileWords: Sendable, Equatable {
    /// "row", as in "row 1 · column 3".
    public var row = "row"
    /// "column".
    public var column = "column"
    /// The count of printed sheets on the index page; "{1}" is the number ("{1} sheets").
    public var sheets = "{1} sheets"
    /// The count of sheets left out because nothing would print on them; "{1}" is the number.
    public var blankLeftOut = "{1} blank sheets left out"
    /// "overlap", after the overlap in millimetres.
    public var overlap = "overlap"
    /// The index page's instruction.
    public var assemble = "Trim at the crop marks and glue row by row; each sheet names its row and column."
    /// The English words.
    public init() {}
}
