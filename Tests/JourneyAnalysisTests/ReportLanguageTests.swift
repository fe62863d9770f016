import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyReports
import JourneyTestSupport
import Testing

/// pain-points.md and report.html in the journey's language: headings, columns, the `lang`
/// attribute and numbers; the JSON report stays English (its keys are an API).
@Suite struct ReportLanguageTests {
    static func load(_ name: String) throws -> (PainPointReport, Journey) {
        let loaded = JourneyLoader.load(path: Repo.path("journeys/\(name).journey"), options: LoadOptions(root: Repo.path("journeys")))
        let journey = try #require(loaded.journey, "\(loaded.diagnostics)")
        let (m, _) = FeedbackJoin.run(journey)
        return (PainPointAnalysis.analyse(journey, m), journey)
    }

    @Test func polishJourneyGivesAPolishHTMLPage() throws {
        let (r, j) = try Self.load("bank-account")
        #expect(j.style.language == .pl)
        let html = HTMLReport.render(r, journey: j, mapPNG: nil)
        #expect(html.contains("<html lang=\"pl\">"))
        for word in ["Ranking bolączek", "Według działów", "Znane bolączki zapisane w ścieżce", "<th>Punkt styku</th>"] {
            #expect(html.contains(word), "missing \(word)")
        }
        for word in ["Ranked pain points", "By department", "Known pain:", "<th>Touchpoint</th>"] {
            #expect(!html.contains(word), "English left: \(word)")
        }
    }

    @Test func polishMarkdownUsesDecimalCommasAndPolishHeadings() throws {
        let (r, j) = try Self.load("bank-account")
        let md = MarkdownReport.render(r, journey: j)
        #expect(md.hasPrefix("# Bolączki: Otwarcie konta osobistego"))
        #expect(md.contains("## Ranking bolączek"))
        #expect(md.contains("| # | Punkt styku | Właściciel | Wynik | n | NPS | CSAT | Negatywne |"))
        // The summary's NPS interval: "(95%: od −… do …)" with decimal commas where there are decimals.
        #expect(md.contains(#/NPS ścieżki [−+]?\d+(,\d)? \(95%: od [−+]?\d+(,\d)? do [−+]?\d+(,\d)?\)\./#))
        #expect(!md.contains(#/\d\.\d%/#), "a decimal point in a Polish percentage")
    }

    @Test func langOverridesTheJourneyAndEnglishStaysTheDefault() throws {
        let (r, j) = try Self.load("bank-account")
        let html = HTMLReport.render(r, journey: j, mapPNG: nil, language: .ru)
        #expect(html.contains("<html lang=\"ru\">") && html.contains("Рейтинг болевых точек"))
        let (air, aj) = try Self.load("air-travel")
        let english = HTMLReport.render(air, journey: aj, mapPNG: nil)
        #expect(english.contains("<html lang=\"en\">") && english.contains("Ranked pain points"))
    }

    @Test func jsonKeysStayEnglish() throws {
        let (r, _) = try Self.load("bank-account")
        let json = try JSONReport.render(r)
        #expect(json.contains("\"painPoints\"") || json.contains("\"pain_points\""))
        #expect(!json.contains("bolączk"))
    }
}
