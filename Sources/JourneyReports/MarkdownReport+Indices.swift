import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// The composite indices of a report (docs/feedback.md#composite-indices): one row per group
/// where the index is measured, always with its interval and n.
enum IndexRows {
    /// One measured group: where, and the estimate.
    struct Row {
        /// "Stage “Settle in”", the journey's title, …
        var place: String
        /// The group as a target names it (`at stage settle`), to set the index's targets beside it.
        var scope: Target.Scope
        /// The estimate there.
        var estimate: IndexEstimate
    }

    /// The groups measuring `index`, in a fixed order: the journey, stages, departments,
    /// segments (sorted), touchpoints; each in the journey's order.
    static func rows(_ index: CompositeIndex, _ journey: Journey, _ m: JourneyMeasurements, _ lang: Language) -> [Row] {
        var out: [Row] = []
        func add(_ place: String, _ scope: Target.Scope, _ x: Metrics?) {
            if let e = x?.indices[index.id] { out.append(Row(place: place, scope: scope, estimate: e)) }
        }
        add(journey.title, .journey, m.journey)
        for s in journey.stages { add(lang[.stage] + ": " + s.title, .stage(s.id), m.byStage[s.id]) }
        for d in journey.departments { add(lang[.department] + ": " + d.title, .department(d.id), m.byDepartment[d.id]) }
        for (name, x) in m.bySegment.sorted(by: { $0.key < $1.key }) { add(lang(.segment, name), .segment(name), x) }
        for t in journey.touchpoints { add(lang[.touchpoint] + ": " + t.title, .touchpoint(t.id), m.byTouchpoint[t.id]) }
        return out
    }

    /// "Not computed per stage, department, touchpoint: …": the levels of the journey where no
    /// group has the index, so a missing row is not read as "no problem there"; nil when none.
    static func notComputed(_ rows: [Row], _ journey: Journey, _ lang: Language) -> String? {
        let measured = Set(rows.map { JSONReport.levelAndID($0.scope, journey).0 })
        let missing = [
            (journey.stages.isEmpty, "stage", lang[.stage]), (journey.departments.isEmpty, "department", lang[.department]),
            (journey.touchpoints.isEmpty, "touchpoint", lang[.touchpoint]),
        ].filter { !$0.0 && !measured.contains($0.1) }.map(\.2)
        return missing.isEmpty ? nil : lang(.indexNotComputed, missing.joined(separator: ", ").lowercased())
    }

    /// "58.0 (56.6 to 59.4)".
    static func figure(_ e: IndexEstimate, _ lang: Language) -> String {
        var s = lang.fixed(e.value, 1)
        if let i = e.interval { s += " (" + lang(.intervalWords, lang.fixed(i.low, 1), lang.fixed(i.high, 1)) + ")" }
        return s
    }

    /// "nps 61.2 (2,000) · csat 55.3 (20,894)": each measure on 0–100 and its answers.
    static func measures(_ e: IndexEstimate, _ lang: Language) -> String {
        e.components.map { "\($0.measure) \(lang.fixed($0.score, 1)) (\(lang.integer($0.answers)))" }.joined(separator: " · ")
    }
}

extension MarkdownReport {
    /// A section per declared index: its formula, then a table of the groups measuring it.
    static func indices(_ r: PainPointReport, journey: Journey, _ lang: Language) -> String {
        var out = ""
        for index in journey.indices {
            let rows = IndexRows.rows(index, journey, r.measurements, lang)
            out += "\n## \(Escape.markdown(index.title)) (\(Escape.markdown(index.id)))\n\n"
            out += "`\(index.formula)`\n\n"
            guard !rows.isEmpty else {
                out += lang[.noData] + "\n"
                continue
            }
            // The index's targets beside the group they judge, as in report.html.
            let targets = r.targets.filter { $0.target.index == index.id }
            func goals(_ scope: Target.Scope) -> String {
                targets.filter { $0.target.scope == scope }.map { t in
                    (t.status == .met ? "✅ " + lang[.statusMet] : t.status == .missed ? "❌ " + lang[.statusMissed] : "⚪ " + lang[.noData])
                        + " " + MarkdownReport.goal(t, lang)
                }.joined(separator: "; ")
            }
            out +=
                "| \(lang[.colWhere]) | \(lang[.colFigure]) | n | \(index.terms.map(\.component.rawValue).joined(separator: " · ")) | \(lang[.colTarget]) |\n"
            out += "|---|---|---|---|---|\n"
            for row in rows {
                out +=
                    "| \(Escape.markdown(row.place)) | \(IndexRows.figure(row.estimate, lang)) | \(lang.integer(row.estimate.respondents)) | \(IndexRows.measures(row.estimate, lang)) | \(goals(row.scope)) |\n"
            }
            if let note = IndexRows.notComputed(rows, journey, lang) { out += "\n" + note + "\n" }
        }
        return out
    }
}
