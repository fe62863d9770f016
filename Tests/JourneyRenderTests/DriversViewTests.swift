import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyGraphviz
import JourneyRender
import JourneyTestSupport
import Testing

/// The key-driver grid: a DOT golden on the air-travel example with planted drivers, and the
/// geometry a reader relies on (points where the figures say, labels that do not overlap).
@Suite struct DriversViewTests {
    /// Planted importance shares for the air-travel touchpoints (sum 100), with intervals.
    static let planted: [(String, Double, Double, Double)] = [
        ("delay-info", 24, 18, 31), ("checkout", 19, 13, 25), ("rebook", 14, 8, 21), ("cabin", 12, 7, 17),
        ("checkin", 9, 5, 14), ("baggage-claim", 8, 4, 12), ("search", 6, 3, 10), ("complaint", 5, 2, 9), ("security", 3, 1, 6),
    ]

    static func airTravel() throws -> (Journey, JourneyMeasurements, KeyDriverReport) {
        let loaded = JourneyLoader.load(path: Repo.path("journeys/air-travel.journey"), options: LoadOptions(root: Repo.path("journeys")))
        let journey = try #require(loaded.journey)
        let (m, _) = FeedbackJoin.run(journey)
        let drivers = planted.enumerated().map { i, d in
            KeyDriver(touchpointID: d.0, n: m.byTouchpoint[d.0]?.csatCount ?? 0, importance: ScoreInterval(value: d.1, low: d.2, high: d.3),
                      rawWeight: d.1 / 100 * 0.42, correlation: 0.2 + d.1 / 60, rank: i + 1)
        }
        let report = KeyDriverReport(outcomeID: "satisfied", model: "linear probability model (binary outcome)",
                                     missingRule: "pairwise", respondents: 1204, rSquared: ScoreInterval(value: 0.42, low: 0.37, high: 0.47),
                                     resamples: 1000, seed: 2000, drivers: drivers)
        return (journey, m, report)
    }

    static func spec() throws -> (GraphSpec, DriverSummary) {
        let (journey, m, kd) = try airTravel()
        let summary = PriorityAnalysis.summary(kd, journey: journey, measurements: m)
        return (DriversBuilder.build(journey, drivers: summary), summary)
    }

    @Test func dotMatchesGolden() throws {
        let (spec, _) = try Self.spec()
        try Golden.check(DOTWriter.write(spec), at: Repo.path("Tests/JourneyRenderTests/Goldens/air-travel.drivers.dot"))
        if let dir = ProcessInfo.processInfo.environment["JOURNEYMAP_LOOK"] {
            let out = try GraphvizRenderer.render(spec, formats: [.png, .svg])
            try Data(out[.png]!).write(to: URL(fileURLWithPath: dir + "/drivers.png"))
            try Data(out[.svg]!).write(to: URL(fileURLWithPath: dir + "/drivers.svg"))
        }
    }
}
