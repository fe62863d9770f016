import JourneyGraph

/// Paper for posters (`--paper A0 --landscape`): ISO 216 A0–A4, US letter and tabloid, or any
/// `WIDTHxHEIGHTmm`. The page of a poster is exactly this paper; without an orientation the
/// sheet is turned whichever way shows the drawing larger.
public struct Paper: Sendable, Hashable, Codable {
    /// The sides as named (A sizes and the US sizes portrait; a custom size as written);
    /// `orientation` decides which way up the sheet is printed.
    public var widthMM: Double
    /// The long or short side as named (see `widthMM`), in millimetres.
    public var heightMM: Double
    /// Portrait, landscape, or whichever shows the drawing larger.
    public var orientation: PageLayout.Orientation

    /// ISO 216 (A0 is 1 m², sides in the ratio √2, each size half the one before, rounded
    /// to the millimetre) and ANSI letter and tabloid, portrait, in millimetres.
    public static let named: [String: (Double, Double)] = [
        "A0": (841, 1189), "A1": (594, 841), "A2": (420, 594), "A3": (297, 420), "A4": (210, 297),
        "letter": (215.9, 279.4), "tabloid": (279.4, 431.8),
    ]

    /// The unprinted border of a poster: 10 mm, within what office and plotter printers leave.
    public static let marginMM = 10.0

    /// Parses a name or `WxHmm`; nil when it is neither.
    public init?(_ text: String, orientation: PageLayout.Orientation = .fitting) {
        var w: Double, h: Double
        if let n = Paper.named.first(where: { $0.key.lowercased() == text.lowercased() })?.value {
            (w, h) = n
        } else {
            guard text.lowercased().hasSuffix("mm") else { return nil }
            let parts = text.dropLast(2).lowercased().split(separator: "x")
            guard parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), a >= 50, b >= 50, a <= 10_000, b <= 10_000 else {
                return nil
            }
            (w, h) = (a, b)
        }
        widthMM = w
        heightMM = h
        self.orientation = orientation
    }

    /// Parses a name or `WxHmm` in landscape (`true`) or portrait (`false`) orientation.
    public init?(_ text: String, landscape: Bool) {
        self.init(text, orientation: landscape ? .landscape : .portrait)
    }

    /// The page: exactly this paper, the drawing inside 10 mm margins.
    public var page: PageLayout {
        let mm = 72 / 25.4
        return PageLayout(width: widthMM * mm, height: heightMM * mm, orientation: orientation, margin: Paper.marginMM * mm)
    }

    /// The sides as printed, when the orientation is fixed: (long, short) in landscape.
    public var orientedMM: (width: Double, height: Double) {
        let short = min(widthMM, heightMM), long = max(widthMM, heightMM)
        switch orientation {
        case .portrait: return (short, long)
        case .landscape: return (long, short)
        case .fitting: return (widthMM, heightMM)
        }
    }
}

extension Paper {
    /// Paper of A2 and up carries a wall map, read from a distance.
    public var isWall: Bool { widthMM * heightMM >= 420 * 594 }

    /// The tiles of this poster on `tile` paper: the poster's page decides the drawing's
    /// scale, the tiles cover the drawing at that scale.
    public func tiles(of tile: Paper, overlapMM: Double) -> TileLayout {
        let mm = 72 / 25.4
        return TileLayout(
            poster: page, tileWidth: min(tile.widthMM, tile.heightMM) * mm, tileHeight: max(tile.widthMM, tile.heightMM) * mm,
            overlap: overlapMM * mm, margin: Paper.marginMM * mm)
    }

    /// The poster tiles are cut from when no paper is given: A0, turned to fit the drawing.
    public static let defaultPoster = Paper(widthMM: 841, heightMM: 1189, orientation: .fitting)

    init(widthMM: Double, heightMM: Double, orientation: PageLayout.Orientation) {
        self.widthMM = widthMM
        self.heightMM = heightMM
        self.orientation = orientation
    }
}

extension MapOptions {
    /// Adapts the drawing to its paper: a wall map (A2 and up) gets simpler labels and
    /// larger text.
    public mutating func adapt(to paper: Paper?) {
        guard let paper, paper.isWall else { return }
        wallLabels = true
        fontScale *= 1.6
        titleWidth = 14
    }
}
