import Foundation
import JourneyTestSupport
import Testing

/// `fmt -` and `check -`: the journey on standard input (format-on-save, pre-commit hooks).
@Suite struct StandardInputTests {
    static let unformatted = "journey x \"X\" {\n  stage s \"S\" {    touchpoint a \"A\" { owner o }\n}\n}\n"
    static let formatted = "journey x \"X\" {\n  stage s \"S\" {\n    touchpoint a \"A\" { owner o }\n  }\n}\n"

    @Test func fmtWritesTheLayoutToStandardOutput() throws {
        let r = try CLI.run(["fmt", "-"], stdin: Data(Self.unformatted.utf8))
        #expect(r.status == 0)
        #expect(r.stdout == Self.formatted)
        #expect(r.stderr.isEmpty)
        // Formatted input comes back byte for byte.
        let again = try CLI.run(["fmt", "-"], stdin: Data(Self.formatted.utf8))
        #expect(again.stdout == Self.formatted)
    }

    @Test func fmtCheckNamesTheInputWhenItWouldChange() throws {
        let r = try CLI.run(["fmt", "--check", "-", "--stdin-filename", "docs/new.journey"], stdin: Data(Self.unformatted.utf8))
        #expect(r.status == 1)
        #expect(r.stdout == "docs/new.journey\n")
        let ok = try CLI.run(["fmt", "--check", "-"], stdin: Data(Self.formatted.utf8))
        #expect(ok.status == 0 && ok.stdout.isEmpty)
    }

    @Test func fmtOfBrokenInputPrintsNothingAndNamesTheFile() throws {
        let r = try CLI.run(
            ["fmt", "-", "--stdin-filename", "team/trip.journey"], stdin: Data("journey x \"X\" {\n  stage s \"S\n}\n".utf8))
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty, "an editor would replace its buffer with this")
        #expect(r.stderr.hasPrefix("team/trip.journey:2:"))
    }

    @Test func checkResolvesIncludesAndDataRelativeToTheGivenName() throws {
        let path = Repo.path("journeys/air-travel.journey")
        let text = try #require(FileManager.default.contents(atPath: path))
        // Unchanged text: exactly what checking the file says (includes found, data joined, targets).
        let fromFile = try CLI.run(["check", "journeys/air-travel.journey"])
        let fromStdin = try CLI.run(["check", "-", "--stdin-filename", "journeys/air-travel.journey"], stdin: text)
        #expect(fromStdin.status == fromFile.status)
        #expect(fromStdin.stderr == fromFile.stderr)
        #expect(fromStdin.stderr.contains("[JM510]"), "the feedback was joined and the targets judged")
        // An unsaved edit with a typo: reported at the given name's line and column.
        let edited = String(decoding: text, as: UTF8.self).replacingOccurrences(of: "      owner finance\n", with: "      owner finanse\n")
        let r = try CLI.run(
            ["check", "-", "--stdin-filename", "journeys/air-travel.journey", "--format", "json"], stdin: Data(edited.utf8))
        #expect(r.status == 1)
        #expect(r.stdout.contains(#""file" : "journeys/air-travel.journey""#) && r.stdout.contains(#""code" : "JM202""#))
        #expect(!r.stdout.contains("JM400"), "the include was found relative to the name")
    }

    @Test func checkOfStandardInputReportsBadBytesLikeAFile() throws {
        let r = try CLI.run(["check", "-"], stdin: Data([0x6A, 0xFF, 0x0A]))
        #expect(r.status == 1)
        #expect(r.stderr.contains("<stdin>:1:2: error: the file is not valid UTF-8"))
    }

    @Test func dashMixedWithPathsIsAUsageError() throws {
        let r = try CLI.run(["check", "-", "journeys"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("'-' (standard input) cannot be combined with other paths"))
    }
}
