import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyGraphviz

/// The ranked pain points drawn as a chart: one table, a row per pain point with a bar for
/// its score, the owner's name and the key figures. Laid out by Graphviz like the map.
public enum ReportChart {
    /// The report's bar chart of the top `limit` pain points by their rank value.
    /// `journey`: colours owners as every other view does (by the journey's department order).
    /// `language`: of the headings, columns and numbers.
    public static func build(
        _ report: PainPointReport, theme: Theme = .default, limit: Int = 12, journey: Journey? = nil, language lang: Language = .en
    ) -> GraphSpec {
        var g = GraphSpec()
        g.graph.set(.bgcolor, .color(theme.background))
        g.graph.set(.pad, 0.3)
        g.nodeDefaults.set(.shape, "plain")
        g.nodeDefaults.set(.fontname, theme.font)
        func text(_ s: String, _ size: Double, color: Color? = nil, bold: Bool = false) -> HTML {
            let t: HTML = .text(s)
            return .font([(.pointSize, .number(size)), (.color, .color(color ?? theme.text))], [bold ? .bold([t]) : t])
        }
        var rows: [HTML] = [
            .row([.cell([(.colspan, 6), (.align, "left")], [text(lang(.reportTitle, report.journeyTitle), 18, bold: true)])]),
            .row([.cell([(.colspan, 6), (.align, "left")], [text(summary(report, lang), 10, color: theme.mutedText)])]),
            .row(
                ["#", lang[.touchpoint], lang[.owner], lang[report.drivers == nil ? .rankScore : .rankPriority], "n", lang[.chartFigures]]
                    .map {
                        .cell([(.align, "left"), (.bgcolor, .color(theme.stageFill))], [text($0, 10, bold: true)])
                    }),
        ]
        let top = max(report.painPoints.map(report.rankValue).max() ?? 1, 0.001)
        let colors =
            journey.map { MapBuilder.departmentColors($0, theme) }
            ?? Dictionary(
                uniqueKeysWithValues: report.departments.enumerated().map { ($1.id, theme.departments[$0 % theme.departments.count]) })
        for p in report.painPoints.prefix(limit) {
            let width = max(2, min(160, Int((report.rankValue(p) / top * 160).rounded())))
            let bar: HTML = .table(
                [(.border, 0), (.cellborder, 0), (.cellspacing, 0), (.cellpadding, 0)],
                [
                    .row([
                        .cell([(.width, .int(width)), (.height, 12), (.fixedsize, "true"), (.bgcolor, .color(theme.highlight))], []),
                        .cell([(.width, .int(max(1, 162 - width))), (.height, 12), (.fixedsize, "true")], []),
                        .cell([(.align, "left")], [text(lang.fixed(report.rankValue(p), 1), 9, color: theme.mutedText)]),
                    ])
                ])
            let ownerColor = p.ownerID.flatMap { colors[$0] } ?? theme.neutral
            let m = p.metrics
            var figures: [String] = []
            if let n = m?.nps { figures.append("NPS \(lang.signed(n.value))") }
            if let c = m?.csatTopBox { figures.append("CSAT " + lang.percent(c.value)) }
            if let m, m.sentimentTotal > 0 {
                figures.append(
                    lang(.negativeShare, lang.percent(100 * Double(m.sentimentCounts[.negative] ?? 0) / Double(m.sentimentTotal))))
            }
            rows.append(
                .row([
                    .cell([(.align, "right")], [text(lang.integer(p.rank), 12, bold: true)]),
                    .cell(
                        [(.align, "left"), (.balign, "left")],
                        [text(TextWrap.wrapped(p.touchpointTitle, width: 34, maxLines: 2) + (p.isMomentOfTruth ? " ★" : ""), 11)]),
                    .cell(
                        [(.align, "left"), (.bgcolor, .color(ownerColor))],
                        [text(p.ownerTitle ?? lang[.noOwner], 10, color: ownerColor.readableText)]),
                    .cell([(.align, "left")], [bar]),
                    .cell(
                        [(.align, "right")],
                        [text(lang.integer(m?.respondents ?? 0) + (p.isSmallSample && (m?.respondents ?? 0) > 0 ? " ⚠" : ""), 10)]),
                    .cell([(.align, "left")], [text(figures.isEmpty ? lang[.designOnly] : figures.joined(separator: " · "), 10)]),
                ]))
            rows.append(
                .row([
                    .cell([], []),
                    .cell(
                        [(.colspan, 5), (.align, "left"), (.balign, "left")],
                        [text(TextWrap.wrapped(p.explanation, width: 120, maxLines: 3), 9, color: theme.mutedText)]),
                ]))
        }
        if report.painPoints.isEmpty {
            rows.append(.row([.cell([(.colspan, 6)], [text(lang[.noPainPointsChart], 11)])]))
        }
        var node = GraphSpec.Node(id: NodeID("chart", 0))
        node.attributes.setHTML(
            .label,
            HTMLLabel(
                .table(
                    [
                        (.border, 1), (.cellborder, 0), (.cellspacing, 2), (.cellpadding, 4),
                        (.color, .color(theme.stageBorder)), (.bgcolor, .color(theme.nodeFill)),
                    ], rows)))
        g.nodes.append(node)
        return g
    }

    static func summary(_ r: PainPointReport, _ lang: Language = .en) -> String {
        let j = r.measurements.journey
        let a = r.measurements.accounting
        // Respondent-level data: people, then their answers (a respondent rates many touchpoints).
        var s =
            a.isRespondentLevel
            ? lang.count(a.respondents.used, .respondent) + " · " + lang.count(a.ratings.used, .rating)
            : lang.count(j.responses, .response)
        if let n = j.nps { s += " · " + lang(.journeyNPS, lang.signed(n.value)) }
        let missed = r.missedTargets.count
        if !r.targets.isEmpty { s += " · " + lang(.targetsMet, lang.integer(r.targets.count - missed), lang.integer(r.targets.count)) }
        return s + " · " + lang[r.drivers == nil ? .barsPainScore : .barsPriority]
    }
}
