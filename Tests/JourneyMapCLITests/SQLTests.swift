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
            out[g["id"] as! String] = [
                g["responses"] as! Int, g["promoters"] as! Int, g["passives"] as! Int, g["detractors"] as! Int,
                s["positive"] ?? 0, s["neutral"] ?? 0, s["negative"] ?? 0,
            ]
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
            out[row["touchpoint"]!] = ["responses", "promoters", "passives", "detractors", "positive", "neutral", "negative"].map {
                Int(row[$0]!) ?? -1
            }
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
        try Self.expectEngineMatches(
            journey, "/bin/bash",
            [Repo.path("scripts/pg-query.sh"), "\(dir)/table.sql", Repo.path("journeys/\(name).feedback.csv"), "\(dir)/q.sql"])
    }
}

/// `journeymap sql --query moments` on a wide survey (the Skytrax lounge reviews), run in
/// DuckDB and PostgreSQL, read back with `format moments`: `metrics --drivers` gives the same
/// drivers as the streamed wide file (point estimates; the intervals come from other random
/// groups, the engine's hash or row number instead of the join's, so they differ slightly).
extension SQLTests {
    static let lounge = Repo.fixture("skytrax/lounge.csv")
    static let loungeRatings = [
        ("comfort", "comfort_rating"), ("cleanliness", "cleanliness_rating"), ("bar", "bar_beverages_rating"),
        ("catering", "catering_rating"), ("washrooms", "washrooms_rating"), ("wifi", "wifi_connectivity_rating"),
        ("staff", "staff_service_rating"),
    ]

    static func loungeJourney(_ feedback: String) -> String {
        """
        journey lounge "Airport lounge" {
          department ops "Lounge operations"
          stage visit "Visit" {
        \(loungeRatings.map { "    touchpoint \($0.0) \"\($0.0)\" { owner ops }" }.joined(separator: "\n"))
          }
          \(feedback)
        }

        """
    }

    /// Writes the wide journey (lounge.csv copied beside it) and returns its folder.
    static func wideLounge() throws -> String {
        let dir = try CLI.tempDir()
        try FileManager.default.copyItem(atPath: lounge, toPath: dir + "/lounge.csv")
        let block = """
            feedback "lounge.csv" {
                format wide
            \(loungeRatings.map { "    rating \($0.0) = \"\($0.1)\"" }.joined(separator: "\n"))
                missing 0
                outcome overall = "overall_rating" { scale 1..10 }
              }
            """
        try loungeJourney(block).write(toFile: dir + "/wide.journey", atomically: true, encoding: .utf8)
        try loungeJourney("feedback \"moments.csv\" {\n    format moments\n    outcome overall = \"overall\" { scale 1..10 }\n  }")
            .write(toFile: dir + "/moments.journey", atomically: true, encoding: .utf8)
        return dir
    }

    /// touchpoint → [rank, n, importance, raw weight, correlation] and R², from `metrics --drivers --format json`.
    static func drivers(_ journey: String) throws -> [String: [Double]] {
        let r = try CLI.run(["metrics", journey, "--drivers", "--format", "json", "--resamples", "50"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let d = try #require((doc["drivers"] as? [[String: Any]])?.first)
        var out: [String: [Double]] = [
            "R²": [(d["rSquared"] as? [String: Double])?["value"] ?? -1, Double(d["respondents"] as? Int ?? -1)]
        ]
        for t in d["touchpoints"] as? [[String: Any]] ?? [] {
            out[t["touchpoint"] as! String] = [
                Double(t["rank"] as! Int), Double(t["n"] as! Int), (t["importance"] as! [String: Double])["value"]!,
                t["rawWeight"] as! Double, (t["correlation"] as! [String: Double])["value"]!,
            ]
        }
        return out
    }

    static func expectMomentsMatch(_ dir: String, engine: () throws -> String) throws {
        let csv = try engine()
        #expect(csv.hasPrefix("grp,var_i,var_j,n,sum_i,sum_j,sum_ii,sum_jj,sum_ij"))
        try csv.write(toFile: dir + "/moments.csv", atomically: true, encoding: .utf8)
        let streamed = try drivers(dir + "/wide.journey")
        #expect(streamed.count == 8)
        #expect(try drivers(dir + "/moments.journey") == streamed)
    }

    @Test(
        .enabled(
            if: OptionalTools.duckdbPython != nil && FileManager.default.fileExists(atPath: lounge),
            "needs DuckDB (scripts/test-setup.sh) and the Skytrax fixture"))
    func duckDBMomentsGiveTheStreamedDrivers() throws {
        let dir = try Self.wideLounge()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sql = try CLI.run(["sql", dir + "/wide.journey", "--query", "moments", "--dialect", "duckdb"])
        #expect(sql.status == 0, "\(sql.stderr)")
        try sql.stdout.write(toFile: dir + "/q.sql", atomically: true, encoding: .utf8)
        try """
        import duckdb, sys, csv
        con = duckdb.connect()
        path = sys.argv[1].replace("'", "''")
        con.execute(f"CREATE VIEW feedback AS SELECT * FROM read_csv_auto('{path}', header=true)")
        cur = con.execute(open(sys.argv[2]).read())
        w = csv.writer(sys.stdout, lineterminator="\\n")
        w.writerow([d[0] for d in cur.description])
        for r in cur.fetchall(): w.writerow([repr(x) if isinstance(x, float) else x for x in r])
        """.write(toFile: dir + "/run.py", atomically: true, encoding: .utf8)
        try Self.expectMomentsMatch(dir) {
            try Self.runTool(try #require(OptionalTools.duckdbPython), [dir + "/run.py", dir + "/lounge.csv", dir + "/q.sql"])
        }
    }

    @Test(
        .enabled(
            if: OptionalTools.hasPostgres && FileManager.default.fileExists(atPath: lounge),
            "needs PostgreSQL (scripts/test-setup.sh) and the Skytrax fixture"))
    func postgreSQLMomentsGiveTheStreamedDrivers() throws {
        let dir = try Self.wideLounge()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sql = try CLI.run(["sql", dir + "/wide.journey", "--query", "moments", "--dialect", "postgres"])
        #expect(sql.status == 0, "\(sql.stderr)")
        try sql.stdout.write(toFile: dir + "/q.sql", atomically: true, encoding: .utf8)
        // A landing table of text columns, as exports often arrive: the query casts.
        let header = try #require(try String(contentsOfFile: Self.lounge, encoding: .utf8).split(separator: "\n").first)
        let columns = header.split(separator: ",").map { "\"\($0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")))\" text" }
        try "CREATE TABLE feedback (\(columns.joined(separator: ", ")));".write(
            toFile: dir + "/table.sql", atomically: true, encoding: .utf8)
        try Self.expectMomentsMatch(dir) {
            try Self.runTool("/bin/bash", [Repo.path("scripts/pg-query.sh"), dir + "/table.sql", dir + "/lounge.csv", dir + "/q.sql"])
        }
    }

    @Test func momentsQueryNeedsAWideBlockWithAnOutcome() throws {
        let r = try CLI.run(["sql", "journeys/online-return.journey", "--query", "moments"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("needs a wide feedback block"))
        let bad = try CLI.run(["sql", "journeys/online-return.journey", "--query", "everything"])
        #expect(bad.status == 64)
    }

    static func runTool(_ executable: String, _ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}
