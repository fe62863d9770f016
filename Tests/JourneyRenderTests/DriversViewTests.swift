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
            KeyDriver(
                touchpointID: d.0, n: m.byTouchpoint[d.0]?.csatCount ?? 0, importance: ScoreInterval(value: d.1, low: d.2, high: d.3),
                rawWeight: d.1 / 100 * 0.42, correlation: 0.2 + d.1 / 60, rank: i + 1)
        }
        let report = KeyDriverReport(
            outcomeID: "satisfied", model: "linear probability model (binary outcome)",
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

/// What a reader pairs up in the rendered drivers grid: each marker shows its priority rank in
/// a colour readable on the owner's fill, the label repeats the rank, no label carries a
/// coloured dot of its own, and a label not beside its point has a leader line to it.
@Suite struct DriversRankLabelTests {
    struct Marker { var rank: Int; var x, y: Double; var fill, textFill: String }
    struct Label { var rank: Int; var minX, maxX, minY, maxY: Double }

    /// The SVG's node and edge groups, from `<g id=… class="…">` to the next one.
    static func groups(_ svg: String, _ kind: String) -> [String] {
        svg.components(separatedBy: "class=\"\(kind)\">").dropFirst().map { $0.components(separatedBy: "<g id=\"node").first ?? $0 }
    }

    static func numbers(_ s: String) -> [Double] {
        s.split(whereSeparator: { !"-0123456789.".contains($0) }).compactMap { Double($0) }
    }

    static func attr(_ name: String, in s: String) -> String? {
        guard let r = s.range(of: " \(name)=\"") else { return nil }
        return String(s[r.upperBound...].prefix { $0 != "\"" })
    }

    static func parse(_ svg: String) -> (markers: [Marker], labels: [Label], edgeEnds: [(Double, Double)]) {
        var markers: [Marker] = [], labels: [Label] = [], ends: [(Double, Double)] = []
        for g in groups(svg, "node") {
            if let e = g.range(of: "<ellipse"), let text = g.range(of: "<text") {
                let ell = String(g[e.lowerBound...].prefix { $0 != "/" })
                let t = String(g[text.lowerBound...])
                let content = t.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
                if let rank = Int(content), let cx = attr("cx", in: ell).flatMap(Double.init),
                    let cy = attr("cy", in: ell).flatMap(Double.init)
                {
                    markers.append(Marker(rank: rank, x: cx, y: cy, fill: attr("fill", in: ell) ?? "", textFill: attr("fill", in: t) ?? ""))
                }
            } else if let p = g.range(of: "points=\""), let text = g.range(of: "<text") {
                let content = g[text.lowerBound...].drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
                guard content.hasSuffix(" · "), let rank = Int(content.dropLast(3)) else { continue }
                let pts = numbers(String(g[p.upperBound...].prefix { $0 != "\"" }))
                let xs = stride(from: 0, to: pts.count, by: 2).map { pts[$0] }, ys = stride(from: 1, to: pts.count, by: 2).map { pts[$0] }
                labels.append(Label(rank: rank, minX: xs.min()!, maxX: xs.max()!, minY: ys.min()!, maxY: ys.max()!))
            }
        }
        for g in groups(svg, "edge") {
            guard let d = g.range(of: " d=\"M") else { continue }
            let pts = numbers(String(g[d.upperBound...].prefix { $0 != "\"" }))
            if pts.count >= 4 { ends.append((pts[0], pts[1])); ends.append((pts[pts.count - 2], pts[pts.count - 1])) }
        }
        return (markers, labels, ends)
    }

    static func check(_ spec: GraphSpec, count: Int) throws {
        let dot = DOTWriter.write(spec)
        #expect(!dot.contains("● </"), "no label carries a coloured dot of its own (the legend's are spaced before)")
        let svg = String(decoding: try #require(try GraphvizRenderer.render(spec, formats: [.svg])[.svg]), as: UTF8.self)
        let (markers, labels, ends) = parse(svg)
        #expect(markers.map(\.rank).sorted() == Array(1...count), "every marker shows its rank")
        #expect(labels.map(\.rank).sorted() == Array(1...count), "every label starts with its marker's rank")
        for m in markers {
            let fill = try #require(UInt32(m.fill.dropFirst(), radix: 16))
            #expect(m.textFill == Color(hex: fill).readableText.hex, "rank \(m.rank) readable on \(m.fill)")
            let label = try #require(labels.first { $0.rank == m.rank })
            let dx = max(0, label.minX - m.x, m.x - label.maxX), dy = max(0, label.minY - m.y, m.y - label.maxY)
            let gap = (dx * dx + dy * dy).squareRoot()
            let leader = ends.contains { abs($0.0 - m.x) < 1.5 && abs($0.1 - m.y) < 1.5 }
            #expect(gap <= 20 || leader, "label \(m.rank) is \(Int(gap)) pt from its point with no leader line")
        }
    }

    @Test func airTravelRanksAndLeaders() throws {
        let (spec, summary) = try DriversViewTests.spec()
        try Self.check(spec, count: summary.rows.filter { $0.performance != nil }.count)
    }

    /// Journey text in a label and a tooltip stays text: the rank prefix is markup, the title is escaped.
    @Test func rankedLabelsEscapeJourneyText() throws {
        let (journey, m, kd) = try DriversViewTests.airTravel()
        var summary = PriorityAnalysis.summary(kd, journey: journey, measurements: m)
        summary.rows[0].touchpointTitle = "<B>Pays</B> & \"leaves\""
        let dot = DOTWriter.write(DriversBuilder.build(journey, drivers: summary))
        #expect(dot.contains("<B>1 · </B>"), "the rank prefix is bold markup")
        #expect(dot.contains("&lt;B&gt;Pays&lt;/B&gt; &amp;"), "the title is escaped in the HTML label")
        // The HTML labels (the halo boxes carry no tooltip) hold no raw markup from the title.
        let html = dot.components(separatedBy: "\n").filter { $0.contains("label=<") && $0.contains("leaves") }
        #expect(html.count == 1 && !html[0].contains("<B>Pays"), "\(html)")
        #expect(dot.contains("tooltip=\"1 · <B>Pays</B> & \\\"leaves\\\"\""), "the tooltip is a quoted plain string")
    }

    @Test func ranksFollowPriorityOrder() throws {
        let (spec, summary) = try DriversViewTests.spec()
        let tooltips = spec.nodes.compactMap { n -> String? in
            guard case .plain(let t)? = n.attributes.values[.tooltip] else { return nil }
            return t
        }
        let plotted = summary.rows.filter { $0.performance != nil }
        for (i, r) in plotted.enumerated() { #expect(tooltips.contains("\(i + 1) · " + r.touchpointTitle)) }
    }
}
