import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyReports
import Testing

/// Customers' words in every report stay words: no link, image, HTML, heading or table break.
@Suite struct ReportEscapingTests {
    static let hostile = "[click](javascript:alert(1)) ![x](http://evil.example/p.png) <b>bold</b> <script>x</script> | a | b\n# heading & \"q\" \u{202E}gnp.exe"

    static func report() -> (PainPointReport, Journey) {
        let r = SourceRange.file("t")
        let tps = [Touchpoint(id: "a", title: hostile, stageID: "s", owner: "d", emotion: Emotion(value: 1), pains: [hostile], range: r),
                   Touchpoint(id: "b", title: "B", stageID: "s", owner: "d", emotion: Emotion(value: -2), range: r)]
        let j = Journey(id: "j", title: hostile, departments: [Department(id: "d", title: hostile, range: r)],
                        stages: [Stage(id: "s", title: "S", touchpoints: tps, range: r)],
                        flows: [Flow(from: "a", to: "b", kind: .sequence, range: r)], sourceFile: "t", range: r)
        var m = JourneyMeasurements()
        var x = Metrics()
        x.responses = 40
        x.sentimentCounts = [.negative: 40]
        x.comments = [Comment(text: hostile, file: "f.csv", line: 2, sentiment: .negative)]
        x.measuredEmotion = -2
        m.byTouchpoint["b"] = x
        m.byTouchpoint["a"] = x
        m.journey = x
        return (PainPointAnalysis.analyse(j, m), j)
    }

    @Test func markdownHasNoActiveSyntax() {
        let (r, j) = Self.report()
        let md = MarkdownReport.render(r, journey: j)
        #expect(!md.contains("](javascript:") && !md.contains("](http"), "no link or image can form")
        #expect(!md.contains("<b>") && !md.contains("<script>"))
        #expect(!md.contains("\u{202E}"), "bidi override dropped")
        for line in md.split(separator: "\n") where line.hasPrefix("|") {
            // Every table row keeps its column count: a '|' in text is escaped.
            let cells = line.replacingOccurrences(of: "\\|", with: "").split(separator: "|", omittingEmptySubsequences: false).count
            #expect(cells == 10 || cells == 7 || cells == 8 || cells == 6 || cells == 5, "\(line)")
        }
        #expect(!md.contains("\n# heading"), "a line break in text cannot start a heading")
    }

    @Test func htmlEscapesEverything() {
        let (r, j) = Self.report()
        let html = HTMLReport.render(r, journey: j, mapPNG: nil)
        #expect(!html.contains("<script>x</script>") && !html.contains("<b>bold</b>"))
        #expect(html.contains("&lt;script&gt;x&lt;/script&gt;"))
        #expect(!html.contains("href=") && !html.contains(" src=\"http"))
        #expect(html.contains("Content-Security-Policy"))
    }

    @Test func jsonKeepsTheTextAsData() throws {
        let (r, _) = Self.report()
        let json = JSONReport.render(r)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let first = try #require((doc["painPoints"] as? [[String: Any]])?.first)
        let comments = try #require(first["comments"] as? [[String: Any]])
        #expect(comments.first?["text"] as? String == Self.hostile, "JSON carries the exact words; consumers escape for their medium")
    }
}
