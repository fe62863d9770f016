import Foundation
import JourneyFeedback
import JourneyTestSupport
import Testing

/// `journeymap sql --query periods` run in DuckDB and PostgreSQL: each period's rows, read
/// back through `format aggregate`, give the figures (counts, NPS, means and every interval,
/// per touchpoint, stage and journey) of the in-process join limited to that period's days
/// (`metrics --since FIRST --until LAST`).
@Suite struct PeriodSQLTests {
    static let periods = ["month", "quarter", "week", "year"]
    static let examples = ["online-return", "bank-account"]

    /// Dates at the edges of ISO weeks and years, with times, a leading space, and dates the
    /// join rejects (not on the calendar, not ISO): the rejected ones are in no period.
    static let planted = """
        touchpoint,date,segment,channel,nps,csat,ces,sentiment,category,comment
        policy,2015-12-31,,,9,5,2,positive,,
        policy,2016-01-03,,,3,2,6,negative,,
        policy,2016-01-04,,,7,4,3,neutral,,
        label,2018-12-31,,,10,5,1,positive,,
        label,2019-01-06 23:59:59,,,6,3,4,negative,,
        label,2020-12-31T08:00:00Z,,,8,4,2,neutral,,
        label,2021-01-01,,,9,5,,,,
        label, 2021-01-03,,,2,1,7,negative,,
        policy,2024-02-29,,,10,5,1,positive,,
        policy,2015-02-24 11:35:52 -0800,,,5,2,5,negative,,
        policy,2015-03-31,,,8,,,,,
        policy,2015-04-01,,,9,4,2,positive,,
        policy,2015-02-29,,,0,1,7,negative,,
        policy,2015/03/01,,,0,1,7,negative,,

        """

    /// The labels the planted dates must get (ISO weeks checked by hand against a calendar).
    static let plantedLabels = [
        "week": [
            "2015-W09", "2015-W14", "2015-W53", "2016-W01", "2019-W01", "2020-W53", "2024-W09",
        ],
        "month": ["2015-02", "2015-03", "2015-04", "2015-12", "2016-01", "2018-12", "2019-01", "2020-12", "2021-01", "2024-02"],
        "quarter": ["2015-Q1", "2015-Q2", "2015-Q4", "2016-Q1", "2018-Q4", "2019-Q1", "2020-Q4", "2021-Q1", "2024-Q1"],
        "year": ["2015", "2016", "2018", "2019", "2020", "2021", "2024"],
    ]

    /// The in-process periods (`Period`, which the trend views group by) give the planted
    /// dates the same labels, and each label's days are Foundation's.
    @Test(arguments: periods)
    func theInProcessPeriodsAgree(_ period: String) throws {
        let unit = try #require(PeriodUnit(rawValue: period))
        var labels = Set<String>()
        for line in Self.planted.split(separator: "\n").dropFirst() {
            let date = String(line.split(separator: ",", omittingEmptySubsequences: false)[1]).trimmingCharacters(in: .whitespaces)
            guard let p = Period.containing(date, unit: unit) else { continue }
            labels.insert(p.label)
            let (first, last) = try Self.days(p.label)
            #expect(p.first == first && p.last == last, "\(p.label)")
        }
        #expect(labels.sorted() == Self.plantedLabels[period])
    }

    /// A folder with `raw.journey` (the example's journey reading `data.csv`) and
    /// `agg.journey` (the same journey reading `agg.csv` as `format aggregate`).
    static func folder(_ example: String, data: String? = nil) throws -> String {
        let dir = try CLI.tempDir()
        // The examples include shared/org.journey beside them.
        try FileManager.default.copyItem(atPath: Repo.path("journeys/shared"), toPath: dir + "/shared")
        let text = try String(contentsOfFile: Repo.path("journeys/\(example).journey"), encoding: .utf8)
        let line = "feedback \"\(example).feedback.csv\""
        #expect(text.contains(line))
        try text.replacingOccurrences(of: line, with: "feedback \"data.csv\"").write(
            toFile: dir + "/raw.journey", atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: line, with: "feedback \"agg.csv\" { format aggregate }").write(
            toFile: dir + "/agg.journey", atomically: true, encoding: .utf8)
        if let data {
            try data.write(toFile: dir + "/data.csv", atomically: true, encoding: .utf8)
        } else {
            try FileManager.default.copyItem(atPath: Repo.path("journeys/\(example).feedback.csv"), toPath: dir + "/data.csv")
        }
        return dir
    }

    /// The first and last day of a period label, from Foundation's calendars (ISO 8601 for weeks).
    static func days(_ label: String) throws -> (String, String) {
        let parts = label.split(separator: "-").map(String.init)
        let year = try #require(Int(parts[0]))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var first = DateComponents(), days = 0
        if parts.count == 1 {
            first = DateComponents(year: year, month: 1, day: 1)
            let start = try #require(calendar.date(from: first))
            let end = try #require(calendar.date(byAdding: .year, value: 1, to: start))
            days = try #require(calendar.dateComponents([.day], from: start, to: end).day)
        } else if parts[1].hasPrefix("W") {
            var iso = Calendar(identifier: .iso8601)
            iso.timeZone = calendar.timeZone
            let start = try #require(
                iso.date(from: DateComponents(weekday: 2, weekOfYear: Int(parts[1].dropFirst()), yearForWeekOfYear: year)))
            first = calendar.dateComponents([.year, .month, .day], from: start)
            days = 7
        } else {
            let months = parts[1].hasPrefix("Q") ? 3 : 1
            let month = parts[1].hasPrefix("Q") ? (try #require(Int(parts[1].dropFirst())) - 1) * 3 + 1 : try #require(Int(parts[1]))
            first = DateComponents(year: year, month: month, day: 1)
            let start = try #require(calendar.date(from: first))
            let end = try #require(calendar.date(byAdding: .month, value: months, to: start))
            days = try #require(calendar.dateComponents([.day], from: start, to: end).day)
        }
        let start = try #require(calendar.date(from: first))
        let last = try #require(calendar.date(byAdding: .day, value: days - 1, to: start))
        func text(_ d: Date) -> String {
            let c = calendar.dateComponents([.year, .month, .day], from: d)
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }
        return (text(start), text(last))
    }

    /// Per group (level and id): the figures `metrics --format json` prints that a read-back
    /// aggregate must reproduce.
    static func figures(_ arguments: [String]) throws -> [String: String] {
        let r = try CLI.run(["metrics"] + arguments + ["--by", "touchpoint", "--by", "stage", "--by", "journey", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r.stderr)")
        let keys = [
            "responses", "respondents", "promoters", "passives", "detractors", "sentiment", "nps", "csatMean", "csatMeanInterval",
            "csatTopBox", "cesMean", "cesMeanInterval", "cesEasy", "negativeShare", "measuredEmotion",
        ]
        var out: [String: String] = [:]
        for g in doc["groups"] as? [[String: Any]] ?? [] {
            let picked = g.filter { keys.contains($0.key) }
            let json = try JSONSerialization.data(withJSONObject: picked, options: [.sortedKeys])
            out["\(g["level"]!) \(g["id"]!)"] = String(decoding: json, as: UTF8.self)
        }
        return out
    }

    /// The engine's result (CSV, first column `period`) split by period: each period's rows,
    /// read back with `format aggregate`, must give the in-process figures of its days.
    /// Returns the labels, in order.
    @discardableResult
    static func expectPeriodsMatch(_ dir: String, _ csv: String) throws -> [String] {
        var lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("period,touchpoint,responses,promoters,passives,detractors,csat_sum") == true, "\(csv)")
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst()
        var byPeriod: [String: [String]] = [:]
        for l in lines { byPeriod[String(l.prefix { $0 != "," }), default: []].append(l) }
        var total = 0, intervals = false
        for (label, rows) in byPeriod.sorted(by: { $0.key < $1.key }) {
            try ([header] + rows).joined(separator: "\n").appending("\n").write(toFile: dir + "/agg.csv", atomically: true, encoding: .utf8)
            let (first, last) = try days(label)
            let engine = try figures([dir + "/agg.journey"])
            let join = try figures([dir + "/raw.journey", "--since", first, "--until", last])
            #expect(!engine.isEmpty)
            intervals = intervals || engine.values.contains { $0.contains("csatMeanInterval") }
            #expect(engine == join, "period \(label) (\(first)…\(last))")
            total += rows.reduce(0) { $0 + (Int($1.split(separator: ",")[2]) ?? 0) }
        }
        // No dated row is lost: the periods add up to the join's whole file (minus undated rows,
        // which the examples do not have, and the rejected ones, which the join rejects too).
        let all = try CLI.run(["metrics", dir + "/raw.journey", "--by", "journey", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])
        #expect((doc["groups"] as? [[String: Any]])?.first?["responses"] as? Int == total)
        // The means' intervals come back too (the sums of squares are read), where n ≥ 2.
        #expect(intervals)
        return byPeriod.keys.sorted()
    }

    /// The DuckDB runner: the CSV as a view, the query's result as CSV (floats in full).
    static let duckDBScript = """
        import duckdb, sys, csv
        con = duckdb.connect()
        con.execute("CREATE TABLE feedback AS SELECT * FROM read_csv_auto(?, header=true)", [sys.argv[1]])
        cur = con.execute(open(sys.argv[2]).read())
        w = csv.writer(sys.stdout, lineterminator="\\n")
        w.writerow([d[0] for d in cur.description])
        for r in cur.fetchall(): w.writerow([repr(x) if isinstance(x, float) else x for x in r])
        """

    static func cases() -> [(String, String)] {
        (examples + ["planted"]).flatMap { e in periods.map { (e, $0) } }
    }

    static func prepare(_ example: String, _ period: String, dialect: String) throws -> String {
        let dir = try folder(example == "planted" ? "online-return" : example, data: example == "planted" ? planted : nil)
        let sql = try CLI.run(["sql", dir + "/raw.journey", "--query", "periods", "--period", period, "--dialect", dialect])
        #expect(sql.status == 0, "\(sql.stderr)")
        try sql.stdout.write(toFile: dir + "/q.sql", atomically: true, encoding: .utf8)
        return dir
    }

    @Test(.enabled(if: OptionalTools.duckdbPython != nil, "no Python with duckdb (run scripts/test-setup.sh)"), arguments: cases())
    func duckDBPeriodsMatchTheJoin(_ example: String, _ period: String) throws {
        let dir = try Self.prepare(example, period, dialect: "duckdb")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.duckDBScript.write(toFile: dir + "/run.py", atomically: true, encoding: .utf8)
        let out = try SQLTests.runTool(try #require(OptionalTools.duckdbPython), [dir + "/run.py", dir + "/data.csv", dir + "/q.sql"])
        let labels = try Self.expectPeriodsMatch(dir, out)
        if example == "planted" { #expect(labels == Self.plantedLabels[period]) }
    }

    /// The table as exports often arrive, every column text: the query casts.
    @Test(.enabled(if: OptionalTools.hasPostgres, "PostgreSQL is not installed (run scripts/test-setup.sh)"), arguments: cases())
    func postgreSQLPeriodsMatchTheJoin(_ example: String, _ period: String) throws {
        let dir = try Self.prepare(example, period, dialect: "postgres")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
        CREATE TABLE feedback (touchpoint text, date text, segment text, channel text, nps numeric, csat numeric,
                               ces numeric, sentiment text, category text, comment text);
        """.write(toFile: "\(dir)/table.sql", atomically: true, encoding: .utf8)
        let out = try SQLTests.runTool(
            "/bin/bash", [Repo.path("scripts/pg-query.sh"), dir + "/table.sql", dir + "/data.csv", dir + "/q.sql"])
        let labels = try Self.expectPeriodsMatch(dir, out)
        if example == "planted" { #expect(labels == Self.plantedLabels[period]) }
    }

    @Test func periodsNeedLongDataAndAKnownPeriod() throws {
        let bad = try CLI.run(["sql", "journeys/online-return.journey", "--query", "periods", "--period", "fortnight"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--period is week, month, quarter or year"))
        let dir = try SQLTests.wideLounge()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let wide = try CLI.run(["sql", dir + "/wide.journey", "--query", "periods"])
        #expect(wide.status == 1)
        #expect(wide.stderr.contains("--query periods needs long data"))
    }
}
