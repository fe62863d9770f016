import JourneyCore
import JourneyTestSupport
import Testing

/// `export --to mermaid` then `import mermaid` gives the journey back: our data travels in
/// `%% journeymap:` comments, and commas are written as commas (no `#44;`).
@Suite struct MermaidRoundTripTests {
    func roundTrip(_ journey: Journey) throws -> (text: String, back: Journey) {
        let text = MermaidConversion.mermaid(journey)
        let (m, diags) = MermaidParser.parse(SourceFile(path: "exported.mmd", text: text))
        let mermaid = try #require(m, "\(diags)")
        let imported = MermaidConversion.journeyText(mermaid, fallbackID: "x")
        let loaded = JourneyLoader.load(text: imported, path: "/tmp/round-trip.journey")
        #expect(!loaded.hasErrors, "\(imported)\n\(DiagnosticPrinter(sources: loaded.sources).format(loaded.diagnostics))")
        return (text, try #require(loaded.journey))
    }

    @Test(arguments: ["air-travel", "bank-account", "online-return"])
    func examplesComeBack(_ name: String) throws {
        let path = Repo.path("journeys/\(name).journey")
        let original = try #require(JourneyLoader.load(path: path).journey)
        let (text, back) = try roundTrip(original)
        #expect(!text.contains("#44;"), "commas are written as commas")
        #expect(back.id == original.id)
        #expect(back.title == original.title)
        #expect(back.stages.map(\.id) == original.stages.map(\.id))
        #expect(back.stages.map(\.title) == original.stages.map(\.title))
        #expect(back.departments.map(\.id).sorted() == original.departments.map(\.id).sorted())
        #expect(back.channels.map(\.id).sorted() == original.channels.map(\.id).sorted())
        #expect(back.personas.map(\.id) == original.personas.map(\.id))
        #expect(back.personas.map(\.name) == original.personas.map(\.name), "full names, commas included")
        for (a, b) in zip(back.touchpoints, original.touchpoints) {
            #expect(a.id == b.id && a.title == b.title)
            #expect(a.owner == b.owner && a.channel == b.channel, "\(a.id)")
            #expect(a.personas == b.personas, "\(a.id)")
            #expect(a.pains == b.pains && a.opportunities == b.opportunities, "\(a.id)")
            #expect(a.isMomentOfTruth == b.isMomentOfTruth, "\(a.id)")
            #expect(a.emotion?.value ?? 0 == b.emotion?.value ?? 0, "\(a.id)")
        }
        #expect(back.touchpoints.count == original.touchpoints.count)
    }

    /// Titles with commas stay readable; an actor list still splits correctly because a persona
    /// named with a comma is shown by its first part.
    @Test func commasInTitlesAndPersonas() throws {
        let source = """
            journey j "Fly, then claim" {
              department ops "Ops"
              persona anna "Anna, consultant"
              persona bob "Bob"
              stage s "Book, pay" {
                touchpoint t "Pays, then waits" { owner ops; persona anna, bob; pain "Fees, hidden" }
              }
            }
            """
        let original = try #require(JourneyLoader.load(text: source, path: "/tmp/j.journey").journey)
        let (text, back) = try roundTrip(original)
        #expect(text.contains("title Fly, then claim"))
        #expect(text.contains("section Book, pay"))
        #expect(text.contains("Pays, then waits: 3: Anna, Bob"))
        #expect(!text.contains("#44;"))
        #expect(back.personas.map(\.name) == ["Anna, consultant", "Bob"])
        #expect(back.touchpoints.first?.pains == ["Fees, hidden"])
        // Without our comments, Mermaid's reading: two actors.
        let plain = text.split(separator: "\n").filter { !$0.contains("%%") }.joined(separator: "\n")
        let (m, _) = MermaidParser.parse(SourceFile(path: "p.mmd", text: plain))
        #expect(m?.tasks.first?.actors == ["Anna", "Bob"])
    }

    /// Someone else's `%%` comment, or a malformed one of ours, is ignored, never an error.
    @Test func foreignCommentsAreIgnored() throws {
        let text =
            "journey\n%% journeymap: touchpoint\n%% note to self\n  section S\n  %% journeymap: stage 12bad\n    a: 4: X\n    %% journeymap: touchpoint a owner \"quoted\"\n"
        let (m, diags) = MermaidParser.parse(SourceFile(path: "c.mmd", text: text))
        #expect(diags.isEmpty)
        let task = try #require(m?.tasks.first)
        #expect(task.data == nil && task.stageID == nil)
    }
}
