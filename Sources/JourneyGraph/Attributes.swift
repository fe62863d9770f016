/// The Graphviz attributes JourneyMap may set: an allow-list. Attributes that read files or
/// reach into the output (`image`, `shapefile`, `fontpath`, `imagepath`, `href`, `URL`,
/// `stylesheet`, …) are not here, so no code path can set them.
public enum AttributeKey: String, Sendable, Hashable, CaseIterable, Comparable {
    case label, xlabel, tooltip
    case shape, style, color, fillcolor, bgcolor, fontname, fontsize, fontcolor, penwidth
    case rankdir, rank, nodesep, ranksep, margin, pad, splines, newrank, compound, ordering, outputorder
    case constraint, weight, minlen, arrowhead, arrowtail, arrowsize, dir, headport, tailport, lhead, ltail
    case width, height, fixedsize, pos, pin, labelloc, labeljust, peripheries, group, ratio, size, dpi, center
    case nslimit, nslimit1, mclimit, searchsize, remincross, forcelabels, clusterrank, layout, notranslate, inputscale
    case bb, lp

    /// By name, for sorted output.
    public static func < (a: AttributeKey, b: AttributeKey) -> Bool { a.rawValue < b.rawValue }
}

/// A value written by JourneyMap's own code: a string literal, a number, a colour or a
/// point. It cannot be made from runtime text, so journey or customer text can never become
/// an attribute value (only label text, escaped, can carry it).
public struct Trusted: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// The text written into DOT or cgraph.
    public let value: String

    /// A value written as a literal in our code.
    public init(stringLiteral value: StaticString) { self.value = value.description }
    /// A whole number.
    public init(integerLiteral value: Int) { self.value = String(value) }
    /// A number with at most three decimals.
    public init(floatLiteral value: Double) { self = .number(value) }
    private init(raw: String) { value = raw }

    /// A number with at most three decimals, locale-free.
    public static func number(_ x: Double) -> Trusted {
        let scaled = (x * 1000).rounded()
        let sign = scaled < 0 ? "-" : ""
        let a = Int(abs(scaled))
        var s = sign + String(a / 1000)
        let frac = a % 1000
        if frac != 0 {
            var f = String(frac)
            while f.count < 3 { f = "0" + f }
            while f.hasSuffix("0") { f.removeLast() }
            s += "." + f
        }
        return Trusted(raw: s)
    }

    /// A whole number computed at run time.
    public static func int(_ i: Int) -> Trusted { Trusted(raw: String(i)) }

    /// `#rrggbb` from components.
    public static func rgb(_ r: Int, _ g: Int, _ b: Int) -> Trusted {
        // Bytes, not Characters: this runs for every cell of every label.
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [0x23]
        for v in [r, g, b] {
            let c = max(0, min(255, v))
            out.append(digits[c / 16])
            out.append(digits[c % 16])
        }
        return Trusted(raw: String(decoding: out, as: UTF8.self))
    }

    /// A colour from a table of our own (validated as #rrggbb or #rrggbbaa).
    public static func color(_ hex: Color) -> Trusted { Trusted(raw: hex.hex) }

    /// `x,y!` pinned position in points.
    public static func point(_ x: Double, _ y: Double, pinned: Bool = true) -> Trusted {
        Trusted(raw: number(x).value + "," + number(y).value + (pinned ? "!" : ""))
    }

    /// A graph-internal identifier of our own making (node names, cluster names).
    static func identifier(_ id: NodeID) -> Trusted { Trusted(raw: id.raw) }

    /// Joins trusted parts, e.g. a style list.
    public static func list(_ parts: [Trusted], separator: StaticString = ",") -> Trusted {
        Trusted(raw: parts.map(\.value).joined(separator: separator.description))
    }
}

/// An sRGB colour; `hex` is always `#rrggbb`.
public struct Color: Sendable, Hashable {
    /// Components 0…255.
    public let r: Int, g: Int, b: Int
    /// A colour from components, clamped to 0…255.
    public init(_ r: Int, _ g: Int, _ b: Int) {
        self.r = max(0, min(255, r))
        self.g = max(0, min(255, g))
        self.b = max(0, min(255, b))
    }
    /// A colour from `0xRRGGBB`.
    public init(hex: UInt32) { self.init(Int(hex >> 16) & 0xFF, Int(hex >> 8) & 0xFF, Int(hex) & 0xFF) }
    /// `#rrggbb`.
    public var hex: String { Trusted.rgb(r, g, b).value }

    /// Mixes toward `other` by `t` (0…1).
    public func mixed(with other: Color, _ t: Double) -> Color {
        let u = max(0, min(1, t))
        func m(_ a: Int, _ b: Int) -> Int { Int((Double(a) * (1 - u) + Double(b) * u).rounded()) }
        return Color(m(r, other.r), m(g, other.g), m(b, other.b))
    }

    /// WCAG relative luminance.
    public var luminance: Double {
        func lin(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : Foundation_pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    /// WCAG contrast ratio with another colour (1…21).
    public func contrast(with other: Color) -> Double {
        let a = luminance, b = other.luminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// Black or white, whichever reads better on this colour.
    public var readableText: Color {
        contrast(with: Color(0, 0, 0)) >= contrast(with: Color(255, 255, 255)) ? Color(0, 0, 0) : Color(255, 255, 255)
    }
}

#if canImport(Glibc)
    import Glibc
    // swift-format-ignore: AlwaysUseLowerCamelCase
    func Foundation_pow(_ a: Double, _ b: Double) -> Double { Glibc.pow(a, b) }
#else
    import Darwin
    // swift-format-ignore: AlwaysUseLowerCamelCase
    func Foundation_pow(_ a: Double, _ b: Double) -> Double { Darwin.pow(a, b) }
#endif

/// An attribute value: trusted text, or a label carrying (escaped) user text.
public enum AttributeValue: Sendable, Hashable {
    case trusted(Trusted)
    /// Plain label text: backslashes are escaped so `\N`, `\G`, `\L` never expand.
    case plain(String)
    case html(HTMLLabel)
}

/// Ordered attributes (sorted by key when written, so output is deterministic).
public struct Attributes: Sendable, Hashable {
    /// The attributes by key.
    public private(set) var values: [AttributeKey: AttributeValue] = [:]
    /// No attributes.
    public init() {}

    /// The trusted value of `key`, if it holds one.
    public subscript(_ key: AttributeKey) -> Trusted? {
        get { if case .trusted(let t)? = values[key] { return t } else { return nil } }
        set { values[key] = newValue.map { .trusted($0) } }
    }

    /// Sets a trusted value.
    public mutating func set(_ key: AttributeKey, _ value: Trusted) { values[key] = .trusted(value) }

    /// User-visible text; only label-like keys take it.
    public mutating func setText(_ key: TextKey, _ text: String) { values[key.attribute] = .plain(text) }
    /// Sets an HTML-like label on a label-like key.
    public mutating func setHTML(_ key: TextKey, _ label: HTMLLabel) { values[key.attribute] = .html(label) }

    /// Every attribute, sorted by key.
    public var sorted: [(AttributeKey, AttributeValue)] { values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
}

/// The attributes that may carry text derived from input.
public enum TextKey: Sendable {
    case label, xlabel, tooltip
    var attribute: AttributeKey {
        switch self {
        case .label: .label
        case .xlabel: .xlabel
        case .tooltip: .tooltip
        }
    }
}
