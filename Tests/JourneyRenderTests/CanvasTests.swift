import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyGraphviz
import JourneyRender
import JourneyTestSupport
import Testing

/// The journey canvas: stage columns × lanes, empty lanes left out, text instead of counts,
/// the measured curve broken where a step has no data, summary or full detail.
@Suite struct CanvasTests {
    static func example(_ name: String) throws -> (Journey, JourneyMeasurements, [TargetResult]) {
        let loaded = JourneyLoader.load(path: Repo.path("journeys/\(name).journey"), options: LoadOptions(root: Repo.path("journeys")))
        let journey = try #require(loaded.journey, "\(loaded.diagnostics)")
        let (m, _) = FeedbackJoin.run(journey)
        return (journey, m, TargetEvaluation.evaluate(journey, m))
    }

    static func journey(_ text: String) throws -> Journey {
        let loaded = JourneyLoader.load(text: text, path: "/tmp/canvas.journey")
        return try #require(loaded.journey, "\(loaded.diagnostics)")
    }

    static func svg(_ spec: GraphSpec) throws -> String {
        String(decoding: try #require(try GraphvizRenderer.render(spec, formats: [.svg])[.svg]), as: UTF8.self)
    }

    @Test func fullDetailMatchesGolden() throws {
        let (journey, m, targets) = try Self.example("air-travel")
        var options = MapOptions()
        options.detail = .full
        try Golden.check(
            DOTWriter.write(CanvasBuilder.build(journey, measurements: m, targets: targets, options: options)),
            at: Repo.path("Tests/JourneyRenderTests/Goldens/air-travel.canvas.dot"))
    }

    /// Summary on A1, as `render --paper A1` draws it: wall text, wrapped to print largest.
    @Test func summaryOnA1MatchesGolden() throws {
        let (journey, m, targets) = try Self.example("online-return")
        var options = MapOptions()
        let paper = try #require(Paper("A1", landscape: true))
        options.adapt(to: paper)
        options.paper = paper
        options.detail = .summary
        try Golden.check(
            DOTWriter.write(CanvasBuilder.build(journey, measurements: m, targets: targets, options: options)),
            at: Repo.path("Tests/JourneyRenderTests/Goldens/online-return.canvas-summary.dot"))
    }

    @Test func painsAndOpportunitiesAppearAsTextInTheirLanes() throws {
        let (journey, m, targets) = try Self.example("air-travel")
        let svg = try Self.svg(CanvasBuilder.build(journey, measurements: m, targets: targets))
        for lane in [">Customer<", ">actions<", "Owners", "Emotion", "Pains", "Opportunities", "KPIs and", "Backstage and"] {
            #expect(svg.contains(lane), "lane \(lane)")
        }
        for text in ["Seat and bag", "Show the full", "Fare engine", "Enters card"] {
            #expect(svg.contains(text), "\(text)")
        }
        #expect(svg.contains("✘ target CSAT ≥ 70%"), "the missed touchpoint target, with its verdict")
    }

    @Test func lanesWithNothingInThemAreLeftOut() throws {
        let journey = try Self.journey(
            """
            journey j "J" {
              stage s "S" { touchpoint a "Alpha" { emotion happy }; touchpoint b "Beta" { emotion angry; pain "Slow" } }
            }
            """)
        let svg = try Self.svg(CanvasBuilder.build(journey, measurements: nil, targets: []))
        #expect(svg.contains("Pains") && svg.contains("Emotion") && svg.contains("Alpha"))
        for lane in ["Customer", "Owners", "Opportunities", "KPIs", "Backstage"] { #expect(!svg.contains(lane), "\(lane) is empty") }
    }

    /// Measured emotion at a and c only: no line across b, which has no data.
    @Test func measuredCurveBreaksAtAStepWithoutData() throws {
        let journey = try Self.journey(
            """
            journey j "J" {
              stage s "S" { touchpoint a "A" { emotion happy }; touchpoint b "B" { emotion happy }; touchpoint c "C" { emotion happy }; touchpoint d "D" { emotion happy } }
            }
            """)
        var m = JourneyMeasurements()
        for (id, v) in [("a", 1.0), ("c", -1.0), ("d", 0.5)] {
            var x = Metrics()
            x.measuredEmotion = v
            m.byTouchpoint[id] = x
        }
        let spec = CanvasBuilder.build(journey, measurements: m, targets: [])
        let measured = spec.edges.filter { $0.attributes[.color]?.value == Theme.default.positive.hex }
        #expect(measured.count == 1, "only c → d are neighbours with data")
        let designed = spec.edges.filter { $0.attributes[.style]?.value == "dashed" }
        #expect(designed.count == 3)
    }

    @Test func summaryDropsIntervalsFullKeepsThem() throws {
        let (journey, m, targets) = try Self.example("air-travel")
        var options = MapOptions()
        options.detail = .summary
        let summary = DOTWriter.write(CanvasBuilder.build(journey, measurements: m, targets: targets, options: options))
        options.detail = .full
        let full = DOTWriter.write(CanvasBuilder.build(journey, measurements: m, targets: targets, options: options))
        #expect(full.contains("NPS +83 (+68…+91)"))
        #expect(summary.contains("NPS +83") && !summary.contains("NPS +83 ("))
        #expect(summary.contains("n = 70") && full.contains("n = 70"), "n is always there")
    }

    /// Every example renders as a canvas (SVG), so Graphviz accepted every label.
    @Test(arguments: ["air-travel", "online-return", "bank-account", "airport-lounge"])
    func everyExampleRenders(_ name: String) throws {
        let (journey, m, targets) = try Self.example(name)
        for detail in MapOptions.Detail.allCases {
            var options = MapOptions()
            options.detail = detail
            let svg = try Self.svg(CanvasBuilder.build(journey, measurements: m, targets: targets, options: options))
            #expect(svg.contains(Escape.html(String(journey.touchpoints[0].title.prefix(8)))))
        }
    }

    /// A measured value's label sits right of its marker on the side the lines leaving to the
    /// right do not cross: below when the curve rises, above when it falls.
    @Test func valueLabelsSitAwayFromTheLinesLeavingTheirMarker() throws {
        let journey = try Self.journey(
            """
            journey j "J" {
              stage s "S" { touchpoint a "A"; touchpoint b "B"; touchpoint c "C" }
            }
            """)
        var m = JourneyMeasurements()
        for (id, v) in [("a", 0.2), ("b", 1.8), ("c", -1.6)] {
            var x = Metrics()
            x.measuredEmotion = v
            m.byTouchpoint[id] = x
        }
        let dot = DOTWriter.write(CanvasBuilder.build(journey, measurements: m, targets: []))
        func y(ofLabel text: String) throws -> Double {
            let line = try #require(dot.split(separator: "\n").first { $0.contains(">\(text)</FONT>") })
            let pos = try #require(line.range(of: #"pos="[-0-9.]+,[-0-9.]+"#, options: .regularExpression))
            return try #require(Double(line[pos].split(separator: ",")[1]))
        }
        func markerY(_ index: Int) throws -> Double {
            let diamonds = dot.split(separator: "\n").filter { $0.contains("shape=\"diamond\"") }
            let line = diamonds[index]
            let pos = try #require(line.range(of: #"pos="[-0-9.]+,[-0-9.]+"#, options: .regularExpression))
            return try #require(Double(line[pos].split(separator: ",")[1]))
        }
        #expect(try y(ofLabel: "+0.2") < markerY(0), "a → b rises: the label goes below")
        #expect(try y(ofLabel: "+1.8") > markerY(1), "b → c falls: the label goes above")
    }
}
