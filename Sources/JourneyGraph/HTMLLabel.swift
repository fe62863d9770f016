import JourneyCore

/// A Graphviz HTML-like label, built only through this API: every text is escaped, elements
/// and attributes come from allow-lists, and attribute values are `Trusted`. So no journey or
/// customer text can open an element, load an image (`<IMG SRC>`), set a font face or a link.
public struct HTMLLabel: Sendable, Hashable {
    /// The label's markup, written between `<` and `>` in DOT.
    public let markup: String
    /// A label whose root is `root` (usually a table).
    public init(_ root: HTML) { markup = root.markup }
}

/// A fragment of an HTML-like label.
public struct HTML: Sendable, Hashable {
    /// The fragment's markup, escaped.
    public let markup: String
    private init(markup: String) { self.markup = markup }

    /// The elements Graphviz's HTML-like labels accept that we use. No IMG.
    public enum Tag: String, Sendable {
        case table = "TABLE", tr = "TR", td = "TD", font = "FONT", b = "B", i = "I", u = "U", s = "S"
        case sub = "SUB", sup = "SUP", hr = "HR", vr = "VR"
    }

    /// Attribute names (no HREF, TARGET, TITLE, TOOLTIP, ID, SRC).
    public enum Attr: String, Sendable {
        case border = "BORDER", cellborder = "CELLBORDER", cellspacing = "CELLSPACING", cellpadding = "CELLPADDING"
        case bgcolor = "BGCOLOR", color = "COLOR", colspan = "COLSPAN", rowspan = "ROWSPAN", align = "ALIGN"
        case balign = "BALIGN", valign = "VALIGN", width = "WIDTH", height = "HEIGHT", fixedsize = "FIXEDSIZE"
        case pointSize = "POINT-SIZE", face = "FACE", sides = "SIDES", style = "STYLE", columns = "COLUMNS", rows = "ROWS"
    }

    /// An element from the allow-lists with trusted attribute values.
    public static func element(_ tag: Tag, _ attrs: [(Attr, Trusted)] = [], _ children: [HTML] = []) -> HTML {
        var m = "<" + tag.rawValue
        for (a, v) in attrs { m += " " + a.rawValue + "=\"" + escape(v.value) + "\"" }
        m += ">"
        for c in children { m += c.markup }
        m += "</" + tag.rawValue + ">"
        return HTML(markup: m)
    }

    /// Escaped text. Line breaks become `<BR/>` (with the alignment given).
    public static func text(_ s: String, align: Trusted? = nil) -> HTML {
        // `Escape.visible` first: U+2028/U+2029 become line breaks here too.
        let lines = Escape.visible(s).split(separator: "\n", omittingEmptySubsequences: false)
        let br = align.map { "<BR ALIGN=\"" + escape($0.value) + "\"/>" } ?? "<BR/>"
        return HTML(markup: lines.map { escape(String($0)) }.joined(separator: br))
    }

    /// `<BR/>`.
    public static var lineBreak: HTML { HTML(markup: "<BR/>") }

    /// Fragments one after another.
    public static func concat(_ parts: [HTML]) -> HTML { HTML(markup: parts.map(\.markup).joined()) }

    /// `& < > " '` as entities, backslashes doubled; bidi controls, invisible characters and
    /// other control characters dropped by `Escape.visible`, the one filter every output uses
    /// (it keeps ZWJ/ZWNJ inside words and emoji); the only thing that reaches the label is
    /// inert text.
    public static func escape(_ s: String) -> String {
        let text = Escape.visible(s)
        // Byte by byte (every byte acted on is ASCII, and no byte of a multi-byte UTF-8
        // sequence is), with a fast path for the common label that needs nothing.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0x5C })
        else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for b in text.utf8 {
            switch b {
            case 0x26: out += "&amp;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x22: out += "&quot;".utf8
            case 0x27: out += "&#39;".utf8
            // Graphviz expands \N, \G, \L … even inside HTML-like labels; a doubled
            // backslash comes out as one literal backslash (measured with libgvc 2.42).
            case 0x5C: out += "\\\\".utf8
            case 0x00...0x1F:  // a line break left in one line of a label (HTML.text splits them first)
                continue
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // Convenience builders.
    /// `<TABLE>` with these attributes and rows.
    public static func table(_ attrs: [(Attr, Trusted)] = [], _ rows: [HTML]) -> HTML { element(.table, attrs, rows) }
    /// `<TR>` with these cells.
    public static func row(_ cells: [HTML]) -> HTML { element(.tr, [], cells) }
    /// `<TD>` with these attributes and content.
    public static func cell(_ attrs: [(Attr, Trusted)] = [], _ content: [HTML]) -> HTML { element(.td, attrs, content) }
    /// `<FONT>` with these attributes around the content.
    public static func font(_ attrs: [(Attr, Trusted)], _ content: [HTML]) -> HTML { element(.font, attrs, content) }
    /// `<B>` around the content.
    public static func bold(_ content: [HTML]) -> HTML { element(.b, [], content) }
    /// `<I>` around the content.
    public static func italic(_ content: [HTML]) -> HTML { element(.i, [], content) }
}
