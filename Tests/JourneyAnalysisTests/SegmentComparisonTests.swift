import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyTestSupport
import Testing

/// The segment × touchpoint table: planted data with a known answer, the Holm correction's
/// false-alarm and detection rates on simulated tables, and the real data joined end to end.
@Suite struct SegmentComparisonTests {
    static let r = SourceRange.file("seg.journey")

    static func journey(_ ids: [String], sources: [FeedbackSource] = []) -> Journey {
        let tps = ids.map { Touchpoint(id: $0, title: $0.uppercased(), stageID: "all", owner: "ops", range: r) }
        return Journey(
            id: "seg", title: "Segments", departments: [Department(id: "ops", title: "Ops", range: r)],
            stages: [Stage(id: "all", title: "All", touchpoints: tps, range: r)], feedback: sources, sourceFile: "seg.journey", range: r)
    }

    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("seg-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Business travellers rate touchpoint a NPS +40 (60 promoters, 20 passives, 20 detractors),
    /// economy −40; at b both are 0. Joined through the real CSV join.
    @Test func plantedNPSGapIsFoundWithItsKnownFigures() throws {
        var rows = ["touchpoint,segment,nps"]
        func add(_ tp: String, _ seg: String, _ p: Int, _ pas: Int, _ d: Int) {
            rows +=
                Array(repeating: "\(tp),\(seg),10", count: p) + Array(repeating: "\(tp),\(seg),7", count: pas)
                + Array(repeating: "\(tp),\(seg),2", count: d)
        }
        add("a", "business", 60, 20, 20)
        add("a", "economy", 20, 20, 60)
        add("b", "business", 40, 20, 40)
        add("b", "economy", 40, 20, 40)
        let path = try Self.file(rows.joined(separator: "\n") + "\n")
        let j = Self.journey(["a", "b"], sources: [FeedbackSource(path: path, resolvedPath: path, range: Self.r)])
        let (m, diags) = FeedbackJoin.run(j)
        #expect(!diags.hasErrors)
        let t = try #require(SegmentComparison.analyse(j, m))
        #expect(t.figure == .nps)
        #expect(t.segments == ["business", "economy"])  // equal sizes: by name
        #expect(t.touchpointIDs == ["a", "b"])
        #expect(t.tests == 4)
        let c = try #require(t.cell("business", "a"))
        #expect(c.n == 100 && c.restN == 100)
        #expect(c.figure?.value == 40 && c.rest?.value == -40)
        // Python: the adjusted-Wald interval, centre 100·(p'−d')₁ − 100·(p'−d')₂ ± 1.959964·√(Var₁+Var₂).
        let d = try #require(c.difference)
        #expect(d.value == 80)
        #expect(abs(d.low - 55.81313167853119) < 1e-9 && abs(d.high - 99.5266741467115) < 1e-9)
        // The pooled test: P = D = 0.4, z = 0.8 / √((P + D − (P − D)²)·(1/100 + 1/100)).
        #expect(abs(try #require(c.p) - 2.53962858947086e-10) < 1e-18)
        #expect(abs(try #require(c.adjustedP) - 4 * 2.53962858947086e-10) < 1e-18)
        #expect(c.isSignificant)
        #expect(t.cell("economy", "a")?.isSignificant == true)
        #expect(t.cell("economy", "a")?.difference.map { $0.high < 0 } == true)
        for s in t.segments {
            let b = try #require(t.cell(s, "b"))
            #expect(!b.isSignificant && b.difference?.value == 0 && b.adjustedP == 1)
        }
        #expect(t.significantCells.map(\.segment) == ["business", "economy"])
    }

    /// Holm (1979) by hand: sorted 0.005·4, 0.01·3, 0.03·2, 0.04·1 with the running maximum.
    @Test func holmAdjustsInTheInputOrder() {
        let a = SegmentComparison.holm([0.01, 0.04, 0.03, 0.005])
        let expected = [0.03, 0.06, 0.06, 0.02]
        for (x, e) in zip(a, expected) { #expect(abs(x - e) < 1e-12) }
        #expect(SegmentComparison.holm([0.5, 0.9]) == [1, 1])
        #expect(SegmentComparison.holm([]).isEmpty)
    }

    /// Too few answers on either side: the figure is shown, the cell is not tested and does
    /// not count in the family.
    @Test func smallCellsAreShownButNotTested() throws {
        let rows =
            ["touchpoint,segment,csat"] + Array(repeating: "a,big,5", count: 50) + Array(repeating: "a,big,1", count: 50)
            + Array(repeating: "a,tiny,1", count: 5)
        let path = try Self.file(rows.joined(separator: "\n") + "\n")
        let j = Self.journey(["a"], sources: [FeedbackSource(path: path, resolvedPath: path, range: Self.r)])
        let (m, _) = FeedbackJoin.run(j)
        let t = try #require(SegmentComparison.analyse(j, m))
        #expect(t.figure == .csat)
        let tiny = try #require(t.cell("tiny", "a"))
        #expect(tiny.n == 5 && tiny.figure?.value == 0 && !tiny.isTested && !tiny.isSignificant)
        #expect(t.tests == 0)  // "big" has a rest of 5 answers: not tested either
        #expect(t.segments == ["big", "tiny"])
    }

    @Test func noSegmentsNoTable() throws {
        let path = try Self.file("touchpoint,nps\na,9\n")
        let j = Self.journey(["a"], sources: [FeedbackSource(path: path, resolvedPath: path, range: Self.r)])
        let (m, _) = FeedbackJoin.run(j)
        #expect(SegmentComparison.analyse(j, m) == nil)
    }
}
