import JourneyCore
import JourneyFeedback
import JourneyGraphviz

/// The HTML-like label of one touchpoint: title, channel, owner, emotion (designed and
/// measured), marks, and the measured metrics when there is data.
struct TouchpointLabel {
    let journey: Journey
    let options: MapOptions
    let departmentColors: [String: Color]

    var theme: Theme { options.theme }
    var lang: Language { options.language }

    func size(_ base: Double) -> Trusted { .number(base * options.fontScale) }

    func label(_ tp: Touchpoint, metrics: Metrics?) -> HTMLLabel {
        var rows: [HTML] = []
        let rank = options.highlighted[tp.id]
        // Title, with a star for a moment of truth and a badge for a ranked pain point.
        var title: [HTML] = []
        if tp.isMomentOfTruth { title.append(.font([(.color, .color(theme.highlight))], [.text("★ ")])) }
        title.append(.bold([.text(TextWrap.wrapped(tp.title, width: options.titleWidth))]))
        rows.append(.row([.cell([(.align, "left"), (.balign, "left")], [.font([(.pointSize, size(12))], title)])]))
        if let rank {
            rows.append(
                .row([
                    .cell(
                        [(.align, "left"), (.bgcolor, .color(theme.highlight))],
                        [
                            .font(
                                [(.color, .color(theme.highlight.readableText)), (.pointSize, size(9))],
                                [.bold([.text(lang(.painPointNumber, lang.integer(rank)))])])
                        ])
                ]))
        }
        if let mark = options.marks[tp.id] {
            rows.append(
                .row([
                    .cell(
                        [(.align, "left"), (.bgcolor, .color(theme.flowEdge))],
                        [
                            .font([(.color, .color(theme.flowEdge.readableText)), (.pointSize, size(9))], [.bold([.text(mark)])])
                        ])
                ]))
        }
        if let trend = options.trends[tp.id] {
            // At a glance: worse in the highlight colour, better in the text colour (the
            // print theme's "positive" is white).
            let colour = trend.isWorse ? theme.highlight : theme.text
            rows.append(
                .row([
                    .cell(
                        [(.align, "left")], [.font([(.pointSize, size(9)), (.color, .color(colour))], [.bold([.text(trend.text)])])])
                ]))
        }
        let channel = tp.channel.flatMap { journey.channel($0)?.title } ?? lang[.noChannel]
        if !options.wallLabels {
            rows.append(
                .row([.cell([(.align, "left")], [.font([(.pointSize, size(9)), (.color, .color(theme.mutedText))], [.text(channel)])])]))
        }
        // Owner band in the department's colour.
        if let owner = tp.owner, let dept = journey.department(owner) {
            let c = departmentColors[owner] ?? theme.neutral
            rows.append(
                .row([
                    .cell(
                        [(.align, "left")] + theme.swatch(c),
                        [
                            .font([(.pointSize, size(9)), (.color, .color(c.readableText))], [.text(dept.title)])
                        ])
                ]))
        } else {
            rows.append(
                .row([
                    .cell(
                        [(.align, "left")],
                        [.font([(.pointSize, size(9)), (.color, .color(theme.highlight))], [.text("⚠ " + lang[.noOwner])])])
                ]))
        }
        rows.append(.row([.cell([(.align, "left")], [emotionLine(tp, metrics)])]))
        let marks = markLine(tp)
        if !marks.isEmpty, !options.wallLabels {
            rows.append(.row([.cell([(.align, "left")], [.font([(.pointSize, size(9))], [.text(marks)])])]))
        }
        if let m = metrics, m.responses > 0, !options.wallLabels { rows += metricRows(m) }
        let border: Trusted = rank != nil || tp.isMomentOfTruth ? 3 : 1
        let borderColor = rank != nil ? theme.highlight : tp.isMomentOfTruth ? theme.text : theme.nodeBorder
        let fill = metrics?.measuredEmotion.map { theme.emotionTint($0) } ?? theme.nodeFill
        // The padding grows with the text: wall posters scale the fonts by 1.6, and a fixed 3 pt
        // left their titles touching the border.
        let padding = Int((3 * options.fontScale).rounded())
        return HTMLLabel(
            .table(
                [
                    (.border, border), (.cellborder, 0), (.cellspacing, 0), (.cellpadding, .int(padding)),
                    (.color, .color(borderColor)), (.bgcolor, .color(fill)), (.style, "rounded"),
                ], rows))
    }

    func emotionLine(_ tp: Touchpoint, _ m: Metrics?) -> HTML {
        if options.wallLabels {
            // Short for wall maps: "designed → measured", the legend says which is which.
            var parts: [HTML] = []
            if let e = tp.emotion {
                let v = Double(e.value)
                parts += [
                    .font([(.color, .color(theme.emotionColor(v)))], [.text(glyph(v))]),
                    .font([(.pointSize, size(10))], [.text(" " + lang.signed(v))]),
                ]
            }
            if let measured = m?.measuredEmotion {
                parts += [
                    .font([(.pointSize, size(10)), (.color, .color(theme.mutedText))], [.text(parts.isEmpty ? "" : "  → ")]),
                    .font([(.color, .color(theme.emotionColor(measured)))], [.text(glyph(measured))]),
                    .font([(.pointSize, size(10))], [.bold([.text(" " + lang.signed(measured, 1))])]),
                ]
            }
            return parts.isEmpty
                ? .font([(.pointSize, size(9)), (.color, .color(theme.mutedText))], [.text(lang[.noEmotion])]) : .concat(parts)
        }
        var parts: [HTML] = []
        if let e = tp.emotion {
            let v = Double(e.value)
            parts.append(.font([(.color, .color(theme.emotionColor(v)))], [.text(glyph(v))]))
            parts.append(.font([(.pointSize, size(9))], [.text(" \(lang.emotionName(e.value)) \(lang.signed(v))")]))
        } else {
            parts.append(.font([(.pointSize, size(9)), (.color, .color(theme.mutedText))], [.text(lang[.emotionNotSet])]))
        }
        if let measured = m?.measuredEmotion {
            parts.append(.font([(.pointSize, size(9)), (.color, .color(theme.mutedText))], [.text("  \(lang[.measured]) ")]))
            parts.append(.font([(.color, .color(theme.emotionColor(measured)))], [.text(glyph(measured))]))
            parts.append(.font([(.pointSize, size(9))], [.bold([.text(" " + lang.signed(measured, 1))])]))
        }
        return .concat(parts)
    }

    func glyph(_ v: Double) -> String {
        if theme.usesMarks { return theme.emotionGlyph(v) }
        return v <= -0.5 ? "☹" : v >= 0.5 ? "☺" : "●"
    }

    func markLine(_ tp: Touchpoint) -> String {
        var parts: [String] = []
        if !tp.pains.isEmpty { parts.append("⚠ " + lang.count(tp.pains.count, .pain)) }
        if !tp.opportunities.isEmpty { parts.append("✦ " + lang.count(tp.opportunities.count, .idea)) }
        if !tp.backstage.isEmpty || !tp.support.isEmpty {
            parts.append("⚙ " + lang.count(tp.backstage.count + tp.support.count, .backstageStep))
        }
        return parts.joined(separator: "   ")
    }

    func metricRows(_ m: Metrics) -> [HTML] {
        var rows: [HTML] = []
        var first = "n=\(lang.integer(m.respondents))"
        if let n = m.nps { first += " · NPS \(lang.signed(n.value)) (\(lang.range(lang.signed(n.low), lang.signed(n.high))))" }
        rows.append(.row([.cell([(.align, "left")], [.font([(.pointSize, size(9))], [.text(first)])])]))
        var second: [String] = []
        if let c = m.csatTopBox { second.append("CSAT " + lang.percent(c.value)) }
        if let c = m.cesMean { second.append("CES " + lang.fixed(c, 1)) }
        if !second.isEmpty {
            rows.append(.row([.cell([(.align, "left")], [.font([(.pointSize, size(9))], [.text(second.joined(separator: " · "))])])]))
        }
        for text in IndexText.lines(journey, m, lang) {
            rows.append(.row([.cell([(.align, "left")], [.font([(.pointSize, size(9))], [.bold([.text(text)])])])]))
        }
        if m.sentimentTotal > 0 { rows.append(.row([.cell([(.align, "left"), (.cellpadding, 2)], [sentimentBar(m)])])) }
        if m.respondents < options.smallSample {
            rows.append(
                .row([
                    .cell(
                        [(.align, "left")],
                        [
                            .font(
                                [(.pointSize, size(8)), (.color, .color(theme.highlight))],
                                [.italic([.text(lang[.smallSample])])])
                        ])
                ]))
        }
        return rows
    }

    /// Negative / neutral / positive shares as a row of coloured cells, 120 points wide.
    func sentimentBar(_ m: Metrics) -> HTML {
        let total = Double(m.sentimentTotal)
        var cells: [HTML] = []
        let parts: [(Sentiment, Color)] = [(.negative, theme.negative), (.neutral, theme.neutral), (.positive, theme.positive)]
        var remaining = 120
        for (i, (s, c)) in parts.enumerated() {
            let share = Double(m.sentimentCounts[s] ?? 0) / total
            var w = Int((share * 120).rounded())
            if i == parts.count - 1 { w = remaining }
            w = max(0, min(remaining, w))
            remaining -= w
            if w > 0 { cells.append(.cell([(.width, .int(w)), (.height, 6), (.fixedsize, "true"), (.bgcolor, .color(c))], [])) }
        }
        let neg = Int((100 * Double(m.sentimentCounts[.negative] ?? 0) / total).rounded())
        let label = HTML.font(
            [(.pointSize, size(8)), (.color, .color(theme.mutedText))], [.text(" " + lang(.negativeShare, lang.percent(String(neg))))])
        // In print the bar gets one outline (a white positive share would vanish); a border on
        // each segment would not fit a 1-point segment.
        if let border = theme.swatchBorder {
            let bar = HTML.table(
                [(.border, 1), (.color, .color(border)), (.cellborder, 0), (.cellspacing, 0), (.cellpadding, 0)], [.row(cells)])
            cells = [.cell([(.cellpadding, 0)], [bar])]
        }
        return .table(
            [(.border, 0), (.cellborder, 0), (.cellspacing, 0), (.cellpadding, 0)],
            [
                .row(cells + [.cell([(.align, "left")], [label])])
            ])
    }
}
