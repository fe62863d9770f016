/// Escaping for untrusted text (journey titles, customers' comments) at every output.
/// Each function makes text inert in one context; docs/security.md lists where each is used.
public enum Escape {
    /// Bidirectional overrides and isolates (CVE-2021-42574) and zero-width characters
    /// that hide or reorder text. Removed from every output.
    public static func isHiddenControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0x061C: return true
        default: return false
        }
    }

    /// Drops hidden controls and C0/C1 control characters (keeping tab and newline).
    public static func visible(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isHiddenControl(s) { continue }
            if s.value < 0x20, s != "\n", s != "\t" { continue }
            if s.value == 0x7F || (0x80..<0xA0).contains(s.value) { continue }
            out.append(s)
        }
        return String(out)
    }

    /// Text content and attribute values in HTML and XML (SVG): `& < > " '`.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in visible(text).unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
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
