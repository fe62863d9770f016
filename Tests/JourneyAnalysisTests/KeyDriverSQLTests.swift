import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyTestSupport
import Testing

/// The moments query (`FeedbackSQL.moments`) run in DuckDB and PostgreSQL on the Skytrax
/// lounge reviews, read back through `format moments`: the drivers equal the in-process ones.
@Suite struct KeyDriverSQLTests {
    static let r = SourceRange.file("t.journey")
    static let ratings = [
        ("comfort", "comfort_rating"), ("cleanliness", "cleanliness_rating"), ("bar", "bar_beverages_rating"),
        ("catering", "catering_rating"), ("washrooms", "washrooms_rating"), ("wifi", "wifi_connectivity_rating"),
        ("staff", "staff_service_rating"),
    ]

    static func journey(_ sources: [FeedbackSource]) -> Journey {
        let tps = ratings.map { Touchpoint(id: $0.0, title: $0.0, stageID: "lounge", owner: "ops", range: r) }
        return Journey(
            id: "lounge", title: "Lounge", departments: [Department(id: "ops", title: "Ops", range: r)],
            stages: [Stage(id: "lounge", title: "Lounge", touchpoints: tps, range: r)],
            feedback: sources, sourceFile: "t.journey", range: r)
    }

    /// The two cases: 0 means "not rated" (missing code) with the 1–10 overall rating as the
    /// outcome; or no missing code (a rating of 0 is outside 1..5 and leaves the row out) with
    /// the binary `recommended` (1 = yes) as the outcome.
    static func wide(_ path: String, outcome: String) -> FeedbackSource {
        var s = FeedbackSource(path: path, resolvedPath: path, format: .wide, columns: [:], categoryRules: [], range: r)
        s.ratings = ratings.map { RatingColumn(touchpoint: $0.0, column: $0.1, range: r) }
        if outcome == "recommended" {
            s.outcomes = [OutcomeDeclaration(id: "recommended", column: "recommended", kind: .binary(yes: ["1"]), range: r)]
        } else {
            s.missingValues = ["0"]
            s.outcomes = [OutcomeDeclaration(id: "overall", column: "overall_rating", kind: .scale(Scale(min: 1, max: 10)), range: r)]
        }
        return s
    }

    /// The wide rules applied by hand to the CSV (blank and missing codes are not answered; a
    /// rating outside 1..5 or a bad outcome leaves the row out): the in-process reference.
    static func reference(_ source: FeedbackSource) throws -> DriverMoments {
        let out = source.outcomes[0]
        var m = DriverMoments(variables: source.ratings.map(\.touchpoint) + [out.id])
        var reader = try CSVReader(path: source.resolvedPath, delimiter: ",")
        var columns: [Int] = []
        try reader.forEachRow { row in
            if columns.isEmpty {
                let header = (0..<row.fieldCount).map { row.string($0) }
                columns = (source.ratings.map(\.column) + [out.column]).map { header.firstIndex(of: $0)! }
                return true
            }
            var values: [Double] = []
            for (v, c) in columns.enumerated() {
                let t = row.string(c).trimmingCharacters(in: .whitespaces)
                let x = Double(t)
                if t.isEmpty || source.missingValues.contains(where: { $0 == t.lowercased() || (x != nil && Double($0) == x) }) {
                    values.append(.nan)
                } else if v < source.ratings.count {
                    guard let x, x >= 1, x <= 5 else { return true }  // the row is left out
                    values.append(x)
                } else if case .binary(let yes) = out.kind {
                    values.append(yes.contains(t.lowercased()) ? 1 : 0)
                } else {
                    guard let x, x >= 1, x <= 10 else { return true }
                    values.append(x)
                }
            }
            m.add(values, key: UInt64(row.line))
            return true
        }
        return m
    }

    /// The streaming wide join's moments, which must equal the hand-applied rules exactly
    /// (same respondents, same line keys, so the same random groups).
    static func inProcess(_ source: FeedbackSource) throws -> KeyDriverReport {
        let (m, diags) = FeedbackJoin.run(journey([source]))
        #expect(!diags.contains { $0.severity == .error }, "\(diags.map(\.message))")
        let o = source.outcomes[0]
        let joined = try #require(m.driverMoments[o.id])
        #expect(joined == (try reference(source)))
        return try #require(KeyDriverAnalysis.analyse(joined, kind: o.kind, outcomeID: o.id))
    }

    /// Joins an engine's moments CSV through `format moments` and analyses it.
    static func drivers(fromMoments csv: String, outcome: OutcomeDeclaration) throws -> KeyDriverReport {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("moments-\(UUID().uuidString).csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var source = FeedbackSource(path: path, resolvedPath: path, format: .moments, columns: [:], categoryRules: [], range: r)
        source.outcomes = [outcome]
        let (m, diags) = FeedbackJoin.run(journey([source]))
        #expect(!diags.contains { $0.severity == .error || $0.severity == .warning }, "\(diags.map(\.message))")
        #expect(m.accounting.rejected == 0 && m.accounting.unmatched == 0)
        let moments = try #require(m.driverMoments[outcome.id])
        return try #require(KeyDriverAnalysis.analyse(moments, kind: outcome.kind, outcomeID: outcome.id))
    }

    static func expectSamePoints(_ engine: KeyDriverReport, _ local: KeyDriverReport) throws {
        #expect(engine.respondents == local.respondents)
        #expect(engine.smallestPairN == local.smallestPairN)
        #expect(engine.drivers.map(\.touchpointID) == local.drivers.map(\.touchpointID))
        #expect(abs(try #require(engine.rSquared).value - (try #require(local.rSquared).value)) < 1e-9)
        for (a, b) in zip(engine.drivers, local.drivers) {
            #expect(a.n == b.n)
            #expect(abs(a.importance.value - b.importance.value) < 1e-9)
            #expect(abs(a.rawWeight - b.rawWeight) < 1e-9)
            #expect(abs(a.correlation - b.correlation) < 1e-9)
            // Different random groups (the engine's hash or row number vs SplitMix64 of the
            // line): the intervals are other draws of the same bootstrap, not equal figures.
            #expect(a.importance.low < a.importance.value + 5 && a.importance.high > a.importance.value - 5)
        }
    }

    static let ready = FileManager.default.fileExists(atPath: KeyDriverNumpyTests.lounge)

    @Test(
        .enabled(if: ready && OptionalTools.duckdbPython != nil, "needs DuckDB in .venv-test (scripts/test-setup.sh)"),
        arguments: ["overall", "recommended"])
    func duckDBMomentsGiveTheSameDrivers(_ outcome: String) throws {
        let source = Self.wide(KeyDriverNumpyTests.lounge, outcome: outcome)
        let sql = try FeedbackSQL.moments(Self.journey([source]), source: source, table: "feedback", dialect: .duckdb)
        let csv = try Self.runDuckDB(sql, data: KeyDriverNumpyTests.lounge)
        let local = try Self.inProcess(source)
        #expect(local.drivers.count == 7)
        try Self.expectSamePoints(try Self.drivers(fromMoments: csv, outcome: source.outcomes[0]), local)
    }

    @Test(
        .enabled(if: ready && OptionalTools.hasPostgres, "needs PostgreSQL (scripts/test-setup.sh)"),
        arguments: ["overall", "recommended"])
    func postgreSQLMomentsGiveTheSameDrivers(_ outcome: String) throws {
        let source = Self.wide(KeyDriverNumpyTests.lounge, outcome: outcome)
        let sql = try FeedbackSQL.moments(Self.journey([source]), source: source, table: "feedback", dialect: .postgres)
        let csv = try Self.runPostgres(sql, data: KeyDriverNumpyTests.lounge)
        let local = try Self.inProcess(source)
        try Self.expectSamePoints(try Self.drivers(fromMoments: csv, outcome: source.outcomes[0]), local)
    }

    /// Planted respondents with an id column: the engines group by their own hash of the id.
    static func plantedWithIDs() throws -> (FeedbackSource, String) {
        let data = PlantedDriverData(respondents: 800, binary: true)
        var csv = "respondent," + PlantedDriverData.touchpoints.joined(separator: ",") + ",satisfied\n"
        for (i, row) in data.rows.enumerated() {
            let cells = row.dropLast().map { $0.isNaN ? "" : String(Int($0)) }
            csv += "r-\(i + 1)," + cells.joined(separator: ",") + "," + (row.last == 1 ? "yes" : "no") + "\n"
        }
        let path = try tempDir() + "/planted.csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        var s = FeedbackSource(path: path, resolvedPath: path, format: .wide, columns: [:], categoryRules: [], range: r)
        s.respondentColumn = "respondent"
        s.ratings = PlantedDriverData.touchpoints.map { RatingColumn(touchpoint: $0, column: $0, range: r) }
        s.outcomes = [OutcomeDeclaration(id: "satisfied", column: "satisfied", kind: .binary(yes: ["yes"]), range: r)]
        return (s, path)
    }

    static func plantedJourney(_ sources: [FeedbackSource]) -> Journey {
        let tps = PlantedDriverData.touchpoints.map { Touchpoint(id: $0, title: $0, stageID: "s", owner: "ops", range: r) }
        return Journey(
            id: "planted", title: "Planted", departments: [Department(id: "ops", title: "Ops", range: r)],
            stages: [Stage(id: "s", title: "S", touchpoints: tps, range: r)], feedback: sources, sourceFile: "t.journey", range: r)
    }

    @Test(
        .enabled(if: OptionalTools.duckdbPython != nil || OptionalTools.hasPostgres, "needs DuckDB or PostgreSQL (scripts/test-setup.sh)"))
    func respondentIDsAreHashedIntoGroups() throws {
        let (source, path) = try Self.plantedWithIDs()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let (m, _) = FeedbackJoin.run(Self.plantedJourney([source]))
        let o = source.outcomes[0]
        let joined = try #require(m.driverMoments[o.id])
        let local = try #require(KeyDriverAnalysis.analyse(joined, kind: o.kind, outcomeID: o.id))
        #expect(local.drivers.first?.touchpointID == "staff" && local.drivers.last?.touchpointID == "decoy")
        var engines: [String] = []
        if OptionalTools.duckdbPython != nil {
            engines.append(
                try Self.runDuckDB(
                    try FeedbackSQL.moments(Self.plantedJourney([source]), source: source, table: "feedback", dialect: .duckdb), data: path)
            )
        }
        if OptionalTools.hasPostgres {
            engines.append(
                try Self.runPostgres(
                    try FeedbackSQL.moments(Self.plantedJourney([source]), source: source, table: "feedback", dialect: .postgres),
                    data: path))
        }
        for csv in engines {
            #expect(csv.contains("\n0,") && csv.contains("\n199,"))  // the hash spreads ids over all 200 groups
            let mpath = (path as NSString).deletingLastPathComponent + "/moments.csv"
            try csv.write(toFile: mpath, atomically: true, encoding: .utf8)
            var ms = FeedbackSource(path: mpath, resolvedPath: mpath, format: .moments, columns: [:], categoryRules: [], range: Self.r)
            ms.outcomes = [o]
            let (em, diags) = FeedbackJoin.run(Self.plantedJourney([ms]))
            #expect(!diags.contains { $0.severity != .note }, "\(diags.map(\.message))")
            let read = try #require(em.driverMoments[o.id])
            let engine = try #require(KeyDriverAnalysis.analyse(read, kind: o.kind, outcomeID: o.id))
            try Self.expectSamePoints(engine, local)
        }
    }

    static func runDuckDB(_ sql: String, data: String) throws -> String {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try sql.write(toFile: dir + "/q.sql", atomically: true, encoding: .utf8)
        try """
        import duckdb, sys, csv
        con = duckdb.connect()
        path = sys.argv[1].replace("'", "''")
        # Text columns, as a survey export lands (read_csv_auto would make yes/no a BOOLEAN,
        # which casts to 'true'/'false': see docs/feedback.md#moments-sql).
        con.execute(f"CREATE VIEW feedback AS SELECT * FROM read_csv_auto('{path}', header=true, all_varchar=true)")
        cur = con.execute(open(sys.argv[2]).read())
        w = csv.writer(sys.stdout, lineterminator="\\n")
        w.writerow([d[0] for d in cur.description])
        for r in cur.fetchall(): w.writerow([repr(x) if isinstance(x, float) else x for x in r])
        """.write(toFile: dir + "/run.py", atomically: true, encoding: .utf8)
        return try run(try #require(OptionalTools.duckdbPython), [dir + "/run.py", data, dir + "/q.sql"])
    }

    static func runPostgres(_ sql: String, data: String) throws -> String {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try sql.write(toFile: dir + "/q.sql", atomically: true, encoding: .utf8)
        // Every column as text, as a warehouse landing table often is: the query casts.
        let header = try String(contentsOfFile: data, encoding: .utf8).prefix { $0 != "\n" }
        let columns = header.split(separator: ",").map { "\($0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r"))) text" }
        try "CREATE TABLE feedback (\(columns.map { "\"\($0.dropLast(5))\" text" }.joined(separator: ", ")));"
            .write(toFile: dir + "/table.sql", atomically: true, encoding: .utf8)
        return try run("/bin/bash", [Repo.path("scripts/pg-query.sh"), dir + "/table.sql", data, dir + "/q.sql"])
    }

    static func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jm-sql-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(String(decoding: errData, as: UTF8.self))")
        return String(decoding: data, as: UTF8.self)
    }
}
