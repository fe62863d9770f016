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
    public static func changes(_ t: Trends, journey: Journey) -> String {
        let p = t.periods
        guard !p.periods.isEmpty else { return "" }
        let unit = p.unit.rawValue
        var out = "\n## What changed\n\n"
        let c = t.changes
        let first = p.periods.first!.label, last = p.periods.last!.label
        out +=
            "By \(unit), \(first) to \(last): each \(unit) against the one before, \(PriorityAnalysis.grouped(c.tests.count)) comparisons"
        out += " of NPS, CSAT, CES and negative share for the journey, its stages and touchpoints, \(correctionPhrase(c)). "
        if c.skippedTooFew > 0 {
            out += "\(PriorityAnalysis.grouped(c.skippedTooFew)) were not made: a side had fewer than \(p.smallSample) answers. "
        }
        if p.undated > 0 {
            out += "\(PriorityAnalysis.grouped(p.undated)) answers had no date: they count in the totals, in no \(unit). "
        }
        out = String(out.dropLast()) + "\n\n"
        let significant = c.significant
        if significant.isEmpty {
            out += "No significant change: every difference's interval includes 0 after the correction.\n"
        } else {
            out += "| | Where | Figure | Before (95%), n | After (95%), n | Change (95%) | Adjusted p |\n|---|---|---|---|---|---|---|\n"
            for ch in significant.prefix(changesListed) {
                out +=
                    "| \(ch.isWorse ? "▼ worse" : "▲ better") | \(Escape.markdown(scopeTitle(ch.scope, journey))) | \(ch.metric.title) | "
                out +=
                    "\(ch.from): \(value(ch.before, ch.metric)) (\(range(ch.before, ch.metric))), n = \(PriorityAnalysis.grouped(ch.nBefore)) | "
                out +=
                    "\(ch.to): \(value(ch.after, ch.metric)) (\(range(ch.after, ch.metric))), n = \(PriorityAnalysis.grouped(ch.nAfter)) | "
                out +=
                    "\(Format.signed(ch.difference.value))\(ch.metric.unit) (\(Format.signed(ch.difference.low)) to \(Format.signed(ch.difference.high))) | "
                out += "\(changeP(ch.adjustedP)) |\n"
            }
            if significant.count > changesListed {
                out += "\n…and \(significant.count - changesListed) more significant changes in pain-points.json.\n"
            }
        }
        out += journeyTable(p)
        out += touchpointTable(t, journey: journey)
        return out
    }

    /// "Holm-corrected at 5%" and what that promises.
    static func correctionPhrase(_ c: ChangeReport) -> String {
        let level = Format.number(100 * c.level) + "%"
        switch c.correction {
        case .holm: return "Holm-corrected at \(level) (the chance of any false alarm in this section is at most \(level))"
        case .benjaminiHochberg: return "Benjamini–Hochberg-corrected at \(level) (false-discovery rate)"
        case .none: return "each at \(level), uncorrected"
        }
    }

    /// The journey's figures per period; runs of empty periods are one row.
    static func journeyTable(_ p: JourneyPeriods) -> String {
        var out = "\n| \(p.unit.rawValue.capitalized) | n | NPS (95%) | CSAT top-box (95%) | CES mean (95%) | Negative (95%) |\n"
        out += "|---|---|---|---|---|---|\n"
        for row in rows(p.journey.points) {
            switch row {
            case .empty(let a, let b):
                out += "| \(a == b ? a : "\(a) … \(b)") | 0 | no responses | | | |\n"
            case .figures(let f):
                let n = PriorityAnalysis.grouped(f.n) + (f.tooFew ? " (too few)" : "")
                out += "| \(f.period.label) | \(n) | \(cell(f.nps, .nps)) | \(cell(f.csatTopBox, .csatTopBox)) | "
                out += "\(cell(f.cesMean, .cesMean)) | \(cell(f.negativeShare, .negativeShare)) |\n"
            }
        }
        return out
    }

    /// Each touchpoint's NPS (or CSAT top-box without NPS) in the latest periods with data.
    static func touchpointTable(_ t: Trends, journey: Journey) -> String {
        let p = t.periods
        let shown = p.journey.points.indices.filter { p.journey.points[$0].n > 0 }.suffix(periodsShown)
        guard shown.count > 1 else { return "" }
        let rowsWithData = journey.touchpoints.compactMap { tp in p.byTouchpoint[tp.id].map { (tp, $0) } }
        guard !rowsWithData.isEmpty else { return "" }
        var out = "\nPer touchpoint (NPS, else CSAT top-box; n; ▼▲ a significant change from the \(p.unit.rawValue) before):\n\n"
        out += "| Touchpoint | " + shown.map { p.periods[$0].label }.joined(separator: " | ") + " |\n"
        out += "|---|" + String(repeating: "---|", count: shown.count) + "\n"
        for (tp, series) in rowsWithData {
            out += "| \(Escape.markdown(tp.title)) |"
            for i in shown {
                let f = series.points[i]
                let marks = markers(t.changes.significant, tp.id, f.period.label)
                let few = ", too few"
                if let v = f.nps {
                    out += " \(Format.signed(v.value))\(marks) (n = \(f.npsCount)\(f.npsCount < p.smallSample ? few : "")) |"
                } else if let v = f.csatTopBox {
                    out += " \(Format.number(v.value))%\(marks) (n = \(f.csatCount)\(f.csatCount < p.smallSample ? few : "")) |"
                } else {
                    out += f.n > 0 ? " n = \(f.n) |" : " – |"
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

    static func scopeTitle(_ s: PeriodScope, _ journey: Journey) -> String {
        switch s.kind {
        case .journey: return "the journey"
        case .stage: return "stage " + (journey.stages.first { $0.id == s.id }?.title ?? s.id)
        case .touchpoint: return journey.touchpoint(s.id)?.title ?? s.id
        }
    }

    static func value(_ v: ScoreInterval, _ m: ChangeMetric) -> String {
        switch m {
        case .nps: return Format.signed(v.value)
        case .csatTopBox, .negativeShare: return Format.number(v.value) + "%"
        case .csatMean, .cesMean: return twoDecimals(v.value)
        }
    }

    static func range(_ v: ScoreInterval, _ m: ChangeMetric) -> String {
        switch m {
        case .nps: return "\(Format.signed(v.low)) to \(Format.signed(v.high))"
        case .csatTopBox, .negativeShare: return "\(Format.number(v.low)) to \(Format.number(v.high))"
        case .csatMean, .cesMean: return "\(twoDecimals(v.low)) to \(twoDecimals(v.high))"
        }
    }

    static func cell(_ v: ScoreInterval?, _ m: ChangeMetric) -> String {
        guard let v else { return "–" }
        return "\(value(v, m)) (\(range(v, m)))"
    }

    /// Means on a 1…5 or 1…7 scale need two decimals to show a change.
    static func twoDecimals(_ x: Double) -> String {
        let hundredths = Int((abs(x) * 100).rounded())
        let frac = hundredths % 100
        return (x < 0 && hundredths > 0 ? "-" : "") + String(hundredths / 100) + "." + (frac < 10 ? "0" : "") + String(frac)
    }

    /// "< 0.001", else three decimals.
    static func changeP(_ p: Double) -> String {
        if p < 0.001 { return "< 0.001" }
        let thousandths = Int((p * 1000).rounded())
        let s = String(thousandths)
        return "0." + String(repeating: "0", count: max(0, 3 - s.count)) + s
    }
}
