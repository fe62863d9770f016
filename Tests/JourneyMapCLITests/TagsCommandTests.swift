import Foundation
import JourneyTestSupport
import Testing

/// `journeymap tags`: the counts per tag and, with `--explain`, a deterministic sample of
/// responses with the rule behind each tag; comments are escaped for the terminal.
@Suite struct TagsCommandTests {
    static func folder() throws -> String {
        let dir = try CLI.tempDir()
        let journey = """
            journey j "J" {
              department ops "Ops"
              stage s "S" {
                touchpoint pay "Pays" { owner ops }
                touchpoint desk "Desk" { owner ops }
              }
              feedback "data.csv" { category "billing" -> pay }
              tag "billing/fees" { words "fee*" "opłat*" }
              sentiment words {
                positive "happy"
                negation "not"
              }
            }

            """
        // A comment that tries to clear the screen and set the terminal title.
        let csv = "touchpoint,comment\n,\"Opłaty! not happy \u{1B}[2J\u{1B}]0;pwned\u{07}\"\ndesk,fees again\ndesk,all good\n"
        try Data(journey.utf8).write(to: URL(fileURLWithPath: dir + "/j.journey"))
        try Data(csv.utf8).write(to: URL(fileURLWithPath: dir + "/data.csv"))
        return dir
    }

    @Test func summaryAndExplain() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["tags", dir + "/j.journey", "--explain"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("tagging rules of 'j': 3 comments read"))
        #expect(r.stdout.contains("billing/fees        2        2   –"), "\(r.stdout)")
        #expect(r.stdout.contains("sentiment: words found in 1 comments, 1 filled"))
        #expect(r.stdout.contains("tag 'billing/fees' from \"opłat*\" (\"opłaty\") (filled)"), "\(r.stdout)")
        #expect(r.stdout.contains("sentiment negative from \"happy\" [positive, negated], \"not\" [negation] (filled)"), "\(r.stdout)")
        #expect(r.stdout.contains("\\u{1B}[2J\\u{1B}]0;pwned\\u{7}"), "escaped, visible")
        #expect(!r.stdout.contains("\u{1B}") && !r.stdout.contains("\u{07}"), "no raw control characters")
        // The same sample every run.
        #expect(
            try CLI.run(["tags", dir + "/j.journey", "--explain", "--sample", "2"]).stdout
                == CLI.run(["tags", dir + "/j.journey", "--explain", "--sample", "2"]).stdout)
    }

    @Test func aJourneyWithoutRulesSaysHowToAddThem() throws {
        let r = try CLI.run(["tags", "journeys/online-return.journey"])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty && r.stderr.contains("has no tagging rules; add tag \"name\" { words … }"), "\(r.stderr)")
    }
}
