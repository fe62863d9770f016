/// Word wrapping for node labels: Graphviz does not wrap HTML labels, so long titles are
/// broken here, at spaces when possible, and very long words are cut.
enum TextWrap {
    static func lines(_ text: String, width: Int, maxLines: Int = 4) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            var w = String(word)
            while w.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(w.prefix(width - 1)) + "-")
                w = String(w.dropFirst(width - 1))
            }
            if current.isEmpty {
                current = w
            } else if current.count + 1 + w.count <= width {
                current += " " + w
            } else {
                lines.append(current)
                current = w
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = String(lines[maxLines - 1].prefix(width - 1)) + "…"
        }
        return lines.isEmpty ? [""] : lines
    }

    static func wrapped(_ text: String, width: Int, maxLines: Int = 4) -> String {
        lines(text, width: width, maxLines: maxLines).joined(separator: "\n")
    }
}
