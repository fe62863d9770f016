import Foundation
import JourneyTestSupport
import Testing

/// `journeymap sql` with hostile category names and column names (issue 14 item 9): run in
/// DuckDB and PostgreSQL, a category rule matches its own name and its children only.
@Suite struct SQLEscapingTests {
    /// A journey whose category rule holds both LIKE wildcards and the escape character, and
    /// data with rows that the unescaped pattern `50%_off/%` would also match.
    static func fixture() throws -> String {
        let dir = try CLI.tempDir()
        try """
        journey j "J" {
          department d "D"
          stage s "S" { touchpoint a "A" { owner d }; touchpoint b "B" { owner d } }
          feedback "f.csv" {
            category "50%_off\\\\x" -> a
          }
        }

        """.write(toFile: dir + "/j.journey", atomically: true, encoding: .utf8)
        // Rows: its own name, a child (both join a), and five near misses the wildcards or a
        // dropped escape would catch (none joins; PostgreSQL's default escape `\\` alone would take the
        // two ending in `offx/sub`).
        try """
        touchpoint,date,segment,channel,nps,csat,ces,sentiment,category,comment
        ,2024-01-01,,,9,,,,50%_off\\x,
        ,2024-01-01,,,9,,,,50%_off\\x/sub,
        ,2024-01-01,,,9,,,,50x_off\\x/sub,
        ,2024-01-01,,,9,,,,50%yoff\\x/sub,
        ,2024-01-01,,,9,,,,50%_offx/sub,
        ,2024-01-01,,,9,,,,50x_offx/sub,
        ,2024-01-01,,,9,,,,50%_off\\\\x/sub,
        b,2024-01-01,,,9,,,,,

        """.write(toFile: dir + "/f.csv", atomically: true, encoding: .utf8)
        return dir
    }

    static let expected = ["a": [2, 2, 0, 0, 0, 0, 0], "b": [1, 1, 0, 0, 0, 0, 0]]

    @Test func theGeneratedPatternEscapesWildcards() throws {
        let dir = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pg = try CLI.run(["sql", dir + "/j.journey", "--dialect", "postgres"])
        #expect(pg.stdout.contains("LIKE '50\\%\\_off\\\\x/%' ESCAPE '\\'"), "\(pg.stdout)")
        let bq = try CLI.run(["sql", dir + "/j.journey", "--dialect", "bigquery"])
        #expect(bq.stdout.contains("LIKE '50\\\\%\\\\_off\\\\\\\\x/%' THEN"), "\(bq.stdout)")
        #expect(!bq.stdout.contains("ESCAPE"), "BigQuery has no ESCAPE clause")
    }

    /// BigQuery used to drop a backtick from a column name silently (another column, or none).
    @Test func bigQueryIdentifiersKeepBackticks() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
        journey j "J" {
          department d "D"
          stage s "S" { touchpoint a "A" { owner d } }
          feedback "f.csv" { column nps = "n`ps\\\\" }
        }

        """.write(toFile: dir + "/j.journey", atomically: true, encoding: .utf8)
        try "touchpoint,n`ps\\\na,9\n".write(toFile: dir + "/f.csv", atomically: true, encoding: .utf8)
        let bq = try CLI.run(["sql", dir + "/j.journey", "--dialect", "bigquery"])
        #expect(bq.status == 0, "\(bq.stderr)")
        #expect(bq.stdout.contains("CAST(`n\\`ps\\\\` AS FLOAT64)"), "\(bq.stdout)")
        #expect(!bq.stdout.contains("`nps\\`"))
    }

    @Test(.enabled(if: OptionalTools.duckdbPython != nil, "needs a Python with duckdb (scripts/test-setup.sh)"))
    func duckDBJoinsOnlyTheLiteralCategory() throws {
        let dir = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sql = try CLI.run(["sql", dir + "/j.journey", "--dialect", "duckdb"])
        try sql.stdout.write(toFile: "\(dir)/q.sql", atomically: true, encoding: .utf8)
        try """
        import duckdb, sys, csv
        con = duckdb.connect()
        con.execute("CREATE TABLE feedback (touchpoint VARCHAR, date VARCHAR, segment VARCHAR, channel VARCHAR, nps DOUBLE, csat DOUBLE, ces DOUBLE, sentiment VARCHAR, category VARCHAR, comment VARCHAR)")
        con.execute("INSERT INTO feedback SELECT * FROM read_csv(?, header=true, all_varchar=true, quote='\\"', escape='\\"')", [sys.argv[1]])
        cur = con.execute(open(sys.argv[2]).read())
        w = csv.writer(sys.stdout, lineterminator="\\n")
        w.writerow([d[0] for d in cur.description])
        for r in cur.fetchall(): w.writerow([int(x) if isinstance(x, float) and x.is_integer() else x for x in r])
        """.write(toFile: "\(dir)/run.py", atomically: true, encoding: .utf8)
        let out = try Self.run(OptionalTools.duckdbPython!, ["\(dir)/run.py", "\(dir)/f.csv", "\(dir)/q.sql"])
        #expect(SQLTests.parse(out) == Self.expected, "\(out)")
    }

    @Test(.enabled(if: OptionalTools.hasPostgres, "needs PostgreSQL (scripts/test-setup.sh)"))
    func postgreSQLJoinsOnlyTheLiteralCategory() throws {
        let dir = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sql = try CLI.run(["sql", dir + "/j.journey", "--dialect", "postgres"])
        try sql.stdout.write(toFile: "\(dir)/q.sql", atomically: true, encoding: .utf8)
        try """
        CREATE TABLE feedback (touchpoint text, date text, segment text, channel text, nps numeric, csat numeric,
                               ces numeric, sentiment text, category text, comment text);
        """.write(toFile: "\(dir)/table.sql", atomically: true, encoding: .utf8)
        let out = try Self.run("/bin/bash", [Repo.path("scripts/pg-query.sh"), "\(dir)/table.sql", "\(dir)/f.csv", "\(dir)/q.sql"])
        #expect(SQLTests.parse(out) == Self.expected, "\(out)")
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}
