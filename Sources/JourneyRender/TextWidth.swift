/// Text widths estimated from DejaVu Sans advance widths (the font the themes name), so a
/// label's box can be placed beside its point before Graphviz lays the text out. Within a few
/// per cent on Latin text; other scripts take a generous full em.
enum TextWidth {
    /// Advance widths in em (DejaVu Sans hmtx / 2048), rounded to three places.
    private static let em: [Character: Double] = {
        var t: [Character: Double] = [:]
        let lower = "abcdefghijklmnopqrstuvwxyz"
        let lowerW = [
            0.613, 0.635, 0.550, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974,
            0.634, 0.612, 0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525,
        ]
        for (c, w) in zip(lower, lowerW) { t[c] = w }
        let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        let upperW = [
            0.684, 0.686, 0.698, 0.770, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863,
            0.748, 0.787, 0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685,
        ]
        for (c, w) in zip(upper, upperW) { t[c] = w }
        for c in "0123456789" { t[c] = 0.636 }
        for c in " .,:;·'!|ıl" { t[c] = t[c] ?? 0.318 }
        for (c, w) in [
            ("-", 0.361), ("(", 0.390), (")", 0.390), ("=", 0.838), ("%", 0.950), ("/", 0.337),
            ("&", 0.780), ("?", 0.531), ("\"", 0.460), ("’", 0.318), ("“", 0.512), ("”", 0.512), ("–", 0.500),
        ] as [(Character, Double)] {
            t[c] = w
        }
        return t
    }()

    /// The width in points of `text` set at `size` points (bold about 9 % wider).
    static func of(_ text: String, size: Double, bold: Bool = false) -> Double {
        let ems = text.reduce(0.0) { sum, c in
            sum + (em[c] ?? (c.unicodeScalars.first.map { $0.value >= 0x2E80 } == true ? 1.0 : 0.62))
        }
        return ems * size * (bold ? 1.09 : 1)
    }
}
