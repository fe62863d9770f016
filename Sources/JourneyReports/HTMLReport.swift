import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// `report.html`: one self-contained page (no external assets; one script of our own, the
/// map viewer, allowed by its hash). Every piece of journey and customer text is escaped; the
/// map is inline SVG with pan and zoom (HTMLReport+Map.swift); a Content-Security-Policy
/// forbids the rest.
public enum HTMLReport {
    /// The page's policy: inline styles, data: images and our own map viewer (by its hash) only;
    /// nothing fetched.
    public static let contentSecurityPolicy =
        "default-src 'none'; script-src \(mapScriptSource); style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    /// `mapPNG`, `mapSVG`: the journey map with the top pain points highlighted, if rendered
    /// (the SVG is shown inline with pan and zoom; the PNG when there is no SVG). `sections`:
    /// finished sections (e.g. `segments(_:journey:png:)`) placed before the footer. `language`:
    /// of the page (`lang`) and its fixed words (nil: the journey's `style { language … }`, else English).
    public static func render(
        _ r: PainPointReport, journey: Journey, mapPNG: [UInt8]?, mapSVG: [UInt8]? = nil, driversPNG: [UInt8]? = nil,
        language: Language? = nil, sections: [String] = []
    ) -> String {
        let lang = Language.resolve(language, style: journey.style)
        let h = Escape.html
        var out = """
            <!DOCTYPE html>
            <html lang="\(lang.tag)">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Pain points: \(h(r.journeyTitle))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header><h1>\(h(r.journeyTitle))</h1><p class="sub">Pain-point report · \(h(r.journeyID))</p>
            <p>\(h(MarkdownReport.summary(r)))</p></header>

            """
        if let d = r.drivers { out += drivers(d, png: driversPNG) }
        if !r.targets.isEmpty {
            out +=
                "<section><h2>Targets</h2><table><thead><tr><th>Status</th><th>Target</th><th>Where</th><th>Figure</th><th>n</th></tr></thead><tbody>\n"
            for t in r.targets {
                let cls = t.status == .met ? "ok" : t.status == .missed ? "bad" : "none"
                let goal =
                    "\(t.target.metric.rawValue) \(t.target.comparison.rawValue) \(Format.number(t.target.value))\(t.target.isPercent ? "%" : "")"
                out +=
                    "<tr><td><span class=\"pill \(cls)\">\(h(t.status.rawValue))</span>\(t.straddles ? " <small>interval straddles</small>" : "")</td><td>\(h(goal))</td><td>\(h(t.scopeTitle))</td><td>\(h(MarkdownReport.figure(t)))</td><td>\(t.responses)</td></tr>\n"
            }
            out += "</tbody></table></section>\n"
        }
        out += mapSection(title: r.journeyTitle, svg: mapSVG, png: mapPNG)
        out += "<section><h2>Ranked pain points</h2>\n"
        if r.painPoints.isEmpty { out += "<p>Nothing stands out: no touchpoint scores below the rest of the journey.</p>\n" }
        let top = r.painPoints.map(r.rankValue).max() ?? 1
        for p in r.painPoints.prefix(15) {
            let x = p.metrics
            let width = max(2, Int((r.rankValue(p) / max(top, 0.001)) * 100))
            out += "<article class=\"pain\"><div class=\"rank\">\(p.rank)</div><div class=\"body\">"
            out +=
                "<h3>\(h(p.touchpointTitle)) <span class=\"owner\">\(h(p.ownerTitle ?? "no owner"))</span>\(p.isMomentOfTruth ? " <span class=\"pill mot\">moment of truth</span>" : "")\(p.isSmallSample && (x?.responses ?? 0) > 0 ? " <span class=\"pill none\">small sample</span>" : "")</h3>"
            out += "<div class=\"bar\"><span style=\"width:\(width)%\"></span></div>"
            out += "<p>\(h(p.explanation))</p><ul class=\"facts\">"
            out += "<li>n = \(x?.responses ?? 0)</li>"
            if let n = x?.nps {
                out +=
                    "<li>NPS \(h(Format.signed(n.value))) <small>(\(h(Format.signed(n.low))) to \(h(Format.signed(n.high))))</small></li>"
            }
            if let c = x?.csatTopBox { out += "<li>CSAT \(h(Format.number(c.value)))%</li>" }
            if let c = x?.cesMean { out += "<li>CES \(h(Format.number(c)))</li>" }
            if let e = x?.measuredEmotion { out += "<li>measured emotion \(h(Format.signed(e)))</li>" }
            out += "</ul>"
            if let cats = x?.topCategories, !cats.isEmpty {
                out += "<p class=\"cats\">" + cats.prefix(4).map { "<span>\(h($0.category)) · \($0.count)</span>" }.joined() + "</p>"
            }
            for c in (x?.comments ?? []).prefix(3) {
                out += "<blockquote>\(h(Escape.truncate(c.text, to: 280)))</blockquote>"
            }
            if !p.declaredPains.isEmpty || !p.opportunities.isEmpty {
                out +=
                    "<ul class=\"notes\">" + p.declaredPains.map { "<li>Known pain: \(h($0))</li>" }.joined()
                    + p.opportunities.map { "<li>Opportunity: \(h($0))</li>" }.joined() + "</ul>"
            }
            out += "</div></article>\n"
        }
        out += "</section>\n<section><h2>By department</h2><div class=\"grid\">\n"
        for d in r.departments {
            out += "<div class=\"dept\"><h3>\(h(d.title))</h3><p>\(d.touchpoints.count) touchpoints · \(d.painPoints.count) pain points"
            if let n = d.metrics?.nps { out += " · NPS \(h(Format.signed(n.value)))" }
            out += "</p><ul>"
            for p in d.painPoints.prefix(3) { out += "<li>#\(p.rank) \(h(p.touchpointTitle))</li>" }
            for t in d.missedTargets { out += "<li class=\"badtext\">\(h(t.message))</li>" }
            for o in d.opportunities.prefix(3) { out += "<li class=\"opp\">\(h(o.text))</li>" }
            out += "</ul></div>\n"
        }
        out += "</div></section>\n"
        if !r.declaredPains.isEmpty {
            out +=
                "<section><h2>Known pains written in the journey</h2><table><thead><tr><th>Touchpoint</th><th>Pain</th><th>Data says</th></tr></thead><tbody>\n"
            for d in r.declaredPains {
                out +=
                    "<tr><td>\(h(journey.touchpoint(d.touchpointID)?.title ?? d.touchpointID))</td><td>\(h(d.text))</td><td>\(h(d.status.rawValue)) <small>\(h(d.evidence))</small></td></tr>\n"
            }
            out += "</tbody></table></section>\n"
        }
        // Sections of other files (HTMLReport+Segments.swift), already escaped, before the footer.
        out += sections.joined()
        out +=
            "<footer>Made by journeymap \(h(r.journeyID.isEmpty ? "" : "from " + (journey.sourceFile.split(separator: "/").last.map(String.init) ?? "")))</footer>\n</body>\n</html>\n"
        return out
    }

    /// The key drivers: the grid as an embedded PNG and the table behind it.
    static func drivers(_ d: DriverSummary, png: [UInt8]?) -> String {
        let h = Escape.html
        var out = "<section><h2>Key drivers of “\(h(d.outcomeName))”</h2>\n<p>\(h(MarkdownReport.driversLead(d)))</p>\n"
        if let png {
            out +=
                "<img class=\"map\" alt=\"Key drivers of \(h(d.outcomeName)): importance against performance, one point per touchpoint\" src=\"data:image/png;base64,\(Data(png).base64EncodedString())\">\n"
        }
        out +=
            "<table><thead><tr><th>#</th><th>Touchpoint</th><th>Owner</th><th>Importance (95%)</th><th>Performance</th><th>Priority</th><th>Quadrant</th><th>n</th></tr></thead><tbody>\n"
        for (i, row) in d.rows.enumerated() {
            let imp = row.driver.importance
            let perf = row.performance.map { "\(Format.number($0.value))% (\(Format.number($0.low))–\(Format.number($0.high)))" } ?? "–"
            let cls = row.quadrant == .fixFirst ? " class=\"badtext\"" : ""
            out += "<tr><td>\(i + 1)</td><td>\(h(row.touchpointTitle))</td><td>\(h(row.ownerTitle ?? "no owner"))</td>"
            out +=
                "<td>\(h(Format.number(imp.value)))% <small>(\(h(Format.number(imp.low)))–\(h(Format.number(imp.high))))</small></td><td>\(h(perf))</td>"
            out +=
                "<td>\(row.performance == nil ? "–" : h(Format.number(row.priority)))</td><td\(cls)>\(h((row.quadrant?.rawValue ?? "–") + (row.nearQuadrantLine ? " (near the line)" : "")))</td><td>\(row.performanceN)</td></tr>\n"
        }
        out += "</tbody></table>\n<p><small>\(h(MarkdownReport.driversMethod(d)))</small></p>\n"
        for note in d.keyDrivers.notes { out += "<p><small>\(h(note))</small></p>\n" }
        for e in d.keyDrivers.excluded { out += "<p><small>Not in the model: \(h(e.touchpointID)): \(h(e.reason)).</small></p>\n" }
        return out + "</section>\n"
    }

    static let style = """
        body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:24px;color:#1b1b1b;background:#fafafa}
        header{border-bottom:3px solid #0072B2;margin-bottom:16px}h1{margin:0 0 4px}h2{margin-top:32px;color:#0b3d62}
        .sub{color:#555;margin:0 0 8px}table{border-collapse:collapse;width:100%;background:#fff}
        th,td{border:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}th{background:#eef3f7}
        .pill{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.8em;color:#fff}
        .ok{background:#009E73}.bad{background:#D55E00}.none{background:#777}.mot{background:#CC79A7}
        .pain{display:flex;gap:12px;background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px;margin:10px 0}
        .rank{font-size:1.6em;font-weight:bold;color:#D55E00;min-width:2em;text-align:center}.body{flex:1}
        .pain h3{margin:0 0 6px}.owner{font-size:.75em;font-weight:normal;background:#eef3f7;padding:1px 6px;border-radius:4px}
        .bar{height:6px;background:#eee;border-radius:3px}.bar span{display:block;height:6px;background:#D55E00;border-radius:3px}
        .facts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:14px;color:#333}
        .cats span{display:inline-block;background:#f3eee0;margin:0 6px 4px 0;padding:1px 6px;border-radius:4px;font-size:.85em}
        blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid #E69F00;color:#444;background:#fffaf0;white-space:pre-wrap;overflow-wrap:anywhere}
        .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:12px}
        .dept{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px}.dept h3{margin:0}
        .badtext{color:#A33F00}.opp::before{content:"✦ ";color:#009E73}
        img.map{max-width:100%;border:1px solid #ddd;background:#fff}footer{margin-top:32px;color:#777;font-size:.85em}
        """
}
