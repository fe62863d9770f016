import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyReports
import Testing

/// Customers' words in every report stay words: no link, image, HTML, heading or table break.
@Suite struct ReportEscapingTests {
    static let hostile =
        "[click](javascript:alert(1)) ![x](http://evil.example/p.png) <b>bold</b> <script>x</script> | a | b\n# heading & \"q\" \u{202E}gnp.exe"

    static func report() -> (PainPointReport, Journey) {
        let r = SourceRange.file("t")
        let tps = [
            Touchpoint(id: "a", title: hostile, stageID: "s", owner: "d", emotion: Emotion(value: 1), pains: [hostile], range: r),
            Touchpoint(id: "b", title: "B", stageID: "s", owner: "d", emotion: Emotion(value: -2), range: r),
        ]
        let j = Journey(
            id: "j", title: hostile, departments: [Department(id: "d", title: hostile, range: r)],
            stages: [Stage(id: "s", title: "S", touchpoints: tps, range: r)],
            flows: [Flow(from: "a", to: "b", kind: .sequence, range: r)], sourceFile: "t", range: r)
        // "a" (the hostile title) is worse than the rest of the journey, so it is a pain point.
        var m = JourneyMeasurements()
        var x = Metrics()
        x.responses = 40
        x.sentimentCounts = [.negative: 40]
        x.comments = [Comment(text: hostile, file: "f.csv", line: 2, sentiment: .negative)]
        x.measuredEmotion = -2
        var y = Metrics()
        y.responses = 40
        y.sentimentCounts = [.positive: 40]
        y.measuredEmotion = 2
        var all = x
        all.responses = 80
        all.sentimentCounts = [.negative: 40, .positive: 40]
        m.byTouchpoint["a"] = x
        m.byTouchpoint["b"] = y
        m.journey = all
        return (PainPointAnalysis.analyse(j, m), j)
    }

    /// Table rows grouped under the `## ` heading above them.
    static func tables(_ md: String) -> [String: [Substring]] {
        var heading = ""
        var out: [String: [Substring]] = [:]
        for line in md.split(separator: "\n") {
            if line.hasPrefix("## ") { heading = String(line.dropFirst(3)) }
            if line.hasPrefix("|") { out[heading, default: []].append(line) }
        }
        return out
    }

    /// How many cells a table row such as `| a | b |` has (an escaped `\|` is text, not a
    /// separator); -1 when the row does not end with '|'.
    static func cells(_ row: Substring) -> Int {
        let plain = row.replacingOccurrences(of: "\\|", with: "")
        guard plain.hasSuffix("|") else { return -1 }
        return plain.split(separator: "|", omittingEmptySubsequences: false).count - 2
    }

    @Test func markdownHasNoActiveSyntax() throws {
        let (r, j) = Self.report()
        let md = MarkdownReport.render(r, journey: j)
        #expect(!md.contains("](javascript:") && !md.contains("](http"), "no link or image can form")
        #expect(!md.contains("<b>") && !md.contains("<script>"))
        #expect(!md.contains("\u{202E}"), "bidi override dropped")
        // Every row of every table has exactly its table's columns: a '|' in text is escaped.
        let tables = Self.tables(md)
        let columns = ["Ranked pain points": 8, "By department": 6, "Known pains written in the journey": 3]
        #expect(Set(tables.keys) == Set(columns.keys), "the hostile text is in these three tables")
        for (heading, rows) in tables {
            let expected = try #require(columns[heading], "a table under '\(heading)'")
            #expect(rows.count >= 3, "\(heading): a header, a separator and at least one row")
            for row in rows {
                #expect(Self.cells(row) == expected, "\(heading): \(row)")
            }
        }
        #expect(!md.contains("\n# heading"), "a line break in text cannot start a heading")
    }

    /// The same hostile text as the outcome's column and a driver's title.
    static func reportWithDrivers() -> (PainPointReport, Journey) {
        var (_, j) = report()
        let r = SourceRange.file("t")
        var source = FeedbackSource(path: "f.csv", resolvedPath: "f.csv", range: r)
        source.outcomes = [OutcomeDeclaration(id: "sat", column: hostile, kind: .binary(yes: ["yes"]), range: r)]
        j.feedback = [source]
        var (rep, _) = report()
        var m = rep.measurements
        var x = m.byTouchpoint["a"]!
        x.csatCount = 40
        x.csatTopBox = ScoreInterval(value: 20, low: 10, high: 35)
        m.byTouchpoint["a"] = x
        var options = PainPointAnalysis.Options()
        options.keyDrivers = KeyDriverReport(
            outcomeID: "sat", model: hostile, missingRule: "pairwise", respondents: 40, rSquared: nil, resamples: 10, seed: 1,
            drivers: [
                KeyDriver(
                    touchpointID: "a", n: 40, importance: ScoreInterval(value: 100, low: 90, high: 100), rawWeight: 0.3, correlation: 0.5,
                    rank: 1)
            ],
            notes: [hostile])
        rep = PainPointAnalysis.analyse(j, m, options: options)
        return (rep, j)
    }

    @Test func driversSectionsEscapeEverything() throws {
        let (r, j) = Self.reportWithDrivers()
        #expect(r.drivers?.rows.count == 1)
        let md = MarkdownReport.render(r, journey: j)
        #expect(md.contains("](drivers.png)"), "the grid is linked")
        #expect(!md.contains("](javascript:") && !md.contains("](http") && !md.contains("<script>") && !md.contains("\u{202E}"))
        #expect(!md.contains("\n# heading"))
        let rows = try #require(Self.tables(md).first { $0.key.hasPrefix("Key drivers") }?.value)
        #expect(rows.count == 3)
        for row in rows { #expect(Self.cells(row) == 8, "\(row)") }
        let html = HTMLReport.render(r, journey: j, mapPNG: nil, driversPNG: [0x89, 0x50, 0x4E, 0x47])
        #expect(!html.contains("<script>x</script>") && !html.contains("<b>bold</b>"))
        #expect(html.contains("<h2>Key drivers of “"))
        #expect(html.contains("src=\"data:image/png;base64,iVBORw==\""))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try JSONReport.render(r).utf8)) as? [String: Any])
        let drivers = try #require(json["drivers"] as? [String: Any])
        #expect(drivers["outcomeName"] as? String == Self.hostile)
        #expect(json["version"] as? Int == 2)
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
        let json = try JSONReport.render(r)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let first = try #require((doc["painPoints"] as? [[String: Any]])?.first)
        let comments = try #require(first["comments"] as? [[String: Any]])
        #expect(comments.first?["text"] as? String == Self.hostile, "JSON carries the exact words; consumers escape for their medium")
    }
}
