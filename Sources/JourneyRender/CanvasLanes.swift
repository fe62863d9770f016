import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyGraphviz

/// The lanes of the journey canvas, top to bottom, and what one touchpoint puts in each.
enum CanvasLane: CaseIterable {
    case actions, touchpoints, owners, emotion, pains, opportunities, kpis, backstage

    func title(_ language: Language) -> String {
        switch self {
        case .actions: language[.laneCustomerActions]
        case .touchpoints: language[.canvasLaneTouchpoints]
        case .owners: language[.canvasLaneOwners]
        case .emotion: language[.canvasLaneEmotion]
        case .pains: language[.canvasLanePains]
        case .opportunities: language[.canvasLaneOpportunities]
        case .kpis: language[.canvasLaneKPIs]
        case .backstage: language[.canvasLaneBackstage]
        }
    }
}

/// The cards of one touchpoint's column; `nil` where it has nothing for a lane. Summary
/// detail keeps workshop text (short, large); full detail adds the analyst's figures.
struct CanvasCards {
    let journey: Journey
    let measurements: JourneyMeasurements?
    let targets: [TargetResult]
    let options: MapOptions
    let colors: [String: Color]
    /// Characters per line of the text in a column.
    var wrap: Int

    var theme: Theme { options.theme }
    var lang: Language { options.language }
    var summary: Bool { options.detail == .summary }
    /// Base font size of lane text.
    var textSize: Double { summary ? 11 : 9 }

    func card(_ lane: CanvasLane, _ tp: Touchpoint) -> LaneCard? {
        switch lane {
        case .actions: return list(tp.customerActions.map { ($0.text, nil) }, mark: "", fill: theme.nodeFill)
        case .touchpoints: return touchpoint(tp)
        case .owners: return owner(tp)
        case .emotion: return nil  // drawn as a curve, not cards
        case .pains: return list(tp.pains.map { ($0, nil) }, mark: "⚠ ", fill: theme.negative.mixed(with: theme.nodeFill, 0.88))
        case .opportunities:
            return list(tp.opportunities.map { ($0, nil) }, mark: "✦ ", fill: theme.positive.mixed(with: theme.nodeFill, 0.88))
        case .kpis: return kpis(tp)
        case .backstage:
            let owner = { (id: String?) in id.map { journey.department($0)?.title ?? $0 } }
            let items =
                tp.backstage.map { ($0.text, owner($0.owner)) }
                + tp.support.map { ($0.text, Optional(lang(.canvasSupport, owner($0.owner) ?? ""))) }
            return list(items, mark: "", fill: theme.stageFill)
        }
    }

    /// Short texts, one row each, with a muted second line (an owner) when given. Summary
    /// shows the first three and says how many more.
    func list(_ items: [(String, String?)], mark: String, fill: Color) -> LaneCard? {
        guard !items.isEmpty else { return nil }
        let shown = summary ? 3 : 6
        var rows: [[LaneCard.Line]] = items.prefix(shown).map { text, sub in
            var lines = TextWrap.lines(mark + text, width: wrap, maxLines: 8).map { LaneCard.Line(text: $0, size: textSize) }
            if let sub, !sub.isEmpty {
                lines += TextWrap.lines(sub, width: wrap, maxLines: 2).map {
                    LaneCard.Line(text: $0, size: textSize - 1, color: theme.mutedText)
                }
            }
            return lines
        }
        if items.count > shown {
            rows.append([LaneCard.Line(text: lang(.more, lang.integer(items.count - shown)), size: textSize - 1, color: theme.mutedText)])
        }
        return LaneCard(rows: rows, fill: fill, border: theme.stageBorder)
    }

    /// Title (★ for a moment of truth), a ranked pain point's badge, the channel.
    func touchpoint(_ tp: Touchpoint) -> LaneCard {
        let rank = options.highlighted[tp.id]
        var title = TextWrap.lines(tp.title, width: wrap, maxLines: 4).map { LaneCard.Line(text: $0, size: textSize + 2, bold: true) }
        if tp.isMomentOfTruth { title[0].text = "★ " + title[0].text }
        var rows = [title]
        if let rank {
            rows.append([LaneCard.Line(text: lang(.painPointNumber, "\(rank)"), size: textSize, color: theme.highlight, bold: true)])
        }
        if let channel = tp.channel.flatMap({ journey.channel($0)?.title }), !channel.isEmpty {
            rows.append([LaneCard.Line(text: channel, size: textSize, color: theme.mutedText)])
        }
        let fill = measurements?.byTouchpoint[tp.id]?.measuredEmotion.map { theme.emotionTint($0) } ?? theme.nodeFill
        return LaneCard(
            rows: rows, fill: fill, border: rank != nil ? theme.highlight : theme.nodeBorder,
            borderWidth: rank != nil || tp.isMomentOfTruth ? 3 : 1)
    }

    /// The owning department on its colour.
    func owner(_ tp: Touchpoint) -> LaneCard? {
        guard let id = tp.owner else { return nil }
        let c = colors[id] ?? theme.neutral
        let title = TextWrap.lines(journey.department(id)?.title ?? id, width: wrap, maxLines: 2)
        return LaneCard(
            rows: [title.map { LaneCard.Line(text: $0, size: textSize, color: c.readableText, bold: true) }], fill: c,
            border: theme.stageBorder,
            rounded: false)
    }

    /// Measured figures (always with their n; intervals in full detail) and the targets set
    /// at this touchpoint with their verdict.
    func kpis(_ tp: Touchpoint) -> LaneCard? {
        var rows: [[LaneCard.Line]] = []
        func line(_ s: String, color: Color? = nil, bold: Bool = false) -> LaneCard.Line {
            LaneCard.Line(text: s, size: textSize, color: color, bold: bold)
        }
        if let m = measurements?.byTouchpoint[tp.id], m.responses > 0 {
            var figures: [LaneCard.Line] = []
            if let n = m.nps {
                figures.append(
                    line(
                        "NPS \(lang.signed(n.value))" + (summary ? "" : " (\(lang.range(lang.signed(n.low), lang.signed(n.high))))"),
                        bold: true))
            }
            if let c = m.csatTopBox {
                figures.append(
                    line(
                        "CSAT \(lang.percent(c.value))" + (summary ? "" : " (\(lang.range(lang.fixed(c.low, 0), lang.fixed(c.high, 0))))"),
                        bold: true)
                )
            }
            if !summary, let c = m.cesMean {
                let i = m.cesMeanInterval.map { " (\(lang.range(lang.fixed($0.low, 1), lang.fixed($0.high, 1))))" } ?? ""
                figures.append(line("CES \(lang.fixed(c, 1))" + i))
            }
            for text in IndexText.lines(journey, m, lang, interval: !summary) { figures.append(line(text, bold: true)) }
            if !summary, m.sentimentTotal > 0 {
                let neg = Int((100 * Double(m.sentimentCounts[.negative] ?? 0) / Double(m.sentimentTotal)).rounded())
                figures.append(line(lang(.canvasNegativeComments, lang.percent(Double(neg)))))
            }
            var n = "n = \(lang.integer(m.respondents))"
            if m.respondents < options.smallSample { n += " (\(lang[.canvasSmallSample]))" }
            figures.append(line(n, color: m.respondents < options.smallSample ? theme.highlight : theme.mutedText))
            rows.append(figures)
        }
        for r in targets {
            guard case .touchpoint(let id) = r.target.scope, id == tp.id else { continue }
            rows.append(target(r))
        }
        guard !rows.isEmpty else { return nil }
        return LaneCard(rows: rows, fill: theme.nodeFill, border: theme.stageBorder)
    }

    /// "✔ target CSAT ≥ 70%" in the positive colour, "✘ … (64%)" in the highlight colour,
    /// wrapped to the column.
    func target(_ r: TargetResult, size: Double? = nil, width: Int? = nil) -> [LaneCard.Line] {
        let t = r.target
        let op = [">=": "≥", "<=": "≤"][t.comparison.rawValue] ?? t.comparison.rawValue
        // An index (0–100) is written with one decimal, as a mean is.
        let metric = t.index == nil ? t.metric : .csatMean
        let value = t.index != nil && t.value == t.value.rounded() ? lang.fixed(t.value, 0) : figure(t.value, metric)
        let goal = lang(.canvasTarget, "\(t.metricName.uppercased()) \(op) \(t.isPercent ? lang.percent(value) : value)")
        let text: String, color: Color
        switch r.status {
        case .met: (text, color) = ("✔ " + goal, theme.positive)
        case .missed:
            let measured =
                r.value.map { v in " (\(t.isPercent || metric == .csat ? lang.percent(figure(v, metric)) : figure(v, metric)))" }
                ?? ""
            (text, color) = ("✘ " + goal + measured, theme.highlight)
        case .noData: (text, color) = ("? " + goal + ": " + lang[.noData], theme.mutedText)
        }
        return TextWrap.lines(text, width: width ?? wrap, maxLines: 4).map {
            LaneCard.Line(text: $0, size: size ?? textSize, color: color, bold: r.status != .noData)
        }
    }

    /// A target's figure: NPS signed, CES with one decimal, the rest whole.
    func figure(_ x: Double, _ metric: Target.Metric) -> String {
        switch metric {
        case .nps: lang.signed(x)
        case .ces, .csatMean, .emotion: lang.fixed(x, 1)
        default: lang.fixed(x, 0)
        }
    }
}
