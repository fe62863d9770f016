import JourneyGraphviz

/// A rounded box of short texts in a lane (blueprint, canvas), with its size estimated before
/// Graphviz lays it out: lanes and columns on a pinned grid are made large enough from these
/// estimates, so that no card reaches into its neighbour.
struct LaneCard {
    /// One line of text, already wrapped.
    struct Line {
        var text: String
        var size: Double
        var color: Color?
        var bold = false
        var italic = false
    }

    /// One row per entry (an action, a pain, a figure), each of one or more lines.
    var rows: [[Line]]
    var fill: Color
    var border: Color
    var borderWidth = 1
    /// Space between the text and the box (CELLPADDING), and between entries (CELLSPACING).
    var padding = 4.0
    var spacing = 2.0
    /// A rounded box; square when false (a cell of a grid).
    var rounded = true

    /// Line height of DejaVu Sans as Graphviz sets it (ascent + descent is 1.164 em), rounded up.
    static let leading = 1.2

    var isEmpty: Bool { rows.isEmpty }

    /// The HTML label, text left-aligned.
    func label(_ canvas: PinnedCanvas) -> HTMLLabel {
        let htmlRows: [HTML] = rows.map { lines in
            var parts: [HTML] = []
            for (i, l) in lines.enumerated() {
                if i > 0 { parts.append(.lineBreak) }
                parts.append(canvas.font(l.text, l.size, color: l.color, bold: l.bold, italic: l.italic))
            }
            return .row([.cell([(.align, "left"), (.balign, "left")], parts)])
        }
        var attrs: [(HTML.Attr, Trusted)] = [
            (.border, .int(borderWidth)), (.cellborder, 0), (.cellspacing, .number(spacing)), (.cellpadding, .number(padding)),
            (.bgcolor, .color(fill)), (.color, .color(border)),
        ]
        if rounded { attrs.append((.style, "rounded")) }
        return HTMLLabel(.table(attrs, htmlRows))
    }

    /// The estimated height in points at this font scale.
    func height(scale: Double) -> Double {
        let text = rows.reduce(0.0) { sum, lines in
            sum + lines.reduce(0.0) { $0 + $1.size * scale * LaneCard.leading } + 2 * padding
        }
        return text + Double(rows.count + 1) * spacing + 2 * Double(borderWidth)
    }

    /// The estimated width in points at this font scale.
    func width(scale: Double) -> Double {
        let text = rows.joined().map { TextWidth.of($0.text, size: $0.size * scale, bold: $0.bold) }.max() ?? 0
        return text + 2 * padding + 2 * spacing + 2 * Double(borderWidth)
    }
}
