import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import Testing

/// The loop record: read and checked with file, line and column; hostile files end in clear
/// errors with nothing raw; the metrics on planted data with known answers.
@Suite struct LoopRecordTests {
    static let data = """
        id,touchpoint,date,nps
        r1,pay,2026-03-01,3
        r2,pay,2026-03-02,2
        r3,desk,2026-03-02,1
        r4,desk,2026-03-05,4
        r5,pay,2026-03-03,10
        r1,pay,2026-03-20,9
        r2,pay,2026-03-21,4

        """

    /// A folder with the data, the journey and `record` as `loop.csv`.
    func setUp(_ record: String) throws -> (Journey, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("looprecord-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(Self.data.utf8).write(to: URL(fileURLWithPath: dir + "/data.csv"))
        try Data(record.utf8).write(to: URL(fileURLWithPath: dir + "/loop.csv"))
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
              loop record "loop.csv"
            }

            """
        let loaded = JourneyLoader.load(text: text, path: dir + "/j.journey")
        return (try #require(loaded.journey), dir)
    }

    func checked(_ record: String, asOf: String = "2026-03-10") throws -> [String] {
        let (journey, dir) = try setUp(record)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (r, read) = LoopRecord.read(try #require(journey.followUp.record))
        let (_, followUps, _) = FeedbackJoin.followUps(journey)
        let all = read + LoopAnalysis.check(r, journey: journey, followUps: followUps, asOf: asOf)
        return all.sorted { ($0.range.start.line, $0.code) < ($1.range.start.line, $1.code) }.map {
            "\($0.range.start.line):\($0.range.start.column) \($0.code) \($0.message)"
        }
    }

    @Test func everyProblemWithItsLineAndColumn() throws {
        let found = try checked(
            """
            respondent,touchpoint,status,date,owner,note
            r1,pay,contacted,2026-03-02,Ann,ok
            zz,pay,contacted,2026-03-02,Ann,
            r1,pya,contacted,2026-03-02,Ann,
            r1,pay,contacted,2026-02-30,Ann,
            r1,pay,contacted,2026-02-27,Ann,
            r1,pay,contaced,2026-03-03,Ann,
            r1,pay,resolved,2026-03-04,Ann,
            r1,pay,open,2026-03-05,Ann,
            r1,pay,contacted,2026-03-02,Bob,again
            r1,desk,contacted,2026-03-02,Ann,
            r1,pay,resolved,2026-12-01,Ann,

            """)
        #expect(
            found == [
                "3:1 JM331 respondent 'zz' is not in the feedback of 'j'; check the id (or the --since/--until window)",
                "4:1 JM332 unknown touchpoint 'pya'; did you mean 'pay'?; use a touchpoint id of 'j'",
                "5:18 JM333 date '2026-02-30' is not a date (YYYY-MM-DD)",
                "6:1 JM333 date 2026-02-27 is before r1's response at 'pay' (2026-03-01); fix the date",
                "7:8 JM334 unknown status 'contaced'; did you mean 'contacted'? (statuses: open, contacted, resolved, not reachable)",
                "9:1 JM335 r1 at 'pay' goes back from resolved (2026-03-04, line 8) to open (2026-03-05) with no new response in between; a new complaint is a new response, not a reopened one",
                "10:1 JM336 the same row as line 2 (respondent, touchpoint, status and date); it counts once",
                "11:1 JM332 r1 gave no response at 'desk' (they rated pay)",
                "12:1 JM333 date 2026-12-01 is after 2026-03-10 (the as-of date); a call cannot be recorded before it happens",
            ])
    }

    /// A respondent who answers again starts a new case: `open` after `resolved` is then the
    /// new case's first step, not a status going backwards (r2 answered on 03-02 and 03-21).
    @Test func aNewResponseStartsANewCase() throws {
        let found = try checked(
            """
            respondent,touchpoint,status,date,owner,note
            r2,pay,resolved,2026-03-03,Ann,
            r2,pay,open,2026-03-21,Ann,second visit
            r2,pay,open,2026-03-20,Ann,before the second visit

            """, asOf: "2026-03-25")
        #expect(found.count == 1 && found[0].hasPrefix("4:1 JM335 r2 at 'pay' goes back from resolved (2026-03-03, line 2)"), "\(found)")
    }

    @Test func aWrongHeaderOrAMissingFileIsOneClearError() throws {
        #expect(
            try checked("id,where\nr1,pay\n") == [
                "1:1 JM330 the header is 'id,where'; a loop record starts with respondent,touchpoint,status,date,owner,note"
            ])
        #expect(
            try checked("") == [
                "1:1 JM330 the loop record is empty; it starts with the header respondent,touchpoint,status,date,owner,note"
            ])
        let (journey, dir) = try setUp("")
        try FileManager.default.removeItem(atPath: dir + "/loop.csv")
        let (_, d) = LoopRecord.read(try #require(journey.followUp.record))
        #expect(d.map(\.code) == ["JM330"] && d[0].message.hasPrefix("loop record 'loop.csv' not found"))
    }

    /// BOM, CRLF, quoted line breaks and doubled quotes are read; terminal escapes in ids reach
    /// messages escaped; a 2 MiB note stops the read with a clear error; nothing crashes.
    @Test func hostileFilesEndInClearErrorsWithNothingRaw() throws {
        let esc = "\u{1B}"
        let record =
            "\u{FEFF}respondent,touchpoint,status,date,owner,note\r\n"
            + "r1,pay,contacted,2026-03-02,\"Ann, desk\",\"two\r\nlines \"\"quoted\"\" \(esc)]8;;http://x\u{7}link\"\r\n"
            + "\(esc)[31mr9,pay,contacted,2026-03-02,Ann,\r\n"
            + "r1,pay,resolved,2026-03-03,Ann,a \"stray\" quote\r\n"
            + "r2,pay,contacted,2026-03-02\r\n"
            + "r2,pay,contacted,2026-03-03,Ann,\"" + String(repeating: "x", count: 2 << 20) + "\"\r\n"
        let (journey, dir) = try setUp(record)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (r, read) = LoopRecord.read(try #require(journey.followUp.record))
        let (_, followUps, _) = FeedbackJoin.followUps(journey)
        let all = read + LoopAnalysis.check(r, journey: journey, followUps: followUps, asOf: "2026-03-10")
        #expect(r.rows.count == 2 && r.rows[0].owner == "Ann, desk" && r.rows[0].note.hasPrefix("two\r\nlines \"quoted\""))
        #expect(all.map(\.code).sorted() == ["JM330", "JM330", "JM330", "JM331"])
        for d in all { #expect(!d.message.contains(esc) && !d.message.contains("\u{7}") && d.message.count < 400) }
        #expect(all.contains { $0.message.contains("longer than 1 MiB") })
        #expect(all.contains { $0.code == "JM331" && $0.range.start.line == 4 })
    }

    @Test func metricsOnPlantedData() throws {
        let (journey, dir) = try setUp(
            """
            respondent,touchpoint,status,date,owner,note
            r1,pay,contacted,2026-03-02,Ann,
            r2,pay,open,2026-03-02,Ann,
            r3,desk,not reachable,2026-03-03,Bo,

            """)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (r, _) = LoopRecord.read(try #require(journey.followUp.record))
        let (_, followUps, _) = FeedbackJoin.followUps(journey)
        let s = LoopAnalysis.summarise(journey, followUps, record: r, asOf: "2026-03-10")
        #expect(s.departments.map(\.department) == ["billing", "care"])
        let billing = s.departments[0].total
        // r1 and r2 are detractors at pay (r5 is a promoter; the later answers of r1 and r2 are 9
        // and 4; r2's, a detractor's on 03-21, is no case yet on 03-10: it had not been given).
        #expect(billing.cases == 2 && billing.contacted == 1 && billing.overdue == 1)
        #expect(billing.medianDaysToFirstContact == 1 && billing.contactedWithDates == 1 && billing.reachedOnTime == 1)
        #expect(billing.contactedShare == MetricsMath.share(1, of: 2))
        let after = LoopAnalysis.summarise(journey, followUps, record: r, asOf: "2026-03-25").departments[0].total
        #expect(after.cases == 3 && after.overdue == 2, "on 03-25 r2's second answer is a case, overdue since 03-23")
        #expect(s.departments[0].overdue.map(\.respondent) == ["r2"] && s.departments[0].overdue[0].due == "2026-03-04")
        let later = try #require(s.departments[0].later)
        #expect(later.contactedCount == 1 && later.contactedMean == 9 && later.notContactedCount == 1 && later.notContactedMean == 4)
        #expect(later.difference == nil)  // one on each side: no interval
        let care = s.departments[1].total
        #expect(care.cases == 2 && care.notReachable == 1 && care.overdue == 1 && care.contacted == 0)
        #expect(s.departments[1].overdue.map(\.due) == ["2026-03-06"])  // 24 h: one day
        #expect(s.departments[0].periods.map(\.period) == ["2026-03"])
    }

    /// Welch's interval against scipy.stats.ttest_ind(a, b, equal_var=False).confidence_interval()
    /// (SciPy 1.11, computed once: 3.75, 1.075396140980017 … 6.424603859019983).
    @Test func welchMatchesSciPy() throws {
        let d = try #require(LoopAnalysis.welch([9, 10, 8], [5, 6, 7, 3]))
        #expect(abs(d.value - 3.75) < 1e-12)
        #expect(abs(d.low - 1.075396140980017) < 1e-6 && abs(d.high - 6.424603859019983) < 1e-6)
    }
}
