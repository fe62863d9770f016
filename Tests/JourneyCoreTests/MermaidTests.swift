import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

/// Mermaid's own journey test inputs (Tests/Fixtures/mermaid-suite, MIT): valid ones import,
/// resolve and round-trip; invalid ones fail at the bad score.
@Suite struct MermaidTests {
    static let suite = Repo.fixture("mermaid-suite")
    static let files = Repo.files(in: suite, suffix: ".mmd")

    func parse(_ path: String) throws -> (MermaidJourney?, [Diagnostic]) {
        let data = try #require(FileManager.default.contents(atPath: path))
        return MermaidParser.parse(SourceFile(path: path, bytes: Array(data)))
    }

    /// The parameterised test below runs no case at all if the folder is empty or moved.
    @Test func folderYieldsEveryDiagram() {
        #expect(Self.files.count == 9, "Tests/Fixtures/mermaid-suite: \(Self.files)")
        #expect(Self.files.filter { $0.contains("INVALID") }.count == 3)
    }

    @Test(arguments: files)
    func importsOrRejectsAtTheScore(_ name: String) throws {
        let path = Self.suite + "/" + name
        let (m, diags) = try parse(path)
        if name.contains("INVALID") {
            #expect(m == nil)
            let bad = try #require(diags.first { $0.code == "JM604" }, "an invalid score must be reported")
            let line = try #require(
                String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self)
                    .components(separatedBy: "\n").dropFirst(bad.range.start.line - 1).first)
            let col = line.unicodeScalars.index(line.unicodeScalars.startIndex, offsetBy: bad.range.start.column - 1)
            let pointed = String(line.unicodeScalars[col...])
            #expect(["23", "-10", "Hello"].contains { pointed.hasPrefix($0) }, "caret on the score, got '\(pointed)'")
            return
        }
        let mermaid = try #require(m, "\(diags)")
        // Import -> resolve: a valid journey (warnings for missing owners are expected).
        let text = MermaidConversion.journeyText(mermaid, fallbackID: "imported")
        let loaded = JourneyLoader.load(text: text, path: "/tmp/imported.journey")
        #expect(!loaded.hasErrors, "\(DiagnosticPrinter(sources: loaded.sources).format(loaded.diagnostics))")
        let journey = try #require(loaded.journey)
        #expect(journey.touchpoints.count == mermaid.tasks.count)
        // Export -> parse again: the same sections, tasks, scores and actors.
        let (again, againDiags) = MermaidParser.parse(SourceFile(path: "round", text: MermaidConversion.mermaid(journey)))
        let back = try #require(again, "\(againDiags)")
        #expect(back.tasks.map(\.title) == mermaid.tasks.map(\.title))
        #expect(back.tasks.map(\.score) == mermaid.tasks.map(\.score))
        #expect(back.tasks.map(\.section) == mermaid.tasks.map(\.section))
        #expect(back.tasks.map(\.actors) == mermaid.tasks.map(\.actors))
        #expect(back.title == (mermaid.title ?? mermaid.accTitle ?? "imported"))
    }

    /// Mermaid's own expected parse of task_variants, compared field by field. Mermaid keeps
    /// an empty actor ("E task: 5:" gives [""]); we drop empty names, so those compare as [].
    @Test func matchesMermaidsOwnParse() throws {
        let dir = Self.suite
        struct Expected: Decodable { var score: Int; var people: [String]; var section: String; var task: String }
        let data = try #require(FileManager.default.contents(atPath: dir + "/parser-spec__task_variants.expected.json"))
        let expected = try JSONDecoder().decode([Expected].self, from: data)
        let (m, _) = try parse(dir + "/parser-spec__task_variants.mmd")
        let tasks = try #require(m).tasks
        #expect(tasks.count == expected.count)
        for (t, e) in zip(tasks, expected) {
            #expect(t.title == e.task && t.score == e.score && t.section == e.section)
            #expect(t.actors == e.people.filter { !$0.isEmpty })
        }
    }

    @Test func breaksInSectionNamesBecomeSpaces() {
        let (m, _) = MermaidParser.parse(SourceFile(path: "t", text: "journey\nsection A<br>B<br/>C</br />D\n  x: 3: Me\n"))
        #expect(m?.sections == ["A B C D"])
    }

    @Test func exportEscapesSeparators() {
        let (m, _) = MermaidParser.parse(SourceFile(path: "t", text: "journey\nsection S\n  a#58; b: 4: X#44; Y\n"))
        #expect(m?.tasks.first?.title == "a: b")
        #expect(m?.tasks.first?.actors == ["X, Y"])
    }
}
