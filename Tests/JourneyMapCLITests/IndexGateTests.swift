import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyTestSupport
import JourneyWorkflow
import Testing

/// A composite index in the regression gate and `diff --baseline` (docs/feedback.md#composite-
/// indices): a planted drop in CHI fails `check --fail-on regressions` with a JM512 naming the
/// index; noise passes; the difference and its standard error equal numpy's from the raw files.
@Suite struct IndexGateTests {
    static let journey = """
        journey idx "Index gate" {
          department ops "Operations"
          stage s "S" {
            touchpoint a "A" { owner ops }
            touchpoint b "B" { owner ops }
          }
          feedback "idx.csv" { respondent "respondent" }
          index chi "Customer Health Index" = 0.6 nps + 0.4 csat
        }

        """

    /// `n` respondents answering both touchpoints (NPS 10 / 8 / 0, CSAT 1–5) with the given
    /// chances of a promoter, a detractor and each CSAT answer; one person's two answers are
    /// alike (the second repeats the first with probability ½), so respondents are clusters.
    static func side(seed: UInt64, n: Int = 300, date: String, promoter: Double, detractor: Double, csat: [Double]) -> [String] {
        var g = SplitMix64(seed: seed)
        var lines: [String] = []
        for r in 0..<n {
            var last: (String, Int)? = nil
            for tp in ["a", "b"] {
                if let l = last, g.unit() < 0.5 {
                    lines.append("p\(seed)-\(r),\(tp),\(date),\(l.0),\(l.1)")
                    continue
                }
                let u = g.unit()
                let nps = u < promoter ? "10" : u < 1 - detractor ? "8" : "0"
                var c = g.unit(), k = 1
                while k < 5 && c >= csat[k - 1] {
                    c -= csat[k - 1]
                    k += 1
                }
                last = (nps, k)
                lines.append("p\(seed)-\(r),\(tp),\(date),\(nps),\(k)")
            }
        }
        return lines
    }

    static let usual = [0.05, 0.1, 0.25, 0.35, 0.25]
    static func baseline(seed: UInt64) -> [String] {
        side(seed: seed, date: "2026-01-15", promoter: 0.5, detractor: 0.2, csat: usual)
    }
    /// Fewer promoters, more detractors and lower CSAT: CHI about 10 points lower.
    static func dropped(seed: UInt64) -> [String] {
        side(seed: seed, date: "2026-02-15", promoter: 0.35, detractor: 0.3, csat: [0.1, 0.2, 0.3, 0.25, 0.15])
    }
    static func noise(seed: UInt64) -> [String] {
        side(seed: seed, date: "2026-02-15", promoter: 0.5, detractor: 0.2, csat: usual)
    }

    static func folder(current: [String], baseline: [String]) throws -> String {
        let dir = try CLI.tempDir()
        try journey.write(toFile: dir + "/idx.journey", atomically: true, encoding: .utf8)
        let header = "respondent,touchpoint,date,nps,csat"
        try ([header] + current).joined(separator: "\n").appending("\n").write(toFile: dir + "/idx.csv", atomically: true, encoding: .utf8)
        try ([header] + baseline).joined(separator: "\n").appending("\n").write(toFile: dir + "/old.csv", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func plantedIndexDropFailsTheGateNamingTheIndex() throws {
        let dir = try Self.folder(current: Self.dropped(seed: 2), baseline: Self.baseline(seed: 1))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["check", "idx.journey", "--baseline", "old.csv", "--fail-on", "regressions"], cwd: dir)
        #expect(r.status == 1, "\(r.stderr)")
        let line = try #require(
            r.stderr.split(separator: "\n").first { $0.contains("CHI at journey idx got significantly worse") }, "\(r.stderr)")
        #expect(line.hasPrefix("idx.journey:1:1: error: ") && line.hasSuffix("(delta method) [JM512]"), "\(line)")
        #expect(line.contains("n = 300 then") && line.contains("change -"), "\(line)")
        #expect(r.stderr.contains("NPS, CSAT, CES, negative share and the index CHI where the data has them"), "\(r.stderr)")
        // diff --baseline lists it, in Markdown and JSON.
        let md = try CLI.run(["diff", "idx.journey", "--baseline", "old.csv"], cwd: dir)
        #expect(
            md.stdout.contains(
                "| ▼ worse | the journey | CHI | 66.0 (63.5 to 68.5), n = 300 | 54.0 (51.3 to 56.7), n = 300 | -12.0 (-15.6 to -8.3) | < 0.001 |"
            ), "\(md.stdout)")
        let json = try CLI.run(["diff", "idx.journey", "--baseline", "old.csv", "--format", "json"], cwd: dir)
        #expect(json.stdout.contains("\"metric\" : \"chi\""), "\(json.stdout)")
    }

    /// An index is named by its id in JSON and sorts after the standard measures.
    @Test func anIndexMetricEncodesAsItsIdAndSortsLast() throws {
        let data = try JSONEncoder().encode([ChangeMetric.index("chi"), .csatTopBox])
        #expect(String(decoding: data, as: UTF8.self) == #"["chi","csat-top-box"]"#)
        #expect(try JSONDecoder().decode([ChangeMetric].self, from: data) == [.index("chi"), .csatTopBox])
        #expect([ChangeMetric.index("b"), .index("a"), .negativeShare, .nps].sorted() == [.nps, .negativeShare, .index("a"), .index("b")])
    }

    @Test(arguments: [21, 22, 23] as [UInt64])
    func plantedNoisePassesTheGate(seed: UInt64) throws {
        let dir = try Self.folder(current: Self.noise(seed: seed), baseline: Self.baseline(seed: seed + 1000))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["check", "idx.journey", "--baseline", "old.csv", "--fail-on", "regressions"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("the index CHI") && r.stderr.contains("0 significantly worse"), "\(r.stderr)")
    }

    /// numpy from the two raw files: each side's CHI and its respondent-clustered delta-method
    /// standard error; the difference and √(SE₁² + SE₂²) must match the gate's to 1e-9, and the
    /// index's adjusted p is Holm's over the whole family.
    static let script = """
        import csv, json, sys
        import numpy as np
        w = np.array([0.6, 0.4])
        def side(path, tps):
            rows = [r for r in csv.DictReader(open(path)) if r["touchpoint"] in tps]
            ids = sorted({r["respondent"] for r in rows}); pos = {k: i for i, k in enumerate(ids)}
            S, M = np.zeros((len(ids), 2)), np.zeros((len(ids), 2))
            for r in rows:
                x = float(r["nps"]); v = [100.0 if x >= 9 else (0.0 if x <= 6 else 50.0), (float(r["csat"]) - 1) / 4 * 100]
                S[pos[r["respondent"]]] += v; M[pos[r["respondent"]]] += 1
            mu = S.sum(0) / M.sum(0); z = ((S - mu * M) / M.sum(0)) @ w; n = len(ids)
            return float(w @ mu), float(np.sqrt(n / (n - 1) * (z ** 2).sum())), n
        out = {}
        for name, tps in {"journey": ["a", "b"], "a": ["a"]}.items():
            (va, sa, na), (vb, sb, nb) = side(sys.argv[1], tps), side(sys.argv[2], tps)
            out[name] = {"d": vb - va, "se": float(np.sqrt(sa ** 2 + sb ** 2)), "df": min(na, nb) - 1}
        print(json.dumps(out))
        """

    @Test(.enabled(if: OptionalTools.numpyPython != nil, "needs numpy in .venv-test (scripts/test-setup.sh)"))
    func differenceAndStandardErrorEqualNumpy() throws {
        let dir = try Self.folder(current: Self.dropped(seed: 4), baseline: Self.baseline(seed: 3))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journey = try #require(JourneyLoader.load(path: dir + "/idx.journey").journey)
        let (now, _) = FeedbackJoin.run(journey)
        let r = RegressionGate.run(journey, current: now, baseline: .file(dir + "/old.csv"), join: JoinOptions())
        let tests = try #require(r.changes?.tests)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(OptionalTools.numpyPython))
        p.arguments = ["-c", Self.script, dir + "/old.csv", dir + "/idx.csv"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let ref = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Double]])
        for (name, scope) in [("journey", PeriodScope(.journey, "idx")), ("a", PeriodScope(.touchpoint, "a"))] {
            let e = try #require(ref[name])
            let t = try #require(tests.first { $0.scope == scope && $0.metric == .index("chi") }, "\(scope)")
            #expect(abs(t.difference.value - e["d"]!) < 1e-9, "\(name) difference")
            let half = (t.difference.high - t.difference.low) / 2
            #expect(abs(half / MetricsMath.tQuantile(0.975, df: e["df"]!) - e["se"]!) < 1e-9, "\(name) standard error")
            #expect(t.method == "delta method" && t.isWorse)
        }
        // One family: the index's adjusted p is Holm's over every comparison of the run.
        let holm = ChangeDetection.adjust(tests.map(\.pValue), .holm)
        for (i, t) in tests.enumerated() { #expect(abs(t.adjustedP - holm[i]) < 1e-15) }
        #expect(tests.contains { $0.metric == .nps } && tests.contains { $0.metric == .csatMean })
    }
}
