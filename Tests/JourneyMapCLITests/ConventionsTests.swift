import Foundation
import JourneyTestSupport
import Testing

/// Command-line conventions: readable defaults in `--help`, completion of option values,
/// `--quiet`.
@Suite struct ConventionsTests {
    @Test func helpShowsReadableDefaults() throws {
        let r = try CLI.run(["check", "--help"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("DiagnosticFormatOption"), "the default is shown by name")
        let help = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("values: text, json, github, sarif; default: text"), "\(help)")
    }

    /// Shells complete option values, not only subcommands.
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionsListOptionValues(_ shell: String) throws {
        let r = try CLI.run(["--generate-completion-script", shell])
        #expect(r.status == 0)
        let script = r.stdout.replacingOccurrences(of: "'$'\\n''", with: " ")
        for words in [
            "map curve blueprint ownership drivers canvas segments all", "svg png pdf dot", "default print dark", "mermaid dot json",
            "text json github sarif", "A0",
        ] {
            let first = String(words.split(separator: " ")[0])
            #expect(script.contains(shell == "bash" ? words : first), "\(shell): \(words)")
        }
    }

    @Test func quietPrintsErrorsOnly() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loud = try CLI.run(["render", "journeys/online-return.journey", "-o", dir + "/loud", "--format", "dot"])
        #expect(loud.stdout.contains("wrote "))
        let r = try CLI.run(["render", "journeys/online-return.journey", "-o", dir + "/quiet", "--format", "dot", "--quiet"])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty && r.stderr.isEmpty, "\(r.stdout)\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/quiet/online-return/map.dot"))
        let check = try CLI.run(["check", "Tests/JourneyCoreTests/Fixtures/diagnostics", "-q"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("error:") && !check.stderr.contains("warning:"))
    }

    /// pain-points.md shows the map written beside it, so a pull-request comment has it.
    @Test func painPointsMarkdownLinksTheMap() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try CLI.run(["report", "journeys/online-return.journey", "-o", dir, "-q"]).status == 0)
        let md = String(decoding: CLI.read("\(dir)/online-return/pain-points.md") ?? Data(), as: UTF8.self)
        #expect(md.contains("](map-pain-points.png)"))
        #expect(FileManager.default.fileExists(atPath: "\(dir)/online-return/map-pain-points.png"))
    }
}
