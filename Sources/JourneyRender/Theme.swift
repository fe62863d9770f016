import JourneyGraphviz

/// Colours and fonts of a rendering. Department colours come from the Okabe–Ito palette
/// (distinguishable with the common colour-vision deficiencies); the emotion scale is a
/// blue–orange diverging scale, not red–green, for the same reason.
public struct Theme: Sendable, Hashable {
    /// `default`, `print` or `dark`.
    public var name: String
    /// The font family of every label.
    public var font: Trusted
    /// The page.
    public var background: Color
    /// Titles and labels.
    public var text: Color
    /// Secondary text: channels, figures, captions.
    public var mutedText: Color
    /// The band behind a stage's column.
    public var stageFill: Color
    /// The border of a stage's band.
    public var stageBorder: Color
    /// A touchpoint card with no emotion to tint it.
    public var nodeFill: Color
    /// A touchpoint card's border.
    public var nodeBorder: Color
    /// Document-order edges.
    public var sequenceEdge: Color
    /// Explicit `flow` edges.
    public var flowEdge: Color
    /// Outlines of the top pain points.
    public var highlight: Color
    /// Department colours, in declaration order (they repeat past the end).
    public var departments: [Color]
    /// Emotion −2 … +2.
    public var negative: Color
    /// Emotion 0 (the middle of the diverging scale).
    public var neutral: Color
    /// Emotion +2.
    public var positive: Color
    /// Print theme: shapes and patterns carry meaning too (survives grayscale).
    public var usesMarks: Bool
    /// A border drawn around every colour swatch and band (legend chips, owner bands, the
    /// sentiment bar): on paper a white swatch ("+2", a white department) would otherwise
    /// vanish into the page. nil: swatches stand on their colour alone (on screen they sit on
    /// a tinted card or next to a label).
    public var swatchBorder: Color? = nil

    /// Okabe–Ito without vermillion, which marks pain points and negative emotion; past seven
    /// departments colours repeat, and the band always names the department in text.
    public static let okabeIto: [Color] = [
        Color(hex: 0xE69F00), Color(hex: 0x56B4E9), Color(hex: 0x009E73), Color(hex: 0xF0E442),
        Color(hex: 0x0072B2), Color(hex: 0xCC79A7), Color(hex: 0x999999), Color(hex: 0xC7B9E8),
    ]

    /// Light, colour-blind-safe colours for screens.
    public static let `default` = Theme(
        name: "default", font: "DejaVu Sans", background: Color(hex: 0xFFFFFF), text: Color(hex: 0x1B1B1B),
        mutedText: Color(hex: 0x555555), stageFill: Color(hex: 0xF3F5F8), stageBorder: Color(hex: 0xB8C2CC),
        nodeFill: Color(hex: 0xFFFFFF), nodeBorder: Color(hex: 0x4A5560), sequenceEdge: Color(hex: 0x59636E),
        flowEdge: Color(hex: 0x0072B2), highlight: Color(hex: 0xD55E00), departments: okabeIto,
        negative: Color(hex: 0xD55E00), neutral: Color(hex: 0xBBBBBB), positive: Color(hex: 0x0072B2), usesMarks: false)

    /// Black on white with marks for emotion: survives grayscale printing.
    public static let print = Theme(
        name: "print", font: "DejaVu Sans", background: Color(hex: 0xFFFFFF), text: Color(hex: 0x000000),
        mutedText: Color(hex: 0x333333), stageFill: Color(hex: 0xFFFFFF), stageBorder: Color(hex: 0x000000),
        nodeFill: Color(hex: 0xFFFFFF), nodeBorder: Color(hex: 0x000000), sequenceEdge: Color(hex: 0x000000),
        flowEdge: Color(hex: 0x000000), highlight: Color(hex: 0x000000),
        departments: [
            Color(hex: 0xFFFFFF), Color(hex: 0xDDDDDD), Color(hex: 0xAAAAAA), Color(hex: 0x777777),
            Color(hex: 0x444444), Color(hex: 0x000000), Color(hex: 0xEEEEEE), Color(hex: 0x999999),
        ],
        negative: Color(hex: 0x000000), neutral: Color(hex: 0x888888), positive: Color(hex: 0xFFFFFF), usesMarks: true,
        swatchBorder: Color(hex: 0x000000))

    /// Light text on a dark background.
    public static let dark = Theme(
        name: "dark", font: "DejaVu Sans", background: Color(hex: 0x16191D), text: Color(hex: 0xECEFF3),
        mutedText: Color(hex: 0xA9B1BA), stageFill: Color(hex: 0x22272E), stageBorder: Color(hex: 0x434B55),
        nodeFill: Color(hex: 0x2B313A), nodeBorder: Color(hex: 0x8A96A3), sequenceEdge: Color(hex: 0x9AA5B1),
        flowEdge: Color(hex: 0x56B4E9), highlight: Color(hex: 0xD55E00), departments: okabeIto,
        negative: Color(hex: 0xE69F00), neutral: Color(hex: 0x777777), positive: Color(hex: 0x56B4E9), usesMarks: false)

    /// The theme with this name (nil: `default`); nil for an unknown name.
    public static func named(_ name: String?) -> Theme? {
        switch name ?? "default" {
        case "default": .default
        case "print": .print
        case "dark": .dark
        default: nil
        }
    }

    /// The attributes of a table cell filled with `fill`: the colour, and a one-point border in
    /// `swatchBorder` when the theme has one (print), so a white swatch stays visible.
    public func swatch(_ fill: Color) -> [(HTML.Attr, Trusted)] {
        guard let b = swatchBorder else { return [(.bgcolor, .color(fill))] }
        return [(.bgcolor, .color(fill)), (.border, 1), (.color, .color(b))]
    }

    /// The colour of an emotion on the −2 … +2 scale.
    public func emotionColor(_ value: Double) -> Color {
        let v = max(-2, min(2, value))
        return v < 0 ? neutral.mixed(with: negative, -v / 2) : neutral.mixed(with: positive, v / 2)
    }

    /// A light tint of the emotion colour for a node's fill.
    public func emotionTint(_ value: Double) -> Color {
        emotionColor(value).mixed(with: nodeFill, 0.78)
    }

    /// Marks for the print theme, so grayscale keeps the meaning of the emotion.
    public func emotionGlyph(_ value: Double) -> String {
        switch value {
        case ..<(-1.5): "▼▼"
        case ..<(-0.5): "▼"
        case ..<0.5: "●"
        case ..<1.5: "▲"
        default: "▲▲"
        }
    }
}
