import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyGraphviz
import JourneyRender
import JourneyTestSupport
import Testing

/// Maps of the example journeys: DOT goldens for what we build, sanity checks for the bytes
/// Graphviz produces.
@Suite struct RenderTests {
    static let examples = ["air-travel", "online-return", "bank-account"]

    static func spec(_ name: String, options: MapOptions = MapOptions()) throws -> (Journey, GraphSpec) {
        let loaded = JourneyLoader.load(path: Repo.path("journeys/\(name).journey"), options: LoadOptions(root: Repo.path("journeys")))
        let journey = try #require(loaded.journey, "\(loaded.diagnostics)")
        let (m, _) = FeedbackJoin.run(journey)
        return (journey, MapBuilder.build(journey, measurements: m, options: options))
    }

    @Test(arguments: examples)
    func dotMatchesGolden(_ name: String) throws {
        let (_, spec) = try Self.spec(name)
        try Golden.check(DOTWriter.write(spec), at: Repo.path("Tests/JourneyRenderTests/Goldens/\(name).dot"))
    }

    @Test(arguments: examples)
    func svgIsWellFormedWithOneNodePerTouchpoint(_ name: String) throws {
        let (journey, spec) = try Self.spec(name)
        let svg = try #require(try GraphvizRenderer.render(spec, formats: [.svg])[.svg])
        let doc = try XMLDocument(data: Data(svg))
        // Touchpoint cards are named tp0, tp1, …; flow labels are nodes of their own (flowN).
        let nodes = try doc.nodes(forXPath: "//*[local-name()='g'][@class='node'][starts-with(*[local-name()='title'], 'tp')]")
        #expect(nodes.count == journey.touchpoints.count)
        let text = String(decoding: svg, as: UTF8.self)
        for tp in journey.touchpoints.prefix(3) {
            #expect(text.contains(Escape.html(String(tp.title.prefix(10)))), "\(tp.title)")
        }
    }

    @Test func sameGraphSameBytes() throws {
        let (_, spec) = try Self.spec("air-travel")
        let a = try GraphvizRenderer.render(spec, formats: [.svg, .pdf])
        let b = try GraphvizRenderer.render(spec, formats: [.svg, .pdf])
        #expect(a[.svg] == b[.svg])
        #expect(a[.pdf] == b[.pdf], "cairo's creation date must be normalised")
    }

    @Test func pngAndPdfHaveTheirSignatures() throws {
        let (_, spec) = try Self.spec("online-return")
        let out = try GraphvizRenderer.render(spec, formats: [.png, .pdf], dpi: 72)
        let png = try #require(out[.png])
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // Width and height from the IHDR chunk: a wide timeline, not a degenerate image.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width > 1000 && height > 200 && width > height)
        let pdf = try #require(out[.pdf])
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(pdf.count > 10_000)
    }

    @Test func bitmapPastCairosLimitIsRefusedNotShrunk() throws {
        let (_, spec) = try Self.spec("air-travel")
        #expect(throws: GraphvizError.self) { try GraphvizRenderer.render(spec, formats: [.png], dpi: 1200) }
        do {
            _ = try GraphvizRenderer.render(spec, formats: [.png], dpi: 1200)
        } catch {
            #expect("\(error)".contains("render PDF or SVG, or lower --dpi"))
        }
    }

    /// Graphviz is not thread-safe; the renderer's lock makes concurrent callers safe.
    @Test func concurrentRendersThroughTheLock() async throws {
        let (_, spec) = try Self.spec("online-return")
        let reference = try GraphvizRenderer.render(spec, formats: [.svg])[.svg]
        try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            for _ in 0..<8 { group.addTask { try GraphvizRenderer.render(spec, formats: [.svg])[.svg] } }
            for try await svg in group { #expect(svg == reference) }
        }
    }
}

/// DOT goldens for the other views of the largest example.
@Suite struct ViewGoldenTests {
    @Test func curveBlueprintOwnershipAndChartMatchGoldens() throws {
        let loaded = JourneyLoader.load(path: Repo.path("journeys/air-travel.journey"), options: LoadOptions(root: Repo.path("journeys")))
        let journey = try #require(loaded.journey)
        let (m, _) = FeedbackJoin.run(journey)
        try Golden.check(
            DOTWriter.write(CurveBuilder.build(journey, measurements: m)),
            at: Repo.path("Tests/JourneyRenderTests/Goldens/air-travel.curve.dot"))
        try Golden.check(
            DOTWriter.write(BlueprintBuilder.build(journey)), at: Repo.path("Tests/JourneyRenderTests/Goldens/air-travel.blueprint.dot"))
        let targets = TargetEvaluation.evaluate(journey, m)
        try Golden.check(
            DOTWriter.write(OwnershipBuilder.build(journey, measurements: m, targets: targets)),
            at: Repo.path("Tests/JourneyRenderTests/Goldens/air-travel.ownership.dot"))
        let report = PainPointAnalysis.analyse(journey, m)
        try Golden.check(
            DOTWriter.write(ReportChart.build(report)), at: Repo.path("Tests/JourneyRenderTests/Goldens/air-travel.report.dot"))
    }
}
