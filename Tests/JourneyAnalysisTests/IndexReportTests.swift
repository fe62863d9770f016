import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyReports
import Testing

/// Composite indices in report.html and pain-points.json: every group measuring the index with
/// its interval and n, the targets on it beside the group they judge, titles escaped.
@Suite struct IndexReportTests {
    static let title = "Health <script>x</script> & \"co\""

    static func estimate(_ value: Double, _ n: Int) -> IndexEstimate {
        IndexEstimate(
            id: "chi", value: value, interval: ScoreInterval(value: value, low: value - 2, high: value + 2.5),
            standardError: 1.25, respondents: n,
            components: [
                .init(measure: .nps, weight: 0.6, score: value - 1, answers: n),
                .init(measure: .csat, weight: 0.4, score: value + 1.5, answers: 2 * n),
            ])
    }

    static func report() -> (PainPointReport, Journey) {
        let r = SourceRange.file("t")
        let tps = [
            Touchpoint(id: "a", title: "Pays", stageID: "s", owner: "d", emotion: Emotion(value: 0), range: r),
            Touchpoint(id: "b", title: "Waits", stageID: "s", owner: "d", emotion: Emotion(value: 0), range: r),
        ]
        var high = Target(metric: .nps, comparison: .atLeast, value: 70, scope: .touchpoint("a"), range: r)
        high.index = "chi"
        var low = Target(metric: .nps, comparison: .atLeast, value: 50, range: r)
        low.index = "chi"
        var j = Journey(
            id: "j", title: "J", departments: [Department(id: "d", title: "Ops", range: r)],
            stages: [Stage(id: "s", title: "Buy", touchpoints: tps, range: r)], targets: [high, low], sourceFile: "t", range: r)
        j.indices = [
            CompositeIndex(
                id: "chi", title: title,
                terms: [.init(component: .nps, weight: 0.6, range: r), .init(component: .csat, weight: 0.4, range: r)], range: r)
        ]
        var m = JourneyMeasurements()
        func metrics(_ e: IndexEstimate) -> Metrics {
            var x = Metrics()
            x.responses = e.respondents
            x.indices = ["chi": e]
            return x
        }
        m.journey = metrics(estimate(61.2, 300))
        m.byStage["s"] = metrics(estimate(61.2, 300))
        m.byDepartment["d"] = metrics(estimate(61.2, 300))
        m.byTouchpoint["a"] = metrics(estimate(64.5, 200))
        // b has answers but not to both measures: no index there.
        var b = Metrics()
        b.responses = 100
        m.byTouchpoint["b"] = b
        return (PainPointAnalysis.analyse(j, m), j)
    }

    @Test func theHTMLSectionGivesEachGroupWithItsIntervalNAndTargets() throws {
        let (r, j) = Self.report()
        let html = HTMLReport.render(r, journey: j, mapPNG: nil)
        let start = try #require(html.range(of: "<section class=\"index\">"))
        let section = String(html[start.lowerBound...].prefix { _ in true }.split(separator: "</section>")[0])
        #expect(!html.contains("<script>x"), "the index's title is escaped")
        #expect(section.contains("Health &lt;script&gt;x&lt;/script&gt; &amp; &quot;co&quot;"))
        let rows = section.components(separatedBy: "<tr").dropFirst(2)  // the header row
        #expect(rows.count == 4, "journey, stage, department, touchpoint a; b has no index: \(rows)")
        let a = try #require(rows.first { $0.contains("Touchpoint: Pays") })
        #expect(a.contains("<b>64.5</b> <small>(62.5 to 67.0)</small>") && a.contains(">200<"))
        #expect(a.contains("pill bad") && a.contains("chi &gt;= 70"), "the touchpoint's target, missed, beside it")
        #expect(!a.contains("chi &gt;= 50"))
        let journeyRow = try #require(rows.first)
        #expect(journeyRow.contains("class=\"total\"") && journeyRow.contains("pill ok") && journeyRow.contains("chi &gt;= 50"))
        #expect(journeyRow.contains("<b>61.2</b> <small>(59.2 to 63.7)</small>") && journeyRow.contains("nps 60.2 (300) · csat 62.7 (600)"))
        #expect(!section.contains("Not computed"), "every level has a group measuring it")
        // The targets table reads the index with one decimal, as the index table does.
        let md = MarkdownReport.render(r, journey: j)
        #expect(md.contains("| 61.2 (59.2 to 63.7) |"))
        // pain-points.md sets the targets beside their group too.
        #expect(
            md.contains("| Touchpoint\\: Pays | 64.5 (62.5 to 67.0) | 200 | nps 63.5 (200) · csat 66.0 (400) | ❌ missed chi >= 70 |"),
            "\(md)")
    }

    @Test func theJSONGivesTheSameFiguresSortedAndOnlyWhenDeclared() throws {
        let (r, j) = Self.report()
        let text = try JSONReport.render(r, journey: j)
        #expect(try JSONReport.render(r, journey: j) == text)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let index = try #require((doc["indices"] as? [[String: Any]])?.first)
        #expect(index["id"] as? String == "chi" && index["formula"] as? String == "0.6 nps + 0.4 csat")
        let groups = try #require(index["groups"] as? [[String: Any]])
        #expect(groups.map { "\($0["level"]!) \($0["id"]!)" } == ["journey j", "stage s", "department d", "touchpoint a"])
        let a = groups[3]
        #expect(a["value"] as? Double == 64.5 && a["n"] as? Int == 200 && a["standardError"] as? Double == 1.25)
        #expect((a["interval"] as? [String: Double]) == ["value": 64.5, "low": 62.5, "high": 67])
        #expect((a["components"] as? [[String: Any]])?.map { $0["answers"] as? Int } == [200, 400])
        // Keys sorted: "components" before "id" before "value" in each group.
        let first = try #require(text.range(of: "\"components\""))
        #expect(first.lowerBound < text.range(of: "\"level\" : \"journey\"")!.lowerBound)
        // Without the journey (or with no index declared) the key is absent.
        #expect(!(try JSONReport.render(r)).contains("\"indices\""))
    }
}
