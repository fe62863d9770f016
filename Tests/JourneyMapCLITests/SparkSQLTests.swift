import Foundation
import JourneyTestSupport
import Testing

/// `journeymap sql --dialect spark`, every query it prints, run in PySpark's local mode (one
/// session for all, scripts/spark-query.py) and compared with the in-process figures as the
/// DuckDB and PostgreSQL tests do: the metrics aggregate, the periods (read back through
/// `format aggregate`), the moments (read back through `format moments`, same drivers), and
/// the hostile category and column names.
@Suite struct SparkSQLTests {
    /// One query for Spark: the data it reads as `feedback`, and how its result is checked.
    struct Job {
        let name: String
        let dir: String
        let data: String
        let check: (String) throws -> Void
    }

    static func prepare(_ journey: String, _ arguments: [String], dir: String, name: String) throws -> String {
        let sql = try CLI.run(["sql", journey, "--dialect", "spark"] + arguments)
        #expect(sql.status == 0, "\(name): \(sql.stderr)")
        let path = "\(dir)/\(name).sql"
        try sql.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func jobs() throws -> [Job] {
        var jobs: [Job] = []
        for name in SQLTests.examples {
            let journey = "journeys/\(name).journey"
            let dir = try CLI.tempDir()
            jobs.append(
                Job(name: "metrics-\(name)", dir: dir, data: Repo.path("journeys/\(name).feedback.csv")) { csv in
                    let engine = SQLTests.parse(csv)
                    #expect(!engine.isEmpty)
                    let join = try SQLTests.inProcess(journey)
                    #expect(engine == join, "metrics \(name)")
                })
            _ = try prepare(journey, [], dir: dir, name: "metrics-\(name)")
        }
        for (example, period) in [("planted", "month"), ("planted", "quarter"), ("planted", "week"), ("online-return", "week")] {
            let dir = try PeriodSQLTests.prepare(example, period, dialect: "spark")
            try FileManager.default.moveItem(atPath: dir + "/q.sql", toPath: dir + "/periods-\(example)-\(period).sql")
            jobs.append(
                Job(name: "periods-\(example)-\(period)", dir: dir, data: dir + "/data.csv") { csv in
                    let labels = try PeriodSQLTests.expectPeriodsMatch(dir, csv)
                    if example == "planted" { #expect(labels == PeriodSQLTests.plantedLabels[period]) }
                })
        }
        if FileManager.default.fileExists(atPath: SQLTests.lounge) {
            let dir = try SQLTests.wideLounge()
            _ = try prepare(dir + "/wide.journey", ["--query", "moments"], dir: dir, name: "moments-lounge")
            jobs.append(
                Job(name: "moments-lounge", dir: dir, data: dir + "/lounge.csv") { csv in
                    try SQLTests.expectMomentsMatch(dir) { csv }
                })
        }
        let escaping = try SQLEscapingTests.fixture()
        _ = try prepare(escaping + "/j.journey", [], dir: escaping, name: "escaping")
        jobs.append(
            Job(name: "escaping", dir: escaping, data: escaping + "/f.csv") { csv in
                #expect(SQLTests.parse(csv) == SQLEscapingTests.expected, "\(csv)")
            })
        let column = try backtickColumn()
        _ = try prepare(column + "/j.journey", [], dir: column, name: "backtick")
        jobs.append(
            Job(name: "backtick", dir: column, data: column + "/f.csv") { csv in
                #expect(SQLTests.parse(csv) == ["a": [1, 1, 0, 0, 0, 0, 0]], "\(csv)")
            })
        return jobs
    }

    /// A column whose name holds a backtick and a backslash: Spark doubles the backtick and
    /// keeps the backslash.
    static func backtickColumn() throws -> String {
        let dir = try CLI.tempDir()
        try """
        journey j "J" {
          department d "D"
          stage s "S" { touchpoint a "A" { owner d } }
          feedback "f.csv" { column nps = "n`ps\\\\" }
        }

        """.write(toFile: dir + "/j.journey", atomically: true, encoding: .utf8)
        try "touchpoint,n`ps\\,csat,ces,sentiment,category\na,9,,,,\n".write(toFile: dir + "/f.csv", atomically: true, encoding: .utf8)
        return dir
    }

    @Test(.enabled(if: OptionalTools.sparkPython != nil, "needs pyspark in .venv-test and a Java runtime (scripts/test-setup.sh)"))
    func sparkMatchesTheInProcessFigures() throws {
        let python = try #require(OptionalTools.sparkPython)
        let jobs = try Self.jobs()
        defer { for j in jobs { try? FileManager.default.removeItem(atPath: j.dir) } }
        let manifest = jobs.map { "\($0.data)\t\($0.dir)/\($0.name).sql\t\($0.dir)/\($0.name).out.csv" }.joined(separator: "\n")
        let list = try #require(jobs.first).dir + "/jobs.tsv"
        try manifest.write(toFile: list, atomically: true, encoding: .utf8)
        _ = try SQLTests.runTool(python, [Repo.path("scripts/spark-query.py"), list])
        for job in jobs {
            let out = "\(job.dir)/\(job.name).out.csv"
            if let error = try? String(contentsOfFile: out + ".err", encoding: .utf8) {
                Issue.record("\(job.name): Spark failed: \(error.prefix(2000))")
                continue
            }
            let csv = try String(contentsOfFile: out, encoding: .utf8)
            try job.check(csv)
        }
    }

    @Test func sparkQuotesAsSparkReads() throws {
        let dir = try SQLEscapingTests.fixture()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let spark = try CLI.run(["sql", dir + "/j.journey", "--dialect", "spark"])
        // Backslashes doubled in the literal, LIKE's default escape `\`, no ESCAPE clause.
        #expect(spark.stdout.contains("LIKE '50\\\\%\\\\_off\\\\\\\\x/%' THEN"), "\(spark.stdout)")
        #expect(!spark.stdout.contains("ESCAPE"))
        #expect(spark.stdout.contains("CAST(`nps` AS DOUBLE)"))
        let column = try Self.backtickColumn()
        defer { try? FileManager.default.removeItem(atPath: column) }
        let quoted = try CLI.run(["sql", column + "/j.journey", "--dialect", "spark"])
        #expect(quoted.stdout.contains("CAST(`n``ps\\` AS DOUBLE)"), "\(quoted.stdout)")
    }
}
