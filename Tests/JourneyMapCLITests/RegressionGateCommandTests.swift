import Foundation
import JourneyTestSupport
import Testing

/// `journeymap check --baseline … --fail-on regressions` end to end: the exit code, and the
/// text, GitHub and SARIF output pointing at the touchpoint's line in the journey file.
@Suite struct RegressionGateCommandTests {
    @Test func plantedRegressionFailsTheGate() throws {
        let dir = try PlantedGate.folder(current: PlantedGate.after(), baseline: PlantedGate.before())
        let r = try CLI.run(["check", "gate.journey", "--baseline", "old.csv", "--fail-on", "regressions"], cwd: dir)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            r.stderr.contains(
                "gate.journey:7:16: error: NPS at touchpoint pay got significantly worse from old.csv to current: +30 (95% interval +22.2 to +37.4), n = 400 then 0 (95% interval -7.6 to +7.6), n = 400; change -30 (95% interval -40.5 to -19), Holm-adjusted p < 0.001 (adjusted Wald) [JM512]"
            ), "\(r.stderr)")
        #expect(!r.stderr.contains("touchpoint search got") && !r.stderr.contains("touchpoint board got"))
        // Reported, but not failing, without --fail-on regressions.
        let report = try CLI.run(["check", "gate.journey", "--baseline", "old.csv"], cwd: dir)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stderr.contains("[JM512]"))
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func plantedNoisePassesTheGate(seed: UInt64) throws {
        let dir = try PlantedGate.folder(
            current: PlantedGate.noise(seed: seed, date: "2026-02-15"), baseline: PlantedGate.noise(seed: seed + 1000, date: "2026-01-15"))
        let r = try CLI.run(["check", "gate.journey", "--baseline", "old.csv", "--fail-on", "regressions"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("6 comparisons") && r.stderr.contains("0 significantly worse"), "\(r.stderr)")
    }

    @Test func githubAnnotationsPointAtTheTouchpoint() throws {
        let dir = try PlantedGate.folder(current: PlantedGate.after(), baseline: PlantedGate.before())
        let r = try CLI.run(["check", "gate.journey", "--baseline", "old.csv", "--fail-on", "regressions", "--format", "github"], cwd: dir)
        #expect(r.status == 1)
        let errors = r.stdout.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        #expect(errors.contains { $0.hasPrefix("::error file=gate.journey,line=7,col=16,endColumn=19,title=JM512::NPS at touchpoint pay") })
        #expect(errors.contains { $0.hasPrefix("::error file=gate.journey,line=5,col=9,endColumn=13,title=JM512::NPS at stage book") })
        #expect(errors.count == 3, "pay, its stage and the journey: \(errors)")
        #expect(r.stdout.contains("title=JM514::compared old.csv with current (Holm-corrected at 5%25)"))
    }

    @Test func sarifResultsPointAtTheTouchpoint() throws {
        let dir = try PlantedGate.folder(current: PlantedGate.after(), baseline: PlantedGate.before())
        let r = try CLI.run(["check", "gate.journey", "--baseline", "old.csv", "--fail-on", "regressions", "--format", "sarif"], cwd: dir)
        #expect(r.status == 1)
        let results = try SARIFTests().validate(r.stdout)
        let regressions = results.filter { $0["ruleId"] as? String == "JM512" }
        #expect(regressions.count == 3)
        let pay = try #require(
            regressions.first { (($0["message"] as? [String: Any])?["text"] as? String ?? "").contains("touchpoint pay") })
        #expect(pay["level"] as? String == "error")
        let physical = try #require((pay["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "gate.journey")
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 7 && region["startColumn"] as? Int == 16)
    }

    @Test func previousPeriodOnADatedFile() throws {
        let dir = try PlantedGate.folder(current: PlantedGate.before(date: "2026-01-15") + PlantedGate.after(date: "2026-02-15"))
        let r = try CLI.run(["check", "gate.journey", "--baseline", "previous", "--fail-on", "regressions"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("gate.journey:7:16: error: NPS at touchpoint pay got significantly worse from 2026-01 to 2026-02"))
        let quarter = try CLI.run(
            ["check", "gate.journey", "--baseline", "previous", "--period", "quarter", "--fail-on", "regressions"], cwd: dir)
        #expect(quarter.status == 1, "one quarter: no previous period, an error")
        #expect(quarter.stderr.contains("falls in one quarter (2026-Q1), so there is no previous period"), "\(quarter.stderr)")
        #expect(quarter.stderr.contains("[JM513]"))
    }

    @Test(.enabled(if: PlantedGate.hasGit, "needs git"))
    func revisionFromAnotherFolder() throws {
        let dir = try PlantedGate.folder(current: PlantedGate.before())
        PlantedGate.git(["init", "-q"], in: dir)
        PlantedGate.git(["add", "."], in: dir)
        PlantedGate.git(["commit", "-q", "-m", "baseline"], in: dir)
        try PlantedGate.writeCSV(PlantedGate.after(), to: dir + "/gate.feedback.csv")
        // Run from outside the repository: the revision is looked up in the journey's folder.
        let r = try CLI.run(["check", dir + "/gate.journey", "--baseline", "HEAD", "--fail-on", "regressions", "-q"], cwd: "/")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("\(dir)/gate.journey:7:16: error: NPS at touchpoint pay got significantly worse from HEAD to current"))
    }

    @Test func badBaselinesAreCommandLineErrors() throws {
        let dir = try PlantedGate.folder(current: PlantedGate.after())
        let missing = try CLI.run(["check", "gate.journey", "--baseline", "old-export.csv", "--fail-on", "regressions"], cwd: dir)
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("--baseline 'old-export.csv' is not a file, a git revision of this repository, or 'previous'"))
        let noBaseline = try CLI.run(["check", "gate.journey", "--fail-on", "regressions"], cwd: dir)
        #expect(noBaseline.status == 64)
        #expect(noBaseline.stderr.contains("--fail-on regressions needs --baseline FILE|REV|previous"))
        let option = try CLI.run(["check", "gate.journey", "--baseline=--help", "--fail-on", "regressions"], cwd: dir)
        #expect(option.status == 64, "a revision starting with '-' never reaches git as an option")
    }
}
