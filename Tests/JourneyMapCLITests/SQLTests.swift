import Foundation
import JourneyTestSupport
import Testing

/// `journeymap sql` run in real engines (DuckDB from PyPI, PostgreSQL from Debian, both set
/// up by scripts/test-setup.sh) must give the same totals as the in-process join.
@Suite struct SQLTests {
    static let examples = ["online-return", "bank-account"]

    /// Per touchpoint: responses, promoters, passives, detractors, csat_count, csat_top2,
    /// ces_count, ces_easy, positive, neutral, negative — from `journeymap metrics`.
    static func inProcess(_ journey: String) throws -> [String: [Int]] {
        let r = try CLI.run(["metrics", journey, "--by", "touchpoint", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        var out: [String: [Int]] = [:]
        for g in doc["groups"] as? [[String: Any]] ?? [] {
            let s = g["sentiment"] as? [String: Int] ?? [:]
            out[g["id"] as! String] = [g["responses"] as! Int, g["promoters"] as! Int, g["passives"] as! Int, g["detractors"] as! Int,
                                       s["positive"] ?? 0, s["neutral"] ?? 0, s["negative"] ?? 0]
        }
        return out
    }

    /// The same figures from the SQL result (CSV with the aggregate format's header).
    static func parse(_ csv: String) -> [String: [Int]] {
        var lines = csv.split(separator: "\n").map(String.init)
        guard !lines.isEmpty else { return [:] }
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        var out: [String: [Int]] = [:]
        for line in lines {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var row: [String: String] = [:]
            for (h, c) in zip(header, cells) { row[h] = c }
            out[row["touchpoint"]!] = ["responses", "promoters", "passives", "detractors", "positive", "neutral", "negative"].map { Int(row[$0]!) ?? -1 }
        }
        return out
    }

    @Test(.enabled(if: OptionalTools.duckdbPython != nil, "no Python with duckdb (run scripts/test-setup.sh)"), arguments: examples)
    func duckDBMatchesTheJoin(_ name: String) throws {
        let python = try #require(OptionalTools.duckdbPython)
        let journey = "journeys/\(name).journey"
        let sql = try CLI.run(["sql", journey, "--dialect", "duckdb"])
        #expect(sql.status == 0)
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try sql.stdout.write(toFile: "\(dir)/q.sql", atomically: true, encoding: .utf8)
        let script = """
            import duckdb, sys, csv
            con = duckdb.connect()
            path = sys.argv[1].replace("'", "''")
            con.execute(f"CREATE VIEW feedback AS SELECT * FROM read_csv_auto('{path}', header=true)")
            cur = con.execute(open(sys.argv[2]).read())
            w = csv.writer(sys.stdout, lineterminator="\\n")
            w.writerow([d[0] for d in cur.description])
            for r in cur.fetchall(): w.writerow([int(x) if isinstance(x, float) and x.is_integer() else x for x in r])
            """
        try script.write(toFile: "\(dir)/run.py", atomically: true, encoding: .utf8)
        try Self.expectEngineMatches(journey, python, ["\(dir)/run.py", Repo.path("journeys/\(name).feedback.csv"), "\(dir)/q.sql"])
    }

    /// Runs the engine's command (its standard output: the aggregate table as CSV) and compares
    /// its totals with the in-process join.
    static func expectEngineMatches(_ journey: String, _ executable: String, _ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let engine = parse(String(decoding: data, as: UTF8.self))
        #expect(!engine.isEmpty)
        #expect(engine == (try inProcess(journey)))
    }

    @Test(.enabled(if: OptionalTools.hasPostgres, "PostgreSQL is not installed (run scripts/test-setup.sh)"), arguments: examples)
    func postgreSQLMatchesTheJoin(_ name: String) throws {
        let journey = "journeys/\(name).journey"
        let sql = try CLI.run(["sql", journey, "--dialect", "postgres"])
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try sql.stdout.write(toFile: "\(dir)/q.sql", atomically: true, encoding: .utf8)
        try """
            CREATE TABLE feedback (touchpoint text, date text, segment text, channel text, nps numeric, csat numeric,
                                   ces numeric, sentiment text, category text, comment text);
            """.write(toFile: "\(dir)/table.sql", atomically: true, encoding: .utf8)
        try Self.expectEngineMatches(journey, "/bin/bash",
                                     [Repo.path("scripts/pg-query.sh"), "\(dir)/table.sql", Repo.path("journeys/\(name).feedback.csv"), "\(dir)/q.sql"])
    }
}
