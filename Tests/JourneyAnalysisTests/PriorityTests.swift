import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyReports
import JourneyTestSupport
import Testing

/// The evidence-first score and key-driver priorities (docs/pain-points.md): the air-travel
/// example as a CX manager reads it, and planted cases with a known answer.
@Suite struct PriorityTests {
    static func airTravel() throws -> (Journey, JourneyMeasurements) {
        let loaded = JourneyLoader.load(path: Repo.path("journeys/air-travel.journey"), options: LoadOptions(root: Repo.path("journeys")))
        let journey = try #require(loaded.journey)
        return (journey, FeedbackJoin.run(journey).0)
    }

    @Test func airTravelRanksTheEvidence() throws {
        let (j, m) = try Self.airTravel()
        let r = PainPointAnalysis.analyse(j, m)
        let rank = Dictionary(uniqueKeysWithValues: r.painPoints.map { ($0.touchpointID, $0.rank) })
        // Rebooking (NPS −84, CSAT 7%) above online check-in (NPS −48): the curve may not
        // outweigh evidence this much stronger.
        let rebook = try #require(rank["rebook"]), checkin = try #require(rank["checkin"])
        #expect(rebook < checkin, "\(r.painPoints.map { "\($0.touchpointID)=\($0.score)" })")
        // "Compares flights" (NPS +43.5, CSAT 83%) is better than the rest on every measure.
        #expect(rank["search"] == nil)
        // Every listed touchpoint is worse than the rest of the journey on some measure.
        for p in r.painPoints { #expect(p.components.evidence > 0, "\(p.touchpointID)") }
    }

    @Test func betterEverywhereIsNeverAPainPoint() throws {
        let (j, m) = try Self.airTravel()
        let r = PainPointAnalysis.analyse(j, m)
        for tp in j.touchpoints {
            guard let x = m.byTouchpoint[tp.id], let n = x.nps?.value, let jn = m.journey.nps?.value,
                let c = x.csatTopBox?.value, let jc = m.journey.csatTopBox?.value
            else { continue }
            let neg = Double(x.sentimentCounts[.negative] ?? 0) / Double(max(1, x.sentimentTotal))
            let jneg = Double(m.journey.sentimentCounts[.negative] ?? 0) / Double(max(1, m.journey.sentimentTotal))
            if n > jn, c > jc, neg < jneg {
                #expect(!r.painPoints.contains { $0.touchpointID == tp.id }, "\(tp.id) is better on every measure")
            }
        }
    }

    /// Three touchpoints; "b" is better than the rest on every measure but sits in a deep
    /// designed and measured valley, marked as a moment of truth: still not a pain point.
    @Test func aDeepDipWithGoodFiguresIsNotAPainPoint() {
        let r = SourceRange.file("t")
        let tps = [
            Touchpoint(id: "a", title: "A", stageID: "s", owner: "x", emotion: Emotion(value: 2), range: r),
            Touchpoint(id: "b", title: "B", stageID: "s", owner: "y", emotion: Emotion(value: -2), isMomentOfTruth: true, range: r),
            Touchpoint(id: "c", title: "C", stageID: "s", owner: "x", emotion: Emotion(value: 2), range: r),
        ]
        let j = Journey(
            id: "j", title: "J", departments: [Department(id: "x", title: "X", range: r), Department(id: "y", title: "Y", range: r)],
            stages: [Stage(id: "s", title: "S", touchpoints: tps, range: r)],
            flows: [Flow(from: "a", to: "b", kind: .sequence, range: r), Flow(from: "b", to: "c", kind: .sequence, range: r)],
            sourceFile: "t", range: r)
        var m = JourneyMeasurements()
        m.byTouchpoint["a"] = Self.metrics(promoters: 10, detractors: 60, n: 100, emotion: 1.5)
        m.byTouchpoint["b"] = Self.metrics(promoters: 50, detractors: 10, n: 100, emotion: -0.5)
        m.byTouchpoint["c"] = Self.metrics(promoters: 10, detractors: 60, n: 100, emotion: 1.5)
        m.journey = Self.metrics(promoters: 70, detractors: 130, n: 300, emotion: 0.8)
        let report = PainPointAnalysis.analyse(j, m)
        #expect(!report.painPoints.contains { $0.touchpointID == "b" })
        #expect(Set(report.painPoints.map(\.touchpointID)) == ["a", "c"])
    }

    /// The curve adds at most 25%: a touchpoint with 30% more evidence ranks first even when
    /// the other has every curve term (dip, gap, low point, hand-off, end of the journey).
    @Test func theCurveNeverOutweighsMuchStrongerEvidence() {
        let r = SourceRange.file("t")
        let tps = [
            Touchpoint(id: "start", title: "Start", stageID: "s", owner: "x", emotion: Emotion(value: 2), range: r),
            Touchpoint(id: "strong", title: "Strong", stageID: "s", owner: "x", emotion: Emotion(value: 0), range: r),
            Touchpoint(id: "curvy", title: "Curvy", stageID: "s", owner: "y", emotion: Emotion(value: 2), range: r),
        ]
        let j = Journey(
            id: "j", title: "J", departments: [Department(id: "x", title: "X", range: r), Department(id: "y", title: "Y", range: r)],
            stages: [Stage(id: "s", title: "S", touchpoints: tps, range: r)],
            flows: [
                Flow(from: "start", to: "strong", kind: .sequence, range: r), Flow(from: "start", to: "curvy", kind: .explicit, range: r),
            ],
            sourceFile: "t", range: r)
        var m = JourneyMeasurements()
        m.byTouchpoint["start"] = Self.metrics(promoters: 90, detractors: 0, n: 100, emotion: 2)
        m.byTouchpoint["strong"] = Self.metrics(promoters: 10, detractors: 62, n: 100, emotion: 0)
        m.byTouchpoint["curvy"] = Self.metrics(promoters: 10, detractors: 50, n: 100, emotion: -1.9)
        m.journey = Self.metrics(promoters: 110, detractors: 112, n: 300, emotion: 0)
        let report = PainPointAnalysis.analyse(j, m)
        let strong = report.painPoints.first { $0.touchpointID == "strong" }, curvy = report.painPoints.first { $0.touchpointID == "curvy" }
        #expect(curvy?.components.curveWeight ?? 0 > 1.2, "the curvy one has the curve terms")
        #expect((strong?.components.evidence ?? 0) > 1.25 * (curvy?.components.evidence ?? 0))
        #expect(strong?.rank == 1)
    }

    /// A dip counts only along a flow some customer takes: personas that share no one do not
    /// make a path.
    @Test func dipsFollowFlowsCustomersTake() {
        let r = SourceRange.file("t")
        var a = Touchpoint(id: "a", title: "A", stageID: "s", owner: "x", emotion: Emotion(value: 2), range: r)
        a.personas = ["anna"]
        var b = Touchpoint(id: "b", title: "B", stageID: "s", owner: "x", emotion: Emotion(value: -2), range: r)
        b.personas = ["marek"]
        let j = Journey(
            id: "j", title: "J", departments: [Department(id: "x", title: "X", range: r)],
            stages: [Stage(id: "s", title: "S", touchpoints: [a, b], range: r)],
            flows: [Flow(from: "a", to: "b", kind: .sequence, range: r)], sourceFile: "t", range: r)
        let report = PainPointAnalysis.analyse(j, JourneyMeasurements())
        #expect(report.painPoints.isEmpty, "no customer passes a then b: no designed dip")
        var j2 = j
        j2.stages[0].touchpoints[1].personas = ["anna"]
        let report2 = PainPointAnalysis.analyse(j2, JourneyMeasurements())
        #expect(report2.painPoints.first?.touchpointID == "b")
        #expect(report2.painPoints.first?.components.designedDip == 4)
    }

    @Test func declaredPainsShowTheirNumbers() throws {
        let (j, m) = try Self.airTravel()
        let r = PainPointAnalysis.analyse(j, m)
        let rebook = try #require(r.declaredPains.first { $0.touchpointID == "rebook" })
        #expect(rebook.status == .confirmed)
        #expect(rebook.evidence.contains("NPS -84.4 (95% -93 to -65.4) against -3.3 for the journey"), "\(rebook.evidence)")
        #expect(rebook.evidence.contains("n = 80"))
        let boarding = try #require(r.declaredPains.first { $0.touchpointID == "boarding" })
        #expect(boarding.status == .notConfirmed)
        #expect(boarding.evidence.hasPrefix("not among the pain points; NPS +1.8"), "\(boarding.evidence)")
    }

    /// Key drivers turn into priorities: importance × share not in the top box.
    @Test func prioritiesMultiplyImportanceByTheGap() throws {
        let (j, m) = try Self.airTravel()
        let kd = KeyDriverReport(
            outcomeID: "satisfied", model: "linear probability model (binary outcome)", missingRule: "pairwise", respondents: 1204,
            rSquared: ScoreInterval(value: 0.4, low: 0.35, high: 0.45), resamples: 1000, seed: 2000,
            drivers: [
                KeyDriver(
                    touchpointID: "checkin", n: 80, importance: ScoreInterval(value: 21, low: 15, high: 27), rawWeight: 0.084,
                    correlation: 0.5, rank: 1),
                KeyDriver(
                    touchpointID: "delay-info", n: 180, importance: ScoreInterval(value: 10, low: 6, high: 14), rawWeight: 0.04,
                    correlation: 0.3, rank: 2),
                KeyDriver(
                    touchpointID: "search", n: 90, importance: ScoreInterval(value: 69, low: 60, high: 75), rawWeight: 0.276,
                    correlation: 0.6, rank: 3),
            ])
        var options = PainPointAnalysis.Options()
        options.keyDrivers = kd
        let r = PainPointAnalysis.analyse(j, m, options: options)
        let d = try #require(r.drivers)
        let checkin = try #require(d.rows.first { $0.touchpointID == "checkin" })
        let csat = try #require(m.byTouchpoint["checkin"]?.csatTopBox?.value)
        #expect(abs(checkin.priority - 21 * (100 - csat) / 100) < 1e-9)
        #expect(checkin.quadrant == .fixFirst || checkin.quadrant == .secondary)
        // search is the most important but performs well: kept up, and still not a pain point.
        #expect(d.rows.first { $0.touchpointID == "search" }?.quadrant == .keepUp)
        #expect(!r.painPoints.contains { $0.touchpointID == "search" })
        // Drivers lead the ranking by priority; the explanation says both numbers, n and owner.
        let first = try #require(r.painPoints.first)
        #expect(first.touchpointID == "checkin", "priority 21 × 71% beats 10 × 93%")
        #expect(first.explanation.contains("drives 21% of the explained “satisfied” (95% 15 to 27)"), "\(first.explanation)")
        #expect(first.explanation.contains("71.2% rate it 3 or lower (n = 66)"), "\(first.explanation)")
        #expect(first.explanation.contains("owner: Digital Products"))
    }

    /// Real wide data end to end (Skytrax lounge reviews, CC0): the join fills the moments, the
    /// analysis computes the drivers, and the report leads with them.
    @Test func skytraxLoungeReportLeadsWithDrivers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lounge-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Repo.path("Tests/Fixtures/skytrax/lounge.csv"), toPath: dir + "/lounge.csv")
        let ratings = ["comfort", "cleanliness", "bar_beverages", "catering", "washrooms", "wifi_connectivity", "staff_service"]
        var text = "journey lounge \"Lounge\" {\n  department f \"Facilities\"\n  stage s \"Stay\" {\n"
        for r in ratings { text += "    touchpoint \(r.replacingOccurrences(of: "_", with: "-")) \"\(r)\" { owner f }\n" }
        text += "  }\n  feedback \"lounge.csv\" {\n    format wide\n"
        for r in ratings { text += "    rating \(r.replacingOccurrences(of: "_", with: "-")) = \"\(r)_rating\"\n" }
        text += "    outcome recommended = \"recommended\" { yes \"1\" }\n  }\n}\n"
        try text.write(toFile: dir + "/lounge.journey", atomically: true, encoding: .utf8)
        let loaded = JourneyLoader.load(path: dir + "/lounge.journey", options: LoadOptions(root: dir))
        let journey = try #require(loaded.journey, "\(loaded.diagnostics)")
        let (m, diags) = FeedbackJoin.run(journey)
        #expect(!diags.hasErrors)
        let r = PainPointAnalysis.analyse(journey, m)
        let d = try #require(r.drivers, "an outcome with wide ratings gives key drivers")
        #expect(d.rows.count == ratings.count)
        #expect(abs(d.rows.map(\.driver.importance.value).reduce(0, +) - 100) < 0.5, "shares of the explained outcome sum to 100%")
        for row in d.rows {
            let perf = try #require(row.performance)
            #expect(abs(row.priority - row.driver.importance.value * (100 - perf.value) / 100) < 1e-9)
            #expect(row.quadrant != nil)
        }
        #expect(zip(d.rows, d.rows.dropFirst()).allSatisfy { $0.priority >= $1.priority }, "rows by priority")
        // Pain points follow the priority and explain themselves in the manager's words.
        let ranked = r.painPoints.compactMap(\.priority?.priority)
        #expect(ranked == ranked.sorted(by: >))
        let first = try #require(r.painPoints.first)
        #expect(first.explanation.contains("of the explained “recommended”") && first.explanation.contains("rate it 3 or lower (n = "))
        let md = MarkdownReport.render(r, journey: journey)
        let lead = try #require(md.range(of: "## Key drivers of “recommended”"))
        #expect(lead.lowerBound < md.range(of: "## Ranked pain points")!.lowerBound, "the drivers lead the report")
        #expect(md.contains("respondents gave"))
    }

    static func metrics(promoters: Int, detractors: Int, n: Int, emotion: Double) -> Metrics {
        var x = Metrics()
        x.responses = n
        x.npsCount = n
        x.promoters = promoters
        x.detractors = detractors
        x.passives = n - promoters - detractors
        x.nps = MetricsMath.nps(promoters: promoters, detractors: detractors, n: n)
        x.measuredEmotion = emotion
        x.isSmallSample = n < 30
        return x
    }
}
