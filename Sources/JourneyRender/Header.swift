import JourneyCore
import JourneyFeedback
import JourneyGraphviz

/// The map's heading: title, description, personas, the data it shows, and the legend.
enum Header {
    static func label(
        _ journey: Journey, measurements: JourneyMeasurements?, options: MapOptions, departmentColors: [String: Color]
    ) -> HTMLLabel {
        let theme = options.theme
        let lang = options.language
        func size(_ s: Double) -> Trusted { .number(s * options.fontScale) }
        func line(_ text: String, _ pt: Double, color: Color? = nil, bold: Bool = false) -> HTML {
            let t: HTML = .text(text)
            return .row([
                .cell(
                    [(.align, "left"), (.balign, "left")],
                    [
                        .font([(.pointSize, size(pt)), (.color, .color(color ?? theme.text))], [bold ? .bold([t]) : t])
                    ])
            ])
        }
        var rows: [HTML] = [line(journey.title, 22, bold: true)]
        if let d = journey.description { rows.append(line(TextWrap.wrapped(d, width: 110, maxLines: 3), 11, color: theme.mutedText)) }
        for p in journey.personas {
            var text = lang(.persona, p.name)
            if let s = p.segment { text += " · " + lang(.segment, s) }
            if !p.goals.isEmpty { text += " · " + lang(.goal, p.goals.joined(separator: "; ")) }
            rows.append(line(TextWrap.wrapped(text, width: 120, maxLines: 2), 11))
        }
        if let m = measurements, m.journey.responses > 0 {
            // n counts respondents; with several answers each, the answers are said too.
            let j = m.journey
            var text = lang(
                .customerData,
                j.respondents == j.responses
                    ? lang.count(j.responses, .response) : lang.count(j.respondents, .respondent) + ", " + lang.count(j.responses, .answer))
            if let f = m.firstDate, let l = m.lastDate { text += ", " + lang(.dateRange, lang.date(f), lang.date(l)) }
            if let n = m.journey.nps {
                text += " · NPS \(lang.signed(n.value)) (\(lang.range(lang.signed(n.low), lang.signed(n.high))))"
            }
            if let c = m.journey.csatTopBox { text += " · CSAT " + lang.percent(c.value) }
            for index in IndexText.lines(journey, m.journey, lang) { text += " · " + index }
            rows.append(line(text, 11, color: theme.mutedText))
        }
        rows.append(
            .row([
                .cell([(.align, "left")], [legend(journey, theme: theme, departmentColors: departmentColors, options: options, size: size)])
            ]))
        return HTMLLabel(.table([(.border, 0), (.cellborder, 0), (.cellspacing, 2), (.cellpadding, 2)], rows))
    }

    static func legend(
        _ journey: Journey, theme: Theme, departmentColors: [String: Color], options: MapOptions, size: (Double) -> Trusted
    ) -> HTML {
        let lang = options.language
        var cells: [HTML] = [
            .cell([(.align, "left")], [.font([(.pointSize, size(9)), (.color, .color(theme.mutedText))], [.bold([.text(lang[.owners])])])])
        ]
        for d in journey.departments {
            let c = departmentColors[d.id] ?? theme.neutral
            cells.append(
                .cell(
                    theme.swatch(c) + [(.align, "left")],
                    [.font([(.pointSize, size(9)), (.color, .color(c.readableText))], [.text(d.title)])]))
        }
        let marks =
            options.wallLabels
            ? "★ \(lang[.momentOfTruth])   \(lang[.designedToMeasured])   —→ \(lang[.nextStep])   - -→ \(lang[.branchOrLoop])"
            : "★ \(lang[.momentOfTruth])   ⚠ \(lang[.knownPain])   ✦ \(lang[.opportunity])   ⚙ \(lang[.backstage])   —→ \(lang[.nextStep])   - -→ \(lang[.branchOrLoop])"
        cells.append(
            .cell(
                [(.align, "left")],
                [.font([(.pointSize, size(9)), (.color, .color(theme.mutedText))], [.text("   " + marks + "   " + lang[.emotion])])]))
        for v in -2...2 {
            let c = theme.emotionColor(Double(v))
            cells.append(
                .cell(
                    theme.swatch(c) + [(.width, 22)],
                    [.font([(.pointSize, size(8)), (.color, .color(c.readableText))], [.text(lang.signed(Double(v)))])]))
        }
        return .table([(.border, 0), (.cellborder, 0), (.cellspacing, 3), (.cellpadding, 3)], [.row(cells)])
    }
}
