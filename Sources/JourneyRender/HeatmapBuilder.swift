import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyGraphviz

/// The segment × touchpoint heat map (`--view segments`): one Graphviz HTML-like table, a row
/// per segment and a column per touchpoint under its stage, each cell tinted by its figure and
/// printing the figure and its n; a thick border and ▲/▼ where the segment differs from the
/// rest of the respondents after the Holm correction; a legend below (docs/feedback.md#segments).
public enum HeatmapBuilder {
    /// ColorBrewer's 5-class "Blues", light to dark: safe for the common colour-vision
    /// deficiencies, and its lightness falls steadily, so the order survives grayscale printing.
    static let scale: [Color] = [
        Color(hex: 0xEFF3FF), Color(hex: 0xBDD7E7), Color(hex: 0x6BAED6), Color(hex: 0x3182BD), Color(hex: 0x08519C),
    ]

    /// The heat map; a note saying how to get one when no answer carries a segment.
    public static func build(_ journey: Journey, table: SegmentTable?, options: MapOptions = MapOptions()) -> GraphSpec {
        let theme = options.theme
        let fs = options.fontScale
        var g = GraphSpec()
        g.graph.set(.bgcolor, .color(theme.background))
        g.graph.set(.pad, 0.3)
        g.graph.set(.fontname, theme.font)
        g.graph.set(.labelloc, "t")
        g.graph.set(.labeljust, "l")  // the legend (or the note of an empty view) on the left
        g.nodeDefaults.set(.fontname, theme.font)
        g.nodeDefaults.set(.shape, "plain")
        func font(_ size: Double, _ color: Color, _ content: [HTML]) -> HTML {
            .font([(.pointSize, .number(size * fs)), (.color, .color(color))], content)
        }
        let l = options.language
        let title: HTML = .concat([
            font(20, theme.text, [.bold([.text(l(.heatmapTitle, journey.title))])]), .text("\n", align: "left"),
            font(13, theme.mutedText, [.text((table?.figure).map { l(.heatmapSubtitle, $0.title(in: l)) } ?? l[.heatmapNoSegments])]),
            .text("\n", align: "left"),
        ])
        guard let t = table else {
            g.graph.setHTML(.label, HTMLLabel(title))
            var a = Attributes()
            a.setHTML(
                .label,
                HTMLLabel(
                    font(
                        12, theme.mutedText,
                        [.text(l[.heatmapNoSegmentsHelp])])))
            g.nodes.append(GraphSpec.Node(id: NodeID("h", 0), attributes: a))
            return g
        }
        let bins = Bins(t)
        let cols = t.touchpointIDs.count
        // The title is the table's first row and the legend is the graph's label below it:
        // Graphviz stretches a nested table to its cell, which spread the legend's swatches.
        var rows: [HTML] = [.row([.cell([(.border, 0), (.colspan, .int(cols + 1)), (.align, "left"), (.balign, "left")], [title])])]
        // Stage titles over their touchpoints, then the touchpoint titles.
        var stageCells: [HTML] = [.cell([(.border, 0)], [.text("")])]
        for stage in journey.stages {
            let span = stage.touchpoints.filter { t.touchpointIDs.contains($0.id) }.count
            guard span > 0 else { continue }
            stageCells.append(
                .cell(
                    [(.colspan, .int(span)), (.bgcolor, .color(theme.stageFill)), (.color, .color(theme.stageBorder))],
                    [font(11, theme.text, [.bold([.text(TextWrap.wrapped(stage.title, width: 16 * span, maxLines: 2))])])]))
        }
        rows.append(.row(stageCells))
        var header: [HTML] = [
            .cell([(.border, 0), (.align, "left"), (.valign, "bottom")], [font(10, theme.mutedText, [.text(l[.heatmapSegmentColumn])])])
        ]
        for id in t.touchpointIDs {
            let title = journey.touchpoint(id)?.title ?? id
            header.append(
                .cell(
                    [(.border, 0), (.valign, "bottom")], [font(10, theme.text, [.text(TextWrap.wrapped(title, width: 14, maxLines: 3))])]))
        }
        rows.append(.row(header))
        for (r, segment) in t.segments.enumerated() {
            let total = t.cells[(r * cols)..<((r + 1) * cols)].map(\.n).reduce(0, +)
            var line: [HTML] = [
                .cell(
                    [(.border, 0), (.align, "left")],
                    [
                        font(11, theme.text, [.bold([.text(TextWrap.wrapped(segment, width: 20, maxLines: 2))])]), .lineBreak,
                        font(9, theme.mutedText, [.text(l.count(total, .answer))]),
                    ])
            ]
            for c in 0..<cols { line.append(cell(t.cells[r * cols + c], t, bins, theme, font)) }
            rows.append(.row(line))
        }
        g.graph.set(.labelloc, "b")
        g.graph.setHTML(.label, HTMLLabel(legend(t, bins, theme, l, font)))
        var a = Attributes()
        a.setHTML(.label, HTMLLabel(.table([(.border, 0), (.cellborder, 1), (.cellspacing, 2), (.cellpadding, 5)], rows)))
        g.nodes.append(GraphSpec.Node(id: NodeID("h", 0), attributes: a))
        return g
    }

    /// Five equal classes over the table's figures, widened outward to round numbers.
    struct Bins {
        var low: Double, step: Double
        init(_ t: SegmentTable) {
            let values = t.cells.compactMap { $0.n > 0 ? $0.figure?.value : nil }
            let unit = 5.0
            let lo = ((values.min() ?? t.figure.range.lowerBound) / unit).rounded(.down) * unit
            let hi = max(lo + 5 * unit, ((values.max() ?? t.figure.range.upperBound) / unit).rounded(.up) * unit)
            step = ((hi - lo) / 5 / unit).rounded(.up) * unit
            // Rounding up the step may push the top past the figure's range (NPS +105): shift down.
            low = max(t.figure.range.lowerBound, min(lo, t.figure.range.upperBound - 5 * step))
        }
        /// 0 (lightest) … 4 (darkest); for a figure where lower is better, the order turns
        /// round so that darker always reads "better" (or "more", for shares).
        func index(_ v: Double, _ figure: SegmentFigure) -> Int {
            let i = min(4, max(0, Int(((v - low) / step).rounded(.down))))
            return figure.higherIsBetter == false ? 4 - i : i
        }
        func bounds(_ i: Int) -> (Double, Double) { (low + Double(i) * step, low + Double(i + 1) * step) }
    }

    static func format(_ v: Double, _ figure: SegmentFigure) -> String {
        figure == .nps ? Num.signed(v) : Num.fixed(v, 0) + "%"
    }

    static func cell(
        _ c: SegmentCell, _ t: SegmentTable, _ bins: Bins, _ theme: Theme, _ font: (Double, Color, [HTML]) -> HTML
    ) -> HTML {
        guard c.n > 0, let f = c.figure else {
            return .cell(
                [(.bgcolor, .color(theme.background)), (.color, .color(theme.stageBorder))], [font(10, theme.mutedText, [.text("–")])])
        }
        let fill = scale[bins.index(f.value, t.figure)]
        let ink = fill.readableText
        var mark = ""
        if c.isSignificant, let d = c.difference { mark = d.value > 0 ? "▲ " : "▼ " }
        var content: [HTML] = [font(12, ink, [.bold([.text(mark + format(f.value, t.figure))])]), .lineBreak]
        content.append(font(8, ink, [.text(c.isTested ? "n=\(c.n)" : "n=\(c.n) ·")]))
        var attrs: [(HTML.Attr, Trusted)] = [(.bgcolor, .color(fill)), (.width, 64)]
        if c.isSignificant {
            attrs += [(.border, 3), (.color, .color(theme.text))]
        } else {
            attrs.append((.color, .color(theme.stageBorder)))
        }
        return .cell(attrs, content)
    }

    static func legend(
        _ t: SegmentTable, _ bins: Bins, _ theme: Theme, _ l: Language, _ font: (Double, Color, [HTML]) -> HTML
    ) -> HTML {
        var swatches: [HTML] = [.cell([(.border, 0)], [font(9, theme.mutedText, [.text(t.figure.title + ":")])])]
        let order = t.figure.higherIsBetter == false ? Array((0..<5).reversed()) : Array(0..<5)
        for i in order {
            let (lo, hi) = bins.bounds(i)
            let fill = scale[bins.index(lo, t.figure)]
            swatches.append(
                .cell(
                    [(.bgcolor, .color(fill)), (.color, .color(theme.text)), (.width, 72), (.height, 18), (.fixedsize, "true")],
                    [font(8, fill.readableText, [.text(format(lo, t.figure) + "…" + format(hi, t.figure))])]))
        }
        let direction = t.figure.higherIsBetter == nil ? l[.heatmapDarkerShare] : l[.heatmapDarkerBetter]
        swatches.append(.cell([(.border, 0)], [font(9, theme.mutedText, [.text(direction)])]))
        let method = l(.heatmapMarks, l.integer(t.tests), l.percent(100 * t.alpha, 0))
        var notes = [method, l(.heatmapLegendN, l.integer(t.minimumN))]
        if !t.omittedSegments.isEmpty { notes.append(l(.heatmapOmitted, t.omittedSegments.joined(separator: ", "))) }
        var parts: [HTML] = [.table([(.border, 0), (.cellspacing, 2), (.cellpadding, 3)], [.row(swatches)])]
        for n in notes { parts.append(font(9, theme.mutedText, [.text(TextWrap.wrapped(n, width: 110, maxLines: 3), align: "left")])) }
        return .table(
            [(.border, 0), (.cellspacing, 2)], parts.map { .row([.cell([(.border, 0), (.align, "left"), (.balign, "left")], [$0])]) })
    }
}
