import JourneyAnalysis
import JourneyCore
import JourneyFeedback

extension HTMLReport {
    /// The "Closing the loop" section of `report.html`: per department, follow-ups reached
    /// (interval, n), median days to first contact (n), overdue, the department's worst pain
    /// points beside them, the later score (observational) and the overdue customers. Every
    /// piece of data goes through `Escape.html`.
    public static func loop(_ s: LoopSummary, report: PainPointReport) -> String {
        let h = Escape.html
        var out = "<section><h2>Closing the loop</h2>\n"
        out +=
            "<p>\(h("As of \(s.asOf), from the loop record (\(s.recordRows) rows). A follow-up is one customer to call back at one department (a detractor, a negative response or a low CSAT); reached: contacted or resolved; overdue: past the service level with nothing recorded. Intervals are 95% (Agresti–Coull for shares, Welch for differences)."))</p>\n"
        out +=
            "<table><thead><tr><th>Department</th><th>Follow-ups</th><th>Reached (95%)</th><th>Median days to first contact (n)</th><th>Not reachable</th><th>Overdue</th><th>Worst pain points</th></tr></thead><tbody>\n"
        for d in s.departments {
            let t = d.total
            let pains =
                report.departments.first { $0.id == d.department }?.painPoints.prefix(2).map { "#\($0.rank) \($0.touchpointTitle)" }.joined(
                    separator: ", ") ?? ""
            let title = d.title + (d.hours.map { " (within \(FollowUpLists.durationText($0)))" } ?? "")
            out +=
                "<tr><td>\(h(title))</td><td>\(t.cases)</td><td>\(h(MarkdownReport.reached(t)))</td><td>\(h(MarkdownReport.median(t)))</td><td>\(t.notReachable)</td><td\(t.overdue > 0 ? " class=\"badtext\"" : "")>\(t.overdue)</td><td>\(h(pains.isEmpty ? "–" : pains))</td></tr>\n"
        }
        out += "</tbody></table>\n"
        let later = s.departments.compactMap { d in d.later.map { (d, $0) } }
        if !later.isEmpty {
            out +=
                "<p>Later score of customers who answered again, reached before that answer versus not. <strong>Observational</strong>: the team chose whom to call and who picked up, so the groups differ in more than the call.</p>\n"
            out +=
                "<table><thead><tr><th>Department</th><th>Measure</th><th>Reached: mean (n)</th><th>Not reached: mean (n)</th><th>Difference (95%)</th></tr></thead><tbody>\n"
            for (d, l) in later {
                let diff =
                    l.difference.map {
                        "\(MarkdownReport.signed($0.value)) (\(MarkdownReport.signed($0.low)) to \(MarkdownReport.signed($0.high)))"
                    } ?? "– (fewer than two on a side)"
                out +=
                    "<tr><td>\(h(d.title))</td><td>\(h(l.measure))</td><td>\(MarkdownReport.mean(l.contactedMean)) (\(l.contactedCount))</td><td>\(MarkdownReport.mean(l.notContactedMean)) (\(l.notContactedCount))</td><td>\(h(diff))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        let overdue = s.departments.flatMap { d in d.overdue.map { (d, $0) } }
        if !overdue.isEmpty {
            out +=
                "<h3>Overdue</h3><table><thead><tr><th>Department</th><th>Respondent</th><th>Answered</th><th>Due</th><th>Touchpoints</th></tr></thead><tbody>\n"
            for (d, c) in overdue.prefix(50) {
                out +=
                    "<tr><td>\(h(d.title))</td><td>\(h(c.respondent ?? c.source))</td><td>\(h(c.date ?? "–"))</td><td class=\"badtext\">\(h(c.due ?? "–"))</td><td>\(h(c.touchpoints.joined(separator: ", ")))</td></tr>\n"
            }
            out += "</tbody></table>\n"
            if overdue.count > 50 {
                out += "<p>\(h("…and \(overdue.count - 50) more (journeymap check --fail-on overdue lists them all)."))</p>\n"
            }
        }
        out += "</section>\n"
        return out
    }
}
