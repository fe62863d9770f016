import Foundation
import JourneyCore
import JourneyFeedback
import JourneyGraphviz
import JourneyTestSupport
import Testing

@testable import JourneyRender

/// The emotion curve: the measured line breaks at a step without answers and the legend says
/// so; personas with a segment get their own measured line; value labels sit clear of every
/// marker, line and other label (read back from the graph's pinned positions).
@Suite struct CurveViewTests {
    static let r = SourceRange.file("c.journey")

    /// Pinned positions, marker discs, line segments and value-label boxes of a curve's graph.
    struct Geometry {
        var markers: [(x: Double, y: Double, radius: Double)] = []
        var segments: [CurveLabelPlacer.Segment] = []
        var labels: [(text: String, box: CurveLabelPlacer.Box)] = []

        init(_ g: GraphSpec) {
            var pos: [NodeID: (Double, Double)] = [:]
            for n in g.nodes {
                guard let p = n.attributes[.pos]?.value else { continue }
                let xy = p.replacingOccurrences(of: "!", with: "").split(separator: ",").compactMap { Double($0) }
                pos[n.id] = (xy[0], xy[1])
                let shape = n.attributes[.shape]?.value ?? ""
                if ["diamond", "square", "triangle", "invtriangle", "star", "circle"].contains(shape) {
                    let w = Double(n.attributes[.width]?.value ?? "0.2") ?? 0.2
                    markers.append((xy[0], xy[1], w * 36))
                } else if shape == "plain", case .html(let label)? = n.attributes.values[.label] {
                    // A value label: one signed number with a decimal, e.g. +1.5 or −0.8.
                    let text = label.markup.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                    if text.range(of: #"^[+−]?\d\.\d$"#, options: .regularExpression) != nil {
                        let w = TextWidth.of(text, size: 8)
                        labels.append((text, .init(x: xy[0], y: xy[1], halfWidth: w / 2, halfHeight: 4.5)))
                    }
                }
            }
            for e in g.edges {
                guard let a = pos[e.from], let b = pos[e.to], e.attributes[.style]?.value != "dotted" || a.1 != b.1 else { continue }
                // Grid lines (horizontal, across the whole chart) and stage separators are not curve lines.
                if a.1 == b.1 && abs(a.0 - b.0) > CurveBuilder.dx * 1.5 { continue }
                if a.0 == b.0 { continue }
                segments.append(.init(x0: a.0, y0: a.1, x1: b.0, y1: b.1))
            }
        }
    }

    static func journey(_ sources: [FeedbackSource], personas: [Persona] = []) -> Journey {
        let tps = ["a", "b", "c", "d"].enumerated().map { i, id in
            Touchpoint(id: id, title: id.uppercased(), stageID: "s", emotion: Emotion(value: [1, -1, 0, 2][i]), range: r)
        }
        return Journey(
            id: "c", title: "C", personas: personas, stages: [Stage(id: "s", title: "S", touchpoints: tps, range: r)],
            feedback: sources, sourceFile: "c.journey", range: r)
    }

    static func source(_ csv: String) throws -> FeedbackSource {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("curve-\(UUID().uuidString).csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        return FeedbackSource(path: path, resolvedPath: path, range: r)
    }

    /// Data at a, c and d, none at b: a–c must not be joined, c–d must.
    @Test func measuredLineBreaksAtAStepWithoutData() throws {
        let j = Self.journey([try Self.source("touchpoint,nps\na,10\na,9\nc,3\nd,10\n")])
        let (m, _) = FeedbackJoin.run(j)
        let g = CurveBuilder.build(j, measurements: m)
        let geo = Geometry(g)
        let measuredLines = geo.segments.filter { s in
            // The designed line runs through every column; measured points are a at +2·55 … .
            s.y0 != Double(j.touchpoints[Int((s.x0 / CurveBuilder.dx).rounded())].emotion!.value) * CurveBuilder.dy
                || s.y1 != Double(j.touchpoints[Int((s.x1 / CurveBuilder.dx).rounded())].emotion!.value) * CurveBuilder.dy
        }
        #expect(!measuredLines.contains { $0.x0 == 0 && $0.x1 == 2 * CurveBuilder.dx }, "a–c bridged the step without data")
        #expect(measuredLines.contains { $0.x0 == 2 * CurveBuilder.dx && $0.x1 == 3 * CurveBuilder.dx }, "c–d joined")
        let dot = DOTWriter.write(g)
        #expect(dot.contains("A gap in a measured line: no answers at that step."))
        #expect(dot.contains("no data"))
        // With data everywhere the legend does not talk about gaps.
        let full = Self.journey([try Self.source("touchpoint,nps\na,10\nb,9\nc,3\nd,10\n")])
        let (fm, _) = FeedbackJoin.run(full)
        #expect(!DOTWriter.write(CurveBuilder.build(full, measurements: fm)).contains("A gap in a measured line"))
    }

    /// Two personas with segments: a measured line each in its own shape and pattern, named in
    /// the legend; a persona whose segment has no answers is named as such.
    @Test func personasWithASegmentGetTheirOwnLines() throws {
        var rows = ["touchpoint,segment,nps"]
        for tp in ["a", "b", "c", "d"] { rows += ["\(tp),biz,10", "\(tp),biz,9", "\(tp),fun,2", "\(tp),fun,8"] }
        let personas = [
            Persona(id: "anna", name: "Anna", segment: "biz", range: Self.r),
            Persona(id: "marek", name: "Marek", segment: "fun", range: Self.r),
            Persona(id: "jan", name: "Jan", segment: "nobody", range: Self.r),
        ]
        let j = Self.journey([try Self.source(rows.joined(separator: "\n") + "\n")], personas: personas)
        let (m, _) = FeedbackJoin.run(j)
        let g = CurveBuilder.build(j, measurements: m)
        let shapes = g.nodes.compactMap { $0.attributes[.shape]?.value }
        #expect(shapes.filter { $0 == "square" }.count == 4 && shapes.filter { $0 == "triangle" }.count == 4)
        let styles = g.edges.compactMap { $0.attributes[.style]?.value }
        #expect(styles.contains("dotted") && styles.contains("solid"))
        let dot = DOTWriter.write(g)
        #expect(dot.contains("Anna: measured (segment biz)") && dot.contains("Marek: measured (segment fun)"))
        #expect(dot.contains("Jan (nobody): no answers from this segment"))
        // biz answers 10 and 9 everywhere: NPS +100, measured emotion +2.
        let geo = Geometry(g)
        #expect(geo.markers.contains { $0.x == 0 && $0.y == 2 * CurveBuilder.dy })
    }

    /// On every example (personas with segments included) and in the print theme, no value
    /// label overlaps a marker, a curve line or another value label.
    @Test(arguments: ["air-travel", "bank-account", "online-return", "airport-lounge"])
    func valueLabelsAreClearOfMarkersAndLines(_ name: String) throws {
        let loaded = JourneyLoader.load(path: Repo.path("journeys/\(name).journey"), options: LoadOptions(root: Repo.path("journeys")))
        let journey = try #require(loaded.journey)
        let (m, _) = FeedbackJoin.run(journey)
        for theme in [Theme.default, .print] {
            var o = MapOptions()
            o.theme = theme
            let geo = Geometry(CurveBuilder.build(journey, measurements: m, options: o))
            #expect(!geo.labels.isEmpty)
            let placer = CurveLabelPlacer()
            for (i, l) in geo.labels.enumerated() {
                for mk in geo.markers {
                    #expect(placer.distance(l.box, mk.x, mk.y) >= mk.radius - 0.5, "\(name): \(l.text) touches a marker at \(mk)")
                }
                for s in geo.segments { #expect(placer.distance(l.box, s) > 0, "\(name): \(l.text) lies on a line") }
                for o in geo.labels[(i + 1)...] { #expect(!l.box.overlaps(o.box), "\(name): \(l.text) overlaps \(o.text)") }
            }
        }
    }
}
