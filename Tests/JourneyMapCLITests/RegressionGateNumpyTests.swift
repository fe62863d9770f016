import Foundation
import JourneyCore
import JourneyFeedback
import JourneyTestSupport
import JourneyWorkflow
import Testing

/// The regression gate's figures recomputed by an independent implementation: numpy reads the
/// two raw CSV files, counts promoters and detractors per touchpoint, stage and journey, and
/// computes each NPS difference (the raw NPS difference; the interval is centred on the
/// adjusted one), its adjusted-Wald interval, its p-value and Holm's adjusted p-values over the
/// six comparisons; the gate must agree to 1e-9.
@Suite struct RegressionGateNumpyTests {
    static let script = #"""
        import csv, json, math, sys
        import numpy as np
        stages = {"search": "book", "pay": "book", "board": "fly"}
        z = 1.959964  # MetricsMath.z, as the report states it
        def load(path):
            rows = list(csv.DictReader(open(path)))
            tp = np.array([r["touchpoint"] for r in rows]); nps = np.array([int(r["nps"]) for r in rows])
            return tp, nps
        def adjusted(scores):
            n1 = scores.size + 3
            p = (np.sum(scores >= 9) + 0.75) / n1; d = (np.sum(scores <= 6) + 0.75) / n1
            return 100 * (p - d), 100 * 100 * (p + d - (p - d) ** 2) / n1
        (ta, sa), (tb, sb) = load(sys.argv[1]), load(sys.argv[2])
        scopes = [("journey", "gate", list(stages))] + [("stage", s, [t for t in stages if stages[t] == s]) for s in ["book", "fly"]]
        scopes += [("touchpoint", t, [t]) for t in sorted(stages)]
        out = []
        for kind, sid, tps in scopes:
            a = sa[np.isin(ta, tps)]; b = sb[np.isin(tb, tps)]
            (va, vara), (vb, varb) = adjusted(a), adjusted(b)
            se = math.sqrt(vara + varb); d = vb - va
            raw = lambda s: 100 * (np.sum(s >= 9) - np.sum(s <= 6)) / s.size
            out.append({"kind": kind, "id": sid, "d": raw(b) - raw(a), "low": d - z * se, "high": d + z * se,
                        "p": math.erfc(abs(d / se) / math.sqrt(2))})
        order = sorted(range(len(out)), key=lambda i: out[i]["p"]); running = 0.0; m = len(out)
        for k, i in enumerate(order):
            running = max(running, min(1.0, out[i]["p"] * (m - k))); out[i]["holm"] = running
        print(json.dumps(out))
        """#

    @Test(
        .enabled(if: OptionalTools.numpyPython != nil, "needs numpy in .venv-test (scripts/test-setup.sh)"),
        arguments: [7, 8] as [UInt64])
    func figuresAgreeWithNumpy(seed: UInt64) throws {
        // Noise on the baseline side, a 10-point drop planted in pay's share of detractors on the other.
        var current = PlantedGate.noise(seed: seed, date: "2026-02-15")
        var g = SplitMix64(seed: seed + 7)
        for i in current.indices where current[i].hasPrefix("pay,") && g.unit() < 0.1 {
            current[i] = "pay,2026-02-15,0"
        }
        let dir = try PlantedGate.folder(current: current, baseline: PlantedGate.noise(seed: seed + 500, date: "2026-01-15"))
        let journey = try #require(JourneyLoader.load(path: dir + "/gate.journey").journey)
        let (now, _) = FeedbackJoin.run(journey)
        let r = RegressionGate.run(journey, current: now, baseline: .file(dir + "/old.csv"), join: JoinOptions())
        let tests = try #require(r.changes?.tests)
        #expect(tests.count == 6)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(OptionalTools.numpyPython))
        p.arguments = ["-c", Self.script, dir + "/old.csv", dir + "/gate.feedback.csv"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(expected.count == 6)
        for e in expected {
            let scope = PeriodScope(PeriodScope.Kind(rawValue: e["kind"] as! String)!, e["id"] as! String)
            let t = try #require(tests.first { $0.scope == scope && $0.metric == .nps }, "\(scope)")
            #expect(abs(t.difference.value - (e["d"] as! Double)) < 1e-9, "\(scope)")
            #expect(abs(t.difference.low - (e["low"] as! Double)) < 1e-9, "\(scope)")
            #expect(abs(t.difference.high - (e["high"] as! Double)) < 1e-9, "\(scope)")
            #expect(abs(t.pValue - (e["p"] as! Double)) < 1e-9, "\(scope)")
            #expect(abs(t.adjustedP - (e["holm"] as! Double)) < 1e-9, "\(scope)")
        }
    }
}
