import Foundation
import JourneyCore
import Testing

/// Hostile Mermaid input (issue 14 items 7 and 13): import keeps the diagram's order, refuses
/// or cleans what the journey language cannot hold, and export -> import gives it back.
@Suite struct HostileMermaidTests {
    static func imported(_ text: String) -> (MermaidJourney?, [Diagnostic], LoadResult?) {
        let (m, diags) = MermaidParser.parse(SourceFile(path: "in.mmd", text: text))
        guard let m else { return (nil, diags, nil) }
        let loaded = JourneyLoader.load(text: MermaidConversion.journeyText(m, fallbackID: "f"), path: "/nonexistent-root/f.journey")
        return (m, diags, loaded)
    }

    /// An empty section used to be moved after every section with tasks.
    @Test func anEmptySectionKeepsItsPlace() throws {
        let (_, _, loaded) = Self.imported("journey\n  title T\n  section S\n  section T\n    Pay: 3\n  section U\n    Leave: 4\n")
        let j = try #require(loaded?.journey)
        #expect(j.stages.map(\.title) == ["S", "T", "U"])
        #expect(j.stages.map { $0.touchpoints.count } == [0, 1, 1])
    }

    /// An empty stage keeps its id through export -> import (its `%% journeymap: stage` line).
    @Test func anEmptyStageKeepsItsIDThroughARoundTrip() throws {
        let (_, _, loaded) = Self.imported("journey\n  section Wait here\n  section Go\n    Pay: 3\n")
        let j = try #require(loaded?.journey)
        let (back, _, again) = Self.imported(MermaidConversion.mermaid(j))
        #expect(back?.sections == ["Wait here", "Go"])
        #expect(again?.journey?.stages.map(\.id) == j.stages.map(\.id))
    }

    /// The fuzz finding: a line of U+0003 before `    section Dark…: 5: External Service`
    /// imported as a task whose title kept the controls; export wrote it back as a section.
    @Test func controlCharactersAreRemovedWithAWarning() throws {
        let text =
            "journey\n  title T\n  section S\n    Start: 2\n" + String(repeating: "\u{3}", count: 12)
            + "    section Dark…: 5: External Service\n    Ok: 4\n"
        let (m, diags, loaded) = Self.imported(text)
        let w = try #require(diags.first { $0.code == "JM606" })
        #expect(w.severity == .warning && w.range.start.line == 5 && w.range.start.column == 1)
        let mermaid = try #require(m)
        #expect(!(mermaid.sections + mermaid.tasks.map(\.title)).contains { $0.unicodeScalars.contains { $0.value < 0x20 } })
        let j = try #require(loaded?.journey, "\(loaded?.diagnostics.map(\.message) ?? [])")
        let back = try #require(MermaidParser.parse(SourceFile(path: "back", text: MermaidConversion.mermaid(j))).0)
        #expect(back.tasks.map(\.score) == mermaid.tasks.map(\.score))
        #expect(back.sections == mermaid.sections)
    }

    /// A task title that reads as a keyword once its leading spaces are gone is written with
    /// its first character as an entity, so it comes back a task.
    @Test func aTitleThatIsAKeywordAfterSpacesStaysATask() throws {
        let r = SourceRange.file("k.journey")
        let tp = Touchpoint(id: "a", title: "   section Dark", stageID: "s", emotion: Emotion(value: 2), range: r)
        let j = Journey(
            id: "k", title: "K", stages: [Stage(id: "s", title: "S", touchpoints: [tp], range: r)], sourceFile: "k.journey", range: r)
        let back = try #require(MermaidParser.parse(SourceFile(path: "back", text: MermaidConversion.mermaid(j))).0)
        #expect(back.sections == ["S"])
        #expect(back.tasks.map(\.score) == [5])
    }

    /// A 70,000-character title used to be imported and then rejected by `check` (JM013).
    /// It is refused at import, at its line; one that fits imports and checks.
    @Test func aTitleTooLongForTheLanguageIsRefusedAtImport() throws {
        let long = String(repeating: "t", count: 70_000)
        let (m, diags, _) = Self.imported("journey\n  title \(long)\n  section S\n    Pay: 3\n")
        #expect(m == nil)
        let e = try #require(diags.first { $0.code == "JM607" })
        #expect(e.severity == .error && e.range.start.line == 2)
        #expect(e.message == "the title is 70000 bytes; a journey holds at most 65536 bytes in one text: shorten it in the diagram")
        for (what, text) in [
            ("task", "journey\n  section S\n    \(long): 3\n"), ("section", "journey\n  section \(long)\n    Pay: 3\n"),
            ("actor", "journey\n  section S\n    Pay: 3: \(long)\n"),
            ("description", "journey\n  accDescr: \(long)\n  section S\n    Pay: 3\n"),
        ] {
            #expect(Self.imported(text).1.contains { $0.code == "JM607" }, "\(what)")
        }
        let fits = String(repeating: "t", count: 60_000)
        let (ok, _, loaded) = Self.imported("journey\n  title \(fits)\n  section S\n    Pay: 3\n")
        #expect(ok != nil)
        #expect(loaded?.hasErrors == false, "\(loaded?.diagnostics.map(\.message) ?? [])")
    }
}
