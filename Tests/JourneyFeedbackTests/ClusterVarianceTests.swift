import Foundation
import JourneyCore
import JourneyFeedback
import JourneyTestSupport
import Testing

/// The respondent-clustered intervals (docs/feedback.md#intervals) against numpy on planted
/// data and on real reviews, and the t quantile against printed tables.
@Suite struct ClusterVarianceTests {
    static let lounge = Repo.fixture("skytrax/lounge.csv")
    static let loungeRatings = [
        ("staff", "staff_service_rating"), ("comfort", "comfort_rating"), ("clean", "cleanliness_rating"),
        ("bar", "bar_beverages_rating"), ("food", "catering_rating"), ("washrooms", "washrooms_rating"),
        ("wifi", "wifi_connectivity_rating"),
    ]

    static let numpyPython = OptionalTools.numpyPython

    @Test func tQuantilesMatchTheTables() {
        // Student's t, 0.975 quantile (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
        for (df, t) in [(1, 12.7062047), (2, 4.30265273), (5, 2.57058184), (10, 2.22813885), (30, 2.04227246), (1000, 1.96233908)] {
            #expect(abs(MetricsMath.tQuantile975(df: df) - t) < 1e-6, "df \(df)")
        }
    }

    @Test func theClusterVarianceOfOneAnswerEachIsTheSampleVariance() {
        // m_r = 1: V = n/(n−1)·Σ(x − x̄)²/n² = s²/n.
        var c = ClusterSums()
        for x in [1.0, 2, 4, 5] { c.add(sum: x, count: 1) }
        let s2: Double = (4.0 + 1.0 + 1.0 + 4.0) / 3
        #expect(abs((c.variance ?? 0) - s2 / 4) < 1e-12)
        #expect(!c.isClustered)
    }

    /// numpy: per group of columns, the ratio mean and its linearised standard error over
    /// respondents with at least one answer, for the values and for the top-two box (≥ 4).
    static let script = """
        import csv, json, sys
        import numpy as np
        path, groups, codes = sys.argv[1], json.loads(sys.argv[2]), [float(c) for c in json.loads(sys.argv[3])]
        rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
        def value(t):
            t = t.strip()
            if t == "": return np.nan
            x = float(t)
            return np.nan if x in codes else x
        out = {}
        for name, cols in groups.items():
            X = np.array([[value(r[c]) for c in cols] for r in rows])
            answered = ~np.isnan(X)
            m = answered.sum(axis=1).astype(float)
            keep = m > 0
            res = {"n": int(keep.sum()), "answers": int(m.sum())}
            for key, Y in (("mean", np.where(answered, X, 0.0)), ("top", np.where(answered, (X >= 4).astype(float), 0.0))):
                s, mm = Y.sum(axis=1)[keep], m[keep]
                n, mu = len(s), s.sum() / mm.sum()
                var = n / (n - 1) * ((s - mu * mm) ** 2).sum() / mm.sum() ** 2
                res[key], res[key + "_se"] = mu, float(np.sqrt(var))
            out[name] = res
        print(json.dumps(out))
        """

    func numpy(_ csv: String, groups: [String: [String]], codes: [String]) throws -> [String: [String: Double]] {
        let python = try #require(Self.numpyPython)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        let groupsJSON = String(decoding: try JSONSerialization.data(withJSONObject: groups), as: UTF8.self)
        p.arguments = ["-c", Self.script, csv, groupsJSON, "[\(codes.joined(separator: ","))]"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Double]])
        return json
    }

    /// Compares a group's figures with numpy's: n, mean and top box, and the standard errors
    /// recovered from the interval's half width.
    func compare(_ m: Metrics?, _ ref: [String: Double]?, _ label: String) throws {
        let m = try #require(m, "\(label)"), ref = try #require(ref, "\(label)")
        #expect(Double(m.respondents) == ref["n"], "\(label) n")
        #expect(Double(m.csatCount) == ref["answers"], "\(label) answers")
        let t = MetricsMath.tQuantile975(df: m.respondents - 1)
        let mean = try #require(m.csatMeanInterval), top = try #require(m.csatTopBox)
        #expect(abs(mean.value - ref["mean"]!) < 1e-9, "\(label) mean")
        #expect(abs((mean.high - mean.value) / t - ref["mean_se"]!) < 1e-9, "\(label) mean se")
        #expect(abs(top.value / 100 - ref["top"]!) < 1e-9, "\(label) top")
        if m.clusteredByRespondent {
            #expect(abs((top.high - top.value) / 100 / t - ref["top_se"]!) < 1e-9, "\(label) top se")
        } else {
            // One answer per respondent: Agresti–Coull, as for independent answers.
            let k = Int((ref["top"]! * Double(m.csatCount)).rounded())
            #expect(top == MetricsMath.share(k, of: m.csatCount), "\(label) Agresti–Coull")
        }
    }

    /// Planted: 600 respondents, four ratings 1–5 that share a respondent effect (so answers
    /// of one person correlate and the clustered interval must be wider), 20% blank.
    static func planted() -> String {
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var lines = ["id,qa,qb,qc,qd"]
        for r in 0..<600 {
            let effect = (next() - 0.5) * 3
            var cells = ["r\(r)"]
            for _ in 0..<4 {
                if next() < 0.2 { cells.append(""); continue }
                cells.append(String(Int(max(1, min(5, (3 + effect + (next() - 0.5) * 2).rounded())))))
            }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(.enabled(if: numpyPython != nil, "skipped: no numpy in .venv-test (run scripts/test-setup.sh)"))
    func plantedClustersEqualNumpy() throws {
        let path = try Fixture.file(Self.planted())
        defer { try? FileManager.default.removeItem(atPath: path) }
        var src = Fixture.source(path, format: .wide)
        src.respondentColumn = "id"
        src.ratings = [("a", "qa"), ("b", "qb"), ("c", "qc"), ("d", "qd")].map {
            RatingColumn(touchpoint: $0.0, column: $0.1, range: Fixture.r)
        }
        let (m, diags) = FeedbackJoin.run(Fixture.journey([src]))
        #expect(!diags.hasErrors)
        let ref = try numpy(
            path, groups: ["journey": ["qa", "qb", "qc", "qd"], "s1": ["qa", "qb"], "ops": ["qa", "qc"], "a": ["qa"]], codes: [])
        try compare(m.journey, ref["journey"], "journey")
        try compare(m.byStage["s1"], ref["s1"], "stage s1")
        try compare(m.byDepartment["ops"], ref["ops"], "department ops")
        try compare(m.byTouchpoint["a"], ref["a"], "touchpoint a")
        // The planted respondent effect makes answers of one person alike: the clustered
        // interval is wider than one that takes the answers as independent.
        #expect(m.journey.clusteredByRespondent && !(m.byTouchpoint["a"]?.clusteredByRespondent ?? true))
        let ratio = ref["journey"]!["mean_se"]! / naiveStandardError(Self.planted(), columns: [1, 2, 3, 4])
        #expect(ratio > 1.3, "clustered / naive standard error: \(ratio)")
    }

    /// The standard error of the mean taking every answer as independent (s/√answers).
    func naiveStandardError(_ csv: String, columns: [Int]) -> Double {
        var xs: [Double] = []
        for line in csv.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            for c in columns where c < cells.count { if let x = Double(cells[c]) { xs.append(x) } }
        }
        let n = Double(xs.count), mean = xs.reduce(0, +) / n
        let s2 = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
        return (s2 / n).squareRoot()
    }

    @Test(
        .enabled(
            if: numpyPython != nil && FileManager.default.fileExists(atPath: lounge),
            "skipped: no numpy in .venv-test or no Skytrax fixture"))
    func skytraxLoungeJoinsWideAndEqualsNumpy() throws {
        // A journey beside a copy of the reviews (feedback paths stay inside the journey's folder).
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sky-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Self.lounge, toPath: dir + "/lounge.csv")
        let ratings = Self.loungeRatings.map { "    rating \($0.0) = \"\($0.1)\"" }.joined(separator: "\n")
        let text = """
            journey lounge "Airport lounge visit" {
              department ops "Lounge operations"
              department fb "Food and beverage"
              stage arrive "Arrive" {
                touchpoint staff "Staff service" { owner ops }
                touchpoint comfort "Seating comfort" { owner ops }
              }
              stage stay "Stay" {
                touchpoint clean "Cleanliness" { owner ops }
                touchpoint bar "Bar and beverages" { owner fb }
                touchpoint food "Catering" { owner fb }
                touchpoint washrooms "Washrooms" { owner ops }
                touchpoint wifi "Wi-Fi" { owner ops }
              }
              feedback "lounge.csv" {
                format wide
            \(ratings)
                missing 0
                outcome recommended = "recommended" { yes "1" }
                outcome overall = "overall_rating" { scale 1..10 }
                segment "lounge_type"
              }
            }

            """
        let loaded = JourneyLoader.load(text: text, path: dir + "/lounge.journey")
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.message))")
        let journey = try #require(loaded.journey)
        let (m, diags) = FeedbackJoin.run(journey)
        #expect(!diags.hasErrors)
        // 2,264 reviews, one respondent each; every rating cell accounted for.
        let a = m.accounting
        #expect(a.read == 2264 && a.used == 2264 && a.balances)
        #expect(a.respondents.read == 2264 && a.respondents.balances)
        #expect(a.ratings.read + a.ratingsMissing == 2264 * 7 && a.ratings.balances)
        #expect(m.journey.respondents < m.journey.responses)
        // Both outcomes got moments over the seven ratings.
        #expect(m.driverMoments["recommended"]?.variables == Self.loungeRatings.map(\.0) + ["recommended"])
        // Respondents with any value: three reviews have no rating and no overall judgement.
        #expect(m.driverMoments["overall"]?.total.respondents == 2261)
        let cols = Dictionary(uniqueKeysWithValues: Self.loungeRatings)
        let ref = try numpy(
            dir + "/lounge.csv",
            groups: [
                "journey": Self.loungeRatings.map(\.1),
                "arrive": [cols["staff"]!, cols["comfort"]!],
                "fb": [cols["bar"]!, cols["food"]!],
                "wifi": [cols["wifi"]!],
            ], codes: ["0"])
        try compare(m.journey, ref["journey"], "journey")
        try compare(m.byStage["arrive"], ref["arrive"], "stage arrive")
        try compare(m.byDepartment["fb"], ref["fb"], "department fb")
        try compare(m.byTouchpoint["wifi"], ref["wifi"], "touchpoint wifi")
    }
}
