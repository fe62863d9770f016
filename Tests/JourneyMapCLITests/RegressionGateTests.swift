import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyWorkflow
import Testing

/// `RegressionGate` (check --baseline) on planted data with a known answer: a 30-point NPS
/// drop at one touchpoint is found there and nowhere it did not happen; the same distribution
/// on both sides is not flagged; each kind of baseline (file, revision, previous period) and
/// each way a baseline can be unusable.
@Suite struct RegressionGateTests {
    func gate(_ dir: String, _ baseline: Baseline, join: JoinOptions = JoinOptions()) throws -> RegressionGate.Result {
        let journey = try #require(JourneyLoader.load(path: dir + "/gate.journey").journey)
        let (current, _) = FeedbackJoin.run(journey, options: join)
        return RegressionGate.run(journey, current: current, baseline: baseline, join: join)
    }

    @Test func plantedRegressionIsFoundAtItsTouchpoint() throws {
        let dir = try PlantedGate.folder(current: PlantedGate.after(), baseline: PlantedGate.before())
        let r = try gate(dir, .file(dir + "/old.csv"))
        let changes = try #require(r.changes)
        let pay = try #require(changes.regressions.first { $0.scope == PeriodScope(.touchpoint, "pay") })
        #expect(pay.metric == .nps)
        #expect(abs(pay.before.value - 30) < 1e-9 && abs(pay.after.value - 0) < 1e-9)
        #expect(pay.nBefore == 400 && pay.nAfter == 400)
        #expect(abs(pay.difference.value + 30) < 1e-9)
        #expect(pay.difference.high < 0, "the difference's interval excludes 0")
        #expect(changes.correction == .holm)
        // Touchpoints that did not change are not flagged.
        #expect(!changes.significant.contains { $0.scope.kind == .touchpoint && $0.scope.id != "pay" })
        let errors = r.diagnostics.filter { $0.code == DiagnosticCode.regression.id }
        let atPay = try #require(errors.first { $0.message.contains("touchpoint pay") })
        #expect(atPay.range.start.line == 7 && atPay.range.start.column == 16, "\(atPay.range)")
        #expect(atPay.message.contains("+30 (95% interval"))
        #expect(atPay.message.contains("n = 400 then 0 (95% interval"))
        #expect(atPay.message.contains("change -30 (95% interval"))
        #expect(r.diagnostics.contains { $0.code == DiagnosticCode.baselineSummary.id && $0.severity == .note })
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func plantedNoiseIsNotARegression(seed: UInt64) throws {
        let dir = try PlantedGate.folder(
            current: PlantedGate.noise(seed: seed, date: "2026-02-15"), baseline: PlantedGate.noise(seed: seed + 1000, date: "2026-01-15"))
        let r = try gate(dir, .file(dir + "/old.csv"))
        let changes = try #require(r.changes)
        #expect(changes.tests.count == 6, "NPS for the journey, two stages and three touchpoints")
        #expect(changes.regressions.isEmpty, "\(changes.regressions.map(\.scope))")
        #expect(!r.diagnostics.contains { $0.severity == .error })
    }

    /// The latest period with responses against the closest earlier one with responses (an
    /// empty month between them is skipped).
    @Test func previousComparesTheLatestTwoPeriodsWithData() throws {
        let dir = try PlantedGate.folder(current: PlantedGate.before(date: "2026-01-15") + PlantedGate.after(date: "2026-03-10"))
        let r = try gate(dir, .previous)
        #expect(r.from == "2026-01" && r.to == "2026-03")
        let pay = try #require(r.changes?.regressions.first { $0.scope == PeriodScope(.touchpoint, "pay") })
        #expect(pay.from == "2026-01" && pay.to == "2026-03" && pay.nBefore == 400)
        var weekly = JoinOptions()
        weekly.period = "week"
        #expect(try gate(dir, .previous, join: weekly).from == "2026-W03")
    }

    @Test(.enabled(if: PlantedGate.hasGit, "needs git"))
    func revisionReadsTheFeedbackAtThatCommit() throws {
        let dir = try PlantedGate.folder(current: PlantedGate.before())
        #expect(PlantedGate.git(["init", "-q"], in: dir) == 0)
        #expect(PlantedGate.git(["add", "gate.journey", "gate.feedback.csv"], in: dir) == 0)
        #expect(PlantedGate.git(["commit", "-q", "-m", "baseline"], in: dir) == 0)
        try PlantedGate.writeCSV(PlantedGate.after(), to: dir + "/gate.feedback.csv")
        let working = try Data(contentsOf: URL(fileURLWithPath: dir + "/gate.feedback.csv"))
        #expect(try Baseline.parse("HEAD", folders: [dir]) == .revision("HEAD"))
        let r = try gate(dir, .revision("HEAD"))
        #expect(r.changes?.regressions.contains { $0.scope == PeriodScope(.touchpoint, "pay") } == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/gate.feedback.csv")) == working, "the working file is untouched")
        // Committed as it is now: nothing changed.
        #expect(PlantedGate.git(["commit", "-q", "-am", "now"], in: dir) == 0)
        #expect(try gate(dir, .revision("HEAD")).changes?.significant.isEmpty == true)
        // A feedback file that the revision does not have.
        try "journey gate \"G\" {\n  stage s \"S\" { touchpoint pay \"P\" }\n  feedback \"new.csv\"\n}\n".write(
            toFile: dir + "/gate.journey", atomically: true, encoding: .utf8)
        try PlantedGate.writeCSV(PlantedGate.after(), to: dir + "/new.csv")
        let missing = try gate(dir, .revision("HEAD"))
        #expect(missing.changes == nil)
        let d = try #require(missing.diagnostics.first)
        #expect(d.code == DiagnosticCode.unusableBaseline.id && d.severity == .error)
        #expect(d.message.contains("git cannot show '\(dir)/new.csv' at revision 'HEAD'"), "\(d.message)")
        #expect(d.range.start.line == 3, "at the feedback declaration")
    }

    /// Too few answers on a side: nothing is compared, and the summary says so as a warning
    /// (a gate that tested nothing must not look like a pass); `--small-sample` sets the bar.
    @Test func nothingComparedIsAWarning() throws {
        // Eight answers at each touchpoint: 16 for stage book, 24 for the journey.
        let dir = try PlantedGate.folder(
            current: PlantedGate.touchpoints.flatMap { PlantedGate.rows($0, 2, 2, 4, date: "2026-02-01") },
            baseline: PlantedGate.touchpoints.flatMap { PlantedGate.rows($0, 4, 2, 2, date: "2026-01-01") })
        var join = JoinOptions()
        join.smallSample = 30
        let few = try gate(dir, .file(dir + "/old.csv"), join: join)
        #expect(few.changes?.tests.isEmpty == true)
        let summary = try #require(few.diagnostics.first { $0.code == DiagnosticCode.baselineSummary.id })
        #expect(summary.severity == .warning)
        #expect(summary.message.contains("6 not made (fewer than 30 answers on a side); nothing was compared"), "\(summary.message)")
        join.smallSample = 10
        let lowered = try gate(dir, .file(dir + "/old.csv"), join: join)
        #expect(lowered.changes?.tests.map(\.scope) == [PeriodScope(.journey, "gate"), PeriodScope(.stage, "book")])
        #expect(lowered.diagnostics.first { $0.code == DiagnosticCode.baselineSummary.id }?.severity == .note)
    }

    @Test func unusableBaselinesAreOneErrorEach() throws {
        // No dates: no periods.
        let undated = try PlantedGate.folder(current: PlantedGate.after(date: ""))
        let noDates = try gate(undated, .previous)
        #expect(noDates.changes == nil)
        #expect(noDates.diagnostics.map(\.code) == [DiagnosticCode.unusableBaseline.id])
        #expect(noDates.diagnostics[0].message.contains("no response of 'gate' has a date"))
        // One period only.
        let one = try gate(try PlantedGate.folder(current: PlantedGate.after()), .previous)
        #expect(one.diagnostics.map(\.code) == [DiagnosticCode.unusableBaseline.id])
        #expect(one.diagnostics[0].message.contains("falls in one month (2026-02), so there is no previous period"))
        // A baseline file the join cannot read (no touchpoint column).
        let dir = try PlantedGate.folder(current: PlantedGate.after())
        try "when,score\n2026-01-01,9\n".write(toFile: dir + "/bad.csv", atomically: true, encoding: .utf8)
        let bad = try gate(dir, .file(dir + "/bad.csv"))
        #expect(bad.changes == nil && bad.diagnostics.map(\.code) == [DiagnosticCode.unusableBaseline.id])
        #expect(
            bad.diagnostics[0].message.hasPrefix("--baseline \(dir)/bad.csv: its data cannot be joined: "), "\(bad.diagnostics[0].message)")
        // A baseline file for a journey that reads two files.
        var two = JoinOptions()
        two.extraFeedback = [dir + "/old.csv"]
        let twoFiles = try gate(dir, .file(dir + "/bad.csv"), join: two)
        #expect(twoFiles.diagnostics.first?.message.contains("reads 2 feedback files") == true)
        // Values that are no baseline at all.
        #expect(throws: Baseline.Invalid.self) { try Baseline.parse(dir + "/no-such.csv", folders: [dir]) }
        #expect(throws: Baseline.Invalid.self) { try Baseline.parse("--output=x", folders: [dir]) }
        #expect(try Baseline.parse("previous") == .previous)
        #expect(try Baseline.parse(dir + "/bad.csv") == .file(dir + "/bad.csv"))
    }
}
