/// Escaping for untrusted text (journey titles, customers' comments) at every output.
/// Each function makes text inert in one context; docs/security.md lists where each is used.
public enum Escape {
    /// Bidirectional overrides, embeddings, isolates and marks (CVE-2021-42574): they reorder
    /// how text is shown, so what a reviewer reads is not what is there.
    public static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    /// Invisible format characters that hide or smuggle text: zero-width space, word joiner
    /// and invisible operators, the deprecated format characters U+206A–U+206F, the byte-order
    /// mark, the Mongolian vowel separator, the soft hyphen and the TAG characters
    /// U+E0000–U+E007F (invisible ASCII). The joiners U+200C and U+200D are not among them:
    /// they shape Persian and Indic words and hold emoji sequences together (see `visible`).
    public static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200B, 0x2060...0x2064, 0x2065, 0x206A...0x206F, 0xFEFF, 0x180E, 0x00AD, 0xE0000...0xE007F: return true
        default: return false
        }
    }

    /// Bidi controls and invisible characters: what `visible` removes besides control characters.
    public static func isHiddenControl(_ s: Unicode.Scalar) -> Bool {
        isBidiControl(s) || isInvisible(s)
    }

    /// ZERO WIDTH NON-JOINER and ZERO WIDTH JOINER.
    static func isJoiner(_ s: Unicode.Scalar) -> Bool { s.value == 0x200C || s.value == 0x200D }

    /// The one filter every output uses before its own escaping (SVG, HTML, Markdown, CSV,
    /// Graphviz labels): drops bidi controls, invisible characters, C0/C1 controls and DEL
    /// (keeping tab and newline); line and paragraph separators (U+2028, U+2029) become line
    /// breaks; the joiners ZWJ/ZWNJ are kept between two visible characters (inside a word
    /// or an emoji sequence such as 👩‍👩‍👧‍👦) and dropped anywhere else.
    public static func visible(_ text: String) -> String {
        // Fast path: plain text has nothing to drop.
        if !text.unicodeScalars.contains(where: { needsFilter($0) }) { return text }
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            if s.value == 0x2028 || s.value == 0x2029 { kept.append("\n"); continue }
            if isHiddenControl(s) { continue }
            if s.value < 0x20, s != "\n", s != "\t" { continue }
            if s.value == 0x7F || (0x80..<0xA0).contains(s.value) { continue }
            kept.append(s)
        }
        var out = String.UnicodeScalarView()
        for (i, s) in kept.enumerated() {
            if isJoiner(s) {
                guard i > 0, i + 1 < kept.count, joinable(kept[i - 1]), joinable(kept[i + 1]) else { continue }
            }
            out.append(s)
        }
        return String(out)
    }

    /// A character a joiner may stand next to: visible, not a space, not another joiner.
    private static func joinable(_ s: Unicode.Scalar) -> Bool {
        !isJoiner(s) && !s.properties.isWhitespace && s.value >= 0x20
    }

    private static func needsFilter(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\n" && s != "\t") || (0x7F..<0xA0).contains(s.value) || s.value == 0x2028 || s.value == 0x2029
            || isJoiner(s) || isHiddenControl(s)
    }

    /// Text for a terminal or a CI log (diagnostics): nothing in it can move the cursor, set
    /// a title, clear the screen, reorder text or start a new line. Line breaks and tabs
    /// become `\n` `\r` `\t`; other C0/C1 controls, DEL, bidi controls, line separators and
    /// invisible characters become `\u{1B}`-style escapes, visible and unambiguous.
    public static func terminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsTerminalEscape($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            guard needsTerminalEscape(s) else { out.append(s); continue }
            let escaped: String
            switch s {
            case "\n": escaped = "\\n"
            case "\r": escaped = "\\r"
            case "\t": escaped = "\\t"
            default: escaped = "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            }
            out.append(contentsOf: escaped.unicodeScalars)
        }
        return String(out)
    }

    static func needsTerminalEscape(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F..<0xA0).contains(s.value) || s.value == 0x2028 || s.value == 0x2029 || isHiddenControl(s)
    }

    /// A short, terminal-safe excerpt of untrusted text for a message: at most `limit`
    /// characters (Unicode scalars, so one huge grapheme cannot slip through), then "…".
    public static func excerpt(_ text: String, limit: Int = 60) -> String {
        var scalars = String.UnicodeScalarView()
        var count = 0
        for s in text.unicodeScalars {
            if count == limit { return terminal(String(scalars)) + "…" }
            scalars.append(s)
            count += 1
        }
        return terminal(text)
    }

    /// Text content and attribute values in HTML and XML (SVG): `& < > " '`.
    public static func html(_ text: String) -> String {
        let text = visible(text)
        // Byte by byte: the five characters are ASCII, and no byte of a multi-byte UTF-8
        // sequence is ASCII. Most titles and labels have none of them (issue 17: this runs for
        // every label of every map in a batch).
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for b in text.utf8 {
            switch b {
            case 0x26: out += "&amp;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x22: out += "&quot;".utf8
            case 0x27: out += "&#39;".utf8
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Inline Markdown (a table cell or a list item): no links, images, HTML, emphasis or
    /// table breaks. Every punctuation character Markdown could act on is backslash-escaped,
    /// `<` `>` `&` become entities, and line breaks become spaces.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for ch in visible(text).unicodeScalars {
            switch ch {
            case "\n", "\r", "\t": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", ".", "!", "|", "~", "\"", ":", "@", "=":
                out += "\\"
                out.unicodeScalars.append(ch)
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A CSV field (RFC 4180) that no spreadsheet will run as a formula (CWE-1236): a cell
    /// starting with `= + - @`, tab, CR or NUL gets a leading apostrophe, then quoting.
    public static func csvField(_ text: String) -> String {
        var t = visible(text)
        if let first = t.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r", "\0"].contains(first) {
            t = "'" + t
        }
        if t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            return "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return t
    }

    /// Shortens text to `limit` characters at a word boundary, adding "…".
    public static func truncate(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit - 1)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            return String(cut[..<space]) + "…"
        }
        return String(cut) + "…"
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
