import Foundation
import JourneyTestSupport
import Testing

@Suite struct CheckCommandTests {
    @Test func fiveMistakesFiveErrorsWithCarets() throws {
        let r = try CLI.run(["check", "Tests/JourneyCoreTests/Fixtures/diagnostics/five-mistakes.journey"])
        #expect(r.status == 1)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 5, "\(r.stderr)")
        #expect(errors.allSatisfy { $0.hasPrefix("Tests/JourneyCoreTests/Fixtures/diagnostics/five-mistakes.journey:") })
        #expect(r.stderr.split(separator: "\n").filter { $0.contains("^") }.count >= 5)
        #expect(r.stdout.isEmpty)
    }

    @Test func missedTargetsFailUnlessExcluded() throws {
        let strict = try CLI.run(["check", "journeys"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("[JM510]"))
        #expect(strict.stderr.contains("target csat >= 70% at touchpoint checkout missed: csat is"))
        let lenient = try CLI.run(["check", "journeys", "--fail-on", "errors"])
        #expect(lenient.status == 0, "\(lenient.stderr)")
    }

    @Test func feedbackRowsAreAccountedWithLines() throws {
        let r = try CLI.run(["check", "journeys/air-travel.journey", "--fail-on", "errors"])
        #expect(r.stderr.contains("air-travel.feedback.csv:1047:34: warning: nps 11 is outside its scale 0..10"))
        #expect(r.stderr.contains("date '2024-02-30' is not a valid date"))
        #expect(r.stderr.contains("unknown touchpoint 'chek-in'; did you mean 'checkin'?"))
        #expect(r.stderr.contains("rows read:"))
        let strict = try CLI.run(["check", "journeys/air-travel.journey", "--fail-on", "errors", "--strict"])
        #expect(strict.status == 1, "--strict turns row problems into errors")
    }

    @Test func machineFormats() throws {
        let file = "Tests/JourneyCoreTests/Fixtures/diagnostics/five-mistakes.journey"
        let github = try CLI.run(["check", file, "--format", "github"])
        #expect(github.status == 1)
        #expect(github.stdout.split(separator: "\n").filter { $0.hasPrefix("::error file=\(file),line=") }.count == 5)
        let sarif = try CLI.run(["check", file, "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [Any]) ?? []
        #expect(results.count >= 5)
        let json = try CLI.run(["check", file, "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((doc["diagnostics"] as? [Any])?.count ?? 0 >= 5)
    }

    @Test func usageErrorsExit64() throws {
        #expect(try CLI.run(["check", "/no/such/path"]).status == 64)
        #expect(try CLI.run(["render", "journeys", "--format", "gif"]).status == 64)
        #expect(try CLI.run(["frobnicate"]).status == 64)
        let version = try CLI.run(["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)
    }
}
