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

/// `journeymap loop` on the example: one list per department, written whole.
@Suite struct LoopCommandTests {
    @Test func writesAListPerDepartment() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["loop", "journeys/airport-lounge.journey", "-o", dir])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("guest: 355 to answer, 352 past due as of 2025-06-30"), "\(r.stdout)")
        for dept in ["guest", "facilities", "food-bev", "digital"] {
            #expect(FileManager.default.fileExists(atPath: "\(dir)/follow-up-\(dept).csv"))
            #expect(FileManager.default.fileExists(atPath: "\(dir)/follow-up-\(dept).md"))
        }
        let md = try String(contentsOfFile: dir + "/follow-up-guest.md", encoding: .utf8)
        #expect(md.contains("355 customers to answer (409 responses; one line per customer), each within 24 h"))
        #expect(md.contains("| 2025-07-01 | R01995 | 2025-06-30 | entry | detractor, low csat | NPS 3, CSAT 2 |"))
        let bad = try CLI.run(["loop", "journeys/airport-lounge.journey", "-o", dir, "--as-of", "2025-02-30"])
        #expect(bad.status == 64)
    }
}
