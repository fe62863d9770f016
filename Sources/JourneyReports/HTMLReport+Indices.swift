import JourneyAnalysis
import JourneyCore
import JourneyFeedback

extension HTMLReport {
    /// A section per declared composite index (docs/feedback.md#composite-indices): the journey,
    /// each stage, department, segment and touchpoint where it is measured, with its interval
    /// and n, and beside each group the targets written on the index there with their status.
    static func indices(_ r: PainPointReport, journey: Journey, _ lang: Language) -> String {
        let h = Escape.html
        var out = ""
        for index in journey.indices {
            let rows = IndexRows.rows(index, journey, r.measurements, lang)
            let targets = r.targets.filter { $0.target.index == index.id }
            out += "<section class=\"index\"><h2>\(h(index.title)) <small>(\(h(index.id.uppercased())))</small></h2>\n"
            out += "<p><code>\(h(index.id)) = \(h(index.formula))</code> · \(h(lang[.indexMethod]))</p>\n"
            guard !rows.isEmpty else {
                out += "<p>\(h(lang[.noData]))</p></section>\n"
                continue
            }
            out +=
                "<table><thead><tr><th>\(h(lang[.colWhere]))</th><th>\(h(index.id.uppercased()))</th><th>n</th><th>\(h(lang[.colMeasures]))</th><th>\(h(lang[.colTarget]))</th></tr></thead><tbody>\n"
            for row in rows {
                let e = row.estimate
                var figure = "<b>\(h(lang.fixed(e.value, 1)))</b>"
                if let i = e.interval {
                    figure += " <small>(\(h(lang(.intervalWords, lang.fixed(i.low, 1), lang.fixed(i.high, 1)))))</small>"
                }
                let level = row.scope == .journey ? " class=\"total\"" : ""
                out +=
                    "<tr\(level)><td>\(h(row.place))</td><td class=\"num\">\(figure)</td><td class=\"num\">\(h(lang.integer(e.respondents)))</td><td><small>\(h(IndexRows.measures(e, lang)))</small></td><td>\(goals(targets.filter { $0.target.scope == row.scope }, lang))</td></tr>\n"
            }
            // Targets on the index where it is not measured (no answers there): still shown.
            let placed = Set(rows.map(\.scope))
            for t in targets where !placed.contains(t.target.scope) {
                out += "<tr><td>\(h(t.scopeTitle))</td><td>–</td><td>0</td><td></td><td>\(goals([t], lang))</td></tr>\n"
            }
            out += "</tbody></table>\n"
            if let note = IndexRows.notComputed(rows, journey, lang) { out += "<p><small>\(h(note))</small></p>\n" }
            out += "</section>\n"
        }
        return out
    }

    /// "met chi >= 55": each target's status pill and goal.
    static func goals(_ targets: [TargetResult], _ lang: Language) -> String {
        let h = Escape.html
        return targets.map { t in
            let cls = t.status == .met ? "ok" : t.status == .missed ? "bad" : "none"
            return "<span class=\"pill \(cls)\">\(h(MarkdownReport.status(t.status, lang)))</span> \(h(MarkdownReport.goal(t, lang)))"
                + (t.straddles ? " <small>\(h(lang[.intervalStraddles]))</small>" : "")
        }.joined(separator: "<br>")
    }
}
