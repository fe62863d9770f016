import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// `pain-points.md`: short enough for a pull-request comment, escaped so that customers'
/// words cannot become links, images, HTML or table breaks.
public enum MarkdownReport {
    /// `pain-points.md`: a summary, targets, the top `limit` pain points with evidence and quotes, departments and declared pains.
    /// `language`: of the headings and fixed words (nil: the journey's `style { language … }`, else English).
    public static func render(_ r: PainPointReport, journey: Journey, limit: Int = 10, language: Language? = nil) -> String {
        _ = Language.resolve(language, style: journey.style)  // the headings follow in the next step
        var out = "# Pain points: \(Escape.markdown(r.journeyTitle))\n\n"
        out += summary(r) + "\n"
        if let t = r.trends { out += changes(t, journey: journey) }
        // The map beside this file: a pull-request comment or a rendered folder shows it inline.
        out += "\n![The journey map with the top pain points outlined](map-pain-points.png)\n"
        if let d = r.drivers { out += drivers(d, journey: journey) }
        if !r.targets.isEmpty {
            out += "\n## Targets\n\n| Status | Target | Where | Figure | n |\n|---|---|---|---|---|\n"
            for t in r.targets {
                let mark = t.status == .met ? "✅ met" : t.status == .missed ? "❌ missed" : "⚪ no data"
                let goal =
                    "\(t.target.metric.rawValue) \(t.target.comparison.rawValue) \(Format.number(t.target.value))\(t.target.isPercent ? "%" : "")"
                out +=
                    "| \(mark)\(t.straddles ? " (interval straddles)" : "") | \(goal) | \(Escape.markdown(t.scopeTitle)) | \(figure(t)) | \(t.responses) |\n"
            }
        }
        out += "\n## Ranked pain points\n\n"
        if r.painPoints.isEmpty {
            out += "Nothing stands out: no touchpoint scores below the rest of the journey.\n"
        } else {
            out +=
                r.drivers == nil
                ? "Score: what customers report against the rest of the journey (volume-weighted NPS, CSAT and negative share), × the emotion curve (at most 1.25), × 1.5 for a moment of truth, damped for small samples (docs/pain-points.md).\n\n"
                : "Priority: importance × the share not in the top box (key drivers above); touchpoints outside the driver model follow.\n\n"
            out += "| # | Touchpoint | Owner | \(r.rankValueName) | n | NPS | CSAT | Negative |\n|---|---|---|---|---|---|---|---|\n"
            for p in r.painPoints.prefix(limit) {
                let x = p.metrics
                out +=
                    "| \(p.rank) | \(Escape.markdown(p.touchpointTitle)) | \(Escape.markdown(p.ownerTitle ?? "no owner")) | \(Format.number(r.rankValue(p))) | \(x?.responses ?? 0)\(p.isSmallSample && (x?.responses ?? 0) > 0 ? " ⚠" : "") | \(x?.nps.map { Format.signed($0.value) } ?? "–") | \(x?.csatTopBox.map { Format.number($0.value) + "%" } ?? "–") | \(negative(x)) |\n"
            }
            if r.painPoints.count > limit { out += "\n…and \(r.painPoints.count - limit) more in pain-points.json.\n" }
            for p in r.painPoints.prefix(min(limit, 5)) {
                out += "\n### \(p.rank). \(Escape.markdown(p.touchpointTitle)) (owner: \(Escape.markdown(p.ownerTitle ?? "none")))\n\n"
                out += Escape.markdown(p.explanation) + "\n\n"
                if let x = p.metrics, !x.topCategories.isEmpty {
                    out +=
                        "- Top categories: "
                        + x.topCategories.prefix(3).map { "\(Escape.markdown($0.category)) (\($0.count))" }.joined(separator: ", ") + "\n"
                }
                for c in (p.metrics?.comments ?? []).prefix(3) {
                    out += "- Customer: “\(Escape.markdown(Escape.truncate(c.text, to: 200)))”\n"
                }
                for pain in p.declaredPains { out += "- Known pain: \(Escape.markdown(pain))\n" }
                for o in p.opportunities { out += "- Opportunity: \(Escape.markdown(o))\n" }
            }
        }
        let owners = r.departments.filter { !$0.painPoints.isEmpty || !$0.missedTargets.isEmpty }
        if !owners.isEmpty {
            out +=
                "\n## By department\n\n| Department | Touchpoints | Pain points | Worst | Missed targets | Opportunities |\n|---|---|---|---|---|---|\n"
            for d in owners {
                let worst = d.painPoints.first.map { "#\($0.rank) \(Escape.markdown($0.touchpointTitle))" } ?? "–"
                out +=
                    "| \(Escape.markdown(d.title)) | \(d.touchpoints.count) | \(d.painPoints.count) | \(worst) | \(d.missedTargets.count) | \(d.opportunities.count) |\n"
            }
        }
        if !r.declaredPains.isEmpty {
            out += "\n## Known pains written in the journey\n\n| Touchpoint | Pain | Data says |\n|---|---|---|\n"
            for d in r.declaredPains {
                let title = journey.touchpoint(d.touchpointID)?.title ?? d.touchpointID
                out += "| \(Escape.markdown(title)) | \(Escape.markdown(d.text)) | \(d.status.rawValue): \(Escape.markdown(d.evidence)) |\n"
            }
        }
        return out
    }

    /// The key drivers first: the grid (drivers.png, written beside this file) and the table a
    /// manager acts on.
    static func drivers(_ d: DriverSummary, journey: Journey) -> String {
        let k = d.keyDrivers
        var out = "\n## Key drivers of “\(Escape.markdown(d.outcomeName))”\n\n"
        out += "![Key drivers: importance against performance, one point per touchpoint](drivers.png)\n\n"
        out += Escape.markdown(driversLead(d)) + "\n\n"
        out += "| # | Touchpoint | Owner | Importance (95%) | Performance | Priority | Quadrant | n |\n|---|---|---|---|---|---|---|---|\n"
        for (i, row) in d.rows.enumerated() {
            let imp = row.driver.importance
            let perf = row.performance.map { "\(Format.number($0.value))% (\(Format.number($0.low))–\(Format.number($0.high)))" } ?? "–"
            out += "| \(i + 1) | \(Escape.markdown(row.touchpointTitle)) | \(Escape.markdown(row.ownerTitle ?? "no owner")) | "
            out += "\(Format.number(imp.value))% (\(Format.number(imp.low))–\(Format.number(imp.high))) | \(perf) | "
            out +=
                "\(row.performance == nil ? "–" : Format.number(row.priority)) | \((row.quadrant?.rawValue ?? "–") + (row.nearQuadrantLine ? " (near the line)" : "")) | \(PriorityAnalysis.grouped(row.performanceN)) |\n"
        }
        for e in k.excluded {
            let title = journey.touchpoint(e.touchpointID)?.title ?? e.touchpointID
            out += "\n- Not in the model: \(Escape.markdown(title)): \(Escape.markdown(e.reason))."
        }
        for note in k.notes { out += "\n- \(Escape.markdown(note))" }
        if !k.excluded.isEmpty || !k.notes.isEmpty { out += "\n" }
        return out + "\n" + Escape.markdown(driversMethod(d)) + "\n"
    }

    /// What the importance is, from how many people, and how much the ratings explain.
    public static func driversLead(_ d: DriverSummary) -> String {
        let k = d.keyDrivers
        var s = "Importance is each touchpoint's share of what the ratings explain of “\(d.outcomeName)” (relative weights, Johnson 2000, "
        s += "with 95% bootstrap intervals), over \(PriorityAnalysis.grouped(k.respondents)) respondents"
        if let r2 = k.rSquared {
            s +=
                "; the ratings explain \(Format.number(100 * r2.value))% (95% \(Format.number(100 * r2.low)) to \(Format.number(100 * r2.high))) of it (R²)"
        }
        return s + ". Performance is the share of answers in the top two boxes; priority = importance × the share not in the top box."
    }

    /// The model, the missing-data rule and the bootstrap, for the analyst.
    public static func driversMethod(_ d: DriverSummary) -> String {
        let k = d.keyDrivers
        return "Method: \(k.model); \(k.missingRule); \(PriorityAnalysis.grouped(k.resamples)) bootstrap resamples, seed \(k.seed). "
            + "Quadrant lines: equal importance (100/\(d.rows.count) = \(Format.number(d.importanceSplit))%) and the drivers' mean performance"
            + (d.performanceSplit.map { " (\(Format.number($0))%)" } ?? "")
            + "; “near the line”: an interval crosses it. See docs/pain-points.md."
    }

    static func summary(_ r: PainPointReport) -> String {
        let a = r.measurements.accounting
        let j = r.measurements.journey
        guard a.read > 0 || j.responses > 0 else {
            return "No feedback data is joined to this journey: the ranking comes from the designed emotions alone."
        }
        var s = "Data: \(a.used) responses joined to touchpoints, of \(a.read) rows read"
        if a.isRespondentLevel {
            // One person's answers are one respondent: say both counts, as CX research does.
            let r = a.respondents
            s = "Data: \(PriorityAnalysis.grouped(r.used)) respondents gave \(PriorityAnalysis.grouped(a.ratings.used)) ratings"
            if a.ratingsMissing > 0 { s += " (\(PriorityAnalysis.grouped(a.ratingsMissing)) left blank or not applicable)" }
            s += ", of \(PriorityAnalysis.grouped(a.read)) rows read"
        }
        var notUsed: [String] = []
        if a.rejected > 0 { notUsed.append("\(a.rejected) rejected") }
        if a.unmatched > 0 { notUsed.append("\(a.unmatched) unmatched") }
        if a.filtered > 0 { notUsed.append("\(a.filtered) outside the dates") }
        if !notUsed.isEmpty { s += " (\(notUsed.joined(separator: ", ")))" }
        if let f = r.measurements.firstDate, let l = r.measurements.lastDate { s += ", \(f) to \(l)" }
        s += "."
        if let n = j.nps { s += " Journey NPS \(Format.signed(n.value)) (95% \(Format.signed(n.low)) to \(Format.signed(n.high)))." }
        if let c = j.csatTopBox { s += " CSAT \(Format.number(c.value))%." }
        let missed = r.missedTargets.count
        if !r.targets.isEmpty { s += " Targets: \(r.targets.count - missed) of \(r.targets.count) met." }
        return s
    }

    static func figure(_ t: TargetResult) -> String {
        guard let v = t.value else { return "–" }
        let unit = t.target.metric == .csat || t.target.isPercent ? "%" : ""
        var s = (t.target.metric == .nps ? Format.signed(v) : Format.number(v)) + unit
        if let i = t.interval { s += " (\(Format.number(i.low)) to \(Format.number(i.high)))" }
        return s
    }

    static func negative(_ x: Metrics?) -> String {
        guard let x, x.sentimentTotal > 0 else { return "–" }
        return Format.number(100 * Double(x.sentimentCounts[.negative] ?? 0) / Double(x.sentimentTotal)) + "%"
    }
}
