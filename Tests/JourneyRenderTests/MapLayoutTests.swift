import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyGraphviz
import JourneyRender
import JourneyTestSupport
import Testing

/// The map as Graphviz lays it out (issue 13): the stages stand in one straight row, and no
/// flow label lies on a card, a stage header, the heading, another label or a line; no line
/// crosses a header or a card it does not join. Checked on the positions Graphviz returns
/// (`RenderFormat.layoutJSON`), for every bundled example (screen and wall-poster labels) and
/// every journey imported from Mermaid's own test diagrams.
@Suite struct MapLayoutTests {
    static let examples = Repo.files(in: Repo.path("journeys"), suffix: ".journey")
    static let mermaid = Repo.files(in: Repo.fixture("mermaid-suite"), suffix: ".mmd").filter { !$0.contains("INVALID") }

    /// The parameterised tests below run no case at all if a folder is empty or moved.
    @Test func foldersYieldTheirJourneys() {
        #expect(Self.examples.count >= 4, "journeys/: \(Self.examples)")
        #expect(Self.mermaid.count == 6, "Tests/Fixtures/mermaid-suite: \(Self.mermaid)")
    }

    @Test(arguments: examples, [false, true])
    func exampleIsOneRowWithNothingOnTopOfAnything(_ file: String, wall: Bool) throws {
        let loaded = JourneyLoader.load(path: Repo.path("journeys/" + file), options: LoadOptions(root: Repo.path("journeys")))
        let journey = try #require(loaded.journey, "\(loaded.diagnostics)")
        let (m, _) = FeedbackJoin.run(journey)
        var options = MapOptions()
        if wall { options.adapt(to: Paper("A1", landscape: true)) }
        // As `render` draws it: the top three pain points outlined and badged.
        for p in PainPointAnalysis.analyse(journey, m).painPoints.prefix(3) { options.highlighted[p.touchpointID] = p.rank }
        try Self.check(journey, MapBuilder.build(journey, measurements: m, options: options), name: file)
    }

    @Test(arguments: mermaid)
    func mermaidImportIsOneRowWithNothingOnTopOfAnything(_ file: String) throws {
        let path = Repo.fixture("mermaid-suite/" + file)
        let data = try #require(FileManager.default.contents(atPath: path))
        let (parsed, diags) = MermaidParser.parse(SourceFile(path: path, bytes: Array(data)))
        let mermaid = try #require(parsed, "\(diags)")
        let loaded = JourneyLoader.load(text: MermaidConversion.journeyText(mermaid, fallbackID: "imported"), path: "/tmp/imported.journey")
        let journey = try #require(loaded.journey, "\(loaded.diagnostics)")
        try Self.check(journey, MapBuilder.build(journey), name: file)
    }

    /// A branch below the last touchpoint of its stage used to share a column with the next
    /// stage, and every later stage stepped down a row (the staircase of issue 13).
    @Test func branchAtTheEndOfAStageKeepsTheNextStageLevel() throws {
        let text = """
            journey t "T" {
              stage a "A" {
                touchpoint a1 "One"
                touchpoint a2 "Two"
                touchpoint detour "Detour" { branch }
              }
              stage b "B" {
                touchpoint b1 "Three"
                touchpoint b2 "Four"
              }
              stage c "C" { touchpoint c1 "Five" }
              flow a2 -> detour "goes round"
              flow detour -> b1 "comes back"
              flow b2 -> a1 "starts again"
            }
            """
        let loaded = JourneyLoader.load(text: text, path: "/tmp/t.journey")
        let journey = try #require(loaded.journey, "\(loaded.diagnostics)")
        try Self.check(journey, MapBuilder.build(journey), name: "branch at the end of a stage")
    }

    /// The touchpoints on the row: the main path, and every touchpoint of a stage that has
    /// only branches. Node names follow document order (`tp0`, `tp1`, …).
    static func rowNodes(_ journey: Journey) -> [String] {
        var names: [String] = []
        var i = 0
        for stage in journey.stages {
            let onlyBranches = stage.touchpoints.allSatisfy(\.isBranch)
            for tp in stage.touchpoints {
                if onlyBranches || !tp.isBranch { names.append("tp\(i)") }
                i += 1
            }
        }
        return names
    }

    static func check(_ journey: Journey, _ spec: GraphSpec, name: String) throws {
        let json = try #require(try GraphvizRenderer.render(spec, formats: [.layoutJSON])[.layoutJSON])
        let g = try LayoutGeometry(json: json)
        let cards = g.nodes.filter { $0.name.hasPrefix("tp") }
        #expect(cards.count == journey.touchpoints.count, "\(name)")

        // One straight row: stages side by side in document order, every row card on one
        // line, and that line crossing every stage box.
        let stages = g.clusters.sorted { $0.box.x0 < $1.box.x0 }
        #expect(stages.map(\.name) == g.clusters.map(\.name), "\(name): stages out of document order")
        #expect(stages.count == journey.stages.filter { !$0.touchpoints.isEmpty }.count, "\(name)")
        for (a, b) in zip(stages, stages.dropFirst()) {
            #expect(a.box.x1 <= b.box.x0, "\(name): \(a.name) \(a.box) and \(b.name) \(b.box) are not side by side")
        }
        let row = Set(rowNodes(journey))
        let centres = cards.filter { row.contains($0.name) }.map { ($0.box.y0 + $0.box.y1) / 2 }
        if let low = centres.min(), let high = centres.max() {
            #expect(high - low <= 1, "\(name): the row's cards are not level (centres from \(low) to \(high))")
            for s in stages {
                #expect(s.box.y0 < low && s.box.y1 > high, "\(name): \(s.name) \(s.box) is off the row at y=\(low)")
            }
        }

        // Labels: flow labels are nodes of their own; any text Graphviz drew on an edge counts too.
        var labels: [(String, LayoutGeometry.Box)] = g.nodes.filter { $0.name.hasPrefix("flow") }.map { ($0.name, $0.box) }
        for e in g.edges { labels += e.labels.map { ("label of \(e.tail)->\(e.head)", $0) } }
        var headers: [(String, LayoutGeometry.Box)] = g.clusters.compactMap { c in c.label.map { ("header of \(c.name)", $0) } }
        if let heading = g.graphLabel { headers.append(("heading", heading)) }

        for (i, (label, box)) in labels.enumerated() {
            for card in cards where card.box.overlaps(box) { Issue.record("\(name): \(label) \(box) lies on \(card.name) \(card.box)") }
            for (header, h) in headers where h.overlaps(box) { Issue.record("\(name): \(label) \(box) lies on the \(header) \(h)") }
            for (other, o) in labels[(i + 1)...] where o.overlaps(box) { Issue.record("\(name): \(label) \(box) lies on \(other) \(o)") }
            for e in g.edges where e.points.contains(where: { box.contains($0) }) {
                Issue.record("\(name): the line \(e.tail)->\(e.head) crosses \(label) \(box)")
            }
        }
        for e in g.edges {
            for (header, h) in headers where e.points.contains(where: { h.contains($0) }) {
                Issue.record("\(name): the line \(e.tail)->\(e.head) crosses the \(header) \(h)")
            }
            for card in cards where card.name != e.tail && card.name != e.head && e.points.contains(where: { card.box.contains($0) }) {
                Issue.record("\(name): the line \(e.tail)->\(e.head) crosses \(card.name) \(card.box)")
            }
        }
        for card in cards {
            for (header, h) in headers where h.overlaps(card.box) { Issue.record("\(name): \(card.name) lies on the \(header)") }
        }
        if let heading = g.graphLabel {
            for s in stages where s.box.overlaps(heading) { Issue.record("\(name): \(s.name) lies on the heading") }
        }
    }
}
