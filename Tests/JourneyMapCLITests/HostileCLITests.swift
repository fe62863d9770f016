import Foundation
import JourneyTestSupport
import Testing

/// Hostile inputs end to end through the binary (issue 14): what reaches the terminal.
@Suite struct HostileCLITests {
    static let journey = "journey j \"J\" {\n  department d \"D\"\n  stage s \"S\" { touchpoint a \"A\" { owner d } }\n}\n"

    /// `--feedback` is the user's own choice and may point anywhere, but a file that is not
    /// feedback is quoted only in a short escaped excerpt: never the whole environment.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/environ"), "needs /proc"))
    func procEnvironIsQuotedOnlyInAnExcerpt() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.journey.write(toFile: dir + "/j.journey", atomically: true, encoding: .utf8)
        for format in ["text", "github"] {
            let r = try CLI.run(["check", "j.journey", "--feedback", "/proc/self/environ", "--format", format], cwd: dir)
            #expect(r.status == 1)
            let printed = r.stdout + r.stderr  // github annotations go to stdout
            let line = try #require(printed.split(separator: "\n").first { $0.contains("JM306") })
            #expect(line.count < 300, "\(line.count) characters: \(line)")
            #expect(line.contains("…"))
            // The environment (dozens of variables) is not echoed: the excerpt holds at most
            // 60 characters of it.
            let excerpt = try #require(
                line.range(of: "(columns: ").flatMap { open in
                    line[open.upperBound...].range(of: "…)").map { line[open.upperBound..<$0.lowerBound] }
                })
            #expect(excerpt.replacingOccurrences(of: "\\u{0}", with: " ").count <= 60, "\(excerpt)")
            #expect(!printed.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        }
    }

    /// The same path written in a journey is refused before it is read.
    @Test func feedbackPathsInAJourneyStayInItsFolder() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = Self.journey.replacingOccurrences(of: "\n}\n", with: "\n  feedback \"/proc/self/environ\"\n  feedback \"../x.csv\"\n}\n")
        try text.write(toFile: dir + "/j.journey", atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", "j.journey"], cwd: dir)
        #expect(r.status == 1)
        #expect(
            r.stderr.contains("j.journey:4:12: error: feedback paths are relative to this file; absolute paths are not allowed"),
            "\(r.stderr)")
        #expect(
            r.stderr.contains("j.journey:5:12: error: feedback '../x.csv' leaves the journeys folder")
                || r.stderr.contains("j.journey:5:12: error: feedback file '../x.csv' not found"), "\(r.stderr)")
        #expect(!r.stderr.contains("PATH="))
    }
}
