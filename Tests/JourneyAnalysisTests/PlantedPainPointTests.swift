import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyReports
import JourneyTestSupport
import Testing

/// Feedback generated with chosen bad touchpoints: the analysis must find them.
@Suite struct PlantedPainPointTests {
    /// A 12-touchpoint journey; `mood` per touchpoint decides its generated answers.
    static func journey(feedbackPath: String) -> Journey {
        let r = SourceRange.file("planted.journey")
        let ids = (0..<12).map { "t\($0)" }
        let stages = (0..<4).map { s in
            Stage(
                id: "s\(s)", title: "Stage \(s)",
                touchpoints: (0..<3).map { k in
                    let id = ids[s * 3 + k]
                    return Touchpoint(
                        id: id, title: "Touchpoint \(id)", stageID: "s\(s)", owner: s % 2 == 0 ? "ops" : "care",
                        emotion: Emotion(value: 1), range: r)
                }, range: r)
        }
        var flows: [Flow] = []
        for (a, b) in zip(ids, ids.dropFirst()) { flows.append(Flow(from: a, to: b, kind: .sequence, range: r)) }
        return Journey(
            id: "planted", title: "Planted",
            departments: [Department(id: "ops", title: "Ops", range: r), Department(id: "care", title: "Care", range: r)],
            stages: stages, flows: flows,
            feedback: [FeedbackSource(path: feedbackPath, resolvedPath: feedbackPath, range: r)],
            targets: [Target(metric: .nps, comparison: .atLeast, value: 30, range: r)],
            sourceFile: "planted.journey", range: r)
    }

    /// Deterministic answers: bad touchpoints mostly detractors and negative; a tiny healthy
    /// one (t11, 4 answers, all detractors: bad but tiny) must not outrank the planted ones.
    static func writeFeedback() throws -> String {
        let bad: Set<String> = ["t3", "t7", "t9"]
        var csv = "touchpoint,nps,csat,sentiment,comment\n"
        var seed: UInt64 = 42
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % 100)
        }
        for i in 0..<11 {
            let id = "t\(i)"
            for _ in 0..<120 {
                let r = next()
                if bad.contains(id) {
                    csv += "\(id),\(r < 80 ? 2 : 9),\(r < 80 ? 1 : 5),\(r < 80 ? "negative" : "positive"),\"too slow, really\"\n"
                } else {
                    csv += "\(id),\(r < 15 ? 4 : r < 45 ? 8 : 10),\(r < 15 ? 2 : 5),\(r < 15 ? "negative" : "positive"),\n"
                }
            }
        }
        for _ in 0..<4 { csv += "t11,3,2,negative,small but loud\n" }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("planted-\(UUID().uuidString).csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func plantedTouchpointsRankFirst() throws {
        let path = try Self.writeFeedback()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let j = Self.journey(feedbackPath: path)
        let (m, diags) = FeedbackJoin.run(j)
        #expect(!diags.hasErrors)
        let report = PainPointAnalysis.analyse(j, m)
        let top3 = Set(report.painPoints.prefix(3).map(\.touchpointID))
        #expect(top3 == ["t3", "t7", "t9"], "ranking: \(report.painPoints.map { "\($0.touchpointID)=\($0.score)" })")
        // The tiny sample is damped below the planted ones, and marked, not hidden.
        let small = try #require(report.painPoints.first { $0.touchpointID == "t11" })
        #expect(small.rank > 3)
        #expect(small.isSmallSample)
        #expect(small.explanation.contains("small sample"))
        // Each ranked item explains itself with its evidence.
        let first = report.painPoints[0]
        #expect(first.explanation.hasPrefix("Ranks #1: NPS"))
        #expect(first.metrics?.comments.first?.text == "too slow, really")
        #expect(first.ownerTitle != nil)
    }

    @Test func declaredPainsAreCheckedAgainstTheData() throws {
        let path = try Self.writeFeedback()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var j = Self.journey(feedbackPath: path)
        j.stages[1].touchpoints[0].pains = ["known slow step"]  // t3: bad in the data
        j.stages[0].touchpoints[1].pains = ["we think this hurts"]  // t1: healthy in the data
        let (m, _) = FeedbackJoin.run(j)
        let report = PainPointAnalysis.analyse(j, m)
        #expect(report.declaredPains.first { $0.touchpointID == "t3" }?.status == .confirmed)
        #expect(report.declaredPains.first { $0.touchpointID == "t1" }?.status == .notConfirmed)
    }

    @Test func missedTargetNamesFigureAndInterval() throws {
        let path = try Self.writeFeedback()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let j = Self.journey(feedbackPath: path)
        let (m, _) = FeedbackJoin.run(j)
        let t = try #require(TargetEvaluation.evaluate(j, m).first)
        #expect(t.status == .missed)
        #expect(t.message.contains("target nps >= 30 for the journey missed: nps is"))
        #expect(t.message.contains("95% interval"))
        #expect(t.interval != nil)
    }

    @Test func reportsAreGoldenAndDeterministic() throws {
        let path = try Self.writeFeedback()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let j = Self.journey(feedbackPath: path)
        let (m, _) = FeedbackJoin.run(j)
        let report = PainPointAnalysis.analyse(j, m)
        let md = MarkdownReport.render(report, journey: j).replacingOccurrences(of: path, with: "planted.csv")
        let json = try JSONReport.render(report).replacingOccurrences(of: path, with: "planted.csv")
        try Golden.check(md, at: Repo.path("Tests/JourneyAnalysisTests/Goldens/planted.pain-points.md"))
        try Golden.check(json, at: Repo.path("Tests/JourneyAnalysisTests/Goldens/planted.pain-points.json"))
        #expect(try JSONReport.render(PainPointAnalysis.analyse(j, m)) == JSONReport.render(report))
    }
}
