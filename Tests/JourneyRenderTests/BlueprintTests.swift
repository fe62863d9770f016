import Foundation
import JourneyCore
import JourneyGraphviz
import JourneyRender
import JourneyTestSupport
import Testing

/// The service blueprint of journeys that say little: Mermaid imports have no owner and no
/// channel, which once left an empty `<FONT></FONT>` that Graphviz rejects.
@Suite struct BlueprintTests {
    static let suite = Repo.fixture("mermaid-suite")
    static let valid = Repo.files(in: suite, suffix: ".mmd").filter { !$0.contains("INVALID") }

    static func imported(_ name: String) throws -> Journey {
        let path = suite + "/" + name
        let data = try #require(FileManager.default.contents(atPath: path))
        let (m, diags) = MermaidParser.parse(SourceFile(path: path, bytes: Array(data)))
        let mermaid = try #require(m, "\(diags)")
        let loaded = JourneyLoader.load(text: MermaidConversion.journeyText(mermaid, fallbackID: "imported"), path: "/tmp/imported.journey")
        return try #require(loaded.journey)
    }

    @Test func everyValidMermaidFixtureIsTested() { #expect(Self.valid.count == 6) }

    @Test(arguments: valid)
    func mermaidImportRendersWithNoEmptyMarkup(_ name: String) throws {
        let journey = try Self.imported(name)
        let dot = DOTWriter.write(BlueprintBuilder.build(journey))
        #expect(dot.range(of: #"<FONT[^>]*></FONT>"#, options: .regularExpression) == nil, "empty FONT in \(name)")
        let svg = String(
            decoding: try #require(try GraphvizRenderer.render(BlueprintBuilder.build(journey), formats: [.svg])[.svg]), as: UTF8.self)
        for tp in journey.touchpoints { #expect(svg.contains(Escape.html(String(tp.title.prefix(12)))), "\(name): \(tp.title)") }
    }

    /// A title and an action of invisible characters only: escaping leaves nothing, and the
    /// label must still be valid.
    @Test func invisibleTextStillRenders() throws {
        let text = """
            journey j "J" {
              department ops "\u{200B}"
              stage s "S" { touchpoint a "\u{202E}" { owner ops; action "\u{200B}"; backstage "\u{2066}" owner ops } }
            }
            """
        let journey = try #require(JourneyLoader.load(text: text, path: "/tmp/j.journey").journey)
        _ = try GraphvizRenderer.render(BlueprintBuilder.build(journey), formats: [.svg])
    }

    /// Lanes connect where the journey declares both ends: support → backstage → frontstage → action.
    @Test func arrowsJoinTheLanesOfAColumn() throws {
        let text = """
            journey j "J" {
              department ops "Ops"
              stage s "S" {
                touchpoint a "A" { owner ops; action "does"; backstage "behind" owner ops; support "system" }
                touchpoint b "B" { owner ops; support "system only" }
                touchpoint c "C" { owner ops }
              }
            }
            """
        let journey = try #require(JourneyLoader.load(text: text, path: "/tmp/j.journey").journey)
        let spec = BlueprintBuilder.build(journey)
        let arrows = spec.edges.filter { $0.attributes[.arrowhead]?.value == "normal" }
        // a: support → backstage → frontstage → action (3); b: support → frontstage (1); c: none.
        #expect(arrows.count == 4)
    }
}
