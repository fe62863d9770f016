import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyTestSupport
import Testing

/// The segment table on real data: Skytrax lounge reviews by traveller type (every cell
/// against an independent computation in numpy), and the six airlines of the tweets.
@Suite struct SegmentRealDataTests {
    static let r = SourceRange.file("seg.journey")
    static let lounge = Repo.sharedData("skytrax/lounge.csv")
    static let tweets = Repo.sharedData("airline-tweets/Tweets.csv")
    static let aspects = ["comfort", "cleanliness", "bar_beverages", "catering", "washrooms", "wifi_connectivity", "staff_service"]

    static func journey(_ ids: [String], _ source: FeedbackSource) -> Journey {
        let tps = ids.map { Touchpoint(id: $0, title: $0, stageID: "all", owner: "ops", range: r) }
        return Journey(
            id: "seg", title: "Segments", departments: [Department(id: "ops", title: "Ops", range: r)],
            stages: [Stage(id: "all", title: "All", touchpoints: tps, range: r)], feedback: [source], sourceFile: "seg.journey", range: r)
    }

    /// numpy, reading the CSV with Python's csv module: the wide join's rules (blank and 0 are
    /// not answered, 0.0 too; a rating outside 1..5 or a bad date rejects the review), top box 4–5, the
    /// rest is every other review answering that aspect, the Agresti–Caffo interval, the pooled
    /// z test, Holm.
    static let script = #"""
        import csv, json, math, re, sys, datetime
        import numpy as np
        aspects = sys.argv[2].split(",")
        cells, totals = {}, {}
        for row in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")):
            vals, bad = {}, False
            for a in aspects:
                v = row[a + "_rating"].strip()
                if v == "": continue
                try: f = float(v)
                except ValueError: bad = True; continue
                if f == 0: continue  # the missing code 0, compared as a number (0.0 too)
                if not 1 <= f <= 5: bad = True
                vals[a] = f
            d = row["date"].strip()
            if d:
                try: datetime.date.fromisoformat(d)
                except ValueError: bad = True
            if bad: continue
            seg = row["type_traveller"].strip()
            for a, f in vals.items():
                t = totals.setdefault(a, np.zeros(2)); t += (f >= 4, 1)
                if seg: c = cells.setdefault((seg, a), np.zeros(2)); c += (f >= 4, 1)
        out, ps = [], []
        for (seg, a), (x1, n1) in sorted(cells.items()):
            x2, n2 = totals[a] - (x1, n1)
            rec = {"segment": seg, "aspect": a, "n": int(n1), "rest": int(n2), "x": int(x1)}
            if n1 >= 30 and n2 >= 30:
                p1, p2 = (x1 + 1) / (n1 + 2), (x2 + 1) / (n2 + 2)
                se = np.sqrt(p1 * (1 - p1) / (n1 + 2) + p2 * (1 - p2) / (n2 + 2))
                pooled = (x1 + x2) / (n1 + n2)
                z = (x1 / n1 - x2 / n2) / np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
                rec.update(low=100 * (p1 - p2 - 1.959964 * se), high=100 * (p1 - p2 + 1.959964 * se),
                           p=math.erfc(abs(z) / math.sqrt(2)))
                ps.append(rec)
            out.append(rec)
        order = np.argsort([r["p"] for r in ps], kind="stable")
        running = 0.0
        for k, i in enumerate(order):
            running = max(running, min(1.0, (len(ps) - k) * ps[i]["p"]))
            ps[i]["adjusted"] = running
        print(json.dumps(out))
        """#

    @Test(
        .enabled(if: lounge != nil, "needs ../shared/data/skytrax/lounge.csv (or JOURNEYMAP_SHARED)"),
        .enabled(if: OptionalTools.numpyPython != nil, "needs numpy in .venv-test (scripts/test-setup.sh)"))
    func loungeByTravellerTypeMatchesNumpy() throws {
        let path = try #require(Self.lounge)
        var source = FeedbackSource(path: path, resolvedPath: path, format: .wide, columns: ["segment": "type_traveller"], range: Self.r)
        source.ratings = Self.aspects.map {
            RatingColumn(touchpoint: $0, column: $0 + "_rating", scale: Scale(min: 1, max: 5), range: Self.r)
        }
        source.missingValues = ["0"]
        let j = Self.journey(Self.aspects, source)
        let (m, diags) = FeedbackJoin.run(j)
        #expect(!diags.hasErrors)
        let t = try #require(SegmentComparison.analyse(j, m))
        #expect(t.figure == .csat)
        #expect(Set(t.segments) == ["Business", "Couple Leisure", "FamilyLeisure", "Solo Leisure"])  // "FamilyLeisure": sic

        let python = Process()
        python.executableURL = URL(fileURLWithPath: try #require(OptionalTools.numpyPython))
        python.arguments = ["-c", Self.script, path, Self.aspects.joined(separator: ",")]
        let pipe = Pipe()
        python.standardOutput = pipe
        try python.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(rows.count == t.cells.filter { $0.n > 0 }.count)
        var significant = 0
        for row in rows {
            let c = try #require(t.cell(row["segment"] as! String, row["aspect"] as! String))
            let place = "\(c.segment) × \(c.touchpointID)"
            #expect(c.n == row["n"] as! Int && c.restN == row["rest"] as! Int, "\(place)")
            #expect(abs((c.figure?.value ?? -1) - 100 * Double(row["x"] as! Int) / Double(c.n)) < 1e-9, "\(place)")
            if let p = row["p"] as? Double {
                let d = try #require(c.difference)
                #expect(abs(d.low - (row["low"] as! Double)) < 1e-9 && abs(d.high - (row["high"] as! Double)) < 1e-9, "\(place)")
                #expect(abs((c.p ?? -1) - p) <= 1e-12 + 1e-9 * p, "\(place)")
                let adjusted = row["adjusted"] as! Double
                #expect(abs((c.adjustedP ?? -1) - adjusted) <= 1e-12 + 1e-9 * adjusted, "\(place)")
                #expect(c.isSignificant == (adjusted <= 0.05), "\(place)")
                if c.isSignificant { significant += 1 }
            } else {
                #expect(!c.isTested, "\(place)")
            }
        }
        #expect(t.tests == rows.filter { $0["p"] != nil }.count)
        #expect(significant == t.significantCells.count)
    }

    /// Social complaints joined by reason are all negative: the table shows each airline's mix
    /// of complaints (the share of its joined tweets per touchpoint), counted with Python's csv.
    @Test(.enabled(if: tweets != nil, "needs ../shared/data/airline-tweets/Tweets.csv (or JOURNEYMAP_SHARED)"))
    func tweetsByAirlineShowTheComplaintMix() throws {
        let path = try #require(Self.tweets)
        let rules = TweetsRankingTests.rules
        let ids = ["booking", "delay", "cancel", "queue", "crew", "flight", "bags", "care"]
        let source = FeedbackSource(
            path: path, resolvedPath: path,
            columns: ["category": "negativereason", "sentiment": "airline_sentiment", "segment": "airline", "date": "tweet_created"],
            categoryRules: rules.map { CategoryRule(category: $0.0, touchpoint: $0.1, range: Self.r) }, range: Self.r)
        let j = Self.journey(ids, source)
        let (m, _) = FeedbackJoin.run(j)
        let t = try #require(SegmentComparison.analyse(j, m))
        #expect(t.figure == .share)
        // python: Counter(airline) over rows whose negativereason has a rule.
        #expect(t.segments == ["United", "US Airways", "American", "Southwest", "Delta", "Virgin America"])
        let united = try #require(t.cell("United", "delay"))
        #expect(united.n == 2254 && abs((united.figure?.value ?? 0) - 100 * 525.0 / 2254) < 1e-9)
        #expect(united.restN == 7988 - 2254)
        let virgin = try #require(t.cell("Virgin America", "delay"))
        #expect(virgin.n == 159 && abs((virgin.figure?.value ?? 0) - 100 * 17.0 / 159) < 1e-9)
        for s in t.segments {
            let sum = t.touchpointIDs.compactMap { t.cell(s, $0)?.figure?.value }.reduce(0, +)
            #expect(abs(sum - 100) < 1e-9, "\(s)'s shares add up to 100%")
        }
        #expect(t.tests == 48)
        #expect(!t.significantCells.isEmpty)
    }
}
