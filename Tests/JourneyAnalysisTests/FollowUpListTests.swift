import Foundation
import JourneyCore
import JourneyFeedback
import JourneyReports
import Testing

/// `journeymap loop`'s lists: who to answer per owning department, newest first, one line per
/// customer, due dates from `loop within`, and every comment escaped for CSV and Markdown.
@Suite struct FollowUpListTests {
    static let csv = """
        id,touchpoint,date,nps,csat,sentiment,comment
        r1,pay,2026-03-01,3,,,"=HYPERLINK(""http://evil"",""click"")"
        r1,desk,2026-03-01,,2,,
        r2,pay,2026-03-04,9,5,negative,"<script>alert(1)</script> | [x](javascript:1)"
        r3,desk,2026-03-02,8,4,positive,all good
        r4,desk,2026-02-20,2,,,
        r5,pay,,5,,,no date
        """

    func lists(asOf: String? = "2026-03-03") throws -> (Journey, FollowUps, [FollowUpList]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loop-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(Self.csv.utf8).write(to: URL(fileURLWithPath: dir + "/data.csv"))
        let text = """
            journey j "J" {
              department billing "Billing"
              department care "Care"
              stage s "S" {
                touchpoint pay "Pays" { owner billing }
                touchpoint desk "Desk" { owner care }
              }
              feedback "data.csv" { respondent "id" }
              loop within 48 h
              loop within 1 d at care
            }

            """
        let loaded = JourneyLoader.load(text: text, path: dir + "/j.journey")
        let journey = try #require(loaded.journey, "\(loaded.diagnostics.map(\.message))")
        #expect(journey.followUp.hours == 48 && journey.followUp.byDepartment == ["care": 24])
        let (_, followUps, diags) = FeedbackJoin.followUps(journey)
        #expect(!diags.hasErrors)
        return (journey, followUps, FollowUpLists.build(journey, followUps, asOf: asOf))
    }

    @Test func perDepartmentNewestFirstWithDueDates() throws {
        let (_, f, lists) = try lists()
        #expect(f.items.count == 5)  // r3 is neither a detractor nor negative nor low
        #expect(lists.map(\.department) == ["billing", "care"])
        let billing = lists[0]
        #expect(billing.entries.map(\.item.respondent) == ["r2", "r1", "r5"])  // newest first, undated last
        #expect(billing.entries.map(\.due) == ["2026-03-06", "2026-03-03", nil])  // 48 h = 2 days
        #expect(billing.entries[0].item.reasons == ["negative"])
        #expect(billing.entries[1].item.reasons == ["detractor"])
        let care = lists[1]
        #expect(care.hours == 24)
        #expect(care.entries.map(\.item.respondent) == ["r1", "r4"])
        #expect(care.entries.map(\.due) == ["2026-03-02", "2026-02-21"])
        #expect(care.entries.map(\.isOverdue) == [true, true])
        #expect(billing.entries.map(\.isOverdue) == [false, false, false])  // due the day of as-of is not late
    }

    @Test func oneLinePerCustomer() throws {
        let (_, _, lists) = try lists()
        // r1 is also a detractor at pay on the same day: another department, another list.
        #expect(lists[1].entries[0].more.isEmpty)
        var two = FollowUps()
        let item = FollowUpItem(
            respondent: "r9", date: "2026-01-02", touchpoint: "pay", nps: 1, csat: nil, sentiment: nil, category: nil, comment: nil,
            file: "f", line: 2, reasons: ["detractor"])
        two.items = [
            item,
            {
                var i = item; i.date = "2026-01-01"; i.line = 3; return i
            }(),
        ]
        let (j, _, _) = try self.lists()
        let merged = FollowUpLists.build(j, two, asOf: nil)
        #expect(merged[0].entries.count == 1 && merged[0].entries[0].more.count == 1)
        #expect(FollowUpLists.csv(merged[0]).split(separator: "\r\n").count == 3, "the CSV keeps one row per response")
    }

    @Test func commentsAreEscaped() throws {
        let (j, _, lists) = try lists()
        let csv = FollowUpLists.csv(lists[0])
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\""), "a formula is neutralised and quoted")
        let md = FollowUpLists.markdown(lists[0], journey: j, asOf: "2026-03-03", dropped: 0)
        #expect(!md.contains("<script>") && md.contains("&lt;script&gt;"))
        #expect(!md.contains("](javascript") && md.contains("\\[x\\]\\(javascript"))
        #expect(!md.contains(" | [x]"), "a pipe cannot break the table")
        #expect(md.contains("2 customers to answer") || md.contains("3 customers to answer"))
    }

    @Test func calendarArithmetic() {
        #expect(CalendarDateProbe.add(1, "2024-02-28") == "2024-02-29")
        #expect(CalendarDateProbe.add(1, "2023-02-28") == "2023-03-01")
        #expect(CalendarDateProbe.add(2, "2025-12-31") == "2026-01-02")
    }
}

/// The calendar is internal to JourneyReports: reached through a list with one item.
enum CalendarDateProbe {
    static func add(_ days: Int, _ date: String) -> String? {
        var j = Journey(id: "j", title: "J", sourceFile: "j", range: .file("j"))
        j.followUp.hours = days * 24
        var f = FollowUps()
        f.items = [
            FollowUpItem(
                respondent: nil, date: date, touchpoint: "x", nps: 0, csat: nil, sentiment: nil, category: nil, comment: nil, file: "f",
                line: 1, reasons: ["detractor"])
        ]
        return FollowUpLists.build(j, f, asOf: nil).first?.entries.first?.due
    }
}
