import Foundation
import JourneyCore
import Testing

/// The respondent-level statements of a feedback block: what they declare, and each misuse
/// reported at its line and column with what to do.
@Suite struct RespondentLanguageTests {
    static let folder: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("resp-lang-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir + "/survey.csv", contents: Data("id\n".utf8))
        return dir
    }()

    func load(_ feedback: String, touchpoints: String = "") -> LoadResult {
        let text = """
            journey j "J" {
              department ops "Ops"
              stage s "S" {
                touchpoint wifi "Wi-Fi" { owner ops }
                touchpoint boarding "Boarding" { owner ops }
                touchpoint seat "Seat" { owner ops\(touchpoints) }
              }
              feedback "survey.csv" {
            \(feedback)
              }
            }

            """
        return JourneyLoader.load(text: text, path: Self.folder + "/j.journey")
    }

    func errors(_ r: LoadResult) -> [String] {
        r.diagnostics.filter { $0.severity == .error }.map { "\($0.range.start.line):\($0.range.start.column) \($0.code) \($0.message)" }
    }

    @Test func aWideBlockDeclaresEverything() throws {
        let r = load(
            """
                format wide
                respondent "id"
                rating wifi = "Inflight wifi service"
                rating boarding = "Online boarding" { scale 0..10 }
                missing 0 "N/A"
                outcome satisfied = "satisfaction" { yes "satisfied" "1" }
                outcome recommend = "Likelihood to recommend" { nps }
                outcome overall = "Overall" { scale 1..10 }
                segment "Class"
            """)
        #expect(errors(r).isEmpty, "\(errors(r))")
        let f = try #require(r.journey?.feedback.first)
        #expect(f.format == .wide)
        #expect(f.respondentColumn == "id")
        #expect(f.ratings.map(\.touchpoint) == ["wifi", "boarding"])
        #expect(f.ratings.map(\.column) == ["Inflight wifi service", "Online boarding"])
        #expect(f.ratings[0].scale == nil && f.ratings[1].scale == Scale(min: 0, max: 10))
        #expect(f.missingValues == ["0", "N/A"])
        #expect(f.outcomes.map(\.id) == ["satisfied", "recommend", "overall"])
        #expect(f.outcomes[0].kind == .binary(yes: ["satisfied", "1"]))
        #expect(f.outcomes[1].kind == .nps)
        #expect(f.outcomes[2].kind == .scale(Scale(min: 1, max: 10)))
        #expect(f.columns["segment"] == "Class")
    }

    @Test func longDataWithARespondentColumnAndAnOutcome() {
        let r = load(
            """
                respondent "person"
                outcome churned = "churned" { yes "true" }
            """)
        #expect(errors(r).isEmpty, "\(errors(r))")
    }

    @Test func misuseIsReportedWhereItIs() {
        // rating without `format wide` (line 10 is the rating).
        #expect(
            errors(load("    rating wifi = \"Wifi\"")) == [
                "9:12 JM416 'rating' columns belong to wide data (one row per respondent); add 'format wide' to this feedback block"
            ])
        // An unknown touchpoint, with "did you mean".
        let unknown = errors(load("    format wide\n    rating wfi = \"Wifi\""))
        #expect(unknown.count == 1 && unknown[0].hasPrefix("10:12 JM204") && unknown[0].contains("did you mean 'wifi'"), "\(unknown)")
        // Wide data with no rating.
        #expect(errors(load("    format wide")).first?.hasPrefix("9:12 JM416 wide data needs at least one") == true)
        // An outcome needs two ratings in wide data.
        let one = errors(load("    format wide\n    rating wifi = \"W\"\n    outcome ok = \"OK\" { nps }"))
        #expect(one.count == 1 && one[0].hasPrefix("11:13 JM418 key drivers compare ratings"), "\(one)")
        // An outcome in long data needs the respondent column.
        #expect(errors(load("    outcome ok = \"OK\" { nps }")).first?.hasPrefix("9:13 JM418 an outcome in long data") == true)
        // An outcome must say how it is measured; a wrong word gets "did you mean".
        #expect(
            errors(load("    respondent \"id\"\n    outcome ok = \"OK\"")).first?.contains("JM418 say how outcome 'ok' is measured") == true
        )
        let typo = errors(load("    respondent \"id\"\n    outcome ok = \"OK\" { nsp }"))
        #expect(typo.first?.contains("JM100 unknown statement 'nsp' in an outcome; did you mean 'nps'?") == true, "\(typo)")
        // Two ratings for one touchpoint, two columns for one thing.
        let twice = errors(load("    format wide\n    rating wifi = \"A\"\n    rating wifi = \"B\""))
        #expect(twice.first?.hasPrefix("11:12 JM416 touchpoint 'wifi' already has a rating column ('A')") == true, "\(twice)")
        let shared = errors(load("    format wide\n    respondent \"A\"\n    rating wifi = \"A\"\n    rating seat = \"B\""))
        #expect(shared.contains { $0.contains("column 'A' is both the respondent and the rating of 'wifi'") }, "\(shared)")
        // Long-data columns make no sense in wide data.
        let touchpointColumn = errors(load("    format wide\n    column touchpoint = \"step\"\n    rating wifi = \"A\""))
        #expect(touchpointColumn.contains { $0.contains("'column touchpoint' is not used in wide data") }, "\(touchpointColumn)")
        // A bad scale in a rating.
        #expect(errors(load("    format wide\n    rating wifi = \"A\" { scale 5..1 }")).first?.contains("JM414") == true)
        // `missing` needs a value; `respondent` once.
        #expect(errors(load("    missing")).first?.contains("JM101") == true)
        #expect(errors(load("    respondent \"a\"\n    respondent \"b\"")).first?.contains("JM417") == true)
    }

    @Test func aTouchpointWithTwoOwnersChannelsOrEmotionsIsAnError() {
        // Before: the last statement silently won.
        for (word, a, b) in [("owner", "ops", "ops"), ("emotion", "-1", "2")] {
            let r = load("", touchpoints: "; \(word) \(a); \(word) \(b)")
            #expect(errors(r).contains { $0.contains("JM212 touchpoint 'seat' already has") }, "\(word): \(errors(r))")
        }
        let text = """
            journey j "J" {
              channel web "Web"
              channel app "App"
              stage s "S" {
                touchpoint t "T" { channel web; channel app }
              }
            }

            """
        let r = JourneyLoader.load(text: text, path: Self.folder + "/c.journey")
        #expect(r.diagnostics.contains { $0.code == "JM212" && $0.range.start.line == 5 })
    }

    @Test func aShadowedCategoryRuleIsAWarningNamingTheWinner() {
        let r = load(
            """
                category "Billing" -> wifi
                category "billing" -> seat
                category "billing/fees" -> boarding
                category "Late/baggage" -> boarding
                category "late" -> seat
            """)
        let warnings = r.diagnostics.filter { $0.code == "JM419" }
        #expect(warnings.count == 2, "\(warnings.map(\.message))")
        #expect(warnings.first?.message.contains("'billing' -> seat is never used: a rule for 'Billing' comes first (-> wifi)") == true)
        #expect(
            warnings.last?.message.contains("'billing/fees' -> boarding is never used: the rule for its parent 'Billing' comes first")
                == true)
        #expect(errors(r).isEmpty)
    }
}
