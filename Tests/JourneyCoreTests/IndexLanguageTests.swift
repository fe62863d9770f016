import Foundation
import JourneyCore
import Testing

/// `index chi "Customer Health Index" = 0.5 nps + 0.3 csat + 0.2 ces`: parsing, the
/// diagnostics (each at its line and column), targets on an index, and `fmt`.
@Suite struct IndexLanguageTests {
    /// The index statement sits on line 3; `extra` goes on line 4.
    func load(_ statement: String, _ extra: String = "") -> LoadResult {
        let text = """
            journey j "J" {
              department ops "Ops"
              \(statement)
              \(extra)
              stage s "S" {
                touchpoint a "A" { owner ops }
              }
            }

            """
        return JourneyLoader.load(text: text, path: "/tmp/j.journey")
    }

    func errors(_ r: LoadResult) -> [Diagnostic] { r.diagnostics.filter { $0.severity == .error } }

    @Test func readsTheIndex() throws {
        let r = load(#"index chi "Customer Health Index" = 0.5 nps + 0.3 csat + 0.2 ces"#)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        let i = try #require(r.journey?.indices.first)
        #expect(i.id == "chi" && i.title == "Customer Health Index")
        #expect(i.terms.map(\.component) == [.nps, .csat, .ces])
        #expect(i.terms.map(\.weight) == [0.5, 0.3, 0.2])
        #expect(i.formula == "0.5 nps + 0.3 csat + 0.2 ces")
        // The measure's range: line 3, column 41 is 'nps'.
        #expect(i.terms[0].range.start.line == 3 && i.terms[0].range.start.column == 43)
    }

    @Test func titleIsOptionalAndSignedWeightsJoinTerms() throws {
        let r = load("index chi = 0.6 nps +0.4 negative")
        #expect(errors(r).isEmpty, "\(r.diagnostics)")
        let i = try #require(r.journey?.indices.first)
        #expect(i.title == "chi" && i.terms.map(\.component) == [.nps, .negative] && i.terms[1].weight == 0.4)
    }

    @Test func unknownMeasurePointsAtItWithASuggestion() throws {
        let r = load("index chi = 0.5 nps + 0.5 cast")
        let d = try #require(r.diagnostics.first { $0.code == DiagnosticCode.unknownIndexComponent.id })
        #expect(d.message.contains("unknown measure 'cast'") && d.message.contains("'csat'"), "\(d.message)")
        #expect(d.range.start.line == 3 && d.range.start.column == 29)
        #expect(r.journey?.indices.isEmpty != false, "an error: no journey, or no index")
    }

    @Test func weightsNotSummingToOneWarnAndTheIndexStillCounts() throws {
        let r = load("index chi = 0.5 nps + 0.4 csat")
        let d = try #require(r.diagnostics.first { $0.code == DiagnosticCode.indexWeightsSum.id })
        #expect(d.severity == .warning && d.message.contains("sum to 0.9"), "\(d.message)")
        #expect(d.range.start.line == 3 && d.range.start.column == 15)
        let i = try #require(r.journey?.indices.first)
        #expect(abs(i.normalisedWeights[0] - 0.5 / 0.9) < 1e-12)
        // Thirds written to three decimals pass.
        #expect(load("index t = 0.333 nps + 0.333 csat + 0.334 ces").diagnostics.isEmpty)
        #expect(load("index t = 0.333 nps + 0.333 csat + 0.333 ces").diagnostics.isEmpty)
    }

    @Test(arguments: ["index chi = 1.2 nps - 0.2 ces", "index chi = 1.2 nps + -0.2 ces", "index chi = 1 nps + 0 ces"])
    func negativeOrZeroWeightsAreErrors(_ statement: String) throws {
        let r = load(statement)
        let d = try #require(r.diagnostics.first { $0.code == DiagnosticCode.invalidIndexWeight.id }, "\(r.diagnostics)")
        #expect(d.severity == .error && d.message.contains("'ces'"), "\(d.message)")
        #expect(d.range.start.line == 3)
        #expect(r.journey?.indices.isEmpty != false, "an error: no journey, or no index")
    }

    @Test func duplicatesAreErrors() throws {
        let twice = load("index chi = 1 nps", "index chi = 1 csat")
        let d = try #require(twice.diagnostics.first { $0.code == DiagnosticCode.duplicateIndex.id })
        #expect(d.range.start.line == 4 && d.range.start.column == 9 && d.notes.first?.range?.start.line == 3)
        let metric = load("index nps = 1 csat")
        #expect(metric.diagnostics.contains { $0.code == DiagnosticCode.duplicateIndex.id && $0.message.contains("name of a metric") })
        let component = load("index chi = 0.5 nps + 0.5 nps")
        #expect(component.diagnostics.contains { $0.code == DiagnosticCode.duplicateIndex.id && $0.message.contains("twice") })
    }

    @Test func malformedIndexesSayWhatIsExpected() {
        for bad in ["index chi", "index chi = ", "index chi = nps", "index chi = 0.5 nps 0.5 csat", "index chi = 0.5"] {
            let r = load(bad)
            #expect(r.diagnostics.contains { $0.code == DiagnosticCode.missingArgument.id }, "\(bad): \(r.diagnostics)")
        }
    }

    @Test func targetsCanNameAnIndexDeclaredLater() throws {
        let r = load("target chi >= 70 at a", "index chi = 0.5 nps + 0.5 csat")
        #expect(errors(r).isEmpty, "\(r.diagnostics)")
        let t = try #require(r.journey?.targets.first)
        #expect(t.index == "chi" && t.metricName == "chi" && t.value == 70 && t.scope == .touchpoint("a"))
        let unknown = load("target cho >= 70", "index chi = 1 nps")
        let d = try #require(unknown.diagnostics.first { $0.code == DiagnosticCode.unknownMetric.id })
        #expect(d.message.contains("unknown metric 'cho'") && d.message.contains("'chi'"), "\(d.message)")
        #expect(d.range.start.line == 3 && d.range.start.column == 10)
    }

    @Test func formatterRoundTripsIt() throws {
        let text =
            "journey j \"J\" {\n  index   chi \"CHI\"=0.5 nps +0.3 csat+ 0.2   ces\n  stage s \"S\" {\n    touchpoint a \"A\"\n  }\n}\n"
        let out = try #require(Formatter().format(SourceFile(path: "t.journey", text: text)).text)
        #expect(out.contains("\n  index chi \"CHI\" = 0.5 nps + 0.3 csat + 0.2 ces\n"), "\(out)")
        #expect(Formatter().format(SourceFile(path: "t.journey", text: out)).text == out)
        let reread = JourneyLoader.load(text: out, path: "/tmp/t.journey")
        #expect(reread.journey?.indices.first?.formula == "0.5 nps + 0.3 csat + 0.2 ces")
        #expect(Vocabulary.journey.contains("index") && Vocabulary.indexComponents == ["nps", "csat", "ces", "negative"])
    }
}
