import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// The "What changed" section that opens pain-points.md: the significant changes between
/// periods with both figures, the difference and their intervals, then the journey's figures
/// per period and each touchpoint's NPS per period.
extension MarkdownReport {
    /// How many significant changes the section lists (the rest are in pain-points.json).
    static let changesListed = 10
    /// How many of the latest periods the per-touchpoint table shows.
    static let periodsShown = 6

    /// The section, or "" without dated data.
    public static func changes(_ t: Trends, journey: Journey, language l: Language = .en) -> String {
        let p = t.periods
        guard !p.periods.isEmpty else { return "" }
        let unit = p.unit.name(in: l)
        var out = "\n## \(l[.changesHeading])\n\n"
        let c = t.changes
        let first = p.periods.first!.label, last = p.periods.last!.label
        out += l(.changesLead, unit, first, last, count(c.tests.count, l), c.correctionPhrase(in: l))
        if c.skippedTooFew > 0 { out += l(.changesSkipped, count(c.skippedTooFew, l), l.integer(p.smallSample)) }
        if p.undated > 0 { out += l(.changesUndated, count(p.undated, l), unit) }
        out = String(out.dropLast()) + "\n\n"
        let significant = c.significant
        if significant.isEmpty {
            out += l[.changesNone] + "\n"
        } else {
            out +=
                "| | \(l[.colWhere]) | \(l[.colFigure]) | \(l[.colBefore]) | \(l[.colAfter]) | \(l[.colChange]) | \(l[.colAdjustedP]) |\n|---|---|---|---|---|---|---|\n"
            for ch in significant.prefix(changesListed) {
                out +=
                    "| \(ch.isWorse ? l[.changeWorse] : l[.changeBetter]) | \(Escape.markdown(scopeTitle(ch.scope, journey, l))) | \(ch.metric.title) | "
                out +=
                    "\(ch.from): \(value(ch.before, ch.metric, l)) (\(range(ch.before, ch.metric, l))), n = \(count(ch.nBefore, l)) | "
                out +=
                    "\(ch.to): \(value(ch.after, ch.metric, l)) (\(range(ch.after, ch.metric, l))), n = \(count(ch.nAfter, l)) | "
                let d = ch.difference
                out +=
                    "\(signed(d.value, l))\(ch.metric.unit) (\(l(.intervalWords, signed(d.low, l), signed(d.high, l)))) | "
                out += "\(changeP(ch.adjustedP, l)) |\n"
            }
            if significant.count > changesListed {
                out += "\n" + l(.changesMore, l.integer(significant.count - changesListed)) + "\n"
            }
        }
        out += journeyTable(p, l)
        out += touchpointTable(t, journey: journey, l)
        return out
    }

    /// Numbers as the section always printed them in English ("1,204", "-4", "3.42"), and as
    /// each other language writes them.
    static func count(_ n: Int, _ l: Language) -> String { l == .en ? PriorityAnalysis.grouped(n) : l.integer(n) }
    static func signed(_ x: Double, _ l: Language) -> String { l == .en ? Format.signed(x) : l.signedNumber(x) }
    static func number(_ x: Double, _ l: Language) -> String { l == .en ? Format.number(x) : l.number(x) }

    /// The journey's figures per period; runs of empty periods are one row.
    static func journeyTable(_ p: JourneyPeriods, _ l: Language = .en) -> String {
        let unit = p.unit.name(in: l)
        var out =
            "\n| \(unit.prefix(1).uppercased() + unit.dropFirst()) | n | \(l[.colNPS95]) | \(l[.colCSATTop95]) | \(l[.colCESMean95]) | \(l[.colNegative95]) |\n"
        out += "|---|---|---|---|---|---|\n"
        for row in rows(p.journey.points) {
            switch row {
            case .empty(let a, let b):
                out += "| \(a == b ? a : "\(a) … \(b)") | 0 | \(l[.noResponses]) | | | |\n"
            case .figures(let f):
                let n = count(f.n, l) + (f.tooFew ? " (\(l[.tooFew]))" : "")
                out += "| \(f.period.label) | \(n) | \(cell(f.nps, .nps, l)) | \(cell(f.csatTopBox, .csatTopBox, l)) | "
                out += "\(cell(f.cesMean, .cesMean, l)) | \(cell(f.negativeShare, .negativeShare, l)) |\n"
            }
        }
        return out
    }

    /// Each touchpoint's NPS (or CSAT top-box without NPS) in the latest periods with data.
    static func touchpointTable(_ t: Trends, journey: Journey, _ l: Language = .en) -> String {
        let p = t.periods
        let shown = p.journey.points.indices.filter { p.journey.points[$0].n > 0 }.suffix(periodsShown)
        guard shown.count > 1 else { return "" }
        let rowsWithData = journey.touchpoints.compactMap { tp in p.byTouchpoint[tp.id].map { (tp, $0) } }
        guard !rowsWithData.isEmpty else { return "" }
        var out = "\n" + l(.changesPerTouchpoint, p.unit.name(in: l)) + "\n\n"
        out += "| \(l[.touchpoint]) | " + shown.map { p.periods[$0].label }.joined(separator: " | ") + " |\n"
        out += "|---|" + String(repeating: "---|", count: shown.count) + "\n"
        for (tp, series) in rowsWithData {
            out += "| \(Escape.markdown(tp.title)) |"
            for i in shown {
                let f = series.points[i]
                let marks = markers(t.changes.significant, tp.id, f.period.label)
                let few = ", " + l[.tooFew]
                if let v = f.nps {
                    out += " \(signed(v.value, l))\(marks) (n = \(l.integer(f.npsCount))\(f.npsCount < p.smallSample ? few : "")) |"
                } else if let v = f.csatTopBox {
                    out +=
                        " \(l.percent(number(v.value, l)))\(marks) (n = \(l.integer(f.csatCount))\(f.csatCount < p.smallSample ? few : "")) |"
                } else {
                    out += f.n > 0 ? " n = \(l.integer(f.n)) |" : " – |"
                }
            }
            out += "\n"
        }
        return out
    }

    /// ▼ when some figure of the touchpoint got significantly worse into this period, else ▲
    /// when one got better.
    static func markers(_ changes: [MetricChange], _ id: String, _ label: String) -> String {
        let hits = changes.filter { $0.scope == PeriodScope(.touchpoint, id) && $0.to == label }
        if hits.contains(where: \.isWorse) { return " ▼" }
        return hits.isEmpty ? "" : " ▲"
    }

    enum Row {
        case empty(String, String)
        case figures(PeriodFigures)
    }

    /// Periods with answers, and each run of empty periods as one row (a long gap is not 30 rows).
    static func rows(_ points: [PeriodFigures]) -> [Row] {
        var out: [Row] = []
        var gap: (String, String)?
        for f in points {
            if f.n == 0 {
                gap = (gap?.0 ?? f.period.label, f.period.label)
                continue
            }
            if let g = gap { out.append(.empty(g.0, g.1)) }
            gap = nil
            out.append(.figures(f))
        }
        if let g = gap { out.append(.empty(g.0, g.1)) }
        return out
    }

    static func scopeTitle(_ s: PeriodScope, _ journey: Journey, _ l: Language = .en) -> String {
        switch s.kind {
        case .journey: return l[.scopeJourney]
        case .stage: return l(.scopeStage, journey.stages.first { $0.id == s.id }?.title ?? s.id)
        case .touchpoint: return journey.touchpoint(s.id)?.title ?? s.id
        }
    }

    static func value(_ v: ScoreInterval, _ m: ChangeMetric, _ l: Language = .en) -> String {
        switch m {
        case .nps: return signed(v.value, l)
        case .csatTopBox, .negativeShare: return l.percent(number(v.value, l))
        case .csatMean, .cesMean: return twoDecimals(v.value, l)
        case .index: return l.fixed(v.value, 1)
        }
    }

    static func range(_ v: ScoreInterval, _ m: ChangeMetric, _ l: Language = .en) -> String {
        switch m {
        case .nps: return l(.intervalWords, signed(v.low, l), signed(v.high, l))
        case .csatTopBox, .negativeShare: return l(.intervalWords, number(v.low, l), number(v.high, l))
        case .csatMean, .cesMean: return l(.intervalWords, twoDecimals(v.low, l), twoDecimals(v.high, l))
        case .index: return l(.intervalWords, l.fixed(v.low, 1), l.fixed(v.high, 1))
        }
    }

    static func cell(_ v: ScoreInterval?, _ m: ChangeMetric, _ l: Language = .en) -> String {
        guard let v else { return "–" }
        return "\(value(v, m, l)) (\(range(v, m, l)))"
    }

    /// Means on a 1…5 or 1…7 scale need two decimals to show a change.
    static func twoDecimals(_ x: Double, _ l: Language) -> String { l == .en ? MetricChange.twoDecimals(x) : l.fixed(x, 2) }

    /// "< 0.001", else three decimals, with the language's decimal separator.
    static func changeP(_ p: Double, _ l: Language) -> String {
        let s = MetricChange.pText(p)
        return l == .en ? s : s.replacing(".", with: l.decimalSeparator)
    }
}
