import Foundation
import JourneyCore
import JourneyFeedback
import JourneyTestSupport
import Testing

/// Composite indices (docs/feedback.md#composite-indices): a hand-computed answer on a small
/// file, the interval's coverage on simulated clustered respondents, and numpy.
@Suite struct CompositeIndexTests {
    static let chi = CompositeIndex(
        id: "chi", title: "CHI",
        terms: [
            .init(component: .nps, weight: 0.5, range: Fixture.r), .init(component: .csat, weight: 0.3, range: Fixture.r),
            .init(component: .ces, weight: 0.2, range: Fixture.r),
        ], range: Fixture.r)

    /// Joins long data with a respondent column against the fixture journey with `chi`.
    func join(
        _ text: String, respondent: String? = "respondent", indices: [CompositeIndex] = [chi]
    ) throws -> (
        JourneyMeasurements, [Diagnostic]
    ) {
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var src = Fixture.source(path)
        src.respondentColumn = respondent
        var j = Fixture.journey([src])
        j.indices = indices
        return FeedbackJoin.run(j)
    }

    static let small = """
        respondent,touchpoint,nps,csat,ces
        r1,a,10,5,1
        r1,b,6,3,4
        r2,a,8,4,2
        r3,b,0,1,7
        r3,a,9,,

        """

    @Test func plantedSmallFileGivesTheHandComputedIndex() throws {
        let (m, diags) = try join(Self.small)
        #expect(!diags.hasErrors, "\(diags)")
        // By hand. NPS answers 10, 6, 8, 0, 9 → 100, 0, 50, 0, 100 → 50. CSAT 5, 3, 4, 1 on
        // 1–5 → 100, 50, 75, 0 → 56.25. CES 1, 4, 2, 7 on 1–7 (lower is better) → 100, 50,
        // 83.33, 0 → 58.33. CHI = 0.5·50 + 0.3·56.25 + 0.2·58.33 = 53.5417.
        let j = try #require(m.journey.indices["chi"])
        #expect(abs(j.value - (25 + 16.875 + 0.2 * 350 / 6)) < 1e-9)
        #expect(j.respondents == 3)
        #expect(j.components.map(\.answers) == [5, 4, 4])
        #expect(j.components.map(\.measure) == ["nps", "csat", "ces"])
        // Touchpoint a: NPS 100, 50, 100; CSAT 100, 75; CES 100, 83.33 → 86.25, n = 3.
        let a = try #require(m.byTouchpoint["a"]?.indices["chi"])
        #expect(abs(a.value - 86.25) < 1e-9 && a.respondents == 3)
        // Touchpoint b: one answer per respondent, so the linearised variance is the sample
        // variance of the respondents' own indices (25 and 0) over n: 2/1 · (12.5² + 12.5²)/2² → SE 12.5.
        let b = try #require(m.byTouchpoint["b"]?.indices["chi"])
        #expect(abs(b.value - 12.5) < 1e-9 && b.respondents == 2)
        #expect(abs((b.standardError ?? 0) - 12.5) < 1e-9)
        let bi = try #require(b.interval)
        #expect(bi.low == 0 && bi.high == 100, "t(1) is 12.7: the interval is clamped to 0–100")
        // Stages, departments, channels carry it too: stage s1 holds a and b (the whole file).
        #expect(abs((m.byStage["s1"]?.indices["chi"]?.value ?? 0) - j.value) < 1e-9)
        #expect(m.byDepartment["ops"]?.indices["chi"]?.value == a.value)
        #expect(m.byChannel["web"]?.indices["chi"] != nil)
    }

    @Test func withoutRespondentIdsEveryRowIsARespondent() throws {
        let text =
            Self.small.split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst().joined(separator: ",")
            }
            .joined(separator: "\n") + "\n"
        let (m, _) = try join(text, respondent: nil)
        let j = try #require(m.journey.indices["chi"])
        #expect(abs(j.value - (25 + 16.875 + 0.2 * 350 / 6)) < 1e-9 && j.respondents == 5)
    }

    @Test func aGroupMissingAMeasureHasNoIndexAndTheDataLackingOneIsReported() throws {
        let text = "respondent,touchpoint,nps,csat\nr1,a,10,5\nr2,b,,4\nr3,a,3,2\n"
        let withNPS = CompositeIndex(
            id: "mix", title: "Mix",
            terms: [.init(component: .nps, weight: 0.5, range: Fixture.r), .init(component: .csat, weight: 0.5, range: Fixture.r)],
            range: Fixture.r)
        let (m, diags) = try join(text, indices: [Self.chi, withNPS])
        #expect(m.journey.indices["chi"] == nil, "no CES anywhere")
        let d = try #require(diags.first { $0.code == DiagnosticCode.indexWithoutData.id })
        #expect(d.message.contains("index 'chi' combines ces") && d.severity == .warning, "\(d.message)")
        #expect(m.journey.indices["mix"] != nil && m.byTouchpoint["a"]?.indices["mix"] != nil)
        #expect(m.byTouchpoint["b"]?.indices["mix"] == nil, "b has no NPS answer")
    }

    @Test func scalesAreRespectedAndNegativeIsTurnedRound() throws {
        let path = try Fixture.file("respondent,touchpoint,csat,ces,sentiment\nr1,a,10,7,negative\nr2,a,1,1,positive\nr3,a,4,4,neutral\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var src = Fixture.source(path)
        src.respondentColumn = "respondent"
        src.scales = ["csat": Scale(min: 1, max: 10), "ces": Scale(min: 1, max: 7, lowerIsBetter: false)]
        var j = Fixture.journey([src])
        j.indices = [
            CompositeIndex(
                id: "x", title: "X",
                terms: [
                    .init(component: .csat, weight: 1, range: Fixture.r), .init(component: .ces, weight: 1, range: Fixture.r),
                    .init(component: .negative, weight: 2, range: Fixture.r),
                ], range: Fixture.r)
        ]
        let (m, _) = FeedbackJoin.run(j)
        // CSAT 10, 1, 4 on 1–10 → 100, 0, 33.33 → 44.44; CES on 1–7 higher better → 100, 0, 50 → 50;
        // negative share 1/3 → 66.67. Weights 1, 1, 2 sum to 4: (44.44 + 50 + 2·66.67)/4.
        let x = try #require(m.journey.indices["x"])
        #expect(abs(x.value - (400.0 / 9 + 50 + 2 * 200.0 / 3) / 4) < 1e-9)
    }

    // MARK: - Coverage

    /// SplitMix64: the simulation's own small generator, fixed seed.
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
        /// An index drawn from the probabilities `p`.
        mutating func pick(_ p: [Double]) -> Int {
            var u = uniform()
            for (i, x) in p.enumerated() {
                if u < x { return i }
                u -= x
            }
            return p.count - 1
        }
    }

    /// Three kinds of respondent (unhappy, middling, happy) with their own answer
    /// distributions, each answering 1–4 touchpoints: answers of one person are strongly alike.
    /// The number of answers does not depend on the kind, so each measure's population mean is
    /// Σ_kind P(kind)·E[score | kind], known exactly.
    static let kinds = [0.3, 0.4, 0.3]
    /// NPS as detractor / passive / promoter, per kind.
    static let nps = [[0.7, 0.2, 0.1], [0.3, 0.4, 0.3], [0.05, 0.25, 0.7]]
    /// CSAT 1…5, per kind.
    static let csat = [[0.3, 0.3, 0.2, 0.15, 0.05], [0.05, 0.15, 0.4, 0.3, 0.1], [0.0, 0.05, 0.15, 0.4, 0.4]]
    /// CES 1…7 (1 very easy), per kind.
    static let ces = [
        [0.05, 0.05, 0.1, 0.2, 0.2, 0.2, 0.2], [0.1, 0.2, 0.2, 0.2, 0.1, 0.1, 0.1], [0.4, 0.3, 0.15, 0.1, 0.05, 0, 0],
    ]

    static var trueIndex: Double {
        var value = 0.0
        for (k, pk) in kinds.enumerated() {
            let npsScore = nps[k][1] * 50 + nps[k][2] * 100
            let csatScore = csat[k].enumerated().reduce(0) { $0 + $1.element * Double($1.offset) / 4 * 100 }
            let cesScore = ces[k].enumerated().reduce(0) { $0 + $1.element * Double(6 - $1.offset) / 6 * 100 }
            value += pk * (0.5 * npsScore + 0.3 * csatScore + 0.2 * cesScore)
        }
        return value
    }

    /// One simulated survey of `n` respondents, as index sums.
    static func simulate(_ n: Int, _ rng: inout Rng) -> IndexMoments {
        var moments = IndexMoments()
        for _ in 0..<n {
            let k = rng.pick(kinds)
            var u = SIMD8<Double>()
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                u[0] += Double(rng.pick(nps[k])) * 50; u[4] += 1
                // Some answers skip a question: the counts differ between measures.
                if rng.uniform() < 0.8 { u[1] += Double(rng.pick(csat[k])) / 4 * 100; u[5] += 1 }
                if rng.uniform() < 0.6 { u[2] += Double(6 - rng.pick(ces[k])) / 6 * 100; u[6] += 1 }
            }
            moments.add(u)
        }
        return moments
    }

    /// 1,000 simulated surveys of 150 clustered respondents: the 95% interval covers the
    /// true index in 93–97% of them. The tolerance is three binomial standard errors of a
    /// coverage of 95% over 1,000 runs (√(0.95·0.05/1000) = 0.69 points). The same data
    /// with each answer taken as its own respondent (the clustering ignored) covers less.
    @Test func theIntervalCoversTheTrueIndex() throws {
        var rng = Rng(state: 20_261_130)
        let truth = Self.trueIndex
        var covered = 0, naiveCovered = 0
        let runs = 1_000
        for _ in 0..<runs {
            let m = Self.simulate(150, &rng)
            let e = try #require(m.estimate(Self.chi))
            let i = try #require(e.interval)
            if i.low <= truth && truth <= i.high { covered += 1 }
            // Ignoring the clustering: n = answers and the same variance scaled as if independent.
            let answers = Double(m.answers(.nps))
            let se = (e.standardError ?? 0) * (Double(e.respondents) / answers).squareRoot()
            if abs(e.value - truth) <= 1.96 * se { naiveCovered += 1 }
        }
        let coverage = Double(covered) / Double(runs)
        #expect(coverage >= 0.93 && coverage <= 0.97, "coverage \(coverage)")
        #expect(Double(naiveCovered) / Double(runs) < coverage, "naive \(naiveCovered)")
    }

    // MARK: - numpy

    static let numpyPython = OptionalTools.numpyPython

    /// numpy, from the CSV alone: per group, the index as the weighted ratio means of the
    /// answers put on 0–100, and its linearised standard error over respondents.
    static let script = """
        import csv, json, sys
        import numpy as np
        path, groups = sys.argv[1], json.loads(sys.argv[2])
        rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
        w = np.array([0.5, 0.3, 0.2])
        def scores(r):
            v = [np.nan, np.nan, np.nan]
            if r["nps"]: x = float(r["nps"]); v[0] = 100.0 if x >= 9 else (0.0 if x <= 6 else 50.0)
            if r["csat"]: v[1] = (float(r["csat"]) - 1) / 4 * 100
            if r["ces"]: v[2] = (7 - float(r["ces"])) / 6 * 100
            return v
        out = {}
        for name, tps in groups.items():
            ids = sorted({r["respondent"] for r in rows if r["touchpoint"] in tps})
            pos = {k: i for i, k in enumerate(ids)}
            S, M = np.zeros((len(ids), 3)), np.zeros((len(ids), 3))
            for r in rows:
                if r["touchpoint"] not in tps: continue
                v = np.array(scores(r)); ok = ~np.isnan(v)
                S[pos[r["respondent"]]] += np.where(ok, v, 0); M[pos[r["respondent"]]] += ok
            mu = S.sum(0) / M.sum(0)
            z = ((S - mu * M) / M.sum(0)) @ w
            n = len(ids)
            out[name] = {"value": float(w @ mu), "se": float(np.sqrt(n / (n - 1) * (z ** 2).sum())), "n": n}
            # A cluster bootstrap over respondents (2,000 resamples, fixed seed) as a second opinion on the SE.
            rng = np.random.default_rng(7)
            reps = []
            for _ in range(2000):
                k = rng.integers(0, n, n)
                reps.append(w @ (S[k].sum(0) / M[k].sum(0)))
            out[name]["boot_se"] = float(np.std(reps, ddof=1))
        print(json.dumps(out))
        """

    /// 400 respondents of the simulation's three kinds, each answering 1–4 of the fixture's
    /// touchpoints, written as long CSV rows sorted by respondent.
    static func plantedCSV() -> String {
        var rng = Rng(state: 99)
        var lines = ["respondent,touchpoint,nps,csat,ces"]
        for r in 0..<400 {
            let k = rng.pick(kinds)
            let tps = ["a", "b", "c", "d"].filter { _ in rng.uniform() < 0.6 }
            for t in tps.isEmpty ? ["a"] : tps {
                let npsValue = [3, 7, 10][rng.pick(nps[k])]
                let c = rng.uniform() < 0.8 ? String(1 + rng.pick(csat[k])) : ""
                let e = rng.uniform() < 0.6 ? String(1 + rng.pick(ces[k])) : ""
                lines.append("r\(r),\(t),\(npsValue),\(c),\(e)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(.enabled(if: numpyPython != nil, "skipped: no numpy in .venv-test (run scripts/test-setup.sh)"))
    func equalsNumpyAndAClusterBootstrap() throws {
        let csv = Self.plantedCSV()
        let path = try Fixture.file(csv)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var src = Fixture.source(path)
        src.respondentColumn = "respondent"
        var j = Fixture.journey([src])
        j.indices = [Self.chi]
        let (m, diags) = FeedbackJoin.run(j)
        #expect(!diags.hasErrors)
        let groups = ["journey": ["a", "b", "c", "d"], "s1": ["a", "b"], "ops": ["a", "c"], "d": ["d"]]
        let python = try #require(Self.numpyPython)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", Self.script, path, String(decoding: try JSONSerialization.data(withJSONObject: groups), as: UTF8.self)]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let ref = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Double]])
        let ours: [String: IndexEstimate?] = [
            "journey": m.journey.indices["chi"], "s1": m.byStage["s1"]?.indices["chi"], "ops": m.byDepartment["ops"]?.indices["chi"],
            "d": m.byTouchpoint["d"]?.indices["chi"],
        ]
        for (name, estimate) in ours {
            let e = try #require(estimate, "\(name)"), r = try #require(ref[name], "\(name)")
            #expect(abs(e.value - r["value"]!) < 1e-9, "\(name) value")
            #expect(abs((e.standardError ?? 0) - r["se"]!) < 1e-9, "\(name) se")
            #expect(Double(e.respondents) == r["n"], "\(name) n")
            // The linearised SE and the bootstrap's agree within 10% (the bootstrap has its own noise).
            #expect(abs((e.standardError ?? 0) / r["boot_se"]! - 1) < 0.1, "\(name) bootstrap \(r["boot_se"]!) vs \(e.standardError ?? 0)")
        }
    }
}
