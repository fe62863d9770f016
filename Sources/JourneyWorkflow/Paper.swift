import JourneyGraphviz

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
            guard parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), a >= 50, b >= 50, a <= 10_000, b <= 10_000 else { return nil }
            (w, h) = (a, b)
        }
        if landscape != (w > h) { swap(&w, &h) }
        widthMM = w
        heightMM = h
    }

    /// Graphviz `size` (inches) for the drawing inside 10 mm margins; `!` scales up to fill.
    var graphvizSize: Trusted {
        let w = (widthMM - 20) / 25.4, h = (heightMM - 20) / 25.4
        return .list([.number(w), .number(h) ], separator: ",").appendingBang
    }
}

extension Trusted {
    var appendingBang: Trusted { .list([self, "!"], separator: "") }
}
