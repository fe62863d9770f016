import JourneyAnalysis
import JourneyCore
import JourneyFeedback

extension MarkdownReport {
    /// "Closing the loop" for pain-points.md: per department, the share of follow-ups reached
    /// (interval and n), the median days to first contact (n), overdue, the later score, and
    /// the department's worst pain points beside them; then the overdue customers.
    public static func loop(_ s: LoopSummary, report: PainPointReport) -> String {
        var out = "\n## Closing the loop\n\n"
        out +=
            "As of \(s.asOf), from the loop record (\(s.recordRows) rows). A follow-up is one customer to call back at one department (a detractor, a negative response or a low CSAT); reached: a `contacted` or `resolved` row; overdue: past the service level with nothing recorded. Intervals are 95% (Agresti–Coull for shares, Welch for differences).\n\n"
        out +=
            "| department | follow-ups | reached | median days to first contact | not reachable | overdue | worst pain points |\n|---|---|---|---|---|---|---|\n"
        for d in s.departments {
            let t = d.total
            let pains = report.departments.first { $0.id == d.department }?.painPoints.prefix(2).map {
                "#\($0.rank) \(Escape.markdown($0.touchpointTitle))"
            }.joined(separator: ", ")
            out +=
                "| \(Escape.markdown(d.title))\(d.hours.map { " (within \(FollowUpLists.durationText($0)))" } ?? "") | \(t.cases) | \(reached(t)) | \(median(t)) | \(t.notReachable) | \(t.overdue == 0 ? "0" : "**\(t.overdue)**") | \(pains.map { $0.isEmpty ? "–" : $0 } ?? "–") |\n"
        }
        let later = s.departments.compactMap { d in d.later.map { (d, $0) } }
        if !later.isEmpty {
            out +=
                "\nLater score of customers who answered again, reached before that answer versus not. **Observational**: the team chose whom to call and who picked up, so the groups differ in more than the call.\n\n"
            out +=
                "| department | measure | reached: mean (n) | not reached: mean (n) | difference (95% interval) |\n|---|---|---|---|---|\n"
            for (d, l) in later {
                out +=
                    "| \(Escape.markdown(d.title)) | \(l.measure) | \(mean(l.contactedMean)) (\(l.contactedCount)) | \(mean(l.notContactedMean)) (\(l.notContactedCount)) | \(l.difference.map { "\(signed($0.value)) (\(signed($0.low)) to \(signed($0.high)))" } ?? "– (fewer than two on a side)") |\n"
            }
        }
        let overdue = s.departments.flatMap { d in d.overdue.map { (d, $0) } }
        if !overdue.isEmpty {
            out += "\n### Overdue\n\n| department | respondent | answered | due | touchpoints |\n|---|---|---|---|---|\n"
            for (d, c) in overdue.prefix(50) {
                out +=
                    "| \(Escape.markdown(d.title)) | \(Escape.markdown(c.respondent ?? c.source)) | \(c.date ?? "–") | \(c.due ?? "–") | \(c.touchpoints.map(Escape.markdown).joined(separator: ", ")) |\n"
            }
            if overdue.count > 50 { out += "\n…and \(overdue.count - 50) more (`journeymap check --fail-on overdue` lists them all).\n" }
        }
        let periods = s.departments.filter { $0.periods.count > 1 }
        if !periods.isEmpty {
            out +=
                "\n### By month of the response\n\n| department | period | follow-ups | reached | median days | overdue |\n|---|---|---|---|---|---|\n"
            for d in periods {
                for p in d.periods {
                    out +=
                        "| \(Escape.markdown(d.title)) | \(p.period ?? "") | \(p.cases) | \(reached(p)) | \(median(p)) | \(p.overdue) |\n"
                }
            }
        }
        return out
    }

    /// "312 of 355 (88%, 84–91%); 280 on time".
    static func reached(_ f: LoopFigures) -> String {
        guard let s = f.contactedShare else { return "–" }
        return "\(f.contacted) of \(f.cases) (\(pct(s.value)), \(pct(s.low, sign: false))–\(pct(s.high))); \(f.reachedOnTime) on time"
    }

    /// "1 (n = 300)".
    static func median(_ f: LoopFigures) -> String {
        f.medianDaysToFirstContact.map { "\(FollowUpLists.number($0)) (n = \(f.contactedWithDates))" } ?? "–"
    }

    static func pct(_ v: Double, sign: Bool = true) -> String { "\(Int(v.rounded()))" + (sign ? "%" : "") }

    static func mean(_ v: Double?) -> String { v.map(Format.oneDecimal) ?? "–" }

    static func signed(_ v: Double) -> String { (v >= 0 ? "+" : "−") + Format.oneDecimal(abs(v)) }
}
