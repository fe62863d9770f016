import Foundation
import JourneyTestSupport
import Testing

@Suite struct WorkflowCommandTests {
    @Test func fmtCheckThenFormat() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = "\(dir)/messy.journey"
        try "journey  m \"M\"{\n department d   \"D\" # keep me\nstage s \"S\" {touchpoint a \"A\" {owner d}}\n}\n".write(toFile: f, atomically: true, encoding: .utf8)
        let check = try CLI.run(["fmt", "--check", f])
        #expect(check.status == 1)
        #expect(check.stdout.contains("messy.journey"))
        #expect(try CLI.run(["fmt", f]).status == 0)
        let text = String(decoding: try #require(CLI.read(f)), as: UTF8.self)
        #expect(text.contains("  department d \"D\" # keep me\n"))
        #expect(try CLI.run(["fmt", "--check", f]).status == 0)
        #expect(try CLI.run(["fmt", "--check", "journeys"]).status == 0, "the examples are formatted")
    }

    @Test func initScaffoldsAJourneyThatChecks() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["init", "trial", "-d", dir])
        #expect(r.status == 0)
        let check = try CLI.run(["check", "\(dir)/trial.journey"])
        #expect(check.status == 1, "the starter's target is missed on purpose by its sample data")
        #expect(!check.stderr.contains(": error: ") || check.stderr.contains("[JM510]"))
        #expect(try CLI.run(["check", "\(dir)/trial.journey", "--fail-on", "errors"]).status == 0)
        #expect(try CLI.run(["init", "trial", "-d", dir]).status == 64, "no silent overwrite")
    }
}
