import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyTestSupport
import Testing

/// Period changes against independent implementations: numpy recomputes every difference and
/// interval of a planted CSV from its raw rows, and DuckDB counts the Skytrax lounge reviews
/// per quarter that the periods report.
@Suite struct ChangeDetectionIndependentTests {
    static let r = SourceRange.file("trend.journey")
    static let lounge = Repo.sharedData("skytrax/lounge.csv")
    static let aspects = ["comfort", "cleanliness", "bar_beverages", "catering", "washrooms", "wifi_connectivity", "staff_service"]

    static func journey(_ ids: [String], _ source: FeedbackSource) -> Journey {
        let tps = ids.map { Touchpoint(id: $0, title: $0, stageID: "all", owner: "ops", range: r) }
        return Journey(
            id: "trend", title: "Trend", departments: [Department(id: "ops", title: "Ops", range: r)],
            stages: [Stage(id: "all", title: "All", touchpoints: tps, range: r)], feedback: [source], sourceFile: "trend.journey",
            range: r)
    }

    static func run(_ python: String, _ script: String, _ args: [String]) throws -> [[String: Any]] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", script] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    /// A planted CSV: two touchpoints over three months, 200 answers each per month, the gate's
    /// NPS dropping in March. Deterministic (a linear congruential generator).
    static func plantedCSV() -> String {
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var csv = "touchpoint,date,nps,csat\n"
        for (month, drop) in [("01", 0), ("02", 0), ("03", 3)] {
            for tp in ["gate", "lounge"] {
                for i in 0..<200 {
                    let shift = tp == "gate" ? drop : 0
                    let nps = max(0, min(10, next() % 11 + 2 - shift))
                    let csat = max(1, min(5, next() % 5 + 1 + (next() % 3 == 0 ? 1 : 0) - (shift > 0 && i % 2 == 0 ? 1 : 0)))
                    csv += "\(tp),2025-\(month)-\(String(format: "%02d", i % 28 + 1)),\(nps),\(csat)\n"
                }
            }
        }
        return csv
    }

    /// numpy, reading the CSV with Python's csv module: per month and touchpoint, promoters and
    /// detractors, the adjusted-Wald interval of the difference of two NPS, top-two-box CSAT and
    /// the Agresti–Caffo interval, each with its two-sided normal p-value.
    static let script = #"""
        import csv, json, math, sys
        import numpy as np
        rows = list(csv.DictReader(open(sys.argv[1], newline="")))
        z = 1.959964  # the package's MetricsMath.z
        out = []
        for tp in ["gate", "lounge"]:
            by = {}
            for m in ["2025-01", "2025-02", "2025-03"]:
                nps = np.array([int(r["nps"]) for r in rows if r["touchpoint"] == tp and r["date"].startswith(m)])
                csat = np.array([int(r["csat"]) for r in rows if r["touchpoint"] == tp and r["date"].startswith(m)])
                by[m] = (nps, csat)
            for a, b in [("2025-01", "2025-02"), ("2025-02", "2025-03")]:
                def adj(x):
                    n = len(x) + 3
                    p = (np.sum(x >= 9) + 0.75) / n
                    d = (np.sum(x <= 6) + 0.75) / n
                    return 100 * (p - d), 1e4 * (p + d - (p - d) ** 2) / n
                (va, sa), (vb, sb) = adj(by[a][0]), adj(by[b][0])
                se = math.sqrt(sa + sb)
                raw = lambda x: 100 * (np.sum(x >= 9) - np.sum(x <= 6)) / len(x)
                out.append({"tp": tp, "metric": "nps", "from": a, "to": b, "value": raw(by[b][0]) - raw(by[a][0]),
                            "low": vb - va - z * se, "high": vb - va + z * se, "p": math.erfc(abs(vb - va) / se / math.sqrt(2)),
                            "nBefore": len(by[a][0]), "nAfter": len(by[b][0])})
                ka, na = np.sum(by[a][1] >= 4), len(by[a][1])
                kb, nb = np.sum(by[b][1] >= 4), len(by[b][1])
                pa, pb = (ka + 1) / (na + 2), (kb + 1) / (nb + 2)
                se = math.sqrt(pa * (1 - pa) / (na + 2) + pb * (1 - pb) / (nb + 2))
                out.append({"tp": tp, "metric": "csat-top-box", "from": a, "to": b, "value": 100 * (kb / nb - ka / na),
                            "low": 100 * (pb - pa - z * se), "high": 100 * (pb - pa + z * se),
                            "p": math.erfc(abs(pb - pa) / se / math.sqrt(2)), "nBefore": int(na), "nAfter": int(nb)})
        print(json.dumps(out))
        """#

    /// Every NPS and top-box comparison of both touchpoints (difference, interval, p-value, n)
    /// equals numpy's to 1e-9, and the planted drop at the gate is flagged as a regression.
    @Test(.enabled(if: OptionalTools.numpyPython != nil, "needs numpy in .venv-test (scripts/test-setup.sh)"))
    func periodDifferencesMatchNumpy() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trend-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/planted.csv"
        try Self.plantedCSV().write(toFile: path, atomically: true, encoding: .utf8)
        let j = Self.journey(["gate", "lounge"], FeedbackSource(path: path, resolvedPath: path, range: Self.r))
        let (_, periods, diags) = FeedbackPeriods.run(j, unit: .month)
        #expect(!diags.hasErrors, "\(diags)")
        #expect(periods.periods.map(\.label) == ["2025-01", "2025-02", "2025-03"])
        let report = ChangeDetection.periods(periods)
        let rows = try Self.run(try #require(OptionalTools.numpyPython), Self.script, [path])
        #expect(rows.count == 8)
        for row in rows {
            let (tp, metric) = (row["tp"] as! String, row["metric"] as! String)
            let place = "\(tp) \(metric) \(row["from"]!)→\(row["to"]!)"
            let c = try #require(
                report.tests.first {
                    $0.scope == PeriodScope(.touchpoint, tp) && $0.metric.rawValue == metric && $0.from == row["from"] as! String
                        && $0.to == row["to"] as! String
                }, "\(place)")
            #expect(abs(c.difference.value - (row["value"] as! Double)) < 1e-9, "\(place)")
            #expect(abs(c.difference.low - (row["low"] as! Double)) < 1e-9, "\(place)")
            #expect(abs(c.difference.high - (row["high"] as! Double)) < 1e-9, "\(place)")
            let p = row["p"] as! Double
            #expect(abs(c.pValue - p) <= 1e-12 + 1e-9 * p, "\(place)")
            #expect(c.nBefore == row["nBefore"] as! Int && c.nAfter == row["nAfter"] as! Int, "\(place)")
        }
        let drop = try #require(
            report.significant.first { $0.scope == PeriodScope(.touchpoint, "gate") && $0.metric == .nps && $0.to == "2025-03" })
        #expect(drop.isRegression && drop.difference.high < 0)
        #expect(!report.significant.contains { $0.scope == PeriodScope(.touchpoint, "lounge") }, "nothing planted at the lounge")
    }

    /// DuckDB over the raw file: per quarter, the reviews with at least one answered aspect
    /// (blank and 0 are not answered).
    static func duckdbScript(_ columns: [String]) -> String {
        let answered = columns.map { "(TRY_CAST(NULLIF(trim(\($0)_rating), '') AS DOUBLE) <> 0)" }.joined(separator: " OR ")
        return #"""
            import duckdb, json, sys
            rows = duckdb.sql(f"""
              SELECT strftime(CAST(trim(date) AS DATE), '%Y') || '-Q' || CAST(quarter(CAST(trim(date) AS DATE)) AS VARCHAR) AS q,
                     count(*) AS n
              FROM read_csv('{sys.argv[1]}', all_varchar = true, header = true)
              WHERE \#(answered)
              GROUP BY q ORDER BY q""").fetchall()
            print(json.dumps([{"period": q, "n": n} for q, n in rows]))
            """#
    }

    /// Skytrax lounge reviews (2006–2015) by quarter: every quarter's n equals DuckDB's count of
    /// its reviews, quarters with too few reviews are shown with their n, the periods add up to the
    /// whole, and every comparison made has both sides' n ≥ 30 and an interval around its
    /// difference; the correction keeps the number of flagged changes far below the tests made.
    @Test(
        .enabled(if: lounge != nil, "needs ../shared/data/skytrax/lounge.csv (or JOURNEYMAP_SHARED)"),
        .enabled(if: OptionalTools.duckdbPython != nil, "needs duckdb in .venv-test (scripts/test-setup.sh)"))
    func loungeByQuarterMatchesDuckDB() throws {
        let path = try #require(Self.lounge)
        var source = FeedbackSource(path: path, resolvedPath: path, format: .wide, columns: [:], range: Self.r)
        source.ratings = Self.aspects.map {
            RatingColumn(touchpoint: $0, column: $0 + "_rating", scale: Scale(min: 1, max: 5), range: Self.r)
        }
        source.missingValues = ["0"]
        let j = Self.journey(Self.aspects, source)
        let (all, periods, diags) = FeedbackPeriods.run(j, unit: .quarter)
        #expect(!diags.hasErrors)
        #expect(periods.periods.first?.label == all.firstDate.flatMap { Period.containing($0, unit: .quarter)?.label })
        let rows = try Self.run(try #require(OptionalTools.duckdbPython), Self.duckdbScript(Self.aspects), [path])
        let counted = Dictionary(uniqueKeysWithValues: rows.map { ($0["period"] as! String, $0["n"] as! Int) })
        #expect(counted.count > 30, "reviews in more than 30 quarters")
        for point in periods.journey.points {
            #expect(point.n == counted[point.period.label, default: 0], "\(point.period.label)")
            #expect(point.tooFew == (point.n < 30))
        }
        #expect(
            periods.periods.count == Period.all(from: try #require(all.firstDate), to: try #require(all.lastDate), unit: .quarter).count)
        #expect(periods.journey.points.contains { $0.tooFew && $0.n > 0 }, "a quarter with too few reviews is shown with its n")
        #expect(periods.journey.points.map(\.n).reduce(0, +) + periods.undatedRespondents == all.journey.respondents)

        let report = ChangeDetection.periods(periods)
        #expect(report.tests.count > 100 && report.skippedTooFew > 0)
        for c in report.tests {
            #expect(c.nBefore >= 30 && c.nAfter >= 30)
            #expect(c.difference.low < c.difference.value && c.difference.value < c.difference.high, "\(c.scope.id) \(c.to)")
            #expect(c.adjustedP >= c.pValue)
        }
        for c in report.significant { #expect(c.difference.low > 0 || c.difference.high < 0, "flagged: the interval excludes 0") }
    }

    /// Skytrax lounge reviews by calendar year (2006–2015, issue 12): every year's n equals
    /// DuckDB's count of its reviews and each aspect's CSAT mean equals DuckDB's average of its
    /// answered ratings (1e-9); the years are the calendar's, labelled `2015`.
    @Test(
        .enabled(if: lounge != nil, "needs ../shared/data/skytrax/lounge.csv (or JOURNEYMAP_SHARED)"),
        .enabled(if: OptionalTools.duckdbPython != nil, "needs duckdb in .venv-test (scripts/test-setup.sh)"))
    func loungeByYearMatchesDuckDB() throws {
        let path = try #require(Self.lounge)
        var source = FeedbackSource(path: path, resolvedPath: path, format: .wide, columns: [:], range: Self.r)
        source.ratings = Self.aspects.map {
            RatingColumn(touchpoint: $0, column: $0 + "_rating", scale: Scale(min: 1, max: 5), range: Self.r)
        }
        source.missingValues = ["0"]
        let j = Self.journey(Self.aspects, source)
        let (_, periods, diags) = FeedbackPeriods.run(j, unit: .year)
        #expect(!diags.hasErrors)
        let answered = Self.aspects.map { "(TRY_CAST(NULLIF(trim(\($0)_rating), '') AS DOUBLE) <> 0)" }.joined(separator: " OR ")
        let means = Self.aspects.map {
            "avg(CASE WHEN TRY_CAST(NULLIF(trim(\($0)_rating), '') AS DOUBLE) <> 0 THEN TRY_CAST(NULLIF(trim(\($0)_rating), '') AS DOUBLE) END) AS \($0)"
        }.joined(separator: ", ")
        let script = #"""
            import duckdb, json, sys
            cur = duckdb.sql(f"""
              SELECT strftime(CAST(trim(date) AS DATE), '%Y') AS y, count(*) AS n, \#(means)
              FROM read_csv('{sys.argv[1]}', all_varchar = true, header = true)
              WHERE \#(answered)
              GROUP BY y ORDER BY y""")
            names = [d[0] for d in cur.description]
            print(json.dumps([dict(zip(names, r)) for r in cur.fetchall()]))
            """#
        let rows = try Self.run(try #require(OptionalTools.duckdbPython), script, [path])
        let byYear = Dictionary(uniqueKeysWithValues: rows.map { ($0["y"] as! String, $0) })
        #expect(periods.periods.map(\.label) == (2006...2015).map(String.init), "\(periods.periods.map(\.label))")
        #expect(periods.periods.first?.first == "2006-01-01" && periods.periods.last?.last == "2015-12-31")
        for point in periods.journey.points {
            #expect(point.n == byYear[point.period.label]?["n"] as? Int ?? 0, "\(point.period.label)")
        }
        for aspect in Self.aspects {
            let series = try #require(periods.byTouchpoint[aspect])
            for point in series.points {
                let expected = byYear[point.period.label]?[aspect] as? Double
                #expect(
                    (point.csatMean?.value).map { e in expected.map { abs($0 - e) < 1e-9 } ?? false } ?? (expected == nil),
                    "\(aspect) \(point.period.label)")
            }
        }
    }
}
