import Foundation
import JourneyTestSupport
import Testing

/// `journeymap loop` on the example: one list per department with where each customer stands
/// in the loop record, overdue first; and `report --loop/--as-of`, dated reproducibly.
@Suite struct LoopCommandTests {
    static let journey = "journeys/airport-lounge.journey"

    @Test func writesAListPerDepartmentFromTheRecord() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["loop", Self.journey, "-o", dir, "--as-of", "2025-07-10"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("guest: 1 to contact (1 overdue), "), "\(r.stdout)")
        for dept in ["guest", "facilities", "food-bev", "digital"] {
            #expect(FileManager.default.fileExists(atPath: "\(dir)/follow-up-\(dept).csv"))
            #expect(FileManager.default.fileExists(atPath: "\(dir)/follow-up-\(dept).md"))
        }
        let md = try String(contentsOfFile: dir + "/follow-up-guest.md", encoding: .utf8)
        #expect(md.contains("As of 2025-07-10, with the loop record airport\\-lounge\\.loop\\.csv"), "\(md)")
        #expect(md.contains("## To contact (1)"))
        #expect(
            md.contains("| **overdue** 2025-06-21 | R01887 | 2025-06-20 | staff | detractor, low csat | NPS 4, CSAT 2 | open 2025-06-20,"))
        let csv = try String(contentsOfFile: dir + "/follow-up-guest.csv", encoding: .utf8)
        #expect(csv.split(separator: "\r\n")[1].hasPrefix("R01887,2025-06-20,2025-06-21,yes,open,2025-06-20,"), "overdue first")
        let bad = try CLI.run(["loop", Self.journey, "-o", dir, "--as-of", "2025-02-30"])
        #expect(bad.status == 64)
    }

    /// An earlier as-of date shows the lists as they stood that day: later responses and
    /// record rows are left out, not reported as errors.
    @Test func anEarlierDayShowsTheListsAsTheyStood() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["loop", Self.journey, "-o", dir, "--as-of", "2025-03-01"])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try String(contentsOfFile: dir + "/follow-up-food-bev.csv", encoding: .utf8)
        let dates = csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[1] }
        #expect(!dates.isEmpty && dates.allSatisfy { $0 <= "2025-03-01" })
        #expect(csv.contains(",open,2025-02-25,"), "a case opened before the day is still open on it")
    }

    /// Without a record (none declared, none given), every customer is to contact, and the
    /// Markdown says why.
    @Test func aRecordGivenOnTheCommandLineWins() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("respondent,touchpoint,status,date,owner,note\nR01887,staff,resolved,2025-06-22,Ines,\"=1+1\"\n".utf8).write(
            to: URL(fileURLWithPath: dir + "/other.csv"))
        let r = try CLI.run(["loop", Self.journey, "-o", dir + "/out", "--as-of", "2025-07-10", "--loop", dir + "/other.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("guest: 386 to contact (386 overdue), 0 contacted, 1 resolved, 0 not reachable"), "\(r.stdout)")
        let csv = try String(contentsOfFile: dir + "/out/follow-up-guest.csv", encoding: .utf8)
        #expect(csv.contains(",resolved,2025-06-22,Ines,'=1+1,staff,"), "the note cannot run as a formula")
    }

    @Test func reportTakesTheRecordAndTheDay() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["report", Self.journey, "-o", dir + "/a", "--as-of", "2025-03-01"])
        #expect(r.status == 0, "\(r.stderr)")
        let md = try String(contentsOfFile: dir + "/a/airport-lounge/pain-points.md", encoding: .utf8)
        #expect(md.contains("As of 2025-03-01, from the loop record (4350 rows)."), "\(md)")
        let json = try String(contentsOfFile: dir + "/a/airport-lounge/loop.json", encoding: .utf8)
        #expect(json.contains("\"asOf\" : \"2025-03-01\"") || json.contains("\"asOf\":\"2025-03-01\""), "\(json.prefix(300))")
        try Data("respondent,touchpoint,status,date,owner,note\nR01887,staff,contacted,2025-06-21,Ines,\n".utf8).write(
            to: URL(fileURLWithPath: dir + "/one.csv"))
        let b = try CLI.run(["report", Self.journey, "-o", dir + "/b", "--loop", dir + "/one.csv", "--as-of", "2025-07-10"])
        #expect(b.status == 0, "\(b.stderr)")
        let other = try String(contentsOfFile: dir + "/b/airport-lounge/pain-points.md", encoding: .utf8)
        #expect(other.contains("As of 2025-07-10, from the loop record (1 rows)."), "\(other)")
        let html = try String(contentsOfFile: dir + "/b/airport-lounge/report.html", encoding: .utf8)
        #expect(html.contains("2025-07-10"))
        let bad = try CLI.run(["report", Self.journey, "-o", dir + "/c", "--as-of", "2025-13-01"])
        #expect(bad.status == 64 && !FileManager.default.fileExists(atPath: dir + "/c"))
    }
}
