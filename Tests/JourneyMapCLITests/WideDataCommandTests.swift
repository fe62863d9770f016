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
                "2000 rows read: 2000 used; 2000 respondents: 2000 used; 20894 ratings: 20894 used (3106 not answered) [JM320]"),
            "\(r.stderr)")
    }

    @Test func theMetricsQueryRefusesWideData() throws {
        let r = try CLI.run(["sql", "journeys/airport-lounge.journey"])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr.contains("is wide data; --query metrics needs long data (one row per answer): use --query moments"))
    }
}
