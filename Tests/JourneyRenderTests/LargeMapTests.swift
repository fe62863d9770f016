import JourneyCore
import JourneyGraph
import JourneyGraphviz
@testable import JourneyRender
import JourneyTestSupport
import Testing

/// Large journeys are laid out stage by stage and pinned together (issue 17): the result must
/// still be the map of issue 13 (stages in one straight row, nothing on top of anything), with
/// every flow drawn, and the same bytes every time.
@Suite struct LargeMapTests {
    /// 400 touchpoints in 20 stages: a branch in every stage, loops and skips inside stages,
    /// and flows across stages forwards and back, labelled and not (a fixed LCG).
    static let journey: Journey = {
        var text = "journey big \"Big\" {\n  department ops \"Operations\"\n  channel web \"Web\"\n"
        var k = 0
        var stageOf: [Int] = []
        for s in 0..<20 {
            text += "  stage s\(s) \"Stage \(s + 1)\" {\n"
            for i in 0..<20 {
                text += "    touchpoint t\(k) \"Touchpoint \(k)\" { owner ops; channel web\(i == 7 ? "; branch" : "") }\n"
                stageOf.append(s)
                k += 1
            }
            text += "  }\n"
        }
        for s in 0..<20 {
            text += "  flow t\(s * 20 + 12) -> t\(s * 20 + 9) \"back in stage\"\n"
            text += "  flow t\(s * 20 + 3) -> t\(s * 20 + 5)\n"
        }
        var seed: UInt64 = 5
        var added = 0
        while added < 60 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let a = Int((seed >> 33) % 400)
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let b = Int((seed >> 33) % 400)
            guard stageOf[a] != stageOf[b] else { continue }
            text += "  flow t\(a) -> t\(b)\(added % 3 == 0 ? "" : " \"across \(added)\"")\n"
            added += 1
        }
        text += "}\n"
        let loaded = JourneyLoader.load(text: text, path: "/tmp/big.journey")
        return loaded.journey!
    }()

    @Test func largeJourneyTakesTheStagedPath() {
        #expect(Self.journey.touchpoints.count == 400)
        #expect(LargeMap.applies(to: Self.journey))
        #expect(MapBuilder.build(Self.journey).engine == .nop2)
    }

    /// The overlap test of issue 13 (`MapLayoutTests.check`: one straight row, stages in
    /// document order side by side, no label on a card, header, label or line, no line through
    /// a header or a card it does not join), plus: no two nodes overlap, no node lies on a
    /// stage header.
    @Test func stagesStandInOneRowWithNothingOnTopOfAnything() throws {
        let spec = MapBuilder.build(Self.journey)
        try MapLayoutTests.check(Self.journey, spec, name: "400 touchpoints")
        let g = try LayoutGeometry(json: try #require(try GraphvizRenderer.render(spec, formats: [.layoutJSON])[.layoutJSON]))
        let nodes = g.nodes.sorted { $0.box.x0 < $1.box.x0 }
        for (i, a) in nodes.enumerated() {
            for b in nodes[(i + 1)...] {
                if b.box.x0 >= a.box.x1 { break }
                if a.box.overlaps(b.box) { Issue.record("\(a.name) \(a.box) overlaps \(b.name) \(b.box)") }
            }
            for c in g.clusters { if let h = c.label, h.overlaps(a.box) { Issue.record("\(a.name) lies on the header of \(c.name)") } }
        }
        #expect(g.clusters.count == 20)
    }

    /// Every flow is drawn: straight, or through its label node in two halves.
    @Test func everyFlowIsDrawn() throws {
        let spec = MapBuilder.build(Self.journey)
        let g = try LayoutGeometry(json: try #require(try GraphvizRenderer.render(spec, formats: [.layoutJSON])[.layoutJSON]))
        let drawn = Set(g.edges.filter { !$0.points.isEmpty }.map { $0.tail + "->" + $0.head })
        let node = Dictionary(uniqueKeysWithValues: Self.journey.touchpoints.enumerated().map { ($1.id, "tp\($0)") })
        for (i, f) in Self.journey.flows.enumerated() {
            let (a, b) = (node[f.from]!, node[f.to]!)
            let direct = drawn.contains(a + "->" + b)
            let halves = drawn.contains(a + "->flow\(i)") && drawn.contains("flow\(i)->" + b)
            #expect(direct || halves, "flow \(i) \(f.from) -> \(f.to) is not drawn")
            if f.label != nil { #expect(halves, "flow \(i) \(f.from) -> \(f.to) is drawn without its label") }
        }
    }

    /// The same journey gives the same graph and the same SVG, twice in one process.
    @Test func sameInputSameOutput() throws {
        let a = MapBuilder.build(Self.journey)
        let b = MapBuilder.build(Self.journey)
        #expect(a == b)
        let first = try GraphvizRenderer.render(a, formats: [.svg])[.svg]
        let second = try GraphvizRenderer.render(b, formats: [.svg])[.svg]
        #expect(first == second)
    }

    /// Small journeys keep the single dot run (their maps stay as they were).
    @Test func examplesKeepTheWholeLayout() throws {
        for file in MapLayoutTests.examples {
            let loaded = JourneyLoader.load(path: Repo.path("journeys/" + file), options: LoadOptions(root: Repo.path("journeys")))
            let journey = try #require(loaded.journey, "\(file)")
            #expect(!LargeMap.applies(to: journey), "\(file)")
            #expect(MapBuilder.build(journey).engine == .dot, "\(file)")
        }
    }

    /// Lanes: flows that do not overlap share the lane nearest the stages, a flow that spans
    /// another goes below it, and a label keeps clear of the verticals that cross its lane.
    @Test func channelNestsFlowsAndKeepsLabelsClearOfVerticals() {
        func box(_ x: Double) -> GraphLayout.Box { GraphLayout.Box(x: x, y: 0, width: 100, height: 40) }
        func flow(_ a: Double, _ b: Double, label: Bool) -> FlowChannel.Flow {
            FlowChannel.Flow(
                from: box(a), to: box(b), fromGap: (a + 50)...(a + 70), toGap: (b - 70)...(b - 50),
                label: label ? (width: 60, height: 12) : nil)
        }
        let channel = FlowChannel([flow(0, 1000, label: true), flow(0, 240, label: true), flow(480, 720, label: false)], top: -100)
        #expect(channel.routes.map(\.lane) == [1, 0, 0])
        let wide = channel.routes[0]
        let c = try! #require(wide.label)
        // The verticals of the deeper flow do not cross lane 0's labels; lane 1's label avoids none.
        let short = try! #require(channel.routes[1].label)
        for x in [wide.lines[0][1].x, wide.lines[1][1].x] { #expect(abs(x - short.x) > 30) }
        #expect(c.y < short.y)
        #expect(channel.bottom <= c.y - 6)
        // Every line starts at its card's side and ends at the other card's side.
        #expect(wide.lines.first!.first! == GraphLayout.Point(50, 0))
        #expect(wide.lines.last!.last! == GraphLayout.Point(950, 0))
    }
}
