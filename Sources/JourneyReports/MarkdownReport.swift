import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// `pain-points.md`: short enough for a pull-request comment, escaped so that customers'
/// words cannot become links, images, HTML or table breaks.
public enum MarkdownReport {
    /// `pain-points.md`: a summary, targets, the top `limit` pain points with evidence and quotes, departments and declared pains.
    /// `language`: of the headings and fixed words (nil: the journey's `style { language … }`, else English).
    public static func render(_ r: PainPointReport, journey: Journey, limit: Int = 10, language: Language? = nil) -> String {
        let lang = Language.resolve(language, style: journey.style)
        var out = "# \(lang(.reportTitle, Escape.markdown(r.journeyTitle)))\n\n"
        out += summary(r, lang) + "\n"
        if let t = r.trends { out += changes(t, journey: journey, language: lang) }
        // The map beside this file: a pull-request comment or a rendered folder shows it inline.
        out += "\n![\(lang[.mapAlt])](map-pain-points.png)\n"
        if let d = r.drivers { out += drivers(d, journey: journey, lang) }
        if !r.targets.isEmpty {
            out +=
                "\n## \(lang[.targets])\n\n| \(lang[.colStatus]) | \(lang[.colTarget]) | \(lang[.colWhere]) | \(lang[.colFigure]) | n |\n|---|---|---|---|---|\n"
            for t in r.targets {
                let mark =
                    t.status == .met ? "✅ " + lang[.statusMet] : t.status == .missed ? "❌ " + lang[.statusMissed] : "⚪ " + lang[.noData]
                out +=
                    "| \(mark)\(t.straddles ? " (\(lang[.intervalStraddles]))" : "") | \(goal(t, lang)) | \(Escape.markdown(t.scopeTitle)) | \(figure(t, lang)) | \(lang.integer(t.responses)) |\n"
            }
        }
        out += indices(r, journey: journey, lang)
        out += "\n## \(lang[.rankedPainPoints])\n\n"
        if r.painPoints.isEmpty {
            out += lang[.nothingStandsOut] + "\n"
        } else {
            out += lang[r.drivers == nil ? .scoreMethod : .priorityMethod] + "\n\n"
            out +=
                "| # | \(lang[.touchpoint]) | \(lang[.owner]) | \(lang[r.drivers == nil ? .rankScore : .rankPriority]) | n | NPS | CSAT | \(lang[.colNegative]) |\n|---|---|---|---|---|---|---|---|\n"
            for p in r.painPoints.prefix(limit) {
                let x = p.metrics
                out +=
                    "| \(p.rank) | \(Escape.markdown(p.touchpointTitle)) | \(Escape.markdown(p.ownerTitle ?? lang[.noOwner])) | \(lang.number(r.rankValue(p))) | \(lang.integer(x?.responses ?? 0))\(p.isSmallSample && (x?.responses ?? 0) > 0 ? " ⚠" : "") | \(x?.nps.map { lang.signedNumber($0.value) } ?? "–") | \(x?.csatTopBox.map { lang.percent(lang.number($0.value)) } ?? "–") | \(negative(x, lang)) |\n"
            }
            if r.painPoints.count > limit { out += "\n" + lang(.moreInJSON, lang.integer(r.painPoints.count - limit)) + "\n" }
            for p in r.painPoints.prefix(min(limit, 5)) {
                out +=
                    "\n### \(p.rank). \(Escape.markdown(p.touchpointTitle)) \(Escape.markdown(lang(.ownerParen, p.ownerTitle ?? lang[.noneGiven])))\n\n"
                out += Escape.markdown(p.explanation) + "\n\n"
                if let x = p.metrics, !x.topCategories.isEmpty {
                    out +=
                        "- "
                        + lang(
                            .topCategories,
                            x.topCategories.prefix(3).map { "\(Escape.markdown($0.category)) (\(lang.integer($0.count)))" }.joined(
                                separator: ", "))
                        + "\n"
                }
                for c in (p.metrics?.comments ?? []).prefix(3) {
                    out += "- " + lang(.customerSays, lang(.quoted, Escape.markdown(Escape.truncate(c.text, to: 200)))) + "\n"
                }
                for pain in p.declaredPains { out += "- " + lang(.knownPainItem, Escape.markdown(pain)) + "\n" }
                for o in p.opportunities { out += "- " + lang(.opportunityItem, Escape.markdown(o)) + "\n" }
            }
        }
        let owners = r.departments.filter { !$0.painPoints.isEmpty || !$0.missedTargets.isEmpty }
        if !owners.isEmpty {
            out +=
                "\n## \(lang[.byDepartment])\n\n| \(lang[.department]) | \(lang[.touchpoints]) | \(lang[.colPainPoints]) | \(lang[.colWorst]) | \(lang[.colMissedTargets]) | \(lang[.colOpportunities]) |\n|---|---|---|---|---|---|\n"
            for d in owners {
                let worst = d.painPoints.first.map { "#\($0.rank) \(Escape.markdown($0.touchpointTitle))" } ?? "–"
                out +=
                    "| \(Escape.markdown(d.title)) | \(d.touchpoints.count) | \(d.painPoints.count) | \(worst) | \(d.missedTargets.count) | \(d.opportunities.count) |\n"
            }
        }
        if !r.declaredPains.isEmpty {
            out +=
                "\n## \(lang[.knownPainsWritten])\n\n| \(lang[.touchpoint]) | \(lang[.colPain]) | \(lang[.colDataSays]) |\n|---|---|---|\n"
            for d in r.declaredPains {
                let title = journey.touchpoint(d.touchpointID)?.title ?? d.touchpointID
                out +=
                    "| \(Escape.markdown(title)) | \(Escape.markdown(d.text)) | \(status(d.status, lang)): \(Escape.markdown(d.evidence)) |\n"
            }
        }
        return out
    }

    /// The key drivers first: the grid (drivers.png, written beside this file) and the table a
    /// manager acts on.
    static func drivers(_ d: DriverSummary, journey: Journey, _ lang: Language = .en) -> String {
        let k = d.keyDrivers
        var out = "\n## \(lang(.keyDriversOf, lang(.quoted, Escape.markdown(d.outcomeName))))\n\n"
        out += "![\(lang[.driversAlt])](drivers.png)\n\n"
        out += Escape.markdown(driversLead(d, lang)) + "\n\n"
        out +=
            "| # | \(lang[.touchpoint]) | \(lang[.owner]) | \(lang[.colImportance]) | \(lang[.colPerformance]) | \(lang[.colPriority]) | \(lang[.colQuadrant]) | n |\n|---|---|---|---|---|---|---|---|\n"
        for (i, row) in d.rows.enumerated() {
            out += "| \(i + 1) | \(Escape.markdown(row.touchpointTitle)) | \(Escape.markdown(row.ownerTitle ?? lang[.noOwner])) | "
            out += "\(importance(row, lang)) | \(performance(row, lang)) | "
            out +=
                "\(row.performance == nil ? "–" : lang.number(row.priority)) | \(quadrant(row, lang)) | \(lang.integer(row.performanceN)) |\n"
        }
        for e in k.excluded {
            let title = journey.touchpoint(e.touchpointID)?.title ?? e.touchpointID
            out += "\n- " + lang(.notInModel, Escape.markdown(title), Escape.markdown(e.reason))
        }
        for note in k.notes { out += "\n- \(Escape.markdown(note))" }
        if !k.excluded.isEmpty || !k.notes.isEmpty { out += "\n" }
        return out + "\n" + Escape.markdown(driversMethod(d, lang)) + "\n"
    }

    /// "12.5% (8–17)": a driver's importance with its interval.
    static func importance(_ row: DriverPriority, _ lang: Language) -> String {
        let imp = row.driver.importance
        return "\(lang.percent(lang.number(imp.value))) (\(lang.number(imp.low))–\(lang.number(imp.high)))"
    }

    /// "71% (66–75)", or "–" without ratings.
    static func performance(_ row: DriverPriority, _ lang: Language) -> String {
        row.performance.map { "\(lang.percent(lang.number($0.value))) (\(lang.number($0.low))–\(lang.number($0.high)))" } ?? "–"
    }

    /// The quadrant's name, "(near the line)" when an interval crosses it.
    static func quadrant(_ row: DriverPriority, _ lang: Language) -> String {
        guard let q = row.quadrant else { return "–" }
        let name = q.title(in: lang)
        return name + (row.nearQuadrantLine ? " (\(lang[.nearTheLine]))" : "")
    }

    /// A declared pain's verdict.
    static func status(_ s: DeclaredPain.Status, _ lang: Language) -> String {
        switch s {
        case .confirmed: lang[.painConfirmed]
        case .notConfirmed: lang[.painNotConfirmed]
        case .noData: lang[.noData]
        }
    }

    /// A target's status word.
    static func status(_ s: TargetResult.Status, _ lang: Language) -> String {
        switch s {
        case .met: lang[.statusMet]
        case .missed: lang[.statusMissed]
        case .noData: lang[.noData]
        }
    }

    /// "csat >= 70%": the target as written (its metric and comparison are the journey's keywords).
    static func goal(_ t: TargetResult, _ lang: Language) -> String {
        let v = lang.number(t.target.value)
        return "\(t.target.metricName) \(t.target.comparison.rawValue) \(t.target.isPercent ? lang.percent(v) : v)"
    }

    /// What the importance is, from how many people, and how much the ratings explain.
    public static func driversLead(_ d: DriverSummary, _ lang: Language = .en) -> String {
        let k = d.keyDrivers
        var s = lang(.driversLead, lang(.quoted, d.outcomeName), lang.count(k.respondents, .respondent))
        if let r2 = k.rSquared {
            s += lang(
                .driversR2, lang.percent(lang.number(100 * r2.value)),
                lang(.intervalWords, lang.number(100 * r2.low), lang.number(100 * r2.high)))
        }
        return s + lang[.driversLeadEnd]
    }

    /// The model, the missing-data rule and the bootstrap, for the analyst.
    public static func driversMethod(_ d: DriverSummary, _ lang: Language = .en) -> String {
        let k = d.keyDrivers
        return lang(
            .driversMethod, k.model, k.missingRule, lang.integer(k.resamples), String(k.seed), lang.integer(d.rows.count),
            lang.percent(lang.number(d.importanceSplit)), d.performanceSplit.map { " (\(lang.percent(lang.number($0))))" } ?? "")
    }

    static func summary(_ r: PainPointReport, _ lang: Language = .en) -> String {
        let a = r.measurements.accounting
        let j = r.measurements.journey
        guard a.read > 0 || j.responses > 0 else { return lang[.noFeedback] }
        var s = lang(.dataJoined, lang.count(a.used, .response), lang.count(a.read, .row))
        if a.isRespondentLevel {
            // One person's answers are one respondent: say both counts, as CX research does.
            let blank = a.ratingsMissing > 0 ? lang(.leftBlank, lang.integer(a.ratingsMissing)) : ""
            s = lang(
                .dataRespondents, lang.count(a.respondents.used, .respondent), lang.count(a.ratings.used, .rating), blank,
                lang.count(a.read, .row))
        }
        var notUsed: [String] = []
        if a.rejected > 0 { notUsed.append(lang(.rejected, lang.integer(a.rejected))) }
        if a.unmatched > 0 { notUsed.append(lang(.unmatched, lang.integer(a.unmatched))) }
        if a.filtered > 0 { notUsed.append(lang(.outsideDates, lang.integer(a.filtered))) }
        if !notUsed.isEmpty { s += " (\(notUsed.joined(separator: ", ")))" }
        if let f = r.measurements.firstDate, let l = r.measurements.lastDate { s += ", " + lang(.dateRange, lang.date(f), lang.date(l)) }
        s += "."
        if let n = j.nps {
            s +=
                " "
                + lang(
                    .journeyNPSSentence, lang.signedNumber(n.value),
                    lang(.intervalWords, lang.signedNumber(n.low), lang.signedNumber(n.high)))
        }
        if let c = j.csatTopBox { s += " CSAT \(lang.percent(lang.number(c.value)))." }
        let missed = r.missedTargets.count
        if !r.targets.isEmpty { s += " " + lang(.targetsSentence, lang.integer(r.targets.count - missed), lang.integer(r.targets.count)) }
        return s
    }

    static func figure(_ t: TargetResult, _ lang: Language = .en) -> String {
        guard let v = t.value else { return "–" }
        let isIndex = t.target.index != nil
        // An index reads with one decimal everywhere (map, index tables), so "58.0", not "58".
        let number = { (x: Double) in isIndex ? lang.fixed(x, 1) : lang.number(x) }
        let digits = !isIndex && t.target.metric == .nps ? lang.signedNumber(v) : number(v)
        var s = (!isIndex && t.target.metric == .csat) || t.target.isPercent ? lang.percent(digits) : digits
        if let i = t.interval { s += " (\(lang(.intervalWords, number(i.low), number(i.high))))" }
        return s
    }

    static func negative(_ x: Metrics?, _ lang: Language = .en) -> String {
        guard let x, x.sentimentTotal > 0 else { return "–" }
        return lang.percent(lang.number(100 * Double(x.sentimentCounts[.negative] ?? 0) / Double(x.sentimentTotal)))
    }
}
