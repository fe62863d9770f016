import Foundation
import JourneyTestSupport
import Testing

/// The wide example through the real binary: `check` prints the accounting in rows,
/// respondents and ratings; `sql --query metrics` refuses wide data instead of printing a
/// query over columns that do not exist.
@Suite struct WideDataCommandTests {
    @Test func checkPrintsRespondentsAndRatings() throws {
        let r = try CLI.run(["check", "journeys/airport-lounge.journey"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stderr.contains(
                "2337 rows read: 2337 used; 2337 respondents: 2337 used; 24423 ratings: 24423 used (3621 not answered) [JM320]"),
            "\(r.stderr)")
        // 337 guests answered a second time (same Guest ID, a later visit): in wide data each
        // row is a whole response, so a repeated id is no grouping mistake (no JM314).
        #expect(!r.stderr.contains("JM314") && !r.stderr.contains("JM321"), "\(r.stderr)")
    }

    @Test func theMetricsQueryRefusesWideData() throws {
        let r = try CLI.run(["sql", "journeys/airport-lounge.journey"])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr.contains("is wide data; --query metrics needs long data (one row per answer): use --query moments"))
    }
}
