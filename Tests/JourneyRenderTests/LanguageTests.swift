import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyGraphviz
import JourneyRender
import JourneyTestSupport
import Testing

/// Maps and views in the team's language (`MapOptions.language`): fixed words from the
/// language's table, numbers with its separators, English words gone.
@Suite struct LanguageTests {
    static func load(_ name: String) throws -> (Journey, JourneyMeasurements) {
        let loaded = JourneyLoader.load(path: Repo.path("journeys/\(name).journey"), options: LoadOptions(root: Repo.path("journeys")))
        let journey = try #require(loaded.journey, "\(loaded.diagnostics)")
        let (m, _) = FeedbackJoin.run(journey)
        return (journey, m)
    }

    static func options(_ lang: Language) -> MapOptions {
        var o = MapOptions()
        o.language = lang
        return o
    }

    @Test func polishMapHeaderIsPolishWithPolishNumbers() throws {
        let (journey, m) = try Self.load("bank-account")
        let dot = DOTWriter.write(MapBuilder.build(journey, measurements: m, options: Self.options(.pl)))
        for word in ["Właściciele:", "Dane od klientów:", "odpowiedzi", "moment prawdy", "następny krok", "Emocja:", "cel: "] {
            #expect(dot.contains(word), "missing \(word)")
        }
        for word in ["Owners:", "Customer data", "moment of truth", "next step", "goal:"] {
            #expect(!dot.contains(word), "English left: \(word)")
        }
        // Dates as Polish writes them: day.month.year.
        #expect(dot.contains(#/od \d\d\.\d\d\.\d{4} do \d\d\.\d\d\.\d{4}/#))
    }

    @Test func russianOwnershipAndChartUseRussianWords() throws {
        let (journey, m) = try Self.load("air-travel")
        let targets = TargetEvaluation.evaluate(journey, m)
        let grid = DOTWriter.write(OwnershipBuilder.build(journey, measurements: m, targets: targets, options: Self.options(.ru)))
        #expect(grid.contains("Кто за что отвечает: "))
        #expect(grid.contains("Отдел") && grid.contains("Всего"))
        let report = PainPointAnalysis.analyse(journey, m)
        let chart = DOTWriter.write(ReportChart.build(report, journey: journey, language: .ru))
        #expect(chart.contains("Болевые точки: ") && chart.contains("Точка контакта") && chart.contains("Владелец"))
        // 1 349 responses: Russian groups thousands with a no-break space and says "ответов".
        #expect(chart.contains("1\u{A0}349 ответов"))
        #expect(!chart.contains("<B>Touchpoint</B>") && !chart.contains(" responses ·"))
    }

    @Test func svgAccessibleNamesFollowTheLanguage() throws {
        let (journey, m) = try Self.load("bank-account")
        let spec = MapBuilder.build(journey, measurements: m, options: Self.options(.pl))
        let svg = try #require(try GraphvizRenderer.render(spec, formats: [.svg])[.svg])
        let text = String(decoding: SVGAccessibility.annotate(svg, journey: journey, measurements: m, language: .pl), as: UTF8.self)
        #expect(text.contains("<title>Mapa ścieżki klienta: Otwarcie konta osobistego</title>"))
        #expect(text.contains("Właściciel: "))
        #expect(text.contains("Przejście: "))
        #expect(!text.contains("Journey map:"))
    }
}

/// Touchpoint cards and the other views in Polish and Ukrainian.
@Suite struct LanguageViewTests {
    @Test func polishCardsSayZmierzonaWithADecimalComma() throws {
        let (journey, m) = try LanguageTests.load("bank-account")
        let dot = DOTWriter.write(MapBuilder.build(journey, measurements: m, options: LanguageTests.options(.pl)))
        #expect(dot.contains("  zmierzona "))
        #expect(!dot.contains("measured"))
        #expect(dot.contains("Emocja:"))
        // Measured emotions have one decimal: written with a comma ("−1,3"), never a point.
        #expect(dot.contains(#/[−+]\d,\d/#))
        #expect(!dot.contains(#/[−+]\d\.\d/#))
        // Counted nouns take the Polish plural: "1 bolączka", "2 bolączki".
        #expect(dot.contains("⚠ 1 bolączka"))
    }

    @Test func ukrainianCurveAndBlueprintUseUkrainianWords() throws {
        let (journey, m) = try LanguageTests.load("home-internet")
        #expect(journey.style.language == .uk)
        let curve = DOTWriter.write(CurveBuilder.build(journey, measurements: m, options: LanguageTests.options(.uk)))
        #expect(curve.contains("Крива емоцій: ") && curve.contains("роздратування"))
        let blueprint = DOTWriter.write(BlueprintBuilder.build(journey, options: LanguageTests.options(.uk)))
        #expect(blueprint.contains("Дії клієнта") && blueprint.contains("лінія видимості") && blueprint.contains("Закулісся"))
        #expect(!blueprint.contains("line of visibility"))
    }
}
