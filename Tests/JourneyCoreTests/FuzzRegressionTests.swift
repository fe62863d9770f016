import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

/// Every input a fuzz run ever crashed on (Fuzz/, docs/fuzzing.md) is replayed here with the
/// fuzz target's own invariants: no crash, and formatting formatted text changes nothing.
@Suite struct FuzzRegressionTests {
    static let folder = Repo.path("Tests/JourneyCoreTests/Fixtures/fuzz-regressions")
    static var inputs: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }

    @Test(arguments: inputs)
    func replay(_ name: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name))
        let (file, _) = SourceFile.decode(path: name, data: Array(data))
        _ = JourneyLoader.load(text: file.text, path: "/nonexistent-fuzz-root/\(name)")
        if let m = MermaidParser.parse(file).0, !m.tasks.isEmpty {
            let journey = try #require(
                JourneyLoader.load(text: MermaidConversion.journeyText(m, fallbackID: "f"), path: "/nonexistent-fuzz-root/f.journey")
                    .journey)
            let back = MermaidParser.parse(SourceFile(path: "back", text: MermaidConversion.mermaid(journey))).0
            #expect(back?.tasks.map(\.score) == m.tasks.map(\.score), "round trip keeps the scores")
        }
        if let once = Formatter().format(file).text {
            #expect(Formatter().format(SourceFile(path: name, text: once)).text == once)
        }
    }

    @Test func thereAreRegressionInputs() { #expect(Self.inputs.count >= 2) }
}
