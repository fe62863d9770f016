import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyRender
import JourneyTestSupport
import Testing

/// report.html's trend charts (small multiples of our own inline SVG): online-return has a
/// planted October drop at drop-off, which its chart marks ▼ as the map does.
@Suite struct TrendChartTests {
    static func trends(_ name: String = "online-return", smallSample: Int = JoinOptions().smallSample) throws -> (Journey, Trends) {
        let loaded = JourneyLoader.load(
            path: Repo.path("journeys/\(name).journey"), options: LoadOptions(root: Repo.path("journeys")))
        let journey = try #require(loaded.journey, "\(loaded.diagnostics)")
        var options = JoinOptions()
        options.smallSample = smallSample
        let (_, periods, _) = FeedbackPeriods.run(journey, unit: .month, options: options)
        var settings = ChangeSettings()
        settings.minimumN = smallSample
        return (journey, Trends.analyse(periods, settings: settings))
    }

    /// The figure (caption and SVG) of one chart, found by its caption.
    static func figure(_ html: String, caption: String) -> String? {
        html.components(separatedBy: "<figure class=\"trend\">").first { $0.hasPrefix("<figcaption>" + caption) }
    }

    /// A wide survey asks NPS once per visit and CSAT per touchpoint (airport-lounge): the
    /// charts show CSAT top-box, and every touchpoint's chart has points. Charting NPS there
    /// drew twelve empty charts (seen in the lounge's report.html).
    @Test func aWideSurveyChartsTheFigureItsTouchpointsHave() throws {
        let (journey, t) = try Self.trends("airport-lounge")
        #expect(TrendChart.measure(t.periods) == .csatTopBox)
        let html = TrendChart.section(t, journey: journey, language: .en)
        #expect(html.contains("<p>CSAT top-2 box % per month"))
        for tp in journey.touchpoints {
            let chart = try #require(Self.figure(html, caption: tp.title), "no chart for \(tp.id)")
            #expect(chart.contains("<circle"), "no point on \(tp.id)'s chart")
        }
    }

    @Test func sectionMatchesGolden() throws {
        let (journey, t) = try Self.trends()
        try Golden.check(
            TrendChart.section(t, journey: journey, language: .en),
            at: Repo.path("Tests/JourneyRenderTests/Goldens/online-return.trends.html"))
    }

    @Test func plantedOctoberDropIsMarkedOnTheDropOffChartOnly() throws {
        let (journey, t) = try Self.trends()
        let html = TrendChart.section(t, journey: journey, language: .en)
        let dropOff = try #require(Self.figure(html, caption: "Drops it at a parcel shop"))
        // The line under the chart repeats the map's mark word for word; the chart marks October.
        #expect(dropOff.contains("<p class=\"worse\">▼ NPS −58 since 2026-09 (−71…−43)</p>"))
        #expect(dropOff.contains(">▼</text>"))
        #expect(dropOff.contains("2026-10: ") && dropOff.contains("▼ NPS −58 since 2026-09"), "the description says it too")
        for tp in journey.touchpoints where tp.id != "drop-off" {
            guard let other = Self.figure(html, caption: tp.title) else { continue }
            #expect(!other.contains(">▼</text>") && !other.contains(">▲</text>"), "\(tp.id) marked without a change")
        }
        // The journey's chart comes first; every touchpoint with dated answers has one.
        #expect(html.components(separatedBy: "<figure class=\"trend\">")[1].hasPrefix("<figcaption>The whole journey"))
        for tp in journey.touchpoints where t.periods.byTouchpoint[tp.id] != nil {
            #expect(Self.figure(html, caption: tp.title) != nil, "no chart for \(tp.id)")
        }
    }

    @Test func periodsWithTooFewAnswersAreDrawnHollowNotHidden() throws {
        let (journey, t) = try Self.trends(smallSample: 200)
        let html = TrendChart.section(t, journey: journey, language: .en)
        let dropOff = try #require(Self.figure(html, caption: "Drops it at a parcel shop"))
        let points = dropOff.components(separatedBy: "<circle ").count - 1
        let hollow = dropOff.components(separatedBy: "<circle ").dropFirst().filter { $0.contains("fill=\"#fff\"") }.count
        #expect(points == t.periods.byTouchpoint["drop-off"]!.points.filter { $0.nps != nil }.count, "a period hidden")
        #expect(hollow == t.periods.byTouchpoint["drop-off"]!.points.filter { $0.nps != nil && $0.npsCount < 200 }.count)
        #expect(hollow > 0)
        #expect(html.contains("fewer than 200 answers") && dropOff.contains(", too few"))
    }

    @Test func hostileTouchpointNameIsEscaped() throws {
        var (journey, t) = try Self.trends()
        let hostile = "</figcaption><script>alert(1)</script><svg onload=x> & \"q\" 'a'"
        for s in journey.stages.indices {
            for k in journey.stages[s].touchpoints.indices where journey.stages[s].touchpoints[k].id == "drop-off" {
                journey.stages[s].touchpoints[k].title = hostile
            }
        }
        t.changes = ChangeReport()
        let html = TrendChart.section(t, journey: journey, language: .en)
        #expect(!html.contains("<script") && !html.contains("onload=x>") && !html.contains("</figcaption><script"))
        #expect(
            html.contains("&lt;/figcaption&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;svg onload=x&gt; &amp; &quot;q&quot; &#39;a&#39;"))
        // In the SVG's <title> too, for screen readers.
        #expect(html.contains("<title>&lt;/figcaption&gt;&lt;script&gt;"))
    }

    @Test func noStylesheetScriptOrFetchBeyondThePagePolicy() throws {
        let (journey, t) = try Self.trends()
        let html = TrendChart.section(t, journey: journey, language: .pl)
        for word in ["<script", "http", "href", "src=", "url(", "@import"] { #expect(!html.contains(word), "\(word)") }
        #expect(html.contains("<h2>Trendy</h2>") && html.contains("Cała ścieżka"))
    }

    @Test func withoutDatedDataThereIsNoSection() throws {
        let (journey, t) = try Self.trends()
        var empty = t
        empty.periods.byTouchpoint = [:]
        #expect(TrendChart.section(empty, journey: journey).isEmpty)
    }
}
