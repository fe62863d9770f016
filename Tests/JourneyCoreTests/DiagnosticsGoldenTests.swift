import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

/// Every broken fixture's printed diagnostics (with carets) against a recorded golden.
@Suite struct DiagnosticsGoldenTests {
    static let folder = Repo.path("Tests/JourneyCoreTests/Fixtures/diagnostics")

    static var fixtures: [String] { Repo.files(in: folder, suffix: ".journey") }

    /// `diagnosticsMatchGolden` runs no case at all when the folder is empty or moved: that must fail.
    @Test func folderYieldsCases() { #expect(Self.fixtures.count >= 4, "\(Self.folder): \(Self.fixtures)") }

    static func printed(_ name: String) -> (String, LoadResult) {
        let result = JourneyLoader.load(path: folder + "/" + name)
        let text = DiagnosticPrinter(sources: result.sources).format(result.diagnostics)
        return (text.replacingOccurrences(of: Repo.root + "/", with: ""), result)
    }

    @Test(arguments: fixtures)
    func diagnosticsMatchGolden(_ name: String) throws {
        let (text, _) = Self.printed(name)
        try Golden.check(text, at: Self.folder + "/" + name.replacingOccurrences(of: ".journey", with: ".diagnostics.txt"))
    }

    @Test func fiveMistakesGiveFiveDiagnosticsInOneRun() {
        let (_, result) = Self.printed("five-mistakes.journey")
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 5)
        #expect(Set(errors.map(\.code)) == ["JM011", "JM201", "JM203", "JM204", "JM206"])
        #expect(Set(errors.map(\.range.start.line)).count == 5, "one per line")
        #expect(result.journey == nil)
    }

    @Test func warningsAloneStillYieldAJourney() {
        let result = JourneyLoader.load(path: Self.folder + "/warnings.journey")
        #expect(result.diagnostics.contains { $0.code == "JM208" })
        #expect(result.diagnostics.contains { $0.code == "JM209" && $0.message.contains("'lost'") })
        #expect(result.diagnostics.contains { $0.code == "JM207" })
        // The bad theme is an error, so no journey.
        #expect(result.journey == nil)
    }

    @Test func includeProblemsAreAllReported() {
        let result = JourneyLoader.load(path: Self.folder + "/include-cycle.journey")
        let codes = result.diagnostics.map(\.code)
        #expect(codes.contains("JM401"))
        #expect(codes.filter { $0 == "JM402" }.count == 2, "'../' and absolute paths both leave the root")
        #expect(codes.contains("JM400"))
        let cycle = result.diagnostics.first { $0.code == "JM401" }
        #expect(cycle?.message.contains("cycle-a.journey -> ") == true)
    }
}
