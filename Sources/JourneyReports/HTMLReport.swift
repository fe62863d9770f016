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
    /// finished sections (e.g. `segments(_:journey:png:)`) placed before the footer; `leading`:
    /// finished sections placed first, after the header (the trend charts: what changed leads). `language`:
    /// of the page (`lang`) and its fixed words (nil: the journey's `style { language … }`, else English).
    public static func render(
        _ r: PainPointReport, journey: Journey, mapPNG: [UInt8]?, mapSVG: [UInt8]? = nil, driversPNG: [UInt8]? = nil,
        language: Language? = nil, leading: [String] = [], sections: [String] = []
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
            <title>\(h(lang(.reportTitle, r.journeyTitle)))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header><h1>\(h(r.journeyTitle))</h1><p class="sub">\(h(lang(.htmlSubtitle, r.journeyID)))</p>
            <p>\(h(MarkdownReport.summary(r, lang)))</p></header>

            """
        out += leading.joined()
        if let d = r.drivers { out += drivers(d, png: driversPNG, lang) }
        if !r.targets.isEmpty {
            out +=
                "<section><h2>\(h(lang[.targets]))</h2><table><thead><tr><th>\(h(lang[.colStatus]))</th><th>\(h(lang[.colTarget]))</th><th>\(h(lang[.colWhere]))</th><th>\(h(lang[.colFigure]))</th><th>n</th></tr></thead><tbody>\n"
            for t in r.targets {
                let cls = t.status == .met ? "ok" : t.status == .missed ? "bad" : "none"
                out +=
                    "<tr><td><span class=\"pill \(cls)\">\(h(MarkdownReport.status(t.status, lang)))</span>\(t.straddles ? " <small>\(h(lang[.intervalStraddles]))</small>" : "")</td><td>\(h(MarkdownReport.goal(t, lang)))</td><td>\(h(t.scopeTitle))</td><td>\(h(MarkdownReport.figure(t, lang)))</td><td>\(h(lang.integer(t.responses)))</td></tr>\n"
            }
            out += "</tbody></table></section>\n"
        }
        out += indices(r, journey: journey, lang)
        out += mapSection(title: r.journeyTitle, svg: mapSVG, png: mapPNG, language: lang)
        out += "<section><h2>\(h(lang[.rankedPainPoints]))</h2>\n"
        if r.painPoints.isEmpty { out += "<p>\(h(lang[.nothingStandsOut]))</p>\n" }
        let top = r.painPoints.map(r.rankValue).max() ?? 1
        for p in r.painPoints.prefix(15) {
            let x = p.metrics
            let width = max(2, Int((r.rankValue(p) / max(top, 0.001)) * 100))
            out += "<article class=\"pain\"><div class=\"rank\">\(p.rank)</div><div class=\"body\">"
            out +=
                "<h3>\(h(p.touchpointTitle)) <span class=\"owner\">\(h(p.ownerTitle ?? lang[.noOwner]))</span>\(p.isMomentOfTruth ? " <span class=\"pill mot\">\(h(lang[.momentOfTruth]))</span>" : "")\(p.isSmallSample && (x?.responses ?? 0) > 0 ? " <span class=\"pill none\">\(h(lang[.smallSampleShort]))</span>" : "")</h3>"
            out += "<div class=\"bar\"><span style=\"width:\(width)%\"></span></div>"
            out += "<p>\(h(p.explanation))</p><ul class=\"facts\">"
            out += "<li>n = \(h(lang.integer(x?.responses ?? 0)))</li>"
            if let n = x?.nps {
                out +=
                    "<li>NPS \(h(lang.signedNumber(n.value))) <small>(\(h(lang(.intervalWords, lang.signedNumber(n.low), lang.signedNumber(n.high)))))</small></li>"
            }
            if let c = x?.csatTopBox { out += "<li>CSAT \(h(lang.percent(lang.number(c.value))))</li>" }
            if let c = x?.cesMean { out += "<li>CES \(h(lang.number(c)))</li>" }
            if let e = x?.measuredEmotion { out += "<li>\(h(lang(.measuredEmotionValue, lang.signedNumber(e))))</li>" }
            out += "</ul>"
            if let cats = x?.topCategories, !cats.isEmpty {
                out +=
                    "<p class=\"cats\">" + cats.prefix(4).map { "<span>\(h($0.category)) · \(h(lang.integer($0.count)))</span>" }.joined()
                    + "</p>"
            }
            for c in (x?.comments ?? []).prefix(3) {
                out += "<blockquote>\(h(Escape.truncate(c.text, to: 280)))</blockquote>"
            }
            if !p.declaredPains.isEmpty || !p.opportunities.isEmpty {
                out +=
                    "<ul class=\"notes\">" + p.declaredPains.map { "<li>\(h(lang(.knownPainItem, $0)))</li>" }.joined()
                    + p.opportunities.map { "<li>\(h(lang(.opportunityItem, $0)))</li>" }.joined() + "</ul>"
            }
            out += "</div></article>\n"
        }
        out += "</section>\n<section><h2>\(h(lang[.byDepartment]))</h2><div class=\"grid\">\n"
        for d in r.departments {
            out +=
                "<div class=\"dept\"><h3>\(h(d.title))</h3><p>\(h(lang.count(d.touchpoints.count, .touchpoint))) · \(h(lang.count(d.painPoints.count, .painPoint)))"
            if let n = d.metrics?.nps { out += " · NPS \(h(lang.signedNumber(n.value)))" }
            out += "</p><ul>"
            for p in d.painPoints.prefix(3) { out += "<li>#\(p.rank) \(h(p.touchpointTitle))</li>" }
            for t in d.missedTargets { out += "<li class=\"badtext\">\(h(t.message))</li>" }
            for o in d.opportunities.prefix(3) { out += "<li class=\"opp\">\(h(o.text))</li>" }
            out += "</ul></div>\n"
        }
        out += "</div></section>\n"
        if !r.declaredPains.isEmpty {
            out +=
                "<section><h2>\(h(lang[.knownPainsWritten]))</h2><table><thead><tr><th>\(h(lang[.touchpoint]))</th><th>\(h(lang[.colPain]))</th><th>\(h(lang[.colDataSays]))</th></tr></thead><tbody>\n"
            for d in r.declaredPains {
                out +=
                    "<tr><td>\(h(journey.touchpoint(d.touchpointID)?.title ?? d.touchpointID))</td><td>\(h(d.text))</td><td>\(h(MarkdownReport.status(d.status, lang))) <small>\(h(d.evidence))</small></td></tr>\n"
            }
            out += "</tbody></table></section>\n"
        }
        // Sections of other files (HTMLReport+Segments.swift), already escaped, before the footer.
        out += sections.joined()
        out +=
            "<footer>\(h(r.journeyID.isEmpty ? lang[.madeBy] : lang(.madeByFrom, journey.sourceFile.split(separator: "/").last.map(String.init) ?? "")))</footer>\n</body>\n</html>\n"
        return out
    }

    /// The key drivers: the grid as an embedded PNG and the table behind it.
    static func drivers(_ d: DriverSummary, png: [UInt8]?, _ lang: Language = .en) -> String {
        let h = Escape.html
        var out =
            "<section><h2>\(h(lang(.keyDriversOf, lang(.quoted, d.outcomeName))))</h2>\n<p>\(h(MarkdownReport.driversLead(d, lang)))</p>\n"
        if let png {
            out +=
                "<img class=\"map\" alt=\"\(h(lang(.driversAltOf, d.outcomeName)))\" src=\"data:image/png;base64,\(Data(png).base64EncodedString())\">\n"
        }
        out +=
            "<table><thead><tr><th>#</th><th>\(h(lang[.touchpoint]))</th><th>\(h(lang[.owner]))</th><th>\(h(lang[.colImportance]))</th><th>\(h(lang[.colPerformance]))</th><th>\(h(lang[.colPriority]))</th><th>\(h(lang[.colQuadrant]))</th><th>n</th></tr></thead><tbody>\n"
        for (i, row) in d.rows.enumerated() {
            let imp = row.driver.importance
            let cls = row.quadrant == .fixFirst ? " class=\"badtext\"" : ""
            out += "<tr><td>\(i + 1)</td><td>\(h(row.touchpointTitle))</td><td>\(h(row.ownerTitle ?? lang[.noOwner]))</td>"
            out +=
                "<td>\(h(lang.percent(lang.number(imp.value)))) <small>(\(h(lang.number(imp.low)))–\(h(lang.number(imp.high))))</small></td><td>\(h(MarkdownReport.performance(row, lang)))</td>"
            out +=
                "<td>\(row.performance == nil ? "–" : h(lang.number(row.priority)))</td><td\(cls)>\(h(MarkdownReport.quadrant(row, lang)))</td><td>\(h(lang.integer(row.performanceN)))</td></tr>\n"
        }
        out += "</tbody></table>\n<p><small>\(h(MarkdownReport.driversMethod(d, lang)))</small></p>\n"
        for note in d.keyDrivers.notes { out += "<p><small>\(h(note))</small></p>\n" }
        for e in d.keyDrivers.excluded { out += "<p><small>\(h(lang(.notInModel, e.touchpointID, e.reason)))</small></p>\n" }
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
        td.num{white-space:nowrap}tr.total td{background:#f4f8fb}tr.total td:first-child{font-weight:bold}
        .badtext{color:#A33F00}.opp::before{content:"✦ ";color:#009E73}
        img.map{max-width:100%;border:1px solid #ddd;background:#fff}footer{margin-top:32px;color:#777;font-size:.85em}
        """
}
