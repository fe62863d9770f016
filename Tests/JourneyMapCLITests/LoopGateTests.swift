import Foundation
import JourneyTestSupport
import Testing

/// `check --fail-on overdue`: the CI gate on the example's loop record.
@Suite struct LoopGateTests {
    static let journey = "journeys/airport-lounge.journey"

    @Test func overdueFollowUpsWarnAndFailOnlyWhenAsked() throws {
        let plain = try CLI.run(["check", Self.journey, "--as-of", "2025-07-10"])
        #expect(plain.status == 0, "\(plain.stderr)")
        let overdue = plain.stderr.split(separator: "\n").filter { $0.contains("[JM520]") }
        #expect(overdue.count == 5, "\(plain.stderr)")
        #expect(overdue.contains { $0.contains("R01887 at 'staff' (Guest services) answered on 2025-06-20, was due 2025-06-21") })
        let gate = try CLI.run(["check", Self.journey, "--as-of", "2025-07-10", "--fail-on", "errors", "overdue"])
        #expect(gate.status == 1)
        #expect(gate.stderr.contains("R01998 at 'showers' (Facilities) answered on 2025-06-30, was due 2025-07-02"))
    }

    @Test func githubAnnotationsPointAtTheTouchpoint() throws {
        let r = try CLI.run(["check", Self.journey, "--as-of", "2025-07-10", "--fail-on", "overdue", "--format", "github"])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").filter { $0.contains("JM520") }
        #expect(lines.count == 5)
        #expect(lines.contains { $0.hasPrefix("::warning file=\(Self.journey),line=30,") && $0.contains("R01887") })
    }

    @Test func aBadAsOfDateIsACommandLineError() throws {
        let r = try CLI.run(["check", Self.journey, "--as-of", "2025-02-30"])
        #expect(r.status == 64 && r.stderr.contains("'2025-02-30' is not a date"))
    }

    @Test func aRecordGivenOnTheCommandLineIsChecked() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loopgate-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("respondent,touchpoint,status,date,owner,note\nR00001,entry,contacted,2025-01-0x,Ann,\u{1B}[2J\n".utf8).write(
            to: URL(fileURLWithPath: dir + "/l.csv"))
        let r = try CLI.run(["check", Self.journey, "--loop", dir + "/l.csv", "--as-of", "2025-07-10"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("l.csv:2:24: error: date '2025-01-0x' is not a date (YYYY-MM-DD) [JM333]"), "\(r.stderr)")
        #expect(!r.stderr.contains("\u{1B}"))
    }
}
