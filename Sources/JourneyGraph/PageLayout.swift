/// A drawing on a sheet of paper: the page is exactly the paper (ISO 216 A0 is 2383.94 ×
/// 3370.39 pt, whatever the drawing), the drawing scaled to fit inside the margins and
/// centred. Graphviz cannot do this itself (its PDF page is the drawing's own size plus its
/// margins), so the Graphviz boundary draws the laid-out graph onto a page of this size.
public struct PageLayout: Sendable, Equatable, Codable {
    /// Which way up the sheet is.
    public enum Orientation: String, Sendable, Codable, CaseIterable {
        case portrait, landscape
        /// Whichever of the two shows the drawing larger.
        case fitting
    }

    /// The paper's sides in points (1/72 inch), in either order.
    public var paperWidth: Double, paperHeight: Double
    /// Which way up the sheet is printed.
    public var orientation: Orientation
    /// The unprinted border on each side, in points.
    public var margin: Double

    /// A page of `width` × `height` points (either order), turned as `orientation` says.
    public init(width: Double, height: Double, orientation: Orientation, margin: Double) {
        paperWidth = width
        paperHeight = height
        self.orientation = orientation
        self.margin = margin
    }

    /// Where a drawing of `w` × `h` (any unit) goes: the page in points, the scale from
    /// drawing units to points, and the drawing's top-left corner on the page.
    public struct Placement: Sendable, Equatable {
        public var pageWidth: Double, pageHeight: Double
        /// Points per drawing unit.
        public var scale: Double
        public var x: Double, y: Double
    }

    /// The placement of a drawing of `w` × `h`; with `.fitting`, the orientation whose scale is
    /// larger (portrait on a tie).
    public func placement(drawingWidth w: Double, drawingHeight h: Double) -> Placement {
        let short = min(paperWidth, paperHeight), long = max(paperWidth, paperHeight)
        func place(_ pw: Double, _ ph: Double) -> Placement {
            let scale = max(0, min((pw - 2 * margin) / max(w, 1e-9), (ph - 2 * margin) / max(h, 1e-9)))
            return Placement(pageWidth: pw, pageHeight: ph, scale: scale, x: (pw - w * scale) / 2, y: (ph - h * scale) / 2)
        }
        switch orientation {
        case .portrait: return place(short, long)
        case .landscape: return place(long, short)
        case .fitting:
            let up = place(short, long), turned = place(long, short)
            return turned.scale > up.scale * (1 + 1e-9) ? turned : up
        }
    }
}
