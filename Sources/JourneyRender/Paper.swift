import JourneyGraph

/// Paper for posters (`--paper A0 --landscape`): ISO A sizes, US letter and tabloid, or any
/// `WIDTHxHEIGHTmm`.
public struct Paper: Sendable, Hashable, Codable {
    public var widthMM: Double
    public var heightMM: Double

    public static let named: [String: (Double, Double)] = [
        "A0": (841, 1189), "A1": (594, 841), "A2": (420, 594), "A3": (297, 420), "A4": (210, 297),
        "letter": (215.9, 279.4), "tabloid": (279.4, 431.8),
    ]

    /// Parses a name or `WxHmm`; nil when it is neither.
    public init?(_ text: String, landscape: Bool) {
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
        if landscape != (w > h) { swap(&w, &h) }
        widthMM = w
        heightMM = h
    }

    /// Graphviz `size` (inches) for the drawing inside 10 mm margins; `!` scales up to fill.
    public var graphvizSize: Trusted {
        let w = (widthMM - 20) / 25.4, h = (heightMM - 20) / 25.4
        return .list([.number(w), .number(h)], separator: ",").appendingBang
    }
}

extension Paper {
    /// Paper of A2 and up carries a wall map, read from a distance.
    public var isWall: Bool { widthMM * heightMM >= 420 * 594 }

    /// The tiles of this poster (inside 10 mm margins) on `tile` paper, in points.
    public func tiles(of tile: Paper, overlapMM: Double) -> TileLayout {
        let mm = 72 / 25.4
        return TileLayout(
            posterWidth: (widthMM - 20) * mm, posterHeight: (heightMM - 20) * mm,
            tileWidth: tile.widthMM * mm, tileHeight: tile.heightMM * mm, overlap: overlapMM * mm)
    }

    /// The poster tiles are cut from when no paper is given: A0 landscape.
    public static let defaultPoster = Paper(widthMM: 1189, heightMM: 841)

    init(widthMM: Double, heightMM: Double) {
        self.widthMM = widthMM
        self.heightMM = heightMM
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

extension Trusted {
    var appendingBang: Trusted { .list([self, "!"], separator: "") }
}
