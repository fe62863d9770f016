import JourneyTestSupport
import Testing

/// BigQuery cannot run here (no emulator of its SQL is packaged for Debian or PyPI), so its
/// dialect is held by goldens: every query `journeymap sql` prints for BigQuery is compared
/// with the reviewed text, and any change shows as a diff. The same queries in the other
/// dialects run in DuckDB, PostgreSQL and Spark against the in-process figures (SQLTests,
/// PeriodSQLTests, SparkSQLTests).
@Suite struct BigQuerySQLGoldenTests {
    static let cases: [(journey: String, arguments: [String], golden: String)] = [
        ("online-return", [], "online-return.metrics"),
        ("online-return", ["--query", "periods", "--period", "month"], "online-return.periods-month"),
        ("online-return", ["--query", "periods", "--period", "year"], "online-return.periods-year"),
        ("airport-lounge", ["--query", "moments"], "airport-lounge.moments"),
    ]

    @Test(arguments: 0..<cases.count)
    func bigQueryTextIsTheReviewedOne(_ i: Int) throws {
        let c = Self.cases[i]
        let r = try CLI.run(["sql", "journeys/\(c.journey).journey", "--dialect", "bigquery"] + c.arguments)
        #expect(r.status == 0, "\(r.stderr)")
        try Golden.check(r.stdout, at: Repo.path("Tests/JourneyMapCLITests/Goldens/bigquery/\(c.golden).sql"))
    }
}
