import Foundation
import JourneyCore
import JourneyFeedback
import JourneyReports
import Testing

/// `journeymap loop`'s lists: who to answer per owning department (overdue first), one line per
/// customer and visit, due dates from `loop within`, where each stands in the loop record, and
/// every comment and note escaped for CSV and Markdown.
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

    @Test func perDepartmentOverdueFirstWithDueDates() throws {
        let (_, f, lists) = try lists()
        #expect(f.items.count == 5)  // r3 is neither a detractor nor negative nor low
        #expect(lists.map(\.department) == ["billing", "care"])
        let billing = lists[0]
        // Nothing recorded: all open, by due date (none last); r2 answered on 03-04 is after the as-of date.
        #expect(billing.entries.map(\.item.respondent) == ["r1", "r5"])
        #expect(billing.entries.map(\.due) == ["2026-03-03", nil])  // 48 h = 2 days
        #expect(billing.entries[0].item.reasons == ["detractor"])
        let care = lists[1]
        #expect(care.hours == 24)
        #expect(care.entries.map(\.item.respondent) == ["r4", "r1"])  // the longest overdue first
        #expect(care.entries.map(\.due) == ["2026-02-21", "2026-03-02"])
        #expect(care.entries.map(\.isOverdue) == [true, true])
        #expect(billing.entries.map(\.isOverdue) == [false, false])  // due the day of as-of is not late
        let later = try self.lists(asOf: "2026-03-10").2[0]
        #expect(later.entries.map(\.item.respondent) == ["r1", "r2", "r5"])
        #expect(later.entries[0].item.reasons == ["detractor"] && later.entries[1].item.reasons == ["negative"])
    }

    @Test func oneLinePerCustomerAndVisit() throws {
        let (_, _, lists) = try lists()
        // r1 is also a detractor at pay on the same day: another department, another list.
        #expect(lists[1].entries.allSatisfy { $0.more.isEmpty })
        var two = FollowUps()
        let item = FollowUpItem(
            respondent: "r9", date: "2026-01-02", touchpoint: "pay", nps: 1, csat: nil, sentiment: nil, category: nil, comment: nil,
            file: "f", line: 2, reasons: ["detractor"])
        var earlier = item
        earlier.date = "2026-01-01"
        earlier.line = 4
        two.items = [item, earlier]
        let (j, _, _) = try self.lists()
        // Two visits: two cases (the record and the loop metrics count each), the first due first.
        let visits = FollowUpLists.build(j, two, asOf: nil)
        #expect(visits[0].entries.map(\.item.date) == ["2026-01-01", "2026-01-02"])
        var sameDay = item
        sameDay.line = 5
        sameDay.reasons = ["low csat"]
        two.items = [item, sameDay]
        let merged = FollowUpLists.build(j, two, asOf: nil)
        #expect(merged[0].entries.count == 1 && merged[0].entries[0].more.count == 1)
        #expect(FollowUpLists.csv(merged[0]).split(separator: "\r\n").count == 3, "the CSV keeps one row per response")
        let md = FollowUpLists.markdown(merged[0], journey: j, asOf: nil, dropped: 0)
        #expect(md.contains("| 2026-01-04 | r9 | 2026-01-02 | pay | detractor, low csat | NPS 1 | – |"), "\(md)")
    }

    /// The record says where each case stands: resolved and not-reachable cases leave the
    /// calls to make but are counted; contacted ones are followed through; the overdue one
    /// leads; notes are escaped.
    @Test func theRecordDecidesWhoIsStillToContact() throws {
        let (j, f, _) = try lists()
        let text = """
            respondent,touchpoint,status,date,owner,note
            r1,desk,contacted,2026-03-02,Ann,"=cmd|' /C calc'!A0"
            r1,desk,resolved,2026-03-05,Ann,after the as-of date: not counted yet
            r5,pay,not reachable,2026-03-01,Bo,<b>two calls</b>
            r1,pay,open,2026-03-01,Cy,[assigned](javascript:1)

            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("loop-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (record, diags) = LoopRecord.read(LoopRecordSource(path: path, resolvedPath: path, range: .file(path)))
        #expect(diags.isEmpty, "\(diags.map(\.message))")
        let lists = FollowUpLists.build(j, f, record: record, asOf: "2026-03-03")
        let billing = lists[0]
        let care = lists[1]
        #expect(billing.entries.map(\.status) == [.open, .notReachable])
        #expect(billing.entries[0].lastStep?.owner == "Cy")
        #expect(care.entries.map(\.status) == [.open, .contacted])  // r4 (overdue) first, then r1 reached
        #expect(care.entries[1].firstContact == "2026-03-02" && !care.entries[1].isOverdue)
        #expect(care.counts == FollowUpList.Counts(open: 1, overdue: 1, contacted: 1, resolved: 0, notReachable: 0))
        #expect(billing.counts == FollowUpList.Counts(open: 1, overdue: 0, contacted: 0, resolved: 0, notReachable: 1))
        // Two days later the resolution counts.
        let later = FollowUpLists.build(j, f, record: record, asOf: "2026-03-05")
        #expect(later[1].counts.resolved == 1)
        let csv = FollowUpLists.csv(care)
        #expect(csv.hasPrefix("respondent,date,due,overdue,status,status_date,owner,note,touchpoint,"))
        #expect(csv.contains("r1,2026-03-01,2026-03-02,no,contacted,2026-03-02,Ann,'=cmd|' /C calc'!A0,desk,"), "\(csv)")
        let md = FollowUpLists.markdown(care, journey: j, asOf: "2026-03-03", dropped: 0, record: "loop.csv", recordRows: 4)
        #expect(md.contains("**1 to contact (1 overdue) · 1 contacted, not yet resolved · 0 resolved · 0 not reachable**"), "\(md)")
        #expect(md.contains("| **overdue** 2026-02-21 | r4 | 2026-02-20 | desk |"), "\(md)")
        #expect(md.contains("## Contacted, not yet resolved (1 in the last 30 days)"))
        #expect(md.contains("| r1 | 2026-03-01 | desk | 2026-03-02 | contacted 2026-03-02, Ann: \\=cmd\\|' /C calc'\\!A0 |"), "\(md)")
        let billingMD = FollowUpLists.markdown(billing, journey: j, asOf: "2026-03-03", dropped: 0, record: "loop.csv", recordRows: 4)
        #expect(!billingMD.contains("](javascript") && !billingMD.contains("<b>"))
        #expect(billingMD.contains("Closed: 0 resolved, 1 not reachable"))
        #expect(!billingMD.contains("two calls"), "closed cases are counted, not listed, in the Markdown")
    }

    @Test func commentsAreEscaped() throws {
        let (j, _, lists) = try lists()
        let csv = FollowUpLists.csv(lists[0])
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\""), "a formula is neutralised and quoted")
        let md = FollowUpLists.markdown(try self.lists(asOf: "2026-03-10").2[0], journey: j, asOf: "2026-03-10", dropped: 0)
        #expect(!md.contains("<script>") && md.contains("&lt;script&gt;"))
        #expect(!md.contains("](javascript") && md.contains("\\[x\\]\\(javascript"))
        #expect(!md.contains(" | [x]"), "a pipe cannot break the table")
        #expect(md.contains("No loop record was read"))
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
