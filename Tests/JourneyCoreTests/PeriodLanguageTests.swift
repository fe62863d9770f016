import Foundation
import JourneyCore
import Testing

/// `period week|month|quarter|year`: the journey's default grouping for trends.
@Suite struct PeriodLanguageTests {
    func load(_ statement: String) -> LoadResult {
        let text = """
            journey j "J" {
              department ops "Ops"
              \(statement)
              stage s "S" {
                touchpoint a "A" { owner ops }
              }
            }

            """
        return JourneyLoader.load(text: text, path: "/tmp/j.journey")
    }

    @Test(arguments: ["week", "month", "quarter", "year"])
    func readsThePeriod(_ unit: String) throws {
        let r = load("period \(unit)")
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        #expect(try #require(r.journey).period == unit)
    }

    @Test func noPeriodIsNil() throws {
        #expect(try #require(load("").journey).period == nil)
    }

    @Test func unknownPeriodPointsAtTheWordWithASuggestion() throws {
        let r = load("period monthly")
        let d = try #require(r.diagnostics.first { $0.code == DiagnosticCode.unknownPeriod.id })
        #expect(d.message.contains("unknown period 'monthly'") && d.message.contains("'month'"), "\(d.message)")
        #expect(d.range.start.line == 3 && d.range.start.column == 10)
        #expect(load("period").diagnostics.contains { $0.severity == .error }, "a period needs its word")
    }

    @Test func formatterKeepsIt() throws {
        let text = "journey j \"J\" {\n  period   quarter\n  stage s \"S\" {\n    touchpoint a \"A\"\n  }\n}\n"
        let out = try #require(Formatter().format(SourceFile(path: "t.journey", text: text)).text)
        #expect(out.contains("\n  period quarter\n"), "\(out)")
        #expect(Vocabulary.journey.contains("period") && Vocabulary.periods == ["week", "month", "quarter", "year"])
    }
}
