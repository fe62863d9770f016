import Foundation
import JourneyTestSupport
import Testing

/// `journeymap diff JOURNEY --baseline OLD [--current NEW]`: two feedback snapshots of one
/// journey, the significant changes listed with both figures, intervals, n and the difference.
@Suite struct FeedbackDiffCommandTests {
    @Test func markdownListsThePlantedDrop() throws {
        let dir = try PlantedGate.folder(current: PlantedGate.after(), baseline: PlantedGate.before())
        let r = try CLI.run(["diff", "gate.journey", "--baseline", "old.csv"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("# Feedback changes: Gate test\n\nFrom old\\.csv to current: 6 comparisons"))
        #expect(r.stdout.contains("Holm-corrected at 5%"))
        let rows = r.stdout.split(separator: "\n").filter { $0.hasPrefix("| ▼") || $0.hasPrefix("| ▲") }
        #expect(
            rows.first
                == "| ▼ worse | Pays | NPS | +30 (+22.2 to +37.4), n = 400 | 0 (-7.6 to +7.6), n = 400 | -30 (-40.5 to -19) | < 0.001 |")
        #expect(rows.count == 3, "pay, its stage and the journey: \(rows)")
        #expect(!r.stdout.contains("Searches") && !r.stdout.contains("Boards"))
    }

    /// Two snapshots given explicitly: swapping them turns every regression into an improvement.
    @Test func twoSnapshotsAndJSON() throws {
        let dir = try PlantedGate.folder(current: PlantedGate.after(), baseline: PlantedGate.before())
        let swapped = try CLI.run(["diff", "gate.journey", "--baseline", "gate.feedback.csv", "--current", "old.csv"], cwd: dir)
        #expect(swapped.status == 0)
        #expect(
            swapped.stdout.contains(
                "| ▲ better | Pays | NPS | 0 (-7.6 to +7.6), n = 400 | +30 (+22.2 to +37.4), n = 400 | +30 (+19 to +40.5) |"))
        #expect(!swapped.stdout.contains("▼"))
        let same = try CLI.run(["diff", "gate.journey", "--baseline", "old.csv", "--current", "old.csv"], cwd: dir)
        #expect(same.stdout.contains("No significant change: every difference's interval includes 0 after the correction."))
        let json = try CLI.run(["diff", "gate.journey", "--baseline", "old.csv", "--format", "json"], cwd: dir)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(doc["schema"] as? String == "journeymap.feedback-diff" && doc["version"] as? Int == 1)
        #expect(doc["comparisons"] as? Int == 6 && doc["correction"] as? String == "holm")
        let first = try #require((doc["significant"] as? [[String: Any]])?.first)
        #expect((first["scope"] as? [String: Any])?["id"] as? String == "pay")
        #expect(first["worse"] as? Bool == true)
        #expect((first["difference"] as? [String: Any])?["value"] as? Double == -30)
        #expect((first["before"] as? [String: Any])?["n"] as? Int == 400)
        #expect((first["before"] as? [String: Any])?["label"] as? String == "old.csv")
    }

    @Test func previousPeriodOfADatedFile() throws {
        let dir = try PlantedGate.folder(current: PlantedGate.before(date: "2026-01-15") + PlantedGate.after(date: "2026-02-15"))
        let r = try CLI.run(["diff", "gate.journey", "--baseline", "previous"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("From 2026\\-01 to 2026\\-02"))
        #expect(r.stdout.contains("| ▼ worse | Pays | NPS |"))
    }

    @Test(.enabled(if: PlantedGate.hasGit, "needs git"))
    func revisionAgainstTheWorkingTree() throws {
        let dir = try PlantedGate.folder(current: PlantedGate.before())
        PlantedGate.git(["init", "-q"], in: dir)
        PlantedGate.git(["add", "."], in: dir)
        PlantedGate.git(["commit", "-q", "-m", "baseline"], in: dir)
        try PlantedGate.writeCSV(PlantedGate.after(), to: dir + "/gate.feedback.csv")
        PlantedGate.git(["commit", "-q", "-am", "drop"], in: dir)
        let r = try CLI.run(["diff", "gate.journey", "--baseline", "HEAD~1", "--current", "HEAD"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("From HEAD\\~1 to HEAD"), "\(r.stdout)")
        #expect(r.stdout.contains("| ▼ worse | Pays | NPS | +30"))
    }

    @Test func errors() throws {
        let dir = try PlantedGate.folder(current: PlantedGate.after(), baseline: PlantedGate.before())
        let noBaseline = try CLI.run(["diff", "gate.journey", "gate.journey", "--current", "old.csv"], cwd: dir)
        #expect(noBaseline.status == 64 && noBaseline.stderr.contains("--current needs --baseline"))
        let both = try CLI.run(["diff", "gate.journey", "--baseline", "previous", "--current", "old.csv"], cwd: dir)
        #expect(both.status == 64 && both.stderr.contains("leave out --current"))
        let missing = try CLI.run(["diff", "gate.journey", "--baseline", "nope.csv"], cwd: dir)
        #expect(missing.status == 64 && missing.stderr.contains("--baseline 'nope.csv' is not a file"))
        let one = try CLI.run(["diff", "gate.journey", "--baseline", "previous"], cwd: dir)
        #expect(one.status == 1 && one.stdout.isEmpty)
        #expect(one.stderr.contains("gate.journey:1:1: error: --baseline previous: every dated response of 'gate' falls in one month"))
        let oneArgument = try CLI.run(["diff", "gate.journey"], cwd: dir)
        #expect(oneArgument.status == 64)
    }
}
