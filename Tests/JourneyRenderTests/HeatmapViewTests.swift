import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyGraphviz
import JourneyRender
import JourneyTestSupport
import Testing

/// The segment heat map: a DOT golden on the airport-lounge example, every cell printing its
/// figure and n, a mark exactly on the significant cells, and segment names escaped.
@Suite struct HeatmapViewTests {
    static func lounge() throws -> (Journey, SegmentTable) {
        let loaded = JourneyLoader.load(
            path: Repo.path("journeys/airport-lounge.journey"), options: LoadOptions(root: Repo.path("journeys")))
        let journey = try #require(loaded.journey)
        let (m, _) = FeedbackJoin.run(journey)
        return (journey, try #require(SegmentComparison.analyse(journey, m)))
    }

    @Test func dotMatchesGolden() throws {
        let (journey, table) = try Self.lounge()
        let spec = HeatmapBuilder.build(journey, table: table)
        try Golden.check(DOTWriter.write(spec), at: Repo.path("Tests/JourneyRenderTests/Goldens/airport-lounge.segments.dot"))
        if let dir = ProcessInfo.processInfo.environment["JOURNEYMAP_LOOK"] {
            for theme in [Theme.default, .print, .dark] {
                var o = MapOptions()
                o.theme = theme
                let out = try GraphvizRenderer.render(HeatmapBuilder.build(journey, table: table, options: o), formats: [.png])
                try Data(out[.png]!).write(to: URL(fileURLWithPath: dir + "/segments-\(theme.name).png"))
            }
        }
    }

    /// Each drawn cell says its figure and n; ▲/▼ and the thick border mark exactly the cells
    /// the analysis found significant, in the direction of the difference.
    @Test func everyCellHasItsFigureAndNAndMarksFollowTheAnalysis() throws {
        let (journey, table) = try Self.lounge()
        let svg = String(
            decoding: try #require(try GraphvizRenderer.render(HeatmapBuilder.build(journey, table: table), formats: [.svg])[.svg]),
            as: UTF8.self)
        for c in table.cells where c.n > 0 {
            #expect(svg.contains(">n=\(c.n)"), "\(c.segment) × \(c.touchpointID)")
        }
        let up = table.cells.filter { $0.isSignificant && ($0.difference?.value ?? 0) > 0 }.count
        let down = table.cells.filter { $0.isSignificant && ($0.difference?.value ?? 0) < 0 }.count
        #expect(up > 0 && down > 0, "the example plants segments that differ")
        // The legend shows each symbol once more.
        #expect(svg.components(separatedBy: "▲ ").count - 1 == up + 1)
        #expect(svg.components(separatedBy: "▼ ").count - 1 == down + 1)
        let dot = DOTWriter.write(HeatmapBuilder.build(journey, table: table))
        #expect(dot.components(separatedBy: "BORDER=\"3\"").count - 1 == table.significantCells.count)
    }

    @Test func segmentNamesAreEscaped() throws {
        let r = SourceRange.file("x")
        let journey = Journey(
            id: "x", title: "X",
            stages: [Stage(id: "s", title: "S", touchpoints: [Touchpoint(id: "a", title: "A", stageID: "s", range: r)], range: r)],
            sourceFile: "x", range: r)
        var m = JourneyMeasurements()
        var x = Metrics()
        x.responses = 40
        x.csatCount = 40
        x.csatTopCount = 10
        m.bySegmentTouchpoint["<b>evil</b> & \"co\""] = ["a": x]
        m.byTouchpoint["a"] = x
        let table = try #require(SegmentComparison.analyse(journey, m))
        let dot = DOTWriter.write(HeatmapBuilder.build(journey, table: table))
        #expect(dot.contains("&lt;b&gt;evil&lt;/b&gt; &amp; &quot;co&quot;"))
        #expect(!dot.contains("<b>evil"))
    }

    @Test func withoutSegmentsTheViewSaysHowToGetThem() throws {
        let r = SourceRange.file("x")
        let journey = Journey(id: "x", title: "X", sourceFile: "x", range: r)
        let dot = DOTWriter.write(HeatmapBuilder.build(journey, table: nil))
        #expect(dot.contains("No segments in the data"))
        _ = try GraphvizRenderer.render(HeatmapBuilder.build(journey, table: nil), formats: [.svg])
    }
}
